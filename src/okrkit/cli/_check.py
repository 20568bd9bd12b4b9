"""``okrkit check``: lint OKR files, and print the findings as text, JSON, CI annotations or SARIF.

Each finding is said at its place, ``okrs.yaml:12:7: OKR201 [warning] message``, with its hint
on the next line, as ruff says its findings; at its path in the plan (``okrs.csv:objectives[2]:``)
when the format gives no line.  A folder is searched for OKR files (`okrkit.cli._walk`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs

from okrkit import _display as display
from okrkit._escape import github_data, github_property, terminal
from okrkit.cli._config import rule_config, rule_registry, run_rules
from okrkit.cli._io import (
    InputError,
    Paint,
    Streams,
    colorizer,
    complain,
    input_name,
    isatty,
    problems,
    read_plan,
)
from okrkit.errors import OKRError

if TYPE_CHECKING:
    import argparse

    from okrkit.rules import Diagnostic, RuleConfig, RuleRegistry

__all__ = ["cmd_check"]

_PROGRESS_FROM = 10  # files checked before a progress indicator is worth showing

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@attrs.frozen
class _Found:
    """A finding, and the file it is in as the command names it."""

    file: str
    diagnostic: Diagnostic


@attrs.define
class _Run:
    """What one ``check`` found: the files it read, their findings and what it could not read."""

    files: list[str] = attrs.Factory(list)
    found: list[_Found] = attrs.Factory(list)
    failed: list[InputError] = attrs.Factory(list)
    empty: list[InputError] = attrs.Factory(list)
    """The folders named that hold no OKR file."""
    unsaid: list[str] = attrs.Factory(list)
    """The Markdown pages in the folders named that read as OKRs but do not say so."""

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.found:
            counts[f.diagnostic.severity.value] += 1
        return counts


def cmd_check(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit check PATH...``: lint OKR files; 1 if any finding is at error severity."""
    rules = rule_registry(args, streams).registry
    _check_flags(args, rules)
    run = _Run()
    paths = _inputs(args.paths, run, streams)
    # On a terminal only, whatever NO_COLOR says: a progress line is not colour.
    progress = len(paths) >= _PROGRESS_FROM and isatty(streams.stderr)
    cache: dict[Path, RuleConfig] = {}
    named = set(args.paths)
    for n, path in enumerate(paths, start=1):
        name = input_name(path)
        run.files.append(name)
        if progress:
            streams.stderr.write(f"\rchecking {n}/{len(paths)} {terminal(name)}\x1b[K")
            streams.stderr.flush()
        try:
            plan = read_plan(
                path,
                streams,
                args.input_format,
                named=path in named,
                statements=args.read_statements,
            )
            config = rule_config(args, path, cache, rules)
            report = run_rules(plan, config, args.at, rules, name=name, streams=streams)
        except InputError as error:
            run.failed.append(error)
            if progress:
                streams.stderr.write("\r\x1b[K")
            complain(error, streams)
            continue
        run.found.extend(_Found(name, d) for d in report)
    if progress:
        streams.stderr.write("\r\x1b[K")
    out = streams.stdout
    if args.format == "json":
        out.write(_json(run) + "\n")
    elif args.format == "sarif":
        out.write(json.dumps(_sarif(run, rules), indent=2) + "\n")
    elif args.format == "github":
        out.writelines(_github(f) + "\n" for f in run.found)
        out.writelines(
            f"::notice file={github_property(page)}::{github_data(_unsaid(page))}\n"
            for page in run.unsaid
        )
    else:
        paint = colorizer(args.color, streams)
        for f in run.found:
            out.write(_text(f, paint))
        out.write(_summary(run) + "\n")
    if run.failed or run.empty:
        return 2
    return 1 if run.counts()["error"] else 0


