"""Reading the plain data of a document (dicts, lists, scalars) into a `Plan`.

Every field is checked, and every problem is collected with its path
(``$.objectives[3].key_results[0].target``) into one `FormatError`.  Each field is read by
its annotation in the model (`FIELD_TYPES`): a number, a date, a cycle, text, a choice.

The hot types (check-ins, key results) have a fast path: a plainly valid one is built with
the model's `_unchecked` constructor, after the checks its constructor would make; anything
unusual is read again on the careful path, which reports every problem.  A document of
100,000 objectives loads in seconds this way; `docs/design.md` says why this is not cattrs.
"""

from __future__ import annotations

import calendar
import difflib
import re
import warnings
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from okrkit._validators import finite, id_ok, slugify, storable, text_ok
from okrkit.cycles import Cycle, FiscalYearNaming
from okrkit.errors import (
    CycleError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRWarning,
    Problem,
    safe_repr,
)
from okrkit.formats._document import (
    CYCLE_FIELDS,
    DECIMAL,
    FIELD_TYPES,
    FIELDS,
    REQUIRED,
    Options,
)
from okrkit.formats._versions import migrate
from okrkit.model import (
    CheckIn,
    Claims,
    Commitment,
    Direction,
    Indicator,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Objective,
    PastScore,
    Plan,
)

__all__ = ["EMPTY", "Reader", "structure"]

_DECIMAL = re.compile(DECIMAL)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:Z|(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})"
    r"(?::(?P<seconds>\d{2}(?:\.\d{1,6})?))?)"
)


def utc_offset(match: re.Match[str]) -> timezone:
    """The UTC offset a `DATETIME` match with seconds names, to the microsecond."""
    size = timedelta(
        hours=int(match["hours"]),
        minutes=int(match["minutes"]),
        microseconds=round(Decimal(match["seconds"]) * 1_000_000),
    )
    return timezone(-size if match["sign"] == "-" else size)


EMPTY = "the document is empty: expected `okrkit: 1` and a list of objectives"
"""What a document with nothing in it is told."""

_NAME_SHOWN = 60
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # what a path shows after a dot


def plain_name(name: object) -> bool:
    """Whether a path shows field *name* bare (``.target``): only when short and plain, as a
    key may be a megabyte long, or hold a lone surrogate or a control character."""
    return isinstance(name, str) and len(name) <= _NAME_SHOWN and bool(_PLAIN_NAME.fullmatch(name))


def field_path(path: str, name: object) -> str:
    """The path of field *name* of the object at *path* (``$.objectives[0]`` + ``target``)."""
    if plain_name(name):
        return f"{path}.{name}" if path else str(name)
    return f"{path}[{safe_repr(name)}]"


_TEXT = "a string"
MISSING = "missing required field"
NUMBER = "a number (or a decimal string such as '12.50')"
_OBJECT = {
    CheckIn: "a check-in object",
    KeyResult: "a key result object",
    Objective: "an objective object",
    Kpi: "a KPI object",
    PastScore: "a past score object",
    Initiative: "an initiative object",
}
_ITEMS = {Objective: "key_results", Kpi: "check_ins"}  # read by their own readers, item by item


class _BadValueError(Exception):
    """A field's value is not what the schema expects; *message* says so when the usual
    ``expected ..., got ...`` would not help."""

    def __init__(self, expected: str, message: str | None = None) -> None:
        self.expected = expected
        self.message = message


def _nearest(name: str, known: frozenset[str]) -> str:
    """`` (did you mean 'target'?)`` for the field of *known* nearest *name*; else ``""``."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.7)
    if not close:
        close = [k for k in sorted(known) if k.casefold() == name.casefold()][:1]
    return f" (did you mean {close[0]!r}?)" if close else ""


# Not calendar.month_name, which is in the locale's language.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _impossible_date(s: str) -> _BadValueError:
    """The error of *s*, a date of ISO 8601's shape that no calendar has (``2026-02-30``)."""
    year, month, day = int(s[:4]), int(s[5:7]), int(s[8:10])
    if not 1 <= month <= 12:
        why = "a month is 01 to 12"
    elif year == 0:
        why = "the years start at 0001"
    else:
        days = calendar.monthrange(year, month)[1]
        why = f"{_MONTHS[month - 1]} {year} has {days} days" if day else "the days start at 01"
    return _BadValueError("a real date", f"impossible date {s!r}: {why}")


def _naive(shown: str) -> _BadValueError:
    """The error of a date and time without a UTC offset, shown as *shown* (ISO 8601)."""
    return _BadValueError(
        "a date and time with a UTC offset",
        f"expected a date and time with a UTC offset, got {shown!r}: add one, e.g."
        f" {shown}+00:00 (UTC) or {shown}+02:00",
    )


