"""The value types: they check themselves, never change, and keep check-ins in time order."""

from __future__ import annotations

import gc
import math
import pickle
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import okrkit
from okrkit import (
    CheckIn,
    Commitment,
    Cycle,
    Direction,
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    KeyResult,
    Kpi,
    Level,
    Objective,
    OKRError,
    PastScore,
    Plan,
    UnknownIdError,
)
from okrkit._validators import moment, slugify
from okrkit.errors import safe_repr
from okrkit.model import Claims
from okrkit.testing import check_ins, key_results, kpis, objectives, plans, whens

Q3 = Cycle.parse("2026-Q3")


def churn(**changes: object) -> KeyResult:
    fields: dict[str, object] = {
        "id": "churn",
        "title": "Reduce churn from 5% to 4%",
        "direction": Direction.DECREASE,
        "start": 5.0,
        "target": 4.0,
        "unit": "%",
    }
    fields.update(changes)
    return KeyResult(**fields)  # type: ignore[arg-type]


class TestGeneratedValues:
    @given(st.one_of(check_ins(), key_results(), objectives(), kpis(), plans(max_objectives=4)))
    def test_pickle_round_trip(self, value: object) -> None:
        """Every generated value survives pickling and compares equal to its copy."""
        assert value == pickle.loads(pickle.dumps(value))

    @given(st.one_of(check_ins(), key_results(), objectives(), kpis(), plans(max_objectives=4)))
    def test_rebuilt_equal_and_hashable(self, value: object) -> None:
        """Rebuilding a value from its own fields gives an equal value with an equal hash."""
        copy = attrs.evolve(value)  # type: ignore[misc]
        assert value == copy
        assert hash(value) == hash(copy)

    @given(key_results())
    def test_check_ins_sorted(self, kr: KeyResult) -> None:
        """A key result's check-ins are always in time order."""
        times = [moment(c.at) for c in kr.check_ins]
        assert sorted(times) == times

    @given(plans(max_objectives=5))
    def test_plan_ids_unique(self, plan: Plan) -> None:
        """Generated plans never repeat an id, so every id can be looked up."""
        for obj in plan.objectives:
            assert obj is plan.objective(obj.id)
        for obj, kr in plan.key_results():
            assert kr is plan.key_result(kr.id)
            assert obj is plan.objective_of(kr.id)


class TestCheckIn:
    @given(key_results(), whens(), st.floats(-1e6, 1e6))
    def test_check_in_keeps_history(self, kr: KeyResult, at: date, value: float) -> None:
        """`check_in` returns a new key result that keeps every earlier check-in, in order."""
        new = kr.check_in(value, at=at)
        # The new check-in goes after any made at the same time: it is the last equal one.
        remaining = list(reversed(new.check_ins))
        remaining.remove(CheckIn(at=at, value=value))
        assert list(kr.check_ins) == remaining[::-1]
        times = [moment(c.at) for c in new.check_ins]
        assert sorted(times) == times

    @given(key_results(), whens(), st.floats(-1e6, 1e6))
    def test_check_in_leaves_original(self, kr: KeyResult, at: date, value: float) -> None:
        """The key result checked in is unchanged."""
        before = pickle.dumps(kr)
        kr.check_in(value, at=at)
        assert before == pickle.dumps(kr)

    def test_current_is_latest(self) -> None:
        """`current` is the latest check-in by time, not by the order they were made."""
        kr = churn().check_in(4.4, at=date(2026, 9, 1)).check_in(4.6, at=date(2026, 8, 1))
        assert 4.4 == kr.current
        assert [4.6, 4.4] == [c.value for c in kr.check_ins]

    def test_current_without_check_ins_is_start(self) -> None:
        """With no check-in, the current value is the start."""
        assert 5.0 == churn().current
        assert KeyResult(title="Write the plan").current is None

    def test_same_time_keeps_order_made(self) -> None:
        """Two check-ins at the same time stay in the order they were made; the last wins."""
        kr = churn().check_in(4.8, at=date(2026, 8, 1)).check_in(4.7, at=date(2026, 8, 1))
        assert [4.8, 4.7] == [c.value for c in kr.check_ins]
        assert 4.7 == kr.current

    @given(key_results(max_check_ins=10), whens())
    @example(  # 16:00 on 1 January in UTC-8 is 2 January in UTC: it counts as of 1 January
        KeyResult(title="Reduce churn", direction="decrease", start=1, target=0).check_in(
            0, at=datetime(2000, 1, 1, 16, tzinfo=timezone(timedelta(hours=-8)))
        ),
        date(2000, 1, 1),
    )
    def test_value_at_ignores_later(self, kr: KeyResult, at: date) -> None:
        """`value_at(at)` is the value of the last check-in made by `at`, else the start:
        as of a datetime, by the instant; as of a date, by the day on the check-in's own
        clock (as `Cycle.contains` judges it)."""
        if isinstance(at, datetime):
            counted = [c for c in kr.check_ins if moment(c.at) <= moment(at)]
        else:
            own_day = [c.at.date() if isinstance(c.at, datetime) else c.at for c in kr.check_ins]
            counted = [c for c, day in zip(kr.check_ins, own_day, strict=True) if day <= at]
        assert (counted[-1].value if counted else kr.start) == kr.value_at(at)

    def test_date_includes_whole_day(self) -> None:
        """Asking as of a date counts check-ins made at any time that day (UTC)."""
        late = datetime(2026, 8, 1, 23, 0, tzinfo=UTC)
        kr = churn().check_in(4.5, at=late)
        assert 4.5 == kr.value_at(date(2026, 8, 1))
        assert 5.0 == kr.value_at(date(2026, 7, 31))
        assert kr.latest(date(2026, 7, 31)) is None

    def test_end_of_time(self) -> None:
        """Asking as of the last representable day or instant counts every check-in."""
        kr = churn().check_in(4.5, at=date.max)
        assert 4.5 == kr.value_at(date.max)
        assert 4.5 == kr.value_at(datetime.max.replace(tzinfo=UTC))

    def test_mixed_dates_and_datetimes_sort(self) -> None:
        """Dates and aware datetimes in one history sort by the instant they stand for."""
        tz = timezone(timedelta(hours=-8))
        kr = (
            churn()
            .check_in(4.6, at=date(2026, 8, 2))
            .check_in(4.7, at=datetime(2026, 8, 1, 20, 0, tzinfo=tz))
        )
        # 20:00 at UTC-8 on 1 August is 04:00 UTC on 2 August, after that day's midnight.
        assert [4.6, 4.7] == [c.value for c in kr.check_ins]


