"""The commands about OKRs over time: what changed between two versions of a plan, the
plan for the next cycle, and a retrospective across cycles.

Each side of ``okrkit diff`` is a file, or a git revision and a path (``HEAD~1:okrs.yaml``,
as ``git show`` names one), read with ``git cat-file`` and bounded as a file is.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrkit._display import count
from okrkit._escape import terminal
from okrkit.cli._io import InputError, Streams, placed, read_plan, suffix_format

if TYPE_CHECKING:
    import argparse

    from okrkit.model import Plan

__all__ = ["cmd_diff", "cmd_retro", "cmd_roll_over", "git_versions", "read_revision"]

_GIT_TIMEOUT = 60  # seconds
_MOST_VERSIONS = 1_000  # of one file, that --git-history reads


def read_revision(spec: str, streams: Streams, format: str | None) -> Plan:
    """The plan at *spec*: a file, else ``REV:PATH`` read from git."""
    from okrkit import formats

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
    return _loaded(_git(["cat-file", "blob", spec], spec), spec, name)


def _loaded(data: bytes, spec: str, format: str | None) -> Plan:
    """The plan in *data*, git's version *spec* of a file (its format *format*, else its
    suffix's); what is wrong in it is said of *spec*."""
    from okrkit import formats
    from okrkit.errors import OKRError

    name = format or formats.SUFFIXES.get(Path(spec).suffix.lower(), "yaml")
    try:
        return formats.loads(data, name, file=spec)  # type: ignore[arg-type]
    except (OKRError, UnicodeDecodeError) as error:
        raise placed(error, spec) from None


def git_versions(path: str, format: str | None) -> list[tuple[str, bytes]]:
    """Every version of the file at *path* that git has committed, oldest first: its name
    (``REV:PATH``, the revision abbreviated) and its bytes."""
    from okrkit.formats import SUFFIXES

    name = format or SUFFIXES.get(Path(path).suffix.lower())
    if name == "csv":
        csv = "--git-history reads no CSV plan: its files are read from the working tree only"
        raise InputError(path, [csv])
    if os.path.islink(path):
        link = (
            "is a symbolic link, whose versions git keeps as the link's target, not as a plan:"
            " give --git-history the file it points to"
        )
        raise InputError(path, [link])
    folder = os.path.dirname(path) or "."
    base = os.path.basename(path)
    # The commits that touched the file, oldest first (one that deleted it has no version
    # of it).  The name is a file's, not a pattern ("q[1].yaml"); rev-list reads no user's
    # log.* settings, as log would.
    listed = _git(
        ["--literal-pathspecs", "rev-list", "--reverse", "HEAD", "--", base], path, folder
    )
    revisions = listed.decode("ascii", "replace").split()
    if len(revisions) > _MOST_VERSIONS:
        raise InputError(
            path,
            [
                (
                    f"git has {len(revisions):,} versions of it, more than"
                    f" {_MOST_VERSIONS:,}: give the revisions to compare as REV:PATH instead"
                    " of --git-history"
                )
            ],
        )
    found = []
    for rev in revisions:
        try:
            data = _git(["cat-file", "blob", f"{rev}:./{base}"], path, folder)
        except InputError:
            missing = subprocess.run(
                ["git", "cat-file", "-e", f"{rev}:./{base}"],
                cwd=folder,
                capture_output=True,
                timeout=_GIT_TIMEOUT,
                check=False,
            )
            if missing.returncode == 0:
                raise
            continue  # the commit that deleted the file: no version of it
        found.append((f"{rev[:12]}:{path}", data))
    return found


