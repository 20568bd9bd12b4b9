"""Reports of a plan: Markdown for wikis, self-contained HTML for browsers, JSON for programs.

`report_data` computes everything a report shows once (scores rolled up the alignment tree,
grades, statuses and forecasts as of a date, the KPIs, the diagnostics), as plain JSON-ready
data; `render` turns it into ``"md"``, ``"html"`` or ``"json"``.  The ``*_html`` functions are
the compact views notebooks show for key results, objectives, plans, trees and rule reports.

>>> from datetime import date
>>> import okrkit
>>> kr = okrkit.KeyResult(id="nps", title="Raise NPS from 30 to 50", direction="increase",
...                       start=30, target=50).check_in(40, at=date(2026, 8, 1))
>>> plan = okrkit.Plan(objectives=[okrkit.Objective(id="delight", title="Delight customers",
...     cycle=okrkit.Cycle.parse("2026-Q3"), key_results=[kr])])
>>> data = report_data(plan, at=date(2026, 8, 10))
>>> data["objectives"][0]["score"], data["objectives"][0]["status"]
(0.5, 'on_track')
>>> print(render(plan, "md", at=date(2026, 8, 10)).splitlines()[0])
# OKR report, as of 2026-08-10
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeAlias, get_args

import attrs

from okrkit import _validators as v

# The wording every view shares; number_text, percent_text, score_text and status_label are
# documented here too (docs/reports.md).
from okrkit._display import (
    INDENT_LEVELS,
    NO_VALUE,
    count,
    depth_marker,
    grade_text,
    indent,
    number_text,
    percent_text,
    score_text,
    status_label,
)
from okrkit._escape import html_text, json_text, markdown
from okrkit.errors import AlignmentError, InvalidTypeError, OKRError
from okrkit.model import KeyResult, Kpi, Objective, Plan
from okrkit.rules import Diagnostic
from okrkit.scoring import (
    ASPIRATIONAL_BANDS,
    COMMITTED_BANDS,
    LINEAR,
    Policy,
    PolicyName,
    confidence,
    forecast,
    grade,
    policy_named,
    progress,
    status,
)
from okrkit.tree import AlignmentTree, RollUp, check_roll_up

__all__ = [
    "ReportFormat",
    "diagnostics_html",
    "key_result_html",
    "objective_html",
    "plan_html",
    "render",
    "report_data",
    "status_label",
    "tree_html",
]

ReportFormat: TypeAlias = Literal["md", "html", "json"]
"""The report formats `render` writes: Markdown, HTML and JSON."""

REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)

REPORT_VERSION = 1
"""The version of the JSON report's shape (``"okrkit_report": 1``)."""

# Data --------------------------------------------------------------------------------------


