"""Cycles: the labelled periods OKRs are set for, and their calendar arithmetic.

A `Cycle` is a year, a half, a quarter, a month, an ISO week, a fiscal year (starting in any
month) or one of its halves or quarters, or a custom span of days.  Cycles of one kind tile
time: `Cycle.next` starts the day after a cycle ends.

>>> q3 = Cycle.parse("2026-Q3")
>>> q3.start, q3.end
(datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
>>> str(q3.next())
'2026-Q4'
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, time, timedelta
from typing import Literal, TypeAlias, get_args

import attrs
from dateutil import rrule
from dateutil.relativedelta import relativedelta

from okrkit.errors import CycleError, InvalidTypeError

__all__ = [
    "REVIEW_LEAD",
    "Cycle",
    "CycleKind",
    "FiscalYearNaming",
    "ScheduleFrequency",
    "written_label",
]

CycleKind: TypeAlias = Literal[
    "year",
    "half",
    "quarter",
    "month",
    "week",
    "fiscal_year",
    "fiscal_half",
    "fiscal_quarter",
    "custom",
]
"""What a cycle is: a calendar year, half, quarter, month or ISO week, a fiscal year, half or
quarter, or a custom span of days."""

FiscalYearNaming: TypeAlias = Literal["end", "start"]
"""Which calendar year names a fiscal year: the one it ends in (the usual convention, and
GitLab's), or the one it starts in."""

ScheduleFrequency: TypeAlias = Literal["weekly", "biweekly", "monthly"]
"""How often check-ins fall in `Cycle.schedule`."""

REVIEW_LEAD = timedelta(weeks=2)
"""How long before a cycle's end its review is due, by default."""

_KINDS: tuple[CycleKind, ...] = get_args(CycleKind)
_NAMINGS: tuple[FiscalYearNaming, ...] = get_args(FiscalYearNaming)
_FREQUENCIES: tuple[ScheduleFrequency, ...] = get_args(ScheduleFrequency)

# Cycles made of whole months: how many months each lasts.  A calendar cycle is aligned to
# January, a fiscal one to its fiscal year's first month.
_MONTHS: dict[CycleKind, int] = {
    "year": 12,
    "half": 6,
    "quarter": 3,
    "month": 1,
    "fiscal_year": 12,
    "fiscal_half": 6,
    "fiscal_quarter": 3,
}
_FISCAL: frozenset[CycleKind] = frozenset({"fiscal_year", "fiscal_half", "fiscal_quarter"})
_FISCAL_KIND: dict[CycleKind, CycleKind] = {
    "year": "fiscal_year",
    "half": "fiscal_half",
    "quarter": "fiscal_quarter",
}
_PARENT: dict[CycleKind, CycleKind] = {
    "half": "year",
    "quarter": "year",
    "month": "quarter",
    "fiscal_half": "fiscal_year",
    "fiscal_quarter": "fiscal_year",
}

_FORMS = (
    "a cycle label: a year 2026, half 2026-H1, quarter 2026-Q3, month 2026-07, ISO week 2026-W31,"
    " fiscal year FY2027, fiscal half FY2027-H1, fiscal quarter FY2027-Q2"
    " or custom span 2026-07-01..2026-09-15"
)
_LABEL = re.compile(
    r"""(?P<fy>FY)?(?P<year>\d{4})
    (?:-(?:(?P<part>[HQ])(?P<n>\d)|W(?P<week>\d{2})|(?P<month>\d{2})))?""",
    re.VERBOSE,
)
_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})")
# A year, or a half or quarter of one, as people write it: "Q3 2026", "FY27 Q1", "Q1 FY27".
# (Only a half or quarter that exists, in ASCII digits: "Q9 FY27" and "FY２７" are no label.)
_YEAR = r"(?:(?P<{0}fy>FY)\s?(?P<{0}year>[0-9]{{2}}(?:[0-9]{{2}})?)|(?P<{0}cal>[0-9]{{4}}))"
_PART = r"Q[1-4]|H[12]"
_WRITTEN = re.compile(
    _YEAR.format("") + rf"(?:[\s-]?(?P<part>{_PART}))?|(?P<lead>{_PART})[\s-]?" + _YEAR.format("l")
)


def _real(label: str) -> bool:
    """Whether *label* names a cycle (`Cycle.parse` reads it)."""
    try:
        Cycle.parse(label)
    except CycleError:
        return False
    return True


