"""The scorecard: one evaluation of a plan at a date, which every view reads.

`scorecard` walks the alignment tree once and says, for each objective and key result in
tree order, its score, status and grade as of a date, with the grade it is heading for and
each key result's forecast.  The reports (Markdown, HTML, JSON), ``okrkit score`` and
``okrkit tree``, `okrkit.to_frame`, the plots and the notebook views all show these rows;
none of them computes a score, grade, status or colour of its own.

>>> from datetime import date
>>> import okrkit
>>> kr = okrkit.KeyResult(id="nps", title="Raise NPS from 30 to 50", direction="increase",
...                       start=30, target=50).check_in(40, at=date(2026, 8, 1))
>>> plan = okrkit.Plan(objectives=[okrkit.Objective(id="delight", title="Delight customers",
...     cycle=okrkit.Cycle.parse("2026-Q3"), key_results=[kr])])
>>> card = scorecard(plan, at=date(2026, 8, 10))
>>> row = card.objectives[0]
>>> row.score, row.status.value, row.grade, row.projected_grade.label
(0.5, 'on_track', None, 'delivered')
>>> scorecard(plan, at=date(2026, 10, 1)).objectives[0].grade.label
'progress'
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from okrkit import _validators as v
from okrkit._forest import Forest
from okrkit._gc import paused
from okrkit._numbers import finite
from okrkit.cycles import Cycle
from okrkit.errors import (
    AlignmentError,
    InvalidTypeError,
    InvalidValueError,
    OKRError,
    Problem,
    UnknownIdError,
)
from okrkit.model import (
    CheckIn,
    Commitment,
    Direction,
    Initiative,
    KeyResult,
    Kpi,
    Objective,
    Plan,
    PlanIndex,
)
from okrkit.rules import Diagnostic
from okrkit.scoring import (
    LINEAR,
    Bands,
    Forecast,
    Grade,
    Policy,
    PolicyName,
    Status,
    bands_for,
    confidence,
    done,
    forecast,
    policy_named,
    progress,
    status,
)
from okrkit.tree import AlignmentTree, RollUp, check_roll_up

__all__ = [
    "REPORT_VERSION",
    "InitiativeRow",
    "KeyResultRow",
    "KpiRow",
    "ObjectiveRow",
    "Scorecard",
    "color",
    "diagnostics_data",
    "place",
    "scorecard",
    "severity_counts",
]

REPORT_VERSION = 2
"""The version of the JSON report's shape (``"okrkit_report": 2``): `Scorecard.to_dict`."""


def _float(value: object) -> float | None:
    """A plan's number (an int, float or Decimal) as a float; None stays None."""
    if value is None:
        return None
    assert isinstance(value, int | float | Decimal)
    return float(value)


def _band(value: object) -> float | tuple[float, float] | None:
    if isinstance(value, tuple):
        return (float(value[0]), float(value[1]))
    return _float(value)


@attrs.frozen(kw_only=True)
class KeyResultRow:
    """One key result as of the scorecard's date.

    The row holds what the evaluation decided (*score*, *status*, *forecast*, whether it is
    graded yet); what follows from the key result alone (*value*, *progress*, *done*,
    *confidence*) is read from it, trimmed to the scorecard's date, when asked for.

    *score* is its score in the alignment tree (None when it cannot be measured, or before its
    cycle starts).  *grade* is set once its objective's cycle has ended (or when the objective
    has no cycle); before that, *projected_grade* is the grade its *forecast* would get at the
    cycle's end.  Both are graded as its objective is committed (green only at 1.0).
    """

    key_result: KeyResult
    """The key result, with the check-ins made by the scorecard's date."""
    score: float | None
    """Its score under the scorecard's policy."""
    status: Status | None
    """Where it stands in its objective's cycle (None without a cycle, or unmeasurable)."""
    forecast: Forecast | None
    """Where it is heading by the end of the cycle, while the cycle runs."""
    commitment: Commitment
    """Its objective's commitment, which it is graded by."""
    final: bool
    """Whether it is graded: its objective's cycle has reached its last day, or it has none."""

    @property
    def bands(self) -> Bands:
        """The bands it is graded by: its objective's commitment's."""
        return bands_for(self.commitment)

    @property
    def grade(self) -> Grade | None:
        """Its grade, once the cycle has ended (or when there is no cycle)."""
        if not self.final or self.score is None:
            return None
        return self.bands.grade(self.score)

    @property
    def projected_grade(self) -> Grade | None:
        """The grade its forecast would get at the end of the cycle, while the cycle runs."""
        f = self.forecast
        if f is None or f.score is None:
            return None
        return self.bands.grade(f.score)

    @property
    def value(self) -> float | None:
        """Its value: the latest check-in, else its start."""
        return _float(self.key_result.value_at())

    @property
    def checked_in(self) -> date | datetime | None:
        """When its latest check-in was made (None: never)."""
        latest = self.key_result.latest()
        return None if latest is None else latest.at

    @property
    def confidence(self) -> float | None:
        """The latest confidence its owner gave (0 to 1)."""
        return confidence(self.key_result)

    @property
    def progress(self) -> float | None:
        """The raw, unclamped fraction of the way from start to target (None: unmeasurable)."""
        try:
            return progress(self.key_result)
        except OKRError:
            return None

    @property
    def done(self) -> bool:
        """Whether its latest check-in reached its target (`okrkit.scoring.done`)."""
        return done(self.key_result)

    @property
    def id(self) -> str:
        """The key result's id."""
        return self.key_result.id

    @property
    def title(self) -> str:
        """The key result's title."""
        return self.key_result.title

    @property
    def owner(self) -> str | None:
        """Who owns the key result."""
        return self.key_result.owner

    @property
    def direction(self) -> Direction | None:
        """Which way the key result should move."""
        return self.key_result.direction

    @property
    def unit(self) -> str | None:
        """The key result's unit."""
        return self.key_result.unit

    @property
    def start(self) -> float | None:
        """The key result's start, as a float."""
        return _float(self.key_result.start)

    @property
    def target(self) -> float | tuple[float, float] | None:
        """The key result's target as a float, or a band's two ends."""
        return _band(self.key_result.target)

    @property
    def weight(self) -> float:
        """How much the key result counts in its objective."""
        return float(self.key_result.weight)


