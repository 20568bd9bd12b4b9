"""Hypothesis strategies for okrkit's types, for users' own tests.

These are the generators okrkit's own test suite trusts: each produces only valid values and
reaches the edge cases (the first and last representable years, leap days, 53-week ISO years).
This module needs the ``testing`` extra (hypothesis); ``import okrkit`` does not import it.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import get_args

import attrs
from hypothesis import strategies as st

from okrkit.cycles import Cycle, CycleKind, FiscalYearNaming
from okrkit.errors import CycleError, InvalidTypeError, InvalidValueError
from okrkit.model import (
    CheckIn,
    Commitment,
    Direction,
    Indicator,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Level,
    Number,
    Objective,
    PastScore,
    Plan,
    Target,
    When,
)

__all__ = [
    "check_ins",
    "cycles",
    "initiatives",
    "key_results",
    "kpis",
    "numbers",
    "objectives",
    "plans",
    "whens",
]


_YEARS = st.integers(1, 9999)
# Dates anywhere, with extra weight on the edges of the calendar.  Built once: making
# strategies inside every draw slows generation down severalfold.
_DAYS = st.one_of(
    st.dates(),
    st.dates(max_value=date(3, 12, 31)),
    st.dates(min_value=date(9997, 1, 1)),
    _YEARS.filter(calendar.isleap).map(lambda year: date(year, 2, 29)),
    # 28 December is always in the last ISO week of its year: week 53 in a long year.
    _YEARS.map(lambda year: date(year, 12, 28)),
)


@st.composite
def _cycle(draw: st.DrawFn, kind: CycleKind) -> Cycle:
    if kind == "custom":
        start = draw(_DAYS)
        room = (date.max - start).days
        days = draw(st.one_of(st.integers(0, min(room, 120)), st.integers(0, room)))
        return Cycle(kind="custom", start=start, end=start + timedelta(days=days))
    fiscal_year_start = draw(st.integers(1, 12)) if kind.startswith("fiscal_") else 1
    naming: FiscalYearNaming = draw(st.sampled_from(get_args(FiscalYearNaming)))
    day = draw(_DAYS)
    try:
        return Cycle.containing(
            day, kind=kind, fiscal_year_start=fiscal_year_start, fiscal_year_named_by=naming
        )
    except CycleError:
        # Near 0001-01-01 and 9999-12-31 some days have no representable cycle of a kind (the
        # last ISO week of 9999 ends in 10000); step inward to the neighbouring one.
        inward = timedelta(days=400 if day.year < 5000 else -400)
        return Cycle.containing(
            day + inward,
            kind=kind,
            fiscal_year_start=fiscal_year_start,
            fiscal_year_named_by=naming,
        )


def cycles(*, kinds: Collection[CycleKind] | None = None) -> st.SearchStrategy[Cycle]:
    """A strategy for valid `Cycle`\\ s of the given *kinds* (by default every kind).

    Fiscal cycles come with every fiscal year start month and both namings; custom ones span
    from one day to thousands of years; all kinds reach years 1 and 9999 where they can, leap
    days and week 53.

    >>> from hypothesis import given
    >>> @given(cycles(kinds=["quarter"]))
    ... def test_quarters_nest_in_years(quarter):
    ...     assert quarter.parent.start <= quarter.start <= quarter.end <= quarter.parent.end
    >>> test_quarters_nest_in_years()
    """
    all_kinds: tuple[CycleKind, ...] = get_args(CycleKind)
    if kinds is None:
        kinds = all_kinds
    if isinstance(kinds, str) or not isinstance(kinds, Collection):
        raise InvalidTypeError("kinds", kinds, "a collection of cycle kinds")
    unknown = [kind for kind in kinds if kind not in all_kinds]
    if unknown or not kinds:
        expected = "one or more of " + ", ".join(map(repr, all_kinds))
        raise CycleError("kinds", unknown or kinds, expected)
    return st.sampled_from(sorted(set(kinds), key=all_kinds.index)).flatmap(_cycle)


# Numbers, times and the model's values ---------------------------------------------------------

_TIMEZONES = (
    UTC,
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=-8)),
    timezone(timedelta(hours=13, minutes=45)),
)
_UNITS = ("%", "$", "€", "users", "ms", "NPS points", "h", "kWh", "tickets")
_LEVELS = (*(str(level) for level in Level), "tribe", "squad")

_BIG = 10**12


def numbers(
    *,
    min_value: float = -_BIG,
    max_value: float = _BIG,
    kinds: Collection[str] = ("int", "float", "decimal"),
) -> st.SearchStrategy[Number]:
    """A strategy for finite numbers as okrkit accepts them: ints, floats and Decimals.

    Floats reach the tiny (1e-9) and the huge (the bounds, 1e12 by default); Decimals have up
    to four places.  *kinds* picks which of ``"int"``, ``"float"``, ``"decimal"`` to draw.

    >>> from hypothesis import given
    >>> @given(numbers(min_value=0, max_value=1))
    ... def test_in_range(x):
    ...     assert 0 <= x <= 1
    >>> test_in_range()
    """
    if not min_value <= max_value:
        raise InvalidValueError("max_value", max_value, f"a number >= min_value {min_value!r}")
    chosen = tuple(kind for kind in ("int", "float", "decimal") if kind in kinds)
    strategy = _numbers(min_value, max_value, chosen)
    if strategy is None:
        raise InvalidValueError("kinds", kinds, "some of 'int', 'float', 'decimal'")
    return strategy


@functools.lru_cache(maxsize=256)
def _numbers(
    min_value: float, max_value: float, kinds: tuple[str, ...]
) -> st.SearchStrategy[Number] | None:
    # Built once per set of arguments: hypothesis validates a strategy on first use, and
    # building strategies inside every draw makes generation several times slower.
    options: list[st.SearchStrategy[Number]] = []
    if "int" in kinds and math.ceil(min_value) <= math.floor(max_value):
        options.append(st.integers(math.ceil(min_value), math.floor(max_value)))
    if "float" in kinds:
        options.append(
            st.floats(
                min_value, max_value, allow_nan=False, allow_infinity=False, allow_subnormal=False
            )
        )
    if "decimal" in kinds:
        options.append(
            st.decimals(
                Decimal(str(min_value)),
                Decimal(str(max_value)),
                places=4,
                allow_nan=False,
                allow_infinity=False,
            )
        )
    return st.one_of(options) if options else None


@functools.lru_cache(maxsize=8)
def _number_pair(kind: str) -> st.SearchStrategy[list[Number]]:
    """Two distinct numbers of one kind, in ascending order."""
    return st.lists(numbers(kinds=(kind,)), min_size=2, max_size=2, unique=True).map(sorted)


def _in_utc_range(moment: datetime) -> bool:
    """Whether *moment* has an instant in UTC (not so on the first day of year 1 east of UTC,
    nor on the last day of 9999 west of it)."""
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return False
    return True


@functools.lru_cache(maxsize=1024)
def whens(cycle: Cycle | None = None) -> st.SearchStrategy[When]:
    """A strategy for points in time: dates and aware datetimes (inside *cycle* if given)."""
    if cycle is None:
        lo, hi = date(1990, 1, 1), date(2100, 12, 31)
    else:
        lo, hi = cycle.start, cycle.end
    days = st.dates(lo, hi)
    moments = st.builds(
        lambda day, seconds, tz: datetime.combine(day, time(), tz) + timedelta(seconds=seconds),
        days,
        st.integers(0, 86_399),
        st.sampled_from(_TIMEZONES),
    ).filter(_in_utc_range)
    return st.one_of(days, moments)


_TITLES = st.one_of(
    st.sampled_from(
        (
            "Reduce churn from 5% to 4%",
            "Grow weekly active users",
            "Ship the new onboarding",
            "Raise NPS from 32 to 50",
            "顧客満足度を上げる",
            "Améliorer la qualité",
        )
    ),
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
    ).filter(lambda s: bool(s.strip())),
)
_IDS = st.from_regex(r"[a-z\u00e0-\u00ff][a-z0-9_\u00e0-\u00ff-]{0,15}", fullmatch=True)


def check_ins(
    *,
    min_value: float = -_BIG,
    max_value: float = _BIG,
    cycle: Cycle | None = None,
    kinds: Collection[str] = ("int", "float", "decimal"),
) -> st.SearchStrategy[CheckIn]:
    """A strategy for `CheckIn`\\ s: values in range, dates or aware datetimes, optional extras."""
    return st.builds(
        CheckIn,
        at=whens(cycle),
        value=numbers(min_value=min_value, max_value=max_value, kinds=kinds),
        confidence=st.none() | st.floats(0, 1) | st.sampled_from((0, 1, Decimal("0.5"))),
        note=st.none() | st.text(max_size=30),
        author=st.none() | st.text(min_size=1, max_size=10).filter(lambda s: bool(s.strip())),
    )


_ALL_DIRECTIONS: tuple[Direction | None, ...] = (*Direction, None)


_KINDS = st.sampled_from(("int", "float", "decimal"))
# Where a check-in's value lies, as a fraction of the way from start to target: at either
# end, between them, or past them (up to a whole span beyond) on either side.
_POSITIONS = st.one_of(st.sampled_from((0.0, 1.0, 0.5)), st.floats(-1.0, 2.0))
_MILESTONE_STEPS = st.integers(1, 12)
_CONFIDENCES = st.none() | st.floats(0, 1)
_NOTES = st.none() | st.text(max_size=20)
_WEIGHTS = st.sampled_from((1, 2, 0.5)) | st.floats(0.001, 1000)
_OWNERS = st.none() | st.sampled_from(("growth", "platform", "ana", "sales-emea"))
_DUES = st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1))
_INDICATORS = st.none() | st.sampled_from(Indicator)
_OPTIONAL_UNITS = st.none() | st.sampled_from(_UNITS)


def _of_kind(kind: str, value: float) -> Number:
    """*value* as a number of *kind*: a whole int, a float, or a Decimal of four places."""
    if kind == "int":
        return round(value)
    if kind == "decimal":
        return Decimal(repr(value)).quantize(Decimal("0.0001"))
    return value


@st.composite
def _key_result(
    draw: st.DrawFn,
    directions: tuple[Direction | None, ...],
    cycle: Cycle | None,
    max_check_ins: int,
) -> KeyResult:
    direction = draw(st.sampled_from(directions))
    kind = draw(_KINDS)
    start: Number | None = None
    target: Target | None = None
    # Check-in values are placed between `low` and `high` (and past them).
    low, high = 0.0, 1.0
    if direction in (Direction.INCREASE, Direction.DECREASE):
        a, b = draw(_number_pair(kind))
        start, target = (a, b) if direction is Direction.INCREASE else (b, a)
        low, high = float(a), float(b)
    elif direction in (Direction.AT_LEAST, Direction.AT_MOST):
        target = draw(numbers(kinds=(kind,)))
        start = draw(st.none() | numbers(kinds=(kind,)))
        low = high = float(target)
        if start is not None:
            low = float(start)
    elif direction is Direction.WITHIN:
        band = draw(_number_pair(kind))
        target = (band[0], band[1])
        low, high = float(band[0]), float(band[1])
    elif direction is Direction.MILESTONE:
        if draw(st.booleans()):
            start, target = 0, draw(_MILESTONE_STEPS)
            high = float(target)
    else:
        start = draw(st.none() | numbers(kinds=(kind,)))
        if start is not None:
            low = high = float(start)
    when = whens(cycle)
    # Draw the length first, uniformly, so that long histories (dozens) are as common as short.
    history = []
    for _ in range(draw(st.integers(0, max_check_ins))):
        position = draw(_POSITIONS)
        if direction is Direction.MILESTONE:
            value: Number = round(min(max(position, 0.0), 1.0) * high)
        elif low == high:
            value = _of_kind(kind, low + position * max(abs(low), 1.0))
        else:
            value = _of_kind(kind, low + position * (high - low))
        history.append(
            CheckIn(at=draw(when), value=value, confidence=draw(_CONFIDENCES), note=draw(_NOTES))
        )
    fields: dict[str, object] = {}
    if draw(st.booleans()):
        fields["id"] = draw(_IDS)
    return KeyResult(
        title=draw(_TITLES),
        direction=direction,
        start=start,
        target=target,
        unit=draw(_OPTIONAL_UNITS),
        weight=draw(_WEIGHTS),
        owner=draw(_OWNERS),
        due=draw(_DUES),
        indicator=draw(_INDICATORS),
        check_ins=history,
        **fields,  # type: ignore[arg-type]
    )


def key_results(
    *,
    directions: Collection[Direction | None] | None = None,
    cycle: Cycle | None = None,
    max_check_ins: int = 30,
) -> st.SearchStrategy[KeyResult]:
    """A strategy for valid `KeyResult`\\ s of every direction (and None: not yet measurable).

    Numbers are ints, floats or Decimals (one kind per key result), negative, tiny or huge;
    check-ins (up to *max_check_ins*) fall inside *cycle* when it is given, and their values
    reach past the start and the target.  Pass *directions* to draw only some directions.

    >>> from hypothesis import given
    >>> @given(key_results(directions=[Direction.DECREASE]))
    ... def test_decreasing(kr):
    ...     assert kr.target < kr.start
    >>> test_decreasing()
    """
    chosen = _ALL_DIRECTIONS if directions is None else tuple(directions)
    if not chosen or any(d is not None and not isinstance(d, Direction) for d in chosen):
        raise InvalidValueError("directions", directions, "some Direction members (or None)")
    if not isinstance(max_check_ins, int) or max_check_ins < 0:
        raise InvalidValueError("max_check_ins", max_check_ins, "a whole number >= 0")
    return _cached_key_results(chosen, cycle, max_check_ins)


@functools.lru_cache(maxsize=1024)
def _cached_key_results(
    directions: tuple[Direction | None, ...], cycle: Cycle | None, max_check_ins: int
) -> st.SearchStrategy[KeyResult]:
    return _key_result(directions, cycle, max_check_ins)


def objectives(
    *,
    cycle: Cycle | None = None,
    min_key_results: int = 0,
    max_key_results: int = 6,
    directions: Collection[Direction | None] | None = None,
) -> st.SearchStrategy[Objective]:
    """A strategy for valid `Objective`\\ s with their key results (not aligned to anything).

    Without *cycle*, each objective draws a cycle of any kind (or none).
    """
    if not 0 <= min_key_results <= max_key_results:
        raise InvalidValueError(
            "max_key_results", max_key_results, f"a number >= min_key_results {min_key_results}"
        )
    return _objective(cycle, min_key_results, max_key_results, directions)


@st.composite
def _objective(
    draw: st.DrawFn,
    cycle: Cycle | None,
    min_key_results: int,
    max_key_results: int,
    directions: Collection[Direction | None] | None,
) -> Objective:
    chosen = cycle if cycle is not None else draw(st.none() | cycles())
    krs = draw(
        st.lists(
            key_results(directions=directions, cycle=chosen, max_check_ins=8),
            min_size=min_key_results,
            max_size=max_key_results,
            unique_by=lambda kr: kr.id,
        )
    )
    fields: dict[str, object] = {}
    if draw(st.booleans()):
        fields["id"] = draw(_IDS)
    return Objective(
        title=draw(_TITLES),
        description=draw(st.none() | st.text(max_size=40)),
        owner=draw(st.none() | st.sampled_from(("growth", "platform", "ana", "sales-emea"))),
        cycle=chosen,
        commitment=draw(st.sampled_from(Commitment)),
        level=draw(st.none() | st.sampled_from(_LEVELS)),
        weight=draw(st.sampled_from((1, 2, 0.5, 3))),
        key_results=krs,
        **fields,  # type: ignore[arg-type]
    )


def kpis() -> st.SearchStrategy[Kpi]:
    """A strategy for valid `Kpi`\\ s of each direction a KPI may have."""

    @st.composite
    def build(draw: st.DrawFn) -> Kpi:
        direction = draw(st.sampled_from((Direction.AT_LEAST, Direction.AT_MOST, Direction.WITHIN)))
        threshold: Target
        if direction is Direction.WITHIN:
            low, high = draw(_number_pair("float"))
            threshold = (low, high)
        else:
            threshold = draw(numbers())
        return Kpi(
            title=draw(_TITLES),
            direction=direction,
            threshold=threshold,
            unit=draw(st.none() | st.sampled_from(_UNITS)),
            check_ins=draw(st.lists(check_ins(kinds=("int", "float")), max_size=5)),
        )

    return build()


def initiatives(key_result_ids: Sequence[str] = ()) -> st.SearchStrategy[Initiative]:
    """A strategy for valid `Initiative`\\ s of every status, each linked to some (or none)
    of *key_result_ids*."""
    linked = (
        st.lists(st.sampled_from(list(key_result_ids)), max_size=3, unique=True)
        if key_result_ids
        else st.just([])
    )
    return st.builds(
        Initiative,
        title=_TITLES,
        owner=_OWNERS,
        status=st.sampled_from(InitiativeStatus),
        due=st.none() | whens(),
        key_results=linked,
        notes=_NOTES,
    )


def _renamed(obj: Objective, taken: set[str]) -> Objective:
    """*obj* with its id and its key results' ids made unique against *taken*."""

    def fresh(id: str) -> str:
        new, n = id, 2
        while new in taken:
            new, n = f"{id}-{n}", n + 1
        taken.add(new)
        return new

    krs = [attrs.evolve(kr, id=fresh(kr.id)) for kr in obj.key_results]
    return attrs.evolve(obj, id=fresh(obj.id), key_results=krs)