class TestKeyResult:
    def test_title_only_is_valid(self) -> None:
        """A key result written as a sentence, not yet measurable, is valid."""
        kr = KeyResult(title="Improve onboarding")
        assert "improve-onboarding" == kr.id
        assert not kr.measurable

    def test_milestone_defaults(self) -> None:
        """A milestone runs from 0 to 1 unless told otherwise."""
        kr = KeyResult(title="Ship v2", direction="milestone")
        assert (0, 1) == (kr.start, kr.target)
        assert (0, 6) == (
            KeyResult(title="Launch six features", direction="milestone", target=6).start,
            6,
        )

    def test_direction_by_name(self) -> None:
        """Enums are accepted by their value, in any case."""
        assert Direction.AT_LEAST == churn(direction="AT_LEAST", start=None).direction
        assert Indicator.LAGGING == churn(indicator="lagging").indicator

    def test_ignore_codes(self) -> None:
        """`ignore` takes a list of rule codes, or one code alone."""
        assert ("OKR203",) == churn(ignore="OKR203").ignore
        assert ("OKR203", "OKR1") == churn(ignore=["OKR203", "OKR1"]).ignore

    @pytest.mark.parametrize("code", ["\ud800", "OKR\udfff"])
    def test_ignore_codes_a_file_can_hold(self, code: str) -> None:
        """A code with a lone surrogate is refused where it is given: no file could hold the
        plan (the thorough profile's fuzz found a CSV cell of one load and never write)."""
        with pytest.raises(InvalidValueError) as raised:
            churn(ignore=["OKR203", code])
        assert raised.value.path == "ignore[1]"

    def test_latest(self) -> None:
        """`latest()` is the last check-in, or None before the first."""
        assert churn().latest() is None
        assert 4.5 == churn().check_in(4.5, at=date(2026, 8, 1)).latest().value  # type: ignore[union-attr]

    def test_long_title_slug(self) -> None:
        """A derived id is cut at a word boundary to at most 64 characters."""
        kr = KeyResult(title="Increase " + "very " * 30 + "much")
        assert 64 >= len(kr.id)
        assert kr.id.endswith("very")
        assert 64 == len(KeyResult(title="x" * 100).id)

    def test_within_takes_a_band(self) -> None:
        """A WITHIN key result aims at a (low, high) band; a list is made a tuple."""
        kr = KeyResult(title="Latency", direction=Direction.WITHIN, target=[95, 105])
        assert (95, 105) == kr.target

    @given(key_results())
    def test_id_derived_from_title(self, kr: KeyResult) -> None:
        """Without an id, the id is the slug of the title, the same every time."""
        derived = KeyResult(title=kr.title)
        assert slugify(kr.title) == derived.id
        assert derived.id == KeyResult(title=kr.title).id

    def test_date_counts_by_own_clock(self) -> None:
        """As of a date, a check-in counts by the day on its own clock, as Cycle.contains does."""
        new_york = timezone(timedelta(hours=-5))
        tokyo = timezone(timedelta(hours=9))
        last = datetime(2026, 9, 30, 20, tzinfo=new_york)  # 1 October in UTC
        kr = churn().check_in(4.0, at=last)
        assert Q3.contains(last)
        assert 4.0 == kr.value_at(date(2026, 9, 30))
        early = churn().check_in(4.2, at=datetime(2026, 8, 2, 7, tzinfo=tokyo))  # 1 August in UTC
        assert 5.0 == early.value_at(date(2026, 8, 1))
        assert 4.2 == early.value_at(date(2026, 8, 2))

    def test_last_instant(self) -> None:
        """A check-in at the last representable instant counts as of that instant."""
        end = datetime.max.replace(tzinfo=UTC)
        assert 4.4 == churn().check_in(4.4, at=end).value_at(end)


