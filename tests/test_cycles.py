"""Tests for okrkit.cycles: the laws as properties first, then the worked examples that pin them."""

from __future__ import annotations

import calendar
import doctest
import inspect
import pickle
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import okrkit.cycles
import okrkit.testing
from okrkit.cycles import Cycle, CycleKind
from okrkit.errors import CycleError, InvalidTypeError, OKRError
from okrkit.testing import cycles

KINDS: tuple[CycleKind, ...] = get_args(CycleKind)
NAVIGABLE = [kind for kind in KINDS if kind != "custom"]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "cycles.md"
ONE_DAY = timedelta(days=1)
# 400 Gregorian years are exactly 146097 days (20871 weeks): the calendar then repeats.
GREGORIAN_DAYS = 146_097

aware_datetimes = st.datetimes(
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=-11)), timezone.max])
)
# Cycles short enough to list every check-in of quickly.
short_cycles = cycles().filter(lambda cycle: cycle.days <= 800)


def reparse(cycle: Cycle, label: str) -> Cycle:
    """Parse *label* with *cycle*'s fiscal settings."""
    return Cycle.parse(
        label,
        fiscal_year_start=cycle.fiscal_year_start,
        fiscal_year_named_by=cycle.fiscal_year_named_by,
    )


def has_next(cycle: Cycle) -> bool:
    """Whether *cycle* is far enough from 9999-12-31 for any kind to have a next cycle."""
    return (date.max - cycle.end).days >= cycle.days + 400


def has_previous(cycle: Cycle) -> bool:
    """Whether *cycle* is far enough from 0001-01-01 for any kind to have a previous cycle."""
    return (cycle.start - date.min).days >= cycle.days + 400


class TestTiling:
    """Consecutive cycles of one kind tile time."""

    @pytest.mark.parametrize("kind", NAVIGABLE)
    @pytest.mark.parametrize(
        ("fiscal_year_start", "naming"), [(1, "end"), (2, "end"), (7, "start")]
    )
    def test_400_years_tile_without_gap_or_overlap(
        self, kind: CycleKind, fiscal_year_start: int, naming: Any
    ) -> None:
        """Walking next() through 400 years covers every day once and returns to the same date."""
        first = Cycle.containing(
            date(1999, 12, 31),
            kind=kind,
            fiscal_year_start=fiscal_year_start,
            fiscal_year_named_by=naming,
        )
        cycle, days = first, 0
        while days < GREGORIAN_DAYS:
            following = cycle.next()
            assert cycle.end + ONE_DAY == following.start
            days, cycle = days + cycle.days, following
        assert GREGORIAN_DAYS == days
        assert first.start.replace(year=first.start.year + 400) == cycle.start
        assert attrs.evolve(first, start=cycle.start, end=cycle.end) == cycle

    @settings(max_examples=5)  # 1600 steps each: the fixed walks above cover every kind
    @given(cycles(kinds=["quarter", "fiscal_quarter"]).filter(lambda c: c.start.year <= 9590))
    def test_400_years_of_quarters_from_any_start(self, quarter: Cycle) -> None:
        """1600 quarters after any quarter, the same quarter of the year comes round again."""
        cycle = quarter
        for _ in range(1600):
            following = cycle.next()
            assert cycle.end + ONE_DAY == following.start
            cycle = following
        assert quarter.start.replace(year=quarter.start.year + 400) == cycle.start
        assert str(quarter)[-2:] == str(cycle)[-2:]

    @given(cycles().filter(has_next))
    def test_next_starts_the_day_after_the_end(self, cycle: Cycle) -> None:
        """next() is the cycle of the same kind and settings that starts the day after."""
        following = cycle.next()
        assert cycle.end + ONE_DAY == following.start
        assert attrs.evolve(cycle, start=following.start, end=following.end) == following

    @given(cycles().filter(has_previous))
    def test_previous_ends_the_day_before_the_start(self, cycle: Cycle) -> None:
        """previous() is the cycle of the same kind that ends the day before."""
        assert cycle.start - ONE_DAY == cycle.previous().end
        assert cycle.kind == cycle.previous().kind

    @given(cycles().filter(has_next))
    def test_next_then_previous_is_identity(self, cycle: Cycle) -> None:
        """next().previous() gives the cycle back."""
        assert cycle == cycle.next().previous()

    @given(cycles().filter(has_previous))
    def test_previous_then_next_is_identity(self, cycle: Cycle) -> None:
        """previous().next() gives the cycle back."""
        assert cycle == cycle.previous().next()

    @given(cycles(kinds=["week"]))
    def test_weeks_last_seven_days_from_monday(self, week: Cycle) -> None:
        """An ISO week runs Monday to Sunday."""
        assert (0, 6) == (week.start.weekday(), week.end.weekday())
        assert 7 == week.days

    @given(cycles(kinds=NAVIGABLE))
    def test_neighbours_exist_except_at_the_ends_of_time(self, cycle: Cycle) -> None:
        """next() and previous() raise CycleError only within a year of 0001 or 9999."""
        for step, edge in [(Cycle.next, date.max), (Cycle.previous, date.min)]:
            try:
                step(cycle)
            except CycleError:
                assert abs((edge - cycle.start).days) <= 800

    @pytest.mark.parametrize(
        "label",
        [
            "9999",
            "9999-H2",
            "9999-Q4",
            "9999-12",
            "9999-W51",
            "9999-12-01..9999-12-31",
            "9999-12-20..9999-12-30",
        ],
    )
    def test_no_next_after_9999(self, label: str) -> None:
        """The last cycles before date.max have no next one."""
        with pytest.raises(CycleError, match="next one"):
            Cycle.parse(label).next()

    @pytest.mark.parametrize(
        "label", ["0001", "0001-Q1", "0001-W01", "0001-01-01..0001-01-09", "0001-01-02..0001-01-05"]
    )
    def test_no_previous_before_0001(self, label: str) -> None:
        """The first cycles after date.min have no previous one."""
        with pytest.raises(CycleError, match="previous one"):
            Cycle.parse(label).previous()

    def test_no_next_fiscal_year_beyond_9999(self) -> None:
        """A fiscal year that would end in 10000 is not a next cycle."""
        with pytest.raises(CycleError, match="next one"):
            Cycle.parse("FY9999", fiscal_year_start=2).next()

    def test_custom_next_and_previous_keep_the_length(self) -> None:
        """A custom cycle's neighbours are the spans of as many days on either side."""
        sprint = Cycle.parse("2026-07-01..2026-07-14")
        assert Cycle.parse("2026-07-15..2026-07-28") == sprint.next()
        assert Cycle.parse("2026-06-17..2026-06-30") == sprint.previous()


