"""Scoring policies: how progress becomes a score, and how scores combine.

A policy is a value built from plain callables: a scorer (`linear`, `tenths`, `binary`, a
stepped one, or your own), a floor and a cap, and an aggregate (`weighted_mean`, `mean`,
`minimum`, or your own).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from okrkit import _validators as v
from okrkit._numbers import ordered, scaled, to_float, unordered
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError, ScoringError
from okrkit.typing import Aggregator, Scorer

__all__ = [
    "BINARY",
    "GOOGLE",
    "LINEAR",
    "STEPPED",
    "AggregatorName",
    "Policy",
    "PolicyName",
    "ScorerName",
    "binary",
    "linear",
    "mean",
    "minimum",
    "policy_named",
    "stepped",
    "tenths",
    "weighted_mean",
]

# What a pluggable callable (a scorer, an aggregate, a curve, a weigher) may raise that okrkit
# reports as a ScoringError naming it, rather than letting a bare error escape.
CALLBACK_ERRORS = (
    TypeError,
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,
    RecursionError,
)

ScorerName: TypeAlias = Literal["linear", "tenths", "binary"]
"""The built-in scorers, by name: `linear`, `tenths` (Google's rounding) and `binary`."""

AggregatorName: TypeAlias = Literal["weighted_mean", "mean", "minimum"]
"""The built-in aggregators, by name: `weighted_mean`, `mean` and `minimum`."""

PolicyName: TypeAlias = Literal["linear", "google", "stepped", "binary"]
"""The built-in policies, by name: `LINEAR`, `GOOGLE`, `STEPPED` and `BINARY`."""

_BIGGEST = 1e15  # above this every float is a whole number: rounding to tenths changes nothing

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


def _named_or_callable(
    path: str, value: object, built_in: Mapping[str, Callable[..., Any]]
) -> Callable[..., Any]:
    """*value* if it is callable, else the built-in it names; an okrkit error if neither."""
    if isinstance(value, str):
        found = built_in.get(value)
        if found is None:
            raise InvalidValueError(path, value, f"one of {_names(built_in)} or a callable")
        return found
    if not callable(value):
        raise InvalidTypeError(path, value, f"a callable or one of {_names(built_in)}")
    return value


def _names(choices: Iterable[str]) -> str:
    return ", ".join(map(repr, choices))


def _to_scorer(value: object) -> Scorer:
    return _named_or_callable("scorer", value, _SCORERS)


# Aggregators -------------------------------------------------------------------------------


def _pairs(pairs: object) -> list[tuple[float, float]]:
    """*pairs* checked: finite scores, finite weights >= 0, some weight; an okrkit error if not."""
    if isinstance(pairs, str | bytes) or not isinstance(pairs, Iterable):
        raise InvalidTypeError("pairs", pairs, "a sequence of (score, weight) pairs")
    checked: list[tuple[float, float]] = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidTypeError(f"pairs[{i}]", pair, "a (score, weight) pair")
        s = to_float(f"pairs[{i}][0]", pair[0])
        w = to_float(f"pairs[{i}][1]", pair[1])
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
    scores, exponent = scaled([s for s, _ in checked])
    weights, _ = scaled([w for _, w in checked])
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
    return _named_or_callable("aggregate", value, _AGGREGATORS)


# Policies ----------------------------------------------------------------------------------


def _to_floor(value: object) -> float:
    return to_float("floor", value)


def _to_cap(value: object) -> float | None:
    return None if value is None else to_float("cap", value)


def _callable_repr(value: object) -> str:
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if name is None or module is None:
        return repr(value)
    return f"{module}.{name}"


@attrs.frozen(kw_only=True)
class Policy:
    """A scoring policy: how progress becomes a score, its floor and cap, and how scores combine.

    A company's own policy is a new value, never a subclass: build one, or vary a built-in
    with `attrs.evolve`.  *scorer* and *aggregate* take a callable or a built-in's name.

    >>> import attrs
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
        p = to_float("progress", progress)
        try:
            raw = self.scorer(p)
        except OKRError:
            raise
        except CALLBACK_ERRORS as error:
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

        >>> import attrs
        >>> minimum_policy = attrs.evolve(LINEAR, name="weakest", aggregate="minimum")
        >>> minimum_policy.combine([(0.9, 1), (0.3, 2)])
        0.3
        """
        checked = _pairs(pairs)
        try:
            raw = self.aggregate(checked)
        except OKRError:
            raise
        except CALLBACK_ERRORS as error:
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
        s = to_float("score", score)
        at_zero = self.score_progress(0.0)
        if at_zero == s:
            return 0.0
        biggest = ordered(1.7976931348623157e308)
        # Bisect over the floats' order, keeping score(lo) < s <= score(hi).
        lo, hi = (-biggest, 0) if at_zero > s else (0, biggest)
        if self.score_progress(unordered(hi)) < s or self.score_progress(unordered(lo)) >= s:
            self._never(s)
        while hi - lo > 1:
            middle = (lo + hi) // 2
            if self.score_progress(unordered(middle)) >= s:
                hi = middle
            else:
                lo = middle
        result = unordered(hi)
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
    thresholds = tuple(to_float(f"steps[{i}]", t) for i, (t, _) in enumerate(items))
    scores = tuple(to_float(f"steps[{t!r}]", s) for t, s in items)
    increasing = all(a < b for a, b in itertools.pairwise(thresholds))
    if not increasing or any(a > b for a, b in itertools.pairwise(scores)):
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
