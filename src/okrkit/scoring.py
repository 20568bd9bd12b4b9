"""The OKR arithmetic: progress, scoring policies, grades, status, forecasts and what-ifs.

Every number a key result holds (an int, a float or a Decimal, mixed freely) is converted to
a float first, and all the arithmetic is done in floats: results are floats, exact where the
inputs allow and otherwise as close as double precision gets (about 16 significant digits).
A Decimal beyond the float range (``Decimal("1e400")``) is refused with an okrkit error.

>>> from datetime import date
>>> from okrkit import KeyResult
>>> kr = KeyResult(title="Cut open bugs from 100 to 60", direction="decrease",
...                start=100, target=60).check_in(50, at=date(2026, 8, 1))
>>> progress(kr)
1.25
>>> score(kr), score(kr, policy=attrs.evolve(LINEAR, cap=None))
(1.0, 1.25)
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import struct
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from okrkit import _validators as v
from okrkit._validators import When
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError, ScoringError
from okrkit.model import CheckIn, Commitment, Direction, KeyResult, Objective
from okrkit.typing import Aggregator, PaceCurve, Scorer, Weigher

__all__ = [
    "ASPIRATIONAL_BANDS",
    "BINARY",
    "COMMITTED_BANDS",
    "GOOGLE",
    "LINEAR",
    "STALE_AFTER",
    "STEPPED",
    "AggregatorName",
    "Bands",
    "Forecast",
    "Grade",
    "Policy",
    "PolicyName",
    "ScorerName",
    "Status",
    "WeightName",
    "binary",
    "confidence",
    "forecast",
    "grade",
    "linear",
    "mean",
    "minimum",
    "policy_named",
    "progress",
    "required_value",
    "score",
    "status",
    "stepped",
    "tenths",
    "weighted_mean",
]

ScorerName: TypeAlias = Literal["linear", "tenths", "binary"]
"""The built-in scorers, by name: `linear`, `tenths` (Google's rounding) and `binary`."""

AggregatorName: TypeAlias = Literal["weighted_mean", "mean", "minimum"]
"""The built-in aggregators, by name: `weighted_mean`, `mean` and `minimum`."""

PolicyName: TypeAlias = Literal["linear", "google", "stepped", "binary"]
"""The built-in policies, by name: `LINEAR`, `GOOGLE`, `STEPPED` and `BINARY`."""

WeightName: TypeAlias = Literal["weight", "target"]
"""How key results are weighed in an objective: their own `weight`, or their target value."""

STALE_AFTER = timedelta(days=14)
"""How long a key result may go without a check-in before `status` calls it stale."""

_GRADED = (Direction.INCREASE, Direction.DECREASE, Direction.MILESTONE)
_BIGGEST = 1e15  # above this every float is a whole number: rounding to tenths changes nothing


def _float(path: str, value: object) -> float:
    """*value* (an int, float or Decimal) as a finite float; an okrkit error if it is not one.

    `check_number` refuses numbers beyond the float range, so the conversion cannot overflow.
    """
    return float(v.check_number(path, value))


def _describe(x: object) -> str:
    kind = "objective" if isinstance(x, Objective) else "key result"
    return f"{kind} {getattr(x, 'id', '?')!r}"


# Scorers -----------------------------------------------------------------------------------


def linear(progress: float) -> float:
    """Score progress as it is: 0.6 of the way scores 0.6 (the usual convention).

    >>> linear(0.63)
    0.63
    """
    return progress


def tenths(progress: float) -> float:
    """Score progress rounded to the nearest tenth, halves up: Google's grading scale.

    Google grades each key result on a 0.0 to 1.0 scale in steps of 0.1.

    >>> tenths(0.66), tenths(0.64), tenths(0.65)
    (0.7, 0.6, 0.7)
    """
    if not abs(progress) < _BIGGEST:
        return progress
    return math.floor(progress * 10 + 0.5) / 10


def binary(progress: float) -> float:
    """Score 1 when the target is reached (progress 1 or more), else 0.

    >>> binary(0.99), binary(1.0)
    (0.0, 1.0)
    """
    return 1.0 if progress >= 1 else 0.0


@attrs.frozen
class _Steps:
    """A stepped scorer: the score of the highest threshold reached, else 0."""

    thresholds: tuple[float, ...]
    scores: tuple[float, ...]

    def __call__(self, progress: float) -> float:
        reached = bisect.bisect_right(self.thresholds, progress)
        return self.scores[reached - 1] if reached else 0.0


_SCORERS: dict[str, Scorer] = {"linear": linear, "tenths": tenths, "binary": binary}


def _to_scorer(value: object) -> Scorer:
    if isinstance(value, str):
        found = _SCORERS.get(value)
        if found is None:
            raise InvalidValueError(
                "scorer", value, "one of " + _names(_SCORERS) + " or a callable"
            )
        return found
    if not callable(value):
        raise InvalidTypeError("scorer", value, "a callable or one of " + _names(_SCORERS))
    return value


def _names(choices: Iterable[str]) -> str:
    return ", ".join(map(repr, choices))


# Aggregators -------------------------------------------------------------------------------


def _pairs(pairs: object) -> list[tuple[float, float]]:
    """*pairs* checked: finite scores, finite weights >= 0, some weight; an okrkit error if not."""
    if isinstance(pairs, str | bytes) or not isinstance(pairs, Iterable):
        raise InvalidTypeError("pairs", pairs, "a sequence of (score, weight) pairs")
    checked: list[tuple[float, float]] = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidTypeError(f"pairs[{i}]", pair, "a (score, weight) pair")
        s = _float(f"pairs[{i}][0]", pair[0])
        w = _float(f"pairs[{i}][1]", pair[1])
        if w < 0:
            raise InvalidValueError(f"pairs[{i}][1]", pair[1], "a weight >= 0")
        checked.append((s, w))
    if not checked:
        raise ScoringError("nothing to combine: expected at least one (score, weight) pair")
    if not any(w for _, w in checked):
        raise ScoringError(
            f"cannot combine scores whose weights total 0: expected some weight above 0, "
            f"got weights {[w for _, w in checked]!r}"
        )
    return checked


def _scaled(numbers: list[float]) -> tuple[list[float], int]:
    """*numbers* divided by a power of two (exact) so the largest lies in [0.5, 1), and it."""
    exponent = math.frexp(max(map(abs, numbers)))[1]
    return [math.ldexp(x, -exponent) for x in numbers], exponent


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float:
    """The mean of the scores, each counted by its weight: the default aggregate.

    It is computed with exact summation (`math.fsum`), so the order of the pairs never
    changes the result, and it always lies between the lowest and highest score that has
    weight.  Scores and weights are scaled by powers of two first, so huge ones cannot
    overflow.

    >>> weighted_mean([(1.0, 3), (0.0, 1)])
    0.75
    """
    checked = [(s, w) for s, w in _pairs(pairs) if w]
    lowest, highest = min(s for s, _ in checked), max(s for s, _ in checked)
    if lowest == highest:
        return lowest
    scores, exponent = _scaled([s for s, _ in checked])
    weights, _ = _scaled([w for _, w in checked])
    total = math.fsum(s * w for s, w in zip(scores, weights, strict=True)) / math.fsum(weights)
    # Rounding could push the mean a hair outside its bounds; a mean never leaves them.
    return min(max(math.ldexp(total, exponent), lowest), highest)


def mean(pairs: Sequence[tuple[float, float]]) -> float:
    """The plain mean of the scores that have weight, each counted once.

    >>> mean([(1.0, 3), (0.0, 1)])
    0.5
    """
    return weighted_mean([(s, 1.0) for s, w in _pairs(pairs) if w])


def minimum(pairs: Sequence[tuple[float, float]]) -> float:
    """The lowest score that has weight: an objective is only as good as its weakest result.

    >>> minimum([(1.0, 3), (0.2, 1), (0.0, 0)])
    0.2
    """
    return min(s for s, w in _pairs(pairs) if w)


_AGGREGATORS: dict[str, Aggregator] = {
    "weighted_mean": weighted_mean,
    "mean": mean,
    "minimum": minimum,
}


def _to_aggregator(value: object) -> Aggregator:
    if isinstance(value, str):
        found = _AGGREGATORS.get(value)
        if found is None:
            expected = "one of " + _names(_AGGREGATORS) + " or a callable"
            raise InvalidValueError("aggregate", value, expected)
        return found
    if not callable(value):
        raise InvalidTypeError("aggregate", value, "a callable or one of " + _names(_AGGREGATORS))
    return value


# Policies ----------------------------------------------------------------------------------


def _to_floor(value: object) -> float:
    return _float("floor", value)


def _to_cap(value: object) -> float | None:
    return None if value is None else _float("cap", value)


def _callable_repr(value: object) -> str:
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if name is None or module is None:
        return repr(value)
    return f"{module}.{name}"


def _ordered(x: float) -> int:
    """An integer that sorts as *x* does among floats (so bisection takes 64 steps at most)."""
    bits: int = struct.unpack("<q", struct.pack("<d", x))[0]
    return bits if bits >= 0 else -(bits & 0x7FFF_FFFF_FFFF_FFFF)


def _unordered(key: int) -> float:
    """The float whose `_ordered` key is *key*."""
    magnitude: float = struct.unpack("<d", struct.pack("<q", abs(key)))[0]
    return magnitude if key >= 0 else -magnitude


@attrs.frozen(kw_only=True)
class Policy:
    """A scoring policy: how progress becomes a score, its floor and cap, and how scores combine.

    A company's own policy is a new value, never a subclass: build one, or vary a built-in
    with `attrs.evolve`.  *scorer* and *aggregate* take a callable or a built-in's name.

    >>> uncapped = attrs.evolve(LINEAR, name="uncapped", cap=None)
    >>> uncapped.score_progress(1.25), LINEAR.score_progress(1.25), LINEAR.score_progress(-0.2)
    (1.25, 1.0, 0.0)
    >>> LINEAR.combine([(1.0, 1), (0.5, 1)])
    0.75
    """

    name: str = attrs.field(validator=v.text())
    """What the policy is called, in reports and by `policy_named`."""
    scorer: Scorer = attrs.field(converter=_to_scorer, repr=_callable_repr)
    """How raw progress becomes a score, before floor and cap (non-decreasing)."""
    cap: float | None = attrs.field(default=1.0, converter=_to_cap)
    """The highest score; None lets over-achievement score above 1 (1.25 for 125 %)."""
    floor: float = attrs.field(default=0.0, converter=_to_floor)
    """The lowest score: going the wrong way scores this, never less."""
    aggregate: Aggregator = attrs.field(
        default=weighted_mean, converter=_to_aggregator, repr=_callable_repr
    )
    """How an objective combines its key results' ``(score, weight)`` pairs."""

    def __attrs_post_init__(self) -> None:
        if self.cap is not None and self.cap < self.floor:
            raise InvalidValueError("cap", self.cap, f"None or a number >= floor {self.floor!r}")

    def score_progress(self, progress: float) -> float:
        """The score of a raw *progress*: the scorer's result, raised to the floor, cut at the cap.

        >>> GOOGLE.score_progress(0.66)
        0.7
        """
        p = _float("progress", progress)
        try:
            raw = self.scorer(p)
        except OKRError:
            raise
        except (TypeError, ValueError, ArithmeticError) as error:
            raise ScoringError(
                f"policy {self.name!r}: its scorer failed on progress {p!r}: {error}"
            ) from error
        result = self._finite(raw, f"its scorer returned {raw!r} for progress {p!r}")
        result = max(result, self.floor)
        return (result if self.cap is None else min(result, self.cap)) + 0.0  # never -0.0

    def combine(self, pairs: Iterable[tuple[float, float]]) -> float:
        """Combine ``(score, weight)`` pairs with the policy's aggregate (an objective's score).

        An empty sequence, or weights that total 0, raise `ScoringError`; a negative or
        non-finite weight, `InvalidValueError`.

        >>> minimum_policy = attrs.evolve(LINEAR, name="weakest", aggregate="minimum")
        >>> minimum_policy.combine([(0.9, 1), (0.3, 2)])
        0.3
        """
        checked = _pairs(pairs)
        try:
            raw = self.aggregate(checked)
        except OKRError:
            raise
        except (TypeError, ValueError, ArithmeticError) as error:
            raise ScoringError(f"policy {self.name!r}: its aggregate failed: {error}") from error
        return self._finite(raw, f"its aggregate returned {raw!r}")

    def required_progress(self, score: float) -> float:
        """The least raw progress that scores exactly *score* (0 when no progress already does).

        `ScoringError` if the policy never gives that score (above the cap, below the floor,
        or between two steps).  It searches by bisection, so any non-decreasing scorer works.

        >>> LINEAR.required_progress(0.7), STEPPED.required_progress(0.7)
        (0.7, 0.7)
        >>> STEPPED.required_progress(0.5)
        Traceback (most recent call last):
        ...
        okrkit.errors.ScoringError: policy 'stepped' never scores 0.5: ...
        """
        s = _float("score", score)
        at_zero = self.score_progress(0.0)
        if at_zero == s:
            return 0.0
        biggest = _ordered(1.7976931348623157e308)
        # Bisect over the floats' order, keeping score(lo) < s <= score(hi).
        lo, hi = (-biggest, 0) if at_zero > s else (0, biggest)
        if self.score_progress(_unordered(hi)) < s or self.score_progress(_unordered(lo)) >= s:
            self._never(s)
        while hi - lo > 1:
            middle = (lo + hi) // 2
            if self.score_progress(_unordered(middle)) >= s:
                hi = middle
            else:
                lo = middle
        result = _unordered(hi)
        if self.score_progress(result) != s:
            self._never(s)
        return result

    def _never(self, s: float) -> None:
        cap = "no cap" if self.cap is None else f"cap {self.cap!r}"
        raise ScoringError(
            f"policy {self.name!r} never scores {s!r}: expected a score it can give "
            f"(floor {self.floor!r}, {cap}, and its scorer's steps)"
        )

    def _finite(self, raw: object, what: str) -> float:
        if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
            try:
                result = float(raw)
            except (OverflowError, ValueError):  # an int beyond floats, a signalling NaN
                result = math.nan
            if math.isfinite(result):
                return result
        raise ScoringError(f"policy {self.name!r}: {what}; expected a finite number")


LINEAR = Policy(name="linear", scorer=linear)
"""Score = progress, from 0 up to 1: the usual convention, and the default."""

GOOGLE = Policy(name="google", scorer=tenths)
"""Score = progress rounded to the nearest tenth, from 0.0 to 1.0: Google's grading scale."""

BINARY = Policy(name="binary", scorer=binary, aggregate="weighted_mean")
"""Score 1 when the target is reached, else 0: for all-or-nothing key results."""


def stepped(
    steps: Sequence[float] | Mapping[float, float],
    *,
    name: str | None = None,
    cap: float | None = 1.0,
    aggregate: Aggregator | AggregatorName = "weighted_mean",
) -> Policy:
    """A stepped policy: progress scores the step it has reached, else 0.

    *steps* is a sequence of levels, each both the progress to reach and its score
    (``(0.3, 0.7, 1.0)``: the "commit / target / stretch" zones), or a mapping from the
    progress to reach to the score it earns (``{0.5: 0.3, 0.8: 0.7, 1.0: 1.0}``).

    >>> zones = stepped((0.3, 0.7, 1.0))
    >>> [zones.score_progress(p) for p in (0.2, 0.3, 0.69, 0.7, 0.99, 1.4)]
    [0.0, 0.3, 0.3, 0.7, 0.7, 1.0]
    >>> stepped({0.5: 0.3, 1.0: 1.0}).score_progress(0.8)
    0.3
    """
    if isinstance(steps, Mapping):
        items = list(steps.items())
    elif isinstance(steps, Sequence) and not isinstance(steps, str | bytes):
        items = [(step, step) for step in steps]
    else:
        raise InvalidTypeError("steps", steps, "a sequence of levels or a mapping")
    if not items:
        raise InvalidValueError("steps", steps, "at least one step")
    thresholds = tuple(_float(f"steps[{i}]", t) for i, (t, _) in enumerate(items))
    scores = tuple(_float(f"steps[{t!r}]", s) for t, s in items)
    ordered = all(a < b for a, b in itertools.pairwise(thresholds))
    if not ordered or any(a > b for a, b in itertools.pairwise(scores)):
        raise InvalidValueError(
            "steps", steps, "steps in increasing order, each scoring at least the one before"
        )
    if name is None:
        name = "stepped(" + ", ".join(f"{t:g}" for t in thresholds) + ")"
    return Policy(name=name, scorer=_Steps(thresholds, scores), cap=cap, aggregate=aggregate)


STEPPED = stepped((0.3, 0.7, 1.0), name="stepped")
"""Progress reaching 0.3, 0.7 or 1.0 scores that step ("commit / target / stretch"), else 0."""

_POLICIES: dict[str, Policy] = {p.name: p for p in (LINEAR, GOOGLE, STEPPED, BINARY)}


def policy_named(policy: Policy | PolicyName | str) -> Policy:
    """The policy itself, or the built-in policy of that name (any case).

    >>> policy_named("Google") is GOOGLE
    True
    """
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, str):
        found = _POLICIES.get(policy.strip().lower())
        if found is None:
            raise InvalidValueError(
                "policy", policy, "one of " + _names(_POLICIES) + " or a Policy"
            )
        return found
    raise InvalidTypeError("policy", policy, "a Policy or one of " + _names(_POLICIES))


