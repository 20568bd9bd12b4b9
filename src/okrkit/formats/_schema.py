"""The JSON Schema (draft 2020-12) of the document, generated from the model's attrs fields.

Each field's annotation (`FIELD_TYPES`, which the reader reads by too) names its schema
(``Number | None`` is a number or a decimal string, or null); a field without a default is
required.  A new field in the model with a type this table does not know fails loudly here,
so the schema cannot fall behind the types.
"""

from __future__ import annotations

from typing import Any

from okrkit.formats._document import DECIMAL, FIELD_TYPES, REQUIRED
from okrkit.formats._versions import CURRENT
from okrkit.model import (
    CheckIn,
    Commitment,
    Direction,
    Indicator,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Objective,
    PastScore,
    Plan,
)

__all__ = ["json_schema"]

_ID = "urn:okrkit:schema:1"
_NUMBER = {
    "oneOf": [
        {"type": "number"},
        {"type": "string", "pattern": f"^{DECIMAL}$"},
    ],
    "description": "A number; a string of digits is a Decimal, kept exactly.",
}
_WHEN = {
    "type": "string",
    "pattern": (
        r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
        r"(?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?$"
    ),
    "description": "An ISO 8601 date, or a date and time with its UTC offset.",
}
_LABEL = {
    "type": "string",
    "description": "A cycle label: 2026, 2026-H1, 2026-Q3, 2026-07, 2026-W31, FY2027, "
    "FY2027-H1, FY2027-Q2, or a custom span 2026-07-01..2026-09-15.",
}


def _enum(kind: type[Any]) -> dict[str, Any]:
    return {"type": "string", "enum": [m.value for m in kind]}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


_TYPES: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "Number": _ref("Number"),
    "When": _ref("When"),
    "Target": {"oneOf": [_ref("Number"), {**_list(_ref("Number")), "minItems": 2, "maxItems": 2}]},
    "Direction": _enum(Direction),
    "Indicator": _enum(Indicator),
    "Commitment": _enum(Commitment),
    "InitiativeStatus": _enum(InitiativeStatus),
    "Ids": {**_list({"type": "string", "minLength": 1}), "description": "Key result ids."},
    "Cycle": _ref("Cycle"),
    "int": {"type": "integer"},
    "tuple[str, ...]": _list({"type": "string"}),
    "tuple[CheckIn, ...]": _list(_ref("CheckIn")),
    "tuple[KeyResult, ...]": _list(_ref("KeyResult")),
    "tuple[Objective, ...]": _list(_ref("Objective")),
    "tuple[Kpi, ...]": _list(_ref("Kpi")),
    "tuple[PastScore, ...]": _list(_ref("PastScore")),
    "tuple[Initiative, ...]": _list(_ref("Initiative")),
}


def _field(annotation: str) -> dict[str, Any]:
    optional = annotation.endswith(" | None")
    schema = _TYPES[annotation.removesuffix(" | None")]
    return {"oneOf": [schema, {"type": "null"}]} if optional else schema


def _object(kind: type[Any], doc: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": doc,
        "properties": {name: _field(t) for name, t in FIELD_TYPES[kind].items()},
        "additionalProperties": False,
    }
    if REQUIRED[kind]:
        schema["required"] = list(REQUIRED[kind])
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an okrkit document, version 1, as a dict.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> sorted(schema["$defs"])[:4]
    ['CheckIn', 'Cycle', 'Initiative', 'KeyResult']
    """
    root = _object(Plan, "An okrkit document: objectives, KPIs, past scores and initiatives.")
    root["properties"] = {
        "okrkit": {"const": CURRENT, "description": "The schema version."},
        "fiscal_year_start": {
            "type": "integer",
            "minimum": 1,
            "maximum": 12,
            "description": "The month fiscal years start in, for FY cycle labels (default 1).",
        },
        "fiscal_year_named_by": {
            "enum": ["end", "start"],
            "description": "Which calendar year names a fiscal year (default 'end').",
        },
        **root["properties"],
    }
    root["required"] = ["okrkit"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "okrkit document",
        **root,
        "$defs": {
            "CheckIn": _object(CheckIn, "One reading of a metric."),
            "Cycle": {
                "oneOf": [
                    _LABEL,
                    {
                        "type": "object",
                        "description": "A fiscal cycle whose settings differ from the document's.",
                        "properties": {
                            "label": _LABEL,
                            "fiscal_year_start": {"type": "integer", "minimum": 1, "maximum": 12},
                            "fiscal_year_named_by": {"enum": ["end", "start"]},
                        },
                        "required": ["label"],
                        "additionalProperties": False,
                    },
                ]
            },
            "Initiative": _object(
                Initiative, "Work planned to move key results: an output, never scored."
            ),
            "KeyResult": _object(KeyResult, "A measurable outcome and its check-ins."),
            "Kpi": _object(Kpi, "A health metric tracked beside the OKRs."),
            "Number": _NUMBER,
            "Objective": _object(Objective, "A qualitative goal and its key results."),
            "PastScore": _object(PastScore, "A final score from a past cycle."),
            "When": _WHEN,
        },
    }