def _number(value: object) -> float | list[float] | None:
    """A plan's number (int, float, Decimal, or a band) as JSON-ready floats."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return [float(x) for x in value]
    assert isinstance(value, int | float | Decimal)
    return float(value)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _as_of(plan: Plan, at: date) -> Plan:
    """*plan* as it stood at the end of day *at*: later check-ins dropped."""

    def trimmed(kr: KeyResult) -> KeyResult:
        latest = kr.latest(at)
        keep = 0 if latest is None else kr.check_ins.index(latest) + 1
        return kr if keep == len(kr.check_ins) else attrs.evolve(kr, check_ins=kr.check_ins[:keep])

    objectives = [
        attrs.evolve(obj, key_results=[trimmed(kr) for kr in obj.key_results])
        for obj in plan.objectives
    ]
    return attrs.evolve(plan, objectives=objectives)


def _grade(score: float | None, obj: Objective) -> dict[str, str] | None:
    if score is None:
        return None
    g = grade(score, obj.commitment)
    return {"label": g.label, "color": g.color}


def _status(x: KeyResult | Objective, at: date, obj: Objective) -> str | None:
    if obj.cycle is None:
        return None
    try:
        return status(x, at, cycle=obj.cycle if isinstance(x, KeyResult) else None).value
    except OKRError:
        return None


def _key_result_row(
    kr: KeyResult, obj: Objective, score: float | None, at: date, policy: Policy
) -> dict[str, Any]:
    try:
        raw: float | None = progress(kr, at)
    except OKRError:
        raw = None
    predicted: dict[str, Any] | None = None
    if obj.cycle is not None and kr.measurable:
        try:
            f = forecast(kr, cycle=obj.cycle, at=at, policy=policy)
        except OKRError:
            f = None
        if f is not None and f.value is not None:
            predicted = {"value": _finite(f.value), "score": f.score, "trend": _finite(f.trend)}
    latest = kr.latest(at)
    return {
        "id": kr.id,
        "title": kr.title,
        "owner": kr.owner,
        "direction": None if kr.direction is None else kr.direction.value,
        "unit": kr.unit,
        "start": _number(kr.start),
        "target": _number(kr.target),
        "value": _number(kr.value_at(at)),
        "checked_in": None if latest is None else latest.at.isoformat(),
        "confidence": confidence(kr, at),
        "progress": _finite(raw),
        "score": score,
        "grade": _grade(score, obj),
        "status": _status(kr, at, obj),
        "forecast": predicted,
    }


def _kpi_row(kpi: Kpi, at: date) -> dict[str, Any]:
    counted = v.counted_by(at)
    readings = [c for c in kpi.check_ins if counted(c.at)]
    return {
        "id": kpi.id,
        "title": kpi.title,
        "owner": kpi.owner,
        "direction": kpi.direction.value,
        "threshold": _number(kpi.threshold),
        "unit": kpi.unit,
        "value": _number(readings[-1].value) if readings else None,
        "healthy": kpi.healthy(at),
    }


def report_data(
    plan: Plan,
    *,
    at: date | None = None,
    policy: Policy | PolicyName = LINEAR,
    roll_up: RollUp = "key_results",
    diagnostics: Iterable[Diagnostic] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """Everything a report shows about *plan* as of *at* (default today), as JSON-ready data.

    Objectives come depth first down the alignment tree (``depth`` 0 for a root), each with its
    rolled-up ``score`` under *policy* and *roll_up* (see `okrkit.tree.RollUp`), its ``grade``
    (label and colour), ``status`` and key results (value, progress, score, grade, status and
    the ``forecast`` to the end of the cycle).  Check-ins after *at* are left out.  A plan
    whose alignment is broken is listed flat, in plan order, with the problems under
    ``"alignment_problems"``.  *diagnostics* (a rules `Report`, or any iterable of
    `okrkit.rules.Diagnostic`) are listed as they come.  A score is None when nothing under it
    can be measured; a status is None without a cycle.

    >>> import okrkit
    >>> data = report_data(okrkit.Plan(), at=date(2026, 8, 1))
    >>> data["okrkit_report"], data["as_of"], data["summary"]["objectives"]
    (1, '2026-08-01', 0)
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    if at is None:
        at = date.today()
    elif not isinstance(at, date):
        raise InvalidTypeError("at", at, "a date")
    chosen = policy_named(policy)
    rolled = check_roll_up(roll_up)
    then = _as_of(plan, at)
    problems: list[str] = []
    tree: AlignmentTree | None = None
    try:
        tree = AlignmentTree.from_plan(then, roll_up=rolled, policy=chosen)
        order = [(node.objective, node.depth) for node in tree.walk()]
    except AlignmentError as error:
        problems = list(error.problems)
        order = [(obj, 0) for obj in then.objectives]
    objectives = []
    statuses: dict[str, int] = {}
    for obj, depth in order:
        rows = []
        for kr in obj.key_results:
            kr_score = tree.score(kr.id) if tree is not None else _own_score(kr, chosen)
            rows.append(_key_result_row(kr, obj, kr_score, at, chosen))
        obj_score = tree.score(obj.id) if tree is not None else _combined(rows, obj, chosen)
        state = _status(obj, at, obj)
        statuses[status_label(state)] = statuses.get(status_label(state), 0) + 1
        objectives.append(
            {
                "id": obj.id,
                "title": obj.title,
                "owner": obj.owner,
                "level": obj.level,
                "cycle": None if obj.cycle is None else str(obj.cycle),
                "commitment": obj.commitment.value,
                "aligned_to": obj.aligned_to,
                "depth": depth,
                "score": obj_score,
                "grade": _grade(obj_score, obj),
                "status": state,
                "confidence": confidence(obj, at),
                "key_results": rows,
            }
        )
    found = _findings(diagnostics) if diagnostics is not None else None
    return {
        "okrkit_report": REPORT_VERSION,
        "title": title or "OKR report",
        "as_of": at.isoformat(),
        "policy": chosen.name,
        "roll_up": rolled,
        "summary": _summary(objectives, found, statuses),
        "objectives": objectives,
        "kpis": [_kpi_row(kpi, at) for kpi in then.kpis],
        "alignment_problems": problems,
        "diagnostics": found,
    }


