"""The rules a command on a file runs, their configuration, and the file it comes from.

``okrkit check`` and ``okrkit report`` run the rules of ``--rules MODULE:NAME`` (by default
the built-in ones) and judge a plan by ``--config``, else by the configuration nearest the plan
(``pyproject.toml``'s ``[tool.okrkit]`` or an ``okrkit.toml``).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from okrkit.cli._io import InputError, Streams, problems
from okrkit.errors import InvalidValueError, OKRError, exception_text, safe_repr

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from okrkit.model import Plan
    from okrkit.rules import Report, RuleConfig, RuleRegistry

__all__ = ["Rules", "config_files", "rule_config", "rule_registry", "run_rules"]


# A module of rules is code, not a document: a megabyte is more than any needs.
_RULES_MAX_SIZE = 1 << 20


@attrs.frozen
class Rules:
    """The rules a command runs: the registry, and the file it came from (None: built in)."""

    registry: RuleRegistry
    file: str | None = None


def rule_registry(args: argparse.Namespace, streams: Streams) -> Rules:
    """The rules to run: the `RuleRegistry` that ``--rules MODULE:NAME`` names, else the
    built-in `REGISTRY`.

    *MODULE* is an installed module's dotted name (found where Python finds it: installed,
    or on ``PYTHONPATH``), or the path of a ``.py`` file; *NAME* is a registry in it.  (There
    is no default name: a module that imports ``REGISTRY`` from `okrkit.rules` to copy it
    holds the built-in one too.)  Importing runs the module's code: only the command line
    names one, never a file the command reads, and what the module prints goes to standard
    error, not into the command's output.
    """
    from okrkit.rules import REGISTRY, RuleRegistry

    spec: str | None = getattr(args, "rules", None)
    if spec is None:
        return Rules(REGISTRY)
    module_name, _, name = spec.rpartition(":")
    is_file = module_name.lower().endswith(".py")
    if not (
        name.isidentifier() and (is_file or all(map(str.isidentifier, module_name.split("."))))
    ):
        expected = (
            "MODULE:NAME, an installed module (or a .py file) and the RuleRegistry in it,"
            " such as acme_rules:RULES"
        )
        raise InputError("--rules", [f"expected {expected}, got {spec!r}"])
    try:
        with redirect_stdout(streams.stderr):
            module = _load_file(module_name) if is_file else importlib.import_module(module_name)
    except (Exception, SystemExit) as error:  # the module's own code may raise anything
        raise InputError(
            "--rules", [f"importing {module_name!r} failed: {exception_text(error)}"]
        ) from None
    registry = getattr(module, name, None)
    if not isinstance(registry, RuleRegistry):
        raise InputError(
            "--rules",
            [
                (
                    f"expected a RuleRegistry named {name!r} in {module_name!r},"
                    f" got {safe_repr(registry)}"
                )
            ],
        )
    return Rules(registry, getattr(module, "__file__", None))


def _load_file(path: str) -> ModuleType:
    """The module in the file at *path*, run once per process as a module of its own.

    It is read as okrkit reads any file (a regular file, of bounded size), and named for the
    file's full path, so that running the command again in one process (or with two files of
    the same name) neither runs it twice nor mixes them up.
    """
    from okrkit._files import read_bytes

    source = read_bytes(path, max_size=_RULES_MAX_SIZE)
    where = os.path.realpath(path)
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = f"okrkit_rules_{digest}"
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    module = ModuleType(name)
    module.__file__ = where
    code = compile(source, where, "exec")
    sys.modules[name] = module  # as an import would: dataclasses and pickling look it up
    try:
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def rule_config(
    args: argparse.Namespace,
    path: str,
    cache: dict[Path, RuleConfig],
    registry: RuleRegistry | None = None,
) -> RuleConfig:
    """The rule configuration for *path*: ``--config``, else the nearest one, with the flags.

    Its codes and options are checked against *registry* (the built-in rules by default).
    """
    from okrkit.rules import RuleConfig

    if args.config is not None:
        where = Path(args.config)
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.from_pyproject(where, registry=registry)
            except OKRError as error:
                # The complaint names the file, so its problems do not say it again.
                lines = problems(error, file=str(where))
                raise InputError(args.config, lines + _hint(error, registry)) from None
    else:
        where = _folder(path).resolve()
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.discover(where, registry=registry)
            except OKRError as error:
                lines = [f"configuration: {p}" for p in problems(error)]
                raise InputError(path, lines + _hint(error, registry)) from None
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    if select is not None or ignore:
        changes: dict[str, Any] = {"ignore": (*found.ignore, *(ignore or ()))}
        if select is not None:
            changes["select"] = select
        # Both halves are checked: the file's as it was read, the flags' before any file is.
        found = attrs.evolve(found, **changes)
    return found


def run_rules(
    plan: Plan,
    config: RuleConfig,
    today: date | None,
    registry: RuleRegistry,
    *,
    name: str,
    streams: Streams,
) -> Report:
    """`validate`, as ``check`` and ``report`` run it: what a rule prints goes to standard
    error (standard output is the command's alone), and a rule that fails (a custom one) is
    an `InputError` of the file *name* it judged."""
    from okrkit.rules import validate

    try:
        with redirect_stdout(streams.stderr):
            return validate(plan, config, today=today, registry=registry)
    except OKRError as error:
        raise InputError(name, problems(error)) from None


def _hint(error: OKRError, registry: RuleRegistry | None) -> list[str]:
    """A line more when a configuration names a code the built-in rules do not have."""
    from okrkit.rules import REGISTRY

    unknown = isinstance(error, InvalidValueError) and "registered rule" in error.expected
    if unknown and registry in (None, REGISTRY):
        return ["(rules of your own run with --rules MODULE:NAME)"]
    return []


def config_files(args: argparse.Namespace, path: str) -> list[str]:
    """The configuration file a command on *path* reads: ``--config``, else the one found."""
    from okrkit.rules import RuleConfig

    if args.config is not None:
        return [args.config]
    found = RuleConfig.locate(_folder(path))
    return [] if found is None else [str(found)]


def _folder(path: str) -> Path:
    """Where the configuration of the plan at *path* is looked for: its folder (stdin: here)."""
    return Path.cwd() if path == "-" else Path(path).parent
