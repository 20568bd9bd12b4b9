"""The OKR value types: key results, check-ins, objectives, KPIs, initiatives and the plan.

Every type is a frozen, slotted attrs class that checks itself on construction and
raises an okrkit error naming the field, the value seen and what was expected.
Change is `attrs.evolve` or a named method (`KeyResult.check_in`) returning a new value.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from datetime import date, datetime
from typing import Any, Generic, TypeAlias, TypeVar, overload

import attrs

from okrkit import _next
from okrkit import _validators as v
from okrkit._validators import Number, When, slugify
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, InvalidValueError, UnknownIdError

__all__ = [
    "Band",
    "CheckIn",
    "Commitment",
    "Direction",
    "Ids",
    "Indicator",
    "Initiative",
    "InitiativeStatus",
    "KeyResult",
    "Kpi",
    "Level",
    "Number",
    "Objective",
    "PastScore",
    "Plan",
    "PlanIndex",
    "Position",
    "Target",
    "When",
]

Band: TypeAlias = tuple[Number, Number]
"""A ``(low, high)`` band, both ends inclusive: the target of a WITHIN key result."""

Target: TypeAlias = Number | Band
"""What a key result aims at: a number, or a band for WITHIN."""

Ids: TypeAlias = tuple[str, ...]
"""Ids of other parts of a plan (the key results an initiative should move)."""


class Direction(enum.Enum):
    """Which way a key result's metric should move, or how it should stay."""

    INCREASE = "increase"
    """Move the metric up from `start` to `target`."""
    DECREASE = "decrease"
    """Move the metric down from `start` to `target`."""
    AT_LEAST = "at_least"
    """Keep the metric at or above `target` (a threshold)."""
    AT_MOST = "at_most"
    """Keep the metric at or below `target` (a threshold)."""
    WITHIN = "within"
    """Keep the metric inside the band `target` = ``(low, high)``."""
    MILESTONE = "milestone"
    """Done or not (a check-in of `target`, by default 1), or a fraction done."""


class Commitment(enum.Enum):
    """What an objective promises: everything (committed) or a stretch (aspirational)."""

    COMMITTED = "committed"
    """Expected to reach 1.0; anything less is a miss."""
    ASPIRATIONAL = "aspirational"
    """A stretch goal: 0.7 counts as success."""


class Indicator(enum.Enum):
    """Whether a key result tells early (leading) or late (lagging) how the objective goes."""

    LEADING = "leading"
    LAGGING = "lagging"


class InitiativeStatus(enum.Enum):
    """Where an initiative's work stands."""

    PLANNED = "planned"
    """Not started yet."""
    IN_PROGRESS = "in_progress"
    """Being worked on."""
    DONE = "done"
    """Delivered."""
    DROPPED = "dropped"
    """Given up: kept in the plan, so that what was tried is on record."""


class Level(enum.StrEnum):
    """The usual levels of an organisation; `Objective.level` takes these or any other string."""

    COMPANY = "company"
    DEPARTMENT = "department"
    TEAM = "team"
    INDIVIDUAL = "individual"

    @classmethod
    def known(cls, level: object) -> Level | None:
        """The usual level *level* names, whatever its case; None for any other value.

        Levels are compared this way wherever okrkit compares them (``"Team"`` is a team).

        >>> Level.known("Team"), Level.known("squad")
        (<Level.TEAM: 'team'>, None)
        """
        if not isinstance(level, str):
            return None
        return _LEVELS.get(level.casefold())


_LEVELS = {level.value: level for level in Level}


def _sorted_check_ins(value: object) -> tuple[CheckIn, ...]:
    items = v.to_tuple(value) if not isinstance(value, tuple) else value
    for i, item in enumerate(items):
        if not isinstance(item, CheckIn):
            raise InvalidTypeError(f"check_ins[{i}]", item, "a CheckIn")
    if len(items) < 2:
        return items
    # Dates compare as days and aware datetimes as instants, so a list of one kind needs no
    # conversion to UTC; only a mix of both does.
    keys: list[Any] = [c.at for c in items]
    kinds = set(map(type, keys))
    if not (kinds == {date} or all(issubclass(k, datetime) for k in kinds)):
        keys = [v.moment(k) for k in keys]
    if sorted(keys) == keys:  # sorted() is stable, so equal times keep their order either way
        return items
    order = sorted(range(len(items)), key=keys.__getitem__)  # stable: equal times keep their order
    return tuple(items[i] for i in order)


def _tuple_of(value: object, kind: type, path: str) -> tuple[Any, ...]:
    """*value* as a tuple whose items are all of *kind*."""
    try:
        items = v.to_tuple(value)
    except InvalidTypeError:
        raise InvalidTypeError(path, value, f"a list of {kind.__name__}") from None
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError(f"{path}[{i}]", item, f"a {kind.__name__}")
    return items


def _key_results(value: object) -> tuple[KeyResult, ...]:
    return _tuple_of(value, KeyResult, "key_results")


