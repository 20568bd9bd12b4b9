"""How fast okrkit.text reads statements: statements per second, against a 5,000/s target.

Run ``python benchmarks/bench_text.py``.  It parses every key result and objective in
``tests/data/statements.yaml`` repeatedly and prints the best of several rounds, so a
busy machine's noise counts against it as little as possible.  Each statement is read in
full every time (no template of its wording is kept between readings).

It then prints the rate for the real key results of ``tests/data/real/`` (each read in
full), which are longer and more varied than the corpus's, and the rate for statements of
one wording, "<words> from <a> to <b>", whose numbers change from one to the next, as a
plan's key results often are: after the first, each is read through its wording's template.

Last, the slowest of some hostile statements of 5,000 characters (`HOSTILE`: long runs that
made a pattern of the reader, `parse_objective` or `done_or_not`, search from every
position or compare every number with every other, each found once and fixed), in
milliseconds: a reading's cost must
grow with its length, not with its square (a plan's title is bounded at 5,000 characters by
the reader of files).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import yaml

from okrkit.text import done_or_not, parse_key_result, parse_objective
from okrkit.text._templates import TEMPLATES

TARGET = 5_000  # statements per second
ROUNDS = 7
# Statements of 5,000 characters, each of a shape that once took the reader quadratic time.
HOSTILE = {
    "a run of 'a-' after a slash (an address)": "Reach 5 users ./ " + "a-" * 2491,
    "spaces before a bracket (a score at the end)": "Ship 3 x" + " " * 4991 + ")",
    "spaces before a bracket, square": "Ship 3 x" + " " * 4991 + "]",
    "a run of 'KR 1 - '": "KR 1 - " * 714,
    "a run of 'top two '": "top two " * 625,
    "a word of 4,990 letters before a number": "N" * 4990 + " Ship 3",
    "a run of '30 of ' (parts of wholes)": ("Reduce churn " + "30 of " * 833)[:5000],
    "a run of 'from 4 ab ' (sources)": ("Grow ARR " + "from 4 ab " * 500)[:5000],
    "a run of 'by Week 6 ' after a verb of holding": ("Maintain " + "by Week 6 " * 500)[:5000],
    "a run of '1,' (2,490 numbers, each read)": ("The council publishes " + "1," * 2490)[:5000],
    "a run of '1,2' (Indian grouping tried from each digit)": ("Reach " + "1,2" * 1665)[:5000],
    "a word of '1e' (numbers inside one long word)": ("Reach " + "1e" * 2497)[:5000],
    "blanks after a verb of reaching (a thing taken 'to' a place)": "Get" + " " * 4997,
    "blanks after a verb of work ('more' looked for at the end)": "Write" + " " * 4994 + "x",
    "dots grouping thousands after money ('€1.200.200...')": ("Save €1.200." + "200." * 1250)[
        :5000
    ],
    "a share and many times after it ('5 s 5 s ...')": ("Deliver 90% of orders" + " 5 s" * 1245)[
        :5000
    ],
    "a run of 'in 5 in 5 minutes '": ("Deliver 90% of orders " + "in 5 in 5 minutes " * 276)[:5000],
    "a run of decimal commas ('from 4,5 ')": ("Grow CSAT " + "from 4,5 " * 555)[:5000],
    "thousands grouped by spaces, then a letter ('1 000 000 ... 000x')": (
        "Reach 1" + " 000" * 1248
    )[:4999]
    + "x",
    "a long word before ', b to 17' (a product's name)": "Upgrade " + "a" * 4981 + ", b to 17",
    "a long word before ', 17 upgrade' (a version's name)": "LLVM " + "x" * 4978 + ", 17 upgrade",
    "many numbers after the target ('/3')": ("Grow users to 50 " + "/3" * 2492)[:5000],
    "a long word, then another (a thing an objective names)": "a" * 4998 + " x",
    "a run of placeholders joined by quotes ('X'X'X...')": "X'" * 2500,
    "a run of 'RUB 1 ' (a plural noun looked for after each name)": ("Grow " + "RUB 1 " * 900)[
        :5000
    ],
    "a run of '1.000 € ' (a dot grouping thousands in money)": (
        "Cut cost from " + "1.000 € " * 700
    )[:5000],
    "blanks after 'above' (a reference level looked for after the bound)": (
        "Keep spend above" + " " * 4983 + "x"
    ),
    "a run of 'to above ' (a change to a reference level)": ("Grow revenue " + "to above " * 554)[
        :5000
    ],
    "a run of 'X is ' before 'used by' (a thing in use by one party)": (
        "Peerpad " * 620 + "is used by x"
    )[:5000],
    "metrics joined by hyphens ('fps-fps-...': a negation looked for before each)": (
        "-".join(["fps"] * 1250) + " 1"
    )[:5000],
}
REPEAT = 20
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPUS = DATA / "statements.yaml"


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
                TEMPLATES.clear()
                parse_key_result(text)
            for text in objectives:
                parse_objective(text)
        best = min(best, time.perf_counter() - began)
    rate = count / best
    print(f"okrkit.text: {rate:,.0f} statements/s ({count:,} statements in {best:.3f} s)")
    print(f"ratio to the {TARGET:,}/s target: {rate / TARGET:.2f}x")

    real = [
        kr["text"]
        for part in ("dev", "test")
        for o in yaml.safe_load((DATA / "real" / f"{part}.yaml").read_text(encoding="utf-8"))[
            "objectives"
        ]
        for kr in o["key_results"]
    ]
    best = float("inf")
    for _ in range(ROUNDS):
        began = time.perf_counter()
        for _ in range(REPEAT // 4):
            for text in real:
                TEMPLATES.clear()
                parse_key_result(text)
        best = min(best, time.perf_counter() - began)
    each = best / (len(real) * (REPEAT // 4))
    print(f"real key results: {1 / each:,.0f} statements/s ({each * 1e6:.1f} us each)")

    rng = random.Random(1)
    texts = [
        f"Grow weekly active users in EMEA from {rng.randrange(1000)} to {rng.randrange(1000)}"
        for _ in range(20_000)
    ]
    best = float("inf")
    for _ in range(ROUNDS):
        TEMPLATES.clear()
        began = time.perf_counter()
        for text in texts:
            parse_key_result(text)
        best = min(best, time.perf_counter() - began)
    print(f"one wording, new numbers: {len(texts) / best:,.0f} statements/s")

    slowest, which = 0.0, ""
    for name, text in HOSTILE.items():
        began = time.perf_counter()
        parse_key_result(text)
        parse_objective(text)
        done_or_not(text)
        took = time.perf_counter() - began
        if took > slowest:
            slowest, which = took, name
    print(f"hostile statements of 5,000 characters: slowest {slowest * 1e3:.1f} ms ({which})")


if __name__ == "__main__":
    main()
