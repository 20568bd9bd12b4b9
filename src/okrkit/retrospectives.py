"""Retrospectives across cycles: how each owner's OKRs ended, cycle after cycle.

`retrospective` reads plans (a quarter's file each, or versions of one file from git) and
asks of each owner, and of each level, what a leader asks after a few quarters: do their
aspirational objectives land near 0.6-0.7 (well calibrated), or at 1.0 cycle after cycle
(sandbagging), or below 0.3 (over-reach)?  Are committed objectives delivered?  How often
were targets moved after the first check-in, how much work was carried over, and did the
team stop checking in before the cycle ended?

Only cycles that have ended are counted: a running quarter has no final score yet.  The
findings use the thresholds of the rules that say the same of one plan (OKR303, OKR304,
OKR602), with a `~okrkit.rules.RuleConfig`'s options and selection, so that ``okrkit
retro`` and ``okrkit check`` agree.

>>> from datetime import date
>>> import okrkit
>>> def quarter(label, value):
...     cycle = okrkit.Cycle.parse(label)
...     kr = okrkit.KeyResult(id="nps", title="Raise NPS", direction="increase", start=30,
...                           target=40).check_in(value, at=cycle.end)
...     return okrkit.Plan(objectives=[okrkit.Objective(
...         id="love", title="Be loved", owner="growth", cycle=cycle, key_results=[kr])])
>>> retro = retrospective([quarter("2026-Q2", 40), quarter("2026-Q3", 41)],
...                       at=date(2026, 10, 1))
>>> growth = retro.owner("growth")
>>> growth.aspirational_mean, [str(t.cycle) for t in growth.cycles]
(1.0, ['2026-Q2', '2026-Q3'])
>>> print(retro.findings[0].message)  # doctest: +NORMALIZE_WHITESPACE
owner 'growth' averaged 1.00 on aspirational objectives over 2026-Q2 to 2026-Q3: the goals
were not ambitious
"""

from __future__ import annotations

import importlib
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Literal, TypeAlias

import attrs

from okrkit._display import NO_VALUE, count, notebook_view, page_head, percent_text, score_text
from okrkit._escape import html_text, markdown
from okrkit._numbers import finite
from okrkit.changes import moved_goalposts
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError, UnknownIdError
from okrkit.model import Commitment, KeyResult, Plan
from okrkit.rules import REGISTRY, RuleConfig
from okrkit.scorecards import scorecard
from okrkit.scoring import (
    Policy,
    PolicyName,
    done,
    mean,
    policy_named,
    quiet_days,
    recent_means,
)
from okrkit.tree import RollUp

__all__ = [
    "CALIBRATED",
    "CycleTally",
    "FinalScore",
    "Finding",
    "FindingKind",
    "Retrospective",
    "Track",
    "retrospective",
]

CALIBRATED = (0.6, 0.7)
"""Where aspirational objectives of a well-calibrated owner end, on average."""

QUIET_SHARE = 0.5
"""The share of an owner's key results that, ending a cycle without a recent check-in, make
the owner a stale team in that cycle."""

FindingKind: TypeAlias = Literal["sandbagging", "overreach", "stale"]
"""What a retrospective's finding is about."""

_RULES: dict[FindingKind, str] = {"sandbagging": "OKR303", "overreach": "OKR304", "stale": "OKR602"}


@attrs.frozen(kw_only=True)
class FinalScore:
    """One objective's final score in a cycle that has ended, or a past score of a plan's
    history (`okrkit.PastScore`), which names its objective or none."""

    owner: str | None
    level: str | None
    cycle: Cycle
    objective: str | None
    """The objective's id (None for a past score that names none)."""
    title: str | None
    """The objective's title (None for a past score)."""
    commitment: Commitment
    score: float | None
    """Its score at the retrospective's date (None when nothing in it can be measured)."""
    from_history: bool = False
    """Whether it was read from a plan's history rather than scored from its objective."""


class _Scored:
    """What a tally and a track say of their final scores: the mean of the aspirational
    ones, and how many committed ones were delivered."""

    __slots__ = ()
    aspirational: tuple[float, ...]
    committed: tuple[float, ...]

    @property
    def aspirational_mean(self) -> float | None:
        """The mean final score of its aspirational objectives (None without one)."""
        scores = self.aspirational
        return None if not scores else mean([(s, 1.0) for s in scores])

    @property
    def delivered(self) -> int:
        """How many of its committed objectives ended at 1.0 or more."""
        return sum(1 for s in self.committed if s >= 1.0 - 1e-9)

    @property
    def delivered_share(self) -> float | None:
        """The share of its committed objectives delivered (None without one)."""
        committed = self.committed
        return None if not committed else self.delivered / len(committed)