class TestParse:
    """Cycle.parse and str()."""

    @given(cycles())
    def test_parse_str_round_trips(self, cycle: Cycle) -> None:
        """Parsing a cycle's label with its fiscal settings gives the cycle back."""
        assert cycle == reparse(cycle, str(cycle))

    @given(cycles(), st.sampled_from(["", " ", "\t", "\n "]))
    def test_case_and_surrounding_whitespace_are_ignored(self, cycle: Cycle, space: str) -> None:
        """A label in lower case, padded with whitespace, parses the same."""
        assert cycle == reparse(cycle, f"{space}{str(cycle).lower()}{space}")

    @given(
        st.integers(2000, 2099),
        st.sampled_from(["", "Q1", "Q4", "H1", "H2"]),
        st.booleans(),
        st.sampled_from(["{fy}{year} {part}", "{fy}{year}-{part}", "{part} {fy}{year}"]),
        st.booleans(),
    )
    def test_written_labels_name_the_cycle_a_label_does(
        self, year: int, part: str, fiscal: bool, form: str, short: bool
    ) -> None:
        """A year, half or quarter as people write it ("Q3 2026", "FY27 Q1", "Q1 FY 2027")
        is the label `Cycle.parse` reads, whichever part comes first; and `Cycle.parse`,
        which reads labels only, names it when given the written form."""
        written = form.format(
            fy="FY" if fiscal else "",
            year=f"{year % 100:02d}" if short and fiscal else year,
            part=part,
        ).strip(" -")
        label = f"{'FY' if fiscal else ''}{year}" + (f"-{part}" if part else "")
        assert okrkit.cycles.written_label(written) == label
        assert okrkit.cycles.written_label(written.lower()) == label
        assert str(Cycle.parse(label)) == label
        if written != label:
            with pytest.raises(CycleError, match=f"expected '{label}', as a label writes it"):
                Cycle.parse(written)

    @pytest.mark.parametrize(
        "text",
        ["2026-07", "2026-W31", "FY2027-Q5 extra", "Q3", "26", "", "Q9 FY27", "H3 2026", "FY２７"],
    )
    def test_what_is_no_written_label(self, text: str) -> None:
        """Months, weeks, halves and quarters that do not exist, digits other than ASCII's,
        and anything else are no written year, half or quarter; nor is a label suggested
        for what names no cycle."""
        assert okrkit.cycles.written_label(text) is None
        with pytest.raises(CycleError) as error:
            Cycle.parse("Q3 0000")  # written as a label would be, of a year that is none
        assert "as a label writes it" not in str(error.value)
        with pytest.raises(InvalidTypeError):
            okrkit.cycles.written_label(2026)  # type: ignore[arg-type]

    @given(cycles())
    def test_repr_rebuilds_the_cycle(self, cycle: Cycle) -> None:
        """repr() is an expression that gives the cycle back."""
        assert cycle == eval(repr(cycle), {"Cycle": Cycle})

    @pytest.mark.parametrize(
        ("label", "kind", "start", "end"),
        [
            ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
            ("2026-H1", "half", date(2026, 1, 1), date(2026, 6, 30)),
            ("2026-h2", "half", date(2026, 7, 1), date(2026, 12, 31)),
            ("2026-Q3", "quarter", date(2026, 7, 1), date(2026, 9, 30)),
            ("2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31)),
            ("2026-07", "month", date(2026, 7, 1), date(2026, 7, 31)),
            ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
            ("2026-W31", "week", date(2026, 7, 27), date(2026, 8, 2)),
            ("2026-W53", "week", date(2026, 12, 28), date(2027, 1, 3)),
            ("2026-W01", "week", date(2025, 12, 29), date(2026, 1, 4)),
            ("0001-W01", "week", date(1, 1, 1), date(1, 1, 7)),
            ("2026-07-01..2026-09-15", "custom", date(2026, 7, 1), date(2026, 9, 15)),
            ("2026-07-01 .. 2026-07-01", "custom", date(2026, 7, 1), date(2026, 7, 1)),
            ("FY2027", "fiscal_year", date(2027, 1, 1), date(2027, 12, 31)),
        ],
    )
    def test_calendar_labels(self, label: str, kind: str, start: date, end: date) -> None:
        """Each label form names the days expected."""
        assert Cycle(kind=kind, start=start, end=end) == Cycle.parse(label)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("label", "fiscal_year_start", "naming", "start", "end"),
        [
            # GitLab's fiscal year starts in February and is named by the year it ends in.
            ("FY2021-Q1", 2, "end", date(2020, 2, 1), date(2020, 4, 30)),
            ("FY2021", 2, "end", date(2020, 2, 1), date(2021, 1, 31)),
            ("FY2021-Q4", 2, "end", date(2020, 11, 1), date(2021, 1, 31)),
            ("FY2021-H2", 2, "end", date(2020, 8, 1), date(2021, 1, 31)),
            ("FY2020", 2, "start", date(2020, 2, 1), date(2021, 1, 31)),
            ("FY2027-Q2", 7, "end", date(2026, 10, 1), date(2026, 12, 31)),
            ("FY2026-Q2", 7, "start", date(2026, 10, 1), date(2026, 12, 31)),
            ("FY2026", 1, "start", date(2026, 1, 1), date(2026, 12, 31)),
            ("FY0001", 2, "start", date(1, 2, 1), date(2, 1, 31)),
            ("FY9999", 2, "end", date(9998, 2, 1), date(9999, 1, 31)),
        ],
    )
    def test_fiscal_labels(
        self, label: str, fiscal_year_start: int, naming: Any, start: date, end: date
    ) -> None:
        """A fiscal label names the days of its fiscal year's start month and naming."""
        cycle = Cycle.parse(label, fiscal_year_start=fiscal_year_start, fiscal_year_named_by=naming)
        assert (start, end) == (cycle.start, cycle.end)
        assert label == str(cycle)

    @pytest.mark.parametrize(
        ("label", "options", "problem"),
        [
            ("", {}, "a cycle label"),
            ("2026-Q5", {}, "a quarter from Q1 to Q4"),
            ("2026-Q0", {}, "a quarter from Q1 to Q4"),
            ("2026-H3", {}, "a half from H1 to H2"),
            ("FY2026-Q5", {}, "a quarter from Q1 to Q4"),
            ("2026-13", {}, "a month from 01 to 12"),
            ("2026-00", {}, "a month from 01 to 12"),
            ("2025-W53", {}, "a week of ISO year 2025"),
            ("2026-W00", {}, "a week of ISO year 2026"),
            ("9999-W52", {}, "a week ending by 9999-12-31"),
            ("0000", {}, "a year from 0001 to 9999"),
            ("0000-Q1", {}, "a year from 0001 to 9999"),
            ("FY0000", {}, "a year from 0001 to 9999"),
            ("10000", {}, "a cycle label"),
            ("26-Q3", {}, "a cycle label"),
            ("2026Q3", {}, "a cycle label"),
            ("2026-Q3-", {}, "a cycle label"),
            ("Q3 2026", {}, "a cycle label"),
            ("2026-7", {}, "a cycle label"),
            ("2026-Q10", {}, "a cycle label"),
            ("FY2026-W01", {}, "no week in a fiscal year"),
            ("FY2026-07", {}, "no month in a fiscal year"),
            ("2026-02-30..2026-03-01", {}, "real dates"),
            ("2026-09-15..2026-07-01", {}, "a start on or before the end"),
            ("FY0001", {"fiscal_year_start": 2}, "a fiscal year within the years 1..9999"),
            (
                "FY9999",
                {"fiscal_year_start": 2, "fiscal_year_named_by": "start"},
                "a fiscal year within the years 1..9999",
            ),
        ],
    )
    def test_bad_labels(self, label: str, options: dict[str, Any], problem: str) -> None:
        """A bad label raises CycleError quoting it and listing the accepted forms."""
        with pytest.raises(CycleError) as caught:
            Cycle.parse(label, **options)
        message = str(caught.value)
        assert repr(label) in message
        assert problem in message
        assert "2026-W31" in message
        assert "FY2027-Q2" in message
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, OKRError)

    @pytest.mark.parametrize(
        ("label", "options", "error"),
        [
            (2026, {}, InvalidTypeError),
            (None, {}, InvalidTypeError),
            (b"2026-Q3", {}, InvalidTypeError),
            ("2026-Q3", {"fiscal_year_start": "2"}, InvalidTypeError),
            ("2026-Q3", {"fiscal_year_start": True}, InvalidTypeError),
            ("2026-Q3", {"fiscal_year_start": 0}, CycleError),
            ("2026-Q3", {"fiscal_year_start": 13}, CycleError),
            ("2026-Q3", {"fiscal_year_named_by": "middle"}, CycleError),
        ],
    )
    def test_bad_arguments(
        self, label: Any, options: dict[str, Any], error: type[Exception]
    ) -> None:
        """Arguments of the wrong type or range raise okrkit errors."""
        with pytest.raises(error):
            Cycle.parse(label, **options)

    def test_calendar_labels_ignore_fiscal_settings(self) -> None:
        """Fiscal options change only FY labels: a calendar quarter stays a calendar quarter."""
        expected = Cycle.parse("2026-Q3")
        assert expected == Cycle.parse("2026-Q3", fiscal_year_start=2, fiscal_year_named_by="start")


