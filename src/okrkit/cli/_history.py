"""The commands about OKRs over time: what changed between two versions of a plan.

Each side of ``okrkit diff`` is a file, or a git revision and a path (``HEAD~1:okrs.yaml``,
as ``git show`` names one), read with ``git cat-file`` and bounded as a file is.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from okrkit._escape import terminal
from okrkit.cli._io import InputError, Streams, placed, read_plan

if TYPE_CHECKING:
    import argparse

    from okrkit.model import Plan

__all__ = ["cmd_diff", "cmd_roll_over", "read_revision"]

_GIT_TIMEOUT = 60  # seconds


def read_revision(spec: str, streams: Streams, format: str | None) -> Plan:
    """The plan at *spec*: a file, else ``REV:PATH`` read from git."""
    from okrkit import formats
    from okrkit.errors import OKRError

    if spec == "-" or os.path.lexists(spec) or ":" not in spec:
        return read_plan(spec, streams, format)  # type: ignore[arg-type]
    revision, _, path = spec.partition(":")
    if not revision or revision.startswith("-") or not path:
        raise InputError(
            spec, ["expected a file, or a git revision and a path such as HEAD~1:okrs.yaml"]
        )
    name = format or formats.SUFFIXES.get(Path(path).suffix.lower())
    if name is None or name == "csv":
        raise InputError(
            spec,
            [
                (
                    "expected a path ending in .yaml, .yml, .json, .toml or .md after the"
                    " revision (or give --input-format); a CSV plan's files are read from the"
                    " working tree"
                )
            ],
        )
    data = _git_blob(spec)
    try:
        return formats.loads(data, name, file=spec)  # type: ignore[arg-type]
    except (OKRError, UnicodeDecodeError) as error:
        raise placed(error, spec) from None


def _git_blob(spec: str) -> bytes:
    """The bytes git holds at *spec* (``REV:PATH``), no more than okrkit reads of a file."""
    from okrkit.formats import DEFAULT_MAX_SIZE

    try:
        process = subprocess.Popen(
            ["git", "cat-file", "blob", spec],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as error:
        raise InputError(spec, [f"git could not be run ({error.strerror or error})"]) from None
    assert process.stdout is not None
    data = process.stdout.read(DEFAULT_MAX_SIZE + 1)
    if len(data) > DEFAULT_MAX_SIZE:
        process.kill()
        process.wait()
        raise InputError(spec, [f"is over the limit of {DEFAULT_MAX_SIZE:,} bytes"])
    try:
        _, err = process.communicate(timeout=_GIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise InputError(spec, ["git did not answer within a minute"]) from None
    if process.returncode != 0:
        said = err.decode("utf-8", "replace").strip().splitlines()
        raise InputError(spec, [said[-1] if said else "git could not read it"])
    return data


def cmd_diff(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit diff OLD NEW``: what changed between two versions of a plan.

    Each side is a file or a git revision and path (HEAD~1:okrs.yaml).  Objectives, key
    results, KPIs and initiatives added, removed and edited (field by field), check-ins added,
    scores and statuses moved at --at; a target, start or direction edited after a key result
    was checked in is a moved goalpost, and makes the exit status 1.
    """
    from okrkit.changes import diff

    old = read_revision(args.old, streams, args.input_format)
    new = read_revision(args.new, streams, args.input_format)
    found = diff(old, new, at=args.at or date.today())
    if args.format == "json":
        streams.stdout.write(json.dumps(found.to_dict(), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "markdown":
        streams.stdout.write(found.markdown())
    else:
        for line in found.lines():
            streams.stdout.write(terminal(line) + "\n")
    return 1 if found.moved_goalposts else 0


def cmd_roll_over(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit roll-over FILE --to CYCLE``: a plan for the next cycle, of what is unfinished.

    Every key result not done at --at is carried (its start is its value then, its history
    stays in FILE, carried_from names it), done ones are not; objectives keep their
    alignment; the history gains this cycle's scores.  Written to -o (its suffix says the
    format; never over FILE), else to standard output in FILE's format.
    """
    from okrkit._files import same_file
    from okrkit.cli._io import suffix_format, write_plan
    from okrkit.cycles import Cycle
    from okrkit.errors import CycleError

    try:
        cycle = Cycle.parse(args.to)
    except CycleError as error:
        raise InputError("--to", [str(error)]) from None
    plan = read_plan(args.file, streams, args.input_format)
    rolled = plan.roll_over(cycle, at=args.at or date.today())
    output = args.output
    if output not in (None, "-") and args.file != "-" and same_file(output, args.file):
        raise InputError(output, ["is FILE: the next cycle's plan goes to a file of its own"])
    if output in (None, "-"):
        format = args.input_format or (suffix_format(args.file) if args.file != "-" else "yaml")
    else:
        format = suffix_format(output)
    write_plan(rolled, format, output, streams)
    return 0