def _objectives(value: object) -> tuple[Objective, ...]:
    return _tuple_of(value, Objective, "objectives")


def _kpis(value: object) -> tuple[Kpi, ...]:
    return _tuple_of(value, Kpi, "kpis")


def _history(value: object) -> tuple[PastScore, ...]:
    return _tuple_of(value, PastScore, "history")


def _initiatives(value: object) -> tuple[Initiative, ...]:
    return _tuple_of(value, Initiative, "initiatives")


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):  # one id alone is a common slip; a str is also iterable
        return (value,)
    try:
        ids = v.to_tuple(value)
    except InvalidTypeError:
        raise InvalidTypeError("key_results", value, "a list of key result ids") from None
    for i, id in enumerate(ids):
        if not v.id_ok(id):
            expected = "a key result id: a non-empty string without control characters"
            raise InvalidValueError(f"key_results[{i}]", id, expected)
    return ids


def _codes(value: object) -> tuple[str, ...]:
    if isinstance(value, str):  # a lone code is a common slip; a str is also iterable
        return (value,)
    try:
        return v.to_tuple(value)
    except InvalidTypeError:
        raise InvalidTypeError("ignore", value, "a list of rule codes") from None


_to_direction = v.to_optional_enum(Direction, "direction")
_to_kpi_direction = v.to_enum(Direction, "direction")
_to_indicator = v.to_optional_enum(Indicator, "indicator")
_to_commitment = v.to_enum(Commitment, "commitment")
_to_status = v.to_enum(InitiativeStatus, "status")


def _direction(value: object) -> Direction | None:
    return _to_direction(value)


def _kpi_direction(value: object) -> Direction:
    return _to_kpi_direction(value)


def _indicator(value: object) -> Indicator | None:
    return _to_indicator(value)


def _commitment(value: object) -> Commitment:
    return _to_commitment(value)


def _status(value: object) -> InitiativeStatus:
    # "in progress" and "in-progress" as people write it, beside the value "in_progress".
    if isinstance(value, str):
        value = "_".join(value.replace("-", " ").split())
    return _to_status(value)