class TestConstructor:
    """Cycle(...) validates itself."""

    @pytest.mark.parametrize(
        ("fields", "error", "path"),
        [
            (
                {"kind": "quarter", "start": date(2026, 8, 1), "end": date(2026, 10, 31)},
                CycleError,
                "start",
            ),
            (
                {"kind": "quarter", "start": date(2026, 7, 2), "end": date(2026, 9, 30)},
                CycleError,
                "start",
            ),
            (
                {"kind": "quarter", "start": date(2026, 7, 1), "end": date(2026, 10, 31)},
                CycleError,
                "end",
            ),
            (
                {"kind": "month", "start": date(2026, 7, 1), "end": date(2026, 7, 30)},
                CycleError,
                "end",
            ),
            (
                {"kind": "year", "start": date(2026, 2, 1), "end": date(2027, 1, 31)},
                CycleError,
                "start",
            ),
            (
                {"kind": "week", "start": date(2026, 7, 28), "end": date(2026, 8, 3)},
                CycleError,
                "start",
            ),
            (
                {"kind": "week", "start": date(2026, 7, 27), "end": date(2026, 8, 3)},
                CycleError,
                "end",
            ),
            ({"kind": "week", "start": date(9999, 12, 27), "end": date.max}, CycleError, "end"),
            (
                {"kind": "custom", "start": date(2026, 7, 2), "end": date(2026, 7, 1)},
                CycleError,
                "end",
            ),
            (
                {"kind": "decade", "start": date(2026, 1, 1), "end": date(2026, 1, 1)},
                CycleError,
                "kind",
            ),
            (
                {"kind": "custom", "start": "2026-07-01", "end": date(2026, 7, 1)},
                InvalidTypeError,
                "start",
            ),
            (
                {"kind": "custom", "start": date(2026, 7, 1), "end": datetime(2026, 7, 2)},
                InvalidTypeError,
                "end",
            ),
            (
                {
                    "kind": "quarter",
                    "start": date(2026, 7, 1),
                    "end": date(2026, 9, 30),
                    "fiscal_year_start": 7,
                },
                CycleError,
                "fiscal_year_start",
            ),
            (
                {
                    "kind": "quarter",
                    "start": date(2026, 7, 1),
                    "end": date(2026, 9, 30),
                    "fiscal_year_named_by": "start",
                },
                CycleError,
                "fiscal_year_named_by",
            ),
            (
                {
                    "kind": "fiscal_quarter",
                    "start": date(2026, 7, 1),
                    "end": date(2026, 9, 30),
                    "fiscal_year_start": 2,
                },
                CycleError,
                "start",
            ),
            (
                {
                    "kind": "fiscal_quarter",
                    "start": date(2026, 7, 1),
                    "end": date(2026, 9, 30),
                    "fiscal_year_start": 1.0,
                },
                InvalidTypeError,
                "fiscal_year_start",
            ),
            (
                # Its fiscal year would start in December of year 0.
                {
                    "kind": "fiscal_quarter",
                    "start": date(1, 3, 1),
                    "end": date(1, 5, 31),
                    "fiscal_year_start": 12,
                    "fiscal_year_named_by": "start",
                },
                CycleError,
                "start",
            ),
        ],
    )
    def test_inconsistent_fields_raise(
        self, fields: dict[str, Any], error: type[Exception], path: str
    ) -> None:
        """A hand-built cycle whose fields disagree with its kind raises, naming the field."""
        with pytest.raises(error) as caught:
            Cycle(**fields)
        assert path == caught.value.path  # type: ignore[attr-defined]

    @given(cycles())
    def test_evolve_to_itself_is_equal(self, cycle: Cycle) -> None:
        """Rebuilding a cycle from its fields gives an equal cycle with the same hash."""
        copy = attrs.evolve(cycle)
        assert cycle == copy
        assert hash(cycle) == hash(copy)

    @given(cycles())
    def test_pickle_round_trips(self, cycle: Cycle) -> None:
        """A cycle survives pickling, for process pools."""
        assert cycle == pickle.loads(pickle.dumps(cycle))

    def test_frozen(self) -> None:
        """A cycle cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Cycle.parse("2026-Q3").start = date(2026, 1, 1)  # type: ignore[misc]


class TestOrder:
    """Cycles sort by start, then end."""

    @given(cycles(), cycles())
    def test_order_follows_start_then_end(self, a: Cycle, b: Cycle) -> None:
        """a < b whenever (a.start, a.end) < (b.start, b.end)."""
        if (a.start, a.end) != (b.start, b.end):
            assert ((a.start, a.end) < (b.start, b.end)) == (a < b)
        assert sorted([a, b]) == sorted([b, a])

    def test_same_days_different_kind_are_distinct(self) -> None:
        """A year and a custom span of the same days are different, consistently ordered cycles."""
        year = Cycle.parse("2026")
        span = Cycle.parse("2026-01-01..2026-12-31")
        assert year != span
        assert (span < year) != (year < span)
        assert 2 == len({year, span, Cycle.parse("2026")})

    def test_sorted_labels(self) -> None:
        """Sorting puts the year before its first quarter, which ends sooner."""
        labels = ["2026-Q2", "2026", "2026-Q1", "2026-W01", "2026-01"]
        expected = ["2026-W01", "2026-01", "2026-Q1", "2026", "2026-Q2"]
        assert expected == [str(c) for c in sorted(map(Cycle.parse, labels))]


class TestContains:
    """Cycle.contains."""

    @given(cycles(), st.dates())
    def test_contains_exactly_the_days_from_start_to_end(self, cycle: Cycle, day: date) -> None:
        """contains(d) holds exactly when start <= d <= end."""
        assert (cycle.start <= day <= cycle.end) == cycle.contains(day)

    @given(cycles(), aware_datetimes)
    def test_aware_datetime_counts_as_its_date(self, cycle: Cycle, moment: datetime) -> None:
        """An aware datetime is in a cycle when its date on its own clock is."""
        assert cycle.contains(moment.date()) == cycle.contains(moment)

    @pytest.mark.parametrize("day", ["2026-07-01", None, 20260701, datetime(2026, 7, 1)])
    def test_not_a_date_raises(self, day: Any) -> None:
        """Anything but a date or an aware datetime raises InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="a date or an aware datetime"):
            Cycle.parse("2026-Q3").contains(day)


