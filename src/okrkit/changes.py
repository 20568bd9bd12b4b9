"""OKRs over time: what changed between two versions of a plan (`diff`, a `PlanDiff`), and
the plan for the next cycle (`roll_over`, which `Plan.roll_over` calls).

Objectives, key results, KPIs and initiatives are matched by id: each is added, removed or
edited (field by field); a key result's check-ins are compared on their own (added, removed),
and so are the scores and statuses each objective and key result has at a date in either
version.  A target, start or direction edited on a key result that had been checked in
already is a **moved goalpost**: the number that was being chased is no longer the one the
cycle began with, which can hide a miss.

``okrkit diff OLD NEW`` prints it as text, JSON, or Markdown for a pull request's comment.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

from okrkit._display import count, score_text
from okrkit._escape import markdown as _md
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import CheckIn, KeyResult, Kpi, Objective, PastScore, Plan
from okrkit.scorecards import scorecard
from okrkit.scoring import Status

__all__ = [
    "Change",
    "CheckInChange",
    "FieldChange",
    "Kind",
    "Move",
    "PastScoreChange",
    "PlanDiff",
    "diff",
    "moved_goalposts",
    "roll_over",
]

Kind: TypeAlias = Literal["objective", "key_result", "kpi", "initiative"]
"""What a change is of."""

_NOUNS: dict[Kind, str] = {
    "objective": "objective",
    "key_result": "key result",
    "kpi": "KPI",
    "initiative": "initiative",
}
# The fields a change compares: every field but the lists compared on their own.
_SKIP = frozenset({"key_results", "check_ins"})
_GOALPOSTS = ("direction", "start", "target")


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field edited: its name, and its value before and after."""

    field: str
    old: object
    new: object

    def __str__(self) -> str:
        return f"{self.field} {shown(self.old)} -> {shown(self.new)}"


@attrs.frozen(kw_only=True)
class Change:
    """An objective, key result, KPI or initiative added, removed or edited."""

    kind: Kind
    change: Literal["added", "removed", "edited"]
    id: str
    title: str
    """Its title (the new one, unless it was removed)."""
    fields: tuple[FieldChange, ...] = ()
    """What was edited (for an edited one)."""
    objective: str | None = None
    """For a key result, the id of the objective that holds it (the new one, unless removed)."""


@attrs.frozen(kw_only=True)
class CheckInChange:
    """A check-in added to, or removed from, a key result or a KPI."""

    kind: Literal["key_result", "kpi"]
    change: Literal["added", "removed"]
    id: str
    check_in: CheckIn


@attrs.frozen(kw_only=True)
class PastScoreChange:
    """A past score added to, or removed from, the plan's history."""

    change: Literal["added", "removed"]
    past: PastScore

    def __str__(self) -> str:
        p = self.past
        of = "" if p.objective is None else f" (objective {p.objective!r})"
        return f"{p.owner!r} {p.cycle}: {shown(p.score)}{of}"


@attrs.frozen(kw_only=True)
class Move:
    """An objective's or key result's score or status, different at the same date."""

    kind: Literal["objective", "key_result"]
    id: str
    title: str
    old_score: float | None
    new_score: float | None
    old_status: Status | None
    new_status: Status | None


