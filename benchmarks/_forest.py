"""A generated organisation of OKRs for the benchmarks (one company, ten-way fan-out), and timing.

``forest(100_000)`` makes objective 0 the company's and aligns every other objective *k* to
objective ``(k - 1) // 10`` (a fifth of them to one of its key results instead), six levels
deep.  Each has four key results, increasing or decreasing, with float starts and targets
and zero to two check-ins.  The same seed always gives the same plan.
"""

from __future__ import annotations

import gc
import math
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from okrkit import CheckIn, KeyResult, Objective, Plan

LEVELS = ("company", "department", "team", "team", "individual", "individual")
FAN_OUT = 10
KEY_RESULTS = 4


def forest(size: int, *, seed: int = 2026) -> Plan:
    """A plan of *size* objectives with four key results each, aligned as a ten-way tree."""
    rng = random.Random(seed)
    first = date(2026, 7, 1)
    objectives = []
    depth = [0] * size
    for k in range(size):
        parent = (k - 1) // FAN_OUT
        aligned_to = None
        if k:
            depth[k] = depth[parent] + 1
            aligned_to = f"o{parent}"
            if rng.random() < 0.2:
                aligned_to = f"o{parent}-kr{rng.randrange(KEY_RESULTS)}"
        key_results = []
        for j in range(KEY_RESULTS):
            start = float(rng.randrange(0, 100))
            target = start + float(rng.randrange(1, 100)) * rng.choice((1, -1))
            check_ins = [
                CheckIn(
                    at=first + timedelta(days=7 * n), value=start + (target - start) * rng.random()
                )
                for n in range(rng.randrange(3))
            ]
            key_results.append(
                KeyResult(
                    id=f"o{k}-kr{j}",
                    title=f"Key result {j} of objective {k}",
                    direction="increase" if target > start else "decrease",
                    start=start,
                    target=target,
                    weight=rng.choice((1, 1, 2)),
                    check_ins=check_ins,
                )
            )
        objectives.append(
            Objective(
                id=f"o{k}",
                title=f"Objective {k}",
                owner=f"team-{k % 500}",
                level=LEVELS[min(depth[k], len(LEVELS) - 1)],
                aligned_to=aligned_to,
                weight=rng.choice((1, 1, 2)),
                key_results=key_results,
            )
        )
    return Plan(objectives=objectives)


def best(rounds: int, *runs: Callable[[], object]) -> list[float]:
    """The best time of each of *runs* over *rounds* rounds, taking them in turn.

    Taking the runs in turn, rather than one after the other, spreads a busy machine's noise
    over all of them, so their ratio stays fair.
    """
    times = [math.inf] * len(runs)
    for _ in range(rounds):
        for k, run in enumerate(runs):
            gc.collect()
            began = time.perf_counter()
            run()
            times[k] = min(times[k], time.perf_counter() - began)
    return times