def _stored(value: object) -> list[tuple[str, type, str]]:
    """Each field of *value* as stored: its name, the type of its value, and its repr."""
    return [
        (f.name, type(v), repr(v))
        for f in attrs.fields(type(value))
        for v in [getattr(value, f.name)]
    ]


class TestUnchecked:
    """The readers' `_unchecked` constructors: from valid fields, what the checked ones build."""

    @given(check_ins())
    def test_check_in(self, made: CheckIn) -> None:
        """A check-in built unchecked from valid fields equals the checked one, hash and all."""
        fields = {f.name: getattr(made, f.name) for f in attrs.fields(CheckIn)}
        checked = CheckIn(**fields)
        unchecked = CheckIn._unchecked(*fields.values())
        assert _stored(checked) == _stored(unchecked)
        assert checked == unchecked
        assert hash(checked) == hash(unchecked)

    @given(key_results(max_check_ins=4), st.lists(st.sampled_from(["OKR203", "OKR1", "x"])))
    def test_key_result(self, made: KeyResult, ignore: list[str]) -> None:
        """A key result built unchecked from valid fields equals the checked one, in every way."""
        fields = {f.name: getattr(made, f.name) for f in attrs.fields(KeyResult)}
        fields["ignore"] = tuple(ignore)
        checked = KeyResult(**fields)
        unchecked = KeyResult._unchecked(**fields)
        assert _stored(checked) == _stored(unchecked)
        assert checked == unchecked
        assert hash(checked) == hash(unchecked)
        assert (checked.current, checked.measurable, checked.latest()) == (
            unchecked.current,
            unchecked.measurable,
            unchecked.latest(),
        )


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (lambda: churn(start=math.nan), InvalidValueError, "start: expected a finite number"),
        (lambda: churn(target=math.inf), InvalidValueError, "target: expected a finite number"),
        (lambda: churn(start=Decimal("NaN")), InvalidValueError, "start: expected a finite"),
        (lambda: churn(start=Decimal("sNaN")), InvalidValueError, "start: expected a finite"),
        (lambda: churn(target=6.0), InvalidValueError, "target: expected a number below start 5.0"),
        (
            lambda: churn(direction="increase"),
            InvalidValueError,
            "target: expected a number above start 5.0 for 'increase', got 4.0",
        ),
        (lambda: churn(start="5"), InvalidTypeError, "start: expected a number"),
        (
            lambda: churn(start=10**400),
            InvalidValueError,
            "start: expected a number within ±1.798e+308",
        ),
        (
            lambda: CheckIn(
                at=datetime(9999, 12, 31, 20, tzinfo=timezone(-timedelta(hours=8))), value=1
            ),
            InvalidValueError,
            "at: expected a time that falls within 9999 in UTC",
        ),
        (lambda: churn(start=True), InvalidTypeError, "start: expected a number"),
        (lambda: churn(weight=0), InvalidValueError, "weight: expected a number above 0, got 0"),
        (lambda: churn(direction="sideways"), InvalidValueError, "direction: expected one of"),
        (lambda: churn(direction=3), InvalidTypeError, "direction: expected a Direction"),
        (lambda: churn(title="  "), InvalidValueError, "title: expected a non-empty string"),
        (lambda: churn(id=" x"), InvalidValueError, "id: expected a non-empty id"),
        (lambda: churn(id=7), InvalidTypeError, "id: expected a string id, got 7"),
        (
            lambda: churn(target=(3, 4)),
            InvalidValueError,
            "target: expected a number (a (low, high)",
        ),
        (
            lambda: churn(direction="within", target=4.0),
            InvalidValueError,
            "target: expected a (low, high) band",
        ),
        (
            lambda: churn(direction="within", target=(5, 4)),
            InvalidValueError,
            "low <= high",
        ),
        (lambda: churn(direction="within", target=(1, 2, 3)), InvalidValueError, "two numbers"),
        (lambda: churn(direction="within", target=(1, "x")), InvalidTypeError, "target[1]"),
        (
            lambda: KeyResult(title="Ship", direction="milestone", start=1, target=1),
            InvalidValueError,
            "above start 1 for 'milestone'",
        ),
        (lambda: churn(check_ins=[3]), InvalidTypeError, "check_ins[0]: expected a CheckIn"),
        (lambda: churn(check_ins="abc"), InvalidTypeError, "expected a list or tuple"),
        (lambda: churn(ignore=[""]), InvalidTypeError, "ignore[0]: expected a rule code"),
        (lambda: churn(ignore=5), InvalidTypeError, "ignore: expected a list of rule codes"),
        (lambda: churn(due="2026-09-30"), InvalidTypeError, "due: expected a date"),
        (
            lambda: CheckIn(at=datetime(2026, 8, 1, 12), value=1),
            InvalidValueError,
            (
                "at: expected a date or a timezone-aware datetime, "
                "got datetime.datetime(2026, 8, 1, 12, 0)"
            ),
        ),
        (
            lambda: CheckIn(at=date(2026, 8, 1), value=1, confidence=1.5),
            InvalidValueError,
            "confidence: expected a number from 0 to 1, got 1.5",
        ),
        (lambda: CheckIn(at="today", value=1), InvalidTypeError, "at: expected a date"),
        (lambda: CheckIn(at=date(2026, 8, 1), value=None), InvalidTypeError, "value: expected"),
        (
            lambda: Objective(title="Grow", key_results=[1]),
            InvalidTypeError,
            "key_results[0]: expected a KeyResult, got 1",
        ),
        (lambda: Objective(title="Grow", key_results=None), InvalidTypeError, "key_results:"),
        (lambda: Objective(title="Grow", cycle="2026-Q3"), TypeError, "cycle"),
        (lambda: Objective(title="Grow", commitment="maybe"), InvalidValueError, "commitment"),
        (lambda: Objective(title="Grow", level=3), InvalidTypeError, "level: expected a string"),
        (lambda: Objective(title="Grow", aligned_to=""), InvalidValueError, "aligned_to"),
        (
            lambda: Kpi(title="Uptime", direction="increase", threshold=99),
            InvalidValueError,
            "direction: expected one of 'at_least', 'at_most', 'within' for a KPI",
        ),
        (lambda: Kpi(title="Uptime", direction="within", threshold=99), InvalidValueError, "band"),
        (
            lambda: PastScore(owner="a", cycle=Q3, score=-0.1),
            InvalidValueError,
            "score: expected a number from 0 to 10",
        ),
        (lambda: Plan(objectives=[KeyResult(title="x")]), InvalidTypeError, "objectives[0]"),
        (lambda: Plan(kpis=3), InvalidTypeError, "kpis: expected a list of Kpi"),
    ],
)
def test_bad_values_raise_okrkit_errors(build: object, error: type, message: str) -> None:
    """Bad values raise the documented okrkit error, naming the field, value and expectation."""
    with pytest.raises(error) as info:
        build()  # type: ignore[operator]
    assert isinstance(info.value, OKRError) or error is TypeError
    assert message in str(info.value)


