"""OKR3xx: whether targets stretch: timid, implausible, sandbagged, or business as usual."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime

from okrkit.cycles import Cycle
from okrkit.model import Commitment, Direction, KeyResult, Plan
from okrkit.rules._context import RuleContext, key_result_path
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY

_CHANGE = (Direction.INCREASE, Direction.DECREASE)


def _change(kr: KeyResult) -> float | None:
    """The planned change as a share of the start; None when it has no meaning."""
    target = kr.target
    if (
        kr.direction not in _CHANGE
        or kr.start is None
        or target is None
        or isinstance(target, tuple)
    ):
        return None
    start = float(kr.start)  # a tiny Decimal start is 0.0 as a float
    if not start:
        return None
    share = abs(float(target) - start) / abs(start)
    return share if math.isfinite(share) else None


def _changes(plan: Plan, context: RuleContext) -> list[tuple[int, int, KeyResult, float]]:
    """Every key result whose planned change has a meaning, with where it is and its share."""

    def compute() -> list[tuple[int, int, KeyResult, float]]:
        found = []
        for i, obj in enumerate(plan.objectives):
            for j, kr in enumerate(obj.key_results):
                if kr.direction in _CHANGE:  # _change's first test, here to save most calls
                    share = _change(kr)
                    if share is not None:
                        found.append((i, j, kr, share))
        return found

    return context._memo("changes", compute)


@REGISTRY.rule("OKR301", name="timid-target", severity="warning", options={"min_change": 0.05})
def timid_target(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The change from start to target is a small share of the start."""
    low = context.options["min_change"]
    for i, j, kr, share in _changes(plan, context):
        if share < low:
            yield context.diagnostic(
                key_result_path(i, j),
                f"key result {kr.title!r} moves {share:.1%} from its start (less than {low:.0%})",
                id=kr.id,
                hint="aim for a change people would notice, or track it as a KPI",
            )


