"""The commands that write a document: a plan in another format, the JSON Schema, a new plan.

Each writes to standard output or, atomically, to a file (`okrkit.cli._io.write_output`),
never over its input.
"""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from okrkit._display import count
from okrkit._escape import terminal
from okrkit.cli._io import (
    InputError,
    Streams,
    placed,
    problems,
    read_plan,
    suffix_format,
    write_output,
    write_plan,
)
from okrkit.cycles import Cycle
from okrkit.model import KeyResult, Objective, Plan

if TYPE_CHECKING:
    import argparse

    from okrkit.formats import FormatName

__all__ = ["cmd_check_in", "cmd_convert", "cmd_new", "cmd_schema"]


def cmd_convert(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit convert SRC DST``: rewrite a plan in the format DST's suffix names.

    What DST's format cannot hold is refused, naming each thing, unless ``--lossy``; a CSV
    file is written with the files that hold the rest beside it.
    """
    plan = read_plan(args.source, streams, args.input_format, statements=args.read_statements)
    target = args.to
    if target is None:
        if args.destination == "-":
            raise InputError("-", ["writing to standard output needs --to FORMAT"])
        target = suffix_format(args.destination)
    _refuse_in_place(args, target)
    write_plan(plan, target, args.destination, streams, lossy=args.lossy)
    return 0


def cmd_check_in(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit check-in FILE KR VALUE``: add a check-in to a key result, in the file itself.

    Everything else in FILE (comments, blank lines, key order, quoting) stays as it was; the
    check-in goes after the key result's others, in their style, and the file is replaced
    atomically only if it then reads back as the plan with that one check-in added.
    """
    from okrkit._files import checked_path
    from okrkit.errors import FormatError, OKRError, UnknownIdError
    from okrkit.formats import add_check_in
    from okrkit.model import CheckIn

    path = args.file
    if path == "-":
        raise InputError("-", ["a check-in is written into a file: name it"])
    id = args.key_result
    try:
        checked_path(path)
        _suffixed(path, args.input_format)
        held = _held(path, id, args.input_format)
        check_in = CheckIn(
            at=args.at or date.today(),
            value=_typed_value(args.value, held),
            confidence=args.confidence,
            note=args.note,
            author=args.author,
        )
        before = len(held[0].check_ins) if held else 0  # type: ignore[attr-defined]
        plan = add_check_in(path, id, check_in, format=args.input_format)
    except UnknownIdError as error:
        raise InputError(path, [_unknown_key_result(error, path)]) from None
    except FormatError as error:
        raise placed(error, path) from None
    except OKRError as error:
        raise InputError(path, problems(error)) from None
    krs = [kr for _, kr in plan.key_results() if kr.id == id]
    now = len(krs[0].check_ins if krs else plan.kpi(id).check_ins)
    said = f"{terminal(path)}: {terminal(id)}"
    if now == before:
        streams.stdout.write(f"{said} has this check-in already: nothing was written\n")
        return 0
    streams.stdout.write(
        f"{said} checked in at {check_in.value!s} on {check_in.at.isoformat()}"
        f" ({count(now, 'check-in')} now)\n"
    )
    return 0


def _suffixed(path: str, format: str | None) -> None:
    """Refuse a FILE whose suffix names no format okrkit edits, unless --input-format does."""
    from okrkit.formats import SUFFIXES

    if format is None and Path(path).suffix.lower() not in SUFFIXES:
        raise InputError(
            path,
            ["expected a file ending in .yaml, .yml, .json, .toml or .md (or give --input-format)"],
        )


def _held(path: str, id: str, format: str | None) -> list[object]:
    """The key result or KPI *id* in the file, read once for the command (empty if the file
    cannot be read: `add_check_in` reads it again, and says what is wrong)."""
    from okrkit.formats import load

    try:
        plan = load(path, format=format)  # type: ignore[arg-type]
    except Exception:
        return []
    found: list[object] = [kr for _, kr in plan.key_results() if kr.id == id]
    found += [k for k in plan.kpis if k.id == id]
    return found


def _typed_value(text: str, held: list[object]) -> int | float | Decimal:
    """VALUE as typed: digits an int; a decimal a Decimal, kept exactly, when the key result
    (or KPI) *held* keeps its numbers so (``"8350000.00"`` in a YAML file), else a float."""
    if text.lstrip("+-").isdigit():
        return int(text)
    numbers: list[object] = []
    for item in held:
        numbers += [c.value for c in getattr(item, "check_ins", ())]
        numbers += [getattr(item, name, None) for name in ("start", "target", "threshold")]
    if any(isinstance(n, Decimal) for n in numbers):
        return Decimal(text)
    return float(text)


def _unknown_key_result(error: Exception, path: str) -> str:
    """The message of a key result id the plan at *path* does not have, with the nearest."""
    import difflib

    from okrkit.formats import load

    try:
        ids = [kr.id for _, kr in load(path).key_results()]
    except Exception:
        ids = []
    message = str(error)
    close = difflib.get_close_matches(str(getattr(error, "id", "")), ids, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    elif ids:
        message += f"; its key results are {', '.join(map(repr, ids[:8]))}" + (
            ", ..." if len(ids) > 8 else ""
        )
    return message


def _refuse_in_place(args: argparse.Namespace, target: str) -> None:
    """Refuse `convert` onto its own source in another format: that replaces the plan.

    Rewriting a file in its own format (normalising it) is safe; in another format (``--to
    csv``, say) it would leave a file whose suffix says one format and whose text another,
    and lose what that format cannot hold.
    """
    from okrkit._files import same_file
    from okrkit.formats import siblings

    if "-" in (args.source, args.destination):
        return
    if target == "csv":
        for sibling in siblings(args.destination).values():
            if same_file(sibling, args.source):
                raise InputError(
                    sibling,
                    [
                        (
                            f"is the input: writing {args.destination} would replace it with"
                            " a file beside the table (write to another file)"
                        )
                    ],
                )
    if not same_file(args.destination, args.source):
        return
    # Without --input-format, SRC was read by its suffix: a known one.
    source = args.input_format or suffix_format(args.source)
    if source != target:
        raise InputError(
            args.destination,
            [
                (
                    f"is the input, a {source} file: writing it as {target} would replace the "
                    "plan (write to another file)"
                )
            ],
        )


def cmd_schema(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit schema``: the JSON Schema of the document."""
    from okrkit.formats import json_schema

    write_output(json.dumps(json_schema(), indent=2) + "\n", args.output, streams)
    return 0


# The template's key results: id, statement, direction, start, target, unit.
_TEMPLATE_KEY_RESULTS = (
    ("nps", "Raise NPS from 32 to 45", "increase", 32, 45, None),
    ("first-response", "Cut median first response time from 9h to 2h", "decrease", 9, 2, "h"),
    ("churn", "Reduce monthly churn from 3% to 2%", "decrease", 3, 2, "%"),
)


def _template(today: date) -> Plan:
    """A plan to start from: one objective for the quarter holding *today*, three key results."""
    key_results = [
        KeyResult(id=i, title=t, direction=d, start=s, target=g, unit=u, owner="your-name")
        for i, t, d, s, g, u in _TEMPLATE_KEY_RESULTS
    ]
    objective = Objective(
        id="delight-customers",
        title="Delight the customers who rely on us every day",
        owner="your-team",
        cycle=Cycle.containing(today),
        key_results=key_results,
    )
    return Plan(objectives=[objective])


def cmd_new(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit new``: a template plan for the current quarter, in YAML or JSON on standard
    output, and in the format its suffix names in a file (a template written as YAML into
    ``okrs.md`` was a file okrkit itself then refused)."""
    format: FormatName = args.format or "yaml"
    if args.output not in (None, "-"):
        # Before --force: it cannot make a folder a file, and saying it might would mislead.
        if os.path.isdir(args.output):
            raise InputError(
                args.output, ["is a directory: expected a file to write the template to"]
            )
        if not args.force and os.path.lexists(args.output):
            raise InputError(args.output, ["already exists: pass --force to overwrite it"])
        format = suffix_format(args.output)
        if args.format not in (None, format):
            raise InputError(
                args.output,
                [f"is named as {format}: expected a file name ending as {args.format} does"],
            )
    write_plan(_template(args.today or date.today()), format, args.output, streams)
    return 0