class TestContaining:
    """Cycle.containing."""

    @given(
        st.dates(),
        st.sampled_from(NAVIGABLE),
        st.integers(1, 12),
        st.sampled_from(["end", "start"]),
    )
    def test_contains_the_day(self, day: date, kind: CycleKind, month: int, naming: Any) -> None:
        """The cycle containing a day contains it and is of the kind asked for."""
        try:
            cycle = Cycle.containing(
                day, kind=kind, fiscal_year_start=month, fiscal_year_named_by=naming
            )
        except CycleError:
            # Only at the ends of time, where the cycle would leave the years 1..9999.
            assert day.year in {1, 9999}
        else:
            assert cycle.contains(day)
            assert kind == cycle.kind

    @given(cycles(kinds=NAVIGABLE), st.data())
    def test_every_day_of_a_cycle_finds_it(self, cycle: Cycle, data: st.DataObject) -> None:
        """containing() any of a cycle's days gives the cycle."""
        day = data.draw(st.dates(min_value=cycle.start, max_value=cycle.end))
        assert cycle == Cycle.containing(
            day,
            kind=cycle.kind,
            fiscal_year_start=cycle.fiscal_year_start,
            fiscal_year_named_by=cycle.fiscal_year_named_by,
        )

    def test_default_kind_is_quarter(self) -> None:
        """Without a kind, containing() gives the calendar quarter."""
        assert Cycle.parse("2026-Q3") == Cycle.containing(date(2026, 8, 16))

    def test_aware_datetime(self) -> None:
        """An aware datetime's own date decides, not its UTC date."""
        moment = datetime(2026, 10, 1, 1, tzinfo=timezone(timedelta(hours=2)))
        assert Cycle.parse("2026-Q4") == Cycle.containing(moment)

    @pytest.mark.parametrize(
        ("day", "options", "error"),
        [
            (date(2026, 1, 1), {"kind": "custom"}, CycleError),
            (date(2026, 1, 1), {"kind": "decade"}, CycleError),
            (date(2026, 1, 1), {"kind": "fiscal_year", "fiscal_year_start": 0}, CycleError),
            (date(2026, 1, 1), {"kind": "fiscal_year", "fiscal_year_named_by": "x"}, CycleError),
            (datetime(2026, 1, 1), {}, InvalidTypeError),
            ("2026-01-01", {}, InvalidTypeError),
            (date.max, {"kind": "week"}, CycleError),
            (date.max, {"kind": "fiscal_year", "fiscal_year_start": 2}, CycleError),
            (date.min, {"kind": "fiscal_quarter", "fiscal_year_start": 2}, CycleError),
        ],
    )
    def test_bad_arguments(self, day: Any, options: dict[str, Any], error: type[Exception]) -> None:
        """Bad days and kinds, and days with no representable cycle, raise okrkit errors."""
        with pytest.raises(error):
            Cycle.containing(day, **options)