def _real(s: str) -> bool:
    """Whether *s*, of the shape of an ISO 8601 date, is a day of the calendar."""
    try:
        date.fromisoformat(s)
    except ValueError:
        return False
    return True


# A date and time as ISO 8601 writes it, without an offset.
_NAIVE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?")


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


_sort_check_ins: Callable[[tuple[CheckIn, ...]], tuple[CheckIn, ...]] = attrs.fields(
    KeyResult
).check_ins.converter  # type: ignore[assignment]
_FAST_KEY_RESULT = FIELDS[KeyResult] - {"ignore", "carried_from"}
_FAST_DIRECTIONS = {d.value: d for d in Direction if d is not Direction.WITHIN}
_FAST_INDICATORS = {i.value: i for i in Indicator}


# The fast paths below build values with the model's `_unchecked` constructors; the test that
# compares them with the careful path turns them off here, and nothing else may.
_FAST_PATHS = True


def _fast_check_in(
    at: date, value: object, confidence: object, note: object, author: object
) -> CheckIn | None:
    """A check-in built without its constructor's checks, when plainly valid; else None.

    *at* comes from `Reader.when`, so it is a date or an aware datetime already.  Anything
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
    return CheckIn._unchecked(at, value, confidence, note, author)  # type: ignore[arg-type]


def _optional(read: Callable[[object], object]) -> Callable[[object], object]:
    return lambda value: None if value is None else read(value)


class Reader:
    """One reading of one document: the options, and every problem found so far."""

    def __init__(self, options: Options, fiscal: tuple[int, FiscalYearNaming]) -> None:
        self.options = options
        self.fiscal = fiscal
        self.problems: list[Problem] = []
        self.ids: Claims[str] = Claims()
        self.unknown: list[str] = []
        # Documents repeat the same dates, cycles and words: read each once and share the value.
        self.dates: dict[str, date] = {}
        self.words: dict[str, str] = {}
        self.ordered = True
        self.floats: dict[float, float] = {}
        self.cycles: dict[tuple[object, int, str], Cycle] = {}
        # A reader for each type a field is annotated with in the model; None for the lists
        # of objects, which the reader's own methods read with each item's path.
        by_type: dict[str, Callable[[object], object] | None] = {
            "str": self.text,
            "Number": self.number,
            "When": self.when,
            "Target": self.target,
            "Cycle": self.cycle,
            "Direction": self.member(Direction),
            "Indicator": self.member(Indicator),
            "Commitment": self.member(Commitment),
            "InitiativeStatus": self.member(InitiativeStatus),
            "Ids": self.id_list,
            "tuple[str, ...]": self.codes,
            "tuple[CheckIn, ...]": None,
            "tuple[KeyResult, ...]": None,
        }
        self.readers: dict[type, dict[str, Callable[[object], object]]] = {}
        for kind in (CheckIn, KeyResult, Objective, Kpi, PastScore, Initiative):
            readers = self.readers[kind] = {}
            for name, annotation in FIELD_TYPES[kind].items():
                read = by_type[annotation.removesuffix(" | None")]
                if read is not None:
                    readers[name] = _optional(read) if annotation.endswith(" | None") else read

    # Problems ----------------------------------------------------------------------------

    def bad(self, path: str, value: object, expected: str, message: str | None = None) -> None:
        problem = Problem.unexpected(path, value, expected)
        if message is not None:
            problem = attrs.evolve(problem, message=message)
        self.problems.append(problem)

    def model_error(self, path: str, error: InvalidValueError | InvalidTypeError) -> None:
        located = error.under(path)
        self.bad(located.path, located.value, located.expected, located.said)

    def check_keys(self, data: dict[str, Any], kind: type, path: str, depth: int) -> bool:
        """Report unknown and missing fields; False when a required field is missing."""
        allowed = FIELDS[kind]
        keys = data.keys()
        if not keys <= allowed:
            self.extra(data, keys - allowed, path, depth, allowed)
        ok = True
        for name in REQUIRED[kind]:
            if name not in data:
                self.problems.append(Problem(path=f"{path}.{name}", message=MISSING))
                ok = False
        return ok

    def extra(
        self, data: dict[str, Any], names: object, path: str, depth: int, known: frozenset[str]
    ) -> None:
        for name in sorted(names, key=str):  # type: ignore[call-overload]
            # A name no field has is shown bare only when short and plain: a key may be a
            # megabyte long, or hold a lone surrogate or a control character for a terminal.
            plain = plain_name(name)
            where = field_path(path, name)
            if self.options.unknown == "error":
                message = "unknown field"
                if plain:
                    message += f" {name!r}" + _nearest(name, known)
                self.problems.append(Problem(path=where, message=message, value=name))
            else:
                if self.options.unknown == "warn":
                    self.unknown.append(where)
                self.limit(data[name], where, depth + 1)

    def limit(self, value: object, path: str, depth: int) -> None:
        """Report a value that nests deeper than the limit (only values the reader skips)."""
        limit = self.options.max_depth
        if limit is not None and isinstance(value, dict | list) and _depth(value, limit - depth):
            message = f"nested deeper than the limit of {limit} levels"
            self.problems.append(Problem(path=path, message=message))

    def wrong(
        self, path: str, value: object, expected: str, depth: int, message: str | None = None
    ) -> None:
        self.bad(path, value, expected, message)
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
        raise _BadValueError(NUMBER)

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
            if value.utcoffset() is None:  # YAML's and TOML's own timestamps can be naive
                raise _naive(value.isoformat())
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
                raise _impossible_date(s) from None
        match = DATETIME.fullmatch(s)
        if match:
            try:
                moment = datetime.fromisoformat(s)
                if match["seconds"]:
                    # Python reads "+00:00:00.000001" as +00:00 (a CPython bug), losing the
                    # offset okrkit wrote: build offsets with seconds here, exactly.
                    moment = moment.replace(tzinfo=utc_offset(match))
            except ValueError:
                if _DATE.fullmatch(s[:10]) and not _real(s[:10]):
                    raise _impossible_date(s[:10]) from None
                raise _BadValueError("a real date and time") from None
            return self.orderable(moment)
        if self.options.dates == "lenient":
            return self.lenient(s)
        if _NAIVE.fullmatch(s):
            raise _naive(s)
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
        raise _naive(moment.isoformat())

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

    def id_list(self, value: object) -> tuple[str, ...]:
        if type(value) is list and all(type(c) is str for c in value):
            return tuple(value)
        raise _BadValueError("a list of key result ids such as ['churn']")

    def cycle(self, value: object) -> Cycle:
        fys, named = self.fiscal
        if type(value) is dict:
            if not value.keys() <= CYCLE_FIELDS or "label" not in value:
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

    def own(
        self, kind: type, data: dict[str, Any], path: str, depth: int
    ) -> tuple[dict[str, object], bool]:
        """The careful path for the fields of one object: each read, every problem reported.

        Its keys are checked, its id claimed and its own fields read (not its lists of objects,
        which its reader reads with each item's path); False when any had a problem.
        """
        ok = self.check_keys(data, kind, path, depth)
        if "id" in FIELDS[kind]:
            if "id" in data:
                self.claim(data["id"], f"{path}.id")
            elif kind in (Kpi, Initiative) and type(data.get("title")) is str:
                # A KPI's or initiative's derived id is not made unique as objectives' and key
                # results' are.
                self.claim(slugify(data["title"]), f"{path}.title")
        kwargs: dict[str, object] = {}
        readers = self.readers[kind]
        for name, value in data.items():
            read = readers.get(name)
            if read is None:
                continue
            try:
                kwargs[name] = read(value)
            except _BadValueError as bad:
                self.wrong(f"{path}.{name}", value, bad.expected, depth + 1, bad.message)
                ok = False
            except (InvalidValueError, InvalidTypeError) as error:
                self.model_error(f"{path}.{name}", error)
                ok = False
        return kwargs, ok

    def read(self, kind: type[Any], item: object, path: str, depth: int) -> Any:
        """The object of *kind* in *item*, read carefully; None if it had a problem.

        An objective's key results and a KPI's check-ins are read as items with their own
        paths, and the object is built even when they had problems, to report its own too.
        """
        data = self.dict_of(item, path, depth, _OBJECT[kind])
        if data is None:
            return None
        kwargs, ok = self.own(kind, data, path, depth)
        name = _ITEMS.get(kind)
        complete = True
        if name is not None and name in data:
            before = len(self.problems)
            read = self.key_results if name == "key_results" else self.check_ins
            kwargs[name] = read(data[name], f"{path}.{name}", depth + 1)
            complete = before == len(self.problems)
        built = self.build(kind, kwargs, path) if ok else None
        return built if complete else None

    def claim(self, id: object, path: str) -> None:
        """Record an id given in the document; report it when another place holds it already."""
        if type(id) is not str:
            return
        first = self.ids.claim(id, path)
        if first is not None:
            message = f"duplicate id {safe_repr(id)}, also at {first}"
            self.problems.append(Problem(path=path, message=message, value=id))

    # Values ------------------------------------------------------------------------------

    def check_ins(self, data: object, path: str, depth: int) -> list[CheckIn]:
        items = self.list_of(data, path, depth, "a list of check-ins")
        result: list[CheckIn] = []
        append = result.append
        fields = FIELDS[CheckIn]
        dates, floats = self.dates, self.floats
        # Whether the check-ins are all dates, or all datetimes, in time order: then the key
        # result needs no sorting.
        ordered = True
        kind_of_at: type | None = None
        previous: Any = None
        fast_paths = _FAST_PATHS
        unchecked = CheckIn._unchecked
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
                    if kind is float and value:  # share repeated floats; not -0.0, nor ints
                        value = floats.setdefault(value, value)
                    if confidence:
                        confidence = floats.setdefault(confidence, confidence)
                    append(unchecked(at, value, confidence, note, None))
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
            careful = self.read(CheckIn, item, f"{path}[{i}]", depth + 1)
            if careful is not None:
                append(careful)
        self.ordered = ordered
        return result

    def build(self, kind: type[Any], kwargs: dict[str, object], path: str) -> Any:
        try:
            return kind(**kwargs)
        except (InvalidValueError, InvalidTypeError) as error:
            self.model_error(path, error)
            return None

    def key_result(self, item: object, path: str, depth: int) -> KeyResult | None:
        what = _OBJECT[KeyResult]
        if isinstance(item, str):
            what += " (a statement alone is written `title: <the statement>`)"
        data = self.dict_of(item, path, depth, what)
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
        kwargs, ok = self.own(KeyResult, data, path, depth)
        if check_ins is not None:
            kwargs["check_ins"] = check_ins
        # Built even when its check-ins had problems, to report its own too.
        kr = self.build(KeyResult, kwargs, path) if ok else None
        return kr if read else None

    def fast_key_result(
        self, data: dict[str, Any], check_ins: list[CheckIn] | None
    ) -> KeyResult | None:
        """A key result built without its constructor's checks, when plainly valid; else None.

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
        if check_ins is None:
            ordered: tuple[CheckIn, ...] = ()
        elif self.ordered and check_ins:
            ordered = tuple(check_ins)
        else:
            ordered = _sort_check_ins(tuple(check_ins))
        return KeyResult._unchecked(
            title=title,
            id=id,
            direction=direction,
            start=start,
            target=target,
            unit=None if unit is None else words.setdefault(unit, unit),
            weight=weight,
            owner=None if owner is None else words.setdefault(owner, owner),
            due=due,
            indicator=indicator,
            check_ins=ordered,
            ignore=(),
        )

    def key_results(self, data: object, path: str, depth: int) -> list[KeyResult]:
        items = self.list_of(data, path, depth, "a list of key results")
        read = [self.key_result(kr, f"{path}[{j}]", depth + 1) for j, kr in enumerate(items)]
        return [kr for kr in read if kr is not None]

    def plan(self, data: dict[str, Any]) -> Plan | None:
        self.check_keys(data, Plan, "$", 1)
        kwargs: dict[str, object] = {}
        parts: dict[str, tuple[type, str]] = {
            "objectives": (Objective, "a list of objectives"),
            "kpis": (Kpi, "a list of KPIs"),
            "history": (PastScore, "a list of past scores"),
            "initiatives": (Initiative, "a list of initiatives"),
        }
        for name, (kind, what) in parts.items():
            if name in data:
                items = self.list_of(data[name], f"$.{name}", 2, what)
                kwargs[name] = [
                    self.read(kind, x, f"$.{name}[{i}]", 3) for i, x in enumerate(items)
                ]
        if self.problems:
            return None
        return Plan(**kwargs)


def _fiscal(data: dict[str, Any]) -> tuple[tuple[int, FiscalYearNaming], list[Problem]]:
    problems = []
    start = data.get("fiscal_year_start", 1)
    if type(start) is not int or not 1 <= start <= 12:
        problems.append(Problem.unexpected("$.fiscal_year_start", start, "a month number 1..12"))
        start = 1
    named = data.get("fiscal_year_named_by", "end")
    if named not in ("end", "start"):
        problems.append(Problem.unexpected("$.fiscal_year_named_by", named, "'end' or 'start'"))
        named = "end"
    return (start, named), problems


def structure(data: object, options: Options | None = None) -> Plan:
    """The plan a document's data describes; a FormatError listing every problem if it is bad."""
    options = Options() if options is None else options
    options.check()
    if data is None or data == {}:  # a YAML file of comments, a TOML file of nothing
        raise FormatError([Problem(path="$", message=EMPTY)])
    if type(data) is not dict:
        raise FormatError([Problem.unexpected("$", data, "an object (a mapping) at the root")])
    data = migrate(data)
    fiscal, problems = _fiscal(data)
    reader = Reader(options, fiscal)
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