def written_label(text: str) -> str | None:
    """The label `Cycle.parse` reads for a year, half or quarter as people write it; None if
    *text* is none of those (whether it names a real cycle is for `Cycle.parse` to say).

    Case and the spaces or hyphen between the parts do not matter, either part may come
    first, and a fiscal year's two digits are of the 2000s.

    >>> [written_label(t) for t in ("Q3 2026", "2026 q3", "FY27", "FY27 Q1", "Q1 FY 2027")]
    ['2026-Q3', '2026-Q3', 'FY2027', 'FY2027-Q1', 'FY2027-Q1']
    >>> written_label("2026-07") is None, written_label("Q9 FY27") is None
    (True, True)
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    m = _WRITTEN.fullmatch(text.strip().upper())
    if m is None:
        return None
    year = m["year"] or m["lyear"] or m["cal"] or m["lcal"]
    fiscal = "FY" if m["fy"] or m["lfy"] else ""
    part = m["part"] or m["lead"]
    return f"{fiscal}{'20' if len(year) == 2 else ''}{year}" + (f"-{part}" if part else "")


def _check_date(path: str, value: object) -> date:
    """*value* as a date: a date, or an aware datetime's date on its own clock."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise InvalidTypeError(path, value, "a date or an aware datetime")
        return value.date()
    if not isinstance(value, date):
        raise InvalidTypeError(path, value, "a date or an aware datetime")
    return value


def _check_month(path: str, value: object) -> None:
    """Raise unless *value* is a month number 1..12."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(path, value, "a month number 1..12")
    if not 1 <= value <= 12:
        raise CycleError(path, value, "a month number 1..12")


def _check_naming(path: str, value: object) -> None:
    """Raise unless *value* is a `FiscalYearNaming`."""
    if value not in _NAMINGS:
        raise CycleError(path, value, "'end' or 'start'")


def _check_fiscal(fiscal_year_start: object, fiscal_year_named_by: object) -> None:
    """Raise unless the fiscal options are a month number and a `FiscalYearNaming`."""
    _check_month("fiscal_year_start", fiscal_year_start)
    _check_naming("fiscal_year_named_by", fiscal_year_named_by)


def _month(index: int) -> date:
    """The first day of the month *index* months after January of year 0."""
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise CycleError("", f"{year:04d}-{month + 1:02d}", "a month in the years 1..9999")
    return date(year, month + 1, 1)


def _span(first: int, months: int) -> tuple[date, date]:
    """The first and last days of the *months* months from month index *first*."""
    return _month(first), _month(first + months - 1) + relativedelta(day=31)


def _index(day: date) -> int:
    """The months from January of year 0 to *day*'s month."""
    return day.year * 12 + day.month - 1


def _validate_kind(_: object, __: attrs.Attribute[CycleKind], value: object) -> None:
    expected = "one of " + ", ".join(map(repr, _KINDS))
    if not isinstance(value, str):
        raise InvalidTypeError("kind", value, expected)
    if value not in _KINDS:
        raise CycleError("kind", value, expected)


def _validate_date(_: object, attribute: attrs.Attribute[date], value: object) -> None:
    # A datetime is a date too, but a cycle's bounds are whole days.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidTypeError(attribute.name, value, "a date")