class TestParent:
    """Cycle.parent."""

    @given(cycles())
    def test_parent_contains_the_cycle(self, cycle: Cycle) -> None:
        """A cycle lies within its parent, which keeps its fiscal settings."""
        parent = cycle.parent
        if parent is not None:
            assert parent.start <= cycle.start <= cycle.end <= parent.end
            assert (cycle.fiscal_year_start, cycle.fiscal_year_named_by) == (
                parent.fiscal_year_start,
                parent.fiscal_year_named_by,
            )

    @given(cycles(kinds=["fiscal_quarter", "fiscal_half"]))
    def test_fiscal_quarter_lies_in_its_fiscal_year(self, cycle: Cycle) -> None:
        """A fiscal quarter's or half's parent is the fiscal year its label names."""
        parent = cycle.parent
        assert parent is not None
        assert "fiscal_year" == parent.kind
        assert str(cycle).split("-")[0] == str(parent)

    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("2026-Q3", "2026"),
            ("2026-H2", "2026"),
            ("2026-07", "2026-Q3"),
            ("2026", None),
            ("2026-W31", None),
            ("FY2027", None),
            ("2026-07-01..2026-07-31", None),
        ],
    )
    def test_parents(self, label: str, expected: str | None) -> None:
        """Each kind nests as documented."""
        parent = Cycle.parse(label).parent
        assert expected == (None if parent is None else str(parent))

    def test_fiscal_parent(self) -> None:
        """GitLab's FY2021-Q1 lies in FY2021, 2020-02-01..2021-01-31."""
        quarter = Cycle.parse("FY2021-Q1", fiscal_year_start=2)
        assert Cycle.parse("FY2021", fiscal_year_start=2) == quarter.parent


