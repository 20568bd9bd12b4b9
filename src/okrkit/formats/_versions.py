"""The document schema's versions, and the one place where an older document is migrated.

A document names its schema version at the root (``okrkit: 1``).  When version 2 comes, its
reader stays the only reader, and `migrate` gains one step that rewrites a version-1 dict
into a version-2 dict, so every format (JSON, YAML, TOML) upgrades old files the same way.
"""

from __future__ import annotations

from typing import Any

from okrkit.errors import FormatError, Problem

__all__ = ["CURRENT", "SUPPORTED", "migrate"]

CURRENT = 1
"""The version okrkit writes."""

SUPPORTED = (1,)
"""The versions okrkit reads."""

# version -> a function that rewrites a document of that version into the next version.
# Version 2 will add ``1: _v1_to_v2`` here.
_STEPS: dict[int, Any] = {}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """*data* rewritten to the current version; a FormatError for a version okrkit cannot read.

    >>> migrate({"okrkit": 1})
    {'okrkit': 1}
    >>> migrate({"okrkit": 7})
    Traceback (most recent call last):
    ...
    okrkit.errors.FormatError: $.okrkit: expected a supported schema version (1), got 7
    """
    if "okrkit" not in data:
        message = "missing required field (the schema version, 1; write `okrkit: 1`)"
        raise FormatError([Problem(path="$.okrkit", message=message)])
    version = data["okrkit"]
    if type(version) is not int or version not in SUPPORTED:
        supported = ", ".join(map(str, SUPPORTED))
        expected = f"a supported schema version ({supported})"
        raise FormatError([Problem.unexpected("$.okrkit", version, expected)])
    while version != CURRENT:  # pragma: no cover - there is only version 1 so far
        data = _STEPS[version](data)
        version = data["okrkit"]
    return data
