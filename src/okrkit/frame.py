"""A plan as a pandas DataFrame (the ``pandas`` extra): one row per key result.

``import okrkit`` does not import pandas; `to_frame` does, when called.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from okrkit.model import Plan
from okrkit.scorecards import scorecard
from okrkit.scoring import Policy, PolicyName
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


def _label(grade: dict[str, str] | None) -> str | None:
    return None if grade is None else grade["label"]


def _row(o: dict[str, Any], k: dict[str, Any]) -> dict[str, Any]:
    """One key result's row of the frame, from the JSON report's data of it and its objective."""
    row = {f"objective_{name}": o[name] for name in _FROM_OBJECTIVE}
    row["objective_grade"] = _label(o["grade"])
    row["objective_projected_grade"] = _label(o["projected_grade"])
    row["kr_id"] = k["id"]
    row.update({name: k[name] for name in _FROM_KEY_RESULT})
    target, f = k["target"], k["forecast"]
    band = isinstance(target, list)
    row["target"] = None if band else target
    row["target_low"], row["target_high"] = target if band else (None, None)
    row["grade"] = _label(k["grade"])
    row["projected_grade"] = _label(k["projected_grade"])
    row["forecast"] = None if f is None else f["value"]
    row["forecast_score"] = None if f is None else f["score"]
    return row


# The columns taken as they are from the JSON report (`Scorecard.to_dict`).
_FROM_OBJECTIVE = (
    "id", "title", "owner", "level", "cycle", "cycle_start", "cycle_end", "commitment",
    "aligned_to", "parent", "depth", "weight", "score", "projected_score", "color", "status",
)  # fmt: skip
_FROM_KEY_RESULT = (
    "title", "owner", "direction", "unit", "weight", "start", "value", "checked_in",
    "confidence", "progress", "score", "color", "status", "done",
)  # fmt: skip


def _moments(pd: Any, values: list[str | None], utc: bool) -> Any:
    """ISO dates and datetimes as a datetime64 column: in UTC when *utc*, else naive."""
    return pd.to_datetime(pd.Series(values, dtype="object"), utc=utc, format="ISO8601")


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
    data = scorecard(plan, at=at, policy=policy, roll_up=roll_up).to_dict()
    rows = [_row(o, k) for o in data["objectives"] for k in o["key_results"]]
    # Every date column in one convention, so that they compare: naive while every check-in
    # is a plain date, all in UTC once one has a time of day (with its zone).
    utc = any(row["checked_in"] is not None and "T" in row["checked_in"] for row in rows)
    columns: dict[str, Any] = {}
    for name, dtype in _COLUMNS.items():
        values = [row[name] for row in rows]
        if dtype.startswith("datetime64"):
            columns[name] = _moments(pd, values, utc)
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns, columns=list(_COLUMNS))