@attrs.frozen(kw_only=True)
class CycleTally(_Scored):
    """What one owner's (or one level's) objectives came to in one cycle that has ended."""

    cycle: Cycle
    aspirational: tuple[float, ...] = ()
    """The final scores of its aspirational objectives."""
    committed: tuple[float, ...] = ()
    """The final scores of its committed objectives."""
    key_results: int = 0
    """The key results of its objectives (a past score holds none)."""
    targets_moved: tuple[str, ...] = ()
    """The ids of the key results whose target, start or direction was edited after their
    first check-in (`okrkit.changes.moved_goalposts`), between the versions given."""
    carried: tuple[str, ...] = ()
    """The ids of the key results carried into the cycle from an earlier one
    (`KeyResult.carried_from`)."""
    quiet: tuple[str, ...] = ()
    """The ids of the key results that ended the cycle not done and with no check-in in
    its last days (more than OKR602's ``days``, 14 by default)."""


@attrs.frozen(kw_only=True)
class Track(_Scored):
    """An owner's cycles (in `Retrospective.owners`), or a level's (in
    `Retrospective.levels`, with ``owner`` None), oldest first."""

    owner: str | None
    """The owner (None: objectives with no owner, or a level's track)."""
    level: str | None
    """The level: a level's own, or the level of the owner's latest objective."""
    cycles: tuple[CycleTally, ...]

    @property
    def aspirational(self) -> tuple[float, ...]:  # type: ignore[override]
        """Every final score of its aspirational objectives, cycle after cycle."""
        return tuple(s for t in self.cycles for s in t.aspirational)

    @property
    def committed(self) -> tuple[float, ...]:  # type: ignore[override]
        """Every final score of its committed objectives, cycle after cycle."""
        return tuple(s for t in self.cycles for s in t.committed)

    @property
    def key_results(self) -> int:
        """Its key results, over every cycle."""
        return sum(t.key_results for t in self.cycles)

    @property
    def targets_moved(self) -> tuple[str, ...]:
        """The key results whose goalposts moved, cycle after cycle."""
        return tuple(k for t in self.cycles for k in t.targets_moved)

    @property
    def carried(self) -> tuple[str, ...]:
        """The key results carried into its cycles, cycle after cycle."""
        return tuple(k for t in self.cycles for k in t.carried)

    @property
    def quiet(self) -> tuple[str, ...]:
        """The key results that ended a cycle without a recent check-in, cycle after cycle."""
        return tuple(k for t in self.cycles for k in t.quiet)


@attrs.frozen(kw_only=True)
class Finding:
    """Something a retrospective tells of an owner: sandbagging, over-reach, a stale team."""

    kind: FindingKind
    owner: str | None
    cycles: tuple[Cycle, ...]
    """The cycles it is read from, oldest first."""
    value: float
    """The mean score it is about, or (stale) the largest share of quiet key results."""
    message: str
    hint: str
    """What to do: the hint of the rule that says the same of one plan."""
    code: str
    """That rule's code (OKR303, OKR304, OKR602)."""