# Where the scorecard's date falls in an objective's cycle: before it, while it runs (up to
# the day before its last), or from its last day on, or with no cycle at all (then graded).
_BEFORE, _RUNNING, _ENDED = "before", "running", "ended"

# A key result's evaluation while its cycle runs (or on its last day): status and forecast.
_State: TypeAlias = tuple[Status | None, Forecast | None]


@attrs.frozen
class ObjectiveRow:
    """One objective as of the scorecard's date, with its key results' rows.

    *score* is its rolled-up score in the alignment tree (None when nothing under it can be
    measured, or before its cycle starts).  *grade* is set once its cycle has ended (or when
    it has no cycle), by its commitment (a committed objective is green only at 1.0); while
    the cycle runs, *projected_grade* is the grade of *projected_score*: its score, were each
    key result at its forecast.  *parent* is the objective it hangs from in the tree (None for
    a root, and for an objective whose alignment is broken); *aligned_to_title* the title of
    what `aligned_to` names, an objective or a key result.

    Rows are made by `scorecard`.  The key results' rows are made from what the evaluation
    stored each time `key_results` is read (at 100,000 objectives, making 400,000 of them up
    front would double what a scorecard costs).
    """

    objective: Objective
    """The objective, with the check-ins made by the scorecard's date."""
    parent: str | None
    """The id of the objective above it in the tree."""
    depth: int
    """How far below its root it sits: 0 for a root."""
    aligned_to_title: str | None
    """The title of the objective or key result it is aligned to."""
    score: float | None
    """Its rolled-up score under the scorecard's policy and roll-up."""
    projected_score: float | None
    """Its score were each key result at its forecast, while the cycle runs."""
    status: Status | None
    """Where it stands in its cycle (None without a cycle, or unmeasurable)."""
    _phase: str = attrs.field(repr=False)
    _scores: tuple[float | None, ...] = attrs.field(repr=False)
    _states: tuple[_State, ...] | None = attrs.field(repr=False)

    @property
    def final(self) -> bool:
        """Whether it is graded: its cycle has reached its last day, or it has none."""
        return self._phase is _ENDED

    @property
    def running(self) -> bool:
        """Whether its cycle has begun and not yet reached its last day."""
        return self._phase is _RUNNING

    @property
    def key_results(self) -> tuple[KeyResultRow, ...]:
        """Its key results' rows, in the objective's order."""
        obj = self.objective
        final = self._phase is _ENDED
        commitment = obj.commitment
        states = self._states
        scores = self._scores
        if states is None:  # no cycle, or not running: one status for all, and no forecast
            if obj.cycle is None:
                state: Status | None = None
            else:
                state = Status.NOT_STARTED if self._phase is _BEFORE else Status.CLOSED
            states = ((state, None),) * len(scores)
            if self._phase is _BEFORE:
                scores = (None,) * len(scores)
        return tuple(
            KeyResultRow(
                key_result=kr,
                score=s,
                status=state,
                forecast=predicted,
                commitment=commitment,
                final=final,
            )
            for kr, s, (state, predicted) in zip(obj.key_results, scores, states, strict=True)
        )

    @property
    def bands(self) -> Bands:
        """The bands it is graded by: its commitment's."""
        return bands_for(self.objective.commitment)

    @property
    def grade(self) -> Grade | None:
        """Its grade, once its cycle has ended (or when it has no cycle)."""
        if self._phase is not _ENDED or self.score is None:
            return None
        return self.bands.grade(self.score)

    @property
    def projected_grade(self) -> Grade | None:
        """The grade of its projected score, while its cycle runs."""
        if self.projected_score is None:
            return None
        return self.bands.grade(self.projected_score)

    @property
    def confidence(self) -> float | None:
        """The weighted mean of its key results' latest confidences."""
        return confidence(self.objective)

    @property
    def id(self) -> str:
        """The objective's id."""
        return self.objective.id

    @property
    def title(self) -> str:
        """The objective's title."""
        return self.objective.title

    @property
    def owner(self) -> str | None:
        """Who owns the objective."""
        return self.objective.owner

    @property
    def level(self) -> str | None:
        """The objective's level (``"company"``, ``"team"``...)."""
        level = self.objective.level
        return None if level is None else str(level)

    @property
    def cycle(self) -> Cycle | None:
        """The objective's cycle."""
        return self.objective.cycle

    @property
    def commitment(self) -> Commitment:
        """Committed or aspirational."""
        return self.objective.commitment

    @property
    def aligned_to(self) -> str | None:
        """The id the objective is aligned to, as the plan says."""
        return self.objective.aligned_to

    @property
    def weight(self) -> float:
        """How much the objective counts in its parent's roll-up."""
        return float(self.objective.weight)