class TestDays:
    """Cycle.days."""

    @given(cycles())
    def test_days_counts_both_ends(self, cycle: Cycle) -> None:
        """days is the number of dates from start to end inclusive."""
        assert (cycle.end - cycle.start).days + 1 == cycle.days

    @pytest.mark.parametrize(
        ("label", "days"),
        [("2024-Q1", 91), ("2025-Q1", 90), ("2024", 366), ("2024-02", 29), ("2026-W31", 7)],
    )
    def test_worked_examples(self, label: str, days: int) -> None:
        """Leap years lengthen the first quarter and February."""
        assert days == Cycle.parse(label).days


class TestElapsed:
    """Cycle.elapsed."""

    @given(cycles(), st.dates())
    def test_bounded_zero_before_and_one_after(self, cycle: Cycle, day: date) -> None:
        """elapsed is in [0, 1]: 0 up to the first day, 1 after the last."""
        elapsed = cycle.elapsed(day)
        assert 0 <= elapsed <= 1
        if day <= cycle.start:
            assert 0 == elapsed
        if day > cycle.end:
            assert 1 == elapsed
        if cycle.start < day <= cycle.end:
            assert 0 < elapsed < 1

    @given(cycles(), st.dates(), st.dates())
    def test_monotone_in_dates(self, cycle: Cycle, a: date, b: date) -> None:
        """A later day has elapsed at least as much."""
        a, b = sorted([a, b])
        assert cycle.elapsed(a) <= cycle.elapsed(b)

    @given(
        cycles(),
        st.datetimes(timezones=st.just(UTC)),
        st.timedeltas(min_value=timedelta(0)),
    )
    def test_monotone_in_datetimes(self, cycle: Cycle, a: datetime, later: timedelta) -> None:
        """A later moment on the same clock has elapsed at least as much."""
        try:
            b = a + later
        except OverflowError:
            b = datetime.max.replace(tzinfo=UTC)
        assert 0 <= cycle.elapsed(a) <= cycle.elapsed(b) <= 1

    @given(cycles(), st.dates())
    def test_midnight_counts_as_the_date(self, cycle: Cycle, day: date) -> None:
        """An aware datetime at midnight has elapsed as much as its date."""
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
        assert cycle.elapsed(day) == cycle.elapsed(midnight)

    def test_worked_examples(self) -> None:
        """2026-Q3 (92 days) is half over at 2026-08-16, and counts partial days."""
        q3 = Cycle.parse("2026-Q3")
        assert 0.5 == q3.elapsed(date(2026, 8, 16))
        assert 0.0 == q3.elapsed(date(2026, 7, 1))
        assert 91 / 92 == q3.elapsed(date(2026, 9, 30))
        assert 1.0 == q3.elapsed(date(2026, 10, 1))
        noon = datetime(2026, 8, 16, 12, tzinfo=timezone(timedelta(hours=-5)))
        assert 46.5 / 92 == q3.elapsed(noon)

    @pytest.mark.parametrize("at", [datetime(2026, 8, 16), "2026-08-16", 0.5])
    def test_naive_or_not_a_date_raises(self, at: Any) -> None:
        """A naive datetime, or not a date at all, raises InvalidTypeError."""
        with pytest.raises(InvalidTypeError):
            Cycle.parse("2026-Q3").elapsed(at)