def _target(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _level(value: object) -> object:
    # A Level member is a str already; store the plain string so equality and output agree.
    return str(value) if isinstance(value, Level) else value


# What the `_unchecked` constructors build with: a frozen class refuses its own __setattr__,
# and object's sets a slot directly, as attrs' own __init__ does.
_new = object.__new__
_set = object.__setattr__


@attrs.frozen(kw_only=True)
class CheckIn:
    """One reading of a key result's metric: its value at a time, and how sure the owner feels.

    >>> from datetime import date
    >>> CheckIn(at=date(2026, 8, 1), value=4.6, confidence=0.6)
    CheckIn(at=datetime.date(2026, 8, 1), value=4.6, confidence=0.6, note=None, author=None)
    """

    at: When = attrs.field(validator=v.when())
    value: Number = attrs.field(validator=v.number())
    confidence: Number | None = attrs.field(
        default=None, validator=v.number(optional=True, min_value=0, max_value=1)
    )
    note: str | None = attrs.field(default=None, validator=v.text(optional=True, blank=True))
    author: str | None = attrs.field(default=None, validator=v.text(optional=True))

    @classmethod
    def _unchecked(
        cls,
        at: When,
        value: Number,
        confidence: Number | None,
        note: str | None,
        author: str | None,
    ) -> CheckIn:
        """The check-in of these fields, built without the checks a reader has made already.

        For the readers' fast paths (a document holds millions of check-ins).  The caller
        must have checked each field as its validator does: *at* a date, or an aware datetime
        whose UTC offset is under 24 hours and whose instant falls within 9999 in UTC
        (`okrkit._validators.check_when`); *value* a number `okrkit._validators.finite` takes;
        *confidence* None or such a number from 0 to 1; *note* None or a storable str
        (`okrkit._validators.text_ok` with blank allowed); *author* None or a storable,
        non-blank str.  The result then equals ``CheckIn(at=at, value=value, ...)``.
        """
        check_in = _new(cls)
        _set(check_in, "at", at)
        _set(check_in, "value", value)
        _set(check_in, "confidence", confidence)
        _set(check_in, "note", note)
        _set(check_in, "author", author)
        return check_in


def _derived_id(self: KeyResult | Objective | Kpi | Initiative) -> str:
    # The title is checked after the defaults are made; a bad one gets a stand-in here and
    # is then refused by the title's validator, naming the title.
    return slugify(self.title) if isinstance(self.title, str) else "?"


def _cycle(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Cycle):
        raise InvalidTypeError(attribute.name, value, "a Cycle (Cycle.parse('2026-Q3'))")


def _optional_cycle(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _cycle(inst, attribute, value)


def _inserted(check_ins: tuple[CheckIn, ...], new: CheckIn) -> tuple[CheckIn, ...]:
    """*check_ins* with *new* in time order, after any made at the same time."""
    index = bisect.bisect_right(check_ins, v.moment(new.at), key=lambda c: v.moment(c.at))
    return (*check_ins[:index], new, *check_ins[index:])


def _time_of(check_in: CheckIn) -> When:
    return check_in.at


def _check_target(target: object, direction: Direction | None, name: str) -> None:
    """Check that *target* fits *direction*: a band for WITHIN, a number otherwise."""
    if target is None:
        return
    if isinstance(target, tuple):
        if direction is not Direction.WITHIN:
            raise InvalidValueError(
                name,
                target,
                f"a number (a (low, high) band needs direction 'within', not {_name(direction)})",
            )
        if len(target) != 2:
            raise InvalidValueError(name, target, "a (low, high) band of two numbers")
        low = v.check_number(f"{name}[0]", target[0])
        high = v.check_number(f"{name}[1]", target[1])
        if not low <= high:
            raise InvalidValueError(name, target, "a (low, high) band with low <= high")
        return
    v.check_number(name, target)
    if direction is Direction.WITHIN:
        raise InvalidValueError(name, target, "a (low, high) band for direction 'within'")


def _name(direction: Direction | None) -> str:
    return "none" if direction is None else repr(direction.value)


@attrs.frozen(kw_only=True)
class KeyResult:
    """A measurable outcome: a metric moving from `start` to `target`, and its check-ins.

    Only `title` is required: a key result first written as a sentence, with its
    direction and target still unknown, is valid (the rules flag it).  The id is derived
    from the title when not given.

    >>> from datetime import date
    >>> kr = KeyResult(id="churn", title="Reduce churn from 5% to 4%",
    ...                direction=Direction.DECREASE, start=5.0, target=4.0, unit="%")
    >>> kr.check_in(4.6, at=date(2026, 8, 1), confidence=0.6).current
    4.6
    >>> kr.current
    5.0
    """

    title: str = attrs.field(validator=v.text())
    id: str = attrs.field(
        default=attrs.Factory(_derived_id, takes_self=True),
        validator=v.identifier,
    )
    direction: Direction | None = attrs.field(default=None, converter=_direction)
    start: Number | None = attrs.field(default=None, validator=v.number(optional=True))
    target: Target | None = attrs.field(default=None, converter=_target)
    unit: str | None = attrs.field(default=None, validator=v.text(optional=True))
    weight: Number = attrs.field(default=1, validator=v.number(above=0))
    owner: str | None = attrs.field(default=None, validator=v.text(optional=True))
    due: When | None = attrs.field(default=None, validator=v.when(optional=True))
    indicator: Indicator | None = attrs.field(default=None, converter=_indicator)
    check_ins: tuple[CheckIn, ...] = attrs.field(default=(), converter=_sorted_check_ins)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=v.codes)
    carried_from: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.identifier)
    )
    """The id of the key result of an earlier cycle this one carries on (`Plan.roll_over`)."""

    @classmethod
    def _unchecked(
        cls,
        *,
        title: str,
        id: str,
        direction: Direction | None,
        start: Number | None,
        target: Number | None,
        unit: str | None,
        weight: Number,
        owner: str | None,
        due: When | None,
        indicator: Indicator | None,
        check_ins: tuple[CheckIn, ...],
        ignore: tuple[str, ...],
        carried_from: str | None = None,
    ) -> KeyResult:
        """The key result of these fields, built without the checks a reader has made already.

        For the readers' fast paths (a document holds hundreds of thousands of key results).
        The caller must have made every check the constructor makes, on the values in the form
        it stores them: *title* a storable, non-blank str and *id* a str
        `okrkit._validators.id_ok` takes; *direction* a Direction or None, *indicator* an
        Indicator or None; *start* None or a number `okrkit._validators.finite` takes;
        *target* None, such a number (not for WITHIN), or for WITHIN only a ``(low, high)``
        tuple of such numbers with low <= high; a MILESTONE's start and target given, 0 and 1
        if the document had none, target above start for INCREASE and MILESTONE and below it
        for DECREASE when both are numbers; *unit* and *owner* None or storable, non-blank
        strs; *weight* such a number, above 0 as a float; *due* None or a time as
        `CheckIn._unchecked` takes *at*; *check_ins* a tuple of CheckIns in time order, as
        the field's converter returns it; *ignore* a tuple of non-blank strs (rule codes);
        *carried_from* None or a str `okrkit._validators.id_ok` takes.
        The result then equals ``KeyResult(title=title, id=id, ...)``.
        """
        kr = _new(cls)
        _set(kr, "title", title)
        _set(kr, "id", id)
        _set(kr, "direction", direction)
        _set(kr, "start", start)
        _set(kr, "target", target)
        _set(kr, "unit", unit)
        _set(kr, "weight", weight)
        _set(kr, "owner", owner)
        _set(kr, "due", due)
        _set(kr, "indicator", indicator)
        _set(kr, "check_ins", check_ins)
        _set(kr, "ignore", ignore)
        _set(kr, "carried_from", carried_from)
        return kr

    def __attrs_post_init__(self) -> None:
        direction, start, target = self.direction, self.start, self.target
        if direction is Direction.MILESTONE:
            # A milestone is done (1) or not (0) unless told otherwise.
            if start is None:
                start = 0
                object.__setattr__(self, "start", 0)
            if target is None:
                target = 1
                object.__setattr__(self, "target", 1)
        _check_target(target, direction, "target")
        if start is None or target is None or isinstance(target, tuple):
            return
        if direction in (Direction.INCREASE, Direction.MILESTONE) and not target > start:
            raise InvalidValueError(
                "target", target, f"a number above start {start!r} for {_name(direction)}"
            )
        if direction is Direction.DECREASE and not target < start:
            raise InvalidValueError(
                "target", target, f"a number below start {start!r} for 'decrease'"
            )

    @property
    def current(self) -> Number | None:
        """The latest check-in's value, else `start` (None when neither is known)."""
        return self.check_ins[-1].value if self.check_ins else self.start

    @property
    def measurable(self) -> bool:
        """Whether the key result has a direction and a target to be measured against."""
        return self.direction is not None and self.target is not None

    def latest(self, at: When | None = None) -> CheckIn | None:
        """The latest check-in made by *at*: up to that instant, or on that day or before.

        A date counts each check-in by the day on its own clock, as `Cycle.contains` does.
        """
        if not self.check_ins:
            return None
        if at is None:
            return self.check_ins[-1]
        return v.latest_counted(self.check_ins, v.check_when("at", at), _time_of)

    def value_at(self, at: When | None = None) -> Number | None:
        """The value as of *at*: the latest check-in then, else `start`."""
        latest = self.latest(at)
        return self.start if latest is None else latest.value

    def check_in(
        self,
        value: Number,
        *,
        at: When,
        confidence: Number | None = None,
        note: str | None = None,
        author: str | None = None,
    ) -> KeyResult:
        """A new key result with one more check-in, in time order; this one is unchanged."""
        new = CheckIn(at=at, value=value, confidence=confidence, note=note, author=author)
        return attrs.evolve(self, check_ins=_inserted(self.check_ins, new))

    def _repr_html_(self) -> str:
        """A compact HTML view for notebooks (`okrkit.report.key_result_html`)."""
        from okrkit import _repr

        return _repr.html(self)


