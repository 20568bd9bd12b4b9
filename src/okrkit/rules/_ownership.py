"""OKR4xx: who owns what."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Level, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic, ignores_code
from okrkit.rules._registry import REGISTRY


@REGISTRY.rule(
    "OKR401",
    name="no-owner",
    severity="error",
    hint="set owner to the team or person accountable for it (in Markdown, an 'Owner:' line)",
)
def no_owner(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective has no owner; its message says how many of its key results have none of
    their own either.

    A key result without an owner of its own is owned by its objective's owner, so the
    objective's owner is the one fix: one finding, not one more for each key result (a
    newcomer's trial met 14 errors for two objectives).
    """
    for site in context.objectives():
        objective = site.objective
        if objective.owner is not None:
            continue
        krs = objective.key_results
        # (a key result that ignores the rule is not counted: its finding was its own)
        unowned = sum(kr.owner is None and not ignores_code(kr.ignore, context.code) for kr in krs)
        if not unowned:
            nor = ""
        elif unowned == len(krs):
            nor = (
                ", nor has its key result"
                if unowned == 1
                else f", nor have its {unowned:,} key results"
            )
        else:
            verb = "has" if unowned == 1 else "have"
            nor = f", nor {verb} {unowned:,} of its {len(krs):,} key results"
        yield site.flag(f"objective {objective.title!r} has no owner{nor}")


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