def _inputs(paths: Sequence[str], run: _Run, streams: Streams) -> list[str]:
    """The files to check: each file named, and the OKR files in each folder named.

    A folder without any is a problem of its own (exit 2): a check of nothing passes nothing.
    """
    from okrkit.cli._walk import okr_files

    files: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            files.append(path)
            continue
        found = okr_files(path)
        for page in found.unsaid:
            run.unsaid.append(page)
            streams.stderr.write(f"okrkit: note: {terminal(page)}: {_unsaid(page)}\n")
        if not found.files:
            error = InputError(path, ["is a folder without OKR files (see 'okrkit check --help')"])
            run.empty.append(error)
            complain(error, streams)
        named = set(files)
        files += [file for file in found.files if file not in named]  # checked once
    return files


def _where(f: _Found) -> str:
    """Where a finding is: ``file:line:col``, else ``file:path`` (``file`` for the plan)."""
    d = f.diagnostic
    if d.line is not None:
        return f"{f.file}:{d.line}:{d.column}" if d.column is not None else f"{f.file}:{d.line}"
    return f"{f.file}:{d.path}" if d.path else f.file


def _text(f: _Found, paint: Paint) -> str:
    """A finding as text: where, code, severity and message; its hint on the next line."""
    d = f.diagnostic
    severity = paint(d.severity.value, _SEVERITY_STYLE[d.severity.value])
    code = paint(terminal(d.code), "bold")
    text = f"{terminal(_where(f))}: {code} [{severity}] {terminal(d.message)}\n"
    if d.hint is not None:
        text += f"  {paint('hint:', 'bold')} {terminal(d.hint)}\n"
    return text


def _github(f: _Found) -> str:
    """A finding as a GitHub Actions workflow command: an annotation at its line and column."""
    d = f.diagnostic
    place = f"file={github_property(f.file)}"
    if d.line is not None:
        place += f",line={d.line}" + ("" if d.column is None else f",col={d.column}")
    title = github_property(f"{d.code} {d.name}")
    message = f"{d.path or '$'}: {d.message}" + ("" if d.hint is None else f"\nhint: {d.hint}")
    return f"::{_GITHUB_LEVEL[d.severity.value]} {place},title={title}::{github_data(message)}"


_UNSAID_PAGE = (
    "reads as OKRs but does not say so (no 'Objective:', 'O1:' or 'KR1:' label): not checked."
    " If it holds OKRs, label an objective in it, or name the file, to check it; if not (a"
    " changelog, say), nothing need be done"
)
_UNSAID_TABLE = (
    "names objectives or key results in its header, but in none of okrkit's columns"
    " ('objective.title', 'kr.title'...): not checked. If it holds OKRs, name its columns as"
    " okrkit does (name the file to see which it expects), or read its statements into key"
    " results with okrkit.text (docs/statements.md, 'A spreadsheet column of statements')"
)


def _unsaid(path: str) -> str:
    """Why the file at *path*, which reads as OKRs, was not checked, and what to do."""
    return _UNSAID_TABLE if path.lower().endswith(".csv") else _UNSAID_PAGE


def _json(run: _Run) -> str:
    found = [{**f.diagnostic.to_dict(), "file": f.file} for f in run.found]
    summary = {
        "files": len(run.files),
        "unreadable": len(run.failed) + len(run.empty),
        "not_checked": len(run.unsaid),
    }
    return json.dumps({"diagnostics": found, "summary": summary | run.counts()}, indent=2)


# SARIF 2.1.0 ------------------------------------------------------------------------------
# https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html: one run of one tool, its
# rules, the results, and the invocation's notifications of files it could not read.


def _uri(file: str) -> str | None:
    """*file* as a SARIF artifact URI: relative as given (to the checkout, where code
    scanning resolves it), else a file URI; None for standard input, which has none."""
    if file == input_name("-"):
        return None
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix())


def _physical(file: str, line: int | None, column: int | None) -> dict[str, Any] | None:
    uri = _uri(file)
    if uri is None:
        return None
    place: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if line is not None:
        place["region"] = {"startLine": line} | ({} if column is None else {"startColumn": column})
    return place


