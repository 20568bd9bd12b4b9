"""The document's shape, which the reader and the JSON Schema share, and the options of a read.

The fields of each object a document holds are the model's own (`attrs.fields`): a field
added to a type is read and described with no change here.  The writer names each field it
writes, as it leaves each one's default out in its own way.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from okrkit.errors import InvalidValueError
from okrkit.model import CheckIn, Initiative, KeyResult, Kpi, Objective, PastScore, Plan

__all__ = [
    "CYCLE_FIELDS",
    "DECIMAL",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SIZE",
    "FIELDS",
    "FIELD_TYPES",
    "REQUIRED",
    "ROOT_SETTINGS",
    "Dates",
    "Options",
    "Unknown",
]

Unknown: TypeAlias = Literal["error", "warn", "ignore"]
"""What to do with a field the schema does not know: refuse the document, or warn, or skip it."""

Dates: TypeAlias = Literal["strict", "lenient"]
"""How to read dates: strict ISO 8601 only, or anything python-dateutil understands."""

DEFAULT_MAX_DEPTH = 64
"""The deepest nesting of lists and objects a document may have, by default."""

DEFAULT_MAX_SIZE = 100_000_000
"""The largest document (in characters, or bytes for bytes) read by default: about 100 MB."""

_UNKNOWN = ("error", "warn", "ignore")
_DATES = ("strict", "lenient")


@attrs.frozen(kw_only=True)
class Options:
    """How to read a document: unknown fields, dates, limits."""

    unknown: Unknown = "error"
    dates: Dates = "strict"
    max_depth: int | None = DEFAULT_MAX_DEPTH
    max_size: int | None = DEFAULT_MAX_SIZE

    def check(self) -> None:
        """Raise an okrkit error for an option out of its choices."""
        if self.unknown not in _UNKNOWN:
            raise InvalidValueError("unknown", self.unknown, "one of 'error', 'warn', 'ignore'")
        if self.dates not in _DATES:
            raise InvalidValueError("dates", self.dates, "one of 'strict', 'lenient'")
        for name in ("max_depth", "max_size"):
            limit = getattr(self, name)
            if limit is not None and (type(limit) is not int or limit < 1):
                raise InvalidValueError(name, limit, "a whole number >= 1, or None for no limit")


DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
"""How a document spells a number as a string of digits, read as a Decimal (a regex)."""

ROOT_SETTINGS = ("okrkit", "fiscal_year_start", "fiscal_year_named_by")
"""The fields at a document's root that are settings of the document, not of the plan."""

CYCLE_FIELDS = frozenset({"label", "fiscal_year_start", "fiscal_year_named_by"})
"""The fields of a cycle written as an object: its label, and fiscal settings of its own."""


def _field_types(kind: type[Any]) -> dict[str, str]:
    # The fields the constructor takes, with their raw annotations ("Number | None"): other
    # code may have resolved `field.type` to real types.
    return {f.name: kind.__annotations__[f.name] for f in attrs.fields(kind) if f.init}


FIELD_TYPES: dict[type, dict[str, str]] = {
    kind: _field_types(kind)
    for kind in (CheckIn, KeyResult, Objective, Kpi, PastScore, Initiative, Plan)
}
"""Each object's fields, in the model's order, with their annotations as written."""

FIELDS: dict[type, frozenset[str]] = {
    kind: frozenset(types).union(ROOT_SETTINGS if kind is Plan else ())
    for kind, types in FIELD_TYPES.items()
}
"""The names each object of a document may hold."""

REQUIRED: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in attrs.fields(kind) if f.init and f.default is attrs.NOTHING)
    for kind in FIELD_TYPES
}
"""The names each object of a document must hold: the fields without a default, in order."""