def test_objective_cycle_error_is_okrkit() -> None:
    """A cycle of the wrong type is reported by attrs' type check, which is a TypeError."""
    with pytest.raises(TypeError, match="cycle"):
        Objective(title="Grow", cycle="2026-Q3")  # type: ignore[arg-type]


class TestObjective:
    def test_defaults(self) -> None:
        """An objective is aspirational, weighs 1, and aligns to nothing by default."""
        obj = Objective(title="Win back customers")
        assert (Commitment.ASPIRATIONAL, 1, None) == (obj.commitment, obj.weight, obj.aligned_to)

    def test_level_any_string(self) -> None:
        """`level` takes the usual levels or any other string, stored as a plain string."""
        assert "team" == Objective(title="Grow", level=Level.TEAM).level
        assert type(Objective(title="Grow", level=Level.TEAM).level) is str
        assert "tribe" == Objective(title="Grow", level="tribe").level

    def test_key_result_lookup(self) -> None:
        """Key results are found by id; a missing id is an UnknownIdError (a KeyError)."""
        obj = Objective(title="Retain", key_results=[churn()])
        assert churn() == obj.key_result("churn")
        with pytest.raises(KeyError, match="no key result with id 'nps'"):
            obj.key_result("nps")

    def test_check_in(self) -> None:
        """Checking in through the objective changes only that key result, in a new objective."""
        obj = Objective(title="Retain", key_results=[churn(), churn(id="other")])
        new = obj.check_in("churn", 4.5, at=date(2026, 8, 1))
        assert 4.5 == new.key_result("churn").current
        assert obj.key_results[1] is new.key_results[1]
        assert 5.0 == obj.key_result("churn").current
        with pytest.raises(UnknownIdError):
            obj.replace_key_result(churn(id="nope"))


class TestKpi:
    def test_healthy(self) -> None:
        """A KPI is healthy when its latest reading is on the right side of its threshold."""
        uptime = Kpi(title="Uptime", direction="at_least", threshold=99.9)
        assert uptime.healthy() is None
        uptime = uptime.check_in(99.5, at=date(2026, 7, 1)).check_in(99.95, at=date(2026, 8, 1))
        assert uptime.healthy() is True
        assert uptime.healthy(date(2026, 7, 15)) is False
        assert uptime.healthy(date(2026, 6, 1)) is None
        assert 99.95 == uptime.current

    def test_at_most_and_band(self) -> None:
        """AT_MOST and WITHIN KPIs compare inclusively."""
        cost = Kpi(title="Cost", direction="at_most", threshold=10).check_in(
            10, at=date(2026, 1, 1)
        )
        band = Kpi(title="Latency", direction="within", threshold=[90, 110])
        assert cost.healthy() is True
        assert band.check_in(111, at=date(2026, 1, 1)).healthy() is False
        assert Kpi(title="No reading", direction="at_least", threshold=1).current is None

    def test_kpi_compares_as_floats(self) -> None:
        """A Decimal reading meets a float threshold of the same value, as scoring judges."""
        kpi = Kpi(title="k", direction="at_least", threshold=0.1)
        assert kpi.check_in(Decimal("0.1"), at=date(2026, 1, 1)).healthy() is True
        kpi = Kpi(title="k", direction="at_most", threshold=Decimal("0.3"))
        assert kpi.check_in(0.3, at=date(2026, 1, 1)).healthy() is True