def _sarif_result(f: _Found, index: Mapping[str, int]) -> dict[str, Any]:
    d = f.diagnostic
    location: dict[str, Any] = {}
    physical = _physical(f.file, d.line, d.column)
    if physical is not None:
        location["physicalLocation"] = physical
    path = d.path or "$"
    location["logicalLocations"] = [
        {"name": path.rsplit(".", 1)[-1], "fullyQualifiedName": path, "kind": "object"}
    ]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _SARIF_LEVEL[d.severity.value],
        "message": {"text": d.message},
        "locations": [location],
        "ruleIndex": index[d.code],  # every finding is of a rule of the registry the run lists
    }
    properties = {k: v for k, v in (("id", d.id), ("hint", d.hint)) if v is not None}
    if properties:
        result["properties"] = properties
    return result


def _sarif_notification(error: InputError) -> list[dict[str, Any]]:
    said = []
    for problem, place in zip(error.problems or ("cannot be read",), error.places, strict=False):
        notification: dict[str, Any] = {"level": "error", "message": {"text": problem}}
        line, _, column = (place or "").partition(":")
        physical = _physical(
            error.file, int(line) if line else None, int(column) if column else None
        )
        if physical is not None:
            notification["locations"] = [{"physicalLocation": physical}]
        said.append(notification)
    return said


def _sarif(run: _Run, rules: RuleRegistry) -> dict[str, Any]:
    """The run as a SARIF 2.1.0 log, for code-scanning dashboards."""
    from okrkit import __version__

    descriptors = []
    for rule in rules:
        descriptor: dict[str, Any] = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary or rule.name},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity.value]},
        }
        if rule.hint is not None:
            descriptor["help"] = {"text": rule.hint}
        descriptors.append(descriptor)
    index = {rule.code: i for i, rule in enumerate(rules)}
    errors = run.failed + run.empty
    notifications = [n for error in errors for n in _sarif_notification(error)]
    notifications += [
        {
            "level": "note",
            "message": {"text": _unsaid(page)},
            "locations": [{"physicalLocation": _physical(page, None, None)}],
        }
        for page in run.unsaid
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {
        "name": "okrkit",
        "version": __version__,
        "informationUri": "https://github.com/okrkit/okrkit",
        "rules": descriptors,
    }
    return {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index) for f in run.found],
            }
        ],
    }


def _check_flags(args: argparse.Namespace, registry: RuleRegistry) -> None:
    """Refuse unknown codes in ``--select``/``--ignore`` once, before any file is read.

    They are a usage error, not a problem of each file: no file is then counted unreadable.
    """
    from okrkit.rules import RuleConfig

    if args.select is None and not args.ignore:
        return
    try:
        registry.check(RuleConfig(select=args.select, ignore=args.ignore or ()))
    except OKRError as error:
        raise InputError("--select/--ignore", problems(error)) from None


def _summary(run: _Run) -> str:
    counts = run.counts()
    checked = display.count(len(run.files), "file")
    if run.failed:
        checked += f", {len(run.failed)} unreadable"
    if run.empty:
        checked += f", {display.count(len(run.empty), 'folder')} without OKR files"
    unsaid = f"{display.count(len(run.unsaid), 'file')} read as OKRs but not checked"
    if run.unsaid:
        checked += f", {unsaid}"
    if not any(counts.values()):
        if not (run.failed or run.empty or run.unsaid):
            return f"All checks passed ({checked})."
        # Never "no findings" alone: what was not read may hold any.
        missed = []
        if run.failed:
            missed.append(
                f"{len(run.failed)} of {display.count(len(run.files), 'file')} unreadable"
            )
        if run.empty:
            missed.append(f"{display.count(len(run.empty), 'folder')} without OKR files")
        if run.unsaid:
            missed.append(unsaid)
        rest = "; no findings in the others" if len(run.files) > len(run.failed) else ""
        return f"Not every file was checked: {', '.join(missed)}{rest}."
    parts = [display.count(counts["error"], "error"), display.count(counts["warning"], "warning")]
    parts.append(f"{counts['info']} info")
    return f"Found {', '.join(parts)} in {checked}."
