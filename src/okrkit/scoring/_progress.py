"""Progress and scores: how far a key result has come, what it scores, and what it needs.

Every number a key result holds (an int, a float or a Decimal) is converted to a float
first; the arithmetic is done in floats.
"""

from __future__ import annotations

import math
from typing import Literal, TypeAlias

from okrkit import _validators as v
from okrkit._numbers import ordered, snapped, to_float, unordered
from okrkit._validators import When
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError, ScoringError
from okrkit.model import Direction, KeyResult, Objective
from okrkit.scoring._policy import CALLBACK_ERRORS, LINEAR, Policy, PolicyName, policy_named
from okrkit.typing import Weigher

__all__ = [
    "GRADED",
    "WeightName",
    "done",
    "own_weight",
    "progress",
    "progress_for",
    "required_value",
    "score",
    "start_of",
    "target_of",
    "value_of",
]

WeightName: TypeAlias = Literal["weight", "target"]
"""How key results are weighed in an objective: their own `weight`, or their target value."""

GRADED = (Direction.INCREASE, Direction.DECREASE, Direction.MILESTONE)
"""The directions graded by how far they have come; the others are met or not."""


def target_of(kr: KeyResult) -> tuple[Direction, float | tuple[float, float]]:
    """*kr*'s direction and target as floats; `ScoringError` if it has no measurable target."""
    direction, target = kr.direction, kr.target
    if direction is None or target is None:
        missing = " and ".join(
            name for name, value in (("direction", direction), ("target", target)) if value is None
        )
        raise ScoringError(
            f"key result {kr.id!r} is not measurable: expected a direction and a target, "
            f"got no {missing}"
        )
    if isinstance(target, tuple):
        return direction, (to_float("target[0]", target[0]), to_float("target[1]", target[1]))
    return direction, to_float("target", target)


def _fraction(value: float, start: float, target: float) -> float:
    """``(value - start) / (target - start)`` to ten places (`okrkit._numbers.snapped`),
    safe from overflow; saturates at the float range."""
    moved, span = value - start, target - start
    if not (math.isfinite(moved) and math.isfinite(span)):
        # Halving is exact, and brings differences of numbers near the float limit in range.
        moved, span = value / 2 - start / 2, target / 2 - start / 2
    result = moved / span + 0.0  # + 0.0: no progress is 0.0, never -0.0 (0 / -1)
    if math.isinf(result):
        return math.copysign(1.7976931348623157e308, result)
    return snapped(result)


def start_of(kr: KeyResult) -> float:
    """*kr*'s start as a float; `ScoringError` if it has none."""
    if kr.start is None:
        raise ScoringError(
            f"key result {kr.id!r} has no start: expected a baseline to measure "
            f"{kr.direction.value if kr.direction else 'its'} progress from, got None"
        )
    return to_float("start", kr.start)


def progress_for(kr: KeyResult, value: float | None) -> float:
    """The raw progress *kr* would have at *value* (None: no reading at all)."""
    direction, target = target_of(kr)
    if isinstance(target, tuple):  # WITHIN: 1 inside the band, both ends included
        return 1.0 if value is not None and target[0] <= value <= target[1] else 0.0
    if direction is Direction.AT_LEAST:  # the threshold itself counts as met
        return 1.0 if value is not None and value >= target else 0.0
    if direction is Direction.AT_MOST:
        return 1.0 if value is not None and value <= target else 0.0
    start = start_of(kr)
    if target == start:
        raise ScoringError(
            f"key result {kr.id!r}: start {kr.start!r} and target {kr.target!r} are too close "
            "to tell apart in floating point; expected numbers that differ as floats"
        )
    # INCREASE, DECREASE and MILESTONE share one formula, so a decrease is never upside down.
    return _fraction(start if value is None else value, start, target)


def value_of(kr: KeyResult, at: When | None) -> float | None:
    """*kr*'s value as of *at* as a float (its latest check-in, else its start), or None."""
    value = kr.value_at(at)
    return None if value is None else to_float("value", value)


