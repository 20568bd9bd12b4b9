"""The types of okrkit's pluggable behaviour: each is a plain callable, named here.

A company customises okrkit by passing a function (or a small class with ``__call__`` when
it has settings) where one of these is expected; nothing is subclassed.

>>> from okrkit.typing import Scorer
>>> def halves(progress: float) -> float:
...     return (progress * 2 // 1) / 2
>>> scorer: Scorer = halves
>>> scorer(0.8)
0.5
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from okrkit.model import KeyResult, Plan

if TYPE_CHECKING:
    from okrkit.rules import Diagnostic, RuleContext

__all__ = ["Aggregator", "PaceCurve", "RuleFunction", "Scorer", "Weigher"]

Scorer: TypeAlias = Callable[[float], float]
"""How a scoring policy turns a key result's raw progress into a score, before floor and cap.

It takes the raw, unclamped progress (1.0 means the target was reached, negative means the
metric went the wrong way) and returns a finite number.  It must be non-decreasing: more
progress never scores less (`okrkit.scoring.required_value` relies on it).
"""

Aggregator: TypeAlias = Callable[[Sequence[tuple[float, float]]], float]
"""How a scoring policy combines ``(score, weight)`` pairs into one score (an objective's).

It is called with a non-empty sequence of finite scores and finite weights >= 0 whose total
is above 0 (`okrkit.scoring.Policy.combine` checks that first), and returns a finite number.
"""

Weigher: TypeAlias = Callable[[KeyResult], float]
"""How much a key result counts in its objective's score: a finite number >= 0.

`okrkit.scoring.score` uses each key result's own `weight` by default, or its target value
with ``weight="target"``.
"""

PaceCurve: TypeAlias = Callable[[float], float]
"""The progress expected by a point in a cycle, for phased targets.

It takes the fraction of the cycle elapsed (0 to 1) and returns the progress expected by
then (0 to 1 usually).  The default is linear: half the cycle, half the way.
"""

RuleFunction: TypeAlias = Callable[[Plan, "RuleContext"], Iterable["Diagnostic"]]
"""A validation rule: it reads a plan and yields a `okrkit.rules.Diagnostic` for each problem.

It makes each with ``site.flag(message)`` on a site of ``context.objectives()`` or
``context.key_results()`` (``context.diagnostic(path, message, ...)`` elsewhere), which
fills in the rule's code, name, configured severity and hint; its options are
``context.options``.
Register it with `okrkit.rules.RuleRegistry.rule` (``okrkit.rules.RuleFunction`` is the same
alias).
"""
