"""OKR1xx: the structure of objectives: how many key results, how they read, who holds how many."""

from __future__ import annotations

import re
from collections.abc import Iterator

from okrkit.model import Plan
from okrkit.rules._engine import REGISTRY, Diagnostic, RuleContext

_PUNCT = re.compile(r"[^\w\s]+")


def normalised(title: str) -> str:
    """A title as people would read it: case, spacing and punctuation do not count."""
    return " ".join(_PUNCT.sub(" ", title.casefold()).split())


@REGISTRY.rule("OKR101", name="key-result-count", severity="warning", options={"min": 3, "max": 5})
def key_result_count(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective has fewer than 3 or more than 5 key results."""
    low, high = context.options["min"], context.options["max"]
    for i, obj in enumerate(plan.objectives):
        n = len(obj.key_results)
        if n < low or n > high:
            few = n < low
            yield context.diagnostic(
                f"objectives[{i}]",
                f"{n} key result{'' if n == 1 else 's'}; expected {low} to {high}",
                id=obj.id,
                hint="add the measures that would prove the objective met"
                if few
                else "keep the few that matter most; move the rest to KPIs or another objective",
            )


@REGISTRY.rule("OKR102", name="numeric-objective", severity="warning")
def numeric_objective(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective carries a number or a metric: it should be qualitative."""
    for i, obj in enumerate(plan.objectives):
        if context.parse_objective(obj.title).numeric:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"objective {obj.title!r} carries a number or a metric",
                id=obj.id,
                hint="say the change you want in words; put the number in a key result",
            )


@REGISTRY.rule("OKR103", name="deliverable-objective", severity="warning")
def deliverable_objective(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective names a deliverable rather than a change."""
    for i, obj in enumerate(plan.objectives):
        if context.parse_objective(obj.title).output:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"objective {obj.title!r} names a deliverable, not a change",
                id=obj.id,
                hint="ask why the deliverable matters, and make that the objective",
            )


@REGISTRY.rule(
    "OKR104", name="objective-length", severity="warning", options={"min_words": 4, "max_words": 18}
)
def objective_length(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is too short to mean much, or too long to remember."""
    low, high = context.options["min_words"], context.options["max_words"]
    for i, obj in enumerate(plan.objectives):
        n = context.parse_objective(obj.title).words
        if n < low or n > high:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"objective has {n} word{'' if n == 1 else 's'}; expected {low} to {high}",
                id=obj.id,
                hint="say where you want to be, in one sentence a team can repeat"
                if n < low
                else "cut it to one memorable sentence; the detail belongs in the description",
            )


@REGISTRY.rule("OKR105", name="owner-overload", severity="warning", options={"max": 5})
def owner_overload(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner has more than 5 objectives in one cycle."""
    limit = context.options["max"]
    counts: dict[tuple[str, object], int] = {}
    for i, obj in enumerate(plan.objectives):
        if obj.owner is None:
            continue
        key = (obj.owner, obj.cycle)
        counts[key] = n = counts.get(key, 0) + 1
        if n == limit + 1:
            cycle = "no cycle" if obj.cycle is None else str(obj.cycle)
            yield context.diagnostic(
                f"objectives[{i}]",
                f"owner {obj.owner!r} has more than {limit} objectives in {cycle}",
                id=obj.id,
                hint="focus: fewer objectives get done; drop or merge the rest",
            )


@REGISTRY.rule("OKR106", name="duplicate", severity="error")
def duplicate(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """Two objects share an id, or two objectives share a title in one cycle."""
    seen: dict[str, str] = {}
    titles: dict[tuple[object, str], str] = {}
    for i, obj in enumerate(plan.objectives):
        path = f"objectives[{i}]"
        first = seen.setdefault(obj.id, path)
        if first != path:
            yield context.diagnostic(
                path, f"id {obj.id!r} is also used at {first}", id=obj.id, hint="give it its own id"
            )
        key = (obj.cycle, normalised(obj.title))
        other = titles.setdefault(key, path)
        if other != path:
            yield context.diagnostic(
                path,
                f"objective {obj.title!r} repeats the title at {other} in the same cycle",
                id=obj.id,
                hint="merge the two, or say what makes each different",
            )
        for j, kr in enumerate(obj.key_results):
            kr_path = f"{path}.key_results[{j}]"
            first = seen.setdefault(kr.id, kr_path)
            if first != kr_path:
                yield context.diagnostic(
                    kr_path,
                    f"id {kr.id!r} is also used at {first}",
                    id=kr.id,
                    hint="give it its own id",
                )
    for i, kpi in enumerate(plan.kpis):
        path = f"kpis[{i}]"
        first = seen.setdefault(kpi.id, path)
        if first != path:
            yield context.diagnostic(
                path, f"id {kpi.id!r} is also used at {first}", id=kpi.id, hint="give it its own id"
            )
