"""How fast a retrospective is, against the scorecards it reads, and how it grows.

Run ``python benchmarks/bench_retro.py`` (``--size N`` for another number of objectives a
quarter; the targets are set for the default 5,000).  Eight quarters' plans (2025-Q1 to
2026-Q4), each of N objectives of one key result checked in three times, shared among N / 4
owners, every other quarter's plan given as two versions (a target moved between them), are
read as of 2027-01-04.  It prints:

- `okrkit.retrospective` of them against `okrkit.scorecard` of each file's last version,
  which it makes (informational: what it adds is counting, comparing versions and the
  findings, in dictionaries keyed by cycle and owner);
- its time per objective with N / 4 and N objectives a quarter (target: at most 1.5x, linear:
  owners, cycles and versions are each gone through once);
- the Markdown and JSON views of the largest one, per owner (informational).

Each timing is the best of a few rounds, the runs compared taken in turn.  The script exits
non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import platform
import sys
from datetime import date, timedelta
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _forest import best

import okrkit
from okrkit import Cycle, KeyResult, Objective, Plan

ROUNDS = 3
LINEAR_TARGET = 1.5  # the largest run's time per objective at most this many times the smallest's
AT = date(2027, 1, 4)
QUARTERS = [Cycle.parse(f"{year}-Q{q}") for year in (2025, 2026) for q in (1, 2, 3, 4)]


def verdict(ratio: float, target: float) -> str:
    return f"(target <= {target}x) {'met' if ratio <= target else 'MISSED'}"


def quarter(cycle: Cycle, n: int) -> Plan:
    """*n* objectives of *cycle*, one key result each, checked in three times."""
    objectives = []
    for i in range(n):
        kr = KeyResult(id=f"kr-{i}", title="Grow the number", direction="increase",
                       start=0, target=10)  # fmt: skip
        for k, value in enumerate((2, 5, 3 + i % 8)):
            kr = kr.check_in(value, at=cycle.end - timedelta(days=30 * (2 - k)))
        objectives.append(Objective(id=f"o-{i}", title="Move the number",
                                    owner=f"team-{i % max(1, n // 4)}", cycle=cycle,
                                    key_results=[kr]))  # fmt: skip
    return Plan(objectives=objectives)


def plans(n: int) -> list[Plan | list[Plan]]:
    """Eight quarters of *n* objectives; every other one as two versions, the target of
    its first key result moved in the second."""
    given: list[Plan | list[Plan]] = []
    for k, cycle in enumerate(QUARTERS):
        plan = quarter(cycle, n)
        if k % 2:
            obj = plan.objectives[0]
            moved = obj.replace_key_result(attrs.evolve(obj.key_results[0], target=12))
            given.append([plan, plan.replace(moved)])
        else:
            given.append(plan)
    return given


def scored(given: list[Plan | list[Plan]]) -> list[Plan]:
    """The plans a retrospective scores: each file's last version."""
    return [item[-1] if isinstance(item, list) else item for item in given]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5_000, help="objectives a quarter")
    args = parser.parse_args()
    n = args.size
    print(f"Python {platform.python_version()}, {platform.machine()}; {n:,} objectives a quarter")
    missed = False

    given = plans(n)
    last = scored(given)
    retro_time, cards_time = best(
        ROUNDS,
        lambda: okrkit.retrospective(given, at=AT),
        lambda: [okrkit.scorecard(v, at=AT) for v in last],
    )
    print(
        f"retrospective {retro_time:.3f} s vs the scorecards of the {len(last)} plans it scores"
        f" {cards_time:.3f} s: {retro_time / cards_time:.2f}x (informational)"
    )

    small = plans(n // 4)
    small_time, large_time = best(
        ROUNDS,
        lambda: okrkit.retrospective(small, at=AT),
        lambda: okrkit.retrospective(given, at=AT),
    )
    per_small = small_time / (len(QUARTERS) * (n // 4)) * 1e6
    per_large = large_time / (len(QUARTERS) * n) * 1e6
    growth = per_large / per_small
    missed |= growth > LINEAR_TARGET
    print(
        f"per objective at {n // 4:,} and {n:,} a quarter: {per_small:.1f} vs"
        f" {per_large:.1f} µs: {growth:.2f}x {verdict(growth, LINEAR_TARGET)}"
    )

    retro = okrkit.retrospective(given, at=AT)
    md_time, json_time = best(ROUNDS, retro.markdown, retro.to_dict)
    owners = len(retro.owners)
    print(
        f"views of {owners:,} owners: Markdown {md_time / owners * 1e6:.1f} µs and JSON"
        f" {json_time / owners * 1e6:.1f} µs an owner (informational)"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
