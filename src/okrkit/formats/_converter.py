"""The converter between a `Plan` and the plain data of a document (dicts, lists, scalars).

One cattrs `Converter` (`converter`) carries the hooks: unstructuring writes the document
schema (version 1), structuring reads it back, checking every field and collecting every
problem with its path (``$.objectives[3].key_results[0].target``) into one `FormatError`.

The hot types (check-ins, key results) are read by hand-written code rather than cattrs'
generated hooks, because a document of 100,000 objectives must load in seconds.

Numbers keep their type: an int is written as a JSON integer, a float as a JSON number with a
point or an exponent (Python's ``repr``), and a Decimal as a string of digits (``"12.50"``),
which is read back as a Decimal.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, TypeAlias

import attrs
import cattrs

from okrkit._validators import finite, id_ok, slugify, storable, text_ok
from okrkit.cycles import Cycle, FiscalYearNaming
from okrkit.errors import (
    CycleError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRWarning,
    safe_repr,
)
from okrkit.formats._versions import CURRENT, migrate
from okrkit.model import (
    CheckIn,
    Commitment,
    Direction,
    Indicator,
    KeyResult,
    Kpi,
    Objective,
    PastScore,
    Plan,
)

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SIZE",
    "Dates",
    "Options",
    "Unknown",
    "converter",
    "safe_repr",
    "structure",
    "unstructure",
]

Unknown: TypeAlias = Literal["error", "warn", "ignore"]
"""What to do with a field the schema does not know: refuse the document, or warn, or skip it."""

Dates: TypeAlias = Literal["strict", "lenient"]
"""How to read dates: strict ISO 8601 only, or anything python-dateutil understands."""

DEFAULT_MAX_DEPTH = 64
"""The deepest nesting of lists and objects a document may have, by default."""

DEFAULT_MAX_SIZE = 100_000_000
"""The largest document (in characters, or bytes for bytes) read by default: about 100 MB."""

_UNKNOWN = ("error", "warn", "ignore")
_DATES = ("strict", "lenient")


@attrs.frozen(kw_only=True)
class Options:
    """How to read a document: unknown fields, dates, limits, fiscal defaults."""

    unknown: Unknown = "error"
    dates: Dates = "strict"
    max_depth: int | None = DEFAULT_MAX_DEPTH
    max_size: int | None = DEFAULT_MAX_SIZE

    def check(self) -> None:
        """Raise an okrkit error for an option out of its choices."""
        if self.unknown not in _UNKNOWN:
            raise InvalidValueError("unknown", self.unknown, "one of 'error', 'warn', 'ignore'")
        if self.dates not in _DATES:
            raise InvalidValueError("dates", self.dates, "one of 'strict', 'lenient'")
        for name in ("max_depth", "max_size"):
            limit = getattr(self, name)
            if limit is not None and (type(limit) is not int or limit < 1):
                raise InvalidValueError(name, limit, "a whole number >= 1, or None for no limit")


# Writing ----------------------------------------------------------------------------------------


def _num(x: object) -> object:
    return str(x) if type(x) is Decimal else x


def _target(x: object) -> object:
    if type(x) is tuple:
        return [_num(x[0]), _num(x[1])]
    return _num(x)


def _native_ok(x: date) -> bool:
    """Whether YAML and TOML can hold *x* as a native date or datetime (a whole-minute offset)."""
    if not isinstance(x, datetime):
        return True
    offset = x.utcoffset()
    return offset is not None and not offset % timedelta(minutes=1) and x.year >= 1


def _when(x: date, native: bool) -> object:
    if native and _native_ok(x):
        return x
    return x.isoformat()


def _fiscal_defaults(plan: Plan) -> tuple[int, FiscalYearNaming]:
    """The fiscal settings most of the plan's fiscal cycles share (the first, on a tie)."""
    counts: Counter[tuple[int, FiscalYearNaming]] = Counter()
    cycles = [o.cycle for o in plan.objectives] + [h.cycle for h in plan.history]
    for cycle in cycles:
        if cycle is not None and cycle.kind.startswith("fiscal_"):
            counts[cycle.fiscal_year_start, cycle.fiscal_year_named_by] += 1
    if not counts:
        return 1, "end"
    return counts.most_common(1)[0][0]


