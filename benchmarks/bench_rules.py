"""How fast the rules validate an organisation's OKRs, against a full roll-up of the same plan.

Run ``python benchmarks/bench_rules.py`` (``--size N`` for another forest; the target is set
for the default 100,000).  On the forest of `_forest.forest` (100,000 objectives, 4 key
results each, ten-way alignment) it prints the time of `okrkit.rules.validate` with every
rule enabled against the AlignmentTree's build + full roll-up, twice:

- *realistic statements*: the forest with its key results written as people write them,
  "<verb> <metric> <segment> from <start> to <target>", from a pool of some 1,300
  wordings (teams across an organisation reuse metrics and phrasings; the numbers are the
  forest's own, so most statements are distinct), and its objectives' titles from a pool of
  84 (so most objectives repeat another's title: a hundred thousand findings more);
- *every wording distinct*: the same, with every key result's words made unique (an account
  number in each), the worst case for the statement rules, which then read every statement
  in full (~50-80 us each) instead of through its wording's template.

The targets: at most 5x on realistic statements, at most 10x when every wording is distinct
(issue 17).

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
from okrkit.text._templates import TEMPLATES
from okrkit.tree import AlignmentTree

ROUNDS = 3
TARGET = 5.0  # validate at most this many times the roll-up's time, on realistic statements
WORST = 10.0  # and on statements whose every wording is distinct (issue 17)
TODAY = date(2026, 8, 20)

_METRICS = ("weekly active users", "net revenue retention", "CSAT", "first response time",
            "scrap rate", "on-time delivery", "donor retention", "readmission rate",
            "average order value", "p95 latency", "activation", "pipeline")  # fmt: skip
_SEGMENTS = ("", "in EMEA", "in the Nordics", "in North America", "for enterprise accounts",
             "for new customers", "on mobile", "on the web", "for self-serve teams",
             "in the partner channel", "across all plants", "for first-time donors",
             "in the Berlin office", "for the top 50 accounts", "in Q3 cohorts")  # fmt: skip
_VERBS_UP = ("Grow", "Raise", "Increase", "Lift")
_VERBS_DOWN = ("Reduce", "Cut", "Lower")
_GOALS = ("Make customers' lives easier every week", "Become the partner teams rely on",
          "Keep our promises to every customer", "Build a calmer and safer workplace",
          "Turn first-time users into loyal fans", "Let people get things done faster")  # fmt: skip


def realistic(plan: Plan, *, seed: int = 7, distinct: bool = False) -> Plan:
    """*plan* with its titles written as people write them (see the module's docstring)."""
    rng = random.Random(seed)
    objectives = []
    for obj in plan.objectives:
        krs = []
        for kr in obj.key_results:
            verbs = _VERBS_UP if kr.direction.value == "increase" else _VERBS_DOWN  # type: ignore[union-attr]
            segment = rng.choice(_SEGMENTS)
            if distinct:
                segment = f"for account {kr.id}".replace("-", " ")
            words = " ".join(filter(None, (rng.choice(verbs), rng.choice(_METRICS), segment)))
            krs.append(attrs.evolve(kr, title=f"{words} from {kr.start:g} to {kr.target:g}"))
        title = f"{rng.choice(_GOALS)} {rng.choice(_SEGMENTS[1:])}"
        objectives.append(attrs.evolve(obj, title=title, key_results=krs))
    return Plan(objectives=objectives)


def compare(label: str, plan: Plan, target: float = TARGET) -> None:
    """Print validate's time against the roll-up's for *plan*."""

    def roll_up() -> None:
        AlignmentTree.from_plan(plan, roll_up="both").scores()

    def check() -> None:
        # As in a fresh process: no wording's template kept from an earlier round.
        TEMPLATES.clear()
        validate(plan, today=TODAY)

    found = len(validate(plan, today=TODAY))
    tree_time, rules_time = best(ROUNDS, roll_up, check)
    ratio = rules_time / tree_time
    titles = len({kr.title for _, kr in plan.key_results()})
    print(
        f"{label}: {titles:,} distinct key result titles, {found:,} findings; validate "
        f"{rules_time:.2f} s, roll-up {tree_time:.2f} s: {ratio:.1f}x "
        f"(target <= {target:g}x) {'met' if ratio <= target else 'MISSED'}"
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
    compare("realistic statements", realistic(plan))
    compare("every wording distinct", realistic(plan, distinct=True), WORST)


if __name__ == "__main__":
    main()
