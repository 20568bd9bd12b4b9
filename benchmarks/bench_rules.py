"""How fast the rules validate an organisation's OKRs, against a full roll-up of the same plan.

Run ``python benchmarks/bench_rules.py`` (``--size N`` for another forest; the target is set
for the default 100,000).  On the forest of `_forest.forest` (100,000 objectives, 4 key
results each, ten-way alignment) it prints the time of `okrkit.rules.validate` with every
rule enabled against the AlignmentTree's build + full roll-up (target: at most 5x), twice:

- *realistic titles*: the forest with its titles drawn from a pool of a few thousand
  statements, as teams across an organisation reuse the same metrics and phrasings;
- *unique titles*: the forest as generated, every title distinct, the worst case for the
  statement rules, which parse each distinct title once (parsing is ~50-80 us a statement).

Each timing is the best of a few rounds, the two sides taken in turn.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
from datetime import date
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _forest import best, forest

from okrkit import Plan
from okrkit.rules import validate
from okrkit.tree import AlignmentTree

ROUNDS = 3
TARGET = 5.0  # validate at most this many times the roll-up's time
TODAY = date(2026, 8, 20)

_METRICS = ("weekly active users", "net revenue retention", "CSAT", "first response time",
            "scrap rate", "on-time delivery", "donor retention", "readmission rate",
            "average order value", "p95 latency", "activation", "pipeline")  # fmt: skip
_VERBS_UP = ("Grow", "Raise", "Increase", "Lift")
_VERBS_DOWN = ("Reduce", "Cut", "Lower")
_GOALS = ("Make customers' lives easier every week", "Become the partner teams rely on",
          "Keep our promises to every customer", "Build a calmer and safer workplace",
          "Turn first-time users into loyal fans", "Let people get things done faster")  # fmt: skip


def realistic(plan: Plan, *, pool: int = 4_000, seed: int = 7) -> Plan:
    """*plan* with titles drawn from a pool of *pool* statements written as people write them."""
    rng = random.Random(seed)
    up = [f"{rng.choice(_VERBS_UP)} {rng.choice(_METRICS)} from {{s:g}} to {{t:g}}"
          for _ in range(pool // 2)]  # fmt: skip
    down = [f"{rng.choice(_VERBS_DOWN)} {rng.choice(_METRICS)} from {{s:g}} to {{t:g}}"
            for _ in range(pool // 2)]  # fmt: skip
    objectives = []
    for obj in plan.objectives:
        krs = [
            attrs.evolve(
                kr,
                title=rng.choice(up if kr.direction.value == "increase" else down).format(  # type: ignore[union-attr]
                    s=kr.start, t=kr.target
                ),
            )
            for kr in obj.key_results
        ]
        objectives.append(attrs.evolve(obj, title=rng.choice(_GOALS), key_results=krs))
    return Plan(objectives=objectives)


def compare(label: str, plan: Plan) -> None:
    """Print validate's time against the roll-up's for *plan*."""

    def roll_up() -> None:
        AlignmentTree.from_plan(plan, roll_up="both").scores()

    found = len(validate(plan, today=TODAY))
    tree_time, rules_time = best(ROUNDS, roll_up, lambda: validate(plan, today=TODAY))
    ratio = rules_time / tree_time
    titles = len({kr.title for _, kr in plan.key_results()})
    print(
        f"{label}: {titles:,} distinct key result titles, {found:,} findings; validate "
        f"{rules_time:.2f} s, roll-up {tree_time:.2f} s: {ratio:.1f}x "
        f"(target <= {TARGET}x) {'met' if ratio <= TARGET else 'MISSED'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="objectives in the forest")
    size = parser.parse_args().size
    plan = forest(size)
    print(f"forest: {size:,} objectives, {sum(len(o.key_results) for o in plan.objectives):,} "
          f"key results")  # fmt: skip
    print(
        f"machine: {platform.machine()}, {platform.processor() or platform.platform()}, "
        f"Python {platform.python_version()}"
    )
    compare("realistic titles", realistic(plan))
    compare("unique titles", plan)


if __name__ == "__main__":
    main()
