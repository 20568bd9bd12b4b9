"""Acme's own rules, beside the built-in ones.

A module of custom rules is a registry and the functions registered on it (docs/rules.md).
Run them with ``okrkit check examples/acme-2026-q3.yaml --rules examples/acme_rules.py:RULES``.
"""

from __future__ import annotations

from collections.abc import Iterator

from okrkit import Plan
from okrkit.rules import REGISTRY, Diagnostic, RuleContext

RULES = REGISTRY.copy()
"""The built-in rules and Acme's: what ``--rules`` names."""


@RULES.rule(
    "ACME001",
    name="team-owner",
    severity="error",
    options={"prefix": "team-"},
    hint="give it to the team that does the work",
)
def team_owner(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """Objectives are owned by a team, never a person."""
    for site in context.objectives():
        owner = site.objective.owner
        if owner and not owner.startswith(context.options["prefix"]):
            yield site.flag(f"owner {owner!r} is not a team")