@attrs.frozen(kw_only=True)
class Objective:
    """A qualitative goal, its key results, its owner and cycle, and what it is aligned to.

    >>> from okrkit import Cycle
    >>> obj = Objective(title="Win back customers who drifted away", owner="growth",
    ...                 cycle=Cycle.parse("2026-Q3"), aligned_to="company-growth")
    >>> obj.id, obj.commitment
    ('win-back-customers-who-drifted-away', <Commitment.ASPIRATIONAL: 'aspirational'>)
    """

    title: str = attrs.field(validator=v.text())
    id: str = attrs.field(
        default=attrs.Factory(_derived_id, takes_self=True),
        validator=v.identifier,
    )
    description: str | None = attrs.field(default=None, validator=v.text(optional=True, blank=True))
    owner: str | None = attrs.field(default=None, validator=v.text(optional=True))
    cycle: Cycle | None = attrs.field(default=None, validator=_optional_cycle)
    commitment: Commitment = attrs.field(default=Commitment.ASPIRATIONAL, converter=_commitment)
    level: str | None = attrs.field(default=None, converter=_level, validator=v.text(optional=True))
    aligned_to: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.identifier)
    )
    weight: Number = attrs.field(default=1, validator=v.number(above=0))
    key_results: tuple[KeyResult, ...] = attrs.field(default=(), converter=_key_results)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=v.codes)

    def key_result(self, id: str) -> KeyResult:
        """The key result with this id; `UnknownIdError` if there is none."""
        for kr in self.key_results:
            if kr.id == id:
                return kr
        raise UnknownIdError(id, "a key result")

    def replace_key_result(self, kr: KeyResult) -> Objective:
        """A new objective with the key result of the same id replaced by *kr*."""
        for i, old in enumerate(self.key_results):
            if old.id == kr.id:
                return attrs.evolve(
                    self, key_results=(*self.key_results[:i], kr, *self.key_results[i + 1 :])
                )
        raise UnknownIdError(kr.id, "a key result")

    def check_in(
        self,
        kr_id: str,
        value: Number,
        *,
        at: When,
        confidence: Number | None = None,
        note: str | None = None,
        author: str | None = None,
    ) -> Objective:
        """A new objective with a check-in added to one of its key results."""
        kr = self.key_result(kr_id)
        return self.replace_key_result(
            kr.check_in(value, at=at, confidence=confidence, note=note, author=author)
        )

    def _repr_html_(self) -> str:
        """A compact HTML view for notebooks (`okrkit.report.objective_html`)."""
        from okrkit import _repr

        return _repr.html(self)


