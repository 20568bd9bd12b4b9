"""Pace: where a key result or objective stands in its cycle, where it is heading, how sure.

`status` compares progress with the time elapsed, `forecast` projects a least-squares line
through the check-ins to the cycle's end, and `confidence` reads what the owners said.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Literal

import attrs

from okrkit import _validators as v
from okrkit._numbers import least_squares, to_float
from okrkit._validators import When
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError, ScoringError
from okrkit.model import CheckIn, Direction, KeyResult, Objective
from okrkit.scoring._policy import (
    CALLBACK_ERRORS,
    LINEAR,
    Policy,
    PolicyName,
    linear,
    policy_named,
    weighted_mean,
)
from okrkit.scoring._progress import (
    GRADED,
    done,
    own_weight,
    progress,
    progress_for,
    start_of,
    target_of,
    value_of,
)
from okrkit.typing import PaceCurve

__all__ = [
    "STALE_AFTER",
    "Forecast",
    "Status",
    "confidence",
    "forecast",
    "quiet_days",
    "status",
]

STALE_AFTER = timedelta(days=14)
"""How long a key result may go without a check-in before `status` calls it stale."""


# Status ------------------------------------------------------------------------------------


class Status(enum.Enum):
    """Where a key result or objective stands in its cycle, at a moment."""

    NOT_STARTED = "not_started"
    """The cycle has not begun."""
    ON_TRACK = "on_track"
    """Progress is at, ahead of, or a little behind what the time elapsed expects."""
    AT_RISK = "at_risk"
    """Progress is behind what the time elapsed expects."""
    OFF_TRACK = "off_track"
    """Progress is far behind what the time elapsed expects."""
    STALE = "stale"
    """No check-in for too long: silence is never green."""
    DONE = "done"
    """The target is reached (`done`): every key result, for an objective.  Never stale."""
    CLOSED = "closed"
    """The cycle has ended: time for a final score."""


def _day(at: When) -> tuple[datetime, date]:
    """*at*'s instant in UTC, and its calendar day on its own clock."""
    checked = v.check_when("at", at)
    day = checked.date() if isinstance(checked, datetime) else checked
    return v.moment(checked), day


def _curve(expected: PaceCurve | Literal["linear"]) -> PaceCurve:
    if expected == "linear":
        return linear
    if not callable(expected):
        raise InvalidTypeError("expected", expected, "'linear' or a callable")
    return expected


def _check_gap(name: str, value: object) -> float:
    result = to_float(name, value)
    if result < 0:
        raise InvalidValueError(name, value, "a number >= 0")
    return result