class TestPlan:
    def test_derived_ids_made_unique(self) -> None:
        """Objects whose derived ids collide get -2, -3 suffixes, in document order."""
        plan = Plan(
            objectives=[
                Objective(title="Grow", key_results=[KeyResult(title="Grow")]),
                Objective(title="Grow"),
            ]
        )
        assert ["grow", "grow-3"] == [o.id for o in plan.objectives]
        assert "grow-2" == plan.objectives[0].key_results[0].id

    def test_suffix_skips_taken_ids(self) -> None:
        """A suffix never takes an id already in use."""
        plan = Plan(
            objectives=[
                Objective(title="Grow"),
                Objective(id="grow-2", title="x"),
                Objective(title="Grow"),
            ]
        )
        assert ["grow", "grow-2", "grow-3"] == [o.id for o in plan.objectives]

    def test_explicit_duplicates_kept(self) -> None:
        """Ids given on purpose are kept, duplicates too, for the rules to report."""
        plan = Plan(objectives=[Objective(id="a", title="One"), Objective(id="a", title="Two")])
        assert ["a", "a"] == [o.id for o in plan.objectives]
        assert "One" == plan.objective("a").title

    def test_lookups(self) -> None:
        """A plan finds objectives, key results, their holder and KPIs by id."""
        uptime = Kpi(title="Uptime", direction="at_least", threshold=99.9)
        plan = Plan(
            objectives=[Objective(id="retain", title="Retain", key_results=[churn()])],
            kpis=[uptime],
        )
        assert "retain" == plan.objective_of("churn").id
        assert uptime == plan.kpi("uptime")
        assert "churn" in plan
        assert "nope" not in plan
        for lookup in (plan.objective, plan.key_result, plan.objective_of, plan.kpi):
            with pytest.raises(UnknownIdError):
                lookup("nope")
        with pytest.raises(UnknownIdError, match="no objective with id 'churn'"):
            plan.objective("churn")
        with pytest.raises(UnknownIdError, match="no key result with id 'retain'"):
            plan.key_result("retain")

    @given(plans())
    def test_index_finds_every_id_where_it_is(self, plan: Plan) -> None:
        """The index holds each objective's and key result's id, at its position, in order."""
        expected: dict[str, tuple[int, int | None]] = {}
        for i, obj in enumerate(plan.objectives):
            expected[obj.id] = (i, None)
            expected.update((kr.id, (i, j)) for j, kr in enumerate(obj.key_results))
        assert list(expected.items()) == list(plan.index.items())
        for id, (i, j) in plan.index.items():
            obj = plan.objectives[i]
            assert id == (obj.id if j is None else obj.key_results[j].id)

    def test_index_first_holder_wins_and_is_read_only(self) -> None:
        """An id held twice is indexed at its first holder; the index cannot be changed."""
        plan = Plan(
            objectives=[
                Objective(id="a", title="One", key_results=[KeyResult(id="k", title="Kay")]),
                Objective(id="k", title="Two", key_results=[KeyResult(id="a", title="Ay")]),
            ]
        )
        assert {"a": (0, None), "k": (0, 0)} == dict(plan.index)
        with pytest.raises(TypeError):
            plan.index["b"] = (1, None)  # type: ignore[index]

    @given(plans(), st.data())
    def test_index_lookups_are_the_mappings(self, plan: Plan, data: st.DataObject) -> None:
        """Every lookup agrees with the pairs the index holds: ``[]`` gives a held id's
        position and raises UnknownIdError (a KeyError) for anything else, a list or None
        too; ``get`` and ``in`` follow."""
        held = dict(plan.index.items())
        other = st.one_of(st.text(max_size=8), st.none(), st.integers(), st.lists(st.text()))
        key = data.draw(st.sampled_from(sorted(held)) | other if held else other)
        found = held.get(key) if isinstance(key, str) else None
        assert found == plan.index.get(key)
        assert (found is not None) == (key in plan.index) == (key in plan)
        if found is None:
            assert "fallback" == plan.index.get(key, "fallback")
            with pytest.raises(UnknownIdError, match=r"^no objective or key result with id "):
                plan.index[key]
        else:
            assert found == plan.index[key] == plan.index.get(key, "fallback")
        assert held == plan.index
        assert f"<PlanIndex of {len(held)} ids>" == repr(plan.index)

    def test_an_index_error_shows_a_long_id_shortened(self) -> None:
        """Asked for a megabyte id, the error does not repeat it."""
        with pytest.raises(UnknownIdError) as error:
            Plan().index["x" * 1_000_000]
        assert len(str(error.value)) < 200

    def test_index_is_left_alone_by_the_garbage_collector(self) -> None:
        """The index's positions are plain pairs of numbers, which the collector stops tracking
        (a tuple subclass it tracks for ever: at 100,000 objectives that doubled Plan's time)."""
        plan = Plan(objectives=[Objective(id="retain", title="Retain", key_results=[churn()])])
        gc.collect()
        assert not any(map(gc.is_tracked, plan.index.values()))

    def test_index_survives_pickling(self) -> None:
        """A pickled plan comes back with its index, made again rather than stored."""
        plan = Plan(objectives=[Objective(id="retain", title="Retain", key_results=[churn()])])
        copy = pickle.loads(pickle.dumps(plan))
        assert plan == copy
        assert dict(plan.index) == dict(copy.index)
        # What an older okrkit pickled: its index too, in another shape.
        old = Plan.__new__(Plan)
        old.__setstate__(
            {"objectives": plan.objectives, "kpis": (), "history": (), "_index": {"churn": (0, 0)}}
        )
        assert (0, 0) == old.index["churn"]
        assert "retain" == old.objective("retain").id

    def test_claims_first_come_first_served(self) -> None:
        """Claims keep each id's first place and every place of an id claimed twice."""
        claims: Claims[str] = Claims()
        assert [None, None, "p1", "p1", None] == [
            claims.claim(id, place)
            for id, place in [("a", "p1"), ("b", "p2"), ("a", "p3"), ("a", "p4"), ("c", "p5")]
        ]
        assert {"a": "p1", "b": "p2", "c": "p5"} == claims.first
        assert {"a": ["p1", "p3", "p4"]} == claims.repeated

    def test_check_in_and_replace(self) -> None:
        """`check_in` and `replace` give a new plan and leave the old one unchanged."""
        plan = Plan(objectives=[Objective(id="retain", title="Retain", key_results=[churn()])])
        new = plan.check_in("churn", 4.2, at=date(2026, 8, 3), confidence=0.5)
        assert 4.2 == new.key_result("churn").current
        assert 5.0 == plan.key_result("churn").current
        with pytest.raises(UnknownIdError):
            plan.replace(Objective(id="nope", title="x"))

    def test_cycles(self) -> None:
        """`cycles` lists each cycle once, in time order."""
        q2 = Cycle.parse("2026-Q2")
        plan = Plan(
            objectives=[
                Objective(title="a", cycle=Q3),
                Objective(title="b", cycle=q2),
                Objective(title="c", cycle=Q3),
                Objective(title="d"),
            ]
        )
        assert (q2, Q3) == plan.cycles

    def test_history(self) -> None:
        """A plan keeps past scores per owner, cycle and commitment."""
        past = PastScore(owner="growth", cycle=Cycle.parse("2026-Q2"), score=0.95)
        assert (past,) == Plan(history=[past]).history

    def test_unhashable_id_not_in_plan(self) -> None:
        """Asking whether an unhashable id is in a plan answers no."""
        assert ["x"] not in Plan()


