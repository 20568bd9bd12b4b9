"""OKR4xx: who owns what."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Level, Plan
from okrkit.rules._context import RuleContext, key_result_path
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


@REGISTRY.rule("OKR401", name="no-owner", severity="error")
def no_owner(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective, or a key result of an objective without an owner, has no owner.

    A key result without an owner of its own is owned by its objective's owner.
    """
    for i, obj in enumerate(plan.objectives):
        if obj.owner is not None:
            continue
        yield context.diagnostic(
            f"objectives[{i}]",
            f"objective {obj.title!r} has no owner",
            id=obj.id,
            hint="name the team or person accountable for it",
        )
        for j, kr in enumerate(obj.key_results):
            if kr.owner is None:
                yield context.diagnostic(
                    key_result_path(i, j),
                    f"key result {kr.title!r} has no owner, nor has its objective",
                    id=kr.id,
                    hint="name who moves this number",
                )


@REGISTRY.rule("OKR402", name="individual-okr", severity="info")
def individual_okr(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is set at the individual level."""
    for i, obj in enumerate(plan.objectives):
        if obj.level == Level.INDIVIDUAL:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"objective {obj.title!r} is an individual's OKR",
                id=obj.id,
                hint="many teams keep OKRs at team level and leave individuals to "
                "performance reviews",
            )