def _findings(diagnostics: object) -> list[dict[str, Any]]:
    """Rule findings as JSON-ready data, each its `okrkit.rules.Diagnostic.to_dict`."""
    if not isinstance(diagnostics, Iterable):
        raise InvalidTypeError("diagnostics", diagnostics, "a rules Report or Diagnostics")
    found = []
    for i, d in enumerate(diagnostics):
        if not isinstance(d, Diagnostic):
            raise InvalidTypeError(f"diagnostics[{i}]", d, "a rules Diagnostic")
        found.append(d.to_dict())
    return found


def _own_score(kr: KeyResult, policy: Policy) -> float | None:
    try:
        return policy.score_progress(progress(kr))
    except OKRError:
        return None


def _combined(rows: list[dict[str, Any]], obj: Objective, policy: Policy) -> float | None:
    pairs = [
        (row["score"], float(kr.weight))
        for row, kr in zip(rows, obj.key_results, strict=True)
        if row["score"] is not None
    ]
    try:
        return policy.combine(pairs) if pairs else None
    except OKRError:
        return None


def _summary(
    objectives: list[dict[str, Any]],
    diagnostics: list[dict[str, Any]] | None,
    statuses: dict[str, int],
) -> dict[str, Any]:
    roots = [o["score"] for o in objectives if o["depth"] == 0 and o["score"] is not None]
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics or ():
        counts[d["severity"]] = counts.get(d["severity"], 0) + 1
    return {
        "objectives": len(objectives),
        "key_results": sum(len(o["key_results"]) for o in objectives),
        "score": math.fsum(roots) / len(roots) if roots else None,
        "statuses": statuses,
        "diagnostics": counts if diagnostics is not None else None,
    }


# Rendering ---------------------------------------------------------------------------------


def render(
    plan: Plan,
    format: ReportFormat = "md",
    *,
    at: date | None = None,
    policy: Policy | PolicyName = LINEAR,
    roll_up: RollUp = "key_results",
    diagnostics: Iterable[Diagnostic] | None = None,
    title: str | None = None,
) -> str:
    """A report of *plan* in *format*: ``"md"`` (Markdown), ``"html"`` or ``"json"``.

    The options are those of `report_data`.  The HTML is one self-contained page: inline CSS,
    no scripts, nothing fetched, readable without colour and printable.

    >>> import okrkit
    >>> print(render(okrkit.Plan(), "json", at=date(2026, 8, 1))[:40])
    {
      "okrkit_report": 1,
      "title": "OKR
    """
    format = v.check_choice("format", format, REPORT_FORMATS)
    data = report_data(
        plan, at=at, policy=policy, roll_up=roll_up, diagnostics=diagnostics, title=title
    )
    if format == "json":
        return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    if format == "md":
        return _markdown(data)
    return _html_page(data)


def _md(text: object) -> str:
    """User text (or okrkit's own) shown as itself in Markdown, in a line or a table cell."""
    return markdown(str(text))


