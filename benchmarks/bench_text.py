"""How fast okrkit.text reads statements: statements per second, against a 5,000/s target.

Run ``python benchmarks/bench_text.py``.  It parses every key result and objective in
``tests/data/statements.yaml`` repeatedly and prints the best of several rounds, so a
busy machine's noise counts against it as little as possible.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from okrkit.text import parse_key_result, parse_objective

TARGET = 5_000  # statements per second
ROUNDS = 7
REPEAT = 20
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "statements.yaml"


def main() -> None:
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    key_results = [row["text"] for row in data["key_results"]]
    objectives = [row["text"] for row in data["objectives"]]
    count = (len(key_results) + len(objectives)) * REPEAT
    best = float("inf")
    for _ in range(ROUNDS):
        began = time.perf_counter()
        for _ in range(REPEAT):
            for text in key_results:
                parse_key_result(text)
            for text in objectives:
                parse_objective(text)
        best = min(best, time.perf_counter() - began)
    rate = count / best
    print(f"okrkit.text: {rate:,.0f} statements/s ({count:,} statements in {best:.3f} s)")
    print(f"ratio to the {TARGET:,}/s target: {rate / TARGET:.2f}x")


if __name__ == "__main__":
    main()
