"""OKR5xx: how objectives align: unknown parents, loops, cycles, orphans, skipped levels."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit.model import Level, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY
from okrkit.rules._structure import forest, normaliser

_RANKS: dict[Level | None, int] = {
    Level.COMPANY: 0,
    Level.DEPARTMENT: 1,
    Level.TEAM: 2,
    Level.INDIVIDUAL: 3,
}


def _parents(plan: Plan, context: RuleContext) -> list[int]:
    """Each objective's parent objective position (through a key result too), or -1."""
    return forest(plan, context).parent


@REGISTRY.rule(
    "OKR501", name="unknown-parent", severity="error", hint="fix the id, or remove the alignment"
)
def unknown_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is aligned to an id no objective or key result has."""
    sites = context.objectives()
    for i in forest(plan, context).unknown:
        parent = sites[i].objective.aligned_to
        yield sites[i].flag(f"aligned to {parent!r}, which no objective or key result has")


@REGISTRY.rule(
    "OKR502",
    name="alignment-loop",
    severity="error",
    hint="align one of them to something outside the loop, or to nothing",
)
def alignment_loop(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """Objectives are aligned in a loop: each is, in the end, aligned to itself."""
    found = forest(plan, context)
    for members in found.loops:
        loop = found.loop_text(members, plan.objectives)
        yield context.objectives()[members[0]].flag(f"alignment loop {loop}")


@REGISTRY.rule(
    "OKR503",
    name="cycle-outside-parent",
    severity="warning",
    hint="align it to an objective of a cycle that contains its own",
)
def cycle_outside_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A child objective's cycle lies outside its parent's."""
    parents = _parents(plan, context)
    for site in context.objectives():
        p, cycle = parents[site.index], site.objective.cycle
        if p == -1 or cycle is None:
            continue
        parent = plan.objectives[p]
        if parent.cycle is None:
            continue
        if cycle.start < parent.cycle.start or cycle.end > parent.cycle.end:
            yield site.flag(
                f"cycle {cycle} lies outside its parent {parent.id!r}'s cycle {parent.cycle}"
            )


@REGISTRY.rule(
    "OKR504",
    name="orphan",
    severity="warning",
    hint="align it to the objective or key result it helps",
)
def orphan(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective below company level is aligned to nothing."""
    for site in context.objectives():
        obj = site.objective
        if (
            obj.aligned_to is None
            and obj.level is not None
            and Level.known(obj.level) != Level.COMPANY
        ):
            yield site.flag(f"{obj.level} objective {obj.title!r} is aligned to nothing")


@REGISTRY.rule(
    "OKR505",
    name="skipped-level",
    severity="info",
    hint="check that no level in between should own a part of it",
)
def skipped_level(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is aligned past a level (a team's objective to the company's)."""
    parents = _parents(plan, context)
    for site in context.objectives():
        p = parents[site.index]
        if p == -1:
            continue
        level, parent = site.objective.level, plan.objectives[p].level
        mine, theirs = _RANKS.get(Level.known(level)), _RANKS.get(Level.known(parent))
        if mine is not None and theirs is not None and mine - theirs > 1:
            yield site.flag(f"{level} objective aligned straight to a {parent} one")


@REGISTRY.rule(
    "OKR506",
    name="restated-parent",
    severity="warning",
    hint="say what this team will change to move the parent",
)
def restated_parent(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A child objective repeats the title of the objective or key result it is aligned to."""
    ids = plan.index
    normal = normaliser(context)
    for site in context.objectives():
        obj = site.objective
        where = ids.get(obj.aligned_to) if obj.aligned_to is not None else None
        if where is None:
            continue
        i, j = where
        parent = plan.objectives[i]
        title = parent.title if j is None else parent.key_results[j].title
        if normal(title) == normal(obj.title):
            yield site.flag(f"objective restates its parent's title {title!r}")
