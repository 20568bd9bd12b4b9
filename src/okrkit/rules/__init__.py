"""Validation rules: a linter for OKRs, with stable codes, configuration and custom rules.

`validate` runs the rules of a `RuleRegistry` (the built-in `REGISTRY` by default) over a
plan and returns a `Report` of `Diagnostic`\\ s; a `RuleConfig` selects, ignores and tunes
them.  The catalogue, and how to write your own rule, is in ``docs/rules.md``.

>>> from datetime import date
>>> from okrkit import Cycle, KeyResult, Objective, Plan
>>> from okrkit.rules import RuleConfig, validate
>>> obj = Objective(title="Launch the new mobile app", owner="mobile",
...                 cycle=Cycle.parse("2026-Q3"))
>>> report = validate(Plan(objectives=[obj]), RuleConfig(select=["OKR1"]), today=date(2026, 7, 1))
>>> [d.code for d in report]
['OKR101', 'OKR103']
"""

# Importing the theme modules registers the built-in rules on REGISTRY.
from okrkit.rules import (  # noqa: F401
    _alignment,
    _ambition,
    _initiatives,
    _measurability,
    _ownership,
    _structure,
    _time,
    _weights,
)
from okrkit.rules._config import RuleConfig
from okrkit.rules._context import KeyResultSite, ObjectiveSite, RuleContext
from okrkit.rules._engine import validate
from okrkit.rules._findings import Diagnostic, Report, Severity
from okrkit.rules._registry import REGISTRY, Rule, RuleRegistry
from okrkit.typing import RuleFunction

__all__ = [
    "REGISTRY",
    "Diagnostic",
    "KeyResultSite",
    "ObjectiveSite",
    "Report",
    "Rule",
    "RuleConfig",
    "RuleContext",
    "RuleFunction",
    "RuleRegistry",
    "Severity",
    "validate",
]
