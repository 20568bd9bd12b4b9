"""How far two careful annotators agree on real key results, and where okrkit stands between.

``tests/data/real/second.yaml`` holds a second annotation, made blind by the conventions of
``tests/data/real/README.md``, of a random sample of the development part's studied slice and
of the whole test part.  This script prints, for each, the share of key results on which the
second annotation agrees with the corpus's, field by field, beside okrkit's agreement with
each of them.  Where two people agree on 95 % of a field, a reader right on more than that
against one of them is reading that person, not the statements.

    python tools/agreement.py

It prints figures only: the test part's statements stay unread.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _corpus() -> Any:
    """tools/real_statements.py, the corpus's loader and comparison, imported beside this."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module("real_statements")


def second() -> dict[str, list[dict[str, Any]]]:
    """The second annotation by part: entries naming an objective by its place."""
    import yaml

    corpus = _corpus()
    with (corpus.DATA / "second.yaml").open(encoding="utf-8") as f:
        loaded: dict[str, list[dict[str, Any]]] = yaml.safe_load(f)
    return loaded


def agreement(part: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Per field, the shares of key results on which the annotators agree, and on which
    okrkit agrees with the corpus and with the second annotator."""
    corpus = _corpus()
    objectives = corpus.load(part)
    fields = corpus.KR_FIELDS
    counts = {who: dict.fromkeys(fields, 0) for who in ("people", "corpus", "second")}
    every = 0
    objective_fields = dict.fromkeys(corpus.OBJECTIVE_FIELDS, 0)
    total = 0
    for entry in entries:
        objective = objectives[entry["objective"]]
        for field in objective_fields:
            objective_fields[field] += objective[field] == entry[field]
        for row, other in zip(objective["key_results"], entry["key_results"], strict=True):
            total += 1
            got = corpus.reading(row["text"])
            agreed = True
            for field in fields:
                same = corpus.same(field, other[field], row[field])
                agreed &= same
                counts["people"][field] += same
                counts["corpus"][field] += corpus.same(field, got[field], row[field])
                counts["second"][field] += corpus.same(field, got[field], other[field])
            every += agreed
    return {
        "key_results": total,
        "objectives": len(entries),
        "every_field": every / total,
        "fields": {field: {who: n[field] / total for who, n in counts.items()} for field in fields},
        "objective_fields": {field: n / len(entries) for field, n in objective_fields.items()},
    }


def main() -> None:
    for part, entries in second().items():
        result = agreement(part, entries)
        print(
            f"\n{part}: {result['key_results']} key results of {result['objectives']} objectives;"
            f" the annotators agree on every field of {result['every_field']:.1%}"
        )
        print("| field | annotators agree | okrkit and the corpus | okrkit and the second |")
        print("| --- | --- | --- | --- |")
        for field, shares in result["fields"].items():
            print(
                f"| {field} | {shares['people']:.1%} | {shares['corpus']:.1%} |"
                f" {shares['second']:.1%} |"
            )
        for field, share in result["objective_fields"].items():
            print(f"| objectives: {field} | {share:.1%} | | |")


if __name__ == "__main__":
    main()