@attrs.frozen(kw_only=True)
class Kpi:
    """A health metric tracked beside the OKRs: it should stay above, below or within a threshold.

    A KPI is never scored as an OKR; it is healthy or not.

    >>> from datetime import date
    >>> uptime = Kpi(title="Uptime", direction="at_least", threshold=99.9, unit="%")
    >>> uptime.check_in(99.95, at=date(2026, 7, 31)).healthy()
    True
    """

    title: str = attrs.field(validator=v.text())
    id: str = attrs.field(
        default=attrs.Factory(_derived_id, takes_self=True),
        validator=v.identifier,
    )
    direction: Direction = attrs.field(converter=_kpi_direction)
    threshold: Target = attrs.field(converter=_target)
    unit: str | None = attrs.field(default=None, validator=v.text(optional=True))
    owner: str | None = attrs.field(default=None, validator=v.text(optional=True))
    check_ins: tuple[CheckIn, ...] = attrs.field(default=(), converter=_sorted_check_ins)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=v.codes)

    def __attrs_post_init__(self) -> None:
        if self.direction not in (Direction.AT_LEAST, Direction.AT_MOST, Direction.WITHIN):
            raise InvalidValueError(
                "direction",
                self.direction.value,
                "one of 'at_least', 'at_most', 'within' for a KPI",
            )
        if self.threshold is None:
            raise InvalidTypeError("threshold", None, "a number, or a (low, high) band")
        _check_target(self.threshold, self.direction, "threshold")

    @property
    def current(self) -> Number | None:
        """The latest check-in's value, or None before the first."""
        return self.check_ins[-1].value if self.check_ins else None

    def check_in(
        self, value: Number, *, at: When, note: str | None = None, author: str | None = None
    ) -> Kpi:
        """A new KPI with one more reading, in time order."""
        new = CheckIn(at=at, value=value, note=note, author=author)
        return attrs.evolve(self, check_ins=_inserted(self.check_ins, new))

    def healthy(self, at: When | None = None) -> bool | None:
        """Whether the latest reading by *at* is on the right side of the threshold."""
        if not self.check_ins:
            return None
        if at is None:
            reading: CheckIn | None = self.check_ins[-1]
        else:
            reading = v.latest_counted(self.check_ins, v.check_when("at", at), _time_of)
        if reading is None:
            return None
        # Compared as floats, as scoring compares: Decimal("0.1") meets a threshold of 0.1.
        value = float(reading.value)
        threshold = self.threshold
        if isinstance(threshold, tuple):
            return float(threshold[0]) <= value <= float(threshold[1])
        if self.direction is Direction.AT_LEAST:
            return value >= float(threshold)
        return value <= float(threshold)


@attrs.frozen(kw_only=True)
class Initiative:
    """Work planned to move key results: an output beside the outcomes it should change.

    A key result says what should be true at the cycle's end ("Cut churn from 5% to 4%"); an
    initiative says what the team will do to get there ("Launch a win-back email series"), and
    names the key results it is meant to move by their ids.  It is never scored: it is done or
    not, and the key results it serves say whether doing it helped.

    >>> from datetime import date
    >>> emails = Initiative(title="Launch a win-back email series", key_results=["churn"],
    ...                     status="in progress", due=date(2026, 8, 15))
    >>> emails.id, emails.status, emails.key_results
    ('launch-a-win-back-email-series', <InitiativeStatus.IN_PROGRESS: 'in_progress'>, ('churn',))
    """

    title: str = attrs.field(validator=v.text())
    id: str = attrs.field(
        default=attrs.Factory(_derived_id, takes_self=True),
        validator=v.identifier,
    )
    owner: str | None = attrs.field(default=None, validator=v.text(optional=True))
    status: InitiativeStatus = attrs.field(default=InitiativeStatus.PLANNED, converter=_status)
    due: When | None = attrs.field(default=None, validator=v.when(optional=True))
    key_results: Ids = attrs.field(default=(), converter=_ids)
    notes: str | None = attrs.field(default=None, validator=v.text(optional=True, blank=True))
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=v.codes)

    @property
    def open(self) -> bool:
        """Whether work on it is still to come: planned or in progress."""
        return self.status in (InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS)

    def overdue(self, at: date) -> bool:
        """Whether it is still open after the day it was due (False without a due date)."""
        if self.due is None or not self.open:
            return False
        due = self.due.date() if isinstance(self.due, datetime) else self.due
        day = at.date() if isinstance(at, datetime) else at
        return day > due


@attrs.frozen(kw_only=True)
class PastScore:
    """A final score from a past cycle, kept in a plan's history (the ambition rules read it).

    >>> PastScore(owner="growth", cycle=Cycle.parse("2026-Q2"), score=0.95).commitment
    <Commitment.ASPIRATIONAL: 'aspirational'>
    """

    owner: str = attrs.field(validator=v.text())
    cycle: Cycle = attrs.field(validator=_cycle)
    score: Number = attrs.field(validator=v.number(min_value=0, max_value=10))
    commitment: Commitment = attrs.field(default=Commitment.ASPIRATIONAL, converter=_commitment)
    objective: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.identifier)
    )


_P = TypeVar("_P")
_T = TypeVar("_T")