def progress(kr: KeyResult, at: When | None = None) -> float:
    """The raw, unclamped fraction of the way from `start` to `target`, as of *at*, to
    ten decimal places: what the numbers as written give, not a float's noise (109.6 from
    104 to 112 is 0.7, which a threshold of 0.7 meets, not 0.6999999999999993).

    Check-ins after *at* are ignored (a date *at* includes its whole day); with no check-in
    the value is `start`.

    - INCREASE, DECREASE and MILESTONE: ``(value - start) / (target - start)``, one formula
      for both directions; a value past the target gives more than 1, one behind the start
      less than 0.  A milestone is 0 to 1 by default: a check-in of 1 means done, 0.5 half.
    - AT_LEAST and AT_MOST: 1 when the threshold is met, the threshold itself included,
      else 0 (also before any reading).
    - WITHIN: 1 inside the band, both ends included, else 0.

    A key result with no direction or no target raises `ScoringError`.

    >>> from datetime import date
    >>> from okrkit import KeyResult
    >>> kr = KeyResult(title="Grow MRR from $10k to $20k", direction="increase",
    ...                start=10_000, target=20_000).check_in(8_000, at=date(2026, 7, 20))
    >>> progress(kr), progress(kr, at=date(2026, 7, 19))
    (-0.2, 0.0)
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    target_of(kr)
    return progress_for(kr, value_of(kr, at))


def done(kr: KeyResult, at: When | None = None) -> bool:
    """Whether *kr* is done as of *at*: its latest check-in has reached its target.

    Only INCREASE, DECREASE and MILESTONE key results can be done (a milestone checked in as
    complete, a number that got there).  AT_LEAST, AT_MOST and WITHIN are thresholds to be
    held until the cycle's end, so they never are; nor is a key result with no check-in yet,
    or one that cannot be measured.  A done key result is not stale: nobody need check in on
    it again (`status`, and the rule OKR602).

    >>> from datetime import date
    >>> from okrkit import KeyResult
    >>> beta = KeyResult(title="Ship the beta", direction="milestone")
    >>> done(beta), done(beta.check_in(1, at=date(2026, 7, 20)))
    (False, True)
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    if kr.direction not in GRADED or kr.target is None:
        return False
    latest = kr.latest(at)
    if latest is None:
        return False
    try:
        return progress_for(kr, to_float("value", latest.value)) >= 1.0
    except ScoringError:  # no start, or a start the target cannot be told apart from
        return False


def _weigher(weight: Weigher | WeightName | None) -> Weigher:
    if weight is None or weight == "weight":
        return own_weight
    if weight == "target":
        return _target_weight
    if isinstance(weight, str):
        raise InvalidValueError("weight", weight, "'weight', 'target' or a callable")
    if not callable(weight):
        raise InvalidTypeError("weight", weight, "'weight', 'target' or a callable")
    return weight


def own_weight(kr: KeyResult) -> float:
    """*kr*'s own `weight` as a float: how much it counts in its objective by default."""
    return to_float("weight", kr.weight)


def _target_weight(kr: KeyResult) -> float:
    _, target = target_of(kr)
    if isinstance(target, tuple):
        return abs(target[0] / 2 + target[1] / 2)
    return abs(target)


def score(
    x: KeyResult | Objective,
    policy: Policy | PolicyName = LINEAR,
    at: When | None = None,
    weight: Weigher | WeightName | None = None,
) -> float:
    """The score of a key result, or of an objective from its key results, under *policy*.

    A key result scores its `progress` through the policy.  An objective combines its key
    results' scores with the policy's aggregate (by default a weighted mean) using *weight*:
    each key result's own `weight` (the default), ``"target"`` to weigh each by the size of
    its target (so targets of $100k, $20k and $1k do not count a third each), or a callable
    from a key result to its weight.  *weight* means nothing for a lone key result.

    >>> from okrkit import KeyResult, Objective
    >>> from datetime import date
    >>> up = KeyResult(title="up", direction="increase", start=10, target=20)
    >>> down = KeyResult(title="down", direction="decrease", start=20, target=10)
    >>> obj = Objective(title="Balance", key_results=[up.check_in(15, at=date(2026, 8, 1)),
    ...                                                down.check_in(15, at=date(2026, 8, 1))])
    >>> score(obj)
    0.5
    """
    chosen = policy_named(policy)
    if isinstance(x, KeyResult):
        return chosen.score_progress(progress(x, at))
    if not isinstance(x, Objective):
        raise InvalidTypeError("x", x, "a KeyResult or an Objective")
    if not x.key_results:
        raise ScoringError(f"objective {x.id!r} has no key results to score: expected at least one")
    weigh = _weigher(weight)
    pairs: list[tuple[float, float]] = []
    for i, kr in enumerate(x.key_results):
        try:
            w = weigh(kr)
        except OKRError:
            raise
        except CALLBACK_ERRORS as error:
            raise ScoringError(
                f"objective {x.id!r}: weighing key_results[{i}] failed: {error}"
            ) from error
        path = f"key_results[{i}].weight"
        checked = v.check_number(path, w)  # a finite int, float or Decimal, within float range
        if not checked >= 0:
            raise InvalidValueError(path, w, "a weight: a finite number >= 0")
        try:
            kr_score = chosen.score_progress(progress(kr, at))
        except ScoringError as error:
            raise ScoringError(f"objective {x.id!r}, key_results[{i}]: {error}") from error
        pairs.append((kr_score, float(checked)))
    if not any(w for _, w in pairs):
        raise ScoringError(
            f"objective {x.id!r}: its key results' weights total 0; expected some weight above 0"
        )
    return chosen.combine(pairs)


