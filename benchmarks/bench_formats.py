"""Benchmark okrkit.formats on a large plan as JSON: loads, dumps and memory, as ratios.

Run:  python benchmarks/bench_formats.py [--objectives 100000]

The plan has N objectives, 4 key results each (4N in all) of varied directions and number
types, and 3 check-ins per key result.  Compared, in one run:

- ``formats.loads`` against ``json.loads`` alone and against pydantic v2's
  ``TypeAdapter.validate_json`` on an equivalent schema written here (skipped, with a note,
  when pydantic is not installed: it is never an okrkit dependency);
- ``formats.dumps`` against ``json.dumps`` of the equivalent plain dicts;
- the loaded plan's memory (tracemalloc) against pydantic's for the same document;
- the second, position-keeping pass over the text (`okrkit.formats._locate`), which places
  every path at its line and column, against ``json.loads``: informational, as it runs only
  when a problem or a finding is to be shown, once per document.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from okrkit import formats
from okrkit.cycles import Cycle
from okrkit.formats import _locate  # the second pass itself, timed without a loads before it
from okrkit.model import CheckIn, Commitment, Direction, KeyResult, Objective, Plan

TZ = timezone(timedelta(hours=2))


def make_plan(n: int) -> Plan:
    """A plan of *n* objectives, 4 key results each, 3 check-ins per key result.

    Half the key results are checked in with dates, half with datetimes at +02:00.
    """
    q3 = Cycle.parse("2026-Q3")
    objectives = []
    for i in range(n):
        krs = []
        for j, (direction, start, target) in enumerate(
            (
                (Direction.INCREASE, 32, 50),
                (Direction.DECREASE, 5.0, 4.0),
                (Direction.AT_LEAST, None, Decimal("99.90")),
                (Direction.MILESTONE, None, None),
            )
        ):
            check_ins = tuple(
                CheckIn(
                    at=date(2026, 7, 6) + timedelta(weeks=w)
                    if j % 2
                    else datetime(2026, 7, 6, 9, 30, tzinfo=TZ) + timedelta(weeks=w),
                    value=(start or 0) + w if direction is not Direction.MILESTONE else 0,
                    confidence=0.5 + w / 10,
                )
                for w in range(3)
            )
            krs.append(
                KeyResult(
                    id=f"kr-{i}-{j}",
                    title=f"Key result {j} of objective {i}",
                    direction=direction,
                    start=start,
                    target=target,
                    unit="%" if j == 1 else None,
                    owner="growth",
                    check_ins=check_ins,
                )
            )
        objectives.append(
            Objective(
                id=f"o-{i}",
                title=f"Objective number {i}",
                owner="growth",
                cycle=q3,
                commitment=Commitment.COMMITTED if i % 3 == 0 else Commitment.ASPIRATIONAL,
                aligned_to=f"o-{i - 1}" if i % 10 else None,
                key_results=krs,
            )
        )
    return Plan(objectives=objectives)


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of *repeat* timed calls, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def memory(fn: Callable[[], Any]) -> int:
    """The bytes still allocated by what *fn* returns (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    result = fn()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return size


def pydantic_loader() -> Callable[[str], Any] | None:
    """pydantic v2's validate_json on a schema equivalent to okrkit's, or None without pydantic."""
    try:
        import pydantic
    except ImportError:
        return None
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    class Model(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class PCheckIn(Model):
        at: datetime | date
        value: int | float | Decimal
        confidence: float | None = Field(default=None, ge=0, le=1)
        note: str | None = None
        author: str | None = None

    class PKeyResult(Model):
        id: str | None = None
        title: str = Field(min_length=1)
        direction: (
            Literal["increase", "decrease", "at_least", "at_most", "within", "milestone"] | None
        ) = None
        start: int | float | Decimal | None = None
        target: int | float | Decimal | tuple[float, float] | None = None
        unit: str | None = None
        weight: int | float | Decimal = Field(default=1, gt=0)
        owner: str | None = None
        due: date | None = None
        indicator: Literal["leading", "lagging"] | None = None
        check_ins: tuple[PCheckIn, ...] = ()
        ignore: tuple[str, ...] = ()

    class PObjective(Model):
        id: str | None = None
        title: str = Field(min_length=1)
        description: str | None = None
        owner: str | None = None
        cycle: str | None = None
        commitment: Literal["committed", "aspirational"] = "aspirational"
        level: str | None = None
        aligned_to: str | None = None
        weight: int | float | Decimal = Field(default=1, gt=0)
        key_results: tuple[PKeyResult, ...] = ()
        ignore: tuple[str, ...] = ()

    class PPlan(Model):
        okrkit: Literal[1]
        objectives: tuple[PObjective, ...] = ()

    adapter = pydantic.TypeAdapter(PPlan)
    return adapter.validate_json


def main() -> None:
    """Run the benchmark and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objectives", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = make_plan(args.objectives)
    data = formats.to_dict(plan)
    text = formats.dumps(plan, "json")
    krs = sum(len(o.key_results) for o in plan.objectives)
    print(
        f"plan: {len(plan.objectives):,} objectives, {krs:,} key results, {3 * krs:,} check-ins;"
        f" JSON {len(text) / 1e6:.0f} MB"
    )
    assert formats.loads(text, max_size=None) == plan

    t_json_loads = best(lambda: json.loads(text), args.repeat)
    t_loads = best(lambda: formats.loads(text, max_size=None), args.repeat)
    t_json_dumps = best(lambda: json.dumps(data, ensure_ascii=False, indent=2), args.repeat)
    t_dumps = best(lambda: formats.dumps(plan, "json"), args.repeat)
    print(f"json.loads             {t_json_loads:7.2f} s")
    print(
        f"formats.loads          {t_loads:7.2f} s  = {t_loads / t_json_loads:.2f}x json.loads"
        " (target <= 3x)"
    )
    print(f"json.dumps (dicts)     {t_json_dumps:7.2f} s")
    print(
        f"formats.dumps          {t_dumps:7.2f} s  = {t_dumps / t_json_dumps:.2f}x json.dumps"
        " (target <= 3x)"
    )
    t_locate = best(lambda: _locate.json_positions(text), args.repeat)
    print(
        f"locating every place   {t_locate:7.2f} s  = {t_locate / t_json_loads:.2f}x json.loads"
        " (informational: only for a problem or a finding to show)"
    )
    m_okrkit = memory(lambda: formats.loads(text, max_size=None))
    print(f"okrkit plan memory     {m_okrkit / 1e6:7.0f} MB")

    validate = pydantic_loader()
    if validate is None:
        print(
            "NOTE: pydantic is not installed; the pydantic comparisons are skipped"
            " (pip install pydantic into the benchmark's environment to run them)."
        )
        return
    validate(text)
    t_pydantic = best(lambda: validate(text), args.repeat)
    m_pydantic = memory(lambda: validate(text))
    print(
        f"pydantic validate_json {t_pydantic:7.2f} s  -> formats.loads ="
        f" {t_loads / t_pydantic:.2f}x pydantic (target <= 1x)"
    )
    print(
        f"pydantic memory        {m_pydantic / 1e6:7.0f} MB  -> okrkit ="
        f" {m_okrkit / m_pydantic:.2f}x pydantic (target <= 0.25x)"
    )


if __name__ == "__main__":
    main()
