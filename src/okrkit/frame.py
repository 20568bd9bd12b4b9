"""A plan as a pandas DataFrame (the ``pandas`` extra): one row per key result.

``import okrkit`` does not import pandas; `to_frame` does, when called.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from okrkit.model import Plan
from okrkit.scoring import LINEAR, Policy, PolicyName
from okrkit.tree import RollUp

__all__ = ["to_frame"]

_OBJECTIVE = ("id", "title", "owner", "level", "cycle", "commitment", "aligned_to", "depth")


def to_frame(
    plan: Plan,
    *,
    at: date | None = None,
    policy: Policy | PolicyName = LINEAR,
    roll_up: RollUp = "key_results",
) -> Any:
    """A `pandas.DataFrame`: one row per key result with its objective's columns, as of *at*.

    Objective columns are prefixed ``objective_`` (``objective_id``, ``objective_score``,
    ``objective_status``...); key result columns are ``kr_id``, ``title``, ``value``,
    ``progress``, ``score``, ``grade``, ``color``, ``status``, ``forecast``... The rows come
    depth first down the alignment tree; the options are those of `okrkit.report.report_data`.

    >>> import okrkit
    >>> to_frame(okrkit.Plan(), at=date(2026, 8, 1)).shape[0]
    0
    """
    pd = importlib.import_module(
        "pandas"
    )  # typed Any: pandas may be missing where types are checked
    from okrkit.report import report_data

    data = report_data(plan, at=at, policy=policy, roll_up=roll_up)
    rows: list[dict[str, Any]] = []
    for obj in data["objectives"]:
        head = {f"objective_{name}": obj[name] for name in _OBJECTIVE}
        head["objective_score"] = obj["score"]
        head["objective_status"] = obj["status"]
        for kr in obj["key_results"]:
            g, predicted = kr["grade"], kr["forecast"]
            rows.append(
                {
                    **head,
                    "kr_id": kr["id"],
                    "title": kr["title"],
                    "owner": kr["owner"],
                    "direction": kr["direction"],
                    "unit": kr["unit"],
                    "start": kr["start"],
                    "target": kr["target"],
                    "value": kr["value"],
                    "checked_in": kr["checked_in"],
                    "confidence": kr["confidence"],
                    "progress": kr["progress"],
                    "score": kr["score"],
                    "grade": None if g is None else g["label"],
                    "color": None if g is None else g["color"],
                    "status": kr["status"],
                    "forecast": None if predicted is None else predicted["value"],
                    "forecast_score": None if predicted is None else predicted["score"],
                }
            )
    columns = [f"objective_{name}" for name in _OBJECTIVE]
    columns += ["objective_score", "objective_status", "kr_id", "title", "owner", "direction"]
    columns += ["unit", "start", "target", "value", "checked_in", "confidence", "progress"]
    columns += ["score", "grade", "color", "status", "forecast", "forecast_score"]
    return pd.DataFrame(rows, columns=columns)