def _git(args: list[str], spec: str, cwd: str | None = None) -> bytes:
    """What ``git ARGS`` prints, run in *cwd*, no more than okrkit reads of a file; its
    complaint is an `InputError` of *spec*."""
    from okrkit.formats import DEFAULT_MAX_SIZE

    try:
        process = subprocess.Popen(
            ["git", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
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
    from okrkit._escape import json_text
    from okrkit.changes import diff

    if args.old == "-" and args.new == "-":
        raise InputError("-", ["standard input is one of the two sides at most"])
    old = read_revision(args.old, streams, args.input_format)
    new = read_revision(args.new, streams, args.input_format)
    found = diff(old, new, at=args.at or date.today())
    if args.format == "json":
        data = json.dumps(found.to_dict(), indent=2, ensure_ascii=False)
        streams.stdout.write(json_text(data) + "\n")
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
    from okrkit.cli._io import write_plan
    from okrkit.errors import CycleError, InvalidValueError

    output = args.output
    to_file = output not in (None, "-")
    if to_file and args.file != "-":
        _refuse_over(args.file, output, args.input_format)
    if to_file:
        format = suffix_format(output)
    else:
        format = args.input_format or (suffix_format(args.file) if args.file != "-" else "yaml")
        if format == "csv":
            raise InputError(
                "-", ["a CSV plan is a table and the files beside it: give -o NEXT.csv"]
            )
    plan = read_plan(args.file, streams, args.input_format)
    at = args.at or date.today()
    try:
        rolled = plan.roll_over(args.to, at=at)
    except (CycleError, InvalidValueError) as error:
        raise InputError("--to", [f"{error.expected}, got {args.to!r}"]) from None
    write_plan(rolled, format, output, streams)
    restated = sum(1 for _, kr in rolled.key_results() if kr.carried_from is not None)
    ends = [o.cycle.end for o in plan.objectives if o.cycle is not None and o.cycle.end > at]
    if ends and not args.quiet:
        streams.stderr.write(
            f"okrkit: note: {min(ends).isoformat()} is after --at {at.isoformat()}: the"
            " scores put in the history are as of then, not final\n"
        )
    if restated and not args.quiet:
        streams.stderr.write(
            f"okrkit: note: {count(restated, 'key result')} carried with their statements:"
            " restate each from its new start (okrkit check says which, OKR202)\n"
        )
    return 0


def _refuse_over(source: str, output: str, format: str | None) -> None:
    """Refuse an -o that is FILE, or a file FILE's CSV table keeps beside it (or the other
    way round): writing it would replace what is being rolled over."""
    from okrkit._files import same_file
    from okrkit.formats import siblings

    read = _held(source, format)
    written = [output]
    if _suffix_or_none(output, suffix_format) == "csv":
        written += list(siblings(output).values())
    for target in written:
        for held in read:
            if os.path.lexists(target) and os.path.lexists(held) and same_file(target, held):
                raise InputError(
                    output,
                    [f"would replace {held}, which holds the plan rolled over: write elsewhere"],
                )


def _suffix_or_none(path: str, suffix_format: Any) -> str | None:
    try:
        return str(suffix_format(path))
    except InputError:
        return None


def cmd_retro(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit retro FILE...``: each owner's OKRs across cycles, in Markdown, HTML or JSON.

    Give the plans oldest first: a file per cycle, git revisions of one file (HEAD~5:okrs.yaml),
    or both; --git-history reads every committed version of each FILE.  For each owner and
    level, over the cycles that ended by --at: the mean score of aspirational objectives
    (well calibrated from 0.6 to 0.7), the committed ones delivered, the key results whose
    targets moved after their first check-in, those carried in and those that went quiet,
    and findings (sandbagging, over-reach, stale teams) by the thresholds of OKR303, OKR304
    and OKR602 in the rule configuration.
    """
    from okrkit._escape import json_text
    from okrkit.cli._config import config_files, rule_config
    from okrkit.cli._io import write_output
    from okrkit.retrospectives import retrospective
    from okrkit.rules import REGISTRY

    if args.files.count("-") > 1:
        raise InputError("-", ["standard input is one of the plans at most"])
    # Each FILE, after the versions git has of it: the versions of one file, oldest first.
    # Plans named in a row that are one file (REV:PATH and PATH, or the same REV:PATH) are
    # its versions, oldest first; --git-history puts every version git has before a file.
    plans: list[list[Plan]] = []
    last: str | None = None
    for spec in args.files:
        plan = read_revision(spec, streams, args.input_format)
        versions = []
        if args.git_history and spec != "-" and os.path.lexists(spec):
            versions = [_loaded(data, name, args.input_format) for name, data in
                        git_versions(spec, args.input_format)]  # fmt: skip
        copies = _working_copies(spec)
        here = os.path.realpath(copies[0]) if copies else None
        if here is not None and here == last:
            # The same file as the plan before: its next version, or (--git-history) all of
            # them, which hold the revisions named before.
            plans[-1] = [*versions, plan] if versions else [*plans[-1], plan]
        else:
            plans.append([*versions, plan])
        last = here
    # The configuration nearest the first plan read from a file (a revision's: here).
    first = next((f for f in args.files if f == "-" or os.path.lexists(f)), "-")
    config = rule_config(args, first, {}, REGISTRY)
    found = retrospective(
        plans, at=args.at or date.today(), policy=args.policy, roll_up=args.roll_up, config=config
    )
    format = args.format or _RETRO_SUFFIXES.get(Path(args.output or "").suffix.lower(), "md")
    if format == "json":
        text = json_text(json.dumps(found.to_dict(), indent=2, ensure_ascii=False)) + "\n"
    elif format == "html":
        text = found.html(args.title)
    else:
        text = found.markdown(args.title)
    held = [path for spec in args.files for path in _held(spec, args.input_format)]
    inputs = [*held, *config_files(args, first)]
    write_output(text, args.output, streams, inputs=inputs)
    if found.running and not args.quiet:
        n = len(found.running)
        whose = "its cycle" if n == 1 else "their cycles"
        streams.stderr.write(
            f"okrkit: note: {count(n, 'objective')} left out: {whose} had not ended by"
            f" {found.at.isoformat()} (--at)\n"
        )
    return 0


def _working_copies(spec: str) -> list[str]:
    """The files *spec* reads, or stands for: a file's own path; a git ``REV:PATH``'s PATH in
    the working tree (from the repository's top, as git reads it, or from here when it
    starts with ``./`` or ``../``), the first ``:`` taken as the one before PATH, then each
    later one (a revision may hold one: ``HEAD^{/fix: typo}:okrs.yaml``); none for
    standard input."""
    if spec == "-":
        return []
    if os.path.lexists(spec) or ":" not in spec:
        return [spec]
    top = None
    # Outside a repository there is no top: git says so when it reads the revision.
    with contextlib.suppress(InputError):
        top = _git(["rev-parse", "--show-toplevel"], spec).decode("utf-8", "replace").strip()
    copies = []
    for at, char in enumerate(spec):
        path = spec[at + 1 :]
        if char != ":" or not path:
            continue
        if top is None or path.startswith(("./", "../")):
            copies.append(path)
        else:
            copies.append(os.path.join(top, path))
    return copies


def _held(spec: str, format: str | None) -> list[str]:
    """The files *spec* reads or stands for, which an output must not replace: its working
    copy, and the files a CSV table keeps beside it."""
    from okrkit.formats import siblings

    held = []
    for path in _working_copies(spec):
        held.append(path)
        if (format or _suffix_or_none(path, suffix_format)) == "csv":
            held += [str(f) for f in siblings(path).values()]
    return held


# The report's format, when --format is not given, from -o's suffix (else Markdown).
_RETRO_SUFFIXES = {".html": "html", ".htm": "html", ".json": "json"}