@attrs.frozen(kw_only=True)
class InitiativeRow:
    """One initiative as of the scorecard's date: whether it is overdue then."""

    initiative: Initiative
    """The initiative."""
    overdue: bool
    """Whether it was still open after its due day, at the scorecard's date."""

    @property
    def id(self) -> str:
        """The initiative's id."""
        return self.initiative.id

    @property
    def title(self) -> str:
        """The initiative's title."""
        return self.initiative.title

    @property
    def state(self) -> str:
        """Its status in words, "overdue" added when it is: ``"in progress, overdue"``."""
        words = self.initiative.status.value.replace("_", " ")
        return f"{words}, overdue" if self.overdue else words


@attrs.frozen(kw_only=True)
class KpiRow:
    """One KPI as of the scorecard's date: its latest reading and whether it is healthy."""

    kpi: Kpi
    """The KPI."""
    value: float | None
    """Its latest reading (None: none yet)."""
    healthy: bool | None
    """Whether that reading is on the right side of the threshold (None: no reading)."""

    @property
    def id(self) -> str:
        """The KPI's id."""
        return self.kpi.id

    @property
    def title(self) -> str:
        """The KPI's title."""
        return self.kpi.title

    @property
    def threshold(self) -> float | tuple[float, float]:
        """The KPI's threshold as a float, or a band's two ends."""
        threshold = _band(self.kpi.threshold)
        assert threshold is not None  # a KPI always has one
        return threshold

    @property
    def unit(self) -> str | None:
        """The KPI's unit."""
        return self.kpi.unit


def place(objective: Objective, key_result: KeyResult | None = None) -> str:
    """An objective, or one of its key results, in the words every view names it by.

    >>> import okrkit
    >>> obj = okrkit.Objective(id="delight", title="Delight customers")
    >>> place(obj), place(obj, okrkit.KeyResult(id="nps", title="Raise NPS"))
    ('objective Delight customers (delight)', 'key result Raise NPS (nps) of delight')
    """
    if key_result is None:
        return f"objective {objective.title} ({objective.id})"
    return f"key result {key_result.title} ({key_result.id}) of {objective.id}"


def color(row: ObjectiveRow | KeyResultRow) -> str | None:
    """The colour a view gives *row*: its grade's, else its projected grade's; None: neither.

    Every view colours with this one function, so a row is the same colour in the HTML
    report, the plot, the notebook and the terminal.

    >>> from datetime import date
    >>> import okrkit
    >>> kr = okrkit.KeyResult(title="Ship", direction="milestone").check_in(1, at=date(2026, 8, 1))
    >>> card = scorecard(okrkit.Plan(objectives=[okrkit.Objective(title="O", key_results=[kr])]))
    >>> color(card.objectives[0]), color(card.objectives[0].key_results[0])
    ('green', 'green')
    """
    if not isinstance(row, ObjectiveRow | KeyResultRow):
        raise InvalidTypeError("row", row, "an ObjectiveRow or a KeyResultRow of a Scorecard")
    shown = row.grade if row.grade is not None else row.projected_grade
    return None if shown is None else shown.color


