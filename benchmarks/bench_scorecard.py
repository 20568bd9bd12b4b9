"""How fast the scorecard is, against the alignment tree's build, and how its reports grow.

Run ``python benchmarks/bench_scorecard.py`` (``--size N`` for another forest; the targets are
set for the default 100,000).  On the forest of `_forest.forest` (100,000 objectives, 4 key
results each, ten-way alignment), evaluated as of `AT` (after every check-in the forest has,
so the as-of trimming keeps them all), it prints:

- `okrkit.scorecard` against `AlignmentTree.from_plan`, side by side.  The forest's objectives
  have no cycle, so no status nor forecast is computed: the scorecard is its tree and the
  walk making the rows (target: at most 2x the tree's build);
- the same with every objective in the running cycle 2026-Q3, so each key result's status and
  forecast, each objective's status and its projected score (a second tree, of the key results
  at their forecasts) are computed: its ratio to the tree's build (informational: no target),
  and its time per objective at N/4, N/2 and N (target: the largest size's at most 1.5x the
  smallest's, i.e. linear);
- the JSON report (`Scorecard.to_dict` of a scorecard made beforehand) and the Markdown report
  (`okrkit.report.render`, which makes its scorecard) of the forest without cycles, at N/4 and
  N: time per objective (target: at most 1.5x, linear).

The smaller plans are the forest's first N/4 and N/2 objectives, which are ``forest(N / 4)``
and ``forest(N / 2)`` (each objective is aligned to an earlier one).  Each timing is the best
of a few rounds, fewer for the costly parts (each line says how many), the runs compared taken
in turn, so a busy machine's noise counts against any of them as little as possible.  The
script exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import date
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _forest import best, forest

import okrkit
from okrkit import Plan
from okrkit.report import render
from okrkit.tree import AlignmentTree

ROUNDS = 5  # the scorecard against the tree: a few seconds a round
FEW = 2  # the running cycle's scorecards and the reports: up to a minute a round
BUILD_TARGET = 2.0  # the scorecard at most this many times the tree's build
LINEAR_TARGET = 1.5  # the largest plan's time per objective at most this many times the smallest's
AT = date(2026, 8, 31)  # after the forest's check-ins (July 2026), and within 2026-Q3
CYCLE = okrkit.Cycle.parse("2026-Q3")


def verdict(ratio: float, target: float) -> str:
    return f"(target <= {target}x) {'met' if ratio <= target else 'MISSED'}"


def first(plan: Plan, n: int) -> Plan:
    """The plan of *plan*'s first *n* objectives."""
    return Plan(objectives=plan.objectives[:n])


def linear(label: str, rounds: int, sizes: list[int], times: list[float]) -> bool:
    """Print the time per objective at each of *sizes*; whether the largest size's is within
    `LINEAR_TARGET` of the smallest's."""
    each = [t / n for t, n in zip(times, sizes, strict=True)]
    shown = ", ".join(
        f"{n:,}: {t:.2f} s = {e * 1e6:.1f} us" + (f" ({e / each[0]:.2f}x)" if k else "")
        for k, (n, t, e) in enumerate(zip(sizes, times, each, strict=True))
    )
    ratio = each[-1] / each[0]
    print(f"{label} per objective (best of {rounds}): {shown} {verdict(ratio, LINEAR_TARGET)}")
    return ratio <= LINEAR_TARGET


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="objectives in the forest")
    size = parser.parse_args().size
    quarter, half = max(size // 4, 1), max(size // 2, 1)

    began = time.perf_counter()
    plan = forest(size)
    krs = sum(len(o.key_results) for o in plan.objectives)
    print(
        f"forest: {size:,} objectives, {krs:,} key results (made in "
        f"{time.perf_counter() - began:.1f} s); as of {AT}"
    )
    print(
        f"machine: {platform.machine()}, {platform.processor() or platform.platform()}, "
        f"Python {platform.python_version()}"
    )
    missed = 0

    # 1. No cycles: the scorecard is the tree, and the walk making its rows.
    card = okrkit.scorecard(plan, at=AT)
    assert card.plan is plan, "nothing is trimmed: AT is after every check-in"
    scores = AlignmentTree.from_plan(plan).scores()
    assert {row.id: row.score for row in card.objectives} == scores, "the tree's scores"
    del card
    tree_time, card_time = best(
        ROUNDS, lambda: AlignmentTree.from_plan(plan), lambda: okrkit.scorecard(plan, at=AT)
    )
    ratio = card_time / tree_time
    missed += ratio > BUILD_TARGET
    print(
        f"scorecard, no cycles (best of {ROUNDS}): {card_time:.3f} s, tree build "
        f"{tree_time:.3f} s: {ratio:.2f}x the tree {verdict(ratio, BUILD_TARGET)}"
    )

    # 2. Every objective in a running cycle: statuses, forecasts and projected scores.
    cycled = Plan(objectives=[attrs.evolve(o, cycle=CYCLE) for o in plan.objectives])
    sample = okrkit.scorecard(first(cycled, 1_000), at=AT).objectives
    assert all(row.running and row.status is not None for row in sample), "statuses made"
    assert any(row.projected_score is not None for row in sample), "projected scores made"
    sizes = [quarter, half, size]
    plans = [first(cycled, quarter), first(cycled, half), cycled]
    times = best(
        FEW,
        lambda: AlignmentTree.from_plan(cycled),
        *[lambda p=p: okrkit.scorecard(p, at=AT) for p in plans],
    )
    tree_time, full_time = times[0], times[-1]
    print(
        f"scorecard, running cycle {CYCLE} (best of {FEW}): {full_time:.2f} s, tree build "
        f"{tree_time:.3f} s: {full_time / tree_time:.1f}x the tree (informational: no target)"
    )
    missed += not linear("scorecard, running cycle,", FEW, sizes, times[1:])
    del plans

    # 3. The reports of the forest, at N/4 and N.
    small = first(plan, quarter)
    cards = [okrkit.scorecard(small, at=AT), okrkit.scorecard(plan, at=AT)]
    times = best(FEW, *[lambda c=c: c.to_dict() for c in cards])
    missed += not linear("JSON report (Scorecard.to_dict)", FEW, [quarter, size], times)
    del cards
    times = best(FEW, *[lambda p=p: render(p, "md", at=AT) for p in (small, plan)])
    missed += not linear('Markdown report (render(plan, "md"))', FEW, [quarter, size], times)
    print(f"total: {time.perf_counter() - began:.0f} s")
    if missed:
        sys.exit(f"{missed} target{'s' if missed > 1 else ''} missed")


if __name__ == "__main__":
    main()
