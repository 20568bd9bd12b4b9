"""Public names written in a package's private modules, made the package's own."""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping

__all__ = ["adopt"]


def adopt(package: str, namespace: Mapping[str, object], names: Iterable[str]) -> None:
    """Make each class and function of *names* in *namespace* (a package's), and each class's
    methods, name *package* where a private module of it wrote them.

    Pickles then refer to ``okrkit.scoring.Policy``, not to the private module it is written
    in, so they survive the modules being rearranged; reprs show ``okrkit.scoring.linear``;
    and help() and the doctests find them in the package.
    """
    private = f"{package}._"
    for name in names:
        value = namespace[name]
        if isinstance(value, type):
            members = [value, *vars(value).values()]
        elif isinstance(value, types.FunctionType):
            members = [value]
        else:
            continue
        for member in members:
            found = getattr(member, "__func__", member)  # a classmethod's or staticmethod's
            if isinstance(found, type | types.FunctionType) and found.__module__.startswith(
                private
            ):
                found.__module__ = package