@attrs.frozen(kw_only=True)
class PlanDiff:
    """What changed from one plan to another (`diff`): empty when nothing did."""

    at: date
    """The date the scores and statuses of both are compared at."""
    changes: tuple[Change, ...] = ()
    check_ins: tuple[CheckInChange, ...] = ()
    moves: tuple[Move, ...] = ()
    moved_goalposts: tuple[Change, ...] = ()
    """The key results whose direction, start or target was edited after they had been
    checked in (each with only those fields)."""
    history: tuple[PastScoreChange, ...] = ()
    """Past scores added to or removed from the history (which the ambition rules read)."""

    def __bool__(self) -> bool:
        return bool(self.changes or self.check_ins or self.moves or self.history)

    def __len__(self) -> int:
        return len(self.changes) + len(self.check_ins) + len(self.moves) + len(self.history)

    def of(self, kind: Kind) -> tuple[Change, ...]:
        """The changes of one kind (``"key_result"``), in the order of the plans."""
        return tuple(c for c in self.changes if c.kind == kind)

    def summary(self) -> str:
        """One line: how many of each kind were added, removed and edited."""
        if not self:
            return "no changes"
        counts = Counter(f"{_NOUNS[c.kind]}/{c.change}" for c in self.changes)
        parts = [
            f"{count(n, noun)} {change}"
            for noun in _NOUNS.values()
            for change in ("added", "removed", "edited")
            if (n := counts[f"{noun}/{change}"])
        ]
        for change in ("added", "removed"):
            n = sum(1 for c in self.check_ins if c.change == change)
            if n:
                parts.append(f"{count(n, 'check-in')} {change}")
        for change in ("added", "removed"):
            n = sum(1 for h in self.history if h.change == change)
            if n:
                parts.append(f"{count(n, 'past score')} {change}")
        if self.moves:
            parts.append(f"{count(len(self.moves), 'score')} moved")
        if self.moved_goalposts:
            parts.append(f"{count(len(self.moved_goalposts), 'moved goalpost')}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data."""
        return {
            "at": self.at.isoformat(),
            "summary": self.summary(),
            "changes": [_change_dict(c) for c in self.changes],
            "check_ins": [
                {
                    "kind": c.kind,
                    "change": c.change,
                    "id": c.id,
                    "at": c.check_in.at.isoformat(),
                    "value": _json_value(c.check_in.value),
                    "confidence": _json_value(c.check_in.confidence),
                    "note": c.check_in.note,
                }
                for c in self.check_ins
            ],
            "moves": [
                {
                    "kind": m.kind,
                    "id": m.id,
                    "title": m.title,
                    "old_score": m.old_score,
                    "new_score": m.new_score,
                    "old_status": None if m.old_status is None else m.old_status.value,
                    "new_status": None if m.new_status is None else m.new_status.value,
                }
                for m in self.moves
            ],
            "moved_goalposts": [_change_dict(c) for c in self.moved_goalposts],
            "history": [
                {
                    "change": h.change,
                    "owner": h.past.owner,
                    "cycle": str(h.past.cycle),
                    "score": _json_value(h.past.score),
                    "commitment": h.past.commitment.value,
                    "objective": h.past.objective,
                }
                for h in self.history
            ],
        }

    def lines(self) -> Iterator[str]:
        """The diff as plain lines of text (each user text as it is: escape it for where it
        goes)."""
        yield self.summary()
        for c in self.moved_goalposts:
            yield f"! moved goalpost: key result {c.id!r} ({c.title}): " + "; ".join(
                map(str, c.fields)
            )
        for c in self.changes:
            head = {"added": "+", "removed": "-", "edited": "~"}[c.change]
            line = f"{head} {_NOUNS[c.kind]} {c.id!r}: {c.title}"
            if c.fields:
                line += " (" + "; ".join(map(str, c.fields)) + ")"
            yield line
        for ci in self.check_ins:
            head = "+" if ci.change == "added" else "-"
            yield f"{head} check-in of {_NOUNS[ci.kind]} {ci.id!r}: {_check_in_words(ci.check_in)}"
        for h in self.history:
            yield f"{'+' if h.change == 'added' else '-'} past score of {h}"
        for m in self.moves:
            yield f"> {_NOUNS[m.kind]} {m.id!r}: {_move_words(m)} at {self.at.isoformat()}"

    def markdown(self) -> str:
        """The diff as Markdown, for a pull request's comment."""
        out = ["### OKR changes", "", f"**{_md(self.summary())}**", ""]
        if self.moved_goalposts:
            out += ["#### Moved goalposts", ""]
            out += [
                f"- :warning: key result {_code(c.id)} ({_md(c.title)}): "
                + "; ".join(_md(str(f)) for f in c.fields)
                + " after it was checked in"
                for c in self.moved_goalposts
            ]
            out.append("")
        for kind, noun in _NOUNS.items():
            changes = self.of(kind)
            if not changes:
                continue
            out += [f"#### {noun[0].upper()}{noun[1:]}s", ""]
            for c in changes:
                line = f"- {c.change} {_code(c.id)} {_md(c.title)}"
                if c.fields:
                    line += ": " + "; ".join(_md(str(f)) for f in c.fields)
                out.append(line)
            out.append("")
        if self.check_ins:
            out += ["#### Check-ins", ""]
            out += [
                f"- {ci.change} {_code(ci.id)}: {_md(_check_in_words(ci.check_in))}"
                for ci in self.check_ins
            ]
            out.append("")
        if self.history:
            out += ["#### Past scores", ""]
            out += [f"- {h.change} {_md(str(h))}" for h in self.history]
            out.append("")
        if self.moves:
            out += [
                f"#### Scores at {self.at.isoformat()}",
                "",
                "| | Before | After |",
                "| --- | --- | --- |",
            ]
            out += [
                f"| {_code(m.id)} {_md(m.title)} | {_move_side(m, old=True)} "
                f"| {_move_side(m, old=False)} |"
                for m in self.moves
            ]
            out.append("")
        return "\n".join(out)


def _code(text: str) -> str:
    """*text* as a Markdown code span, where backslashes do not escape: fenced with one
    backtick more than it holds in a row, its pipes escaped for a table (GitHub reads
    ``\\|`` in a code span in a table as ``|``)."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def shown(value: object) -> str:
    """A field's value as a diff shows it: ``4``, ``'growth'``, ``2026-Q3``, ``none``."""
    if value is None:
        return "none"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Cycle):
        if value.kind.startswith("fiscal_"):  # its label alone hides its months
            return f"{value} ({value.start.isoformat()}..{value.end.isoformat()})"
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(map(shown, value)) + "]"
    return str(value)


