"""Plots of progress and scores (the ``plot`` extra: matplotlib).

Each function draws on the *ax* it is given, or on a new figure's axes, and returns the axes:
``okrkit.plot.progress(kr, cycle=q3).figure.savefig("nps.png")``.  No pyplot state is touched
unless you pass axes from pyplot yourself, so plots are safe to make in threads and loops.
``import okrkit`` does not import matplotlib.
"""

from __future__ import annotations

import importlib
import math
from datetime import date, datetime, timedelta
from typing import Any

from okrkit import _validators as v
from okrkit._display import (
    CURRENCIES,
    grade_text,
    indent,
    no_score_text,
    number_text,
    row_score_text,
)
from okrkit._escape import terminal
from okrkit.cycles import Cycle
from okrkit.errors import InvalidTypeError
from okrkit.model import KeyResult, Objective, Plan
from okrkit.retrospectives import CALIBRATED, Retrospective
from okrkit.scorecards import color, scorecard
from okrkit.scoring import LINEAR, Policy, PolicyName
from okrkit.tree import AlignmentTree, RollUp

# matplotlib is optional and may be missing where the types are checked: axes are typed Any.
Axes = Any

__all__ = ["progress", "retrospective", "scores"]

# The grade colours of the HTML report (`okrkit.scorecards.color` names them), so a plot and a
# report agree.
COLORS = {"red": "#c62828", "yellow": "#b7791f", "green": "#2e7d32", None: "#6b7280"}


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        if not callable(getattr(ax, "plot", None)) or not callable(getattr(ax, "legend", None)):
            raise InvalidTypeError("ax", ax, "matplotlib Axes, or None for a new figure's")
        return ax
    figure = importlib.import_module("matplotlib.figure")
    return figure.Figure(figsize=(7, 4), layout="constrained").subplots()


def _plain(text: str) -> str:
    """*text* shown as written: a ``$`` would start matplotlib's mathtext."""
    return text.replace("$", r"\$")


def _unit_prefix(unit: str | None) -> str | None:
    """The unit a tick shows: a currency symbol (before the number); others are the axis's."""
    return unit if unit in CURRENCIES else None


def _day(when: Any) -> date:
    return v.moment(when).date() if type(when) is not date else when


def _last_day(kr: KeyResult, cycle: Cycle) -> date:
    """The date (on its own clock) of *kr*'s latest check-in within *cycle*, else its start."""
    days = [c.at.date() if isinstance(c.at, datetime) else c.at for c in kr.check_ins]
    return max([cycle.start, *(d for d in days if d <= cycle.end)])


def progress(
    kr: KeyResult,
    *,
    cycle: Cycle,
    at: date | None = None,
    policy: Policy | PolicyName = LINEAR,
    ax: Axes | None = None,
) -> Axes:
    """The check-ins of *kr* over *cycle*, the expected pace, and the forecast to the cycle's end.

    The expected pace is the straight line from the start at the cycle's first day to the
    target at its last (a threshold or band is drawn as what to stay at or within).  The
    forecast is `okrkit.forecast`'s least-squares line, dashed, to the end of the cycle.
    """
    if not isinstance(kr, KeyResult):
        raise InvalidTypeError("kr", kr, "a KeyResult")
    if not isinstance(cycle, Cycle):
        raise InvalidTypeError("cycle", cycle, "a Cycle")
    if at is not None and (not isinstance(at, date) or isinstance(at, datetime)):
        raise InvalidTypeError("at", at, "a date")
    axes = _axes(ax)
    # The key result's row in a scorecard of its cycle: the check-ins made by *at* (each by
    # the date on its own clock) and the forecast every view shows.
    alone = Plan(objectives=[Objective(title=kr.title, cycle=cycle, key_results=[kr])])
    shown = scorecard(alone, at=at if at is not None else _last_day(kr, cycle), policy=policy)
    row = shown.objectives[0].key_results[0]
    history = kr.check_ins if at is None else row.key_result.check_ins
    days = [_day(c.at) for c in history]
    values = [float(c.value) for c in history]
    if kr.start is not None:
        days.insert(0, cycle.start)
        values.insert(0, float(kr.start))
    axes.plot(days, values, marker="o", color="#1f2937", label="check-ins")
    target = kr.target
    if isinstance(target, tuple):
        axes.axhspan(
            float(target[0]),
            float(target[1]),
            color=COLORS["green"],
            alpha=0.15,
            label="target band",
        )
    elif target is not None:
        if (
            kr.start is not None
            and kr.direction is not None
            and kr.direction.value in ("increase", "decrease", "milestone")
        ):
            axes.plot(
                [cycle.start, cycle.end],
                [float(kr.start), float(target)],
                color=COLORS[None],
                linestyle=":",
                label="expected pace",
            )
        axes.axhline(float(target), color=COLORS["green"], linewidth=1, label="target")
    f = row.forecast
    if f is not None and f.value is not None and days:
        axes.plot(
            [days[-1], cycle.end],
            [values[-1], f.value],
            color=COLORS["yellow"],
            linestyle="--",
            label=_plain(f"forecast ({number_text(f.value, kr.unit)})"),
        )
    axes.set_xlim(cycle.start, cycle.end + timedelta(days=1))
    # Values as the reports write them ($9,120,000), not with an offset such as "1e7".
    ticker = importlib.import_module("matplotlib.ticker")
    axes.yaxis.set_major_formatter(
        ticker.FuncFormatter(lambda y, _: _plain(number_text(y, _unit_prefix(kr.unit))))
    )
    axes.set_title(_plain(kr.title))
    axes.set_ylabel(_plain(kr.unit or "value"))
    axes.legend(loc="best", fontsize="small")
    axes.figure.autofmt_xdate()
    return axes


