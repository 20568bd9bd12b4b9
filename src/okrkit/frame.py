"""A plan as a pandas DataFrame (the ``pandas`` extra): one row per key result.

``import okrkit`` does not import pandas; `to_frame` does, when called.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from typing import Any

from okrkit.model import Plan
from okrkit.scorecards import KeyResultRow, ObjectiveRow, color, scorecard
from okrkit.scoring import Grade, Policy, PolicyName
from okrkit.tree import AlignmentTree, RollUp

__all__ = ["to_frame"]

# The columns and their pandas dtypes: real numbers as float64 (NaN where there is none), dates
# as datetime64, flags as bool, depths as int64, words as object (None where there is none).
_COLUMNS: dict[str, str] = {
    "objective_id": "object",
    "objective_title": "object",
    "objective_owner": "object",
    "objective_level": "object",
    "objective_cycle": "object",
    "objective_cycle_start": "datetime64[ns]",
    "objective_cycle_end": "datetime64[ns]",
    "objective_commitment": "object",
    "objective_aligned_to": "object",
    "objective_parent": "object",
    "objective_depth": "int64",
    "objective_weight": "float64",
    "objective_score": "float64",
    "objective_projected_score": "float64",
    "objective_grade": "object",
    "objective_projected_grade": "object",
    "objective_color": "object",
    "objective_status": "object",
    "kr_id": "object",
    "title": "object",
    "owner": "object",
    "direction": "object",
    "unit": "object",
    "weight": "float64",
    "start": "float64",
    "target": "float64",
    "target_low": "float64",
    "target_high": "float64",
    "value": "float64",
    "checked_in": "datetime64[ns]",
    "confidence": "float64",
    "progress": "float64",
    "score": "float64",
    "grade": "object",
    "projected_grade": "object",
    "color": "object",
    "status": "object",
    "done": "bool",
    "forecast": "float64",
    "forecast_score": "float64",
}


def _label(grade: Grade | None) -> str | None:
    return None if grade is None else grade.label


def _nan(value: float | None) -> float:
    return float("nan") if value is None else value


def _objective(o: ObjectiveRow) -> dict[str, Any]:
    cycle = o.cycle
    return {
        "objective_id": o.id,
        "objective_title": o.title,
        "objective_owner": o.owner,
        "objective_level": o.level,
        "objective_cycle": None if cycle is None else str(cycle),
        "objective_cycle_start": None if cycle is None else cycle.start,
        "objective_cycle_end": None if cycle is None else cycle.end,
        "objective_commitment": o.commitment.value,
        "objective_aligned_to": o.aligned_to,
        "objective_parent": o.parent,
        "objective_depth": o.depth,
        "objective_weight": o.weight,
        "objective_score": _nan(o.score),
        "objective_projected_score": _nan(o.projected_score),
        "objective_grade": _label(o.grade),
        "objective_projected_grade": _label(o.projected_grade),
        "objective_color": color(o),
        "objective_status": None if o.status is None else o.status.value,
    }


def _key_result(kr: KeyResultRow) -> dict[str, Any]:
    target = kr.target
    band = isinstance(target, tuple)
    f = kr.forecast
    return {
        "kr_id": kr.id,
        "title": kr.title,
        "owner": kr.owner,
        "direction": None if kr.direction is None else kr.direction.value,
        "unit": kr.unit,
        "weight": kr.weight,
        "start": _nan(kr.start),
        "target": float("nan") if band or target is None else target,
        "target_low": target[0] if isinstance(target, tuple) else float("nan"),
        "target_high": target[1] if isinstance(target, tuple) else float("nan"),
        "value": _nan(kr.value),
        "checked_in": kr.checked_in,
        "confidence": _nan(kr.confidence),
        "progress": _nan(kr.progress),
        "score": _nan(kr.score),
        "grade": _label(kr.grade),
        "projected_grade": _label(kr.projected_grade),
        "color": color(kr),
        "status": None if kr.status is None else kr.status.value,
        "done": kr.done,
        "forecast": _nan(None if f is None else f.value),
        "forecast_score": _nan(None if f is None else f.score),
    }


def _moments(pd: Any, values: list[date | datetime | None], utc: bool) -> Any:
    """Dates and datetimes as a datetime64 column: in UTC when *utc*, else naive."""
    return pd.to_datetime(pd.Series(values, dtype="object"), utc=utc)


def to_frame(
    plan: Plan | AlignmentTree,
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
) -> Any:
    """A `pandas.DataFrame`: one row per key result with its objective's columns, as of *at*.

    The rows are those of `okrkit.scorecards.scorecard` of *plan* (a `Plan`, or an
    `AlignmentTree` whose policy and roll-up are then the defaults; the options are the
    scorecard's own), depth first down the alignment tree.  Objective columns are prefixed
    ``objective_`` (``objective_id``, ``objective_score``, ``objective_status``...); key
    result columns are ``kr_id``, ``title``, ``weight``, ``value``, ``progress``, ``score``,
    ``grade``, ``projected_grade``, ``color``, ``status``, ``forecast``...

    The columns have real dtypes: numbers are float64 (NaN where there is none), dates
    (``checked_in``, ``objective_cycle_start``...) datetime64, all naive or, once a check-in
    has a time of day with its zone, all in UTC, so that they compare; ``done`` bool.  A
    band target is ``target_low`` and ``target_high`` (``target`` is NaN); a plain target
    is ``target``.

    An objective's score is the weighted mean of its key results' scores (under the default
    policy and roll-up): group by ``objective_id`` and weigh ``score`` by ``weight`` to get
    ``objective_score`` back.

    >>> import okrkit
    >>> to_frame(okrkit.Plan(), at=date(2026, 8, 1)).shape[0]
    0
    """
    pd = importlib.import_module(
        "pandas"
    )  # typed Any: pandas may be missing where types are checked
    card = scorecard(plan, at=at, policy=policy, roll_up=roll_up)
    rows = [{**_objective(o), **_key_result(k)} for o, k in card.key_results()]
    # Every date column in one convention, so that they compare: naive while every check-in
    # is a plain date, all in UTC once one has a time of day (with its zone).
    utc = any(isinstance(row["checked_in"], datetime) for row in rows)
    columns: dict[str, Any] = {}
    for name, dtype in _COLUMNS.items():
        values = [row[name] for row in rows]
        if dtype.startswith("datetime64"):
            columns[name] = _moments(pd, values, utc)
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns, columns=list(_COLUMNS))
