"""What the format tests share about documents as data (dicts, lists and scalars)."""

from __future__ import annotations

from typing import Any


def paths(value: object) -> list[tuple[Any, ...]]:
    """Every path into *value* (keys and indexes), iteratively, not into deep nests.

    The depth cut keeps a mutation from walking into the deep nests an earlier one made.
    """
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[object, tuple[Any, ...]]] = [(value, ())]
    while stack:
        item, where = stack.pop()
        found.append(where)
        if len(where) > 12:
            continue
        if isinstance(item, dict):
            stack.extend((v, (*where, k)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(item))
    return found
