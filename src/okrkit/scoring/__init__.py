"""The OKR arithmetic: progress, scoring policies, grades, status, forecasts and what-ifs.

Every number a key result holds (an int, a float or a Decimal, mixed freely) is converted to
a float first, and all the arithmetic is done in floats: results are floats, exact where the
inputs allow and otherwise as close as double precision gets (about 16 significant digits).
A Decimal beyond the float range (``Decimal("1e400")``) is refused with an okrkit error.

>>> import attrs
>>> from datetime import date
>>> from okrkit import KeyResult
>>> kr = KeyResult(title="Cut open bugs from 100 to 60", direction="decrease",
...                start=100, target=60).check_in(50, at=date(2026, 8, 1))
>>> progress(kr)
1.25
>>> score(kr), score(kr, policy=attrs.evolve(LINEAR, cap=None))
(1.0, 1.25)
"""

# The work is done in one private module per job (policies, progress, grading, pace, and the
# float arithmetic they share); this package only gathers their public names.

from __future__ import annotations

# isort: off
# The reference page lists each kind of name (constant, class, function) in the order it is
# imported here: by job (policies, progress, grades, pace), then as a reader meets them.
from okrkit.scoring._policy import (
    ScorerName,
    AggregatorName,
    PolicyName,
    linear,
    tenths,
    binary,
    weighted_mean,
    mean,
    minimum,
    Policy,
    LINEAR,
    GOOGLE,
    BINARY,
    stepped,
    STEPPED,
    policy_named,
)
from okrkit.scoring._progress import WeightName, progress, done, score, required_value
from okrkit.scoring._grading import (
    Grade,
    Bands,
    ASPIRATIONAL_BANDS,
    COMMITTED_BANDS,
    bands_for,
    grade,
    recent_means,
)
from okrkit.scoring._pace import (
    STALE_AFTER,
    Status,
    status,
    quiet_days,
    Forecast,
    forecast,
    confidence,
)

# isort: on

from okrkit import _facade

# `typing.get_type_hints` reads a class's annotations in the module its `__module__` names,
# which is this one (below): Policy's fields are annotated with these.
from okrkit.typing import Aggregator as Aggregator
from okrkit.typing import Scorer as Scorer

__all__ = [
    "ASPIRATIONAL_BANDS",
    "BINARY",
    "COMMITTED_BANDS",
    "GOOGLE",
    "LINEAR",
    "STALE_AFTER",
    "STEPPED",
    "AggregatorName",
    "Bands",
    "Forecast",
    "Grade",
    "Policy",
    "PolicyName",
    "ScorerName",
    "Status",
    "WeightName",
    "bands_for",
    "binary",
    "confidence",
    "done",
    "forecast",
    "grade",
    "linear",
    "mean",
    "minimum",
    "policy_named",
    "progress",
    "quiet_days",
    "recent_means",
    "required_value",
    "score",
    "status",
    "stepped",
    "tenths",
    "weighted_mean",
]


# Each public class and function says it lives here: a pickle names okrkit.scoring.Policy,
# not the private module it is written in; a policy's repr shows okrkit.scoring.linear; and
# help() and the doctests find them here.
_facade.adopt(__name__, globals(), __all__)