@attrs.frozen(kw_only=True)
class Retrospective:
    """Owners' and levels' final scores across the cycles given (`retrospective`)."""

    at: date
    """The date the plans were scored at: cycles that end after it are left out."""
    policy: str
    """The name of the scoring policy."""
    cycles: tuple[Cycle, ...]
    """Every cycle with a final score, oldest first."""
    scores: tuple[FinalScore, ...]
    """Every final score, by cycle, then owner, then as the plans hold them."""
    owners: tuple[Track, ...]
    """Each owner's track, by owner (objectives with no owner last)."""
    levels: tuple[Track, ...]
    """Each level's track (every owner's objectives at that level), by level."""
    findings: tuple[Finding, ...] = ()
    running: tuple[str, ...] = ()
    """The objectives left out because their cycle had not ended by `at`, as
    ``CYCLE/ID``."""
    undated: tuple[str, ...] = ()
    """The ids of objectives left out because they have no cycle."""
    sandbagging: float | None = None
    """The mean at or above which an owner sandbags (OKR303's threshold; None if off)."""
    overreach: float | None = None
    """The mean below which an owner over-reaches (OKR304's threshold; None if off)."""
    quiet_after: int | None = None
    """How many days without a check-in make a key result quiet (OKR602's ``days``); None
    when the stale finding is off (key results are counted quiet all the same)."""

    def owner(self, name: str | None) -> Track:
        """The track of owner *name* (None: the objectives with no owner); an
        `~okrkit.errors.UnknownIdError` (a `KeyError`) for an owner it has none of."""
        for track in self.owners:
            if track.owner == name:
                return track
        raise UnknownIdError("(no owner)" if name is None else name, "an owner")

    def summary(self) -> str:
        """One line: what was read and found."""
        cycles = self.cycles
        span = f"{cycles[0]} to {cycles[-1]}" if len(cycles) > 1 else "".join(map(str, cycles))
        parts = [
            count(len(cycles), "cycle") + (f" ({span})" if cycles else ""),
            count(len(self.owners), "owner"),
            count(sum(1 for s in self.scores if s.score is not None), "final score"),
            count(len(self.findings), "finding"),
        ]
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The retrospective as JSON-ready data."""
        return {
            "okrkit_retrospective": 1,
            "as_of": self.at.isoformat(),
            "policy": self.policy,
            "summary": self.summary(),
            "cycles": [str(c) for c in self.cycles],
            "thresholds": {
                "calibrated": list(CALIBRATED),
                "sandbagging": self.sandbagging,
                "overreach": self.overreach,
                "quiet_after_days": self.quiet_after,
                "quiet_share": QUIET_SHARE,
            },
            "findings": [
                {
                    "kind": f.kind,
                    "code": f.code,
                    "owner": f.owner,
                    "cycles": [str(c) for c in f.cycles],
                    "value": finite(f.value),
                    "message": f.message,
                    "hint": f.hint,
                }
                for f in self.findings
            ],
            "owners": [_track_dict(t) for t in self.owners],
            "levels": [_track_dict(t) for t in self.levels],
            "scores": [
                {
                    "owner": s.owner,
                    "level": s.level,
                    "cycle": str(s.cycle),
                    "objective": s.objective,
                    "title": s.title,
                    "commitment": s.commitment.value,
                    "score": finite(s.score),
                    "from_history": s.from_history,
                }
                for s in self.scores
            ],
            "running": list(self.running),
            "undated": list(self.undated),
        }

    def markdown(self, title: str = "Retrospective") -> str:
        """The retrospective as a Markdown document (every user text escaped)."""
        _check_title(title)
        # Only what users wrote is escaped (owners, levels, ids, the title): the rest is
        # okrkit's own words, numbers and cycle labels, which read as themselves.
        out = [f"# {markdown(title)}, as of {self.at.isoformat()}", "", self._facts(_MARKDOWN), ""]
        out += ["## Findings", ""]
        if not self.findings:
            out += [_NONE_FOUND, ""]
        for f in self.findings:
            who = _who(f.owner)
            out.append(
                f"- **{_LABELS[f.kind]}** ({f.code}): {markdown(who)}{f.message[len(who) :]}."
                f" {f.hint[:1].upper()}{f.hint[1:]}."
            )
        out.append("")
        for heading, tracks, noun in (
            ("Owners", self.owners, "Owner"),
            ("Levels", self.levels, "Level"),
        ):
            if not tracks:
                continue
            out += [f"## {heading}", ""]
            out += _table_markdown(_head(noun), [_track_row(t, noun, _MARKDOWN) for t in tracks])
            out.append("")
        if self.owners:
            out += ["## Cycle by cycle", ""]
            for track in self.owners:
                out += [f"### {_track_name(track, 'Owner', _MARKDOWN)}", ""]
                rows = [[str(t.cycle), *_tally_cells(t, _MARKDOWN)] for t in track.cycles]
                out += _table_markdown(["Cycle", *_CYCLE_COLUMNS], rows)
                out.append("")
        left = self._left_out(markdown)
        if left:
            out += ["## Left out", ""] + [f"- {line}" for line in left] + [""]
        return "\n".join(out)

    def html(self, title: str = "Retrospective") -> str:
        """The retrospective as one self-contained HTML page, as the reports are."""
        _check_title(title)
        heading = f"{title}, as of {self.at.isoformat()}"
        body = [
            page_head(heading),
            (
                f"<header><h1>{html_text(heading)}</h1>"
                f'<p class="facts">{self._facts(_HTML)}</p></header>'
            ),
            "<main>",
            self._findings_html(),
        ]
        for heading_, tracks, noun in (
            ("Owners", self.owners, "Owner"),
            ("Levels", self.levels, "Level"),
        ):
            if tracks:
                body.append(_tracks_html(heading_, tracks, noun))
        if self.owners:
            body.append('<section aria-labelledby="cycles"><h2 id="cycles">Cycle by cycle</h2>')
            for track in self.owners:
                body.append(f"<h3>{_track_name(track, 'Owner', _HTML)}</h3>")
                body.append(_tallies_html(track))
            body.append("</section>")
        left = self._left_out()
        if left:
            body.append('<section aria-labelledby="left"><h2 id="left">Left out</h2><ul>')
            body += [f"<li>{html_text(line)}</li>" for line in left]
            body.append("</ul></section>")
        body.append("</main></body></html>\n")
        return "\n".join(body)

    def _repr_html_(self) -> str:
        inner = self._findings_html() + (
            _tracks_html("Owners", self.owners, "Owner") if self.owners else ""
        )
        return notebook_view(inner)

    def to_frame(self) -> Any:
        """A `pandas.DataFrame`: one row per owner per cycle (the ``pandas`` extra).

        Columns: ``owner``, ``level``, ``cycle``, ``cycle_start``, ``cycle_end``
        (datetime64), ``aspirational_objectives`` and ``committed_objectives`` (how many),
        ``aspirational_mean`` and ``delivered_share`` (float64, NaN where there is none),
        ``delivered``, ``key_results``, and how many key results had their
        ``targets_moved``, were ``carried`` in and went ``quiet`` (int64; the tallies hold
        their ids).  Owners come as in `owners`, each's cycles oldest first.
        """
        pd = importlib.import_module("pandas")  # typed Any: pandas may be missing
        rows = [(track, tally) for track in self.owners for tally in track.cycles]
        columns: dict[str, Any] = {
            "owner": pd.Series([t.owner for t, _ in rows], dtype="object"),
            "level": pd.Series([t.level for t, _ in rows], dtype="object"),
            "cycle": pd.Series([str(c.cycle) for _, c in rows], dtype="object"),
            "cycle_start": pd.to_datetime(pd.Series([c.cycle.start for _, c in rows])),
            "cycle_end": pd.to_datetime(pd.Series([c.cycle.end for _, c in rows])),
        }
        for name, get in _FRAME_COLUMNS.items():
            dtype = "float64" if name.endswith(("_mean", "_share")) else "int64"
            values = [get(c) for _, c in rows]
            columns[name] = pd.Series([math.nan if x is None else x for x in values], dtype=dtype)
        return pd.DataFrame(columns)

    # The words shared by the Markdown and the HTML ------------------------------------------

    def _facts(self, medium: _Medium) -> str:
        """The line under the heading: the policy (its name, user text, safe in *medium*),
        what was read and found, and the band of a well-calibrated owner."""
        calibrated = f"{CALIBRATED[0]:.1f}-{CALIBRATED[1]:.1f}"
        return (
            f"Policy {medium.escape(self.policy)} · {medium.own(self.summary())} · the band"
            f" of well-calibrated aspirational objectives: {calibrated}"
        )

    def _left_out(self, escape: Callable[[str], str] = str) -> list[str]:
        """What was left out, in words (the ids, user text, made safe by *escape*)."""
        left = []
        if self.running:
            cycles = sorted({r.rpartition("/")[0] for r in self.running})
            left.append(
                f"{count(len(self.running), 'objective')} of cycles not ended by"
                f" {self.at.isoformat()} ({', '.join(cycles)}): no final score yet"
            )
        if self.undated:
            left.append(
                f"{count(len(self.undated), 'objective')} with no cycle: "
                + ", ".join(map(escape, self.undated))
            )
        return left

    def _findings_html(self) -> str:
        parts = ['<section aria-labelledby="findings"><h2 id="findings">Findings</h2>']
        if not self.findings:
            parts.append(f"<p>{_NONE_FOUND}</p>")
        else:
            parts.append("<ul>")
            parts += [
                f'<li><span class="badge warning">{_LABELS[f.kind]}</span> {f.code}: '
                f'{html_text(f.message)}. <span class="muted">{html_text(f.hint)}.</span></li>'
                for f in self.findings
            ]
            parts.append("</ul>")
        parts.append("</section>")
        return "".join(parts)


# Rendering ----------------------------------------------------------------------------------

_NONE_FOUND = "None: no owner sandbags, over-reaches or went quiet."
_LABELS: dict[FindingKind, str] = {
    "sandbagging": "Sandbagging",
    "overreach": "Over-reach",
    "stale": "Stale team",
}
_COLUMNS = (
    "Cycles",
    "Aspirational mean (all cycles)",
    "Committed delivered",
    "Targets moved",
    "Carried in",
    "Went quiet",
)
_CYCLE_COLUMNS = (
    "Aspirational",
    "Committed delivered",
    "Key results",
    "Targets moved",
    "Carried in",
    "Went quiet",
)
_FRAME_COLUMNS: dict[str, Any] = {
    "aspirational_objectives": lambda t: len(t.aspirational),
    "aspirational_mean": lambda t: t.aspirational_mean,
    "committed_objectives": lambda t: len(t.committed),
    "delivered": lambda t: t.delivered,
    "delivered_share": lambda t: t.delivered_share,
    "key_results": lambda t: t.key_results,
    "targets_moved": lambda t: len(t.targets_moved),
    "carried": lambda t: len(t.carried),
    "quiet": lambda t: len(t.quiet),
}


@attrs.frozen
class _Medium:
    """Where a report goes: how user text is made safe there, and how a name that is not
    there shows (unlike any name a user could write)."""

    escape: Callable[[str], str]
    absent: str
    own: Callable[[str], str]
    """How okrkit's own words and numbers are written there (``<-999`` is a tag's start in
    HTML, and reads as itself in Markdown)."""


_MARKDOWN = _Medium(markdown, "*(no {})*", str)
_HTML = _Medium(html_text, "<em>(no {})</em>", html_text)


def _check_title(title: object) -> None:
    if not isinstance(title, str):
        raise InvalidTypeError("title", title, "a str")


def _track_name(track: Track, noun: str, medium: _Medium) -> str:
    """Whose track it is: the owner's (or level's) name, safe in *medium*, else its mark
    of none."""
    name = track.owner if noun == "Owner" else track.level
    return medium.escape(name) if name is not None else medium.absent.format(noun.lower())


def _of(part: int, whole: int) -> str:
    return NO_VALUE if not whole else f"{part} of {whole} ({percent_text(part / whole)})"


def _mean_text(scored: _Scored) -> str:
    """The mean of aspirational scores, and of how many: ``0.64 (2 objectives)``."""
    mean = scored.aspirational_mean
    n = len(scored.aspirational)
    return NO_VALUE if mean is None else f"{score_text(mean)} ({count(n, 'objective')})"


def _head(noun: str) -> list[str]:
    """The columns of a table of tracks: an owner's shows its level too."""
    return [noun, "Level", *_COLUMNS] if noun == "Owner" else [noun, *_COLUMNS]


