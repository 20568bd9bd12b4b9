"""Bad input across the public API raises an okrkit error that is also the matching built-in.

Each public call below is made with valid arguments but one, which is anything at all: a
number, a string, a date, a list, one of okrkit's values, an object of no known kind.  The
law: the call returns, or raises an `okrkit.OKRError` and nothing else, and that error is

- a `TypeError` when the value's type is not one the parameter's annotation admits (a bool is
  no number, an int, float or Decimal is one; a datetime is no date), and a `ValueError`
  when it is;
- a `KeyError` for an id that names nothing, whatever it is, as a dict's lookup is;
- a `TypeError` too for None where the call needs a value (Python's missing argument);
- for a naive datetime, either: it is of the type but not the kind of value.  Cycles call
  it a type error (tests/test_cycles.py), the values a value error (tests/test_model.py);
- a `TypeError` or a `ValueError` for an annotation that names no type (``object``: the
  value is converted, so a wrong type and a wrong value may look alike).
"""

from __future__ import annotations

import collections.abc
import types
import typing
import warnings
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal, Union

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import okrkit
from okrkit import (
    AlignmentTree,
    Commitment,
    Cycle,
    Direction,
    KeyResult,
    Objective,
    Plan,
    report,
    scoring,
    text,
)
from okrkit.testing import key_results, plans

AUG_1 = date(2026, 8, 1)
Q3 = Cycle.parse("2026-Q3")
KR = KeyResult(
    id="nps", title="Raise NPS from 30 to 50", direction="increase", start=30, target=50
).check_in(40, at=AUG_1, confidence=0.6)
OBJ = Objective(id="delight", title="Delight customers", cycle=Q3, key_results=[KR])
PLAN = Plan(objectives=[OBJ])
TREE = AlignmentTree.from_plan(PLAN)
DOCUMENT = okrkit.dumps(PLAN, "json")

# Each public call, with valid arguments for every parameter the test replaces.
CALLS: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "Cycle": (
        Cycle,
        {"kind": "quarter", "start": date(2026, 7, 1), "end": date(2026, 9, 30)},
    ),
    "CheckIn": (
        okrkit.CheckIn,
        {"at": AUG_1, "value": 4.6, "confidence": 0.5, "note": "n", "author": "ana"},
    ),
    "KeyResult": (
        KeyResult,
        {
            "title": "Reduce churn from 5% to 4%",
            "id": "churn",
            "direction": "decrease",
            "start": 5,
            "target": 4,
            "unit": "%",
            "weight": 2,
            "owner": "growth",
            "due": date(2026, 9, 1),
            "check_ins": [okrkit.CheckIn(at=AUG_1, value=4.8)],
            "ignore": ["OKR203"],
        },
    ),
    "Objective": (
        Objective,
        {
            "title": "Win back customers",
            "id": "win",
            "description": "d",
            "owner": "growth",
            "cycle": Q3,
            "commitment": "committed",
            "level": "team",
            "aligned_to": "company",
            "weight": 1,
            "key_results": [KR],
            "ignore": [],
        },
    ),
    "Kpi": (
        okrkit.Kpi,
        {"title": "Uptime", "id": "up", "direction": "at_least", "threshold": 99.9, "unit": "%"},
    ),
    "Plan": (Plan, {"objectives": [OBJ], "kpis": [], "history": []}),
    "progress": (okrkit.progress, {"kr": KR, "at": AUG_1}),
    "score": (okrkit.score, {"x": OBJ, "policy": "linear", "at": AUG_1}),
    "grade": (okrkit.grade, {"score": 0.7, "commitment": "committed", "bands": None}),
    "status": (
        okrkit.status,
        {"x": KR, "at": AUG_1, "cycle": Q3, "at_risk": 0.2, "off_track": 0.4, "stale_after": None},
    ),
    "forecast": (okrkit.forecast, {"kr": KR, "cycle": Q3, "at": AUG_1, "policy": "google"}),
    "required_value": (okrkit.required_value, {"kr": KR, "score": 0.7, "policy": "linear"}),
    "confidence": (okrkit.confidence, {"x": OBJ, "at": AUG_1}),
    "policy_named": (okrkit.policy_named, {"policy": "stepped"}),
    "Cycle.parse": (
        Cycle.parse,
        {"label": "FY2027-Q2", "fiscal_year_start": 2, "fiscal_year_named_by": "start"},
    ),
    "Cycle.containing": (
        Cycle.containing,
        {
            "day": AUG_1,
            "kind": "fiscal_half",
            "fiscal_year_start": 4,
            "fiscal_year_named_by": "end",
        },
    ),
    "KeyResult.check_in": (
        KR.check_in,
        {"value": 45, "at": AUG_1, "confidence": 0.5, "note": "survey", "author": "ana"},
    ),
    "Plan.key_result": (PLAN.key_result, {"id": "nps"}),
    "Plan.objective": (PLAN.objective, {"id": "delight"}),
    "AlignmentTree.from_plan": (
        AlignmentTree.from_plan,
        {"plan": PLAN, "roll_up": "both", "policy": "binary"},
    ),
    "AlignmentTree.score": (TREE.score, {"id": "delight"}),
    "AlignmentTree.with_check_in": (
        TREE.with_check_in,
        {"kr_id": "nps", "value": 45, "at": AUG_1, "confidence": 1, "note": None, "author": None},
    ),
    "validate": (okrkit.validate, {"plan": PLAN, "today": AUG_1}),
    "loads": (
        okrkit.loads,
        {
            "text": DOCUMENT,
            "format": "json",
            "unknown": "warn",
            "dates": "lenient",
            "max_depth": 64,
            "max_size": 10**6,
        },
    ),
    "dumps": (okrkit.dumps, {"plan": PLAN, "format": "toml"}),
    "from_dict": (
        okrkit.from_dict,
        {"data": okrkit.to_dict(PLAN), "unknown": "ignore", "dates": "strict", "max_depth": 64},
    ),
    "to_dict": (okrkit.to_dict, {"plan": PLAN}),
    "report_data": (
        report.report_data,
        {"plan": PLAN, "at": AUG_1, "policy": "linear", "roll_up": "children", "title": "Q3"},
    ),
    "render": (report.render, {"plan": PLAN, "format": "html", "at": AUG_1, "title": "Q3"}),
    "parse_key_result": (text.parse_key_result, {"text": "Reduce churn from 5% to 4%"}),
    "parse_objective": (text.parse_objective, {"text": "Drive a 20% increase in sign-ups"}),
}

