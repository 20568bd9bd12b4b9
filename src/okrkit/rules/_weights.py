"""OKR7xx: weights."""

from __future__ import annotations

import math
from collections.abc import Iterator

from okrkit.model import Direction, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


def _positive(weight: object) -> bool:
    if type(weight) is int:
        return weight > 0
    try:
        return bool(math.isfinite(weight) and weight > 0)  # type: ignore[arg-type, operator]
    except TypeError:
        return False


@REGISTRY.rule("OKR701", name="bad-weight", severity="error", hint="use a number above 0")
def bad_weight(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A weight is not a positive number, or a milestone's weight alone decides its objective.

    A milestone is done or not; weighting it above all its siblings together makes one
    yes-or-no step the objective's whole score.
    """
    for site in context.objectives():
        obj = site.objective
        if not _positive(obj.weight):
            yield site.flag(f"weight {obj.weight!r} is not a positive number")
        krs = obj.key_results
        weights: list[float] | None = None
        for kr_site in site.key_results:
            kr, j = kr_site.key_result, kr_site.index
            if not _positive(kr.weight):
                yield kr_site.flag(f"weight {kr.weight!r} is not a positive number")
            elif kr.direction is Direction.MILESTONE and len(krs) > 1:
                if weights is None:
                    weights = [float(k.weight) if _positive(k.weight) else 0.0 for k in krs]
                    total = math.fsum(weights)
                if weights[j] > total - weights[j]:
                    yield kr_site.flag(
                        f"milestone {kr.title!r} weighs {kr.weight}, more than all its "
                        "siblings together: one yes-or-no step decides the objective",
                        hint="weigh the milestone like the others, or measure its outcome instead",
                    )
