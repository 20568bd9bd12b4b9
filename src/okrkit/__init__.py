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

from importlib.metadata import version as _version

from okrkit.cycles import Cycle, CycleKind, FiscalYearNaming
from okrkit.errors import (
    AlignmentError,
    CycleError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRError,
    OKRWarning,
    ScoringError,
    UnknownIdError,
)
from okrkit.model import (
    Band,
    CheckIn,
    Commitment,
    Direction,
    Indicator,
    KeyResult,
    Kpi,
    Level,
    Number,
    Objective,
    PastScore,
    Plan,
    Target,
    When,
)

__version__ = _version("okrkit")

__all__ = [
    "AlignmentError",
    "Band",
    "CheckIn",
    "Commitment",
    "Cycle",
    "CycleError",
    "CycleKind",
    "Direction",
    "FiscalYearNaming",
    "FormatError",
    "Indicator",
    "InvalidTypeError",
    "InvalidValueError",
    "KeyResult",
    "Kpi",
    "Level",
    "Number",
    "OKRError",
    "OKRWarning",
    "Objective",
    "PastScore",
    "Plan",
    "ScoringError",
    "Target",
    "UnknownIdError",
    "When",
    "__version__",
]
