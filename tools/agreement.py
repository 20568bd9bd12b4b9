"""How far two careful annotators agree on real key results, and where okrkit stands between.

``tests/data/real/second.yaml`` holds a second annotation, made blind by the conventions of
``tests/data/real/README.md``, of a random sample of the development part's studied slice and
of the whole test part.  This script prints, for each, the share of key results on which the
second annotation agrees with the corpus's, field by field, beside okrkit's agreement with
each of them.  Where two people agree on 95 % of a field, a reader right on more than that
against one of them is reading that person, not the statements.

``tests/data/real/review-second.yaml`` holds a second review, made blind by the criteria of
the same README, of a random sample of the development part's findings and of every finding
of the test part: the script prints how often its verdicts agree with ``review.yaml``'s, and
the share of findings each review judged wrong, so that the rules' share of wrong findings
can be read against how far two reviewers differ.

    python tools/agreement.py

It prints figures only: the test part's statements stay unread.
"""

from __future__ import annotations

import importlib
import importlib.util
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


def second_review() -> dict[str, str]:
    """The second review's verdicts (right, wrong) by finding name (``dev:12.3:OKR204``)."""
    import yaml

    with (_corpus().DATA / "review-second.yaml").open(encoding="utf-8") as f:
        return {r["finding"]: r["verdict"] for r in yaml.safe_load(f)["findings"]}


def review_agreement(part: str, first: dict[str, str], other: dict[str, str]) -> dict[str, Any]:
    """Over the findings of *part* that both reviews judged (*first* and *other*: verdicts by
    finding name), how many they are, the share on which the verdicts agree, Cohen's kappa,
    and how many each review judged wrong and both did."""
    names = sorted(n for n in other if n.startswith(f"{part}:") and n in first)
    both = sum(first[n] == other[n] == "wrong" for n in names)
    wrong_first = sum(first[n] == "wrong" for n in names)
    wrong_other = sum(other[n] == "wrong" for n in names)
    agreed = sum(first[n] == other[n] for n in names)
    total = len(names)
    observed = agreed / total
    p1, p2 = wrong_first / total, wrong_other / total
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return {
        "findings": total,
        "agree": observed,
        "kappa": (observed - chance) / (1 - chance) if chance < 1 else 1.0,
        "wrong_first": wrong_first,
        "wrong_second": wrong_other,
        "wrong_both": both,
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
    spec = importlib.util.spec_from_file_location("real_findings", HERE / "real_findings.py")
    assert spec is not None
    assert spec.loader is not None
    findings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(findings)
    first = {name: r["verdict"] for name, r in findings.reviewed().items()}
    other = second_review()
    print(
        "\n| findings judged twice | verdicts agree | kappa | wrong: first | wrong: second | both |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for part in ("dev", "test"):
        r = review_agreement(part, first, other)
        print(
            f"| {part}: {r['findings']} | {r['agree']:.1%} | {r['kappa']:.2f} |"
            f" {r['wrong_first']} ({r['wrong_first'] / r['findings']:.1%}) |"
            f" {r['wrong_second']} ({r['wrong_second'] / r['findings']:.1%}) | {r['wrong_both']} |"
        )


if __name__ == "__main__":
    main()