def _track_row(track: Track, noun: str, medium: _Medium) -> list[str]:
    """A track's cells: its name and level (user text, safe in *medium*), its tallies."""
    level = [medium.escape(track.level) if track.level else NO_VALUE] if noun == "Owner" else []
    return [_track_name(track, noun, medium), *level, *map(medium.own, _track_cells(track))]


def _track_cells(track: Track) -> list[str]:
    return [
        str(len(track.cycles)),
        _mean_text(track),
        _of(track.delivered, len(track.committed)),
        _of(len(track.targets_moved), track.key_results),
        _of(len(track.carried), track.key_results),
        _of(len(track.quiet), track.key_results),
    ]


def _ids(ids: tuple[str, ...], medium: _Medium) -> str:
    """How many key results, and which: ``2: churn, nps`` (ids, user text, safe in
    *medium*)."""
    return f"{len(ids)}: {', '.join(map(medium.escape, ids))}" if ids else "0"


def _tally_cells(tally: CycleTally, medium: _Medium) -> list[str]:
    return [
        medium.own(_mean_text(tally)),
        medium.own(_of(tally.delivered, len(tally.committed))),
        str(tally.key_results),
        _ids(tally.targets_moved, medium),
        _ids(tally.carried, medium),
        _ids(tally.quiet, medium),
    ]