def quiet_days(kr: KeyResult, cycle: Cycle, at: date) -> int:
    """How many days *kr* has gone without a check-in on day *at* of *cycle*: since the day
    (on its own clock) of its latest check-in by then, or since the cycle began when it has
    none since.  Rule OKR602 calls a key result stale past 14 such days, and
    `okrkit.retrospective` one that ends its cycle so.

    >>> from datetime import date
    >>> from okrkit import Cycle, KeyResult
    >>> kr = KeyResult(title="Raise NPS", direction="increase", start=0, target=1)
    >>> q3 = Cycle.parse("2026-Q3")
    >>> quiet_days(kr.check_in(0.5, at=date(2026, 8, 10)), q3, date(2026, 9, 30))
    51
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    if not isinstance(cycle, Cycle):
        raise InvalidTypeError("cycle", cycle, "a Cycle")
    if not isinstance(at, date) or isinstance(at, datetime):
        raise InvalidTypeError("at", at, "a date")
    latest = kr.latest(at)
    if latest is None:
        return (at - cycle.start).days
    day = latest.at.date() if isinstance(latest.at, datetime) else latest.at
    return (at - max(cycle.start, day)).days


def status(
    x: KeyResult | Objective,
    at: When,
    cycle: Cycle | None = None,
    *,
    expected: PaceCurve | Literal["linear"] = "linear",
    at_risk: float = 0.1,
    off_track: float = 0.25,
    stale_after: timedelta | None = STALE_AFTER,
) -> Status:
    """Where *x* stands at *at*: its progress against the progress expected by then.

    An objective uses its own cycle; a bare key result needs *cycle*.  Before the cycle it is
    NOT_STARTED, after it CLOSED.  Within it, a key result that is `done` (its latest check-in
    reached its target) is DONE, and so is an objective whose key results all are.  Otherwise
    a key result whose latest check-in (or, with none, the cycle's start) is more than
    *stale_after* old is STALE, and so is an objective with such a key result (one that is
    done does not count: nobody need check in on it).  Otherwise the linear score (progress
    clamped to 0..1) is compared with the expected progress: the elapsed fraction of the
    cycle through the *expected* curve (phased targets) for INCREASE, DECREASE and
    MILESTONE, and 1 for the maintenance directions, which should hold all along.  Behind by
    more than *at_risk* is AT_RISK, by more than *off_track* OFF_TRACK, else ON_TRACK.  An
    objective compares the weighted means of its key results' scores and expectations.

    >>> from datetime import date
    >>> from okrkit import Cycle, KeyResult
    >>> kr = KeyResult(title="Raise NPS", direction="increase", start=0, target=1)
    >>> q3, mid = Cycle.parse("2026-Q3"), date(2026, 8, 16)
    >>> status(kr.check_in(0.5, at=date(2026, 8, 10)), mid, cycle=q3)
    <Status.ON_TRACK: 'on_track'>
    >>> status(kr.check_in(0.1, at=date(2026, 8, 10)), mid, cycle=q3)
    <Status.OFF_TRACK: 'off_track'>
    """
    if isinstance(x, Objective):
        if x.cycle is not None and cycle is not None and cycle != x.cycle:
            raise InvalidValueError("cycle", cycle, f"None or the objective's cycle {x.cycle}")
        chosen = x.cycle if x.cycle is not None else cycle
        krs = x.key_results
        if not krs:
            raise ScoringError(f"objective {x.id!r} has no key results: expected at least one")
        if chosen is None:
            raise InvalidValueError(
                "cycle", None, f"a Cycle: objective {x.id!r} has none of its own"
            )
    elif isinstance(x, KeyResult):
        if cycle is None:
            raise InvalidTypeError("cycle", None, "a Cycle: a bare key result has none of its own")
        chosen, krs = cycle, (x,)
    else:
        raise InvalidTypeError("x", x, "a KeyResult or an Objective")
    if not isinstance(chosen, Cycle):
        raise InvalidTypeError("cycle", chosen, "a Cycle")
    curve = _curve(expected)
    risk, off = _check_gap("at_risk", at_risk), _check_gap("off_track", off_track)
    if off < risk:
        raise InvalidValueError("off_track", off_track, f"a number >= at_risk {at_risk!r}")
    if stale_after is not None and not isinstance(stale_after, timedelta):
        raise InvalidTypeError("stale_after", stale_after, "a timedelta or None")
    now, day = _day(at)
    if day < chosen.start:
        return Status.NOT_STARTED
    if day > chosen.end:
        return Status.CLOSED
    elapsed = chosen.elapsed(at)
    pace = LINEAR.score_progress(to_float("expected", _expected(curve, elapsed)))
    begun = v.moment(chosen.start)
    pairs: list[tuple[float, float]] = []
    wanted: list[tuple[float, float]] = []
    finished = [done(kr, at) for kr in krs]
    if all(finished):
        return Status.DONE
    for kr, reached in zip(krs, finished, strict=True):
        actual = LINEAR.score_progress(progress(kr, at))
        latest = kr.latest(at)
        since = begun if latest is None else max(begun, v.moment(latest.at))
        if not reached and stale_after is not None and now - since > stale_after:
            return Status.STALE
        weight = own_weight(kr)
        pairs.append((actual, weight))
        wanted.append((pace if kr.direction in GRADED else 1.0, weight))
    gap = weighted_mean(wanted) - weighted_mean(pairs)
    if gap > off:
        return Status.OFF_TRACK
    if gap > risk:
        return Status.AT_RISK
    return Status.ON_TRACK


def _expected(curve: PaceCurve, elapsed: float) -> object:
    try:
        return curve(elapsed)
    except OKRError:
        raise
    except CALLBACK_ERRORS as error:
        raise ScoringError(f"the expected-progress curve failed at {elapsed!r}: {error}") from error


# Forecast ----------------------------------------------------------------------------------

_WEEK = timedelta(weeks=1)


@attrs.frozen(kw_only=True)
class Forecast:
    """Where a key result is heading: a least-squares line through its check-ins.

    *value* and *score* are the line's value at the cycle's end and its score; *trend* is the
    line's slope per week.  With fewer than two points (the start and the check-ins) at
    distinct times there is no line: they are None and *reason* says why.  *needed* is the
    change per week from *at* that would reach the target by the end (0 when reached; None
    when no time is left or there is no current value).
    """

    value: float | None
    """The line's value at the end of the cycle, within what the key result can reach.

    A milestone forecasts at most done; a value in ``%`` (or ``% of users``...) stays within 0
    to 100 unless its start, target or a reading lies outside; a quantity whose start,
    target and check-ins are all at least 0 never forecasts below 0.  *trend* is the
    line's own slope all the same.
    """
    score: float | None
    """The score of that value under the policy."""
    trend: float | None
    """The line's slope: the change in value per week."""
    needed: float | None
    """The change per week from now that reaches the target by the end of the cycle."""
    points: int
    """How many points the line was fitted through."""
    reason: str | None = None
    """Why there is no line, when there is none."""


def _needed(kr: KeyResult, current: float | None, weeks: float) -> float | None:
    if current is None or weeks <= 0:
        return None
    direction, target = target_of(kr)
    if isinstance(target, tuple):
        goal = min(max(current, target[0]), target[1])
    elif direction in (Direction.INCREASE, Direction.MILESTONE, Direction.AT_LEAST):
        goal = max(current, target)
    else:
        goal = min(current, target)
    return (goal - current) / weeks


def forecast(
    kr: KeyResult,
    cycle: Cycle | None = None,
    at: When | None = None,
    *,
    policy: Policy | PolicyName = LINEAR,
) -> Forecast:
    """Project *kr* to the end of *cycle* with a least-squares line through its history.

    The line runs through the start value at the cycle's start (when the key result has a
    start) and every check-in made by *at* (all of them when *at* is None).  The pace
    needed is measured from *at*, or without it from the latest check-in (or the start).

    >>> from datetime import date
    >>> from okrkit import Cycle, KeyResult
    >>> q3 = Cycle.parse("2026-Q3")
    >>> kr = KeyResult(title="Grow sign-ups", direction="increase", start=0, target=92)
    >>> kr = kr.check_in(31, at=date(2026, 8, 1)).check_in(46, at=date(2026, 8, 16))
    >>> f = forecast(kr, cycle=q3)
    >>> round(f.value, 6), round(f.score, 6), f.points
    (92.0, 1.0, 3)
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    if not isinstance(cycle, Cycle):
        raise InvalidTypeError("cycle", cycle, "a Cycle: a key result does not know its own")
    chosen = policy_named(policy)
    target_of(kr)
    begun = v.moment(cycle.start)
    ended = v.cutoff(cycle.end)  # midnight after the last day

    def weeks(moment: datetime) -> float:
        # A check-in counted in the cycle by its own clock's date may lie before the cycle's
        # first midnight in UTC (early on day one, east of UTC): it is at the start.
        return max((moment - begun) / _WEEK, 0.0)

    history: Sequence[CheckIn] = kr.check_ins
    if at is not None:
        counted = v.counted_by(v.check_when("at", at))
        history = [c for c in kr.check_ins if counted(c.at)]
        now = v.moment(at)
    else:
        now = v.moment(history[-1].at) if history else begun
    points = [(0.0, start_of(kr))] if kr.start is not None else []
    points += [(weeks(v.moment(c.at)), to_float("value", c.value)) for c in history]
    current = value_of(kr, at)
    needed = _needed(kr, current, (ended - now) / _WEEK)
    line = least_squares(points, weeks(ended))
    if line is None:
        return Forecast(
            value=None,
            score=None,
            trend=None,
            needed=needed,
            points=len(points),
            reason=f"a line needs two points at different times; key result {kr.id!r} has "
            f"{len(points)} (its start and check-ins)",
        )
    value, trend = line
    low, high = _reach(kr, points)
    reached = min(max(value, low), high)
    if not math.isfinite(value):
        return Forecast(
            value=None,
            score=None,
            trend=trend if math.isfinite(trend) else None,
            needed=needed,
            points=len(points),
            reason="the projected value lies beyond the float range",
        )
    return Forecast(
        value=reached,
        score=chosen.score_progress(progress_for(kr, reached)),
        trend=trend,
        needed=needed,
        points=len(points),
    )


_PERCENT = frozenset({"%", "percent", "per cent", "pct"})


def _reach(kr: KeyResult, points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The lowest and highest values *kr* can reach, for its forecast (see `Forecast.value`).

    *points* are the line's: the start (when there is one) and the check-ins.
    """
    _, target = target_of(kr)
    known = [*(target if isinstance(target, tuple) else (target,)), *(y for _, y in points)]
    low = 0.0 if min(known) >= 0 else -math.inf  # never below 0 when nothing was
    high = math.inf
    unit = (kr.unit or "").strip().lower()
    if (unit in _PERCENT or unit.startswith("%")) and max(known) <= 100:  # "%", "% of users"
        high = 100.0  # unless the start, the target or a reading lies past it (a retention)
    if kr.direction is Direction.MILESTONE:  # its target lies above its start
        assert not isinstance(target, tuple)  # a band needs direction WITHIN
        high = min(high, target)
    return low, high


# Confidence --------------------------------------------------------------------------------


def confidence(x: KeyResult | Objective, at: When | None = None) -> float | None:
    """The latest confidence given (0 to 1) as of *at*; an objective's is a weighted mean.

    A key result's is the confidence of its latest check-in that gave one, or None.  An
    objective's is the mean of its key results' confidences weighted by their `weight`,
    over those that have one; None when none has.

    >>> from datetime import date
    >>> from okrkit import KeyResult
    >>> kr = KeyResult(title="Ship the beta", direction="milestone")
    >>> kr = kr.check_in(0.2, at=date(2026, 7, 10), confidence=0.9)
    >>> confidence(kr.check_in(0.3, at=date(2026, 7, 20)))
    0.9
    """
    if isinstance(x, KeyResult):
        counted = None if at is None else v.counted_by(v.check_when("at", at))
        for c in reversed(x.check_ins):
            if c.confidence is not None and (counted is None or counted(c.at)):
                return to_float("confidence", c.confidence)
        return None
    if not isinstance(x, Objective):
        raise InvalidTypeError("x", x, "a KeyResult or an Objective")
    pairs = [
        (sure, own_weight(kr)) for kr in x.key_results if (sure := confidence(kr, at)) is not None
    ]
    return weighted_mean(pairs) if pairs else None