def _markdown(data: dict[str, Any]) -> str:
    summary = data["summary"]
    lines = [
        f"# {_md(data['title'])}, as of {data['as_of']}",
        "",
        (
            f"Policy **{data['policy']}**, roll-up **{data['roll_up']}**: "
            f"{count(summary['objectives'], 'objective')}, "
            f"{count(summary['key_results'], 'key result')}, "
            f"mean top-level score **{score_text(summary['score'])}**."
        ),
        "",
    ]
    if data["alignment_problems"]:
        lines += ["> **Alignment problems**: the objectives are listed flat.", ">"]
        lines += [f"> - {_md(p)}" for p in data["alignment_problems"]]
        lines.append("")
    lines += ["## Objectives", ""]
    for obj in data["objectives"]:
        lines.append(f"### {indent(obj['depth'], '↳ ')}{_md(obj['title'])} ({_md(obj['id'])})")
        lines.append("")
        facts = [
            f"score **{score_text(obj['score'])}**",
            f"grade {grade_text(obj['grade'])}",
            f"status **{status_label(obj['status'])}**",
        ]
        facts += [
            f"{name} {_md(obj[key])}"
            for name, key in (
                ("owner", "owner"),
                ("level", "level"),
                ("cycle", "cycle"),
                ("aligned to", "aligned_to"),
            )
            if obj[key]
        ]
        facts.append(obj["commitment"])
        lines += [", ".join(facts), ""]
        if obj["key_results"]:
            lines += [
                "| Key result | Value | Target | Progress | Score | Grade | Status | Forecast |",
                "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
            ]
            for kr in obj["key_results"]:
                predicted = kr["forecast"]
                guess = (
                    NO_VALUE
                    if predicted is None
                    else f"{number_text(predicted['value'], kr['unit'], markdown)} "
                    f"({score_text(predicted['score'])})"
                )
                lines.append(
                    f"| {_md(kr['title'])} | {number_text(kr['value'], kr['unit'], markdown)} "
                    f"| {number_text(kr['target'], kr['unit'], markdown)} "
                    f"| {percent_text(kr['progress'])} | {score_text(kr['score'])} "
                    f"| {grade_text(kr['grade'])} "
                    f"| {status_label(kr['status'])} | {guess} |"
                )
            lines.append("")
    if data["kpis"]:
        lines += [
            "## KPIs",
            "",
            "| KPI | Value | Threshold | Health |",
            "| --- | ---: | --- | --- |",
        ]
        for kpi in data["kpis"]:
            lines.append(
                f"| {_md(kpi['title'])} | {number_text(kpi['value'], kpi['unit'], markdown)} "
                f"| {kpi['direction'].replace('_', ' ')} "
                f"{number_text(kpi['threshold'], kpi['unit'], markdown)}"
                f" | {_health(kpi['healthy'])} |"
            )
        lines.append("")
    if data["diagnostics"] is not None:
        lines += ["## Diagnostics", ""]
        if not data["diagnostics"]:
            lines += ["No findings.", ""]
        else:
            lines += ["| Code | Severity | Where | Message |", "| --- | --- | --- | --- |"]
            lines += [
                f"| {_md(d['code'])} | {_md(d['severity'])} | {_md(d['path'] or '$')} "
                f"| {_md(d['message'])} |"
                for d in data["diagnostics"]
            ]
            lines.append("")
    return "\n".join(lines)


def _health(healthy: bool | None) -> str:
    return {True: "healthy", False: "unhealthy", None: "no reading"}[healthy]


# HTML --------------------------------------------------------------------------------------

_CSS = """
:root { --red: #c62828; --yellow: #b7791f; --green: #2e7d32; --grey: #6b7280;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.4; }
header { border-bottom: 2px solid #111827; margin-bottom: 1rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
section.objective { border-left: 4px solid var(--grey); margin: .75rem 0;
  padding: .25rem 0 .25rem .75rem; break-inside: avoid; }
section.objective.red { border-left-color: var(--red); }
section.objective.yellow { border-left-color: var(--yellow); }
section.objective.green { border-left-color: var(--green); }
section.objective section.objective { margin-left: 1.25rem; }
h2, h3 { margin: .25rem 0; font-size: 1.1rem; }
.facts { color: #374151; margin: .2rem 0 .4rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .25rem 0 .5rem; }
th, td { border-bottom: 1px solid #e5e7eb; padding: .25rem .4rem; text-align: left;
  vertical-align: middle; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 6rem; height: 1rem; vertical-align: middle; }
.score { white-space: nowrap; }
/* The grade's colour, not the browser's own idea of the bands. */
meter.red::-webkit-meter-optimum-value, meter.red::-webkit-meter-suboptimum-value,
meter.red::-webkit-meter-even-less-good-value { background: var(--red); }
meter.yellow::-webkit-meter-optimum-value, meter.yellow::-webkit-meter-suboptimum-value,
meter.yellow::-webkit-meter-even-less-good-value { background: var(--yellow); }
meter.green::-webkit-meter-optimum-value, meter.green::-webkit-meter-suboptimum-value,
meter.green::-webkit-meter-even-less-good-value { background: var(--green); }
meter.red::-moz-meter-bar { background: var(--red); }
meter.yellow::-moz-meter-bar { background: var(--yellow); }
meter.green::-moz-meter-bar { background: var(--green); }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: .6rem;
  padding: 0 .45rem; font-size: .8rem; white-space: nowrap; }
.badge.on_track, .badge.green { color: var(--green); }
.badge.at_risk, .badge.yellow { color: var(--yellow); }
.badge.off_track, .badge.stale, .badge.red, .badge.error { color: var(--red); }
.badge.warning { color: var(--yellow); }
.muted { color: var(--grey); }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  section.objective, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: object) -> str:
    return html_text(str(text))


def _bar(score: float | None, g: dict[str, str] | None, name: str, commitment: str) -> str:
    """A score as a `meter` whose bands are the grade's (so browsers colour it), and in words."""
    if score is None:
        return '<span class="muted">not measurable</span>'
    bands = COMMITTED_BANDS if commitment == "committed" else ASPIRATIONAL_BANDS
    low, high = bands.thresholds[0], bands.thresholds[-1]
    label = f"{name}: score {score_text(score)}" + (f", {g['label']}" if g else "")
    color = _e(g["color"]) if g else ""
    return (
        f'<span class="score"><meter class="{color}" min="0" max="1" low="{low:g}" '
        f'high="{high:g}" optimum="1" value="{min(max(score, 0.0), 1.0):.4f}" '
        f'aria-label="{_e(label)}">{score_text(score)}</meter> {score_text(score)}</span>'
    )