class Claims(Generic[_P]):
    """Ids claimed by the places that hold them: the first place keeps an id, later ones repeat it.

    The one rule okrkit has for an id used twice, so that every part that meets one agrees: the
    plan's index (`Plan.index`) holds each id's first holder, the alignment forest and rule
    OKR106 report the repeats, and the readers of documents refuse ids given twice.  A place is
    anything but None: a `Position`, a path, a line number.

    >>> claims = Claims()
    >>> claims.claim("grow", "objectives[0]"), claims.claim("grow", "objectives[3]")
    (None, 'objectives[0]')
    >>> claims.repeated
    {'grow': ['objectives[0]', 'objectives[3]']}
    """

    __slots__ = ("first", "repeated")

    def __init__(self) -> None:
        self.first: dict[str, _P] = {}
        """Each id -> the place that claimed it first."""
        self.repeated: dict[str, list[_P]] = {}
        """Each id claimed more than once -> every place that claimed it, in order."""

    def claim(self, id: str, place: _P) -> _P | None:
        """Claim *id* for *place*: None when it was free, else the place that claimed it first."""
        first = self.first.get(id)
        if first is None:
            self.first[id] = place
            return None
        held = self.repeated.get(id)
        if held is None:
            self.repeated[id] = [first, place]
        else:
            held.append(place)
        return first


Position: TypeAlias = tuple[int, int | None]
"""Where an id sits in a plan: ``(objective, key_result)``, the objective's position in
`Plan.objectives` and the key result's in its `key_results` (None for an objective's own id).

>>> plan = Plan(objectives=[Objective(id="grow", title="Grow into the mid-market",
...     key_results=[KeyResult(id="arr", title="Raise ARR from 10 to 20")])])
>>> plan.index["arr"], plan.index["grow"]
((0, 0), (0, None))

A plain pair, not a named tuple: a plan holds one for each of its ids, and Python's garbage
collector stops tracking a tuple of numbers but never an instance of a tuple's subclass, so
named pairs would be walked by every collection after (at 100,000 objectives they doubled the
time to make a plan).
"""


class PlanIndex(Mapping[str, Position]):
    """A plan's ids, each with its `Position`: a read-only mapping (`Plan.index`).

    Asked for an id it does not hold (or for something that is no id at all), it raises
    `UnknownIdError`, which is a `KeyError`: ``in``, ``get`` and the rest of the mapping
    protocol work as they do on a dict.

    >>> plan = Plan(objectives=[Objective(id="grow", title="Grow into the mid-market")])
    >>> plan.index["churn"]
    Traceback (most recent call last):
    ...
    okrkit.errors.UnknownIdError: no objective or key result with id 'churn'
    >>> plan.index.get("churn"), plan.index.get("grow")
    (None, (0, None))
    """

    __slots__ = ("_ids",)

    def __init__(self, ids: dict[str, Position]) -> None:
        self._ids = ids

    def __getitem__(self, id: str) -> Position:
        where = self._ids.get(id) if isinstance(id, str) else None
        if where is None:
            raise UnknownIdError(id)
        return where

    @overload
    def get(self, id: object, /) -> Position | None: ...
    @overload
    def get(self, id: object, default: Position | _T, /) -> Position | _T: ...

    # The mapping protocol's own, faster: the tree and the rules look up ids through it.
    def get(self, id: object, default: object = None, /) -> object:
        return self._ids.get(id, default) if isinstance(id, str) else default

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def keys(self) -> KeysView[str]:
        return self._ids.keys()

    def items(self) -> ItemsView[str, Position]:
        return self._ids.items()

    def values(self) -> ValuesView[Position]:
        return self._ids.values()

    def __repr__(self) -> str:
        return f"<PlanIndex of {len(self._ids)} ids>"


def claim_ids(objectives: Iterable[Objective]) -> Claims[Position]:
    """Every objective's and key result's id, claimed by its position, in plan order."""
    claims: Claims[Position] = Claims()
    claim = claims.claim
    for i, obj in enumerate(objectives):
        claim(obj.id, (i, None))
        for j, kr in enumerate(obj.key_results):
            claim(kr.id, (i, j))
    return claims


def _unique_ids(
    objectives: tuple[Objective, ...], claims: Claims[Position]
) -> tuple[Objective, ...]:
    """Give derived ids that collide a suffix (``-2``, ``-3``) so each is unique in the plan.

    An id is taken as derived when it equals the slug of its title; any other duplicate
    was given on purpose, so it stays for the rules (OKR106) to report.  *claims* are the
    objectives' ids; the objectives come back as they are when no id needs a suffix.
    """
    repeated = claims.repeated
    taken = set(claims.first)
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}

    def unique(id: str, title: str) -> str:
        if id not in seen or id not in repeated or id != slugify(title):
            seen.add(id)
            return id
        # The first free suffix only grows as `taken` does: start where the last search ended,
        # not at 2, so that 20,000 equal titles take linear time and get the same ids.
        n = next_suffix.get(id, 2)
        while f"{id}-{n}" in taken:
            n += 1
        next_suffix[id] = n + 1
        new = f"{id}-{n}"
        taken.add(new)
        seen.add(new)
        return new

    result = []
    renamed_any = False
    for obj in objectives:
        obj_id = unique(obj.id, obj.title)
        krs = tuple(
            kr if (new := unique(kr.id, kr.title)) == kr.id else attrs.evolve(kr, id=new)
            for kr in obj.key_results
        )
        renamed = obj_id != obj.id or any(
            a is not b for a, b in zip(krs, obj.key_results, strict=True)
        )
        renamed_any = renamed_any or renamed
        result.append(attrs.evolve(obj, id=obj_id, key_results=krs) if renamed else obj)
    return tuple(result) if renamed_any else objectives