@attrs.frozen(kw_only=True)
class Scorecard:
    """A plan evaluated at a date: its objectives' rows in tree order, its KPIs, its problems.

    Made by `scorecard`.  *objectives* come depth first down the alignment tree.  When the
    alignment is broken, *alignment_problems* lists each problem and the objectives whose
    links are broken are treated as roots: the plan is still scored.
    """

    plan: Plan
    """The plan as it stood at the end of *at*: check-ins made after it left out."""
    at: date
    """The date the plan is evaluated at."""
    policy: Policy
    """The scoring policy."""
    roll_up: RollUp
    """Where objectives' scores come from (see `okrkit.tree.RollUp`)."""
    objectives: tuple[ObjectiveRow, ...]
    """Every objective, depth first down the alignment tree."""
    kpis: tuple[KpiRow, ...]
    """Every KPI, in plan order."""
    alignment_problems: tuple[Problem, ...]
    """What is wrong with the alignment (unknown parents, loops, duplicated ids)."""
    initiatives: tuple[InitiativeRow, ...] = ()
    """Every initiative, in plan order."""
    left_out: int = 0
    """How many of the plan's check-ins (its key results' and KPIs') were made after *at*, and
    left out: a report says so, since a progress note dated later than it meant (a Markdown
    note with no date is dated at its cycle's end) hides progress without a word."""

    def __iter__(self) -> Iterator[ObjectiveRow]:
        return iter(self.objectives)

    def initiatives_by_key_result(self) -> dict[str, tuple[InitiativeRow, ...]]:
        """Each key result's initiatives, by its id, in plan order (only key results that
        have some); an initiative that names several key results is under each.

        >>> from okrkit import Initiative, KeyResult, Objective, Plan
        >>> plan = Plan(objectives=[Objective(title="Keep", key_results=[
        ...     KeyResult(id="churn", title="Cut churn from 5% to 4%")])],
        ...     initiatives=[Initiative(title="Win-back emails", key_results=["churn"])])
        >>> [row.title for row in scorecard(plan).initiatives_by_key_result()["churn"]]
        ['Win-back emails']
        """
        found: dict[str, list[InitiativeRow]] = {}
        for row in self.initiatives:
            for kr_id in dict.fromkeys(row.initiative.key_results):
                found.setdefault(kr_id, []).append(row)
        return {kr_id: tuple(rows) for kr_id, rows in found.items()}

    def __len__(self) -> int:
        return len(self.objectives)

    def key_results(self) -> Iterator[tuple[ObjectiveRow, KeyResultRow]]:
        """Every key result's row with its objective's, in tree order."""
        return ((o, k) for o in self.objectives for k in o.key_results)

    def row(self, id: str) -> ObjectiveRow | KeyResultRow:
        """The row of the objective or key result *id* (the first, if the id is held twice)."""
        for o in self.objectives:
            if o.id == id:
                return o
            for k in o.key_results:
                if k.id == id:
                    return k
        raise UnknownIdError(id)

    def locate(self, path: str) -> str:
        """Where *path* (a finding's, such as ``objectives[4].key_results[2].target``) is, in
        the ids and titles people see rather than list positions.

        >>> import okrkit
        >>> kr = okrkit.KeyResult(id="nps", title="Raise NPS", direction="increase", start=1,
        ...                       target=2)
        >>> card = scorecard(okrkit.Plan(objectives=[okrkit.Objective(id="delight",
        ...     title="Delight customers", key_results=[kr])]))
        >>> card.locate("objectives[0].key_results[0].check_ins[2]")
        'key result Raise NPS (nps) of delight, check-in 3'
        >>> card.locate("objectives[0]"), card.locate("")
        ('objective Delight customers (delight)', 'the plan')
        """
        if not isinstance(path, str):
            raise InvalidTypeError("path", path, "a path such as 'objectives[0].key_results[1]'")
        if path in ("", "$"):
            return "the plan"
        found = _PLACE.fullmatch(path)
        if found is None:
            return path
        kind, i, j, rest = found.groups()
        plan = self.plan
        try:
            if kind == "kpis":
                kpi = plan.kpis[int(i)]
                where = f"KPI {kpi.title} ({kpi.id})"
            else:
                obj = plan.objectives[int(i)]
                where = place(obj, None if j is None else obj.key_results[int(j)])
        except IndexError:
            return path
        if rest:
            field = _CHECK_IN.sub(lambda m: f"check-in {int(m.group(1)) + 1}", rest[1:])
            where += ", " + field.replace("_", " ").replace(".", ", ")
        return where

    @property
    def score(self) -> float | None:
        """The mean score of the top-level objectives (None: none has a score)."""
        roots = [o.score for o in self.objectives if o.depth == 0 and o.score is not None]
        return math.fsum(roots) / len(roots) if roots else None

    def counts(
        self, of: Literal["objectives", "key_results"] = "objectives"
    ) -> dict[Status | None, int]:
        """How many objectives (or key results) have each status, in `Status` order; None
        counts those with no status."""
        if of == "objectives":
            rows: Iterable[ObjectiveRow | KeyResultRow] = self.objectives
        elif of == "key_results":
            rows = (k for _, k in self.key_results())
        else:
            raise InvalidValueError("of", of, "'objectives' or 'key_results'")
        found: dict[Status | None, int] = {}
        for row in rows:
            found[row.status] = found.get(row.status, 0) + 1
        return {s: found[s] for s in [*Status, None] if s in found}

    def attention(self) -> tuple[tuple[ObjectiveRow, KeyResultRow | None], ...]:
        """What needs attention, in tree order: each objective and key result off track, at
        risk or stale (a key result with its objective; an objective with None)."""
        wanted = (Status.OFF_TRACK, Status.AT_RISK, Status.STALE)
        found: list[tuple[ObjectiveRow, KeyResultRow | None]] = []
        for o in self.objectives:
            if o.status in wanted:
                found.append((o, None))
            found.extend((o, k) for k in o.key_results if k.status in wanted)
        return tuple(found)

    def to_dict(
        self,
        *,
        diagnostics: Iterable[Diagnostic] | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        """The JSON report: everything in the scorecard as JSON-ready data.

        *diagnostics* (a rules `Report`, or any iterable of `okrkit.rules.Diagnostic`) are
        listed as their `~okrkit.rules.Diagnostic.to_dict`, with ``"where"`` (`locate`);
        *title* heads the report.
        ``"okrkit_report"`` is `REPORT_VERSION`.
        """
        if title is not None and not isinstance(title, str):
            raise InvalidTypeError("title", title, "a title (a str) or None")
        found = None
        if diagnostics is not None:
            found = [{**d, "where": self.locate(d["path"])} for d in diagnostics_data(diagnostics)]
        needs = self.attention()
        return {
            "okrkit_report": REPORT_VERSION,
            "title": title or "OKR report",
            "as_of": self.at.isoformat(),
            "policy": self.policy.name,
            "roll_up": self.roll_up,
            "summary": {
                "objectives": len(self.objectives),
                "key_results": sum(len(o.key_results) for o in self.objectives),
                "score": self.score,
                "statuses": {_status(s) or "none": n for s, n in self.counts().items()},
                "key_result_statuses": {
                    _status(s) or "none": n for s, n in self.counts("key_results").items()
                },
                "attention": [
                    {
                        "objective": o.id,
                        "key_result": None if k is None else k.id,
                        "status": _status((o if k is None else k).status),
                    }
                    for o, k in needs
                ],
                "diagnostics": None if found is None else severity_counts(found),
            },
            "objectives": [_objective_dict(o) for o in self.objectives],
            "kpis": [
                {
                    "id": k.id,
                    "title": k.title,
                    "owner": k.kpi.owner,
                    "direction": k.kpi.direction.value,
                    "threshold": _json_number(k.threshold),
                    "unit": k.unit,
                    "value": k.value,
                    "healthy": k.healthy,
                }
                for k in self.kpis
            ],
            "initiatives": [
                {
                    "id": i.id,
                    "title": i.title,
                    "owner": i.initiative.owner,
                    "status": i.initiative.status.value,
                    "due": None if i.initiative.due is None else i.initiative.due.isoformat(),
                    "key_results": list(i.initiative.key_results),
                    "overdue": i.overdue,
                }
                for i in self.initiatives
            ],
            "alignment_problems": [p.message for p in self.alignment_problems],
            "diagnostics": found,
        }

    def _repr_html_(self) -> str:
        """A compact HTML view for notebooks (`okrkit.report.scorecard_html`)."""
        from okrkit import _repr

        return _repr.html(self)


_PLACE = re.compile(
    r"(?:\$\.)?(objectives|kpis)\[(\d{1,9})\](?:\.key_results\[(\d{1,9})\])?(\..*)?"
)
_CHECK_IN = re.compile(r"check_ins\[(\d{1,9})\]")


# JSON ----------------------------------------------------------------------------------------


def _status(value: Status | None) -> str | None:
    return None if value is None else value.value


def _grade_dict(g: Grade | None) -> dict[str, str] | None:
    return None if g is None else {"label": g.label, "color": g.color}


def _json_number(value: object) -> float | list[float] | None:
    band = _band(value)
    return list(band) if isinstance(band, tuple) else band


def _key_result_dict(k: KeyResultRow) -> dict[str, Any]:
    f = k.forecast
    return {
        "id": k.id,
        "title": k.title,
        "owner": k.owner,
        "direction": None if k.direction is None else k.direction.value,
        "unit": k.unit,
        "weight": k.weight,
        "start": k.start,
        "target": _json_number(k.key_result.target),
        "value": k.value,
        "checked_in": None if k.checked_in is None else k.checked_in.isoformat(),
        "confidence": k.confidence,
        "progress": finite(k.progress),
        "score": k.score,
        "grade": _grade_dict(k.grade),
        "projected_grade": _grade_dict(k.projected_grade),
        "color": color(k),
        "status": _status(k.status),
        "done": k.done,
        "forecast": None
        if f is None or f.value is None
        else {"value": f.value, "score": f.score, "trend": finite(f.trend)},
    }


def _objective_dict(o: ObjectiveRow) -> dict[str, Any]:
    return {
        "id": o.id,
        "title": o.title,
        "owner": o.owner,
        "level": o.level,
        "cycle": None if o.cycle is None else str(o.cycle),
        "cycle_start": None if o.cycle is None else o.cycle.start.isoformat(),
        "cycle_end": None if o.cycle is None else o.cycle.end.isoformat(),
        "commitment": o.commitment.value,
        "weight": o.weight,
        "aligned_to": o.aligned_to,
        "aligned_to_title": o.aligned_to_title,
        "parent": o.parent,
        "depth": o.depth,
        "score": o.score,
        "projected_score": o.projected_score,
        "grade": _grade_dict(o.grade),
        "projected_grade": _grade_dict(o.projected_grade),
        "color": color(o),
        "status": _status(o.status),
        "confidence": o.confidence,
        "key_results": [_key_result_dict(k) for k in o.key_results],
    }


def severity_counts(found: Iterable[dict[str, Any]]) -> dict[str, int]:
    """How many of the findings' data (`diagnostics_data`) have each severity."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        counts[d["severity"]] += 1
    return counts


def diagnostics_data(diagnostics: object) -> list[dict[str, Any]]:
    """Rule findings as JSON-ready data, each its `okrkit.rules.Diagnostic.to_dict`.

    *diagnostics* is a rules `Report`, or any iterable of `okrkit.rules.Diagnostic`.
    """
    if isinstance(diagnostics, str | bytes) or not isinstance(diagnostics, Iterable):
        raise InvalidTypeError("diagnostics", diagnostics, "a rules Report or Diagnostics")
    found = []
    for i, d in enumerate(diagnostics):
        if not isinstance(d, Diagnostic):
            raise InvalidTypeError(f"diagnostics[{i}]", d, "a rules Diagnostic")
        found.append(d.to_dict())
    return found


# The evaluation ------------------------------------------------------------------------------


def _as_of(plan: Plan, at: date) -> Plan:
    """*plan* as it stood at the end of day *at*: the check-ins made later dropped, each judged
    by the date on its own clock (as `KeyResult.latest` judges them), KPIs' too.

    Only what has a later check-in is copied; a plan with none is returned as is.
    """
    objectives = list(plan.objectives)
    changed = False
    for i, obj in enumerate(objectives):
        kept = []
        trimmed = False
        for kr in obj.key_results:
            check_ins = kr.check_ins
            # The common case inline (see `_counted`): no check-in, or a last one dated by *at*.
            if not check_ins or (type(last := check_ins[-1].at) is date and last <= at):
                kept.append(kr)
                continue
            counted = _counted(check_ins, at)
            if counted is None:
                kept.append(kr)
            else:
                kept.append(attrs.evolve(kr, check_ins=counted))
                trimmed = True
        if trimmed:
            objectives[i] = attrs.evolve(obj, key_results=kept)
            changed = True
    kpis = list(plan.kpis)
    for i, kpi in enumerate(kpis):
        counted = _counted(kpi.check_ins, at)
        if counted is not None:
            kpis[i] = attrs.evolve(kpi, check_ins=counted)
            changed = True
    return attrs.evolve(plan, objectives=objectives, kpis=kpis) if changed else plan


def _counted(check_ins: tuple[CheckIn, ...], at: date) -> list[CheckIn] | None:
    """The *check_ins* made by the end of day *at*; None when that is all of them."""
    if not check_ins:
        return None
    last = check_ins[-1].at
    if type(last) is date and last <= at:
        # Check-ins come in time order: one before the last has an instant no later than its
        # midnight (UTC), so a date of its own clock (UTC+14 at most) no later than it.
        return None
    counted = v.counted_by(at)
    kept = [c for c in check_ins if counted(c.at)]
    return None if len(kept) == len(check_ins) else kept


def _tree(
    plan: Plan, roll_up: RollUp, policy: Policy, kr_from_children: bool
) -> tuple[AlignmentTree, list[str] | None, tuple[Problem, ...]]:
    """*plan*'s tree, each objective's id in it by position (None: the plan's), and the
    alignment's problems.

    When the alignment is broken, the tree is built from a copy in which every objective
    aligned to an unknown or duplicated id, or on a loop, is a root, and every id held twice
    is made unique; the rows keep the plan's own ids.
    """
    try:
        tree = AlignmentTree.from_plan(
            plan, roll_up=roll_up, policy=policy, kr_from_children=kr_from_children
        )
    except AlignmentError as error:
        problems = error.details
    else:
        return tree, None, ()
    forest = Forest(plan)
    twice = set(forest.duplicates)
    cut = set(forest.unknown).union(*forest.loops)
    taken = set(forest.index)

    def unique(id: str, i: int, j: int | None = None) -> str:
        if id not in twice:
            return id
        n = 0
        while (made := f"{id}#{i}" + ("" if j is None else f".{j}") + "#" * n) in taken:
            n += 1
        taken.add(made)
        return made

    objectives = []
    for i, obj in enumerate(plan.objectives):
        key_results = [
            attrs.evolve(kr, id=unique(kr.id, i, j)) if kr.id in twice else kr
            for j, kr in enumerate(obj.key_results)
        ]
        root = i in cut or obj.aligned_to in twice
        objectives.append(
            attrs.evolve(
                obj,
                id=unique(obj.id, i),
                aligned_to=None if root else obj.aligned_to,
                key_results=key_results,
            )
        )
    fixed = attrs.evolve(plan, objectives=objectives)
    tree = AlignmentTree.from_plan(
        fixed, roll_up=roll_up, policy=policy, kr_from_children=kr_from_children
    )
    return tree, [o.id for o in objectives], problems


def scorecard(
    plan_or_tree: Plan | AlignmentTree,
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
) -> Scorecard:
    """*plan_or_tree* evaluated as of *at* (default today): a `Scorecard`.

    The scores are the alignment tree's, under *policy* (default `~okrkit.scoring.LINEAR`)
    and *roll_up* (default ``"key_results"``; see `okrkit.tree.RollUp`); given a tree, its own
    policy and roll-up are the defaults, and the tree is reused when nothing differs.
    Check-ins made after *at* are left out.  For each objective and key result, as of *at*:

    - before its cycle starts: status NOT_STARTED, and no score, grade nor forecast;
    - while the cycle runs: its score and status, no grade, and the *projected* grade (the
      grade its forecast would get at the cycle's end; see `okrkit.scoring.forecast`);
    - at or after the cycle's end (or with no cycle): its grade, by its objective's
      commitment.

    A plan whose alignment is broken is still scored: its problems are listed in
    `Scorecard.alignment_problems`, and the objectives whose links are broken are roots.

    >>> import okrkit
    >>> card = scorecard(okrkit.Plan(), at=date(2026, 8, 1))
    >>> card.objectives, card.to_dict()["okrkit_report"]
    ((), 2)
    """
    if isinstance(plan_or_tree, AlignmentTree):
        given: AlignmentTree | None = plan_or_tree
        plan = plan_or_tree.to_plan()
        chosen = plan_or_tree.policy if policy is None else policy_named(policy)
        rolled = plan_or_tree.roll_up if roll_up is None else check_roll_up(roll_up)
    elif isinstance(plan_or_tree, Plan):
        given = None
        plan = plan_or_tree
        chosen = LINEAR if policy is None else policy_named(policy)
        rolled = "key_results" if roll_up is None else check_roll_up(roll_up)
    else:
        raise InvalidTypeError("plan_or_tree", plan_or_tree, "a Plan or an AlignmentTree")
    if at is None:
        at = date.today()
    elif not isinstance(at, date) or isinstance(at, datetime):
        raise InvalidTypeError("at", at, "a date")
    # The rows make no reference cycles: the collector's runs over the plan would be wasted.
    with paused():
        return _evaluate(plan, given, at, chosen, rolled)


def _evaluate(
    plan: Plan, given: AlignmentTree | None, at: date, chosen: Policy, rolled: RollUp
) -> Scorecard:
    then = _as_of(plan, at)
    scored = _started(then, at)
    if given is not None and scored is plan and given.policy == chosen and given.roll_up == rolled:
        tree, ids = given, None
        problems: tuple[Problem, ...] = ()
    else:
        joined = given is not None and given.kr_from_children
        tree, ids, problems = _tree(scored, rolled, chosen, joined)
        if ids is None and scored is not then:  # the rows show the plan's own objectives
            ids = [o.id for o in then.objectives]
    evaluation = _Evaluation(
        plan=then, scored=scored, at=at, policy=chosen, roll_up=rolled, tree=tree, ids=ids
    )
    card = evaluation.card(problems)
    if then is plan:
        return card
    return attrs.evolve(card, left_out=_check_in_count(plan) - _check_in_count(then))


def _check_in_count(plan: Plan) -> int:
    """How many check-ins *plan* holds: its key results' and its KPIs'."""
    return sum(len(kr.check_ins) for _, kr in plan.key_results()) + sum(
        len(kpi.check_ins) for kpi in plan.kpis
    )


def _started(plan: Plan, at: date) -> Plan:
    """*plan* as its tree scores it at *at*: an objective whose cycle has not started has
    nothing that counts (its key results are not measured), so that it adds no score to the
    objective it is aligned to.  *plan* itself when every cycle has started."""
    objectives = list(plan.objectives)
    changed = False
    for i, obj in enumerate(objectives):
        cycle = obj.cycle
        if cycle is not None and at < cycle.start and obj.key_results:
            objectives[i] = attrs.evolve(
                obj,
                key_results=[
                    attrs.evolve(kr, direction=None, target=None) for kr in obj.key_results
                ],
            )
            changed = True
    return attrs.evolve(plan, objectives=objectives) if changed else plan


def _phase(cycle: Cycle | None, at: date) -> str:
    if cycle is None or at >= cycle.end:
        return _ENDED
    return _BEFORE if at < cycle.start else _RUNNING


@attrs.frozen(kw_only=True)
class _Evaluation:
    """One walk down the tree, making the scorecard's rows."""

    plan: Plan
    scored: Plan  # the plan the tree scores (`_started`)
    at: date
    policy: Policy
    roll_up: RollUp
    tree: AlignmentTree
    ids: list[str] | None  # the objectives' ids in the tree by position, when not the plan's

    def card(self, problems: tuple[Problem, ...]) -> Scorecard:
        plan, at = self.plan, self.at
        objectives = plan.objectives
        position = None if self.ids is None else {id: i for i, id in enumerate(self.ids)}
        index = plan.index
        rows: list[ObjectiveRow] = []
        parents: list[int] = []  # each row's parent row, -1 for a root
        positions: list[int] = []  # each row's objective's position in a broken plan
        running: list[int] = []  # the rows whose cycle runs, with a forecast to project
        path: list[int] = []  # the rows from the root down to the objective
        for node in self.tree.walk():
            if position is None:
                obj = node.objective  # the plan's own
            else:  # the plan's, not the tree's copy with ids made unique
                i = position[node.id]
                obj = objectives[i]
                positions.append(i)
            depth = node.depth
            del path[depth:]
            cycle = obj.cycle
            phase = _phase(cycle, at)
            score = node.score
            states: tuple[_State, ...] | None = None
            if cycle is None:
                state: Status | None = None
            elif phase is _BEFORE:
                state, score = Status.NOT_STARTED, None
            elif at > cycle.end:
                state = Status.CLOSED
            else:
                states = tuple(self.state(kr, cycle, phase) for kr in obj.key_results)
                state = self.objective_status(obj)
                if phase is _RUNNING and any(
                    f is not None and f.score is not None for _, f in states
                ):
                    running.append(len(rows))
            aligned = obj.aligned_to
            parents.append(path[-1] if path else -1)
            path.append(len(rows))
            rows.append(
                ObjectiveRow(
                    obj,
                    None if len(path) < 2 else rows[path[-2]].objective.id,
                    depth,
                    None if aligned is None else _title(plan, index, aligned),
                    score,
                    None,
                    state,
                    phase,
                    node.key_result_scores,
                    states,
                )
            )
        if running:
            self.project(rows, parents, positions, running)
        return Scorecard(
            plan=plan,
            at=at,
            policy=self.policy,
            roll_up=self.roll_up,
            objectives=tuple(rows),
            kpis=tuple(_kpi(kpi) for kpi in plan.kpis),
            alignment_problems=problems,
            initiatives=tuple(
                InitiativeRow(initiative=i, overdue=i.overdue(at)) for i in plan.initiatives
            ),
        )

    def objective_status(self, obj: Objective) -> Status | None:
        """*obj*'s status while its cycle runs, judged by the key results that can be
        measured; None when none can."""
        measured = [kr for kr in obj.key_results if kr.measurable]
        if not measured:
            return None
        if len(measured) < len(obj.key_results):
            obj = attrs.evolve(obj, key_results=measured)
        try:
            return status(obj, self.at)
        except OKRError:  # a start and target too close to tell apart as floats
            return None

    def state(self, kr: KeyResult, cycle: Cycle, phase: str) -> _State:
        """*kr*'s status, and its forecast while the cycle runs; None for what cannot be had."""
        if not kr.measurable:
            return None, None
        try:
            state = status(kr, self.at, cycle=cycle)
            if phase is not _RUNNING:
                return state, None
            return state, forecast(kr, cycle=cycle, at=self.at, policy=self.policy)
        except OKRError:  # a start and target too close to tell apart as floats
            return None, None

    def project(
        self, rows: list[ObjectiveRow], parents: list[int], positions: list[int], running: list[int]
    ) -> None:
        """Give each running row its projected score: its score in the tree were each key
        result at its forecast.  Rows with nothing projected under them keep None: none of
        their key results has a forecast (nor, when scores roll up from children, anything
        below them)."""
        projected = set(running)
        if self.roll_up != "key_results":
            for k in range(len(rows) - 1, -1, -1):  # children come after their parents
                up = parents[k]
                if k in projected and up >= 0 and rows[up].running:
                    projected.add(up)
        index = self.plan.index
        place = {k: positions[k] if positions else index[rows[k].id][0] for k in projected}
        objectives = list(self.scored.objectives)
        for k in projected:
            row = rows[k]
            cycle = row.objective.cycle
            assert cycle is not None  # a running row has one
            objectives[place[k]] = attrs.evolve(
                row.objective,
                key_results=[_at_forecast(kr, cycle.end) for kr in row.key_results],
            )
        ahead = attrs.evolve(self.scored, objectives=objectives)
        tree, ids, _ = _tree(ahead, self.roll_up, self.policy, self.tree.kr_from_children)
        for k in projected:
            id = rows[k].id if ids is None else ids[place[k]]
            rows[k] = attrs.evolve(rows[k], projected_score=tree.score(id))


def _at_forecast(row: KeyResultRow, end: date) -> KeyResult:
    """The key result as it would stand at its forecast (one reading, on *end*), else as is."""
    kr = row.key_result
    f = row.forecast
    if f is None or f.value is None:
        return kr
    return attrs.evolve(kr, check_ins=[CheckIn(at=end, value=f.value)])


def _title(plan: Plan, index: PlanIndex, id: str) -> str | None:
    """The title of the objective or key result *id*, if the plan holds it."""
    where = index.get(id)
    if where is None:
        return None
    i, j = where
    obj = plan.objectives[i]
    return obj.title if j is None else obj.key_results[j].title


def _kpi(kpi: Kpi) -> KpiRow:
    """The row of *kpi*, whose later readings `_as_of` has left out."""
    return KpiRow(kpi=kpi, value=_float(kpi.current), healthy=kpi.healthy())
