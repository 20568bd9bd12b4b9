"""OKR5xx: how objectives align: unknown parents, loops, cycles, orphans, skipped levels."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Level, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY
from okrkit.rules._structure import normaliser

_RANKS: dict[str, int] = {Level.COMPANY: 0, Level.DEPARTMENT: 1, Level.TEAM: 2, Level.INDIVIDUAL: 3}


def _parents(plan: Plan, context: RuleContext) -> list[int]:
    """Each objective's parent objective position (through a key result too), or -1."""

    def compute() -> list[int]:
        ids = context.ids()
        parents = []
        for obj in plan.objectives:
            where = ids.get(obj.aligned_to) if obj.aligned_to is not None else None
            parents.append(-1 if where is None else where[0])
        return parents

    return context._memo("parents", compute)


@REGISTRY.rule("OKR501", name="unknown-parent", severity="error")
def unknown_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is aligned to an id no objective or key result has."""
    ids = context.ids()
    for i, obj in enumerate(plan.objectives):
        if obj.aligned_to is not None and obj.aligned_to not in ids:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"aligned to {obj.aligned_to!r}, which no objective or key result has",
                id=obj.id,
                hint="fix the id, or remove the alignment",
            )


@REGISTRY.rule("OKR502", name="alignment-loop", severity="error")
def alignment_loop(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """Objectives are aligned in a loop: each is, in the end, aligned to itself."""
    parents = _parents(plan, context)
    state = [0] * len(parents)  # 0 unseen, 1 on the current walk, 2 done
    for begin in range(len(parents)):
        walk = []
        i = begin
        while i != -1 and state[i] == 0:
            state[i] = 1
            walk.append(i)
            i = parents[i]
        if i != -1 and state[i] == 1:  # the walk came back to itself: a loop from i
            members = walk[walk.index(i) :]
            first = min(members)
            at = members.index(first)
            ordered = members[at:] + members[:at]
            ids = " -> ".join(plan.objectives[k].id for k in [*ordered, first])
            yield context.diagnostic(
                f"objectives[{first}]",
                f"alignment loop: {ids}",
                id=plan.objectives[first].id,
                hint="align one of them to something outside the loop, or to nothing",
            )
        for k in walk:
            state[k] = 2


@REGISTRY.rule("OKR503", name="cycle-outside-parent", severity="warning")
def cycle_outside_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A child objective's cycle lies outside its parent's."""
    parents = _parents(plan, context)
    for i, obj in enumerate(plan.objectives):
        p = parents[i]
        if p == -1 or obj.cycle is None:
            continue
        parent = plan.objectives[p]
        if parent.cycle is None:
            continue
        if obj.cycle.start < parent.cycle.start or obj.cycle.end > parent.cycle.end:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"cycle {obj.cycle} lies outside its parent {parent.id!r}'s cycle {parent.cycle}",
                id=obj.id,
                hint="align it to an objective of a cycle that contains its own",
            )


@REGISTRY.rule("OKR504", name="orphan", severity="warning")
def orphan(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective below company level is aligned to nothing."""
    for i, obj in enumerate(plan.objectives):
        if obj.aligned_to is None and obj.level is not None and obj.level != Level.COMPANY:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"{obj.level} objective {obj.title!r} is aligned to nothing",
                id=obj.id,
                hint="align it to the objective or key result it helps",
            )


@REGISTRY.rule("OKR505", name="skipped-level", severity="info")
def skipped_level(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is aligned past a level (a team's objective to the company's)."""
    parents = _parents(plan, context)
    for i, obj in enumerate(plan.objectives):
        p = parents[i]
        if p == -1:
            continue
        parent = plan.objectives[p]
        mine, theirs = _RANKS.get(obj.level or ""), _RANKS.get(parent.level or "")
        if mine is not None and theirs is not None and mine - theirs > 1:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"{obj.level} objective aligned straight to a {parent.level} one",
                id=obj.id,
                hint="check that no level in between should own a part of it",
            )


@REGISTRY.rule("OKR506", name="restated-parent", severity="warning")
def restated_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A child objective repeats the title of the objective or key result it is aligned to."""
    ids = context.ids()
    normal = normaliser(context)
    for i, obj in enumerate(plan.objectives):
        where = ids.get(obj.aligned_to) if obj.aligned_to is not None else None
        if where is None:
            continue
        parent = plan.objectives[where[0]]
        title = parent.title if where[1] == -1 else parent.key_results[where[1]].title
        if normal(title) == normal(obj.title):
            yield context.diagnostic(
                f"objectives[{i}]",
                f"objective restates its parent's title {title!r}",
                id=obj.id,
                hint="say what this team will change to move the parent",
            )
