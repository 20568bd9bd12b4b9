"""What the statement rules say about real teams' OKRs, imported as a user imports a sheet.

Each part of the corpus in ``tests/data/real/`` becomes a plan: every objective with its own
key results, each made by `okrkit.text.to_key_result` from its statement alone (no baseline,
no fields typed by hand), and `okrkit.rules.validate` runs the rules that read statements.
``review.yaml`` beside the corpus records a person's verdict on every finding (right or
wrong, and why); ``tests/test_statements_real.py`` checks that the findings are exactly the
reviewed ones and that at most 5 % of them are wrong.

    python tools/real_findings.py               # findings per rule, and the share reviewed wrong
    python tools/real_findings.py --list dev    # every finding of the development part
    python tools/real_findings.py --list test   # the test part's: for its reviewer only, who
                                                # writes no rules
    python tools/real_findings.py --unreviewed  # the findings review.yaml has no verdict for

A finding is named by its part, the objective's and key result's positions in the part, and
its rule (``dev:12.3:OKR204``), so the test part's review needs none of its statements.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RULES = ("OKR102", "OKR103", "OKR201", "OKR202", "OKR203", "OKR204", "OKR205", "OKR301", "OKR302")
TODAY = date(2026, 12, 1)


def _corpus() -> Any:
    spec = importlib.util.spec_from_file_location("real_statements", HERE / "real_statements.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def findings(part: str) -> dict[str, str]:
    """The part's findings by name (``dev:12.3:OKR204``): their messages, which quote the
    statement."""
    return {name: message for name, (message, _) in _found(part).items()}


def claims(part: str) -> dict[str, str]:
    """The part's findings by name, each with what it claims (`claim`): a verdict judges
    that claim, and holds only while the finding makes it."""
    return {name: claim(message, title) for name, (message, title) in _found(part).items()}


def _found(part: str) -> dict[str, tuple[str, str]]:
    """The part's findings by name: their messages, and the statements they are about."""
    from okrkit import Objective, Plan
    from okrkit.rules import RuleConfig, validate
    from okrkit.text import to_key_result

    objectives = _corpus().load(part)
    plan = Plan(
        objectives=[
            Objective(
                id=f"o{i}",
                title=o["text"],
                key_results=[
                    to_key_result(kr["text"], id=f"o{i}k{j}")
                    for j, kr in enumerate(o["key_results"])
                ],
            )
            for i, o in enumerate(objectives)
        ]
    )
    found = {}
    for d in validate(plan, RuleConfig(select=list(RULES)), today=TODAY):
        o, _, k = d.id.removeprefix("o").partition("k") if d.id else ("", "", "")
        place = f"{o}.{k}" if k else o
        said = objectives[int(o)]
        title = said["key_results"][int(k)]["text"] if k else said["text"]
        found[f"{part}:{place}:{d.code}"] = (d.message, title)
    return found


def claim(message: str, title: str) -> str:
    """What a finding's *message* claims of the statement *title*, without quoting it or
    its numbers: "key result … has no baseline to measure progress from".  A rule may make
    more than one claim (OKR204: no baseline; or no baseline, so no target): a verdict
    judged one of them."""
    return re.sub(r"\d", "#", message.replace(repr(title.strip()), "…", 1))


def reviewed() -> dict[str, dict[str, str]]:
    """The verdicts of ``review.yaml`` by finding name: ``verdict`` (right, wrong) and ``why``."""
    import yaml

    path = HERE.parent / "tests" / "data" / "real" / "review.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {r["finding"]: r for r in yaml.safe_load(f)["findings"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", choices=("dev", "test"), help="list every finding of a part")
    parser.add_argument("--unreviewed", action="store_true", help="list findings with no verdict")
    args = parser.parse_args()
    verdicts = reviewed()
    print("| rule | findings (dev) | wrong | findings (test) | wrong |")
    print("| --- | --- | --- | --- | --- |")
    per_part = {part: findings(part) for part in ("dev", "test")}
    for rule in RULES:
        cells = []
        for found in per_part.values():
            names = [n for n in found if n.endswith(":" + rule)]
            wrong = sum(verdicts.get(n, {}).get("verdict") == "wrong" for n in names)
            cells += [str(len(names)), str(wrong)]
        print(f"| {rule} | " + " | ".join(cells) + " |")
    if args.list:
        for name, message in per_part[args.list].items():
            print(f"{name}\t{message}")
    if args.unreviewed:
        missing = Counter(
            n.split(":")[0] for found in per_part.values() for n in found if n not in verdicts
        )
        print("unreviewed:", dict(missing))
        for name, message in per_part["dev"].items():
            if name not in verdicts:
                print(f"{name}\t{message}")


if __name__ == "__main__":
    main()
