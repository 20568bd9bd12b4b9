"""Small validators and converters shared by okrkit's value types.

Each raises an okrkit error that names the field, shows the value seen and says what
was expected; the formats layer places that field under its document path.
"""

from __future__ import annotations

import enum
import hashlib
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

import attrs

from okrkit.errors import InvalidTypeError, InvalidValueError

Number: TypeAlias = int | float | Decimal
"""A number as okrkit accepts it: an int, a float or a Decimal, finite, never a bool."""

When: TypeAlias = date | datetime
"""A point in time: a calendar date, or a timezone-aware datetime."""

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")
_Name = TypeVar("_Name", bound=str)
_LARGEST = int(sys.float_info.max)


def finite(value: Any) -> bool:
    """Whether *value* is an int, float or Decimal (not a bool) that scores as a finite float.

    The one test of a number both the value types and the readers' fast paths make: scores
    are computed in floats, so a whole number or Decimal beyond float range is refused too.
    """
    kind = type(value)
    if kind is int:
        return -_LARGEST <= value <= _LARGEST  # type: ignore[no-any-return]
    if kind is float:
        return math.isfinite(value)
    if kind is Decimal:
        return value.is_finite() and math.isfinite(float(value))
    return False


def check_number(path: str, value: object) -> Number:
    """*value* if it is a finite int, float or Decimal; an okrkit error naming *path* if not."""
    if finite(value):
        return value  # type: ignore[return-value]
    kind = type(value)
    if kind is int:
        # Scores are computed in floats: a whole number beyond float range cannot be scored.
        raise InvalidValueError(path, value, f"a number within ±{_LARGEST:.4g}")
    if (
        kind is float
        or kind is Decimal
        or (isinstance(value, int | float | Decimal) and kind is not bool)
    ):
        # A Decimal (and its subclasses) says whether it is finite exactly; math.isfinite would
        # first round it to a float, calling Decimal("1E+999") infinite.
        try:
            exact = (
                value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)  # type: ignore[arg-type]
            )
            scored = exact and math.isfinite(float(value))  # type: ignore[arg-type]
        except OverflowError:  # a subclass of int beyond float range
            exact, scored = True, False
        if not exact:
            raise InvalidValueError(path, value, "a finite number (not NaN or infinity)")
        if not scored:
            raise InvalidValueError(path, value, f"a number within ±{_LARGEST:.4g}")
        return value  # type: ignore[return-value]
    raise InvalidTypeError(path, value, "a number (int, float or Decimal)")


def check_when(path: str, value: object) -> When:
    """*value* if it is a date or a timezone-aware datetime; an okrkit error if not."""
    if isinstance(value, datetime):
        try:
            offset = value.utcoffset()
        except ValueError:  # a tzinfo whose offset is a day or more: Python refuses it
            raise InvalidValueError(
                path, value, "a datetime with an offset under 24 hours"
            ) from None
        if offset is None:
            raise InvalidValueError(path, value, "a date or a timezone-aware datetime")
        try:
            moment(value)
        except OverflowError:  # late on 9999-12-31 west of UTC: no instant to order it by
            raise InvalidValueError(path, value, "a time that falls within 9999 in UTC") from None
        return value
    if isinstance(value, date):
        return value
    raise InvalidTypeError(path, value, "a date or a timezone-aware datetime")


def moment(value: When) -> datetime:
    """The instant *value* stands for, in UTC: a date counts from its midnight."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time.min, tzinfo=UTC)


def cutoff(at: When) -> datetime:
    """The first instant after *at*: a date includes its whole day."""
    try:
        if isinstance(at, datetime):
            return moment(at) + timedelta(microseconds=1)
        return datetime.combine(at + timedelta(days=1), time.min, tzinfo=UTC)
    except OverflowError:  # the very end of 9999: everything is before it
        return datetime.max.replace(tzinfo=UTC)


def counted_by(at: When) -> Callable[[When], bool]:
    """A test of whether a check-in made at a time counts as of *at*.

    As of a datetime, everything up to that instant counts.  As of a date, everything made on
    that day or before counts, each time judged by the date on its own clock, as
    `Cycle.contains` judges it: a check-in at 20:00 in New York on 30 September counts as of
    30 September, although it is already 1 October in UTC.
    """
    if isinstance(at, datetime):
        limit = moment(at)
        return lambda when: moment(when) <= limit
    return lambda when: (when.date() if isinstance(when, datetime) else when) <= at


def latest_counted(items: Sequence[_T], at: When, when: Callable[[_T], When]) -> _T | None:
    """The last of time-ordered *items* that counts as of *at* (None when none does)."""
    counted = counted_by(at)
    for item in reversed(items):
        if counted(when(item)):
            return item
    return None


def check_choice(path: str, value: object, choices: Sequence[_Name]) -> _Name:
    """*value* if it is one of the names *choices*; an okrkit error naming *path* if not.

    Something other than a string is an `InvalidTypeError`, a string that names none of them
    an `InvalidValueError`.

    >>> check_choice("roll_up", "both", ("key_results", "children", "both"))
    'both'
    """
    expected = "one of " + ", ".join(map(repr, choices))
    if not isinstance(value, str):
        raise InvalidTypeError(path, value, expected)
    for choice in choices:
        if value == choice:
            return choice
    raise InvalidValueError(path, value, expected)


def to_enum(kind: type[_E], path: str) -> Callable[[object], _E]:
    """A converter that takes an *kind* member or its value (``"increase"``), case-insensitively."""
    choices = ", ".join(repr(m.value) for m in kind)

    def convert(value: object) -> _E:
        if isinstance(value, kind):
            return value
        if isinstance(value, str):
            try:
                return kind(value.strip().lower())
            except ValueError:
                pass
            raise InvalidValueError(path, value, f"one of {choices}")
        raise InvalidTypeError(path, value, f"a {kind.__name__} or one of {choices}")

    convert.__name__ = f"to_{kind.__name__.lower()}"
    return convert


def to_optional_enum(kind: type[_E], path: str) -> Callable[[object], _E | None]:
    """Like `to_enum`, letting None through."""
    convert = to_enum(kind, path)

    def optional(value: object) -> _E | None:
        return None if value is None else convert(value)

    return optional


def to_tuple(value: object) -> tuple[Any, ...]:
    """A tuple of *value*'s items: lists and tuples become tuples; anything else is refused."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, list):
        return tuple(value)
    raise InvalidTypeError("", value, "a list or tuple")