# Where okrkit checks an option of the wrong type as a value, an InvalidValueError, and a test
# elsewhere pins that: the readers' options (tests/test_formats.py, test_bad_options), and a
# fiscal-year naming, whose CycleError the readers report at the document's field.
CHECKED_AS_VALUES = {
    ("loads", "unknown"),
    ("loads", "dates"),
    ("loads", "max_depth"),
    ("loads", "max_size"),
    ("from_dict", "unknown"),
    ("from_dict", "dates"),
    ("from_dict", "max_depth"),
    ("Cycle.parse", "fiscal_year_named_by"),
    ("Cycle.containing", "fiscal_year_named_by"),
}

# The parameters that look an object up by its id.
LOOKUPS = {
    ("Plan.key_result", "id"),
    ("Plan.objective", "id"),
    ("AlignmentTree.score", "id"),
    ("AlignmentTree.with_check_in", "kr_id"),
}


def hints(call: Callable[..., object]) -> dict[str, Any]:
    """The annotations of *call*'s parameters, evaluated (of a class, its ``__init__``'s).

    A name a module imports only for the type checker is one of okrkit's public names.
    """
    function = call.__init__ if isinstance(call, type) else call  # type: ignore[misc]
    return typing.get_type_hints(function, localns=vars(okrkit))


class _Stranger:
    """An object of a kind no parameter of okrkit takes."""

    def __repr__(self) -> str:
        return "<stranger>"


# Anything at all, and enough of what okrkit takes that admitted values come up too: the
# names of its choices, its enums and its values.
CHOICES = sorted(
    {
        choice
        for function, _ in CALLS.values()
        for hint in hints(function).values()
        for part in (hint, *typing.get_args(hint))
        if typing.get_origin(part) is Literal
        for choice in typing.get_args(part)
    }
)
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(max_size=12),
    st.sampled_from(CHOICES),
    st.binary(max_size=12),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.timedeltas(),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.floats(), st.floats()),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.sampled_from([Commitment.COMMITTED, Direction.DECREASE, scoring.GOOGLE, Q3, 1j]),
    st.sampled_from([_Stranger(), str, print]),
    key_results(),
    plans(max_objectives=2),
)


