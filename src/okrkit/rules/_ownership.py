"""OKR4xx: who owns what."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Level, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


@REGISTRY.rule(
    "OKR401",
    name="no-owner",
    severity="error",
    hint="set owner to the team or person accountable for it (in Markdown, an 'Owner:' line)",
)
def no_owner(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective, or a key result of an objective without an owner, has no owner.

    A key result without an owner of its own is owned by its objective's owner.
    """
    for site in context.objectives():
        if site.objective.owner is not None:
            continue
        yield site.flag(f"objective {site.objective.title!r} has no owner")
        for kr_site in site.key_results:
            kr = kr_site.key_result
            if kr.owner is None:
                yield kr_site.flag(
                    f"key result {kr.title!r} has no owner, nor has its objective",
                    hint=(
                        "set owner to who moves this number, or give its objective one (in"
                        " Markdown, {owner=...} at the end of its line)"
                    ),
                )


@REGISTRY.rule(
    "OKR402",
    name="individual-okr",
    severity="info",
    hint="many teams keep OKRs at team level and leave individuals to performance reviews",
)
def individual_okr(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is set at the individual level."""
    for site in context.objectives():
        if Level.known(site.objective.level) == Level.INDIVIDUAL:
            yield site.flag(f"objective {site.objective.title!r} is an individual's OKR")