# Progress and scores -----------------------------------------------------------------------


def _target(kr: KeyResult) -> tuple[Direction, float | tuple[float, float]]:
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
        return direction, (_float("target[0]", target[0]), _float("target[1]", target[1]))
    return direction, _float("target", target)


def _fraction(value: float, start: float, target: float) -> float:
    """``(value - start) / (target - start)``, safe from overflow; saturates at the float range."""
    moved, span = value - start, target - start
    if not (math.isfinite(moved) and math.isfinite(span)):
        # Halving is exact, and brings differences of numbers near the float limit in range.
        moved, span = value / 2 - start / 2, target / 2 - start / 2
    result = moved / span + 0.0  # + 0.0: no progress is 0.0, never -0.0 (0 / -1)
    if math.isinf(result):
        return math.copysign(1.7976931348623157e308, result)
    return result


def _start(kr: KeyResult) -> float:
    if kr.start is None:
        raise ScoringError(
            f"key result {kr.id!r} has no start: expected a baseline to measure "
            f"{kr.direction.value if kr.direction else 'its'} progress from, got None"
        )
    return _float("start", kr.start)


def _progress_of(kr: KeyResult, value: float | None) -> float:
    """The raw progress *kr* would have at *value* (None: no reading at all)."""
    direction, target = _target(kr)
    if isinstance(target, tuple):  # WITHIN: 1 inside the band, both ends included
        return 1.0 if value is not None and target[0] <= value <= target[1] else 0.0
    if direction is Direction.AT_LEAST:  # the threshold itself counts as met
        return 1.0 if value is not None and value >= target else 0.0
    if direction is Direction.AT_MOST:
        return 1.0 if value is not None and value <= target else 0.0
    start = _start(kr)
    if target == start:
        raise ScoringError(
            f"key result {kr.id!r}: start {kr.start!r} and target {kr.target!r} are too close "
            "to tell apart in floating point; expected numbers that differ as floats"
        )
    # INCREASE, DECREASE and MILESTONE share one formula, so a decrease is never upside down.
    return _fraction(start if value is None else value, start, target)


