"""okrkit: Objectives and Key Results done right.

The types (`Cycle`, `KeyResult`, `Objective`, `Plan`, ...) are frozen values; change
one with `attrs.evolve` or a named method that returns a new value.

>>> import okrkit
>>> from datetime import date
>>> kr = okrkit.KeyResult(id="churn", title="Reduce churn from 5% to 4%",
...                       direction=okrkit.Direction.DECREASE, start=5.0, target=4.0, unit="%")
>>> kr.check_in(4.6, at=date(2026, 8, 1)).current
4.6
"""

import importlib as _importlib
from importlib.metadata import version as _version

from okrkit import _next, _repr, changes
from okrkit.changes import PlanDiff, diff
from okrkit.cycles import REVIEW_LEAD, Cycle, CycleKind, FiscalYearNaming, ScheduleFrequency
from okrkit.errors import (
    AlignmentError,
    CycleError,
    DirectoryError,
    FileError,
    FilePermissionError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    MissingFileError,
    OKRError,
    OKRWarning,
    RuleError,
    ScoringError,
    UnknownIdError,
)
from okrkit.formats import dump, dumps, from_dict, json_schema, load, loads, to_dict
from okrkit.frame import to_frame
from okrkit.model import (
    Band,
    CheckIn,
    Commitment,
    Direction,
    Indicator,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Level,
    Number,
    Objective,
    PastScore,
    Plan,
    PlanIndex,
    Position,
    Target,
    When,
)
from okrkit.retrospectives import Retrospective, retrospective
from okrkit.rules import (
    REGISTRY,
    Diagnostic,
    Report,
    RuleConfig,
    RuleRegistry,
    Severity,
    validate,
)
from okrkit.scorecards import Scorecard, scorecard
from okrkit.scoring import (
    STALE_AFTER,
    Bands,
    Forecast,
    Grade,
    Policy,
    Status,
    confidence,
    forecast,
    grade,
    policy_named,
    progress,
    required_value,
    score,
    status,
    stepped,
)
from okrkit.tree import AlignmentTree

__version__ = _version("okrkit")


def _html(value: object) -> str:
    """A value's notebook view, drawn by `okrkit.report`.

    This package is the composition root: it stands above every layer, so it alone may hand
    the lower layers' values to the views (`okrkit._repr`).  The views are imported on the
    first display, not here, so that ``import okrkit`` stays light.
    """
    from okrkit import report

    if isinstance(value, KeyResult):
        return report.key_result_html(value)
    if isinstance(value, Objective):
        return report.objective_html(value)
    if isinstance(value, Plan):
        return report.plan_html(value)
    if isinstance(value, AlignmentTree):
        return report.tree_html(value)
    if isinstance(value, Scorecard):
        return report.scorecard_html(value)
    assert isinstance(value, Report), value  # the last type with a _repr_html_
    return report.diagnostics_html(value)


_repr.install(_html)
_next.install(changes.roll_over)

# Submodules loaded on first use, so that `import okrkit` stays light (regex tables, parsers).
_LAZY = frozenset({"text", "report", "plot", "cli"})


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return _importlib.import_module(f"okrkit.{name}")
    raise AttributeError(f"module 'okrkit' has no attribute {name!r}")


__all__ = [
    "REGISTRY",
    "REVIEW_LEAD",
    "STALE_AFTER",
    "AlignmentError",
    "AlignmentTree",
    "Band",
    "Bands",
    "CheckIn",
    "Commitment",
    "Cycle",
    "CycleError",
    "CycleKind",
    "Diagnostic",
    "Direction",
    "DirectoryError",
    "FileError",
    "FilePermissionError",
    "FiscalYearNaming",
    "Forecast",
    "FormatError",
    "Grade",
    "Indicator",
    "Initiative",
    "InitiativeStatus",
    "InvalidTypeError",
    "InvalidValueError",
    "KeyResult",
    "Kpi",
    "Level",
    "MissingFileError",
    "Number",
    "OKRError",
    "OKRWarning",
    "Objective",
    "PastScore",
    "Plan",
    "PlanDiff",
    "PlanIndex",
    "Policy",
    "Position",
    "Report",
    "Retrospective",
    "RuleConfig",
    "RuleError",
    "RuleRegistry",
    "ScheduleFrequency",
    "Scorecard",
    "ScoringError",
    "Severity",
    "Status",
    "Target",
    "UnknownIdError",
    "When",
    "__version__",
    "confidence",
    "diff",
    "dump",
    "dumps",
    "forecast",
    "from_dict",
    "grade",
    "json_schema",
    "load",
    "loads",
    "policy_named",
    "progress",
    "required_value",
    "retrospective",
    "score",
    "scorecard",
    "status",
    "stepped",
    "to_dict",
    "to_frame",
    "validate",
]
