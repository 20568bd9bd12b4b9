"""TOML: `tomllib` to read, and a small writer for the document's shape.

The writer knows only what a document holds: strings, ints, floats, dates and datetimes,
lists of scalars, small tables (a cycle with its fiscal settings), and lists of tables.
Objectives, key results, KPIs and history are written as arrays of tables
(``[[objectives.key_results]]``); check-ins as one inline table a line.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from typing import Any

from okrkit.errors import FormatError

__all__ = ["dumps", "loads"]

_TABLES = frozenset({"objectives", "key_results", "kpis", "history"})
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


# The tokens the pre-scan needs: strings and comments (skipped whole, as their dots and
# brackets are not structure), and the characters that are.  Every string pattern matches
# even when the string is not closed (to its line's or the text's end), so that the scan never
# goes back over the text: it is linear.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]?|"(?!""))*(?:"""|\Z)'
    r"|'''[\s\S]*?(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|[\[\]{}=,.\n]"
)


def _refuse(text: str, at: int, problem: str) -> FormatError:
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return FormatError([f"$: invalid TOML at line {line}, column {column}: {problem}"])


def check_shape(text: str, limit: int | None) -> None:
    """Refuse TOML text whose keys have more than *limit* parts, or nested deeper, unparsed.

    `tomllib` takes time and memory quadratic in a dotted key's parts (``a.a.a...``, or a
    ``[a.a...]`` header), so such a document is refused before it reaches the parser.
    """
    if limit is None:
        return
    stack: list[str] = []  # the arrays and inline tables open in the current value
    key = True  # reading a key: at a line's start, or after "{" or "," in an inline table
    parts = 1
    for token in _TOKENS.finditer(text):
        char = token[0][0]
        if char == "." and key:
            parts += 1
            if parts > limit:
                problem = f"a key of more parts than the limit of {limit} (max_depth)"
                raise _refuse(text, token.start(), problem)
        elif char == "\n":
            if not stack:
                key, parts = True, 1
        elif char == "=":
            key = False
        elif char in "[{" and not key:
            stack.append(char)
            if len(stack) > limit:
                problem = f"nested deeper than the limit of {limit} levels (max_depth)"
                raise _refuse(text, token.start(), problem)
            key, parts = char == "{", 1
        elif char in "]}" and stack:
            stack.pop()
        elif char == "," and stack and stack[-1] == "{":
            key, parts = True, 1


def loads(text: str, max_depth: int | None = None) -> Any:
    """The data of a TOML document; a FormatError naming the line and column if it is not TOML.

    A document with a key of more parts than *max_depth*, or nested deeper, is refused first.
    """
    check_shape(text, max_depth)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FormatError([f"$: invalid TOML: {error}"]) from None
    except RecursionError:  # pragma: no cover - tomllib reads nested arrays iteratively enough
        raise FormatError(["$: invalid TOML: nested too deeply to read"]) from None
    except ValueError as error:  # an integer of more than 4300 digits
        raise FormatError([f"$: invalid TOML: {error}"]) from None


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


def _table(data: dict[str, Any], path: str, out: list[str]) -> None:
    tables = []
    for key, value in data.items():
        if key in _TABLES and isinstance(value, list):
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