def test_errors_subclass_builtins() -> None:
    """Each okrkit error is also the built-in a caller would catch."""
    assert issubclass(okrkit.InvalidValueError, ValueError)
    assert issubclass(okrkit.InvalidTypeError, TypeError)
    assert issubclass(okrkit.UnknownIdError, KeyError)
    assert issubclass(okrkit.FormatError, ValueError)
    assert issubclass(okrkit.AlignmentError, ValueError)
    assert issubclass(okrkit.CycleError, ValueError)
    assert issubclass(okrkit.OKRWarning, UserWarning)


def test_errors_pickle() -> None:
    """Errors survive pickling (process pools send them between processes)."""
    for err in (
        InvalidValueError("target", 6.0, "a number below 5.0"),
        UnknownIdError("churn", "a key result"),
        okrkit.FormatError(["$.a: bad", "$.b: bad"]),
        okrkit.AlignmentError("a -> a: loop"),
    ):
        copy = pickle.loads(pickle.dumps(err))
        assert (type(err), str(err)) == (type(copy), str(copy))


def test_error_under_prefix() -> None:
    """An error's path can be placed under the path of the document that held the value."""
    err = InvalidValueError("target", 6.0, "a number below 5.0").under(
        "objectives[2].key_results[1]"
    )
    assert "objectives[2].key_results[1].target: expected a number below 5.0, got 6.0" == str(err)
    assert "objectives[0][1]" == InvalidValueError("[1]", 1, "x").under("objectives[0]").path
    assert "x" == InvalidValueError("x", 1, "y").under("").path
    assert "got 1" == str(InvalidValueError("", 1, "y")).split(", ")[1]