def _badge(value: str | None) -> str:
    return f'<span class="badge {_e(value or "none")}">{_e(status_label(value))}</span>'


def _grade_badge(g: dict[str, str] | None) -> str:
    if g is None:
        return f'<span class="muted">{NO_VALUE}</span>'
    return f'<span class="badge {_e(g["color"])}">{_e(g["label"])}</span>'


def _kr_table(rows: list[dict[str, Any]], caption: str, commitment: str) -> str:
    parts = [
        (
            f'<table><caption class="muted">{_e(caption)}</caption><thead><tr>'
            '<th scope="col">Key result</th><th scope="col">Value</th><th scope="col">Target</th>'
            '<th scope="col">Progress</th><th scope="col">Score</th><th scope="col">Grade</th>'
            '<th scope="col">Status</th><th scope="col">Forecast</th></tr></thead><tbody>'
        )
    ]
    for kr in rows:
        predicted = kr["forecast"]
        guess = (
            NO_VALUE
            if predicted is None
            else f"{number_text(predicted['value'], kr['unit'])} ({score_text(predicted['score'])})"
        )
        parts.append(
            f'<tr class="{_e(kr["grade"]["color"] if kr["grade"] else "none")}">'
            f'<th scope="row">{_e(kr["title"])}</th>'
            f'<td class="num">{_e(number_text(kr["value"], kr["unit"]))}</td>'
            f'<td class="num">{_e(number_text(kr["target"], kr["unit"]))}</td>'
            f'<td class="num">{percent_text(kr["progress"])}</td>'
            f"<td>{_bar(kr['score'], kr['grade'], kr['title'], commitment)}</td>"
            f"<td>{_grade_badge(kr['grade'])}</td><td>{_badge(kr['status'])}</td>"
            f"<td>{_e(guess)}</td></tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)


def _objective_section(obj: dict[str, Any], heading: str = "h3") -> str:
    color = obj["grade"]["color"] if obj["grade"] else "none"
    facts = [
        f"{name}: {_e(obj[key])}"
        for name, key in (("owner", "owner"), ("level", "level"), ("cycle", "cycle"))
        if obj[key]
    ]
    facts.append(_e(obj["commitment"]))
    if obj["aligned_to"]:
        facts.append(f"aligned to <code>{_e(obj['aligned_to'])}</code>")
    return (
        f'<section class="objective {_e(color)}" aria-labelledby="o-{_e(obj["id"])}">'
        f'<{heading} id="o-{_e(obj["id"])}">{depth_marker(obj["depth"])}{_e(obj["title"])}'
        f"</{heading}>"
        f'<p class="facts">{_bar(obj["score"], obj["grade"], obj["title"], obj["commitment"])} '
        f"{_grade_badge(obj['grade'])} {_badge(obj['status'])} · {' · '.join(facts)}</p>"
        + (
            _kr_table(obj["key_results"], f"Key results of {obj['title']}", obj["commitment"])
            if obj["key_results"]
            else ""
        )
    )


def _html_page(data: dict[str, Any]) -> str:
    summary = data["summary"]
    title = f"{data['title']}, as of {data['as_of']}"
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1>",
        (
            f'<p class="facts">Policy <strong>{_e(data["policy"])}</strong>, roll-up '
            f"<strong>{_e(data['roll_up'])}</strong> · "
            f"{count(summary['objectives'], 'objective')} · "
            f"{count(summary['key_results'], 'key result')} · mean top-level score "
            f"<strong>{score_text(summary['score'])}</strong></p></header>"
        ),
        "<main>",
    ]
    if data["alignment_problems"]:
        body.append(
            '<section aria-labelledby="alignment"><h2 id="alignment">Alignment problems</h2>'
            "<p>The objectives are listed flat.</p><ul>"
            + "".join(f"<li>{_e(p)}</li>" for p in data["alignment_problems"])
            + "</ul></section>"
        )
    body.append('<section aria-labelledby="objectives"><h2 id="objectives">Objectives</h2>')
    # Nest each objective's section inside its parent's: close the sections of the depths
    # left behind as the depth-first walk goes back up (iterative: the tree may be deep).
    # Past INDENT_LEVELS, deeper objectives nest no further (their headings say the depth).
    open_depths: list[int] = []
    for obj in data["objectives"]:
        level = min(obj["depth"], INDENT_LEVELS)
        while open_depths and open_depths[-1] >= level:
            body.append("</section>")
            open_depths.pop()
        body.append(_objective_section(obj))
        open_depths.append(level)
    body.append("</section>" * len(open_depths))
    body.append("</section>")
    if data["kpis"]:
        body.append(
            '<section aria-labelledby="kpis"><h2 id="kpis">KPIs</h2><table><thead><tr>'
            '<th scope="col">KPI</th><th scope="col">Value</th><th scope="col">Threshold</th>'
            '<th scope="col">Health</th></tr></thead><tbody>'
        )
        for kpi in data["kpis"]:
            healthy = kpi["healthy"]
            css = {True: "green", False: "red", None: "none"}[healthy]
            body.append(
                f'<tr><th scope="row">{_e(kpi["title"])}</th>'
                f'<td class="num">{_e(number_text(kpi["value"], kpi["unit"]))}</td>'
                f"<td>{_e(kpi['direction'].replace('_', ' '))} "
                f"{_e(number_text(kpi['threshold'], kpi['unit']))}</td>"
                f'<td><span class="badge {css}">{_health(healthy)}</span></td></tr>'
            )
        body.append("</tbody></table></section>")
    if data["diagnostics"] is not None:
        body.append('<section aria-labelledby="diagnostics"><h2 id="diagnostics">Diagnostics</h2>')
        body.append(_diagnostics_table(data["diagnostics"]))
        body.append("</section>")
    body.append("</main></body></html>\n")
    return "\n".join(body)