def _table_markdown(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    """The lines of a Markdown table of okrkit's *head* and *rows* of cells already made
    safe for Markdown."""
    lines = ["| " + " | ".join(head) + " |", "| --- " * len(head) + "|"]
    return lines + ["| " + " | ".join(cells) + " |" for cells in rows]


def _table_html(head: Iterable[str], rows: Iterable[list[str]]) -> str:
    """A table of okrkit's *head* and *rows* of cells already made safe for HTML."""
    parts = ["<table><thead><tr>"]
    parts += [f'<th scope="col">{html_text(h)}</th>' for h in head]
    parts.append("</tr></thead><tbody>")
    for cells in rows:
        parts.append(f'<tr><th scope="row">{cells[0]}</th>')
        parts += [f'<td class="num">{c}</td>' for c in cells[1:]]
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _tracks_html(heading: str, tracks: tuple[Track, ...], noun: str) -> str:
    anchor = heading.lower()
    rows = [_track_row(t, noun, _HTML) for t in tracks]
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{heading}</h2>'
        + _table_html(_head(noun), rows)
        + "</section>"
    )


def _tallies_html(track: Track) -> str:
    rows = [[html_text(str(t.cycle)), *_tally_cells(t, _HTML)] for t in track.cycles]
    return _table_html(["Cycle", *_CYCLE_COLUMNS], rows)


def _track_dict(track: Track) -> dict[str, Any]:
    return {
        "owner": track.owner,
        "level": track.level,
        "aspirational_mean": finite(track.aspirational_mean),
        "delivered": track.delivered,
        "committed": len(track.committed),
        "delivered_share": track.delivered_share,
        "key_results": track.key_results,
        "targets_moved": list(track.targets_moved),
        "carried": list(track.carried),
        "quiet": list(track.quiet),
        "cycles": [
            {
                "cycle": str(t.cycle),
                "aspirational": [finite(s) for s in t.aspirational],
                "aspirational_mean": finite(t.aspirational_mean),
                "committed": [finite(s) for s in t.committed],
                "delivered": t.delivered,
                "delivered_share": t.delivered_share,
                "key_results": t.key_results,
                "targets_moved": list(t.targets_moved),
                "carried": list(t.carried),
                "quiet": list(t.quiet),
            }
            for t in track.cycles
        ],
    }