@st.composite
def _plan(draw: st.DrawFn, min_objectives: int, max_objectives: int, aligned: bool) -> Plan:
    drawn = draw(st.lists(objectives(), min_size=min_objectives, max_size=max_objectives))
    taken: set[str] = set()
    result: list[Objective] = []
    for i, obj in enumerate(drawn):
        obj = _renamed(obj, taken)  # noqa: PLW2901 - each objective is replaced by its renamed self
        if aligned and i and draw(st.integers(0, 3)):
            # Mostly the previous objective, so chains grow deep; sometimes any earlier one or
            # one of its key results.
            parent = result[-1] if draw(st.booleans()) else draw(st.sampled_from(result))
            targets = [parent.id, *(kr.id for kr in parent.key_results)]
            obj = attrs.evolve(obj, aligned_to=draw(st.sampled_from(targets)))  # noqa: PLW2901
        result.append(obj)
    owners = sorted({o.owner for o in result if o.owner} | {"growth"})
    history = draw(
        st.lists(
            st.builds(
                PastScore,
                owner=st.sampled_from(owners),
                cycle=cycles(kinds=["quarter"]),
                score=st.floats(0, 1.3),
                commitment=st.sampled_from(Commitment),
            ),
            max_size=4,
        )
    )
    kpi_list = draw(st.lists(kpis(), max_size=2, unique_by=lambda k: k.id))
    kpi_list = [k for k in kpi_list if k.id not in taken]
    taken.update(k.id for k in kpi_list)
    kr_ids = [kr.id for obj in result for kr in obj.key_results]
    work = draw(st.lists(initiatives(kr_ids), max_size=3, unique_by=lambda i: i.id))
    work = [i for i in work if i.id not in taken]
    return Plan(objectives=result, kpis=kpi_list, history=history, initiatives=work)


def plans(
    *, min_objectives: int = 0, max_objectives: int = 8, aligned: bool = True
) -> st.SearchStrategy[Plan]:
    """A strategy for valid `Plan`\\ s: objectives with unique ids, KPIs, history and
    initiatives linked to their key results.

    With *aligned* (the default) most objectives are aligned to an earlier objective, or to
    one of its key results, so plans hold forests with deep chains and never a loop.

    >>> from hypothesis import given
    >>> @given(plans(max_objectives=4))
    ... def test_ids_unique(plan):
    ...     ids = [o.id for o in plan.objectives] + [kr.id for _, kr in plan.key_results()]
    ...     assert len(ids) == len(set(ids))
    >>> test_ids_unique()
    """
    if not 0 <= min_objectives <= max_objectives:
        raise InvalidValueError(
            "max_objectives", max_objectives, f"a number >= min_objectives {min_objectives}"
        )
    return _plan(min_objectives, max_objectives, aligned)