def _cycle(cycle: Cycle, fiscal: tuple[int, str]) -> object:
    label = str(cycle)
    if not cycle.kind.startswith("fiscal_"):
        return label
    if (cycle.fiscal_year_start, cycle.fiscal_year_named_by) == fiscal:
        return label
    return {
        "label": label,
        "fiscal_year_start": cycle.fiscal_year_start,
        "fiscal_year_named_by": cycle.fiscal_year_named_by,
    }


def _check_in(c: CheckIn, native: bool) -> dict[str, object]:
    out: dict[str, object] = {"at": _when(c.at, native), "value": _num(c.value)}
    if c.confidence is not None:
        out["confidence"] = _num(c.confidence)
    if c.note is not None:
        out["note"] = c.note
    if c.author is not None:
        out["author"] = c.author
    return out


def _is_default_weight(w: object) -> bool:
    return type(w) is int and w == 1


def _key_result(kr: KeyResult, native: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    if kr.id != slugify(kr.title):
        out["id"] = kr.id
    out["title"] = kr.title
    direction = kr.direction
    if direction is not None:
        out["direction"] = direction.value
    start, target = kr.start, kr.target
    milestone = direction is Direction.MILESTONE
    if start is not None and not (milestone and type(start) is int and start == 0):
        out["start"] = _num(start)
    if target is not None and not (milestone and type(target) is int and target == 1):
        out["target"] = _target(target)
    if kr.unit is not None:
        out["unit"] = kr.unit
    if not _is_default_weight(kr.weight):
        out["weight"] = _num(kr.weight)
    if kr.owner is not None:
        out["owner"] = kr.owner
    if kr.due is not None:
        out["due"] = _when(kr.due, native)
    if kr.indicator is not None:
        out["indicator"] = kr.indicator.value
    if kr.check_ins:
        out["check_ins"] = [_check_in(c, native) for c in kr.check_ins]
    if kr.ignore:
        out["ignore"] = list(kr.ignore)
    return out


def _objective(o: Objective, native: bool, fiscal: tuple[int, str]) -> dict[str, object]:
    out: dict[str, object] = {}
    if o.id != slugify(o.title):
        out["id"] = o.id
    out["title"] = o.title
    if o.description is not None:
        out["description"] = o.description
    if o.owner is not None:
        out["owner"] = o.owner
    if o.cycle is not None:
        out["cycle"] = _cycle(o.cycle, fiscal)
    if o.commitment is not Commitment.ASPIRATIONAL:
        out["commitment"] = o.commitment.value
    if o.level is not None:
        out["level"] = o.level
    if o.aligned_to is not None:
        out["aligned_to"] = o.aligned_to
    if not _is_default_weight(o.weight):
        out["weight"] = _num(o.weight)
    if o.key_results:
        out["key_results"] = [_key_result(kr, native) for kr in o.key_results]
    if o.ignore:
        out["ignore"] = list(o.ignore)
    return out


def _kpi(k: Kpi, native: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    if k.id != slugify(k.title):
        out["id"] = k.id
    out["title"] = k.title
    out["direction"] = k.direction.value
    out["threshold"] = _target(k.threshold)
    if k.unit is not None:
        out["unit"] = k.unit
    if k.owner is not None:
        out["owner"] = k.owner
    if k.check_ins:
        out["check_ins"] = [_check_in(c, native) for c in k.check_ins]
    if k.ignore:
        out["ignore"] = list(k.ignore)
    return out


def _past(p: PastScore, fiscal: tuple[int, str]) -> dict[str, object]:
    out: dict[str, object] = {
        "owner": p.owner,
        "cycle": _cycle(p.cycle, fiscal),
        "score": _num(p.score),
    }
    if p.commitment is not Commitment.ASPIRATIONAL:
        out["commitment"] = p.commitment.value
    if p.objective is not None:
        out["objective"] = p.objective
    return out


def unstructure(plan: Plan, *, native_dates: bool = False) -> dict[str, Any]:
    """The document of *plan*: plain dicts, lists, strings and numbers (and dates if *native*)."""
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    fiscal = _fiscal_defaults(plan)
    out: dict[str, Any] = {"okrkit": CURRENT}
    if fiscal[0] != 1:
        out["fiscal_year_start"] = fiscal[0]
    if fiscal[1] != "end":
        out["fiscal_year_named_by"] = fiscal[1]
    if plan.objectives:
        out["objectives"] = [_objective(o, native_dates, fiscal) for o in plan.objectives]
    if plan.kpis:
        out["kpis"] = [_kpi(k, native_dates) for k in plan.kpis]
    if plan.history:
        out["history"] = [_past(p, fiscal) for p in plan.history]
    return out


# Reading ----------------------------------------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:Z|(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})"
    r"(?::(?P<seconds>\d{2}(?:\.\d{1,6})?))?)"
)


def _offset(match: re.Match[str]) -> timezone:
    """The UTC offset a `_DATETIME` match with seconds names, to the microsecond."""
    size = timedelta(
        hours=int(match["hours"]),
        minutes=int(match["minutes"]),
        microseconds=round(Decimal(match["seconds"]) * 1_000_000),
    )
    return timezone(-size if match["sign"] == "-" else size)


_FIELDS: dict[type, frozenset[str]] = {
    CheckIn: frozenset({"at", "value", "confidence", "note", "author"}),
    KeyResult: frozenset(
        {"id", "title", "direction", "start", "target", "unit", "weight", "owner", "due"}
        | {"indicator", "check_ins", "ignore"}
    ),
    Objective: frozenset(
        {"id", "title", "description", "owner", "cycle", "commitment", "level", "aligned_to"}
        | {"weight", "key_results", "ignore"}
    ),
    Kpi: frozenset(
        {"id", "title", "direction", "threshold", "unit", "owner", "check_ins", "ignore"}
    ),
    PastScore: frozenset({"owner", "cycle", "score", "commitment", "objective"}),
    Plan: frozenset(
        {"okrkit", "fiscal_year_start", "fiscal_year_named_by", "objectives", "kpis", "history"}
    ),
}
_CYCLE_FIELDS = frozenset({"label", "fiscal_year_start", "fiscal_year_named_by"})
_REQUIRED: dict[type, tuple[str, ...]] = {
    CheckIn: ("at", "value"),
    KeyResult: ("title",),
    Objective: ("title",),
    Kpi: ("title", "direction", "threshold"),
    PastScore: ("owner", "cycle", "score"),
    Plan: (),
}
_NAME_SHOWN = 60
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # what a path shows after a dot
_TEXT = "a string"
_NUMBER = "a number (or a decimal string such as '12.50')"


class _BadValueError(Exception):
    """A field's value is not what the schema expects."""

    def __init__(self, expected: str) -> None:
        self.expected = expected


def _depth(value: object, limit: int) -> bool:
    """Whether *value* nests lists and dicts deeper than *limit* (iteratively)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


_new = object.__new__
_set = object.__setattr__
_sort_check_ins: Callable[[tuple[CheckIn, ...]], tuple[CheckIn, ...]] = attrs.fields(
    KeyResult
).check_ins.converter  # type: ignore[assignment]
_FAST_KEY_RESULT = _FIELDS[KeyResult] - {"ignore"}
_FAST_DIRECTIONS = {d.value: d for d in Direction if d is not Direction.WITHIN}
_FAST_INDICATORS = {i.value: i for i in Indicator}


# The fast paths below build values without their constructors; the test that compares
# them with the careful path turns them off here, and nothing else may.
_FAST_PATHS = True


def _fast_check_in(
    at: date, value: object, confidence: object, note: object, author: object
) -> CheckIn | None:
    """A check-in built without its constructor's checks, when plainly valid; else None.

    *at* comes from `_Reader.when`, so it is a date or an aware datetime already.  Anything
    unusual returns None, and the constructor checks it (and names what is wrong).
    """
    if not finite(value) or type(value) is Decimal:
        return None
    if confidence is not None:
        kind = type(confidence)
        if not ((kind is int or kind is float) and 0 <= confidence <= 1):  # type: ignore[operator]
            return None
    if (note is not None and not text_ok(note, blank=True)) or (
        author is not None and not text_ok(author)
    ):
        return None
    check_in: CheckIn = _new(CheckIn)
    _set(check_in, "at", at)
    _set(check_in, "value", value)
    _set(check_in, "confidence", confidence)
    _set(check_in, "note", note)
    _set(check_in, "author", author)
    return check_in


class _Reader:
    """One reading of one document: the options, and every problem found so far."""

    def __init__(self, options: Options, fiscal: tuple[int, FiscalYearNaming]) -> None:
        self.options = options
        self.fiscal = fiscal
        self.problems: list[str] = []
        self.ids: dict[str, str] = {}
        self.unknown: list[str] = []
        # Documents repeat the same dates, cycles and words: read each once and share the value.
        self.dates: dict[str, date] = {}
        self.words: dict[str, str] = {}
        self.ordered = True
        self.floats: dict[float, float] = {}
        self.cycles: dict[tuple[object, int, str], Cycle] = {}
        opt_text, opt_number = self.optional(self.text), self.optional(self.number)
        direction = self.member(Direction)
        commitment = self.member(Commitment)
        self.readers: dict[type, dict[str, Callable[[object], object]]] = {
            CheckIn: {
                "at": self.when,
                "value": self.number,
                "confidence": opt_number,
                "note": opt_text,
                "author": opt_text,
            },
            KeyResult: {
                "id": self.text,
                "title": self.text,
                "direction": self.optional(direction),
                "start": opt_number,
                "target": self.optional(self.target),
                "unit": opt_text,
                "weight": self.number,
                "owner": opt_text,
                "due": self.optional(self.when),
                "indicator": self.optional(self.member(Indicator)),
                "ignore": self.codes,
            },
            Objective: {
                "id": self.text,
                "title": self.text,
                "description": opt_text,
                "owner": opt_text,
                "cycle": self.optional(self.cycle),
                "commitment": commitment,
                "level": opt_text,
                "aligned_to": opt_text,
                "weight": self.number,
                "ignore": self.codes,
            },
            Kpi: {
                "id": self.text,
                "title": self.text,
                "direction": direction,
                "threshold": self.target,
                "unit": opt_text,
                "owner": opt_text,
                "ignore": self.codes,
            },
            PastScore: {
                "owner": self.text,
                "cycle": self.cycle,
                "score": self.number,
                "commitment": commitment,
                "objective": opt_text,
            },
        }

    # Problems ----------------------------------------------------------------------------

    def bad(self, path: str, value: object, expected: str) -> None:
        self.problems.append(f"{path}: expected {expected}, got {safe_repr(value)}")

    def model_error(self, path: str, error: InvalidValueError | InvalidTypeError) -> None:
        located = error.under(path)
        self.bad(located.path, located.value, located.expected)

    def check_keys(self, data: dict[str, Any], kind: type, path: str, depth: int) -> bool:
        """Report unknown and missing fields; False when a required field is missing."""
        allowed = _FIELDS[kind]
        keys = data.keys()
        if not keys <= allowed:
            self.extra(data, keys - allowed, path, depth)
        ok = True
        for name in _REQUIRED[kind]:
            if name not in data:
                self.problems.append(f"{path}.{name}: missing required field")
                ok = False
        return ok

    def extra(self, data: dict[str, Any], names: object, path: str, depth: int) -> None:
        for name in sorted(names, key=str):  # type: ignore[call-overload]
            # A name no field has is shown bare only when short and plain: a key may be a
            # megabyte long, or hold a lone surrogate or a control character for a terminal.
            plain = (
                isinstance(name, str) and len(name) <= _NAME_SHOWN and _PLAIN_NAME.fullmatch(name)
            )
            where = f"{path}.{name}" if plain else f"{path}[{safe_repr(name)}]"
            if self.options.unknown == "error":
                self.problems.append(f"{where}: unknown field")
            else:
                if self.options.unknown == "warn":
                    self.unknown.append(where)
                self.limit(data[name], where, depth + 1)

    def limit(self, value: object, path: str, depth: int) -> None:
        """Report a value that nests deeper than the limit (only values the reader skips)."""
        limit = self.options.max_depth
        if limit is not None and isinstance(value, dict | list) and _depth(value, limit - depth):
            self.problems.append(f"{path}: nested deeper than the limit of {limit} levels")

    def wrong(self, path: str, value: object, expected: str, depth: int) -> None:
        self.bad(path, value, expected)
        self.limit(value, path, depth)

    def dict_of(self, value: object, path: str, depth: int, what: str) -> dict[str, Any] | None:
        if type(value) is dict:
            return value
        self.wrong(path, value, what, depth)
        return None

    def list_of(self, value: object, path: str, depth: int, what: str) -> list[Any]:
        if type(value) is list:
            return value
        self.wrong(path, value, what, depth)
        return []

    # Scalars -----------------------------------------------------------------------------

    def number(self, value: Any) -> Any:
        kind = type(value)
        if kind is float:
            # Share repeated floats (confidences, common values); not zeros, to keep -0.0.
            return self.floats.setdefault(value, value) if value else value
        if kind is int or kind is Decimal:
            return value
        if kind is str and len(value) <= 1000 and _DECIMAL.fullmatch(value):
            try:
                return Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
                pass
        raise _BadValueError(_NUMBER)

    def target(self, value: object) -> Any:
        if type(value) is list:
            if len(value) != 2:
                raise _BadValueError("a number, or a [low, high] band of two numbers")
            return (self.number(value[0]), self.number(value[1]))
        return self.number(value)

    def text(self, value: object) -> str:
        if type(value) is str:
            if not storable(value):  # a lone surrogate: no file can hold it
                raise _BadValueError("text without lone surrogates (\\ud800..\\udfff)")
            return value
        raise _BadValueError(_TEXT)

    def when(self, value: object) -> date:
        kind = type(value)
        if kind is str:
            s: str = value  # type: ignore[assignment]
            known = self.dates.get(s)
            if known is not None:
                return known
            moment = self.parse_when(s)
            self.dates[s] = moment
            return moment
        if kind is date:
            return value  # type: ignore[return-value]
        if isinstance(value, datetime):
            if value.utcoffset() is None:
                raise _BadValueError("a date and time with a timezone offset")
            return self.orderable(value)
        raise _BadValueError("an ISO 8601 date or date and time string")

    @staticmethod
    def orderable(moment: datetime) -> datetime:
        try:
            moment.astimezone(UTC)
        except OverflowError:  # late on 9999-12-31 west of UTC: no instant to order it by
            raise _BadValueError("a time that falls within 9999 in UTC") from None
        except ValueError:  # python-dateutil reads "+25:00"; Python refuses it as an offset
            raise _BadValueError("a date and time with an offset under 24 hours") from None
        return moment

    def parse_when(self, s: str) -> date:
        if _DATE.fullmatch(s):
            try:
                return date.fromisoformat(s)
            except ValueError:
                raise _BadValueError("a real date") from None
        match = _DATETIME.fullmatch(s)
        if match:
            try:
                moment = datetime.fromisoformat(s)
                if match["seconds"]:
                    # Python reads "+00:00:00.000001" as +00:00 (a CPython bug), losing the
                    # offset okrkit wrote: build offsets with seconds here, exactly.
                    moment = moment.replace(tzinfo=_offset(match))
            except ValueError:
                raise _BadValueError("a real date and time") from None
            return self.orderable(moment)
        if self.options.dates == "lenient":
            return self.lenient(s)
        raise _BadValueError(
            "an ISO 8601 date (2026-07-01) or date and time with an offset"
            " (2026-07-01T09:30:00+02:00)"
        )

    def lenient(self, s: str) -> date:
        from dateutil import parser

        try:
            moment = parser.parse(s)
        except (ValueError, OverflowError):
            raise _BadValueError("a date or a date and time with an offset") from None
        if moment.tzinfo is not None:
            return self.orderable(moment)
        if moment.time() == datetime.min.time():
            return moment.date()
        raise _BadValueError("a date, or a date and time with a timezone offset")

    def member(self, kind: type[Any]) -> Callable[[object], object]:
        """A reader of an enum field: its members by value (the model checks the rest)."""
        members = {m.value: m for m in kind}

        def read(value: object) -> object:
            if type(value) is not str:
                raise _BadValueError("one of " + ", ".join(map(repr, members)))
            return members.get(value, value)

        return read

    def codes(self, value: object) -> tuple[str, ...]:
        if type(value) is list and all(type(c) is str for c in value):
            return tuple(value)
        raise _BadValueError("a list of rule codes such as ['OKR203']")

    def cycle(self, value: object) -> Cycle:
        fys, named = self.fiscal
        if type(value) is dict:
            if not value.keys() <= _CYCLE_FIELDS or "label" not in value:
                raise _BadValueError(
                    "a cycle label, or an object with 'label' and optionally 'fiscal_year_start'"
                    " and 'fiscal_year_named_by'"
                )
            fys = value.get("fiscal_year_start", fys)
            named = value.get("fiscal_year_named_by", named)
            value = value["label"]
        if type(value) is not str:
            raise _BadValueError(
                "a cycle label such as '2026-Q3' or 'FY2027-Q2' or '2026-07-01..2026-09-15'"
            )
        key = (value, fys, named)
        try:
            known = self.cycles.get(key)
            if known is not None:
                return known
            cycle = Cycle.parse(value, fiscal_year_start=fys, fiscal_year_named_by=named)
        except CycleError as error:
            if error.path != "label":
                raise
            raise _BadValueError(error.expected) from None
        except TypeError:  # an unhashable fiscal setting cannot be a cache key either
            raise _BadValueError("a month number 1..12 and 'end' or 'start'") from None
        self.cycles[key] = cycle
        return cycle

    def fields(
        self,
        data: dict[str, Any],
        readers: dict[str, Callable[[object], object]],
        path: str,
        depth: int,
    ) -> tuple[dict[str, object], bool]:
        """Read the fields of *data* that *readers* knows; report the bad ones."""
        kwargs: dict[str, object] = {}
        ok = True
        for name, value in data.items():
            read = readers.get(name)
            if read is None:
                continue
            try:
                kwargs[name] = read(value)
            except _BadValueError as bad:
                self.wrong(f"{path}.{name}", value, bad.expected, depth + 1)
                ok = False
            except (InvalidValueError, InvalidTypeError) as error:
                self.model_error(f"{path}.{name}", error)
                ok = False
        return kwargs, ok

    def claim(self, id: object, path: str) -> None:
        """Record an id given in the document; report it when another place holds it already."""
        if type(id) is not str:
            return
        first = self.ids.setdefault(id, path)
        if first is not path:
            self.problems.append(f"{path}: duplicate id {safe_repr(id)}, also at {first}")

    # Values ------------------------------------------------------------------------------

    def check_ins(self, data: object, path: str, depth: int) -> list[CheckIn]:
        items = self.list_of(data, path, depth, "a list of check-ins")
        result: list[CheckIn] = []
        append = result.append
        fields = _FIELDS[CheckIn]
        dates, floats = self.dates, self.floats
        # Whether the check-ins are all dates, or all datetimes, in time order: then the key
        # result needs no sorting.
        ordered = True
        kind_of_at: type | None = None
        previous: Any = None
        fast_paths = _FAST_PATHS
        for i, item in enumerate(items):
            # The hot path, inlined: a plain check-in is built without its constructor's checks
            # (as `_fast_check_in` explains); anything unusual is read again on the careful path.
            if fast_paths and type(item) is dict and item.keys() <= fields:
                at = item.get("at")
                at = dates.get(at) if type(at) is str else None
                value: Any = item.get("value")
                kind = type(value)
                confidence = item.get("confidence")
                note = item.get("note")
                author = item.get("author")
                if (
                    at is not None
                    and (kind is float or kind is int)
                    and finite(value)
                    and (confidence is None or (type(confidence) is float and 0 <= confidence <= 1))
                    and (note is None or (type(note) is str and storable(note)))
                    and author is None
                ):
                    check_in: CheckIn = _new(CheckIn)
                    _set(check_in, "at", at)
                    if kind is float and value:  # share repeated floats; not -0.0, nor ints
                        value = floats.setdefault(value, value)
                    _set(check_in, "value", value)
                    _set(
                        check_in,
                        "confidence",
                        floats.setdefault(confidence, confidence) if confidence else confidence,
                    )
                    _set(check_in, "note", note)
                    _set(check_in, "author", None)
                    append(check_in)
                    if ordered:
                        if kind_of_at is None:
                            kind_of_at = type(at)
                        elif type(at) is not kind_of_at or at < previous:
                            ordered = False
                        previous = at
                    continue
                try:
                    at = self.when(item["at"])
                    fast = _fast_check_in(
                        at,
                        self.number(item["value"]),
                        None if confidence is None else self.number(confidence),
                        note,
                        author,
                    )
                    if fast is not None:
                        append(fast)
                        ordered = False
                        continue
                except (_BadValueError, KeyError):
                    pass  # read again carefully, to report every problem with its path
            ordered = False
            careful = self.check_in(item, f"{path}[{i}]", depth + 1)
            if careful is not None:
                append(careful)
        self.ordered = ordered
        return result

    def check_in(self, item: object, path: str, depth: int) -> CheckIn | None:
        data = self.dict_of(item, path, depth, "a check-in object")
        if data is None:
            return None
        ok = self.check_keys(data, CheckIn, path, depth)
        kwargs, read = self.fields(data, self.readers[CheckIn], path, depth)
        return self.build(CheckIn, kwargs, path) if ok and read else None

    def optional(self, read: Callable[[object], object]) -> Callable[[object], object]:
        return lambda value: None if value is None else read(value)

    def build(self, kind: type[Any], kwargs: dict[str, object], path: str) -> Any:
        try:
            return kind(**kwargs)
        except (InvalidValueError, InvalidTypeError) as error:
            self.model_error(path, error)
            return None

    def key_result(self, item: object, path: str, depth: int) -> KeyResult | None:
        data = self.dict_of(item, path, depth, "a key result object")
        if data is None:
            return None
        check_ins: list[CheckIn] | None = None
        read = True
        if "check_ins" in data:
            before = len(self.problems)
            check_ins = self.check_ins(data["check_ins"], f"{path}.check_ins", depth + 1)
            read = before == len(self.problems)
        if _FAST_PATHS and read and data.keys() <= _FAST_KEY_RESULT:
            kr: KeyResult | None = self.fast_key_result(data, check_ins)
            if kr is not None:
                if "id" in data:
                    self.claim(data["id"], f"{path}.id")
                return kr
        # The careful path: every field read on its own, every problem reported.
        ok = self.check_keys(data, KeyResult, path, depth)
        if "id" in data:
            self.claim(data["id"], f"{path}.id")
        kwargs, fields_read = self.fields(data, self.readers[KeyResult], path, depth)
        if check_ins is not None:
            kwargs["check_ins"] = check_ins
        # Built even when its check-ins had problems, to report its own too.
        kr = self.build(KeyResult, kwargs, path) if ok and fields_read else None
        return kr if read else None

    def fast_key_result(self, data: dict[str, Any], check_ins: list[CheckIn] | None) -> Any:
        """A key result built without its constructor, when plainly valid; else None.

        It takes the common case only (no band, no milestone, no rule codes) and checks what
        the constructor would; anything else goes to the constructor, which names the problem.
        A test checks that both build equal values.
        """
        # Each test is the model's own (`okrkit._validators`), so both paths take the same values.
        get = data.get
        title: Any = get("title")
        if not text_ok(title):
            return None
        if "id" in data:
            id = data["id"]
            if not id_ok(id):
                return None
        else:
            id = slugify(title)
        direction = get("direction")
        if direction is not None:
            direction = _FAST_DIRECTIONS.get(direction) if type(direction) is str else None
            if direction is None:
                return None
        try:
            start = get("start")
            if start is not None:
                start = self.number(start)
                if not finite(start):
                    return None
            target = get("target")
            if target is not None:
                target = self.number(target)
                if not finite(target):
                    return None
            weight = 1
            if "weight" in data:
                weight = self.number(data["weight"])
                if not (finite(weight) and float(weight) > 0):
                    return None
            due = get("due")
            if due is not None:
                due = self.when(due)
        except _BadValueError:
            return None
        if direction is Direction.MILESTONE:
            # As the constructor: a milestone is done (1) or not (0) unless told otherwise.
            start = 0 if start is None else start
            target = 1 if target is None else target
            if not target > start:
                return None
        if start is not None and target is not None:
            if direction is Direction.INCREASE and not target > start:
                return None
            if direction is Direction.DECREASE and not target < start:
                return None
        words = self.words
        unit, owner = get("unit"), get("owner")
        for text in (unit, owner):
            if text is not None and not text_ok(text):
                return None
        indicator = get("indicator")
        if indicator is not None:
            indicator = _FAST_INDICATORS.get(indicator) if type(indicator) is str else None
            if indicator is None:
                return None
        kr: KeyResult = _new(KeyResult)
        _set(kr, "title", title)
        _set(kr, "id", id)
        _set(kr, "direction", direction)
        _set(kr, "start", start)
        _set(kr, "target", target)
        _set(kr, "unit", None if unit is None else words.setdefault(unit, unit))
        _set(kr, "weight", weight)
        _set(kr, "owner", None if owner is None else words.setdefault(owner, owner))
        _set(kr, "due", due)
        _set(kr, "indicator", indicator)
        if check_ins is None:
            _set(kr, "check_ins", ())
        elif self.ordered and check_ins:
            _set(kr, "check_ins", tuple(check_ins))
        else:
            _set(kr, "check_ins", _sort_check_ins(tuple(check_ins)))
        _set(kr, "ignore", ())
        return kr

    def objective(self, item: object, path: str, depth: int) -> Objective | None:
        data = self.dict_of(item, path, depth, "an objective object")
        if data is None:
            return None
        ok = self.check_keys(data, Objective, path, depth)
        if "id" in data:
            self.claim(data["id"], f"{path}.id")
        kwargs, read = self.fields(data, self.readers[Objective], path, depth)
        if "key_results" in data:
            where = f"{path}.key_results"
            items = self.list_of(data["key_results"], where, depth + 1, "a list of key results")
            krs = [self.key_result(kr, f"{where}[{j}]", depth + 2) for j, kr in enumerate(items)]
            kwargs["key_results"] = [kr for kr in krs if kr is not None]
            complete = None not in krs
        else:
            complete = True
        # Built even when a key result had problems, to report the objective's own too.
        objective = self.build(Objective, kwargs, path) if ok and read else None
        return objective if complete else None

    def kpi(self, item: object, path: str, depth: int) -> Kpi | None:
        data = self.dict_of(item, path, depth, "a KPI object")
        if data is None:
            return None
        ok = self.check_keys(data, Kpi, path, depth)
        if "id" in data:
            self.claim(data["id"], f"{path}.id")
        elif type(data.get("title")) is str:
            self.claim(slugify(data["title"]), f"{path}.title")
        kwargs, read = self.fields(data, self.readers[Kpi], path, depth)
        if "check_ins" in data:
            before = len(self.problems)
            kwargs["check_ins"] = self.check_ins(data["check_ins"], f"{path}.check_ins", depth + 1)
            complete = before == len(self.problems)
        else:
            complete = True
        kpi = self.build(Kpi, kwargs, path) if ok and read else None
        return kpi if complete else None

    def past(self, item: object, path: str, depth: int) -> PastScore | None:
        data = self.dict_of(item, path, depth, "a past score object")
        if data is None:
            return None
        ok = self.check_keys(data, PastScore, path, depth)
        kwargs, read = self.fields(data, self.readers[PastScore], path, depth)
        return self.build(PastScore, kwargs, path) if ok and read else None

    def plan(self, data: dict[str, Any]) -> Plan | None:
        self.check_keys(data, Plan, "$", 1)
        kwargs: dict[str, object] = {}
        parts: dict[str, tuple[Callable[[object, str, int], object], str]] = {
            "objectives": (self.objective, "a list of objectives"),
            "kpis": (self.kpi, "a list of KPIs"),
            "history": (self.past, "a list of past scores"),
        }
        for name, (read, what) in parts.items():
            if name in data:
                items = self.list_of(data[name], f"$.{name}", 2, what)
                kwargs[name] = [read(x, f"$.{name}[{i}]", 3) for i, x in enumerate(items)]
        if self.problems:
            return None
        return Plan(**kwargs)


def _fiscal(data: dict[str, Any]) -> tuple[tuple[int, FiscalYearNaming], list[str]]:
    problems = []
    start = data.get("fiscal_year_start", 1)
    if type(start) is not int or not 1 <= start <= 12:
        problems.append(
            f"$.fiscal_year_start: expected a month number 1..12, got {safe_repr(start)}"
        )
        start = 1
    named = data.get("fiscal_year_named_by", "end")
    if named not in ("end", "start"):
        problems.append(
            f"$.fiscal_year_named_by: expected 'end' or 'start', got {safe_repr(named)}"
        )
        named = "end"
    return (start, named), problems


def structure(data: object, options: Options | None = None) -> Plan:
    """The plan a document's data describes; a FormatError listing every problem if it is bad."""
    options = Options() if options is None else options
    options.check()
    if type(data) is not dict:
        raise FormatError([f"$: expected an object (a mapping) at the root, got {safe_repr(data)}"])
    data = migrate(data)
    fiscal, problems = _fiscal(data)
    reader = _Reader(options, fiscal)
    reader.problems.extend(problems)
    plan = reader.plan(data)
    reader.readers.clear()  # they hold the reader's bound methods: free it now, not at next gc
    if reader.problems or plan is None:
        raise FormatError(reader.problems)
    if reader.unknown:
        warnings.warn(
            "unknown fields ignored: " + ", ".join(reader.unknown), OKRWarning, stacklevel=3
        )
    return plan


converter = cattrs.Converter()
"""The one converter okrkit's formats use: ``converter.unstructure(plan)`` is `to_dict`."""
converter.register_unstructure_hook(Plan, unstructure)
converter.register_structure_hook(Plan, lambda data, _: structure(data))
