"""The rules a command on a file runs, their configuration, and the file it comes from.

``okrkit check`` and ``okrkit report`` run the rules of ``--rules MODULE:NAME`` (by default
the built-in ones) and judge a plan by ``--config``, else by the configuration nearest the plan
(``pyproject.toml``'s ``[tool.okrkit]`` or an ``okrkit.toml``).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from okrkit.cli._io import InputError, problems
from okrkit.errors import OKRError, exception_text, safe_repr

if TYPE_CHECKING:
    import argparse

    from okrkit.rules import RuleConfig, RuleRegistry

__all__ = ["config_files", "rule_config", "rule_registry"]


def rule_registry(args: argparse.Namespace) -> RuleRegistry:
    """The rules to run: the `RuleRegistry` that ``--rules MODULE:NAME`` names, else the
    built-in `REGISTRY`.

    *MODULE* is a module's dotted name, imported as Python imports it with the current
    directory searched first (as ``python -m`` does), or the path of a ``.py`` file; *NAME*
    is a registry in it.  (There is no default name: a module that imports ``REGISTRY`` from
    `okrkit.rules` to copy it holds the built-in one too.)  Importing runs the module's code:
    only the command line names one, never a file the command reads.
    """
    from okrkit.rules import REGISTRY, RuleRegistry

    spec: str | None = getattr(args, "rules", None)
    if spec is None:
        return REGISTRY
    module_name, _, name = spec.rpartition(":")
    is_file = module_name.endswith(".py")
    if not (
        name.isidentifier() and (is_file or all(map(str.isidentifier, module_name.split("."))))
    ):
        expected = (
            "MODULE:NAME, a module (or a .py file) and the RuleRegistry in it, such as"
            " acme_rules:RULES"
        )
        raise InputError("--rules", [f"expected {expected}, got {spec!r}"])
    try:
        module = _import_file(module_name) if is_file else _import(module_name)
    except Exception as error:  # the module's own code may raise anything
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
    return registry


def _import(name: str) -> ModuleType:
    """The module *name*, looked for in the current directory first."""
    here = os.getcwd()
    sys.path.insert(0, here)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(here)


def _import_file(path: str) -> ModuleType:
    """The module in the file at *path*, run once as a module of its own."""
    name = f"okrkit_rules_{Path(path).stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py path always has one
        raise ImportError(f"no module can be loaded from {path!r}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # as an import would: dataclasses and pickling look it up
    try:
        spec.loader.exec_module(module)
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
                raise InputError(args.config, problems(error, file=str(where))) from None
    else:
        where = _folder(path).resolve()
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.discover(where, registry=registry)
            except OKRError as error:
                raise InputError(path, [f"configuration: {p}" for p in problems(error)]) from None
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    if select is not None or ignore:
        changes: dict[str, Any] = {"ignore": (*found.ignore, *(ignore or ()))}
        if select is not None:
            changes["select"] = select
        # Both halves are checked: the file's as it was read, the flags' before any file is.
        found = attrs.evolve(found, **changes)
    return found


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