@REGISTRY.rule("OKR302", name="implausible-target", severity="warning", options={"max_change": 3.0})
def implausible_target(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The change from start to target is several times the start."""
    high = context.options["max_change"]
    limit = f"(more than {high:.0%})"
    for i, j, kr, share in _changes(plan, context):
        if share > high:
            yield context.diagnostic(
                key_result_path(i, j),
                f"key result {kr.title!r} moves {share:.0%} from its start {limit}",
                id=kr.id,
                hint="check the baseline and the target; a stretch should stay plausible",
            )


def _owner_averages(plan: Plan, last: int) -> dict[str, tuple[float, int, int]]:
    """Each owner's mean aspirational score over their *last* cycles: (mean, cycles, history i)."""
    by_owner: dict[str, dict[Cycle, list[float]]] = {}
    latest: dict[str, int] = {}
    for k, past in enumerate(plan.history):
        if past.commitment is Commitment.ASPIRATIONAL:
            by_owner.setdefault(past.owner, {}).setdefault(past.cycle, []).append(float(past.score))
            latest[past.owner] = k
    averages = {}
    for owner, cycles in by_owner.items():
        recent = sorted(cycles)[-last:]
        scores = [s for c in recent for s in cycles[c]]
        averages[owner] = (math.fsum(scores) / len(scores), len(recent), latest[owner])
    return averages


def _history_rule(plan: Plan, context: RuleContext, *, high: bool) -> Iterator[Diagnostic]:
    options = context.options
    first: dict[str, int] = {}
    for i, obj in enumerate(plan.objectives):
        if obj.owner is not None:
            first.setdefault(obj.owner, i)
    for owner, (mean, n, k) in _owner_averages(plan, options["cycles"]).items():
        if n < options["min_cycles"]:
            continue
        if high and mean >= options["threshold"]:
            message = (
                f"owner {owner!r} averaged {mean:.2f} on aspirational OKRs over the last "
                f"{n} cycles: the goals were not ambitious"
            )
            hint = "set targets you expect to reach only about 70 % of"
        elif not high and mean < options["threshold"]:
            message = (
                f"owner {owner!r} averaged {mean:.2f} on aspirational OKRs over the last "
                f"{n} cycles: the targets outran capacity"
            )
            hint = "set fewer objectives, or targets the team can move"
        else:
            continue
        if owner in first:
            i = first[owner]
            yield context.diagnostic(
                f"objectives[{i}]", message, id=plan.objectives[i].id, hint=hint
            )
        else:
            yield context.diagnostic(f"history[{k}]", message, hint=hint)


@REGISTRY.rule(
    "OKR303",
    name="sandbagging",
    severity="warning",
    options={"threshold": 0.9, "cycles": 3, "min_cycles": 2},
)
def sandbagging(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner's aspirational OKRs have scored 0.9 or more on average over the last cycles."""
    return _history_rule(plan, context, high=True)


@REGISTRY.rule(
    "OKR304",
    name="overreach",
    severity="warning",
    options={"threshold": 0.3, "cycles": 3, "min_cycles": 2},
)
def overreach(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner's aspirational OKRs have scored below 0.3 on average over the last cycles."""
    return _history_rule(plan, context, high=False)


def _day(at: date) -> float:
    """A point in time as days since the epoch, so a line can run through it."""
    if isinstance(at, datetime):
        return at.timestamp() / 86_400
    return float(at.toordinal())


def _trend_end(kr: KeyResult, cycle: Cycle) -> float | None:
    """Where the least-squares line of the check-ins before *cycle* stands at its end."""
    points = [
        (_day(c.at), float(c.value))
        for c in kr.check_ins
        if (c.at.date() if isinstance(c.at, datetime) else c.at) < cycle.start
    ]
    if len(points) < 2:
        return None
    n = len(points)
    t_mean = math.fsum(t for t, _ in points) / n
    y_mean = math.fsum(y for _, y in points) / n
    sxx = math.fsum((t - t_mean) ** 2 for t, _ in points)
    if sxx == 0:
        return None
    slope = math.fsum((t - t_mean) * (y - y_mean) for t, y in points) / sxx
    return y_mean + slope * (float(cycle.end.toordinal()) - t_mean)


@REGISTRY.rule("OKR305", name="business-as-usual", severity="warning")
def business_as_usual(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The trend before the cycle already reaches the target by the cycle's end."""
    for i, obj in enumerate(plan.objectives):
        if obj.cycle is None:
            continue
        for j, kr in enumerate(obj.key_results):
            if kr.direction not in _CHANGE or not kr.check_ins:
                continue
            if kr.target is None or isinstance(kr.target, tuple):
                continue
            end = _trend_end(kr, obj.cycle)
            if end is None or not math.isfinite(end):
                continue
            target = float(kr.target)
            reached = end >= target if kr.direction is Direction.INCREASE else end <= target
            if reached:
                yield context.diagnostic(
                    key_result_path(i, j),
                    f"key result {kr.title!r}: the trend before the cycle reaches {end:g} by "
                    f"its end, past the target {kr.target}",
                    id=kr.id,
                    hint="this happens without trying: set a target beyond the trend",
                )


@REGISTRY.rule("OKR306", name="overconfident", severity="warning", options={"max": 0.9})
def overconfident(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The average confidence given when the OKRs were drafted is above 0.9."""
    high = context.options["max"]
    for i, obj in enumerate(plan.objectives):
        if obj.commitment is not Commitment.ASPIRATIONAL:
            continue
        drafted = []
        for kr in obj.key_results:
            for c in kr.check_ins:  # in time order: the first confidence given is the draft's
                if c.confidence is not None:
                    drafted.append(float(c.confidence))
                    break
        if drafted and math.fsum(drafted) / len(drafted) > high:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"the key results were drafted with an average confidence of "
                f"{math.fsum(drafted) / len(drafted):.2f} (above {high}): nobody expects a miss",
                id=obj.id,
                hint="an aspirational objective should feel about 50-70 % likely at the start",
            )
