"""How well okrkit.text reads real teams' key results: the figures of docs/statements.md.

The corpus in ``tests/data/real/`` is split by source document into a development part,
``dev.yaml``, which may be studied when writing reading rules, and a test part, ``test.yaml``,
which is measured but never read (its README says why and how).  This script prints, for
each part, the share of key results whose every field okrkit reads right and the share right
field by field, and the same for the objectives; ``tests/test_statements_real.py`` holds the
test part to its floor with the same comparison.

    python tools/real_statements.py                      # the figures, as a Markdown table
    python tools/real_statements.py --part dev --misses  # the development part, and its misses

While writing rules, measure the development part alone (``--part dev``): tuning to the test
part's figure would leak it as surely as reading it.

A number is right within 0.1 % ("by a third" is 33.33), a unit whatever its case; the other
fields must be equal.  Misses are listed for the development part only: the test part's
statements stay unread.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
KR_FIELDS = (
    "direction",
    "form",
    "value",
    "start",
    "upper",
    "relative",
    "unit",
    "measurable",
    "output",
)
OBJECTIVE_FIELDS = ("numeric", "output")
PARTS = ("dev", "test")


def load(part: str) -> list[dict[str, Any]]:
    """The objectives of one part, each with its ``key_results``."""
    import yaml

    with (DATA / f"{part}.yaml").open(encoding="utf-8") as f:
        objectives: list[dict[str, Any]] = yaml.safe_load(f)["objectives"]
    return objectives


def same(field: str, got: object, want: object) -> bool:
    """Whether okrkit's *got* for *field* is the annotation's *want*."""
    if isinstance(got, int | float) and isinstance(want, int | float) and field != "relative":
        if isinstance(got, bool) or isinstance(want, bool):
            return got == want
        return math.isclose(got, want, rel_tol=1e-3, abs_tol=1e-9)
    if field == "unit" and isinstance(got, str) and isinstance(want, str):
        return got.casefold() == want.casefold()
    return got == want


def reading(text: str) -> dict[str, object]:
    """What okrkit reads in a key result, in the corpus's vocabulary."""
    from okrkit.text import parse_key_result

    parsed = parse_key_result(text)
    got: dict[str, object] = {field: getattr(parsed, field) for field in KR_FIELDS}
    got["direction"] = None if parsed.direction is None else parsed.direction.value
    return got


def figures(part: str) -> dict[str, Any]:
    """The part's size and okrkit's accuracy on it, with its misses (field, got, row)."""
    from okrkit.text import parse_objective

    objectives = load(part)
    rows = [kr for o in objectives for kr in o["key_results"]]
    right = dict.fromkeys(KR_FIELDS, 0)
    whole = 0
    misses: list[tuple[str, object, dict[str, Any]]] = []
    for row in rows:
        got = reading(row["text"])
        wrong = [f for f in KR_FIELDS if not same(f, got[f], row[f])]
        whole += not wrong
        for field in KR_FIELDS:
            right[field] += field not in wrong
        misses.extend((field, got[field], row) for field in wrong)
    o_right = dict.fromkeys(OBJECTIVE_FIELDS, 0)
    for o in objectives:
        parsed = parse_objective(o["text"])
        for field in OBJECTIVE_FIELDS:
            o_right[field] += getattr(parsed, field) == o[field]
    return {
        "key_results": len(rows),
        "objectives": len(objectives),
        "fully_right": whole / len(rows),
        "fields": {field: n / len(rows) for field, n in right.items()},
        "objective_fields": {field: n / len(objectives) for field, n in o_right.items()},
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the development part's misses")
    parser.add_argument("--part", choices=PARTS, help="measure this part alone")
    args = parser.parse_args()
    parts = (args.part,) if args.part else PARTS
    results = {part: figures(part) for part in parts}
    print("| | " + " | ".join(f"{p} ({results[p]['key_results']} KRs)" for p in parts) + " |")
    print("| --- | " + " | ".join("---" for _ in parts) + " |")
    print(
        "| every field right | "
        + " | ".join(f"{results[p]['fully_right']:.1%}" for p in parts)
        + " |"
    )
    for field in KR_FIELDS:
        print(
            f"| {field} | " + " | ".join(f"{results[p]['fields'][field]:.1%}" for p in parts) + " |"
        )
    for field in OBJECTIVE_FIELDS:
        cells = " | ".join(f"{results[p]['objective_fields'][field]:.1%}" for p in parts)
        print(f"| objective {field} | {cells} |")
    if args.misses and "dev" in results:
        for field, got, row in results["dev"]["misses"]:
            print(f"{field:<10} got {got!r:<14} want {row[field]!r:<14} {row['text']}")


if __name__ == "__main__":
    main()