def required_value(kr: KeyResult, score: float, policy: Policy | PolicyName = LINEAR) -> float:
    """The value *kr* needs to reach *score* under *policy*: the notebook's what-if question.

    For INCREASE, DECREASE and MILESTONE it is ``start + p * (target - start)`` for the
    progress p the policy needs (the start itself when no progress already does), as people
    write it (to twelve significant digits: 109.6, not 109.60000000000001) where that scores
    *score* too; where rounding leaves it short, the first value beyond it that scores.
    (Progress is kept to ten decimal places: `progress`.)  For AT_LEAST and AT_MOST it is
    the threshold, and for WITHIN the middle of the band, when *score* is what meeting them
    scores.  `ScoringError` for a score the policy (or the direction) cannot give.

    In floating point the value's score equals *score* to within the precision of the key
    result's numbers (exactly, for policies whose scores come in steps).

    >>> from okrkit import KeyResult
    >>> kr = KeyResult(title="Grow NPS from 10 to 20", direction="increase", start=10, target=20)
    >>> required_value(kr, 0.7), required_value(kr, 0.7, policy="google")
    (17.0, 16.5)
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    chosen = policy_named(policy)
    direction, target = target_of(kr)
    needed = chosen.required_progress(score)
    s = to_float("score", score)
    if direction not in GRADED:
        if chosen.score_progress(1.0) != s:
            raise ScoringError(
                f"key result {kr.id!r} is {direction.value!r}: it scores only "
                f"{chosen.score_progress(0.0)!r} (missed) or {chosen.score_progress(1.0)!r} (met) "
                f"under policy {chosen.name!r}, and no one value is needed to score {s!r}"
            )
        if isinstance(target, tuple):
            return target[0] / 2 + target[1] / 2
        return target
    assert not isinstance(target, tuple)  # a band needs direction WITHIN
    start = start_of(kr)
    progress_for(kr, start)  # the start and target must differ as floats
    value = start + needed * (target - start)
    if not math.isfinite(value):
        value = 2 * (start / 2 + needed * (target / 2 - start / 2))
    if not math.isfinite(value):
        raise ScoringError(
            f"key result {kr.id!r} would need a value beyond the float range to score {s!r}"
        )

    # Rounding (start + needed * span loses digits when the start dwarfs the answer) may
    # leave the value short of the score.  Then find, by bisection over the floats between
    # it and a value far enough on, the first that scores enough: scores never fall as the
    # value moves towards the target.
    def enough(x: float) -> bool:
        return chosen.score_progress(progress_for(kr, x)) >= s

    if enough(value):
        # As people write it, where that scores as well and lies no farther from the start:
        # 109.6, not 109.60000000000001.
        written = float(f"{value:.12g}")
        return written if enough(written) and abs(written - start) <= abs(value - start) else value
    onward = 1.0 if target > start else -1.0
    reach = abs(target - start) * 2.0**-40 + abs(value) * 2.0**-40 + 5e-324
    far = value + onward * reach
    while not enough(far):  # pragma: no cover - a margin of 2**-40 of the span always suffices
        reach *= 2
        far = value + onward * reach
    lo, hi = sorted((ordered(value), ordered(far)))
    # Whether the short end is the lower key, fixed before the loop moves the ends: enough
    # from some key up (rising) or down.
    rising = ordered(value) == lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if enough(unordered(mid)) == rising:
            hi = mid
        else:
            lo = mid
    return unordered(hi if rising else lo)
