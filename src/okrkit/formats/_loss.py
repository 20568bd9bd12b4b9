"""What each format would lose of a plan: the one place that knows what each format holds.

JSON, YAML and TOML hold everything.  CSV holds everything in a table and the files beside
it (`okrkit.formats._csv.SIBLINGS`), so a CSV *file* loses nothing; CSV *text*, the table
alone, holds only the latest check-in of each key result, and no KPIs, past scores or
initiatives.
Markdown is whatever reads back: its text is written and read again, and each field that
does not come back the same is named (today: KPIs, past scores, earlier check-ins and most
of a key result's fields; as Markdown comes to hold more, fewer are named, with no change
here).

`losses` names each thing lost with its path (``objectives[0].key_results[1].check_ins``)
and how to keep it; `okrkit.formats.dumps` and ``okrkit convert`` refuse a plan it names
anything of, unless asked to be lossy.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from okrkit.cycles import Cycle
from okrkit.errors import FormatError, Problem, safe_repr
from okrkit.formats import _markdown
from okrkit.formats._csv import SIBLINGS
from okrkit.formats._document import Options
from okrkit.model import CheckIn, Claims, Initiative, KeyResult, Kpi, Objective, PastScore, Plan

__all__ = ["losses", "shared_ids"]

# What the elements of each list of a plan are called, in messages.
_NOUNS = {
    "objectives": "objectives",
    "key_results": "key results",
    "check_ins": "check-ins",
    "kpis": "KPIs",
    "history": "past scores",
    "initiatives": "initiatives",
}
# The values a comparison of two plans goes into, field by field.
_PARTS = (Plan, Objective, KeyResult, CheckIn, Kpi, PastScore, Initiative)
_KEEP = "JSON, YAML and TOML keep it"


def losses(plan: Plan, format: str, *, files: bool) -> list[Problem]:
    """What writing *plan* in *format* would lose, each with its path and how to keep it.

    *files* is whether the format's files are written (`okrkit.formats.dump` to a path), not
    only its text (`okrkit.formats.dumps`, standard output): it matters for CSV.
    """
    if format == "csv":
        return [] if files else _csv(plan)
    if format == "markdown":
        return _markdown_losses(plan)
    return []


def shared_ids(plan: Plan) -> list[Problem]:
    """Each id an objective, key result, KPI or initiative shares with one before it: a plan
    may hold them (for OKR106 to report), but no format reads back a file that holds them, so
    such a plan is not written at all, lossy or not."""
    ids = [o.id for o in plan.objectives]
    ids += [kr.id for o in plan.objectives for kr in o.key_results]
    ids += [kpi.id for kpi in plan.kpis]
    ids += [initiative.id for initiative in plan.initiatives]
    if len(set(ids)) == len(ids):  # the common case, without a path made
        return []
    claims: Claims[str] = Claims()  # okrkit's one rule for an id used twice
    problems = []
    places = [(f"objectives[{i}]", o.id) for i, o in enumerate(plan.objectives)]
    places += [
        (f"objectives[{i}].key_results[{j}]", kr.id)
        for i, o in enumerate(plan.objectives)
        for j, kr in enumerate(o.key_results)
    ]
    places += [(f"kpis[{k}]", kpi.id) for k, kpi in enumerate(plan.kpis)]
    places += [(f"initiatives[{k}]", i.id) for k, i in enumerate(plan.initiatives)]
    for path, id in places:
        first = claims.claim(id, path)
        if first is not None:
            message = (
                f"duplicate id {safe_repr(id)}, also at {first}: no format reads back a"
                " file where two hold one id; give each its own"
            )
            problems.append(Problem(path=f"{path}.id", message=message, value=id))
    return problems


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun if n != 1 else noun.removesuffix('s')}"


def _csv(plan: Plan) -> list[Problem]:
    """What a CSV table alone loses: earlier check-ins, KPIs, past scores and initiatives."""
    beside = "a .csv file keeps them in the {} file beside it"
    problems = []
    for i, obj in enumerate(plan.objectives):
        for j, kr in enumerate(obj.key_results):
            earlier = len(kr.check_ins) - 1
            if earlier > 0:
                problems.append(
                    Problem(
                        path=f"objectives[{i}].key_results[{j}].check_ins",
                        message=f"{_plural(earlier, 'earlier check-ins')} would be lost: CSV"
                        " text holds only the latest; " + beside.format(SIBLINGS["check_ins"]),
                    )
                )
    for name, held in (
        ("kpis", plan.kpis),
        ("history", plan.history),
        ("initiatives", plan.initiatives),
    ):
        if held:
            problems.append(
                Problem(
                    path=name,
                    message=f"{_plural(len(held), _NOUNS[name])} would be lost: CSV text holds"
                    " only objectives and key results; " + beside.format(SIBLINGS[name]),
                )
            )
    return problems


def _shown(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, Cycle | date):
        return repr(str(value) if isinstance(value, Cycle) else value.isoformat())
    return safe_repr(value)


def _markdown_losses(plan: Plan) -> list[Problem]:
    """Each field of *plan* that Markdown does not give back as it was."""
    text = _markdown.dumps(plan)  # a FormatError for what Markdown cannot hold at all
    try:
        again = _markdown.loads(text, Options())
    except FormatError as error:
        message = f"Markdown would not read back what it writes of this plan ({error}): {_KEEP}"
        return [Problem(path="", message=message)]
    problems: list[Problem] = []
    stack: list[tuple[str, object, object]] = [("", plan, again)]
    while stack:
        path, written, read = stack.pop()
        if written == read or written is None:  # None read back as a value: nothing lost
            continue
        name = path.rsplit(".", 1)[-1]
        if type(written) is tuple and type(read) is tuple and name in _NOUNS:
            if len(written) < len(read):  # more read back than written: nothing lost
                continue
            if len(written) > len(read):
                message = (
                    f"{_plural(len(written), _NOUNS[name])} would read back as"
                    f" {len(read)} from Markdown: {_KEEP}"
                )
                problems.append(Problem(path=path, message=message))
                continue
            stack.extend(
                (f"{path}[{i}]", a, b)
                for i, (a, b) in reversed(list(enumerate(zip(written, read, strict=True))))
            )
        elif isinstance(written, _PARTS) and type(written) is type(read):
            stack.extend(
                (f"{path}.{f.name}".lstrip("."), getattr(written, f.name), getattr(read, f.name))
                for f in reversed(attrs.fields(type(written)))
                if f.eq
            )
        else:
            message = (
                f"{_shown(written)} would be lost: Markdown reads back {_shown(read)}; {_KEEP}"
            )
            problems.append(Problem(path=path, message=message, value=written))
    return problems
