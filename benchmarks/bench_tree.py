"""How fast and how big the alignment tree is, at organisation scale: ratios from one run.

Run ``python benchmarks/bench_tree.py`` (``--size N`` for another forest; the targets are set
for the default 100,000).  On a forest of 100,000 objectives with 4 key results each
(`_forest.forest`: one company, ten-way fan-out, a fifth aligned to key results) it prints:

- build + full roll-up (``roll_up="both"``, `LINEAR`) against a hand-written plain-Python loop
  that reads the same fields and does the same arithmetic (target: within 1.5x).  The loop is
  handed a dict of ids to positions made beforehand, as the tree is handed the plan's index;
- one `AlignmentTree.with_check_in` against a full rebuild (target: at least 1,000x faster);
- the tree's memory, the peak traced by tracemalloc while building it (target: under 250 MB).

Each timing is the best of several rounds, the two sides taken in turn, so a busy machine's
noise counts against either as little as possible.  The plain loop's scores are checked to
equal the tree's, so it does do the same arithmetic.
"""

from __future__ import annotations

import argparse
import gc
import math
import platform
import sys
import time
import tracemalloc
from datetime import date
from operator import mul
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _forest import best, forest

from okrkit import Plan
from okrkit.tree import AlignmentTree

ROUNDS = 9  # best of nine: on a shared machine the fastest round is the one least disturbed
BUILD_TARGET = 1.5  # at most this many times the plain loop's time
UPDATE_TARGET = 1_000  # at least this many times faster than a rebuild
MEMORY_TARGET = 250  # MB


def parents(plan: Plan) -> dict[str, int]:
    """Each objective's and key result's id -> the position of the objective that holds it.

    The plain loop is handed this, built beforehand, as the tree is handed the plan's own
    index (`Plan.index`), made with the plan.
    """
    where: dict[str, int] = {}
    for i, o in enumerate(plan.objectives):
        where.setdefault(o.id, i)
        for kr in o.key_results:
            where.setdefault(kr.id, i)
    return where


def plain(plan: Plan, where: dict[str, int]) -> dict[str, float]:
    """The hand-written loop: every objective's score from its key results and children."""
    objectives = plan.objectives
    kids: list[list[int]] = [[] for _ in objectives]
    roots = []
    for i, o in enumerate(objectives):
        a = o.aligned_to
        if a is None:
            roots.append(i)
        else:
            kids[where[a]].append(i)
    order = []
    stack = roots[::-1]
    while stack:
        i = stack.pop()
        order.append(i)
        stack.extend(reversed(kids[i]))
    score = [0.0] * len(objectives)
    for i in reversed(order):
        o = objectives[i]
        scores = []
        weights = []
        for kr in o.key_results:
            value = kr.check_ins[-1].value if kr.check_ins else kr.start
            p = (value - kr.start) / (kr.target - kr.start)  # type: ignore[operator]
            p = round(p * 1e10) / 1e10  # progress to ten places, as okrkit keeps it
            scores.append(min(max(p, 0.0), 1.0))
            weights.append(kr.weight)
        for c in kids[i]:
            scores.append(score[c])
            weights.append(objectives[c].weight)
        # A weighted mean, summed exactly (fsum), kept within the scores it averages.
        lo, hi = min(scores), max(scores)
        if lo == hi:
            score[i] = lo
        else:
            mean = math.fsum(map(mul, scores, weights)) / math.fsum(weights)
            score[i] = min(max(mean, lo), hi)
    return {objectives[i].id: score[i] for i in order}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="objectives in the forest")
    size = parser.parse_args().size

    began = time.perf_counter()
    plan = forest(size)
    krs = sum(len(o.key_results) for o in plan.objectives)
    print(
        f"forest: {size:,} objectives, {krs:,} key results (made in "
        f"{time.perf_counter() - began:.1f} s)"
    )
    print(
        f"machine: {platform.machine()}, {platform.processor() or platform.platform()}, "
        f"Python {platform.python_version()}"
    )

    def build() -> AlignmentTree:
        tree = AlignmentTree.from_plan(plan, roll_up="both")
        tree.scores()
        return tree

    where = parents(plan)
    tree = build()
    assert plain(plan, where) == tree.scores(), "the plain loop must do the same arithmetic"
    loop_time, tree_time = best(ROUNDS, lambda: plain(plan, where), build)
    ratio = tree_time / loop_time
    print(
        f"build + roll-up: tree {tree_time:.3f} s, plain loop {loop_time:.3f} s: "
        f"{ratio:.2f}x the loop (target <= {BUILD_TARGET}x) "
        f"{'met' if ratio <= BUILD_TARGET else 'MISSED'}"
    )

    # A check-in on a key result of the last objective (the deepest path to the root), 37 %
    # of the way to its target, so that every score up to the root changes.
    kr = plan.objectives[-1].key_results[0]
    kr_id, value = kr.id, kr.start + 0.37 * (kr.target - kr.start)  # type: ignore[operator]
    day = date(2026, 9, 1)
    updated = tree.with_check_in(kr_id, value, at=day)
    path = tree.ancestors(plan.objectives[-1].id)
    assert all(tree.score(id) != updated.score(id) for id in path), "rescores the whole path"
    assert updated.scores() == AlignmentTree.from_plan(updated.to_plan(), "both").scores()
    one = 1_000
    (many,) = best(ROUNDS, lambda: [tree.with_check_in(kr_id, value, at=day) for _ in range(one)])
    check_in = many / one
    after = plan.check_in(kr_id, value, at=day)
    (rebuild,) = best(ROUNDS, lambda: AlignmentTree.from_plan(after, roll_up="both").scores())
    speedup = rebuild / check_in
    print(
        f"with_check_in: {check_in * 1e6:.0f} us, full rebuild {rebuild:.3f} s: "
        f"{speedup:,.0f}x faster (target >= {UPDATE_TARGET:,}x) "
        f"{'met' if speedup >= UPDATE_TARGET else 'MISSED'}"
    )

    del tree, updated
    gc.collect()
    tracemalloc.start()
    tree = AlignmentTree.from_plan(plan, roll_up="both")
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = peak / 1e6
    print(
        f"memory: tree {current / 1e6:.0f} MB kept, {mb:.0f} MB peak while building "
        f"(target < {MEMORY_TARGET} MB) {'met' if mb < MEMORY_TARGET else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
