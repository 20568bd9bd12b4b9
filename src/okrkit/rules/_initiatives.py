"""OKR8xx: initiatives, the work planned to move key results."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


@REGISTRY.rule(
    "OKR801",
    name="initiative-unknown-key-result",
    severity="error",
    hint="name the id of a key result of this plan, or remove it",
)
def unknown_key_result(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An initiative names a key result id that no key result of the plan has (an
    objective's id is not one: an initiative moves measures, not goals)."""
    index = plan.index
    for i, initiative in enumerate(plan.initiatives):
        for j, kr_id in enumerate(initiative.key_results):
            where = index.get(kr_id)
            if where is not None and where[1] is not None:
                continue
            what = (
                "an objective's id, not a key result's"
                if where is not None
                else "which no key result has"
            )
            yield context.diagnostic(
                f"initiatives[{i}].key_results[{j}]",
                f"initiative {initiative.title!r} names {kr_id!r}, {what}",
                id=initiative.id,
            )


@REGISTRY.rule(
    "OKR802",
    name="unlinked-initiative",
    severity="warning",
    hint="name the key results it should move (key_results), or drop it if it moves none",
)
def unlinked(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An open initiative names no key result: work that moves no outcome of the plan is
    either linked to the wrong place or not worth doing this cycle."""
    for i, initiative in enumerate(plan.initiatives):
        if initiative.open and not initiative.key_results:
            yield context.diagnostic(
                f"initiatives[{i}]",
                f"initiative {initiative.title!r} names no key result it should move",
                id=initiative.id,
            )


@REGISTRY.rule(
    "OKR803",
    name="overdue-initiative",
    severity="warning",
    hint="finish it, give it a new due date, or mark it dropped",
)
def overdue(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An initiative is still planned or in progress after the day it was due."""
    today = context.today
    for i, initiative in enumerate(plan.initiatives):
        if initiative.overdue(today):
            due = initiative.due.isoformat()  # type: ignore[union-attr]  # overdue: it has one
            yield context.diagnostic(
                f"initiatives[{i}].due",
                f"initiative {initiative.title!r} was due {due} and is still"
                f" {initiative.status.value.replace('_', ' ')}",
                id=initiative.id,
            )