# The arithmetic -----------------------------------------------------------------------------


@attrs.define
class _Counts:
    """The key results of one owner's (or level's) cycle, as they are tallied."""

    key_results: int = 0
    targets_moved: list[str] = attrs.Factory(list)
    carried: list[str] = attrs.Factory(list)
    quiet: list[str] = attrs.Factory(list)


def retrospective(
    plans: Plan | Iterable[Plan | Sequence[Plan]],
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
    config: RuleConfig | None = None,
) -> Retrospective:
    """Each owner's and each level's OKRs across the cycles of *plans*, as of *at* (default
    today): a `Retrospective`.

    *plans* are given oldest first: a plan per file (a cycle's, say), where an item may be
    a sequence of the versions of one file, oldest first (from git).  Of such a sequence,
    for each cycle, the latest version that holds objectives of it says which objectives
    there are and scores them (a file rolled over in place keeps its earlier cycle in its
    earlier versions), and the versions before show, key result by id, whether goalposts
    moved after the first check-in; an objective removed, renamed or given another owner
    later counts as the latest version has it.  Each plan is scored as of *at*
    (`okrkit.scorecards.scorecard`, with *policy* and *roll_up*), and every objective
    whose cycle has ended by then has its final score; where plans given apart hold the
    same objective (the same cycle, owner and id), the later one's is taken and its key
    results' goalposts are compared too.  The past scores
    of the plans' histories (`okrkit.PastScore`, which `Plan.roll_over` writes) count for
    the owners' cycles no plan holds an objective of.  Objectives (and past scores) whose
    cycle has not ended by *at*, and objectives with no cycle, are left out (and listed).

    The findings, per owner: **sandbagging** when the mean score of their aspirational
    objectives over their last cycles is at or above OKR303's threshold (0.9 over the last
    3 cycles, from at least 2), **over-reach** when it is below OKR304's (0.3), and a
    **stale team** when, at the end of a cycle, at least half their key results were not
    done and had had no check-in for more than OKR602's days (14).  *config* (a
    `~okrkit.rules.RuleConfig`) tunes those thresholds as it tunes the rules, and a rule it
    leaves out leaves its finding out.  Objectives with no owner are tallied, but have no
    findings (nobody to tell, and no past score a roll-over keeps).
    """
    groups = _groups(plans)
    at = date.today() if at is None else at
    if not isinstance(at, date):
        raise InvalidTypeError("at", at, "a date")
    chosen = policy_named("linear" if policy is None else policy)
    if config is None:
        config = RuleConfig()
    if not isinstance(config, RuleConfig):
        raise InvalidTypeError("config", config, "a RuleConfig or None")
    REGISTRY.check(config)  # options of the right types, for the rules it names
    options = {
        code: {**REGISTRY[code].options, **config.options.get(code, {})} for code in _RULES.values()
    }

    finals: dict[_Key, FinalScore] = {}
    final_krs: dict[_Key, tuple[KeyResult, ...]] = {}
    versions: dict[tuple[_Key, str], list[KeyResult]] = {}
    running: dict[tuple[Cycle, str | None, str | None], str] = {}
    undated: dict[tuple[str | None, str], str] = {}
    levels: dict[str | None, str | None] = {}
    histories = []
    for group in groups:
        deciders = _deciders(group)
        # What each key result was in every version of the file up to the one that scores
        # it, by its id (one file's versions are one key result's, whoever owns it by then).
        chains: dict[tuple[Cycle, str], list[KeyResult]] = {}
        for k, version in enumerate(group):
            for obj in version.objectives:
                if obj.cycle is not None and deciders.get(obj.cycle, -1) >= k:
                    for kr in obj.key_results:
                        chains.setdefault((obj.cycle, kr.id), []).append(kr)
            if k not in deciders.values() and k != len(group) - 1:
                continue
            for row in scorecard(version, at=at, policy=chosen, roll_up=roll_up):
                obj = row.objective
                if obj.cycle is None:
                    if k == len(group) - 1:
                        undated[obj.owner, obj.id] = obj.id
                    continue
                if deciders[obj.cycle] != k:
                    continue
                level = obj.level if obj.level is not None else levels.get(obj.owner)
                levels[obj.owner] = level
                key = (obj.cycle, obj.owner, obj.id)
                if not row.final:
                    running[key] = f"{obj.cycle}/{obj.id}"
                    continue
                finals.pop(key, None)  # the latest version's place, as well as its score
                finals[key] = FinalScore(
                    owner=obj.owner,
                    level=obj.level,
                    cycle=obj.cycle,
                    objective=obj.id,
                    title=obj.title,
                    commitment=obj.commitment,
                    score=row.score,
                )
                final_krs[key] = obj.key_results
                for kr in obj.key_results:  # after an earlier file's versions of it, if any
                    versions.setdefault((key, kr.id), []).extend(chains[obj.cycle, kr.id])
        histories.append(group[-1].history)
    scored = {(cycle, owner) for cycle, owner, _ in finals}
    held = {(cycle, id) for cycle, _, id in finals}
    # A plan's past scores of an owner's cycle (and objective) replace an earlier plan's: a
    # history that a roll-over carried from plan to plan counts once, as its latest says.
    past: dict[tuple[Cycle, str | None, str | None], list[FinalScore]] = {}
    for history in histories:
        mine: dict[tuple[Cycle, str | None, str | None], list[FinalScore]] = {}
        for p in history:
            said: tuple[Cycle, str | None, str | None] = (p.cycle, p.owner, p.objective)
            # An objective a plan scores (whoever owns it now), or an owner's whole cycle
            # when plans score objectives of theirs in it, is not counted again.
            if (p.cycle, p.objective) in held or (
                p.objective is None and (p.cycle, p.owner) in scored
            ):
                continue
            if p.cycle.end > at:  # not final by then, whatever the history says
                running[said] = f"{p.cycle}/{p.objective or p.owner}"
                continue
            mine.setdefault(said, []).append(
                FinalScore(
                    owner=p.owner,
                    level=levels.get(p.owner),
                    cycle=p.cycle,
                    objective=p.objective,
                    title=None,
                    commitment=p.commitment,
                    score=float(p.score),
                    from_history=True,
                )
            )
        for where, found in mine.items():
            past.pop(where, None)
            past[where] = found
    order = {c: k for k, c in enumerate(sorted({s.cycle for s in finals.values()} | {
        s.cycle for found in past.values() for s in found}))}  # fmt: skip
    scores = sorted(
        [*finals.values(), *itertools.chain(*past.values())],
        key=lambda s: (order[s.cycle], s.owner is None, s.owner or ""),
    )

    days = options["OKR602"]["days"]
    counts: dict[tuple[Cycle, str | None], _Counts] = {}
    by_level: dict[tuple[Cycle, str | None], _Counts] = {}
    for key, krs in final_krs.items():
        cycle, owner, _ = key
        level = finals[key].level
        for kr in krs:
            moved = _moved(versions[key, kr.id])
            # Quiet at the cycle's end, and not done by the date (a last check-in just after
            # the cycle that reaches the target delivers it).
            quiet = quiet_days(kr, cycle, cycle.end) > days and not done(kr, at)
            for tallies, whose in ((counts, (cycle, owner)), (by_level, (cycle, level))):
                tally = tallies.get(whose)
                if tally is None:
                    tally = tallies[whose] = _Counts()
                tally.key_results += 1
                if moved:
                    tally.targets_moved.append(kr.id)
                if kr.carried_from is not None:
                    tally.carried.append(kr.id)
                if quiet:
                    tally.quiet.append(kr.id)
    owners = _tracks(scores, counts, lambda s: s.owner, levels)
    level_tracks = _tracks(scores, by_level, lambda s: s.level, None)
    enabled = {kind: config.enabled(code) for kind, code in _RULES.items()}
    return Retrospective(
        at=at,
        policy=chosen.name,
        cycles=tuple(order),
        scores=tuple(scores),
        owners=owners,
        levels=level_tracks,
        findings=tuple(_findings(scores, owners, options, enabled)),
        running=tuple(running.values()),
        undated=tuple(undated.values()),
        sandbagging=options["OKR303"]["threshold"] if enabled["sandbagging"] else None,
        overreach=options["OKR304"]["threshold"] if enabled["overreach"] else None,
        quiet_after=days if enabled["stale"] else None,
    )


