"""TOML: `okrkit._tomlread` to read, and a small writer for the document's shape.

The writer knows only what a document holds: strings, ints, floats, dates and datetimes,
lists of scalars, small tables (a cycle with its fiscal settings), and lists of tables.
Objectives, key results, KPIs and history are written as arrays of tables
(``[[objectives.key_results]]``); check-ins as one inline table a line.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from okrkit._tomlread import loads

__all__ = ["MARK", "dumps", "inline", "loads", "says_okrs"]

MARK = re.compile(r"^(?:[\"']?(?:okrkit|objectives)[\"']?[ \t]*=|\[\[objectives\]\])", re.M)
"""What says a TOML text holds OKRs: an ``okrkit`` or ``objectives`` key at its root (before
any table: see `says_okrs`), or an ``[[objectives]]`` table."""

_TABLE = re.compile(r"^[ \t]*\[", re.M)


def says_okrs(text: str) -> bool:
    """Whether the TOML *text* says it holds OKRs: `MARK` at its root, before any table opens
    (an ``okrkit = "^1.0"`` under ``[tool.poetry.dependencies]`` says nothing), or an
    ``[[objectives]]`` table."""
    table = _TABLE.search(text)
    root = text if table is None else text[: table.start()]
    return MARK.search(root) is not None or "[[objectives]]" in text


_TABLES = frozenset({"objectives", "key_results", "kpis", "history", "initiatives"})
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_SPECIAL = re.compile(r'["\\\x00-\x1f\x7f]')


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _string(s: str) -> str:
    return '"' + _SPECIAL.sub(_escape, s) + '"'


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):  # pragma: no cover - documents hold no booleans
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):  # a datetime too: isoformat is TOML's offset date-time
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_value, value)) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")  # pragma: no cover


def inline(value: object) -> str:
    """*value* as TOML writes it on one line: ``{ at = 2026-08-01, value = 4.6 }``."""
    return _value(value)


def _table(data: dict[str, Any], path: str, out: list[str]) -> None:
    tables = []
    for key, value in data.items():
        # An initiative's key_results is a list of ids, not of tables.
        if key in _TABLES and isinstance(value, list) and all(type(x) is dict for x in value):
            tables.append((key, value))
        elif key == "check_ins":
            out.append(f"{_key(key)} = [")
            out.extend(f"  {_value(item)}," for item in value)
            out.append("]")
        else:
            out.append(f"{_key(key)} = {_value(value)}")
    for key, items in tables:
        header = f"{path}.{_key(key)}" if path else _key(key)
        for item in items:
            out.append("")
            out.append(f"[[{header}]]")
            _table(item, header, out)


def dumps(data: dict[str, Any]) -> str:
    """*data* as TOML text."""
    out: list[str] = []
    _table(data, "", out)
    return "\n".join(out) + "\n"