def _value(kr: KeyResult, at: When | None) -> float | None:
    value = kr.value_at(at)
    return None if value is None else _float("value", value)


def progress(kr: KeyResult, at: When | None = None) -> float:
    """The raw, unclamped fraction of the way from `start` to `target`, as of *at*.

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
    _target(kr)
    return _progress_of(kr, _value(kr, at))


def _weigher(weight: Weigher | WeightName | None) -> Weigher:
    if weight is None or weight == "weight":
        return _own_weight
    if weight == "target":
        return _target_weight
    if isinstance(weight, str):
        raise InvalidValueError("weight", weight, "'weight', 'target' or a callable")
    if not callable(weight):
        raise InvalidTypeError("weight", weight, "'weight', 'target' or a callable")
    return weight


def _own_weight(kr: KeyResult) -> float:
    return _float("weight", kr.weight)


def _target_weight(kr: KeyResult) -> float:
    _, target = _target(kr)
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
        except (TypeError, ValueError, ArithmeticError) as error:
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

    For INCREASE, DECREASE and MILESTONE it is the value nearest the start that scores
    *score* (the start itself when no progress already does).  For AT_LEAST and AT_MOST it is
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
    direction, target = _target(kr)
    needed = chosen.required_progress(score)
    s = _float("score", score)
    if direction not in _GRADED:
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
    start = _start(kr)
    _progress_of(kr, start)  # the start and target must differ as floats
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
        return chosen.score_progress(_progress_of(kr, x)) >= s

    if enough(value):
        return value
    onward = 1.0 if target > start else -1.0
    reach = abs(target - start) * 2.0**-40 + abs(value) * 2.0**-40 + 5e-324
    far = value + onward * reach
    while not enough(far):  # pragma: no cover - a margin of 2**-40 of the span always suffices
        reach *= 2
        far = value + onward * reach
    lo, hi = sorted((_ordered(value), _ordered(far)))
    # Whether the short end is the lower key, fixed before the loop moves the ends: enough
    # from some key up (rising) or down.
    rising = _ordered(value) == lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if enough(_unordered(mid)) == rising:
            hi = mid
        else:
            lo = mid
    return _unordered(hi if rising else lo)


# Grades ------------------------------------------------------------------------------------


@attrs.frozen
class Grade:
    """A band a score falls in: a label to show, and a colour (``"red"``, ``"yellow"``...).

    >>> grade(0.55)
    Grade(label='progress', color='yellow')
    """

    label: str = attrs.field(validator=v.text())
    color: str = attrs.field(validator=v.text())


def _to_thresholds(value: object) -> tuple[float, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidTypeError("thresholds", value, "a list of numbers")
    return tuple(_float(f"thresholds[{i}]", t) for i, t in enumerate(value))


def _to_grades(value: object) -> tuple[Grade, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidTypeError("grades", value, "a list of Grade")
    for i, item in enumerate(value):
        if not isinstance(item, Grade):
            raise InvalidTypeError(f"grades[{i}]", item, "a Grade")
    return tuple(value)


@attrs.frozen(kw_only=True)
class Bands:
    """Grading bands as data: *grades* from lowest to highest, split at *thresholds*.

    A score at or above ``thresholds[i]`` (and below the next) gets ``grades[i + 1]``; below
    the first threshold it gets ``grades[0]``.  So there is one more grade than thresholds.

    >>> traffic = Bands(thresholds=[0.5, 0.9], grades=[Grade("behind", "red"),
    ...                 Grade("close", "amber"), Grade("done", "green")])
    >>> traffic.grade(0.9).color
    'green'
    """

    thresholds: tuple[float, ...] = attrs.field(converter=_to_thresholds)
    grades: tuple[Grade, ...] = attrs.field(converter=_to_grades)

    def __attrs_post_init__(self) -> None:
        if len(self.grades) != len(self.thresholds) + 1:
            raise InvalidValueError(
                "grades",
                self.grades,
                f"{len(self.thresholds) + 1} grades: one more than thresholds",
            )
        if any(a >= b for a, b in itertools.pairwise(self.thresholds)):
            raise InvalidValueError("thresholds", self.thresholds, "numbers in increasing order")

    def grade(self, score: float) -> Grade:
        """The grade of *score* in these bands."""
        return self.grades[bisect.bisect_right(self.thresholds, _float("score", score))]


ASPIRATIONAL_BANDS = Bands(
    thresholds=[0.4, 0.7],
    grades=[Grade("missed", "red"), Grade("progress", "yellow"), Grade("delivered", "green")],
)
"""Google's grading of aspirational OKRs: below 0.4 red, 0.4 up to 0.7 yellow, 0.7 up green."""