_Key: TypeAlias = tuple[Cycle, str | None, str]
"""An objective as plans given apart are matched: its cycle, owner and id."""


def _deciders(versions: list[Plan]) -> dict[Cycle, int]:
    """For each cycle the versions of one file hold objectives of, the latest version that
    does: it says which objectives that cycle has (a file rolled over in place holds the
    next cycle's, and the earlier versions the cycles before)."""
    deciders: dict[Cycle, int] = {}
    for k in reversed(range(len(versions))):
        for obj in versions[k].objectives:
            if obj.cycle is not None:
                deciders.setdefault(obj.cycle, k)
    return deciders


def _groups(plans: object) -> list[list[Plan]]:
    """*plans* as the versions of each file, oldest first: a plan alone is a file's one."""
    if isinstance(plans, Plan):
        return [[plans]]
    if not isinstance(plans, Iterable) or isinstance(plans, str | bytes):
        raise InvalidTypeError("plans", plans, "a Plan or an iterable of Plans")
    groups = []
    for i, item in enumerate(plans):
        if isinstance(item, Plan):
            groups.append([item])
            continue
        expected = "a Plan, or a non-empty sequence of Plans (the versions of one file)"
        if not isinstance(item, Sequence) or isinstance(item, str | bytes) or not item:
            raise InvalidTypeError(f"plans[{i}]", item, expected)
        for k, version in enumerate(item):
            if not isinstance(version, Plan):
                raise InvalidTypeError(f"plans[{i}][{k}]", version, "a Plan")
        groups.append(list(item))
    return groups


