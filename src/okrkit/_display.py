"""Numbers, scores, grades, statuses and depths as people read them, in every view.

The reports (`okrkit.report`), the plots and the command line show the same rows of a
`okrkit.scorecards.Scorecard`; they write them with these functions, so a score reads the
same in a terminal, a wiki and a chart.
They return plain text: each view escapes user text for its own medium.

>>> number_text(9_120_000, "$"), percent_text(0.514), score_text(0.7), count(1, "objective")
('$9,120,000', '51%', '0.70', '1 objective')
"""

from __future__ import annotations

import math
from collections.abc import Callable

from okrkit._escape import html_text
from okrkit._money import SIGN_CURRENCIES
from okrkit.scorecards import KeyResultRow, ObjectiveRow
from okrkit.scoring import Status

__all__ = [
    "CURRENCIES",
    "INDENT_LEVELS",
    "NOTEBOOK_CSS",
    "NO_VALUE",
    "PAGE_CSS",
    "count",
    "depth_marker",
    "grade_text",
    "indent",
    "no_score_text",
    "notebook_view",
    "number_text",
    "page_head",
    "percent_text",
    "row_score_text",
    "row_status_text",
    "score_text",
    "status_label",
]

NO_VALUE = "–"
"""What a view shows where there is no value: no score, no reading, no forecast."""

CURRENCIES = SIGN_CURRENCIES
"""The units written before a number, the currencies okrkit writes by their sign
(``$9,120,000``, ``₹3,200,000``); every other unit follows it (``62,000,000 KRW``)."""

INDENT_LEVELS = 6
"""How many levels of the alignment tree the views draw as indentation or nesting."""


def indent(depth: int, unit: str) -> str:
    """*unit* once per level of *depth*; past `INDENT_LEVELS`, those levels and the depth in words.

    Drawing every level would make a deep chain's output grow with the square of its length.

    >>> indent(2, "↳ "), indent(23, "> ")
    ('↳ ↳ ', '> > > > > > (depth 23) ')
    """
    if depth <= INDENT_LEVELS:
        return unit * depth
    return unit * INDENT_LEVELS + depth_marker(depth)


def depth_marker(depth: int) -> str:
    """``"(depth N) "`` for an objective deeper than `INDENT_LEVELS` can show, else ``""``."""
    return f"(depth {depth}) " if depth > INDENT_LEVELS else ""


def _same(text: str) -> str:
    return text


def number_text(
    value: float | list[float] | tuple[float, float] | None,
    unit: str | None = None,
    escape: Callable[[str], str] = _same,
) -> str:
    """A number for people, with the precision people use, and its unit.

    Up to two decimals below 100,000 (``4.65``, ``1,234.5``), whole numbers from there
    (``$9,715,791``, never cents on millions), and beyond 10**15 four significant digits.
    A currency symbol goes before the number, any other unit after it, spaced (``80 %``);
    a band is its two ends (``75–85 %``).  The unit is user text: *escape* makes it safe for
    the medium (the number is okrkit's own).

    >>> number_text(9_715_791.37, "$"), number_text(4.6502, "%"), number_text((75, 85), "%")
    ('$9,715,791', '4.65 %', '75–85 %')
    """
    if isinstance(value, list | tuple):
        return "–".join(number_text(x) for x in value) + (f" {escape(unit)}" if unit else "")
    if value is None or not math.isfinite(value):  # okrkit's data holds none but finite
        return NO_VALUE
    size = abs(value)
    if size < _WHOLE:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.0f}" if size < 1e15 else f"{value:.4g}"
    if text == "-0":
        text = "0"
    if not unit:
        return text
    if unit in CURRENCIES:
        return escape(unit) + text
    return f"{text} {escape(unit)}"


# From here on a number is shown whole: its cents (or hundredths) are noise.
_WHOLE = 100_000


# Scores (and percentages) beyond ±999 are shown as out of range, not as their hundreds of
# digits (an uncapped policy can score 1e308) nor as "inf%".
_SHOWN_MAX = 999