COMMITTED_BANDS = Bands(
    thresholds=[1.0], grades=[Grade("missed", "red"), Grade("delivered", "green")]
)
"""Committed OKRs are delivered in full: green only at 1.0, anything less is a miss."""

_to_commitment = v.to_enum(Commitment, "commitment")


def grade(
    score: float,
    commitment: Commitment | str = Commitment.ASPIRATIONAL,
    bands: Bands | None = None,
) -> Grade:
    """The grade of *score*: by default Google's bands for the *commitment*, or your *bands*.

    >>> grade(0.8), grade(0.8, commitment="committed")
    (Grade(label='delivered', color='green'), Grade(label='missed', color='red'))
    """
    kind = _to_commitment(commitment)
    if bands is None:
        bands = COMMITTED_BANDS if kind is Commitment.COMMITTED else ASPIRATIONAL_BANDS
    elif not isinstance(bands, Bands):
        raise InvalidTypeError("bands", bands, "a Bands")
    return bands.grade(score)


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
    result = _float(name, value)
    if result < 0:
        raise InvalidValueError(name, value, "a number >= 0")
    return result


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
    NOT_STARTED, after it CLOSED.  Within it, a key result whose latest check-in (or, with
    none, the cycle's start) is more than *stale_after* old is STALE, and so is an objective
    with such a key result.  Otherwise the linear score (progress clamped to 0..1) is
    compared with the expected progress: the elapsed fraction of the cycle through the
    *expected* curve (phased targets) for INCREASE, DECREASE and MILESTONE, and 1 for the
    maintenance directions, which should hold all along.  Behind by more than *at_risk* is
    AT_RISK, by more than *off_track* OFF_TRACK, else ON_TRACK.  An objective compares the
    weighted means of its key results' scores and expectations.

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
    pace = LINEAR.score_progress(_float("expected", _expected(curve, elapsed)))
    begun = v.moment(chosen.start)
    pairs: list[tuple[float, float]] = []
    wanted: list[tuple[float, float]] = []
    for kr in krs:
        actual = LINEAR.score_progress(progress(kr, at))
        latest = kr.latest(at)
        since = begun if latest is None else max(begun, v.moment(latest.at))
        if stale_after is not None and now - since > stale_after:
            return Status.STALE
        weight = _own_weight(kr)
        pairs.append((actual, weight))
        wanted.append((pace if kr.direction in _GRADED else 1.0, weight))
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
    except (TypeError, ValueError, ArithmeticError) as error:
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
    """The line's value at the end of the cycle."""
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


def _fit(points: list[tuple[float, float]], at_time: float) -> tuple[float, float] | None:
    """The least-squares line's value at *at_time* and its slope; None when times all agree."""
    n = len(points)
    times, values = [t for t, _ in points], [y for _, y in points]
    scaled, exponent = _scaled(values) if any(values) else (values, 0)
    t_mean, y_mean = math.fsum(times) / n, math.fsum(scaled) / n
    dts = [t - t_mean for t in times]
    sxx = math.fsum(d * d for d in dts)
    if sxx == 0:
        return None
    slope = math.fsum(d * (y - y_mean) for d, y in zip(dts, scaled, strict=True)) / sxx
    end = y_mean + slope * (at_time - t_mean)
    return _unscaled(end, exponent), _unscaled(slope, exponent)


def _unscaled(x: float, exponent: int) -> float:
    """*x* times 2 ** *exponent*, infinite (not an OverflowError) beyond the float range."""
    try:
        return math.ldexp(x, exponent)
    except OverflowError:
        return math.copysign(math.inf, x)


def _needed(kr: KeyResult, current: float | None, weeks: float) -> float | None:
    if current is None or weeks <= 0:
        return None
    direction, target = _target(kr)
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
    _target(kr)
    begun = v.moment(cycle.start)
    ended = v.cutoff(cycle.end)  # midnight after the last day

    def weeks(moment: datetime) -> float:
        return (moment - begun) / _WEEK

    history: Sequence[CheckIn] = kr.check_ins
    if at is not None:
        counted = v.counted_by(v.check_when("at", at))
        history = [c for c in kr.check_ins if counted(c.at)]
        now = v.moment(at)
    else:
        now = v.moment(history[-1].at) if history else begun
    points = [(0.0, _start(kr))] if kr.start is not None else []
    points += [(weeks(v.moment(c.at)), _float("value", c.value)) for c in history]
    current = _value(kr, at)
    needed = _needed(kr, current, (ended - now) / _WEEK)
    line = _fit(points, weeks(ended)) if len(points) >= 2 else None
    if line is None:
        return Forecast(
            value=None,
            score=None,
            trend=None,
            needed=needed,
            points=len(points),
            reason=f"a line needs two points at different times; {_describe(kr)} has "
            f"{len(points)} (its start and check-ins)",
        )
    value, trend = line
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
        value=value,
        score=chosen.score_progress(_progress_of(kr, value)),
        trend=trend,
        needed=needed,
        points=len(points),
    )


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
                return _float("confidence", c.confidence)
        return None
    if not isinstance(x, Objective):
        raise InvalidTypeError("x", x, "a KeyResult or an Objective")
    pairs = [
        (sure, _own_weight(kr)) for kr in x.key_results if (sure := confidence(kr, at)) is not None
    ]
    return weighted_mean(pairs) if pairs else None
