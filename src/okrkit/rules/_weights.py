"""OKR7xx: weights."""

from __future__ import annotations

import math
from collections.abc import Iterator

from okrkit.model import Direction, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


@REGISTRY.rule(
    "OKR701",
    name="bad-weight",
    severity="error",
    hint="weigh the milestone like the others, or measure its outcome instead",
)
def bad_weight(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A milestone weighs more than all its siblings together: it alone decides its objective.

    A milestone is done or not; weighting it above all its siblings together makes one
    yes-or-no step the objective's whole score.  (Every weight is a positive number: the
    model refuses any other.)
    """
    for site in context.objectives():
        krs = site.objective.key_results
        if len(krs) < 2:
            continue
        total: float | None = None
        for kr_site in site.key_results:
            kr = kr_site.key_result
            if kr.direction is Direction.MILESTONE:
                if total is None:
                    total = math.fsum(float(k.weight) for k in krs)
                weight = float(kr.weight)
                if weight > total - weight:
                    yield kr_site.flag(
                        f"milestone {kr.title!r} weighs {kr.weight}, more than all its "
                        "siblings together: one yes-or-no step decides the objective"
                    )