_Named = TypeVar("_Named", Kpi, Initiative)


def _unique_derived_ids(items: tuple[_Named, ...], taken: set[str]) -> tuple[_Named, ...]:
    """Give a KPI's or an initiative's derived id that something before it holds a suffix,
    as `_unique_ids` does for objectives and key results: a file holds every id once, so a
    KPI titled as an objective is "grow-2" beside objective "grow".  An id given on purpose
    (not its title's slug) stays, and the plan is not written (`formats.dumps` says why).
    *taken* gains the ids of *items*."""
    result = []
    renamed = False
    every = taken | {item.id for item in items}  # a suffix takes no id a later one holds either
    for item in items:
        id = item.id
        if id in taken and id == slugify(item.title):
            n = 2
            while f"{id}-{n}" in every:
                n += 1
            id = f"{id}-{n}"
            every.add(id)
            renamed = True
        taken.add(id)
        result.append(item if id == item.id else attrs.evolve(item, id=id))
    return tuple(result) if renamed else items


@attrs.frozen(kw_only=True)
class Plan:
    """The document: objectives, KPIs, initiatives and the history of past scores.

    It is what files hold.

    >>> plan = Plan(objectives=[Objective(title="Delight our customers",
    ...     key_results=[KeyResult(title="Raise NPS from 32 to 50", direction="increase",
    ...                            start=32, target=50)])])
    >>> plan.key_result("raise-nps-from-32-to-50").target
    50
    >>> plan.objective_of("raise-nps-from-32-to-50").id
    'delight-our-customers'
    """

    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=_objectives)
    kpis: tuple[Kpi, ...] = attrs.field(default=(), converter=_kpis)
    history: tuple[PastScore, ...] = attrs.field(default=(), converter=_history)
    initiatives: tuple[Initiative, ...] = attrs.field(default=(), converter=_initiatives)
    _index: dict[str, Position] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        claims = claim_ids(self.objectives)
        if claims.repeated:
            objectives = _unique_ids(self.objectives, claims)
            if objectives is not self.objectives:
                object.__setattr__(self, "objectives", objectives)
                claims = claim_ids(objectives)
        if self.kpis or self.initiatives:
            taken = set(claims.first)
            for name in ("kpis", "initiatives"):
                items = getattr(self, name)
                unique = _unique_derived_ids(items, taken)
                if unique is not items:
                    object.__setattr__(self, name, unique)
        object.__setattr__(self, "_index", claims.first)

    def __getstate__(self) -> dict[str, object]:
        # The index is made again on unpickling: the pickle is smaller without it, and a plan
        # pickled by an older okrkit (whose index held other values) gets today's.
        return {
            "objectives": self.objectives,
            "kpis": self.kpis,
            "history": self.history,
            "initiatives": self.initiatives,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in ("objectives", "kpis", "history"):
            object.__setattr__(self, name, state[name])
        # A plan pickled before initiatives were a part of it has none.
        object.__setattr__(self, "initiatives", state.get("initiatives", ()))
        object.__setattr__(self, "_index", claim_ids(self.objectives).first)

    @property
    def index(self) -> PlanIndex:
        """Every objective's and key result's id, with its `Position`: a read-only mapping.

        Objectives and key results share one namespace of ids.  When an id is held twice (rule
        OKR106 reports it), the first holder in plan order is the one indexed.  The index is
        made once, with the plan, so a lookup costs what a dict's does.

        >>> plan = Plan(objectives=[Objective(id="grow", title="Grow into the mid-market",
        ...     key_results=[KeyResult(id="arr", title="Raise ARR from 10 to 20"),
        ...                  KeyResult(id="logos", title="Win 40 new logos")])])
        >>> i, j = plan.index["logos"]
        >>> (i, j), plan.objectives[i].key_results[j].title
        ((0, 1), 'Win 40 new logos')
        >>> list(plan.index), "churn" in plan.index
        (['grow', 'arr', 'logos'], False)
        """
        return PlanIndex(self._index)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._index

    def _where(self, id: object) -> Position | None:
        return self._index.get(id) if isinstance(id, str) else None

    def objective(self, id: str) -> Objective:
        """The objective with this id; `UnknownIdError` if there is none."""
        where = self._where(id)
        if where is None or where[1] is not None:
            raise UnknownIdError(id, "an objective")
        return self.objectives[where[0]]

    def key_result(self, id: str) -> KeyResult:
        """The key result with this id, in whichever objective holds it."""
        i, j = self._where(id) or (-1, None)
        if j is None:
            raise UnknownIdError(id, "a key result")
        return self.objectives[i].key_results[j]

    def objective_of(self, kr_id: str) -> Objective:
        """The objective that holds the key result *kr_id*."""
        where = self._where(kr_id)
        if where is None or where[1] is None:
            raise UnknownIdError(kr_id, "a key result")
        return self.objectives[where[0]]

    def kpi(self, id: str) -> Kpi:
        """The KPI with this id; `UnknownIdError` if there is none."""
        for kpi in self.kpis:
            if kpi.id == id:
                return kpi
        raise UnknownIdError(id, "a KPI")

    def initiative(self, id: str) -> Initiative:
        """The initiative with this id; `UnknownIdError` if there is none."""
        for initiative in self.initiatives:
            if initiative.id == id:
                return initiative
        raise UnknownIdError(id, "an initiative")

    def initiatives_for(self, kr_id: str) -> tuple[Initiative, ...]:
        """The initiatives meant to move the key result *kr_id*, in document order.

        >>> plan = Plan(objectives=[Objective(title="Keep customers", key_results=[
        ...     KeyResult(id="churn", title="Cut churn from 5% to 4%")])],
        ...     initiatives=[Initiative(title="Win-back emails", key_results=["churn"]),
        ...                  Initiative(title="Price review")])
        >>> [i.title for i in plan.initiatives_for("churn")]
        ['Win-back emails']
        """
        where = self._where(kr_id)
        if where is None or where[1] is None:
            raise UnknownIdError(kr_id, "a key result")
        return tuple(i for i in self.initiatives if kr_id in i.key_results)

    def key_results(self) -> Iterator[tuple[Objective, KeyResult]]:
        """Every key result with the objective that holds it, in document order."""
        for obj in self.objectives:
            for kr in obj.key_results:
                yield obj, kr

    @property
    def cycles(self) -> tuple[Cycle, ...]:
        """The cycles the objectives run in, each once, in time order."""
        return tuple(sorted({o.cycle for o in self.objectives if o.cycle is not None}))

    def replace(self, objective: Objective) -> Plan:
        """A new plan with the objective of the same id replaced."""
        if not isinstance(objective, Objective):
            raise InvalidTypeError("objective", objective, "an Objective")
        where = self._where(objective.id)
        if where is None or where[1] is not None:
            raise UnknownIdError(objective.id, "an objective")
        i = where[0]
        return attrs.evolve(
            self, objectives=(*self.objectives[:i], objective, *self.objectives[i + 1 :])
        )

    def check_in(
        self,
        kr_id: str,
        value: Number,
        *,
        at: When,
        confidence: Number | None = None,
        note: str | None = None,
        author: str | None = None,
    ) -> Plan:
        """A new plan with a check-in added to the key result *kr_id*."""
        obj = self.objective_of(kr_id)
        return self.replace(
            obj.check_in(kr_id, value, at=at, confidence=confidence, note=note, author=author)
        )

    def roll_over(self, cycle: Cycle | str, *, at: date) -> Plan:
        """A plan for the next *cycle* that carries on what is unfinished at *at*.

        Every key result not done at *at* is carried: its start is its value then, its
        check-ins stay with this plan, its due date is dropped and `KeyResult.carried_from`
        names it; a done one is not.  An objective is carried with its unfinished key
        results (and one without key results as it is), in *cycle*, aligned as before unless
        what it is aligned to is in this plan and finished (then to nothing).  KPIs are
        carried without their readings, open initiatives with the key results they name that
        are carried, and the history gains each objective's score at *at* (`PastScore`),
        which the ambition rules read next cycle.  See `okrkit.changes.roll_over`.

        >>> from datetime import date
        >>> churn = KeyResult(id="churn", title="Cut churn", direction="decrease", start=5,
        ...                   target=4).check_in(4.4, at=date(2026, 9, 20))
        >>> nps = KeyResult(id="nps", title="Raise NPS", direction="increase", start=30,
        ...                 target=40).check_in(41, at=date(2026, 9, 20))
        >>> q3 = Plan(objectives=[Objective(title="Keep", owner="growth",
        ...     cycle=Cycle.parse("2026-Q3"), key_results=[churn, nps])])
        >>> q4 = q3.roll_over("2026-Q4", at=date(2026, 9, 30))
        >>> [(kr.id, kr.start, kr.carried_from) for _, kr in q4.key_results()]
        [('churn', 4.4, 'churn')]
        >>> str(q4.objectives[0].cycle), q4.history[0].score
        ('2026-Q4', 0.8)
        """
        return _next.roll_over(self, cycle, at)  # type: ignore[no-any-return]

    def _repr_html_(self) -> str:
        """A compact HTML view for notebooks (`okrkit.report.plan_html`)."""
        from okrkit import _repr

        return _repr.html(self)
