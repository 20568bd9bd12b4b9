"""OKR3xx: whether targets stretch: timid, implausible, sandbagged, or business as usual."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime, timedelta

from okrkit import _validators as v
from okrkit._numbers import least_squares
from okrkit.cycles import Cycle
from okrkit.model import Commitment, Direction, KeyResult, Plan
from okrkit.rules._context import KeyResultSite, ObjectiveSite, RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY
from okrkit.scoring import recent_means

_CHANGE = (Direction.INCREASE, Direction.DECREASE)
_DAY = timedelta(days=1)


def _change(kr: KeyResult) -> float | None:
    """The planned change as a share of the start; None when it has no meaning: no start, a
    start of 0, or a number below 0 (on a scale that goes below zero, NPS from -5 to 20, a
    share of the start says nothing of the change)."""
    target = kr.target
    if (
        kr.direction not in _CHANGE
        or kr.start is None
        or target is None
        or isinstance(target, tuple)
    ):
        return None
    start = float(kr.start)  # a tiny Decimal start is 0.0 as a float
    if start <= 0 or target < 0:
        return None
    share = abs(float(target) - start) / abs(start)
    return share if math.isfinite(share) else None


def _percent(unit: str) -> bool:
    """Whether *unit* is a percentage however spelt ("%", "percent", "pct")."""
    from okrkit.text import canonical_unit

    return unit == "%" or canonical_unit(unit) == "%"


_NEAR_CEILING = 10.0  # points of room left below 100 % that make a percentage "near" it


def _room_closed(kr: KeyResult) -> float:
    """The share of the room up to 100 % that an increasing percentage near it closes: 96.6 %
    to 99.95 % closes 98.5 % of it (downtime cut from 3.4 % to 0.05 %); 0 for anything else,
    and below 90 %, where the room is wide and the start stays the yardstick.

    Near a ceiling, the change as a share of the start is the wrong yardstick: it calls
    that key result a 3.5 % move."""
    target = kr.target
    if kr.unit is None or kr.direction is not Direction.INCREASE:
        return 0.0
    if not isinstance(target, int | float) or not _percent(kr.unit):
        return 0.0
    start, end = float(kr.start or 0), float(target)
    if not (100 - _NEAR_CEILING <= start < end <= 100):
        return 0.0
    return (end - start) / (100 - start)


def _changes(context: RuleContext) -> list[tuple[KeyResultSite, float]]:
    """Every key result whose planned change has a meaning, with its share."""

    def compute() -> list[tuple[KeyResultSite, float]]:
        found = []
        for site in context.key_results():
            if site.key_result.direction in _CHANGE:  # _change's first test, to save most calls
                share = _change(site.key_result)
                if share is not None:
                    found.append((site, share))
        return found

    return context.memo("changes", compute)


@REGISTRY.rule(
    "OKR301",
    name="timid-target",
    severity="warning",
    options={"min_change": 0.05},
    hint="aim for a change people would notice, or track it as a KPI",
)
def timid_target(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The change from start to target is a small share of the start."""
    low = context.options["min_change"]
    for site, share in _changes(context):
        kr = site.key_result
        if share < low and _room_closed(kr) < low:
            # A rate moved by points: "3.4%" alone would read as 3.4 points.
            moved = abs(float(kr.target) - float(kr.start))  # type: ignore[arg-type]
            points = (
                f", {moved:,.4g} point{'' if moved == 1 else 's'}"
                if kr.unit is not None and _percent(kr.unit)
                else ""
            )
            yield site.flag(
                f"key result {kr.title!r} moves {share:.1%} from its start{points} "
                f"(less than {low:.0%})"
            )


