"""OKR7xx: weights."""

from __future__ import annotations

import math
from collections.abc import Iterator

from okrkit.model import Direction, Plan
from okrkit.rules._context import RuleContext, key_result_path
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


def _positive(weight: object) -> bool:
    if type(weight) is int:
        return weight > 0
    try:
        return bool(math.isfinite(weight) and weight > 0)  # type: ignore[arg-type, operator]
    except TypeError:
        return False


@REGISTRY.rule("OKR701", name="bad-weight", severity="error")
def bad_weight(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A weight is not a positive number, or a milestone's weight alone decides its objective.

    A milestone is done or not; weighting it above all its siblings together makes one
    yes-or-no step the objective's whole score.
    """
    for i, obj in enumerate(plan.objectives):
        if not _positive(obj.weight):
            yield context.diagnostic(
                f"objectives[{i}]",
                f"weight {obj.weight!r} is not a positive number",
                id=obj.id,
                hint="use a number above 0",
            )
        krs = obj.key_results
        weights: list[float] | None = None
        for j, kr in enumerate(krs):
            if not _positive(kr.weight):
                yield context.diagnostic(
                    key_result_path(i, j),
                    f"weight {kr.weight!r} is not a positive number",
                    id=kr.id,
                    hint="use a number above 0",
                )
            elif kr.direction is Direction.MILESTONE and len(krs) > 1:
                if weights is None:
                    weights = [float(k.weight) if _positive(k.weight) else 0.0 for k in krs]
                    total = math.fsum(weights)
                if weights[j] > total - weights[j]:
                    yield context.diagnostic(
                        key_result_path(i, j),
                        f"milestone {kr.title!r} weighs {kr.weight}, more than all its "
                        "siblings together: one yes-or-no step decides the objective",
                        id=kr.id,
                        hint="weigh the milestone like the others, or measure its outcome instead",
                    )