def _json_value(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Cycle):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_value(x) for x in value]
    return str(value)  # pragma: no cover - every field is one of the above


def _change_dict(c: Change) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "change": c.change,
        "id": c.id,
        "title": c.title,
        "objective": c.objective,
        "fields": [
            {"field": f.field, "old": _json_value(f.old), "new": _json_value(f.new)}
            for f in c.fields
        ],
    }


def _check_in_words(c: CheckIn) -> str:
    words = f"{c.at.isoformat()} {shown(c.value)}"
    if c.confidence is not None:
        words += f" (confidence {shown(c.confidence)})"
    if c.note:
        words += f" {c.note}"
    return words


def _score_words(score: float | None, status: Status | None) -> str:
    words = score_text(score)
    return words if status is None else f"{words}, {status.value.replace('_', ' ')}"


def _move_words(m: Move) -> str:
    return f"{_move_side(m, old=True)} -> {_move_side(m, old=False)}"


def _move_side(m: Move, *, old: bool) -> str:
    """One side of a move, with four decimals where two would show both sides alike."""
    score, status = (m.old_score, m.old_status) if old else (m.new_score, m.new_status)
    if (
        m.old_score is not None
        and m.new_score is not None
        and score_text(m.old_score) == score_text(m.new_score)
        and score is not None
    ):
        words = f"{score:.4f}"
        return words if status is None else f"{words}, {status.value.replace('_', ' ')}"
    return _score_words(score, status)


