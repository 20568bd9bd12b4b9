"""JSON: the standard library's parser (refusing duplicate keys) and writer."""

from __future__ import annotations

import json
import re
from typing import Any

from okrkit.errors import FormatError, parser_problem, safe_repr

__all__ = ["MARK", "dumps", "loads"]

MARK = re.compile(r'"(?:okrkit|objectives)"\s*:')
"""What says a JSON text holds OKRs: an ``okrkit`` or ``objectives`` key."""


class _DuplicateKeyError(Exception):
    """A JSON object names one key twice (the standard parser would keep the last)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - a duplicate is always found
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


# What is left of JSON text for the depth estimate: quotes, to find strings by, and brackets,
# every opening one made "(" and every closing one ")" (the exact scan below ignores kinds too).
_NOT_STRUCTURE = bytes(range(256)).translate(None, b'"[]{}')
_TO_PARENS = bytes.maketrans(b"[{]}", b"(())")
_QUOTED = re.compile(rb'"[^"]*"')
# A string's closing quote is optional, so that an unclosed one still matches (to its line's
# end) and the scan never goes back over the text: it stays linear.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def _estimate(text: str, limit: int) -> int:
    """At least the deepest nesting of *text*, or more than *limit*; at C speed, in linear time.

    The standard library's parser recurses, so a deep document must be refused before it:
    strings are dropped, then matched pairs of brackets are peeled off, one level a pass.
    """
    data = text.encode("utf-8", "surrogatepass")
    if b"\\" in data:
        # Escaped backslashes, then escaped quotes, go first, so that every quote left opens
        # or closes a string.
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    data = data.translate(_TO_PARENS, _NOT_STRUCTURE)
    if data.count(b"(") <= limit:  # a small document
        return 0
    # Two quotes side by side are an empty string, or the end of one and the start of the
    # next with nothing between: either way dropping them leaves every bracket where it was,
    # in a string or not.  What quotes are left enclose brackets, and go with them.
    data = data.replace(b'""', b"")
    if b'"' in data:
        data = _QUOTED.sub(b"", data)
    depth = 0
    while data and depth <= limit:
        peeled = data.replace(b"()", b"")  # one pass: pairs it makes wait for the next
        if len(peeled) == len(data):
            break  # no pair left: not JSON, and the parser will say so, unless it is too deep
        data, depth = peeled, depth + 1
    return depth + data.count(b"(")


def check_depth(text: str, limit: int | None) -> None:
    """Refuse JSON text nested deeper than *limit*, naming the line, before it is parsed."""
    if limit is None or _estimate(text, limit) <= limit:
        return
    depth = 0
    for token in _TOKEN.finditer(text):
        bracket = token[0]
        if bracket in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - text.rfind("\n", 0, token.start())
                problem = f"nested deeper than the limit of {limit} levels (max_depth)"
                raise FormatError.invalid("JSON", problem, line=line, column=column)
        elif bracket in "]}":
            depth -= 1


def loads(text: str, max_depth: int | None = None) -> Any:
    """The data of a JSON document; a FormatError naming the line and column if it is not JSON.

    A document nested deeper than *max_depth* is refused before it is parsed.
    """
    check_depth(text, max_depth)
    # The standard library's parser, not orjson: orjson keeps the last of two equal keys
    # without a word, and a document that says a field twice has lost one of its values.
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as error:
        raise FormatError.invalid("JSON", f"duplicate key {safe_repr(error.args[0])}") from None
    except json.JSONDecodeError as error:
        raise FormatError.invalid(
            "JSON", error.msg, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise FormatError.invalid("JSON", "nested too deeply to read") from None
    except (ValueError, OverflowError) as error:  # a huge integer, a float out of range
        raise FormatError.invalid("JSON", parser_problem(error)) from None


def dumps(data: Any) -> str:
    """*data* as JSON text: two-space indents, UTF-8 characters kept, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