_SURROGATE = "text without lone surrogates (\\ud800..\\udfff)"


def storable(value: str) -> bool:
    """Whether every file format can hold *value*: it has no lone surrogate (\\ud800..\\udfff).

    Python strings may hold one (``"\\ud800"`` from JSON, or ``surrogateescape``), but no
    UTF-8 file can: the plan could be read but never written.
    """
    if value.isascii():  # the common case, checked at C speed
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_ok(value: object, *, blank: bool = False) -> bool:
    """Whether *value* is a str a text field takes: storable, and not blank unless allowed."""
    return (
        type(value) is str and storable(value) and (blank or (value != "" and not value.isspace()))
    )


@attrs.frozen
class _Text:
    """A str, non-empty after stripping unless *blank* is allowed."""

    optional: bool
    blank: bool

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, str):
            raise InvalidTypeError(attribute.name, value, "a string")
        if not storable(value):
            raise InvalidValueError(attribute.name, value, _SURROGATE)
        if not self.blank and not value.strip():
            raise InvalidValueError(attribute.name, value, "a non-empty string")


def text(*, optional: bool = False, blank: bool = False) -> _Text:
    """A validator for a string field."""
    return _Text(optional=optional, blank=blank)


_ID = re.compile(r"[^\s\x00-\x1f\x7f](?:[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?")


def id_ok(value: object) -> bool:
    """Whether *value* is an id: a storable str, no control characters nor surrounding blanks."""
    return type(value) is str and _ID.fullmatch(value) is not None and storable(value)


def identifier(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an id: a non-empty string with no control characters nor surrounding blanks."""
    if not isinstance(value, str):
        raise InvalidTypeError(attribute.name, value, "a string id")
    if not storable(value):
        raise InvalidValueError(attribute.name, value, _SURROGATE)
    if not _ID.fullmatch(value):
        raise InvalidValueError(
            attribute.name, value, "a non-empty id without control characters or surrounding spaces"
        )


@attrs.frozen
class _Number:
    """A finite number, optionally above (or at least) a bound."""

    optional: bool
    above: Number | None
    lo: Number | None
    hi: Number | None

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        number = check_number(attribute.name, value)
        # Compared as scored, in floats: Decimal("1E-400") is above 0, but not as a float.
        if self.above is not None and not float(number) > self.above:
            expected = f"a number above {self.above}"
            if number > self.above:
                expected += f" as a float, as scores are computed (it is {float(number)!r})"
            raise InvalidValueError(attribute.name, value, expected)
        if self.lo is not None and self.hi is not None and not self.lo <= number <= self.hi:
            hint = None
            # A whole percentage for a fraction (confidence: 60), the usual slip.
            if (self.lo, self.hi) == (0, 1) and 1 < number <= 100 and number == int(number):
                hint = f"did you mean {_hundredth(number)}?"
            expected = f"a number from {self.lo} to {self.hi}"
            raise InvalidValueError(attribute.name, value, expected, hint)


def _hundredth(number: Number) -> str:
    """*number* / 100 written plainly, without float noise: 60 and 60.0 -> ``0.6``."""
    exact = Decimal(repr(number) if isinstance(number, float) else number) / 100
    return format(exact.normalize(), "f")


def number(
    *,
    optional: bool = False,
    above: Number | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
) -> _Number:
    """A validator for a numeric field: finite, and within the bounds given."""
    return _Number(optional=optional, above=above, lo=min_value, hi=max_value)


def when(*, optional: bool = False) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A validator for a date or timezone-aware datetime field."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        check_when(attribute.name, value)

    return validate


def codes(inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Validate a tuple of rule codes, such as ``("OKR203",)``."""
    for i, code in enumerate(value):
        if not isinstance(code, str) or not code.strip():
            raise InvalidTypeError(f"{attribute.name}[{i}]", code, "a rule code such as 'OKR203'")
        if not storable(code):
            # No file could hold it: the plan would load and never be written (the thorough
            # fuzz's find, a CSV cell "\ud800" in kr.ignore).
            raise InvalidValueError(f"{attribute.name}[{i}]", code, _SURROGATE)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_MAX = 64


def slugify(title: str) -> str:
    """The id okrkit derives from a title: lower-case ASCII words joined by hyphens.

    A title with no ASCII letters or digits (say, in Japanese) gets a short stable
    hash instead, so the id is never empty and always the same for the same title.

    >>> slugify("Reduce churn from 5% to 4%")
    'reduce-churn-from-5-to-4'
    >>> slugify("Café crème")
    'cafe-creme'
    >>> slugify("顧客満足度を上げる")
    'id-2420ee2b'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0] or slug[:_SLUG_MAX]
    if not slug:
        # surrogatepass: a title with a lone surrogate still gets an id here, and is then
        # refused by its field's validator with a message that names it.
        digest = hashlib.sha1(title.encode("utf-8", "surrogatepass"), usedforsecurity=False)
        slug = "id-" + digest.hexdigest()[:8]
    return slug