class TestReview:
    """Cycle.review_due and Cycle.review_date."""

    @given(cycles(), st.timedeltas(min_value=timedelta(0)))
    def test_review_lies_in_the_cycle(self, cycle: Cycle, lead: timedelta) -> None:
        """The review is lead days before the end, but never before the start."""
        review = cycle.review_date(lead)
        assert cycle.contains(review)
        assert max(cycle.start.toordinal(), cycle.end.toordinal() - lead.days) == review.toordinal()

    @given(cycles())
    def test_due_two_weeks_before_the_end(self, cycle: Cycle) -> None:
        """review_due is the review two weeks before the end."""
        assert cycle.review_date(timedelta(weeks=2)) == cycle.review_due

    def test_worked_examples(self) -> None:
        """2026-Q3's review is due on 16 September; a week's on its Monday."""
        assert date(2026, 9, 16) == Cycle.parse("2026-Q3").review_due
        assert date(2026, 9, 23) == Cycle.parse("2026-Q3").review_date(timedelta(days=7))
        assert date(2026, 7, 27) == Cycle.parse("2026-W31").review_due

    @pytest.mark.parametrize(
        ("lead", "error"), [(14, InvalidTypeError), (timedelta(days=-1), CycleError)]
    )
    def test_bad_lead_raises(self, lead: Any, error: type[Exception]) -> None:
        """A lead must be a timedelta of at least zero."""
        with pytest.raises(error):
            Cycle.parse("2026-Q3").review_date(lead)


class TestSchedule:
    """Cycle.schedule."""

    @settings(suppress_health_check=[HealthCheck.filter_too_much])
    @given(short_cycles, st.integers(0, 6))
    def test_weekly_is_every_such_weekday(self, cycle: Cycle, weekday: int) -> None:
        """Weekly check-ins are exactly the cycle's days on that weekday, in order."""
        expected = tuple(
            cycle.start + timedelta(days=n)
            for n in range(cycle.days)
            if (cycle.start + timedelta(days=n)).weekday() == weekday
        )
        assert expected == cycle.schedule("weekly", weekday=weekday)

    @settings(suppress_health_check=[HealthCheck.filter_too_much])
    @given(short_cycles, st.integers(0, 6))
    def test_biweekly_is_every_other_weekly(self, cycle: Cycle, weekday: int) -> None:
        """Biweekly check-ins are every other weekly one, from the first."""
        weekly = cycle.schedule("weekly", weekday=weekday)
        assert weekly[::2] == cycle.schedule("biweekly", weekday=weekday)

    @settings(suppress_health_check=[HealthCheck.filter_too_much])
    @given(short_cycles, st.integers(0, 6))
    def test_monthly_is_the_first_such_weekday_of_each_month(
        self, cycle: Cycle, weekday: int
    ) -> None:
        """Monthly check-ins are the weekly ones that fall in the first 7 days of a month."""
        weekly = cycle.schedule("weekly", weekday=weekday)
        expected = tuple(day for day in weekly if day.day <= 7)
        assert expected == cycle.schedule("monthly", weekday=weekday)

    @given(cycles(kinds=NAVIGABLE), st.sampled_from(["weekly", "biweekly", "monthly"]))
    def test_dates_lie_in_the_cycle_sorted(self, cycle: Cycle, freq: Any) -> None:
        """Every check-in lies in the cycle, in strictly increasing order."""
        dates = cycle.schedule(freq)
        assert all(cycle.contains(day) for day in dates)
        assert sorted(set(dates)) == list(dates)

    def test_worked_examples(self) -> None:
        """Mondays in July 2026, fortnightly Fridays in Q3, and first Mondays of the months."""
        july = Cycle.parse("2026-07")
        assert [date(2026, 7, d) for d in (6, 13, 20, 27)] == list(july.schedule())
        q3 = Cycle.parse("2026-Q3")
        assert date(2026, 7, 3) == q3.schedule("biweekly", weekday=4)[0]
        assert date(2026, 7, 17) == q3.schedule("biweekly", weekday=4)[1]
        assert (date(2026, 7, 6), date(2026, 8, 3), date(2026, 9, 7)) == q3.schedule("monthly")
        assert () == Cycle.parse("2026-07-07..2026-07-08").schedule(weekday=0)
        assert (date(9999, 12, 6),) == Cycle.parse("9999-12").schedule("monthly")
        assert date(9999, 12, 25) == Cycle.parse("9999").schedule(weekday=5)[-1]

    @pytest.mark.parametrize(
        ("freq", "weekday", "error"),
        [
            ("daily", 0, CycleError),
            ("weekly", 7, CycleError),
            ("weekly", -1, CycleError),
            ("weekly", "MO", InvalidTypeError),
            ("weekly", True, InvalidTypeError),
        ],
    )
    def test_bad_arguments(self, freq: Any, weekday: Any, error: type[Exception]) -> None:
        """An unknown frequency or weekday raises an okrkit error."""
        with pytest.raises(error):
            Cycle.parse("2026-Q3").schedule(freq, weekday=weekday)