def _same(a: object, b: object) -> bool:
    """Whether two values of a field say the same: numbers by value (``1.6``, ``"1.6"`` as a
    Decimal and ``1.60`` are one number, written three ways), cycles by label and dates."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    numbers = (int, float, Decimal)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return float(a) == float(b)
    if isinstance(a, Cycle) and isinstance(b, Cycle):
        return (str(a), a.start, a.end) == (str(b), b.start, b.end)
    return a == b


def _fields(old: Any, new: Any) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(field=f.name, old=a, new=b)
        for f in attrs.fields(type(old))
        if f.init and f.name not in _SKIP
        and not _same(a := getattr(old, f.name), b := getattr(new, f.name))
    )  # fmt: skip


def _matched(
    kind: Kind,
    old: Sequence[Any],
    new: Sequence[Any],
    parents: tuple[dict[str, str], dict[str, str]] | None = None,
) -> Iterator[Change]:
    """The changes of one kind of item, matched by id: removed ones in the old order, then
    added and edited ones in the new order."""
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    for item in old:
        if item.id not in after:
            parent = None if parents is None else parents[0].get(item.id)
            yield Change(
                kind=kind, change="removed", id=item.id, title=item.title, objective=parent
            )
    for item in new:
        parent = None if parents is None else parents[1].get(item.id)
        was = before.get(item.id)
        if was is None:
            yield Change(kind=kind, change="added", id=item.id, title=item.title, objective=parent)
            continue
        fields = _fields(was, item)
        if parents is not None and parents[0].get(item.id) != parent:
            fields += (FieldChange(field="objective", old=parents[0].get(item.id), new=parent),)
        if fields:
            yield Change(
                kind=kind, change="edited", id=item.id, title=item.title, fields=fields,
                objective=parent,
            )  # fmt: skip


def _check_in_changes(
    kind: Literal["key_result", "kpi"],
    old: Iterable[KeyResult | Kpi],
    new: Iterable[KeyResult | Kpi],
) -> Iterator[CheckInChange]:
    before = {item.id: item for item in old}
    for item in new:
        was = before.get(item.id)
        if was is None or was.check_ins == item.check_ins:
            continue
        for change, c in _unmatched(was.check_ins, item.check_ins, _check_in_key):
            yield CheckInChange(kind=kind, change=change, id=item.id, check_in=c)


_I = TypeVar("_I")


def _unmatched(
    old: Sequence[_I], new: Sequence[_I], key: Callable[[_I], object]
) -> Iterator[tuple[Literal["added", "removed"], _I]]:
    """The items of *old* that *new* has fewer of ("removed"), then those of *new* that *old*
    has fewer of ("added"), each compared by *key*, in their own order."""
    left, right = Counter(map(key, old)), Counter(map(key, new))
    spare = right - left
    for item in old:
        k = key(item)
        if left[k] > right[k]:
            left[k] -= 1
            yield "removed", item
    for item in new:
        k = key(item)
        if spare[k]:
            spare[k] -= 1
            yield "added", item


def _check_in_key(c: CheckIn) -> tuple[object, ...]:
    """A check-in as compared: its numbers by value, however they are written."""
    confidence = None if c.confidence is None else float(c.confidence)
    return (c.at, float(c.value), confidence, c.note, c.author)


def _moves(old: Plan, new: Plan, at: date) -> Iterator[Move]:
    before = scorecard(old, at=at)
    after = scorecard(new, at=at)
    old_rows: dict[tuple[str, str], Any] = {}
    for row in before:
        old_rows["objective", row.id] = row
        for kr in row.key_results:
            old_rows["key_result", kr.id] = kr
    for row in after:
        pairs: list[tuple[Literal["objective", "key_result"], Any]] = [("objective", row)]
        pairs += [("key_result", kr) for kr in row.key_results]
        for kind, now in pairs:
            was = old_rows.get((kind, now.id))
            if was is None:
                continue
            if _same_score(was.score, now.score) and was.status == now.status:
                continue
            yield Move(
                kind=kind,
                id=now.id,
                title=now.title,
                old_score=was.score,
                new_score=now.score,
                old_status=was.status,
                new_status=now.status,
            )


def _same_score(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) < 1e-9


def diff(old: Plan, new: Plan, *, at: date | None = None) -> PlanDiff:
    """What changed from *old* to *new*: objectives, key results, KPIs and initiatives added,
    removed and edited (matched by id, field by field), check-ins added and removed, and the
    scores and statuses that differ at *at* (default: today).

    >>> import attrs
    >>> from okrkit import KeyResult, Objective, Plan
    >>> churn = KeyResult(id="churn", title="Cut churn from 5% to 4%", direction="decrease",
    ...                   start=5, target=4).check_in(4.8, at=date(2026, 7, 6))
    >>> old = Plan(objectives=[Objective(id="keep", title="Keep customers", key_results=[churn])])
    >>> easier = attrs.evolve(churn, target=4.5)  # after a check-in: a moved goalpost
    >>> new = old.replace(old.objectives[0].replace_key_result(easier))
    >>> d = diff(old, new, at=date(2026, 8, 20))
    >>> d.summary()
    '1 key result edited, 2 scores moved, 1 moved goalpost'
    >>> [str(f) for f in d.moved_goalposts[0].fields]
    ['target 4 -> 4.5']
    >>> bool(diff(old, old, at=date(2026, 8, 20)))
    False
    """
    for name, plan in (("old", old), ("new", new)):
        if not isinstance(plan, Plan):
            raise InvalidTypeError(name, plan, "a Plan")
    at = date.today() if at is None else at
    if not isinstance(at, date):
        raise InvalidTypeError("at", at, "a date")
    old_parents = {kr.id: obj.id for obj, kr in old.key_results()}
    new_parents = {kr.id: obj.id for obj, kr in new.key_results()}
    old_krs = [kr for _, kr in old.key_results()]
    new_krs = [kr for _, kr in new.key_results()]
    changes = [
        *_matched("objective", old.objectives, new.objectives),
        *_matched("key_result", old_krs, new_krs, (old_parents, new_parents)),
        *_matched("kpi", old.kpis, new.kpis),
        *_matched("initiative", old.initiatives, new.initiatives),
    ]
    before = {kr.id: kr for kr in old_krs}
    after = {kr.id: kr for kr in new_krs}
    goalposts = []
    for c in changes:
        if c.kind == "key_result" and c.change == "edited":
            moved = moved_goalposts(before[c.id], after[c.id])
            if moved:
                goalposts.append(attrs.evolve(c, fields=moved))
    check_ins = [
        *_check_in_changes("key_result", old_krs, new_krs),
        *_check_in_changes("kpi", old.kpis, new.kpis),
    ]
    return PlanDiff(
        at=at,
        changes=tuple(changes),
        check_ins=tuple(check_ins),
        moves=tuple(_moves(old, new, at)),
        moved_goalposts=tuple(goalposts),
        history=tuple(_history_changes(old.history, new.history)),
    )


def moved_goalposts(old: KeyResult, new: KeyResult) -> tuple[FieldChange, ...]:
    """The goalposts (direction, start, target) edited from *old* to *new*, a later version
    of the same key result, once *old* had been checked in; none before its first check-in.

    A key result newly carried into a cycle (`roll_over`) starts again from where it was:
    its new start is the roll-over's, not a goalpost moved.  `diff` flags what this finds,
    and `okrkit.retrospective` counts it.

    >>> from okrkit import KeyResult
    >>> nps = KeyResult(id="nps", title="Raise NPS", direction="increase", start=30, target=45)
    >>> [str(f) for f in moved_goalposts(nps.check_in(33, at=date(2026, 7, 6)),
    ...                                  attrs.evolve(nps, target=40))]
    ['target 45 -> 40']
    >>> moved_goalposts(nps, attrs.evolve(nps, target=40))
    ()
    """
    for name, kr in (("old", old), ("new", new)):
        if not isinstance(kr, KeyResult):
            raise InvalidTypeError(name, kr, "a KeyResult")
    if old is new or not old.check_ins:
        return ()
    if new.carried_from is not None and old.carried_from is None:
        return ()
    return tuple(
        FieldChange(field=name, old=a, new=b)
        for name in _GOALPOSTS
        if not _same(a := getattr(old, name), b := getattr(new, name))
    )


def _past_key(p: PastScore) -> tuple[object, ...]:
    return (p.owner, str(p.cycle), p.cycle.start, float(p.score), p.commitment, p.objective)


def _history_changes(
    old: Sequence[PastScore], new: Sequence[PastScore]
) -> Iterator[PastScoreChange]:
    for change, p in _unmatched(old, new, _past_key):
        yield PastScoreChange(change=change, past=p)


def roll_over(plan: Plan, cycle: Cycle | str, *, at: date) -> Plan:
    """*plan* carried into the next *cycle* as of *at*: `Plan.roll_over` says what is kept."""
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    if isinstance(cycle, str):
        cycle = _parse(cycle, plan)
    if not isinstance(cycle, Cycle):
        raise InvalidTypeError("cycle", cycle, "a Cycle or a cycle label such as '2026-Q4'")
    if not isinstance(at, date):
        raise InvalidTypeError("at", at, "a date")
    # An objective of a cycle that holds the next one (a year's, rolled into its last
    # quarter) runs on as it is; the others are rolled over, and must end before it starts.
    running = {
        o.id
        for o in plan.objectives
        if o.cycle is not None and o.cycle != cycle and _holds(o.cycle, cycle)
    }
    for obj in plan.objectives:
        if obj.id not in running and obj.cycle is not None and obj.cycle.end >= cycle.start:
            raise InvalidValueError(
                "cycle",
                str(cycle),
                f"a cycle that starts after {obj.cycle} ends ({obj.cycle.end.isoformat()}),"
                f" the cycle of objective {obj.id!r}",
            )
    card = scorecard(plan, at=at)
    done = {kr.id for row in card for kr in row.key_results if kr.done}
    rows = {row.id: row for row in card}
    carried: list[tuple[Objective, list[KeyResult]]] = []
    for obj in plan.objectives:
        if obj.id in running:
            carried.append((obj, list(obj.key_results)))
            continue
        krs = [_carried(kr, at) for kr in obj.key_results if kr.id not in done]
        if krs or not obj.key_results:
            carried.append((obj, krs))
    kept = {obj.id for obj, _ in carried} | {kr.id for _, krs in carried for kr in krs}
    kr_ids = {kr.id for _, krs in carried for kr in krs}
    parents = _parents(plan)
    objectives = [
        obj
        if obj.id in running
        else attrs.evolve(
            obj,
            cycle=cycle,
            key_results=krs,
            aligned_to=_nearest(obj.aligned_to, kept, parents),
        )
        for obj, krs in carried
    ]
    initiatives = [
        attrs.evolve(i, key_results=[k for k in i.key_results if k in kr_ids])
        for i in plan.initiatives
        # Open, and still for something: one whose key results are all done stays behind.
        if i.open and (not i.key_results or any(k in kr_ids for k in i.key_results))
    ]
    history = list(plan.history)
    # One past score per objective; an owner's cycle the history scores as a whole (a past
    # score that names no objective) gains none, which would count that cycle twice.
    seen = {(p.owner, p.cycle, p.objective) for p in history}
    for obj in plan.objectives:
        row = rows.get(obj.id)
        if obj.id in running or row is None or row.score is None:
            continue
        if obj.owner is None or obj.cycle is None:
            continue
        if {(obj.owner, obj.cycle, obj.id), (obj.owner, obj.cycle, None)} & seen:
            continue
        history.append(
            PastScore(
                owner=obj.owner,
                cycle=obj.cycle,
                score=round(min(max(row.score, 0.0), 10.0), 6),
                commitment=obj.commitment,
                objective=obj.id,
            )
        )
    return Plan(
        objectives=objectives,
        kpis=[attrs.evolve(k, check_ins=()) for k in plan.kpis],
        history=history,
        initiatives=initiatives,
    )


def _parse(label: str, plan: Plan) -> Cycle:
    """The cycle *label* names, a fiscal one by the plan's own fiscal settings."""
    for obj in plan.objectives:
        if obj.cycle is not None and obj.cycle.kind.startswith("fiscal_"):
            return Cycle.parse(
                label,
                fiscal_year_start=obj.cycle.fiscal_year_start,
                fiscal_year_named_by=obj.cycle.fiscal_year_named_by,
            )
    return Cycle.parse(label)