class TestBadInput:
    """Bad input is refused as an okrkit error that names the field, never a built-in error."""

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (lambda: Kpi(title="k", direction="at_least", threshold=None), InvalidTypeError,
             "threshold: expected a number"),
            (lambda: KeyResult(title=None), InvalidTypeError, "title: expected a string"),
            (lambda: KeyResult(title="a \ud800"), InvalidValueError, "without lone surrogates"),
            (lambda: Objective(title=3), InvalidTypeError, "title: expected a string"),
            (lambda: Objective(title="o", cycle="2026-Q3"), InvalidTypeError,
             "cycle: expected a Cycle"),
            (lambda: PastScore(owner="a", cycle="2026-Q2", score=0.5), InvalidTypeError,
             "cycle: expected a Cycle"),
            (lambda: Plan().replace("x"), InvalidTypeError, "objective: expected an Objective"),
            (lambda: Plan().objective(["x"]), UnknownIdError, "no objective with id ['x']"),
            (lambda: Plan().key_result({}), UnknownIdError, "no key result"),
            (lambda: churn(weight=type("Big", (int,), {})(10**400)), InvalidValueError,
             "weight: expected a number within"),
        ],
    )  # fmt: skip
    def test_bad_input_is_okrkit_error(self, build: object, error: type, message: str) -> None:
        """Each of these once escaped as a bare built-in error; each is now an OKRError subclass."""
        with pytest.raises(error) as info:
            build()  # type: ignore[operator]
        assert isinstance(info.value, OKRError)
        assert message in str(info.value)