@REGISTRY.rule(
    "OKR302",
    name="implausible-target",
    severity="warning",
    options={"max_change": 3.0},
    hint="check the baseline and the target; a stretch should stay plausible",
)
def implausible_target(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The change from start to target is several times the start."""
    high = context.options["max_change"]
    limit = f"(more than {high:.0%})"
    for site, share in _changes(context):
        if share > high:
            yield site.flag(
                f"key result {site.key_result.title!r} moves {share:.0%} from its start {limit}"
            )


def _owner_averages(plan: Plan, last: int) -> dict[str, tuple[float, int, int]]:
    """Each owner's mean aspirational score over their *last* cycles: (mean, cycles, history i)."""
    latest: dict[str, int] = {}
    scores = []
    for k, past in enumerate(plan.history):
        if past.commitment is Commitment.ASPIRATIONAL:
            scores.append((past.owner, past.cycle, float(past.score)))
            latest[past.owner] = k
    means = recent_means(scores, last=last)
    return {owner: (mean, len(cycles), latest[owner]) for owner, (mean, cycles) in means.items()}


def _history_rule(plan: Plan, context: RuleContext, *, high: bool) -> Iterator[Diagnostic]:
    options = context.options
    first: dict[str, ObjectiveSite] = {}  # each owner's first objective
    for site in context.objectives():
        if site.objective.owner is not None:
            first.setdefault(site.objective.owner, site)
    for owner, (mean, n, k) in _owner_averages(plan, options["cycles"]).items():
        if n < options["min_cycles"]:
            continue
        if high and mean >= options["threshold"]:
            message = (
                f"owner {owner!r} averaged {mean:.2f} on aspirational OKRs over the last "
                f"{n} cycles: the goals were not ambitious"
            )
        elif not high and mean < options["threshold"]:
            message = (
                f"owner {owner!r} averaged {mean:.2f} on aspirational OKRs over the last "
                f"{n} cycles: the targets outran capacity"
            )
        else:
            continue
        if owner in first:
            yield first[owner].flag(message)
        else:
            yield context.diagnostic(f"history[{k}]", message)


@REGISTRY.rule(
    "OKR303",
    name="sandbagging",
    severity="warning",
    options={"threshold": 0.9, "cycles": 3, "min_cycles": 2},
    hint="set targets you expect to reach only about 70 % of",
)
def sandbagging(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner's aspirational OKRs have scored 0.9 or more on average over the last cycles."""
    return _history_rule(plan, context, high=True)


@REGISTRY.rule(
    "OKR304",
    name="overreach",
    severity="warning",
    options={"threshold": 0.3, "cycles": 3, "min_cycles": 2},
    hint="set fewer objectives, or targets the team can move",
)
def overreach(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner's aspirational OKRs have scored below 0.3 on average over the last cycles."""
    return _history_rule(plan, context, high=False)


def _trend_end(kr: KeyResult, cycle: Cycle) -> float | None:
    """Where the least-squares line of the check-ins before *cycle* stands at its end.

    Every time is put on one axis, days from the cycle's first midnight in UTC (as `forecast`
    does), so that dates and datetimes can be mixed: a date counts from its midnight.
    """
    begun = v.moment(cycle.start)
    points = [
        ((v.moment(c.at) - begun) / _DAY, float(c.value))
        for c in kr.check_ins
        if (c.at.date() if isinstance(c.at, datetime) else c.at) < cycle.start
    ]
    line = least_squares(points, (v.moment(cycle.end) - begun) / _DAY)
    return None if line is None else line[0]


@REGISTRY.rule(
    "OKR305",
    name="business-as-usual",
    severity="warning",
    hint="this happens without trying: set a target beyond the trend",
)
def business_as_usual(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The trend before the cycle already reaches the target by the cycle's end."""
    for site in context.objectives():
        cycle = site.objective.cycle
        if cycle is None:
            continue
        for kr_site in site.key_results:
            kr = kr_site.key_result
            if kr.direction not in _CHANGE or not kr.check_ins:
                continue
            if kr.target is None or isinstance(kr.target, tuple):
                continue
            end = _trend_end(kr, cycle)
            if end is None or not math.isfinite(end):
                continue
            target = float(kr.target)
            reached = end >= target if kr.direction is Direction.INCREASE else end <= target
            if reached:
                yield kr_site.flag(
                    f"key result {kr.title!r}: the trend before the cycle reaches {end:g} by "
                    f"its end, past the target {kr.target}"
                )


@REGISTRY.rule(
    "OKR306",
    name="overconfident",
    severity="warning",
    options={"max": 0.9},
    hint="an aspirational objective should feel about 50-70 % likely at the start",
)
def overconfident(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The average confidence given when the OKRs were drafted is above 0.9."""
    high = context.options["max"]
    for site in context.objectives():
        obj = site.objective
        if obj.commitment is not Commitment.ASPIRATIONAL:
            continue
        drafted = []
        for kr in obj.key_results:
            for c in kr.check_ins:  # in time order: the first confidence given is the draft's
                if c.confidence is not None:
                    drafted.append(float(c.confidence))
                    break
        if drafted and math.fsum(drafted) / len(drafted) > high:
            yield site.flag(
                f"the key results were drafted with an average confidence of "
                f"{math.fsum(drafted) / len(drafted):.2f} (above {high}): nobody expects a miss"
            )
