"""Reading TOML from untrusted text: the shape checked before `tomllib` parses it.

Both plan documents (`okrkit.formats`) and rule configuration (`okrkit.rules`) are TOML
that okrkit may be handed by a stranger (a pull request can add an ``okrkit.toml``), so
both read it here, below either of them.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from okrkit.errors import FormatError, parser_problem

__all__ = ["TOKENS", "check_shape", "loads"]


# The tokens the pre-scan needs: strings and comments (skipped whole, as their dots and
# brackets are not structure), and the characters that are.  Every string pattern matches
# even when the string is not closed (to its line's or the text's end), so that the scan never
# goes back over the text: it is linear.
TOKENS = re.compile(
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
    return FormatError.invalid("TOML", problem, line=line, column=column)


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
    for token in TOKENS.finditer(text):
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


# Where tomllib says its problem is, at the end of its message (Python 3.11 to 3.13 have no
# attributes for it).
_AT = re.compile(r"(.*) \(at line (\d+), column (\d+)\)", re.DOTALL)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _decode_error(text: str, message: str) -> FormatError:
    """tomllib's error, at its line and column; an impossible date (``2026-02-30``) named."""
    at = _AT.fullmatch(message)
    if at is None:
        return FormatError.invalid("TOML", message)
    problem, line, column = at[1], int(at[2]), int(at[3])
    lines = text.split("\n")
    found = _DATE.match(lines[line - 1], column - 1) if line <= len(lines) else None
    if found is not None:
        problem = f"impossible date {found[0]!r}"
    return FormatError.invalid("TOML", problem, line=line, column=column)


def loads(text: str, max_depth: int | None = None) -> Any:
    """The data of a TOML document; a FormatError naming the line and column if it is not TOML.

    A document with a key of more parts than *max_depth*, or nested deeper, is refused first.
    """
    check_shape(text, max_depth)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _decode_error(text, str(error)) from None
    except RecursionError:  # nested arrays, read with max_depth=None
        raise FormatError.invalid("TOML", "nested too deeply to read") from None
    except (ValueError, OverflowError) as error:  # a huge integer, a float out of range
        raise FormatError.invalid("TOML", parser_problem(error)) from None