def _diagnostics_table(found: list[dict[str, Any]]) -> str:
    if not found:
        return "<p>No findings.</p>"
    rows = "".join(
        f"<tr><td><code>{_e(d['code'])}</code></td>"
        f'<td><span class="badge {_e(d["severity"])}">{_e(d["severity"])}</span></td>'
        f"<td><code>{_e(d['path'] or '$')}</code></td><td>{_e(d['message'])}"
        + (f'<br><span class="muted">{_e(d["hint"])}</span>' if d["hint"] else "")
        + "</td></tr>"
        for d in found
    )
    return (
        '<table><thead><tr><th scope="col">Code</th><th scope="col">Severity</th>'
        f'<th scope="col">Where</th><th scope="col">Message</th></tr></thead><tbody>{rows}'
        "</tbody></table>"
    )


# Notebook views ----------------------------------------------------------------------------

# Notebooks show these fragments inline: a small <style> scoped by a class, no external assets.
_NB_CSS = (
    "<style>.okrkit table{border-collapse:collapse}.okrkit th,.okrkit td{padding:2px 6px;"
    "text-align:left}.okrkit meter{width:6em}.okrkit .badge{border:1px solid currentColor;"
    "border-radius:.5em;padding:0 .3em;font-size:.85em}"
    ".okrkit .muted{color:#6b7280}</style>"
)