class _DayAhead(tzinfo):
    """A tzinfo a day and an hour ahead of UTC, which Python refuses to use."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=25)


class TestValuesAsScored:
    """Numbers are checked as scoring reads them (floats); text as files can hold it."""

    @given(st.decimals(allow_nan=False, allow_infinity=False))
    def test_weight_above_zero_as_a_float(self, weight: Decimal) -> None:
        """A weight is taken exactly when it is above 0 and finite as a float."""
        scored = float(weight)
        if 0 < scored < math.inf:
            assert weight == KeyResult(title="k", weight=weight).weight
        else:
            with pytest.raises(InvalidValueError, match="weight: expected a number"):
                KeyResult(title="k", weight=weight)

    @given(st.decimals(allow_nan=False, allow_infinity=False))
    def test_start_finite_as_a_float(self, start: Decimal) -> None:
        """A start is taken exactly when it is finite as a float."""
        if math.isfinite(float(start)):
            assert start == KeyResult(title="k", start=start).start
        else:
            with pytest.raises(InvalidValueError, match="within"):
                KeyResult(title="k", start=start)

    def test_subclasses_of_numbers(self) -> None:
        """A subclass of float, Decimal or int is taken when finite as a float, else refused."""

        class Big(int):
            pass

        class Precise(Decimal):
            pass

        assert 1.5 == KeyResult(title="k", start=type("Ratio", (float,), {})(1.5)).start
        assert 2 == KeyResult(title="k", start=Big(2)).start
        with pytest.raises(InvalidValueError, match="start: expected a number within"):
            KeyResult(title="k", start=Big(10**400))
        with pytest.raises(InvalidValueError, match="start: expected a number within"):
            KeyResult(title="k", start=Precise("1e999"))
        with pytest.raises(InvalidValueError, match="start: expected a finite number"):
            KeyResult(title="k", start=Precise("sNaN"))

    def test_tiny_decimal_weight(self) -> None:
        """Decimal('1E-400') is above 0, but is 0.0 as scored: refused, saying so."""
        with pytest.raises(InvalidValueError) as error:
            Objective(title="Grow", weight=Decimal("1E-400"))
        assert (
            "weight: expected a number above 0 as a float, as scores are computed (it is 0.0),"
            " got Decimal('1E-400')"
        ) == str(error.value)

    def test_surrogate_title_without_id(self) -> None:
        """A lone surrogate in a title with no id is refused, naming the title."""
        with pytest.raises(InvalidValueError) as error:
            KeyResult(title="\ud800")
        assert "title: expected text without lone surrogates" in str(error.value)
        with pytest.raises(InvalidValueError, match="title: expected text without lone"):
            Kpi(title="\udfff", direction="at_least", threshold=1)

    def test_surrogate_id(self) -> None:
        """An id with a lone surrogate is refused: no file could hold it."""
        with pytest.raises(InvalidValueError, match="id: expected text without lone"):
            KeyResult(id="a\ud800", title="k")

    def test_offset_of_a_day(self) -> None:
        """A datetime whose tzinfo gives 24 hours or more is an okrkit error, not a ValueError."""
        with pytest.raises(InvalidValueError, match="at: expected a datetime with an offset under"):
            CheckIn(at=datetime(2026, 7, 1, tzinfo=_DayAhead()), value=1)


def _old_unique_ids(objectives: list[Objective]) -> list[list[str]]:
    """The ids `Plan` gave before it was linear, kept as an oracle: each probe from -2 up."""
    counts = Counter(o.id for o in objectives)
    counts.update(kr.id for o in objectives for kr in o.key_results)
    taken = set(counts)
    seen: set[str] = set()

    def unique(id: str, title: str) -> str:
        if id not in seen or counts[id] == 1 or id != slugify(title):
            seen.add(id)
            return id
        n = 2
        while f"{id}-{n}" in taken:
            n += 1
        new = f"{id}-{n}"
        taken.add(new)
        seen.add(new)
        return new

    return [
        [unique(o.id, o.title)] + [unique(k.id, k.title) for k in o.key_results] for o in objectives
    ]


_COLLIDING = st.sampled_from(["Grow", "grow 2", "Grow-3", "grow 2 2", "Ship", "ship-2"])


class TestUniqueIds:
    @given(
        st.lists(_COLLIDING, min_size=1, max_size=4),
        st.lists(st.tuples(_COLLIDING, st.booleans()), max_size=4),
    )
    def test_kpis_share_the_namespace(
        self, objective_titles: list[str], kpi_titles: list[tuple[str, bool]]
    ) -> None:
        """A KPI's derived id that an objective, a key result or an earlier KPI holds gets a
        suffix, so a plan whose ids are all derived can always be written (every format
        holds each id once); a KPI id given on purpose stays, for `dumps` to refuse.  As for
        objectives and key results, the first holder of an id keeps it, so a later KPI that
        gives it on purpose is the duplicate (OKR106's to report)."""
        plan = Plan(
            objectives=[Objective(title=t) for t in objective_titles],
            kpis=[
                Kpi(title=t, direction="at_least", threshold=1, **({"id": "grow"} if g else {}))
                for t, g in kpi_titles
            ],
        )
        before = {o.id for o in plan.objectives}
        for kpi, (_, on_purpose) in zip(plan.kpis, kpi_titles, strict=True):
            if not on_purpose:
                assert kpi.id not in before  # a derived id is never one held before it
            before.add(kpi.id)
        if not any(given for _, given in kpi_titles):
            from okrkit import formats

            assert formats.loads(formats.dumps(plan, "json"), "json") == plan

    def test_kpi_titled_as_an_objective(self) -> None:
        """The worked example the Markdown fuzzing found: objective "grow", KPI "grow-2"."""
        plan = Plan(
            objectives=[Objective(title="Grow")],
            kpis=[Kpi(title="Grow", direction="at_least", threshold=3)],
        )
        assert ([o.id for o in plan.objectives], [k.id for k in plan.kpis]) == (
            ["grow"],
            ["grow-2"],
        )
        # The suffix takes no id a later KPI holds.
        later = Kpi(id="grow-2", title="Growth rate", direction="at_least", threshold=1)
        plan = Plan(objectives=plan.objectives, kpis=[Kpi(title="Grow", direction="at_least",
                                                          threshold=3), later])  # fmt: skip
        assert [k.id for k in plan.kpis] == ["grow-3", "grow-2"]

    @given(
        st.lists(
            st.tuples(
                _COLLIDING,
                st.booleans(),
                st.lists(st.tuples(_COLLIDING, st.booleans()), max_size=3),
            ),
            max_size=12,
        )
    )
    def test_same_ids_as_before(
        self, shape: list[tuple[str, bool, list[tuple[str, bool]]]]
    ) -> None:
        """Derived ids are made unique exactly as the old one-by-one probing made them."""
        objectives = [
            Objective(
                title=title,
                id=slugify(title) if not given else "given",
                key_results=[
                    KeyResult(title=t, **({"id": "kr-given"} if g else {})) for t, g in krs
                ],
            )
            for title, given, krs in shape
        ]
        plan = Plan(objectives=objectives)
        assert _old_unique_ids(objectives) == [
            [o.id] + [k.id for k in o.key_results] for o in plan.objectives
        ]

    def test_many_equal_titles(self) -> None:
        """20,000 objectives of one title get grow, grow-2, ... grow-20000 (in linear time)."""
        plan = Plan(objectives=[Objective(title="Grow")] * 20_000)
        assert ["grow"] + [f"grow-{n}" for n in range(2, 20_001)] == [o.id for o in plan.objectives]


class TestSafeRepr:
    """okrkit.errors.safe_repr: what every message shows of a value."""

    @given(st.integers(61, 2000), st.sampled_from([1, -1]))
    def test_huge_integers_by_their_length(self, k: int, sign: int) -> None:
        """An integer of more than 60 digits shows its exact number of digits."""
        assert f"an integer of {k + 1:,} digits" == safe_repr(sign * 10**k)
        assert f"an integer of {k:,} digits" == safe_repr(sign * (10**k - 1))

    @given(st.from_type(object) | st.text() | st.integers())
    def test_never_raises_and_is_short(self, value: object) -> None:
        """Any value is shown in a few hundred characters at most."""
        assert len(safe_repr(value)) < 400

    def test_beyond_repr(self) -> None:
        """An integer Python refuses to write, and a value whose repr fails, are still shown."""
        assert "an integer of 100,001 digits" == safe_repr([10**100_000])[1:-1]
        assert "an integer of 513 digits" == safe_repr(10**512)  # log10 says 511.99...

        def fail(self: object) -> Iterator[int]:
            raise RuntimeError

        # reprlib picks its method by the type's name: this one is read as a list.
        broken = type("list", (list,), {"__iter__": fail})([1])
        assert "<list that cannot be shown>" == safe_repr(broken)

    def test_long_text_keeps_head_and_tail(self) -> None:
        """A long string keeps its beginning and its end."""
        shown = safe_repr("start" + "x" * 10_000 + "end")
        assert shown.startswith("'startxx")
        assert shown.endswith("xxend'")
