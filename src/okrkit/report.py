"""Reports of a plan: Markdown for wikis, self-contained HTML for browsers, JSON for programs.

Every report is drawn from one `okrkit.scorecards.Scorecard`: the rows of the plan's
objectives and key results as of a date.  `render` writes it as ``"md"``, ``"html"`` or
``"json"`` (`report_data` is the JSON's data, `Scorecard.to_dict`).  Each opens with what
needs attention, then the detail.  The ``*_html`` functions are the compact views notebooks
show for key results, objectives, plans, trees, scorecards and rule reports.

>>> from datetime import date
>>> import okrkit
>>> churn = okrkit.KeyResult(id="churn", title="Cut churn from 5% to 3%", unit="%",
...     direction="decrease", start=5, target=3).check_in(4, at=date(2026, 8, 1))
>>> retain = okrkit.Objective(id="retain", title="Keep our customers", key_results=[churn],
...                           cycle=okrkit.Cycle.parse("2026-Q3"))
>>> text = render(okrkit.Plan(objectives=[retain]), "md", at=date(2026, 8, 10), title="Q3")
>>> print(text.splitlines()[0])
# Q3, as of 2026-08-10
>>> "| Cut churn from 5% to 3% | 4 % | 3 % | 50% | 0.50 |" in text
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Literal, TypeAlias, TypeVar, get_args

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
    no_score_text,
    notebook_view,
    number_text,
    page_head,
    percent_text,
    row_score_text,
    row_status_text,
    score_text,
    status_label,
)
from okrkit._escape import html_text, json_text, markdown
from okrkit.errors import InvalidTypeError
from okrkit.model import Commitment, KeyResult, Objective, Plan
from okrkit.rules import Diagnostic
from okrkit.scorecards import (
    REPORT_VERSION,
    InitiativeRow,
    KeyResultRow,
    KpiRow,
    ObjectiveRow,
    Scorecard,
    color,
    diagnostics_data,
    place,
    scorecard,
    severity_counts,
)
from okrkit.scoring import Policy, PolicyName
from okrkit.tree import AlignmentTree, RollUp

__all__ = [
    "REPORT_VERSION",
    "ReportFormat",
    "diagnostics_html",
    "key_result_html",
    "objective_html",
    "plan_html",
    "render",
    "report_data",
    "scorecard_html",
    "status_label",
    "tree_html",
]

ReportFormat: TypeAlias = Literal["md", "html", "json"]
"""The report formats `render` writes: Markdown, HTML and JSON."""

REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)

# How many objectives and key results a report's summary names under each heading; the rest
# are counted ("and 12 more"), so that the summary of a large plan stays a summary.
SUMMARY_NAMES = 25

_T = TypeVar("_T")


def _cut(items: Sequence[_T], more: str = "") -> tuple[Sequence[_T], str | None]:
    """The first `SUMMARY_NAMES` of *items*, and ``"and N more"`` (with *more*) for the rest."""
    rest = len(items) - SUMMARY_NAMES
    return items[:SUMMARY_NAMES], (f"and {rest} more{more}" if rest > 0 else None)


def _sizes(card: Scorecard) -> tuple[str, str]:
    """How many objectives and key results *card* has, in words: ``1 objective``."""
    key_results = sum(len(o.objective.key_results) for o in card)
    return count(len(card), "objective"), count(key_results, "key result")


def report_data(
    plan: Plan | AlignmentTree,
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
    diagnostics: Iterable[Diagnostic] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """Everything a report shows about *plan* as of *at* (default today), as JSON-ready data.

    The `okrkit.scorecards.Scorecard` of *plan* (a `Plan`, or an `AlignmentTree` whose
    policy and roll-up are then the defaults; see `okrkit.scorecards.scorecard` for what its
    rows mean and the options), as `~okrkit.scorecards.Scorecard.to_dict`: objectives depth
    first down the alignment tree, with their key results, the KPIs, the alignment's
    problems and the *diagnostics* (a rules `Report`, or any iterable of
    `okrkit.rules.Diagnostic`).

    >>> import okrkit
    >>> data = report_data(okrkit.Plan(), at=date(2026, 8, 1))
    >>> data["okrkit_report"], data["as_of"], data["summary"]["objectives"]
    (2, '2026-08-01', 0)
    """
    card = _card(plan, at, policy, roll_up)
    return card.to_dict(diagnostics=diagnostics, title=title)


def _card(
    plan: Plan | AlignmentTree,
    at: date | None,
    policy: Policy | PolicyName | None,
    roll_up: RollUp | None,
) -> Scorecard:
    if not isinstance(plan, Plan | AlignmentTree):
        raise InvalidTypeError("plan", plan, "a Plan or an AlignmentTree")
    return scorecard(plan, at=at, policy=policy, roll_up=roll_up)


def render(
    plan: Plan | AlignmentTree,
    format: ReportFormat = "md",
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
    diagnostics: Iterable[Diagnostic] | None = None,
    title: str | None = None,
) -> str:
    """A report of *plan* in *format*: ``"md"`` (Markdown), ``"html"`` or ``"json"``.

    The options are those of `report_data`.  The HTML is one self-contained page: inline CSS,
    no scripts, nothing fetched, readable without colour and printable.

    >>> import okrkit
    >>> print(render(okrkit.Plan(), "json", at=date(2026, 8, 1))[:40])
    {
      "okrkit_report": 2,
      "title": "OKR
    """
    format = v.check_choice("format", format, REPORT_FORMATS)
    card = _card(plan, at, policy, roll_up)
    data = card.to_dict(diagnostics=diagnostics, title=title)
    if format == "json":
        return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    report = _Report(card, data["title"], data["diagnostics"])
    return report.markdown() if format == "md" else report.html()


# The words of a row -----------------------------------------------------------------------


def _forecast_words(kr: KeyResultRow, escape: Callable[[str], str] = str) -> str:
    """Where *kr* is heading: the forecast value (its unit made safe by *escape*) and score."""
    f = kr.forecast
    if f is None or f.value is None:
        return NO_VALUE
    return f"{number_text(f.value, kr.unit, escape)} ({score_text(f.score)})"


def _aligned_words(row: ObjectiveRow) -> str | None:
    """What *row* is aligned to, by id and, when the plan has it, title."""
    if row.aligned_to is None:
        return None
    if row.aligned_to_title is None:
        return f"{row.aligned_to} (not in the plan)"
    return f"{row.aligned_to} ({row.aligned_to_title})"


def _health(healthy: bool | None) -> str:
    return {True: "healthy", False: "unhealthy", None: "no reading"}[healthy]


def _kpi_target(kpi: KpiRow, escape: Callable[[str], str] = str) -> str:
    """A KPI's threshold in words, its unit made safe by *escape*: ``at least 99.9 %``."""
    direction = kpi.kpi.direction.value.replace("_", " ")
    return f"{direction} {number_text(kpi.threshold, kpi.unit, escape)}"


def _summary_items(card: Scorecard) -> list[tuple[str, str]]:
    """What needs attention: (status words, the objective or key result in words) pairs."""
    items = []
    for o, k in card.attention():
        row: ObjectiveRow | KeyResultRow = o if k is None else k
        what = place(o.objective, None if k is None else k.key_result)
        items.append((row_status_text(row), what))
    return items


def _grade_facts(card: Scorecard) -> list[str]:
    """What the grades beside statuses mean, where a reader could take them amiss: a
    projected grade is the forecast's, not a verdict (and a committed objective's is "missed"
    below 1.0, whatever its status); check-ins made after the report's date are left out; an
    objective with no cycle is graded as final."""
    facts = []
    running = [obj for obj in card if obj.running]
    if running:
        fact = (
            "Grades are projected: each is the grade of the forecast at the cycle's end, not a"
            " verdict, and a status says how progress compares with the time gone"
        )
        if any(obj.objective.commitment is Commitment.COMMITTED for obj in running):
            fact += "; a committed objective and its key results are delivered only at 1.0"
        facts.append(fact + ".")
    if card.left_out:
        facts.append(
            f"{count(card.left_out, 'check-in')} made after {card.at.isoformat()} left out (a"
            " Markdown note with no date is dated by the file's 'As of:' line, else at its"
            " cycle's end)."
        )
    undated = sum(1 for obj in card if obj.objective.cycle is None)
    if undated:
        facts.append(
            f"{count(undated, 'objective')} without a cycle: graded as final, since no end is"
            " known, and with no status; give each a cycle."
        )
    return facts


def _status_counts(card: Scorecard, of: Literal["objectives", "key_results"] = "objectives") -> str:
    counts = card.counts(of)
    if not counts:
        return "none"
    return ", ".join(
        f"{n} {status_label(None if s is None else s.value)}" for s, n in counts.items()
    )


def _finding_counts(found: list[dict[str, Any]]) -> str:
    counts = severity_counts(found)
    words = (count(counts["error"], "error"), count(counts["warning"], "warning"))
    return ", ".join((*words, f"{counts['info']} info"))


@attrs.frozen
class _Report:
    """One scorecard written as a Markdown or HTML report."""

    card: Scorecard
    title: str
    found: list[dict[str, Any]] | None  # the findings' data (with "where"), None: not run

    def facts(self) -> list[str]:
        """The summary's first lines, in words: counts by status, findings, problems."""
        card = self.card
        facts = [
            f"Objectives: {_status_counts(card)}.",
            f"Key results: {_status_counts(card, 'key_results')}.",
        ]
        if self.found is not None:
            facts.append(f"Findings of the rules: {_finding_counts(self.found)}.")
        if card.alignment_problems:
            facts.append(
                f"Alignment: {count(len(card.alignment_problems), 'problem')}; the objectives "
                "whose links are broken are shown as top-level objectives."
            )
        return facts + _grade_facts(card)

    # Markdown -------------------------------------------------------------------------------

    def markdown(self) -> str:
        card = self.card
        lines = [
            f"# {_md(self.title)}, as of {card.at.isoformat()}",
            "",
            (
                f"Policy **{_md(card.policy.name)}**, roll-up **{card.roll_up}**: "
                f"{', '.join(_sizes(card))}, "
                f"mean top-level score **{score_text(card.score)}**."
            ),
            "",
            "## Summary",
            "",
        ]
        lines += [f"- {fact}" for fact in self.facts()]  # okrkit's own words, no user text
        items = _summary_items(card)
        if items:
            lines += ["", "Needs attention:", ""]
            shown, more = _cut(items)
            lines += [f"- **{s}**: {_md(what)}" for s, what in shown]
            lines += [f"- {more}"] if more else []
        if self.found:
            lines += ["", "Findings:", ""]
            found, more = _cut(self.found, " (below)")
            lines += [
                f"- **{_md(d['severity'])}** {_md(d['code'])} {_md(d['where'])}: "
                f"{_md(d['message'])}"
                for d in found
            ]
            lines += [f"- {more}"] if more else []
        if card.alignment_problems:
            lines += ["", "Alignment problems:", ""]
            problems, more = _cut(card.alignment_problems)
            lines += [f"- {_md(p.message)}" for p in problems]
            lines += [f"- {more}"] if more else []
        lines += ["", "## Objectives", ""]
        for obj in card:
            lines += self.objective_markdown(obj)
        if card.kpis:
            lines += [
                "## KPIs",
                "",
                "| KPI | Value | Threshold | Health |",
                "| --- | ---: | --- | --- |",
            ]
            lines += [
                f"| {_md(k.title)} | {number_text(k.value, k.unit, markdown)} "
                f"| {_kpi_target(k, markdown)} | {_health(k.healthy)} |"
                for k in card.kpis
            ]
            lines.append("")
        if card.initiatives:
            lines += [
                "## Initiatives",
                "",
                "| Key result | Initiative | Status | Owner | Due |",
                "| --- | --- | --- | --- | --- |",
            ]
            lines += [
                f"| {_md(kr)} | {_md(i.title)} | {_md(i.state)} "
                f"| {_md(i.initiative.owner or NO_VALUE)} | {_due(i)} |"
                for kr, i in _initiative_rows(card)
            ]
            lines.append("")
        if self.found is not None:
            lines += ["## Findings", ""]
            if not self.found:
                lines += ["No findings.", ""]
            else:
                lines += ["| Code | Severity | Where | Message |", "| --- | --- | --- | --- |"]
                lines += [
                    f"| {_md(d['code'])} | {_md(d['severity'])} | {_md(d['where'])} "
                    f"| {_md(d['message'])} |"
                    for d in self.found
                ]
                lines.append("")
        return "\n".join(lines)

    def objective_markdown(self, obj: ObjectiveRow) -> list[str]:
        lines = [f"### {indent(obj.depth, '↳ ')}{_md(obj.title)} ({_md(obj.id)})", ""]
        facts = [
            f"score **{row_score_text(obj)}**",
            f"grade {grade_text(obj)}",
            f"status **{row_status_text(obj)}**",
        ]
        facts += [
            f"{name} {_md(value)}"
            for name, value in (
                ("owner", obj.owner),
                ("level", obj.level),
                ("cycle", obj.cycle),
                ("aligned to", _aligned_words(obj)),
            )
            if value
        ]
        facts.append(obj.commitment.value)
        lines += [", ".join(facts), ""]
        rows = obj.key_results
        if rows:
            lines += [
                "| Key result | Value | Target | Progress | Score | Grade | Status | Forecast |",
                "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
            ]
            lines += [
                f"| {_md(kr.title)} | {number_text(kr.value, kr.unit, markdown)} "
                f"| {number_text(kr.target, kr.unit, markdown)} "
                f"| {percent_text(kr.progress)} | {row_score_text(kr)} | {grade_text(kr)} "
                f"| {row_status_text(kr)} | {_forecast_words(kr, markdown)} |"
                for kr in rows
            ]
            lines.append("")
        return lines

    # HTML -----------------------------------------------------------------------------------

    def html(self) -> str:
        card = self.card
        heading = f"{self.title}, as of {card.at.isoformat()}"
        body = [
            page_head(heading),
            f"<header><h1>{_e(heading)}</h1>",
            (
                f'<p class="facts">Policy <strong>{_e(card.policy.name)}</strong>, roll-up '
                f"<strong>{_e(card.roll_up)}</strong> · {' · '.join(_sizes(card))} · "
                f"mean top-level score <strong>{score_text(card.score)}</strong></p></header>"
            ),
            "<main>",
            self.summary_html(),
            '<section aria-labelledby="objectives"><h2 id="objectives">Objectives</h2>',
        ]
        # Nest each objective's section inside its parent's: close the sections of the depths
        # left behind as the depth-first walk goes back up (iterative: the tree may be deep).
        # Past INDENT_LEVELS, deeper objectives nest no further (their headings say the depth).
        open_depths: list[int] = []
        for obj in card:
            level = min(obj.depth, INDENT_LEVELS)
            while open_depths and open_depths[-1] >= level:
                body.append("</section>")
                open_depths.pop()
            body.append(_objective_section(obj))
            open_depths.append(level)
        body.append("</section>" * len(open_depths))
        body.append("</section>")
        if card.kpis:
            body.append(
                '<section aria-labelledby="kpis"><h2 id="kpis">KPIs</h2><table><thead><tr>'
                '<th scope="col">KPI</th><th scope="col">Value</th><th scope="col">Threshold</th>'
                '<th scope="col">Health</th></tr></thead><tbody>'
            )
            for k in card.kpis:
                css = {True: "green", False: "red", None: "none"}[k.healthy]
                body.append(
                    f'<tr><th scope="row">{_e(k.title)}</th>'
                    f'<td class="num">{_e(number_text(k.value, k.unit))}</td>'
                    f"<td>{_e(_kpi_target(k))}</td>"
                    f'<td><span class="badge {css}">{_health(k.healthy)}</span></td></tr>'
                )
            body.append("</tbody></table></section>")
        if card.initiatives:
            body.append(
                '<section aria-labelledby="initiatives"><h2 id="initiatives">Initiatives</h2>'
                '<table><thead><tr><th scope="col">Key result</th>'
                '<th scope="col">Initiative</th><th scope="col">Status</th>'
                '<th scope="col">Owner</th><th scope="col">Due</th></tr></thead><tbody>'
            )
            for kr, i in _initiative_rows(card):
                css = "red" if i.overdue else "none"
                body.append(
                    f'<tr><td>{_e(kr)}</td><th scope="row">{_e(i.title)}</th>'
                    f'<td><span class="badge {css}">{_e(i.state)}</span></td>'
                    f"<td>{_e(i.initiative.owner or NO_VALUE)}</td><td>{_due(i)}</td></tr>"
                )
            body.append("</tbody></table></section>")
        if self.found is not None:
            body.append('<section aria-labelledby="findings"><h2 id="findings">Findings</h2>')
            body.append(_findings_table(self.found))
            body.append("</section>")
        body.append("</main></body></html>\n")
        return "\n".join(body)

    def summary_html(self) -> str:
        card = self.card
        parts = [
            '<section aria-labelledby="summary"><h2 id="summary">Summary</h2><ul>',
        ]
        parts += [f"<li>{_e(fact)}</li>" for fact in self.facts()]
        parts.append("</ul>")
        items = _summary_items(card)
        if items:
            parts.append('<h3>Needs attention</h3><ul class="attention">')
            shown, more = _cut(items)
            parts += [
                f'<li><span class="badge {_e(s.replace(" ", "_"))}">{_e(s)}</span> {_e(what)}</li>'
                for s, what in shown
            ]
            parts += [f"<li>{more}</li>"] if more else []
            parts.append("</ul>")
        if card.alignment_problems:
            parts.append("<h3>Alignment problems</h3>")
            parts.append(_problems_list(card))
        parts.append("</section>")
        return "".join(parts)


def _initiative_rows(card: Scorecard) -> list[tuple[str, InitiativeRow]]:
    """Each key result's initiatives, as (its title, the initiative), key results in the
    scorecard's order; then the initiatives that name no key result of the plan, under
    `NO_VALUE`."""
    by_kr = card.initiatives_by_key_result()
    rows = [
        (kr.title, initiative)
        for obj in card
        for kr in obj.key_results
        for initiative in by_kr.get(kr.id, ())
    ]
    shown = {id(i) for _, i in rows}
    rows += [(NO_VALUE, i) for i in card.initiatives if id(i) not in shown]
    return rows


def _due(row: InitiativeRow) -> str:
    due = row.initiative.due
    return NO_VALUE if due is None else due.isoformat()


def _problems_list(card: Scorecard) -> str:
    """The alignment's problems as an HTML list, the first `SUMMARY_NAMES` of them."""
    problems, more = _cut(card.alignment_problems)
    items = [f"<li>{_e(p.message)}</li>" for p in problems]
    items += [f"<li>{more}</li>"] if more else []
    return f"<ul>{''.join(items)}</ul>"


def _md(text: object) -> str:
    """User text (or okrkit's own) shown as itself in Markdown, in a line or a table cell."""
    return markdown(str(text))


def _e(text: object) -> str:
    return html_text(str(text))


# HTML --------------------------------------------------------------------------------------


def _bar(row: ObjectiveRow | KeyResultRow, name: str, graded: bool = True) -> str:
    """A score as a `meter` whose bands are the grade's (so browsers colour it), and in words.

    The meter holds no text of its own: where it is dropped (a notebook viewer that strips
    it), the score is still read once, not twice.
    """
    if row.score is None:
        return f'<span class="muted">{no_score_text(row)}</span>'
    low, high = row.bands.thresholds[0], row.bands.thresholds[-1]
    grade = grade_text(row) if graded else NO_VALUE
    label = f"{name}: score {score_text(row.score)}" + ("" if grade == NO_VALUE else f", {grade}")
    shown = score_text(row.score)
    shade = color(row) if graded else None
    return (
        f'<span class="score"><meter class="{_e(shade or "")}" min="0" max="1" '
        f'low="{low:g}" high="{high:g}" optimum="1" '
        f'value="{min(max(row.score, 0.0), 1.0):.4f}" aria-label="{_e(label)}"></meter> '
        f"{shown}</span>"
    )


def _badge(row: ObjectiveRow | KeyResultRow) -> str:
    value = None if row.status is None else row.status.value
    return f'<span class="badge {_e(value or "none")}">{_e(status_label(value))}</span>'


def _grade_badge(row: ObjectiveRow | KeyResultRow) -> str:
    words = grade_text(row)
    if words == NO_VALUE:
        return f'<span class="muted">{NO_VALUE}</span>'
    return f'<span class="badge {_e(color(row) or "none")}">{_e(words)}</span>'


def _kr_table(rows: tuple[KeyResultRow, ...], caption: str | None) -> str:
    """The key results' table; without a *caption*, one key result on its own: ungraded."""
    graded = caption is not None
    parts = [
        (
            "<table>"
            + (f'<caption class="muted">{_e(caption)}</caption>' if graded else "")
            + '<thead><tr><th scope="col">Key result</th><th scope="col">Value</th>'
            '<th scope="col">Target</th><th scope="col">Progress</th><th scope="col">Score</th>'
            + ('<th scope="col">Grade</th>' if graded else "")
            + '<th scope="col">Status</th><th scope="col">Forecast</th></tr></thead><tbody>'
        )
    ]
    parts.extend(
        f'<tr class="{_e((color(kr) if graded else None) or "none")}">'
        f'<th scope="row">{_e(kr.title)}</th>'
        f'<td class="num">{_e(number_text(kr.value, kr.unit))}</td>'
        f'<td class="num">{_e(number_text(kr.target, kr.unit))}</td>'
        f'<td class="num">{percent_text(kr.progress)}</td>'
        f"<td>{_bar(kr, kr.title, graded)}</td>"
        + (f"<td>{_grade_badge(kr)}</td>" if graded else "")
        + f"<td>{_badge(kr)}</td><td>{_e(_forecast_words(kr))}</td></tr>"
        for kr in rows
    )
    parts.append("</tbody></table>")
    return "".join(parts)


def _objective_section(obj: ObjectiveRow, heading: str = "h3") -> str:
    facts = [
        f"{name}: {_e(value)}"
        for name, value in (("owner", obj.owner), ("level", obj.level), ("cycle", obj.cycle))
        if value
    ]
    facts.append(_e(obj.commitment.value))
    aligned = _aligned_words(obj)
    if aligned:
        facts.append(f"aligned to {_e(aligned)}")
    rows = obj.key_results
    return (
        f'<section class="objective {_e(color(obj) or "none")}" '
        f'aria-labelledby="o-{_e(obj.id)}">'
        f'<{heading} id="o-{_e(obj.id)}">{depth_marker(obj.depth)}{_e(obj.title)} '
        f"<code>{_e(obj.id)}</code></{heading}>"
        f'<p class="facts">{_bar(obj, obj.title)} '
        f"{_grade_badge(obj)} {_badge(obj)} · {' · '.join(facts)}</p>"
        + (_kr_table(rows, f"Key results of {obj.title}") if rows else "")
    )


def _findings_table(found: list[dict[str, Any]]) -> str:
    if not found:
        return "<p>No findings.</p>"
    rows = "".join(
        f"<tr><td><code>{_e(d['code'])}</code></td>"
        f'<td><span class="badge {_e(d["severity"])}">{_e(d["severity"])}</span></td>'
        f"<td>{_e(d['where'])}</td><td>{_e(d['message'])}"
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


def _alone(obj: Objective) -> ObjectiveRow:
    """The row of one objective on its own (aligned to nothing), as of today."""
    return scorecard(Plan(objectives=[attrs.evolve(obj, aligned_to=None)])).objectives[0]


def key_result_html(kr: KeyResult) -> str:
    """A compact HTML view of one key result: its value, target, progress and score (notebooks).

    >>> import okrkit
    >>> kr = okrkit.KeyResult(title="Raise NPS", direction="increase", start=30, target=50)
    >>> "Raise NPS" in key_result_html(kr)
    True
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    row = _alone(Objective(title=kr.title, key_results=[kr])).key_results
    # On its own a key result has no cycle nor commitment to be graded by (its objective's
    # view grades it): no grade, no colour.
    return notebook_view(_kr_table(row, None))


def objective_html(obj: Objective) -> str:
    """A compact HTML view of one objective and its key results (notebooks)."""
    if not isinstance(obj, Objective):
        raise InvalidTypeError("obj", obj, "an Objective")
    return notebook_view(_objective_section(_alone(obj), "h4") + "</section>")


def plan_html(plan: Plan) -> str:
    """A compact HTML view of a plan: one row per objective, down the alignment tree (notebooks)."""
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return notebook_view(_objectives_table(scorecard(plan)))


def scorecard_html(card: Scorecard) -> str:
    """A compact HTML view of a scorecard: one row per objective, down the tree (notebooks)."""
    if not isinstance(card, Scorecard):
        raise InvalidTypeError("card", card, "a Scorecard")
    return notebook_view(_objectives_table(card))


def _objectives_table(card: Scorecard) -> str:
    rows = "".join(
        f'<tr class="{_e(color(o) or "none")}">'
        f'<th scope="row">{indent(o.depth, "&nbsp;&nbsp;")}{_e(o.title)} '
        f"<code>{_e(o.id)}</code></th>"
        f"<td>{_e(o.owner or NO_VALUE)}</td><td>{len(o.objective.key_results)}</td>"
        f"<td>{_bar(o, o.title)}</td><td>{_grade_badge(o)}</td>"
        f"<td>{_badge(o)}</td></tr>"
        for o in card
    )
    return (
        (f"<p>Alignment problems:</p>{_problems_list(card)}" if card.alignment_problems else "")
        + f"<table><caption>{count(len(card), 'objective')}, as of {card.at.isoformat()}"
        '</caption><thead><tr><th scope="col">Objective</th><th scope="col">Owner</th>'
        '<th scope="col">KRs</th><th scope="col">Score</th><th scope="col">Grade</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def tree_html(tree: AlignmentTree) -> str:
    """A compact HTML view of an alignment tree: nested lists with rolled-up scores (notebooks)."""
    if not isinstance(tree, AlignmentTree):
        raise InvalidTypeError("tree", tree, "an AlignmentTree")
    card = scorecard(tree)
    roots = sum(1 for row in card if row.depth == 0)
    caption = (
        f"{count(len(card), 'objective')}, {count(roots, 'root')}, roll-up "
        f"{_e(tree.roll_up)}, policy {_e(tree.policy.name)}, as of {card.at.isoformat()}"
    )
    parts = [f"<p>{caption}</p><ul>"]
    depth = 0
    first = True
    for row in card:
        level = min(row.depth, INDENT_LEVELS)  # deeper rows nest no further, and say so
        if not first and level <= depth:
            parts.append("</li>")
        parts.extend("</ul></li>" for _ in range(depth - level))
        if level > depth:
            parts.append("<ul>")
        first = False
        depth = level
        parts.append(
            f"<li>{depth_marker(row.depth)}{_e(row.title)} <code>{_e(row.id)}</code> "
            f"{_bar(row, row.title)}"
        )
    if not first:
        parts.append("</li>")
    parts.extend("</ul></li>" for _ in range(depth))
    parts.append("</ul>")
    return notebook_view("".join(parts))


def diagnostics_html(diagnostics: Iterable[Diagnostic]) -> str:
    """A compact HTML table of rule diagnostics (a rules `Report` in a notebook)."""
    found = [
        {**d, "where": d["id"] or d["path"] or "the plan"} for d in diagnostics_data(diagnostics)
    ]
    return notebook_view(f"<p>{_e(_finding_counts(found))}</p>" + _findings_table(found))