class TestStrategy:
    """okrkit.testing.cycles."""

    def test_reaches_every_kind_and_edge(self) -> None:
        """The strategy produces every kind, both ends of time, leap days and week 53."""
        edges: dict[str, Callable[[Cycle], bool]] = {
            **{kind: lambda c, kind=kind: kind == c.kind for kind in KINDS},
            "year 1": lambda c: c.start.year == 1,
            "year 9999": lambda c: c.end.year == 9999,
            "week 53": lambda c: c.kind == "week" and str(c).endswith("W53"),
            "week with a leap day": lambda c: (
                c.kind == "week"
                and calendar.isleap(c.end.year)
                and c.contains(date(c.end.year, 2, 29))
            ),
            "leap February": lambda c: c.kind == "month" and 29 == c.days,
            "one-day custom": lambda c: c.kind == "custom" and 1 == c.days,
            "fiscal year from December": lambda c: (
                c.kind == "fiscal_quarter" and c.fiscal_year_start == 12
            ),
            "fiscal named by start": lambda c: (
                c.kind == "fiscal_half" and c.fiscal_year_named_by == "start"
            ),
        }
        # Each edge searched for on its own (derandomized, so deterministic): one shared
        # sample of a few hundred would depend on how Hypothesis happens to order its draws.
        for name, edge in edges.items():
            found = find(
                cycles(),
                edge,
                settings=settings(max_examples=5_000, derandomize=True, database=None),
            )
            assert edge(found), name

    @pytest.mark.parametrize(
        ("kinds", "error"),
        [("quarter", InvalidTypeError), (["decade"], CycleError), ([], CycleError)],
    )
    def test_bad_kinds_raise(self, kinds: Any, error: type[Exception]) -> None:
        """kinds must be a non-empty collection of cycle kinds."""
        with pytest.raises(error):
            cycles(kinds=kinds)

    @given(cycles(kinds=["month", "week"]))
    def test_kinds_limit_the_kinds(self, cycle: Cycle) -> None:
        """Only the kinds asked for are produced."""
        assert cycle.kind in {"month", "week"}


class TestDocs:
    """The examples in docstrings and docs/cycles.md run."""

    @pytest.mark.parametrize("obj", [okrkit.cycles, okrkit.testing.cycles])
    def test_docstrings(self, obj: Any) -> None:
        """Every >>> example in okrkit.cycles and the cycles() strategy holds."""
        runner = doctest.DocTestRunner()
        for test in doctest.DocTestFinder().find(obj, globs=vars(inspect.getmodule(obj)).copy()):
            runner.run(test)
        failures, tried = runner.summarize(verbose=False)
        assert (0, True) == (failures, tried > 0)

    def test_user_guide(self) -> None:
        """Every >>> example in docs/cycles.md holds."""
        failures, tried = doctest.testfile(str(DOCS), module_relative=False)
        assert (0, True) == (failures, tried > 0)

    def test_import_is_light(self) -> None:
        """Importing okrkit.cycles does not import hypothesis."""
        code = "import sys, okrkit.cycles; print('hypothesis' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False" == result.stdout.strip()
