"""The rule configuration a command on a file uses, and the file it comes from.

``okrkit check`` and ``okrkit report`` judge a plan by ``--config``, else by the configuration
nearest the plan (``pyproject.toml``'s ``[tool.okrkit]`` or an ``okrkit.toml``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from okrkit.cli._io import InputError, problems
from okrkit.errors import OKRError

if TYPE_CHECKING:
    import argparse

    from okrkit.rules import RuleConfig

__all__ = ["config_files", "rule_config"]


def rule_config(args: argparse.Namespace, path: str, cache: dict[Path, RuleConfig]) -> RuleConfig:
    """The rule configuration for *path*: ``--config``, else the nearest one, with the flags."""
    from okrkit.rules import RuleConfig

    if args.config is not None:
        where = Path(args.config)
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.from_pyproject(where)
            except OKRError as error:
                # The complaint names the file, so its problems do not say it again.
                raise InputError(args.config, problems(error, file=str(where))) from None
    else:
        where = _folder(path).resolve()
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.discover(where)
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