def _number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def admits(hint: Any, value: object) -> bool:
    """Whether *value* is of a type that the annotation *hint* names."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return any(admits(arg, value) for arg in args)
    if origin is Literal:  # a name of the right type, perhaps not one of the choices
        return any(type(value) is type(arg) for arg in args)
    if origin is collections.abc.Callable:
        return callable(value)
    if origin is not None:  # a generic collection: its kind and each item's type
        if not isinstance(value, origin) or isinstance(value, str | bytes):
            return False
        if issubclass(origin, Mapping):
            key, item = args
            return all(admits(key, k) and admits(item, v) for k, v in value.items())
        return all(admits(args[0], item) for item in value)
    if hint is float:
        return _number(value)
    if hint is int:
        return _number(value) and isinstance(value, int)
    if hint is date:  # a date, a whole day: a datetime is no date where only a date is named
        return isinstance(value, date) and not isinstance(value, datetime)
    if hint is type(None):
        return value is None
    return isinstance(value, hint)


def matching(call: str, name: str, hint: Any, value: object) -> tuple[type[Exception], ...]:
    """The built-ins an okrkit error for *value* as *call*'s parameter *name* may be."""
    if (call, name) in LOOKUPS:
        return (KeyError,)
    if hint is object or hint is Any or (call, name) in CHECKED_AS_VALUES:
        return (TypeError, ValueError)
    if isinstance(value, datetime) and value.tzinfo is None:
        return (TypeError, ValueError)
    admitted = admits(hint, value)
    if admitted and value is None:  # where the call needs a value after all
        return (TypeError, ValueError)
    return (ValueError,) if admitted else (TypeError,)


@pytest.mark.parametrize("call", sorted(CALLS))
@given(data=st.data())
def test_bad_input_raises_the_matching_okrkit_error(call: str, data: st.DataObject) -> None:
    """Anything for one argument works, or raises an OKRError that is the matching built-in."""
    function, valid = CALLS[call]
    name = data.draw(st.sampled_from(sorted(valid)), label="parameter")
    value = data.draw(ANYTHING, label="value")
    expected = matching(call, name, hints(function)[name], value)
    error: okrkit.OKRError | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", okrkit.OKRWarning)
            function(**{**valid, name: value})
    except okrkit.OKRError as raised:
        error = raised
    event("returned" if error is None else type(error).__name__)
    assert error is None or isinstance(error, expected), (name, value, error)


@pytest.mark.parametrize("call", sorted(CALLS))
def test_the_valid_calls_work(call: str) -> None:
    """Each call works with its valid arguments, so the law above tests one bad one at a time."""
    function, valid = CALLS[call]
    assert set(valid) <= set(hints(function))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        function(**valid)


def test_validate_refuses_a_datetime_today() -> None:
    """validate(today=a datetime) is refused as an okrkit type error, as any non-date is."""
    with pytest.raises(okrkit.InvalidTypeError):
        okrkit.validate(PLAN, today=datetime(2026, 8, 1, tzinfo=UTC))


class TestReadingOfAnnotations:
    def test_admitted(self) -> None:
        """A number admits an int or a Decimal; a name of a choice admits any string."""
        assert admits(float, 3)
        assert admits(int | float | Decimal, Decimal("1.5"))
        assert admits(hints(okrkit.score)["policy"], "generous")
        assert admits(date | datetime | None, datetime(2026, 8, 1, tzinfo=UTC))
        assert admits(Mapping[str, int], {"a": 1})

    def test_foreign(self) -> None:
        """A bool or text is no number, a number no name nor timedelta, a datetime no date."""
        assert not admits(float, True)
        assert not admits(int | float | Decimal, "1")
        assert not admits(hints(okrkit.score)["policy"], 7)
        assert not admits(timedelta | None, 7)
        assert not admits(Mapping[str, int], {"a": "1"})
        assert not admits(date, datetime(2026, 8, 1, tzinfo=UTC))

    def test_matching(self) -> None:
        """Each kind of value is owed its built-in."""
        assert (ValueError,) == matching("grade", "score", float, 7.5)
        assert (TypeError,) == matching("grade", "score", float, "7.5")
        assert (KeyError,) == matching("Plan.objective", "id", str, 42)
        assert (TypeError, ValueError) == matching("forecast", "cycle", Cycle | None, None)
