"""OKR1xx: the structure of objectives: how many key results, how they read, who holds how many."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

from okrkit._forest import Forest
from okrkit.model import Claims, Level, Plan, Position
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY

_PUNCT = re.compile(r"[^\w\s]+")


def normalised(title: str) -> str:
    """A title as people would read it: case, spacing and punctuation do not count."""
    return " ".join(_PUNCT.sub(" ", title.casefold()).split())


def normaliser(context: RuleContext) -> Callable[[str], str]:
    """`normalised`, each distinct title worked out once per `validate` call."""
    seen: dict[str, str] = context.memo("normalised", dict)

    def normal(title: str) -> str:
        found = seen.get(title)
        if found is None:
            found = seen[title] = normalised(title)
        return found

    return normal


def forest(plan: Plan, context: RuleContext) -> Forest:
    """The plan's alignment forest (parents, unknown ids, duplicate ids, loops), found once per
    `validate` call for every rule that asks."""
    return context.memo("forest", lambda: Forest(plan))


@REGISTRY.rule("OKR101", name="key-result-count", severity="warning", options={"min": 3, "max": 5})
def key_result_count(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective has fewer than 3 or more than 5 key results."""
    low, high = context.options["min"], context.options["max"]
    for site in context.objectives():
        n = len(site.objective.key_results)
        if n < low or n > high:
            yield site.flag(
                f"{n} key result{'' if n == 1 else 's'}; expected {low} to {high}",
                hint="add the measures that would prove the objective met"
                if n < low
                else "keep the few that matter most; move the rest to KPIs or another objective",
            )


@REGISTRY.rule(
    "OKR102",
    name="numeric-objective",
    severity="warning",
    hint="say the change you want in words; put the number in a key result",
)
def numeric_objective(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective carries a number or a metric: it should be qualitative."""
    for site in context.objectives():
        if site.reading.numeric:
            yield site.flag(f"objective {site.objective.title!r} carries a number or a metric")


@REGISTRY.rule(
    "OKR103",
    name="deliverable-objective",
    severity="warning",
    hint="ask why the deliverable matters, and make that the objective",
)
def deliverable_objective(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective names a deliverable rather than a change."""
    for site in context.objectives():
        if site.reading.output:
            yield site.flag(f"objective {site.objective.title!r} names a deliverable, not a change")


@REGISTRY.rule(
    "OKR104", name="objective-length", severity="warning", options={"min_words": 4, "max_words": 18}
)
def objective_length(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective is too short to mean much, or too long to remember."""
    low, high = context.options["min_words"], context.options["max_words"]
    for site in context.objectives():
        n = site.reading.words
        if n < low or n > high:
            yield site.flag(
                f"objective has {n} word{'' if n == 1 else 's'}; expected {low} to {high}",
                hint="say where you want to be, in one sentence a team can repeat"
                if n < low
                else "cut it to one memorable sentence; the detail belongs in the description",
            )


@REGISTRY.rule(
    "OKR105",
    name="owner-overload",
    severity="warning",
    options={"max": 5},
    hint="focus: fewer objectives get done; drop or merge the rest",
)
def owner_overload(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An owner has more than 5 objectives in one cycle."""
    limit = context.options["max"]
    counts: dict[tuple[str, object], int] = {}
    for site in context.objectives():
        obj = site.objective
        if obj.owner is None:
            continue
        key = (obj.owner, obj.cycle)
        counts[key] = n = counts.get(key, 0) + 1
        if n == limit + 1:
            cycle = "no cycle" if obj.cycle is None else str(obj.cycle)
            yield site.flag(f"owner {obj.owner!r} has more than {limit} objectives in {cycle}")


@REGISTRY.rule("OKR106", name="duplicate", severity="error", hint="give it its own id")
def duplicate(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """Two objects share an id, or two objectives share a title in one cycle."""
    normal = normaliser(context)
    sites = context.objectives()

    def place(where: Position) -> str:
        i, j = where
        return sites[i].path if j is None else sites[i].key_results[j].path

    # Each later holder of an id -> the first holder's path.
    repeats = {
        later: place(places[0])
        for places in forest(plan, context).duplicates.values()
        for later in places[1:]
    }
    titles: dict[tuple[object, str], int] = {}
    for site in sites:
        obj, i = site.objective, site.index
        first = repeats.get((i, None)) if repeats else None
        if first is not None:
            yield site.flag(f"id {obj.id!r} is also used at {first}")
        other = titles.setdefault((obj.cycle, normal(obj.title)), i)
        if other != i:
            yield site.flag(
                f"objective {obj.title!r} repeats the title at {sites[other].path} in the same "
                "cycle",
                hint="merge the two, or say what makes each different",
            )
        for kr_site in site.key_results if repeats else ():
            first = repeats.get((i, kr_site.index))
            if first is not None:
                yield kr_site.flag(f"id {kr_site.key_result.id!r} is also used at {first}")
    index = plan.index
    others: Claims[str] = Claims()  # KPIs and initiatives, in the namespace of the rest
    named = [(f"kpis[{i}]", kpi.id) for i, kpi in enumerate(plan.kpis)]
    named += [(f"initiatives[{i}]", item.id) for i, item in enumerate(plan.initiatives)]
    for path, id in named:
        where = index.get(id)
        earlier = others.claim(id, path) if where is None else place(where)
        if earlier is not None:
            yield context.diagnostic(path, f"id {id!r} is also used at {earlier}", id=id)


@REGISTRY.rule(
    "OKR107",
    name="unknown-level",
    severity="warning",
    options={"levels": ", ".join(Level)},
)
def unknown_level(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective's level is none of the known levels (whatever its case)."""
    known = [level.strip() for level in context.options["levels"].split(",") if level.strip()]
    by_case = {level.casefold(): level for level in known}
    for site in context.objectives():
        level = site.objective.level
        if level is None or level.casefold() in by_case:
            continue
        close = difflib.get_close_matches(level.casefold(), list(by_case), n=1, cutoff=0.6)
        message = f"unknown level {level!r}"
        if close:
            message += f" (did you mean {by_case[close[0]]!r}?)"
            hint = f"write {by_case[close[0]]!r}"
        else:
            hint = "use one of " + ", ".join(map(repr, known))
        hint += ", or add the level to this rule's 'levels' option"
        yield context.diagnostic(f"{site.path}.level", message, id=site.objective.id, hint=hint)
