"""Grades: the band a score falls in, with a label and a colour (red, yellow, green).

Aspirational and committed OKRs are graded apart: a committed OKR is only green at 1.0.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Hashable, Iterable
from typing import TypeVar

import attrs

from okrkit import _validators as v
from okrkit._numbers import to_float
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import Commitment
from okrkit.scoring._policy import mean

__all__ = [
    "ASPIRATIONAL_BANDS",
    "COMMITTED_BANDS",
    "Bands",
    "Grade",
    "bands_for",
    "grade",
    "recent_means",
]

_Owner = TypeVar("_Owner", bound=Hashable)


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
    return tuple(to_float(f"thresholds[{i}]", t) for i, t in enumerate(value))


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
        # A finite float needs no conversion (the scorecard grades every row with this).
        if not (type(score) is float and -math.inf < score < math.inf):
            score = to_float("score", score)
        return self.grades[bisect.bisect_right(self.thresholds, score)]


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


def bands_for(commitment: Commitment | str) -> Bands:
    """The default bands of *commitment*: `COMMITTED_BANDS` or `ASPIRATIONAL_BANDS`.

    >>> bands_for("committed").thresholds
    (1.0,)
    """
    kind = _to_commitment(commitment)
    return COMMITTED_BANDS if kind is Commitment.COMMITTED else ASPIRATIONAL_BANDS


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
        bands = bands_for(kind)
    elif not isinstance(bands, Bands):
        raise InvalidTypeError("bands", bands, "a Bands")
    return bands.grade(score)


def recent_means(
    scores: Iterable[tuple[_Owner, Cycle, float]], *, last: int
) -> dict[_Owner, tuple[float, tuple[Cycle, ...]]]:
    """Each owner's mean final score over the *last* cycles they have scores in.

    *scores* are ``(owner, cycle, score)``, any number per owner and cycle (an owner's
    aspirational objectives, say).  Each owner gets the plain mean of every score of their
    *last* latest cycles (all of them for 0, as the rules' ``cycles = 0`` has always
    meant), and those cycles, oldest first.  The mean is exact and cannot overflow
    (`mean`).  What an owner scores "cycle after
    cycle" is read from this one mean: the ambition rules (OKR303, OKR304) read a plan's
    history with it, and `okrkit.retrospective` the cycles it is given.

    >>> from okrkit import Cycle
    >>> q2, q3 = Cycle.parse("2026-Q2"), Cycle.parse("2026-Q3")
    >>> means = recent_means([("growth", q2, 1.0), ("growth", q3, 0.9), ("growth", q3, 1.0)],
    ...                      last=3)
    >>> round(means["growth"][0], 3), [str(c) for c in means["growth"][1]]
    (0.967, ['2026-Q2', '2026-Q3'])
    """
    if isinstance(last, bool) or not isinstance(last, int):
        raise InvalidTypeError("last", last, "an int")
    if last < 0:
        raise InvalidValueError("last", last, "at least 0")
    if not isinstance(scores, Iterable):
        raise InvalidTypeError("scores", scores, "an iterable of (owner, cycle, score)")
    by_owner: dict[_Owner, dict[Cycle, list[float]]] = {}
    for i, item in enumerate(scores):
        if not isinstance(item, tuple) or len(item) != 3 or not isinstance(item[1], Cycle):
            raise InvalidTypeError(f"scores[{i}]", item, "an (owner, Cycle, score) tuple")
        owner, cycle, score = item
        by_owner.setdefault(owner, {}).setdefault(cycle, []).append(
            to_float(f"scores[{i}][2]", score)
        )
    means = {}
    for owner, cycles in by_owner.items():
        recent = tuple(sorted(cycles, key=_in_order)[-last:])  # [-0:] is all of them
        means[owner] = (mean([(s, 1.0) for c in recent for s in cycles[c]]), recent)
    return means


def _in_order(cycle: Cycle) -> tuple[object, ...]:
    """What cycles are ordered by (their fields, in order), made once a cycle rather than
    at each comparison."""
    return (
        cycle.start,
        cycle.end,
        cycle.kind,
        cycle.fiscal_year_start,
        cycle.fiscal_year_named_by,
    )