def scores(
    plan: Plan | AlignmentTree,
    *,
    at: date | None = None,
    policy: Policy | PolicyName | None = None,
    roll_up: RollUp | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Every objective's score as a horizontal bar coloured by its grade, down the tree.

    The rows and colours are those of `okrkit.scorecards.scorecard` (while a cycle runs, the
    projected grade's colour).  Bars carry their score and grade as text, so the chart reads
    without colour.  The score axis runs from 0 to 1, or to the policy's cap when it is
    higher (to the highest score, for an uncapped policy), never further.
    """
    card = scorecard(plan, at=at, policy=policy, roll_up=roll_up)
    axes = _axes(ax)
    rows = card.objectives
    names = [indent(o.depth, "  ") + o.id for o in rows]
    values = [max(o.score or 0.0, 0.0) for o in rows]
    cap = card.policy.cap
    # An uncapped policy's axis reaches the highest score, as far as scores are shown (999).
    top = min(max(1.0, cap if cap is not None else max(values, default=1.0)), 999.0)
    axes.barh(
        range(len(rows)), [min(x, top) for x in values], color=[COLORS[color(o)] for o in rows]
    )
    for y, o in enumerate(rows):
        text = no_score_text(o) if o.score is None else f"{row_score_text(o)} {grade_text(o)}"
        x = min(values[y], top)
        # Past the middle the words go inside the bar, so that they never need a wider axis.
        inside = x > top / 2
        axes.text(
            x - 0.01 * top if inside else x + 0.01 * top,
            y,
            text,
            va="center",
            ha="right" if inside else "left",
            fontsize="small",
        )
    axes.set_yticks(list(range(len(rows))), [_plain(name) for name in names])
    axes.invert_yaxis()
    axes.set_xlim(0, top)
    axes.set_xlabel(f"score ({_plain(card.policy.name)}, as of {card.at.isoformat()})")
    axes.axvline(0.7, color=COLORS[None], linewidth=0.8, linestyle=":")
    return axes


def retrospective(retro: Retrospective, *, ax: Axes | None = None) -> Axes:
    """Each owner's mean final score of aspirational objectives, cycle after cycle.

    One line per owner (a cycle without an aspirational objective is a gap), over the cycles
    of *retro* (a `okrkit.retrospectives.Retrospective`) in order.  The band where a
    well-calibrated owner lands (0.6-0.7) is shaded; the thresholds of sandbagging and
    over-reach are dashed lines, where those findings are on.
    """
    if not isinstance(retro, Retrospective):
        raise InvalidTypeError("retro", retro, "a Retrospective")
    axes = _axes(ax)
    position = {cycle: x for x, cycle in enumerate(retro.cycles)}
    axes.axhspan(*CALIBRATED, color=COLORS["green"], alpha=0.15, label="well calibrated")
    for value, label, colour in (
        (retro.sandbagging, "sandbagging", COLORS["yellow"]),
        (retro.overreach, "over-reach", COLORS["red"]),
    ):
        if value is not None:
            axes.axhline(value, color=colour, linestyle="--", linewidth=0.8, label=label)
    low, high = 0.0, 1.0
    for value in (retro.sandbagging, retro.overreach):
        if value is not None:
            low, high = min(low, value), max(high, value)
    for track in retro.owners:
        xs = list(range(len(retro.cycles)))
        ys = [float("nan")] * len(xs)
        for tally in track.cycles:
            mean = tally.aspirational_mean
            if mean is not None:
                ys[position[tally.cycle]] = shown = min(max(mean, -999.0), 999.0)
                low, high = min(low, shown), max(high, shown)
        if all(math.isnan(y) for y in ys):  # no aspirational objective in any cycle
            continue
        name = "(no owner)" if track.owner is None else terminal(track.owner)
        # matplotlib leaves out of the legend a label that starts with "_".
        axes.plot(xs, ys, marker="o", label=_plain(" " + name if name[:1] == "_" else name))
    axes.set_xticks(list(range(len(retro.cycles))), [_plain(str(c)) for c in retro.cycles])
    margin = 0.05 * (high - low)
    axes.set_ylim(low - (margin if low < 0 else 0), high + margin)
    axes.set_ylabel("mean score of aspirational objectives")
    axes.set_xlabel(f"cycle (as of {retro.at.isoformat()})")
    axes.legend(loc="best", fontsize="small")
    return axes