def _fragment(inner: str) -> str:
    return f'<div class="okrkit">{_NB_CSS}{inner}</div>'


def _single(obj: Objective) -> dict[str, Any]:
    """The report data of one objective on its own, as of today."""
    data = report_data(Plan(objectives=[attrs.evolve(obj, aligned_to=None)]))
    row: dict[str, Any] = data["objectives"][0]
    return row


def key_result_html(kr: KeyResult) -> str:
    """A compact HTML view of one key result: its value, target, progress and score (notebooks).

    >>> import okrkit
    >>> kr = okrkit.KeyResult(title="Raise NPS", direction="increase", start=30, target=50)
    >>> "Raise NPS" in key_result_html(kr)
    True
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    row = _single(Objective(title=kr.title, key_results=[kr]))["key_results"][0]
    return _fragment(_kr_table([row], "Key result", "aspirational"))


def objective_html(obj: Objective) -> str:
    """A compact HTML view of one objective and its key results (notebooks)."""
    if not isinstance(obj, Objective):
        raise InvalidTypeError("obj", obj, "an Objective")
    return _fragment(_objective_section(_single(obj), "h4") + "</section>")


def plan_html(plan: Plan) -> str:
    """A compact HTML view of a plan: one row per objective, down the alignment tree (notebooks)."""
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return _fragment(_objectives_table(report_data(plan)))


def _objectives_table(data: dict[str, Any]) -> str:
    rows = "".join(
        f'<tr class="{_e(o["grade"]["color"] if o["grade"] else "none")}">'
        f'<th scope="row">{indent(o["depth"], "&nbsp;&nbsp;")}{_e(o["title"])}</th>'
        f"<td>{_e(o['owner'] or NO_VALUE)}</td><td>{len(o['key_results'])}</td>"
        f"<td>{_bar(o['score'], o['grade'], o['title'], o['commitment'])}</td>"
        f"<td>{_grade_badge(o['grade'])}</td>"
        f"<td>{_badge(o['status'])}</td></tr>"
        for o in data["objectives"]
    )
    problems = "".join(f"<li>{_e(p)}</li>" for p in data["alignment_problems"])
    return (
        (f"<p>Alignment problems:</p><ul>{problems}</ul>" if problems else "")
        + f"<table><caption>{count(data['summary']['objectives'], 'objective')}, "
        f"as of {data['as_of']}"
        '</caption><thead><tr><th scope="col">Objective</th><th scope="col">Owner</th>'
        '<th scope="col">KRs</th><th scope="col">Score</th><th scope="col">Grade</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def tree_html(tree: AlignmentTree) -> str:
    """A compact HTML view of an alignment tree: nested lists with rolled-up scores (notebooks)."""
    if not isinstance(tree, AlignmentTree):
        raise InvalidTypeError("tree", tree, "an AlignmentTree")
    parts = [f"<p>{_e(repr(tree))}</p><ul>"]
    depth = 0
    first = True
    for node in tree.walk():
        level = min(node.depth, INDENT_LEVELS)  # deeper nodes nest no further, and say so
        if not first and level <= depth:
            parts.append("</li>")
        parts.extend("</ul></li>" for _ in range(depth - level))
        if level > depth:
            parts.append("<ul>")
        first = False
        depth = level
        g = None if node.score is None else grade(node.score, node.objective.commitment)
        colors = None if g is None else {"label": g.label, "color": g.color}
        parts.append(
            f"<li>{depth_marker(node.depth)}{_e(node.objective.title)} <code>{_e(node.id)}</code> "
            f"{_bar(node.score, colors, node.objective.title, node.objective.commitment.value)}"
        )
    if not first:
        parts.append("</li>")
    parts.extend("</ul></li>" for _ in range(depth))
    parts.append("</ul>")
    return _fragment("".join(parts))


def diagnostics_html(diagnostics: Iterable[Diagnostic]) -> str:
    """A compact HTML table of rule diagnostics (a rules `Report` in a notebook)."""
    return _fragment(_diagnostics_table(_findings(diagnostics)))