def _moved(versions: list[KeyResult]) -> bool:
    """Whether a key result's goalposts moved between any two of its versions in a row."""
    return any(moved_goalposts(a, b) for a, b in itertools.pairwise(versions))


def _tracks(
    scores: list[FinalScore],
    counts: dict[tuple[Cycle, str | None], _Counts],
    name: Callable[[FinalScore], str | None],
    levels: dict[str | None, str | None] | None,
) -> tuple[Track, ...]:
    """The tracks of every *name* (an owner, or a level): their tallies, cycle by cycle.

    *scores* come in cycle order, so each name's cycles do too."""
    grouped: dict[str | None, dict[Cycle, list[FinalScore]]] = {}
    for s in scores:
        grouped.setdefault(name(s), {}).setdefault(s.cycle, []).append(s)
    tracks = []
    for n in sorted(grouped, key=lambda n: (n is None, n or "")):
        tallies = []
        for cycle, group in grouped[n].items():
            c = counts.get((cycle, n), _Counts())
            tallies.append(
                CycleTally(
                    cycle=cycle,
                    aspirational=_scores_of(group, Commitment.ASPIRATIONAL),
                    committed=_scores_of(group, Commitment.COMMITTED),
                    key_results=c.key_results,
                    targets_moved=tuple(c.targets_moved),
                    carried=tuple(c.carried),
                    quiet=tuple(c.quiet),
                )
            )
        level = n if levels is None else levels.get(n)
        owner = None if levels is None else n
        tracks.append(Track(owner=owner, level=level, cycles=tuple(tallies)))
    return tuple(tracks)


def _scores_of(group: list[FinalScore], commitment: Commitment) -> tuple[float, ...]:
    return tuple(s.score for s in group if s.commitment is commitment and s.score is not None)


def _who(owner: str | None) -> str:
    return "objectives with no owner" if owner is None else f"owner {owner!r}"


def _span(cycles: tuple[Cycle, ...]) -> str:
    return str(cycles[0]) if len(cycles) == 1 else f"{cycles[0]} to {cycles[-1]}"


def _findings(
    scores: list[FinalScore],
    owners: tuple[Track, ...],
    options: dict[str, dict[str, Any]],
    enabled: dict[FindingKind, bool],
) -> Iterator[Finding]:
    aspirational: list[tuple[str | None, Cycle, float]] = [
        (s.owner, s.cycle, s.score)
        for s in scores
        if s.commitment is Commitment.ASPIRATIONAL and s.score is not None
    ]
    checks: tuple[tuple[FindingKind, bool, str], ...] = (
        ("sandbagging", True, "the goals were not ambitious"),
        ("overreach", False, "the targets outran capacity"),
    )
    means: dict[int, dict[str | None, tuple[float, tuple[Cycle, ...]]]] = {}
    for kind, high, said in checks:
        code = _RULES[kind]
        if not enabled[kind]:
            continue
        o = options[code]
        last = o["cycles"]
        if last not in means:  # OKR303 and OKR304 read the same means unless told otherwise
            means[last] = recent_means(aspirational, last=last)
        for owner, (average, cycles) in means[last].items():
            if owner is None or len(cycles) < o["min_cycles"]:
                continue
            if (average >= o["threshold"]) if high else (average < o["threshold"]):
                yield Finding(
                    kind=kind,
                    owner=owner,
                    cycles=cycles,
                    value=average,
                    message=(
                        f"{_who(owner)} averaged {score_text(average)} on aspirational"
                        f" objectives over {_span(cycles)}: {said}"
                    ),
                    hint=REGISTRY[code].hint or "",
                    code=code,
                )
    if not enabled["stale"]:
        return
    days = options["OKR602"]["days"]
    for track in owners:
        if track.owner is None:
            continue
        quiet = [
            t for t in track.cycles if t.key_results and len(t.quiet) / t.key_results >= QUIET_SHARE
        ]
        if not quiet:
            continue
        shares = ", ".join(f"{len(t.quiet)} of {t.key_results} in {t.cycle}" for t in quiet)
        yield Finding(
            kind="stale",
            owner=track.owner,
            cycles=tuple(t.cycle for t in quiet),
            value=max(len(t.quiet) / t.key_results for t in quiet),
            message=(
                f"{_who(track.owner)} ended {count(len(quiet), 'cycle')} with key results"
                f" not done and without a check-in for more than {days} days ({shares})"
            ),
            hint=REGISTRY["OKR602"].hint or "",
            code="OKR602",
        )
