"""Writing a `Plan` as the plain data of a document: dicts, lists, strings and numbers.

Defaults are left out, and so is an id that is its title's slug.  Numbers keep their type:
an int is written as a JSON integer, a float as a JSON number with a point or an exponent
(Python's ``repr``), and a Decimal as a string of digits (``"12.50"``), read back as a Decimal.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from okrkit._validators import slugify
from okrkit.cycles import Cycle, FiscalYearNaming
from okrkit.errors import InvalidTypeError
from okrkit.formats._versions import CURRENT
from okrkit.model import (
    CheckIn,
    Commitment,
    Direction,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Objective,
    PastScore,
    Plan,
)

__all__ = ["check_in_data", "fiscal_defaults", "unstructure", "written_number"]


def written_number(x: object) -> object:
    """*x* as a document holds it: a Decimal as a string of its digits; other numbers as is."""
    return str(x) if type(x) is Decimal else x


def _target(x: object) -> object:
    if type(x) is tuple:
        return [written_number(x[0]), written_number(x[1])]
    return written_number(x)


def _native_ok(x: date) -> bool:
    """Whether YAML and TOML can hold *x* as a native date or datetime (a whole-minute offset)."""
    if not isinstance(x, datetime):
        return True
    offset = x.utcoffset()
    return offset is not None and not offset % timedelta(minutes=1) and x.year >= 1


def _when(x: date, native: bool) -> object:
    if native and _native_ok(x):
        return x
    return x.isoformat()


def fiscal_defaults(plan: Plan) -> tuple[int, FiscalYearNaming]:
    """The fiscal settings most of the plan's fiscal cycles share (the first, on a tie)."""
    counts: Counter[tuple[int, FiscalYearNaming]] = Counter()
    cycles = [o.cycle for o in plan.objectives] + [h.cycle for h in plan.history]
    for cycle in cycles:
        if cycle is not None and cycle.kind.startswith("fiscal_"):
            counts[cycle.fiscal_year_start, cycle.fiscal_year_named_by] += 1
    if not counts:
        return 1, "end"
    return counts.most_common(1)[0][0]


def _cycle(cycle: Cycle, fiscal: tuple[int, str]) -> object:
    label = str(cycle)
    if not cycle.kind.startswith("fiscal_"):
        return label
    if (cycle.fiscal_year_start, cycle.fiscal_year_named_by) == fiscal:
        return label
    return {
        "label": label,
        "fiscal_year_start": cycle.fiscal_year_start,
        "fiscal_year_named_by": cycle.fiscal_year_named_by,
    }


def check_in_data(c: CheckIn, native: bool) -> dict[str, object]:
    """A check-in as a document holds it (dates as they are if *native*, else as text)."""
    out: dict[str, object] = {"at": _when(c.at, native), "value": written_number(c.value)}
    if c.confidence is not None:
        out["confidence"] = written_number(c.confidence)
    if c.note is not None:
        out["note"] = c.note
    if c.author is not None:
        out["author"] = c.author
    return out


def _is_default_weight(w: object) -> bool:
    return type(w) is int and w == 1


def _key_result(kr: KeyResult, native: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    if kr.id != slugify(kr.title):
        out["id"] = kr.id
    out["title"] = kr.title
    direction = kr.direction
    if direction is not None:
        out["direction"] = direction.value
    start, target = kr.start, kr.target
    milestone = direction is Direction.MILESTONE
    if start is not None and not (milestone and type(start) is int and start == 0):
        out["start"] = written_number(start)
    if target is not None and not (milestone and type(target) is int and target == 1):
        out["target"] = _target(target)
    if kr.unit is not None:
        out["unit"] = kr.unit
    if not _is_default_weight(kr.weight):
        out["weight"] = written_number(kr.weight)
    if kr.owner is not None:
        out["owner"] = kr.owner
    if kr.due is not None:
        out["due"] = _when(kr.due, native)
    if kr.indicator is not None:
        out["indicator"] = kr.indicator.value
    if kr.check_ins:
        out["check_ins"] = [check_in_data(c, native) for c in kr.check_ins]
    if kr.ignore:
        out["ignore"] = list(kr.ignore)
    if kr.carried_from is not None:
        out["carried_from"] = kr.carried_from
    return out


def _objective(o: Objective, native: bool, fiscal: tuple[int, str]) -> dict[str, object]:
    out: dict[str, object] = {}
    if o.id != slugify(o.title):
        out["id"] = o.id
    out["title"] = o.title
    if o.description is not None:
        out["description"] = o.description
    if o.owner is not None:
        out["owner"] = o.owner
    if o.cycle is not None:
        out["cycle"] = _cycle(o.cycle, fiscal)
    if o.commitment is not Commitment.ASPIRATIONAL:
        out["commitment"] = o.commitment.value
    if o.level is not None:
        out["level"] = o.level
    if o.aligned_to is not None:
        out["aligned_to"] = o.aligned_to
    if not _is_default_weight(o.weight):
        out["weight"] = written_number(o.weight)
    if o.key_results:
        out["key_results"] = [_key_result(kr, native) for kr in o.key_results]
    if o.ignore:
        out["ignore"] = list(o.ignore)
    return out


def _kpi(k: Kpi, native: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    if k.id != slugify(k.title):
        out["id"] = k.id
    out["title"] = k.title
    out["direction"] = k.direction.value
    out["threshold"] = _target(k.threshold)
    if k.unit is not None:
        out["unit"] = k.unit
    if k.owner is not None:
        out["owner"] = k.owner
    if k.check_ins:
        out["check_ins"] = [check_in_data(c, native) for c in k.check_ins]
    if k.ignore:
        out["ignore"] = list(k.ignore)
    return out


def _initiative(i: Initiative, native: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    if i.id != slugify(i.title):
        out["id"] = i.id
    out["title"] = i.title
    if i.owner is not None:
        out["owner"] = i.owner
    if i.status is not InitiativeStatus.PLANNED:
        out["status"] = i.status.value
    if i.due is not None:
        out["due"] = _when(i.due, native)
    if i.key_results:
        out["key_results"] = list(i.key_results)
    if i.notes is not None:
        out["notes"] = i.notes
    if i.ignore:
        out["ignore"] = list(i.ignore)
    return out


def _past(p: PastScore, fiscal: tuple[int, str]) -> dict[str, object]:
    out: dict[str, object] = {
        "owner": p.owner,
        "cycle": _cycle(p.cycle, fiscal),
        "score": written_number(p.score),
    }
    if p.commitment is not Commitment.ASPIRATIONAL:
        out["commitment"] = p.commitment.value
    if p.objective is not None:
        out["objective"] = p.objective
    return out


def unstructure(plan: Plan, *, native_dates: bool = False) -> dict[str, Any]:
    """The document of *plan*: plain dicts, lists, strings and numbers (and dates if *native*)."""
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    fiscal = fiscal_defaults(plan)
    out: dict[str, Any] = {"okrkit": CURRENT}
    if fiscal[0] != 1:
        out["fiscal_year_start"] = fiscal[0]
    if fiscal[1] != "end":
        out["fiscal_year_named_by"] = fiscal[1]
    if plan.objectives:
        out["objectives"] = [_objective(o, native_dates, fiscal) for o in plan.objectives]
    if plan.kpis:
        out["kpis"] = [_kpi(k, native_dates) for k in plan.kpis]
    if plan.history:
        out["history"] = [_past(p, fiscal) for p in plan.history]
    if plan.initiatives:
        out["initiatives"] = [_initiative(i, native_dates) for i in plan.initiatives]
    return out