@attrs.frozen(kw_only=True, order=True, repr=False, cache_hash=True)
class Cycle:
    """A labelled period of whole days, from `start` to `end`, both inclusive.

    Build one with `Cycle.parse` or `Cycle.containing`; the constructor checks that the dates
    fit the kind, so a hand-built ``quarter`` must really be a calendar quarter.  Fiscal cycles
    carry the month their fiscal year starts in and which year names it; other kinds keep the
    defaults (1 and ``"end"``).  Cycles sort by start, then end (then kind and fiscal settings,
    so the order is total), hash and compare by value.

    >>> Cycle(kind="quarter", start=date(2026, 7, 1), end=date(2026, 9, 30))
    Cycle.parse('2026-Q3')
    >>> Cycle(kind="quarter", start=date(2026, 7, 1), end=date(2026, 10, 31))
    Traceback (most recent call last):
    ...
    okrkit.errors.CycleError: end: expected 2026-09-30 to end the quarter starting 2026-07-01, \
got datetime.date(2026, 10, 31)
    """

    start: date = attrs.field(validator=_validate_date)
    end: date = attrs.field(validator=_validate_date)
    kind: CycleKind = attrs.field(validator=_validate_kind)
    fiscal_year_start: int = attrs.field(
        default=1, validator=lambda _, attribute, value: _check_month(attribute.name, value)
    )
    fiscal_year_named_by: FiscalYearNaming = attrs.field(
        default="end", validator=lambda _, attribute, value: _check_naming(attribute.name, value)
    )

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise CycleError("end", self.end, f"a date on or after the start {self.start}")
        if self.kind not in _FISCAL:
            # One value per cycle: the fiscal settings mean nothing to a calendar cycle.
            if self.fiscal_year_start != 1:
                raise CycleError("fiscal_year_start", self.fiscal_year_start, "1 when not fiscal")
            if self.fiscal_year_named_by != "end":
                raise CycleError(
                    "fiscal_year_named_by", self.fiscal_year_named_by, "'end' when not fiscal"
                )
        kind = self.kind.replace("_", " ")
        if self.kind == "week":
            if self.start.weekday() != 0:
                raise CycleError("start", self.start, "a Monday to start an ISO week")
            if (self.end - self.start).days != 6:
                raise CycleError("end", self.end, f"the Sunday after the start {self.start}")
        elif self.kind in _MONTHS:
            months = _MONTHS[self.kind]
            if self.start.day != 1 or (self.start.month - self.fiscal_year_start) % months:
                raise CycleError("start", self.start, f"the first day of a {kind}")
            if self.kind in _FISCAL:
                # The whole fiscal year must be representable, so that `str`, `parse` and
                # `parent` work for every fiscal cycle.
                try:
                    self._fiscal_year()
                except CycleError:
                    raise CycleError(
                        "start", self.start, f"a {kind} whose fiscal year lies in the years 1..9999"
                    ) from None
            end = _span(_index(self.start), months)[1]
            if self.end != end:
                raise CycleError("end", self.end, f"{end} to end the {kind} starting {self.start}")

    # Construction ---------------------------------------------------------------------------

    @classmethod
    def parse(
        cls,
        label: str,
        *,
        fiscal_year_start: int = 1,
        fiscal_year_named_by: FiscalYearNaming = "end",
    ) -> Cycle:
        """The cycle a label names; `str` gives the label back.

        Labels are matched ignoring case and surrounding whitespace (and whitespace around
        ``..``), and otherwise strictly: four-digit years, two-digit months and weeks, ISO
        dates.  *fiscal_year_start* (1..12) and *fiscal_year_named_by* apply to ``FY`` labels.

        >>> Cycle.parse("2026-w31")
        Cycle.parse('2026-W31')
        >>> fy = Cycle.parse("FY2021-Q1", fiscal_year_start=2)
        >>> fy.start, fy.end
        (datetime.date(2020, 2, 1), datetime.date(2020, 4, 30))
        >>> Cycle.parse("2026-Q5")
        Traceback (most recent call last):
        ...
        okrkit.errors.CycleError: label: expected a quarter from Q1 to Q4 in a cycle label: \
a year 2026, half 2026-H1, quarter 2026-Q3, month 2026-07, ISO week 2026-W31, fiscal year \
FY2027, fiscal half FY2027-H1, fiscal quarter FY2027-Q2 or custom span \
2026-07-01..2026-09-15, got '2026-Q5'
        """
        if not isinstance(label, str):
            raise InvalidTypeError("label", label, "a cycle label string")
        _check_fiscal(fiscal_year_start, fiscal_year_named_by)
        text = label.strip().upper()
        if span := _SPAN.fullmatch(text):
            try:
                start, end = map(date.fromisoformat, span.groups())
            except ValueError:
                raise CycleError("label", label, "real dates in " + _FORMS) from None
            if start > end:
                raise CycleError("label", label, "a start on or before the end in " + _FORMS)
            return cls(kind="custom", start=start, end=end)
        match = _LABEL.fullmatch(text)
        if match is None:
            meant = written_label(text)
            if meant is not None and meant != text and _real(meant):
                raise CycleError("label", label, f"{meant!r}, as a label writes it ({_FORMS})")
            raise CycleError("label", label, _FORMS)
        year = int(match["year"])
        if year == 0:
            raise CycleError("label", label, "a year from 0001 to 9999 in " + _FORMS)
        if match["week"] is not None:
            if match["fy"]:
                raise CycleError("label", label, "no week in a fiscal year, in " + _FORMS)
            try:
                start = date.fromisocalendar(year, int(match["week"]), 1)
            except ValueError:
                raise CycleError(
                    "label", label, f"a week of ISO year {year:04d} in " + _FORMS
                ) from None
            if start > date.max - timedelta(days=6):
                raise CycleError("label", label, "a week ending by 9999-12-31 in " + _FORMS)
            return cls(kind="week", start=start, end=start + timedelta(days=6))
        part, n = (match["part"], int(match["n"])) if match["part"] else ("Y", 1)
        if match["month"] is not None:
            if match["fy"]:
                raise CycleError("label", label, "no month in a fiscal year, in " + _FORMS)
            part, n = "M", int(match["month"])
        kinds: dict[str, tuple[CycleKind, str]] = {
            "Y": ("year", ""),
            "H": ("half", "a half from H1 to H2"),
            "Q": ("quarter", "a quarter from Q1 to Q4"),
            "M": ("month", "a month from 01 to 12"),
        }
        kind, expected = kinds[part]
        months = _MONTHS[kind]
        if not 1 <= n <= 12 // months:
            raise CycleError("label", label, f"{expected} in " + _FORMS)
        if not match["fy"]:
            start, end = _span(year * 12 + (n - 1) * months, months)
            return cls(kind=kind, start=start, end=end)
        first = year * 12 + fiscal_year_start - 1
        if fiscal_year_named_by == "end" and fiscal_year_start != 1:
            first -= 12
        try:
            start, end = _span(first + (n - 1) * months, months)
            return cls(
                kind=_FISCAL_KIND[kind],
                start=start,
                end=end,
                fiscal_year_start=fiscal_year_start,
                fiscal_year_named_by=fiscal_year_named_by,
            )
        except CycleError:
            raise CycleError(
                "label", label, "a fiscal year within the years 1..9999 in " + _FORMS
            ) from None

    @classmethod
    def containing(
        cls,
        day: date,
        *,
        kind: CycleKind = "quarter",
        fiscal_year_start: int = 1,
        fiscal_year_named_by: FiscalYearNaming = "end",
    ) -> Cycle:
        """The cycle of *kind* that contains *day* (a date, or an aware datetime's date).

        >>> Cycle.containing(date(2026, 8, 16))
        Cycle.parse('2026-Q3')
        >>> Cycle.containing(date(2026, 1, 15), kind="fiscal_year", fiscal_year_start=2)
        Cycle.parse('FY2026', fiscal_year_start=2)
        >>> Cycle.containing(date(2027, 1, 1), kind="week")
        Cycle.parse('2026-W53')
        """
        day = _check_date("day", day)
        expected = "one of " + ", ".join(repr(k) for k in _KINDS if k != "custom")
        if not isinstance(kind, str):
            raise InvalidTypeError("kind", kind, expected)
        if kind not in _KINDS or kind == "custom":
            raise CycleError("kind", kind, expected)
        _check_fiscal(fiscal_year_start, fiscal_year_named_by)
        if kind == "week":
            start = day - timedelta(days=day.weekday())
            if start > date.max - timedelta(days=6):
                raise CycleError("day", day, "a date in an ISO week that ends by 9999-12-31")
            return cls(kind="week", start=start, end=start + timedelta(days=6))
        fiscal = kind in _FISCAL
        anchor = fiscal_year_start if fiscal else 1
        months = _MONTHS[kind]
        first = _index(day) - (_index(day) - (anchor - 1)) % months
        try:
            start, end = _span(first, months)
            return cls(
                kind=kind,
                start=start,
                end=end,
                fiscal_year_start=anchor,
                fiscal_year_named_by=fiscal_year_named_by if fiscal else "end",
            )
        except CycleError:
            raise CycleError(
                "day", day, f"a date in a {kind.replace('_', ' ')} within the years 1..9999"
            ) from None

    # The label ------------------------------------------------------------------------------

    def _fiscal_year(self) -> tuple[int, int]:
        """The number that names this fiscal cycle's fiscal year, and its first month's index."""
        first = _index(self.start) - (self.start.month - self.fiscal_year_start) % 12
        _span(first, 12)  # raises unless the fiscal year is representable
        year = first // 12
        if self.fiscal_year_named_by == "end" and self.fiscal_year_start != 1:
            year += 1
        return year, first

    def __str__(self) -> str:
        """The cycle's label, which `Cycle.parse` reads back.

        >>> str(Cycle.parse(" fy2027-h1 ", fiscal_year_start=7, fiscal_year_named_by="start"))
        'FY2027-H1'
        """
        start = self.start
        if self.kind == "custom":
            return f"{start.isoformat()}..{self.end.isoformat()}"
        if self.kind == "week":
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.kind in _FISCAL:
            year, first = self._fiscal_year()
            prefix, n = f"FY{year:04d}", (_index(start) - first) // _MONTHS[self.kind] + 1
        else:
            prefix, n = f"{start.year:04d}", (start.month - 1) // _MONTHS[self.kind] + 1
        suffix = {"year": "", "half": f"-H{n}", "quarter": f"-Q{n}", "month": f"-{n:02d}"}
        return prefix + suffix[self.kind.removeprefix("fiscal_")]

    def __repr__(self) -> str:
        """An expression that rebuilds the cycle: ``Cycle.parse('2026-Q3')``."""
        options = ""
        if self.kind in _FISCAL:
            options += f", fiscal_year_start={self.fiscal_year_start}"
            if self.fiscal_year_named_by != "end":
                options += f", fiscal_year_named_by={self.fiscal_year_named_by!r}"
        return f"Cycle.parse({str(self)!r}{options})"

    # Navigation ------------------------------------------------------------------------------

    def _containing(self, day: date, kind: CycleKind) -> Cycle:
        """The cycle of *kind* containing *day*, with this cycle's fiscal settings."""
        return Cycle.containing(
            day,
            kind=kind,
            fiscal_year_start=self.fiscal_year_start,
            fiscal_year_named_by=self.fiscal_year_named_by,
        )

    def next(self) -> Cycle:
        """The cycle of the same kind that starts the day after this one ends.

        A custom cycle's next is the span of as many days that follows it.

        >>> Cycle.parse("2026-W53").next()
        Cycle.parse('2027-W01')
        >>> Cycle.parse("2026-07-01..2026-07-14").next()
        Cycle.parse('2026-07-15..2026-07-28')
        """
        if self.end == date.max:
            raise CycleError("", self, "a cycle with a next one before 9999-12-31")
        start = self.end + timedelta(days=1)
        try:
            if self.kind == "custom":
                return Cycle(kind="custom", start=start, end=start + (self.end - self.start))
            return self._containing(start, self.kind)
        except (CycleError, OverflowError):
            raise CycleError("", self, "a cycle with a next one before 9999-12-31") from None

    def previous(self) -> Cycle:
        """The cycle of the same kind that ends the day before this one starts.

        >>> Cycle.parse("2026-Q1").previous()
        Cycle.parse('2025-Q4')
        """
        if self.start == date.min:
            raise CycleError("", self, "a cycle with a previous one after 0001-01-01")
        end = self.start - timedelta(days=1)
        try:
            if self.kind == "custom":
                return Cycle(kind="custom", start=end - (self.end - self.start), end=end)
            return self._containing(end, self.kind)
        except (CycleError, OverflowError):
            raise CycleError("", self, "a cycle with a previous one after 0001-01-01") from None

    @property
    def parent(self) -> Cycle | None:
        """The cycle this one nests in, or None.

        A half's or quarter's parent is its year, a month's is its quarter, a fiscal half's or
        quarter's is its fiscal year.  Years, fiscal years, custom cycles and ISO weeks have
        none: a week can straddle two years.

        >>> Cycle.parse("2026-07").parent
        Cycle.parse('2026-Q3')
        >>> Cycle.parse("FY2027-Q2", fiscal_year_start=2).parent
        Cycle.parse('FY2027', fiscal_year_start=2)
        >>> print(Cycle.parse("2026-W31").parent)
        None
        """
        kind = _PARENT.get(self.kind)
        if kind is None:
            return None
        return self._containing(self.start, kind)

    # Time within the cycle -------------------------------------------------------------------

    @property
    def days(self) -> int:
        """How many days the cycle lasts, counting both ends.

        >>> Cycle.parse("2024-Q1").days
        91
        """
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether *day* (a date, or an aware datetime's date on its own clock) is in the cycle.

        >>> Cycle.parse("2026-Q3").contains(date(2026, 9, 30))
        True
        """
        return self.start <= _check_date("day", day) <= self.end

    def elapsed(self, at: date) -> float:
        """The fraction of the cycle's days before *at*, from 0 to 1.

        It is 0 up to the start of the first day and 1 after the last.  For an aware datetime,
        the part of its day passed on its own clock counts too.

        >>> q3 = Cycle.parse("2026-Q3")
        >>> q3.elapsed(date(2026, 8, 16))
        0.5
        >>> from datetime import timezone
        >>> q3.elapsed(datetime(2026, 9, 30, 12, tzinfo=timezone.utc)) == 1 - 0.5 / 92
        True
        """
        day = _check_date("at", at)
        if day < self.start:
            return 0.0
        if day > self.end:
            return 1.0
        passed: float = (day - self.start).days
        if isinstance(at, datetime):
            midnight = datetime.combine(day, time())
            passed += (at.replace(tzinfo=None) - midnight) / timedelta(days=1)
        return passed / self.days

    @property
    def review_due(self) -> date:
        """The day the cycle's review is due: two weeks before its end (`review_date` for others).

        >>> Cycle.parse("2026-Q3").review_due
        datetime.date(2026, 9, 16)
        """
        return self.review_date()

    def review_date(self, lead: timedelta = REVIEW_LEAD) -> date:
        """The day the review is due, *lead* (whole days, at least 0) before the end.

        A lead longer than the cycle gives its first day.

        >>> Cycle.parse("2026-Q3").review_date(timedelta(days=7))
        datetime.date(2026, 9, 23)
        >>> Cycle.parse("2026-W31").review_date()
        datetime.date(2026, 7, 27)
        """
        if not isinstance(lead, timedelta):
            raise InvalidTypeError("lead", lead, "a timedelta")
        if lead < timedelta(0):
            raise CycleError("lead", lead, "a lead time of at least 0 days")
        if lead.days >= self.days:
            return self.start
        return self.end - timedelta(days=lead.days)

    def schedule(self, freq: ScheduleFrequency = "weekly", *, weekday: int = 0) -> tuple[date, ...]:
        """The check-in dates inside the cycle, in order.

        *weekday* is 0 for Monday to 6 for Sunday (as `datetime.date.weekday`, or
        `calendar.MONDAY`...).  ``"weekly"`` gives every such weekday in the cycle,
        ``"biweekly"`` every other one from the first, ``"monthly"`` the first such weekday of
        each month.

        >>> [d.isoformat() for d in Cycle.parse("2026-07").schedule(weekday=4)]
        ['2026-07-03', '2026-07-10', '2026-07-17', '2026-07-24', '2026-07-31']
        >>> [d.isoformat() for d in Cycle.parse("2026-Q3").schedule("monthly")]
        ['2026-07-06', '2026-08-03', '2026-09-07']
        """
        if freq not in _FREQUENCIES:
            raise CycleError("freq", freq, "one of " + ", ".join(map(repr, _FREQUENCIES)))
        if not isinstance(weekday, int) or isinstance(weekday, bool):
            raise InvalidTypeError("weekday", weekday, "a weekday number 0 (Monday) to 6")
        if not 0 <= weekday <= 6:
            raise CycleError("weekday", weekday, "a weekday number 0 (Monday) to 6")
        byweekday = rrule.weekday(weekday)
        if freq == "monthly":
            rule = rrule.rrule(
                rrule.MONTHLY, dtstart=self.start, until=self.end, byweekday=byweekday(+1)
            )
        else:
            # Start the rule on the first check-in, so "biweekly" counts from it.
            offset = (weekday - self.start.weekday()) % 7
            if offset >= self.days:
                return ()
            rule = rrule.rrule(
                rrule.WEEKLY,
                dtstart=self.start + timedelta(days=offset),
                until=self.end,
                interval=2 if freq == "biweekly" else 1,
            )
        dates: list[date] = []
        # dateutil looks for the occurrence after the last one even past 9999-12-31, and fails
        # there ("year 10000 is out of range"); every date inside the cycle has come by then.
        with contextlib.suppress(ValueError):
            dates.extend(moment.date() for moment in rule)
        return tuple(dates)