def _holds(outer: Cycle, inner: Cycle) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _parents(plan: Plan) -> dict[str, str | None]:
    """What each objective and key result of *plan* is aligned to, or belongs to: an
    objective's parent, a key result's objective."""
    found: dict[str, str | None] = {}
    for obj in plan.objectives:
        found.setdefault(obj.id, obj.aligned_to)
        for kr in obj.key_results:
            found.setdefault(kr.id, obj.id)
    return found


def _nearest(id: str | None, kept: set[str], parents: dict[str, str | None]) -> str | None:
    """*id*, or, if it is finished, the nearest of its ancestors that is carried: an
    objective aligned to a finished one is aligned to what that one was aligned to.  An id
    the plan does not hold (another file's) is kept."""
    seen: set[str] = set()
    while id is not None and id in parents and id not in kept and id not in seen:
        seen.add(id)
        id = parents[id]
    return None if id in seen else id


def _carried(kr: KeyResult, at: date) -> KeyResult:
    """*kr* carried into the next cycle: from its value at *at*, with no check-ins."""
    fresh = attrs.evolve(kr, check_ins=(), due=None, carried_from=kr.id)
    value = kr.value_at(at)
    if value is None or value == kr.start:
        return fresh
    try:
        return attrs.evolve(fresh, start=value)
    except (InvalidValueError, InvalidTypeError):  # past its target all the same: as it was
        return fresh
