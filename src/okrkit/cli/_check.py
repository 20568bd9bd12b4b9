"""``okrkit check``: lint OKR files, and print the findings as text, JSON or CI annotations."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrkit import _display as display
from okrkit._escape import github_data, github_property, terminal
from okrkit.cli._config import rule_config, rule_registry, run_rules
from okrkit.cli._io import (
    InputError,
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

    from okrkit.rules import RuleConfig, RuleRegistry

__all__ = ["cmd_check"]

_PROGRESS_FROM = 10  # files checked before a progress indicator is worth showing

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


def cmd_check(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit check PATH...``: lint OKR files; 1 if any finding is at error severity."""
    registry = rule_registry(args, streams).registry
    _check_flags(args, registry)
    paint = colorizer(args.color, streams)
    # On a terminal only, whatever NO_COLOR says: a progress line is not colour.
    progress = len(args.paths) >= _PROGRESS_FROM and isatty(streams.stderr)
    cache: dict[Path, RuleConfig] = {}
    found: list[dict[str, Any]] = []
    failed = 0
    for n, path in enumerate(args.paths, start=1):
        name = input_name(path)
        if progress:
            streams.stderr.write(f"\rchecking {n}/{len(args.paths)} {terminal(name)}\x1b[K")
            streams.stderr.flush()
        try:
            plan = read_plan(path, streams, args.input_format)
            config = rule_config(args, path, cache, registry)
            report = run_rules(plan, config, args.today, registry, name=name, streams=streams)
        except InputError as error:
            failed += 1
            if progress:
                streams.stderr.write("\r\x1b[K")
            complain(error, streams)
            continue
        found.extend({**d.to_dict(), "file": name} for d in report)
    if progress:
        streams.stderr.write("\r\x1b[K")
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        counts[d["severity"]] += 1
    out = streams.stdout
    if args.format == "json":
        summary = {"files": len(args.paths), "unreadable": failed, **counts}
        out.write(json.dumps({"diagnostics": found, "summary": summary}, indent=2) + "\n")
    elif args.format == "github":
        for d in found:
            title = github_property(f"{d['code']} {d['name']}")
            file = github_property(d["file"])
            message = github_data(f"{d['path'] or '$'}: {d['message']}")
            out.write(f"::{_GITHUB_LEVEL[d['severity']]} file={file},title={title}::{message}\n")
    else:
        for d in found:
            where = terminal(f"{d['file']}:{d['path']}" if d["path"] else d["file"])
            severity = paint(d["severity"], _SEVERITY_STYLE[d["severity"]])
            code = paint(terminal(d["code"]), "bold")
            out.write(f"{where}: {code} [{severity}] {terminal(d['message'])}\n")
        out.write(_summary(counts, len(args.paths), failed) + "\n")
    if failed:
        return 2
    return 1 if counts["error"] else 0


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


def _summary(counts: Mapping[str, int], files: int, unreadable: int) -> str:
    checked = display.count(files, "file")
    if unreadable:
        checked += f", {unreadable} unreadable"
    if not any(counts.values()):
        return f"{'No findings' if unreadable else 'All checks passed'} ({checked})."
    parts = [display.count(counts["error"], "error"), display.count(counts["warning"], "warning")]
    parts.append(f"{counts['info']} info")
    return f"Found {', '.join(parts)} in {checked}."