def score_text(value: float | None) -> str:
    """A score with two decimals; beyond ±999 ``">999"`` or ``"<-999"``; NaN as no score."""
    if value is None or math.isnan(value):
        return NO_VALUE
    if value >= _SHOWN_MAX + 0.995:  # what would round to 1000.00
        return f">{_SHOWN_MAX}"
    if value <= -_SHOWN_MAX - 0.995:
        return f"<-{_SHOWN_MAX}"
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text  # a hair below 0 reads as 0, not "-0.00"


def percent_text(value: float | None) -> str:
    """A fraction as a whole percentage; beyond ±999 % ``">999%"`` or ``"<-999%"``."""
    if value is None or math.isnan(value):
        return NO_VALUE
    if value * 100 >= _SHOWN_MAX + 0.5:  # what would round to 1000%
        return f">{_SHOWN_MAX}%"
    if value * 100 <= -_SHOWN_MAX - 0.5:
        return f"<-{_SHOWN_MAX}%"
    text = f"{value:.0%}"
    return "0%" if text == "-0%" else text


def grade_text(row: ObjectiveRow | KeyResultRow) -> str:
    """A row's grade in words: ``"missed (red)"``; while its cycle runs, the projected grade
    (``"projected delivered (green)"``); `NO_VALUE` when there is neither."""
    if row.grade is not None:
        return f"{row.grade.label} ({row.grade.color})"
    if row.projected_grade is not None:
        return f"projected {row.projected_grade.label} ({row.projected_grade.color})"
    return NO_VALUE


def no_score_text(row: ObjectiveRow | KeyResultRow) -> str:
    """Why a row has no score, in words: its cycle has not started, or nothing under it can
    be measured."""
    return "not started" if row.status is Status.NOT_STARTED else "not measurable"


def row_score_text(row: ObjectiveRow | KeyResultRow) -> str:
    """A row's score (`score_text`); before its cycle starts, ``"not started"``, never 0.00."""
    if row.status is Status.NOT_STARTED:
        return "not started"
    return score_text(row.score)


def row_status_text(row: ObjectiveRow | KeyResultRow) -> str:
    """A row's status in words (`status_label`)."""
    return status_label(None if row.status is None else row.status.value)


def status_label(value: str | None) -> str:
    """A status's words for people (``"on_track"`` -> ``"on track"``; None -> ``"no status"``).

    >>> status_label("at_risk"), status_label(None)
    ('at risk', 'no status')
    """
    return "no status" if value is None else value.replace("_", " ")


def count(n: int, noun: str) -> str:
    """*n* and *noun*, plural unless *n* is 1: ``count(1, "objective")`` is ``1 objective``,
    ``count(2500, "check-in")`` ``2,500 check-ins``."""
    return f"{n} {noun}" if n == 1 else f"{n:,} {noun}s"


# The style of every HTML page okrkit writes (reports, retrospectives), and of the compact
# views notebooks show: one look, in one place.
PAGE_CSS = """
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


NOTEBOOK_CSS = (
    "<style>.okrkit table{border-collapse:collapse}.okrkit th,.okrkit td{padding:2px 6px;"
    "text-align:left}.okrkit meter{width:6em}.okrkit .badge{border:1px solid currentColor;"
    "border-radius:.5em;padding:0 .3em;font-size:.85em}"
    ".okrkit .muted{color:#6b7280}</style>"
)


def page_head(title: str) -> str:
    """The start of a self-contained HTML page titled *title* (escaped here), up to its
    ``<body>``: the reports' and the retrospectives' one look."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html_text(title)}</title><style>{PAGE_CSS}</style></head><body>",
        ]
    )


def notebook_view(inner: str) -> str:
    """The HTML fragment *inner* as a notebook shows okrkit's values: in a ``div`` of its
    own, with the compact views' style."""
    return f'<div class="okrkit">{NOTEBOOK_CSS}{inner}</div>'
