"""JSON: the standard library's parser (refusing duplicate keys) and writer."""

from __future__ import annotations

import json
from typing import Any

from okrkit.errors import FormatError, safe_repr

__all__ = ["dumps", "loads"]


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


def loads(text: str) -> Any:
    """The data of a JSON document; a FormatError naming the line and column if it is not JSON."""
    # The standard library's parser, not orjson: orjson keeps the last of two equal keys
    # without a word, and a document that says a field twice has lost one of its values.
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as error:
        raise FormatError([f"$: invalid JSON: duplicate key {safe_repr(error.args[0])}"]) from None
    except json.JSONDecodeError as error:
        raise FormatError(
            [f"$: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from None
    except RecursionError:
        raise FormatError(["$: invalid JSON: nested too deeply to read"]) from None
    except ValueError as error:  # an integer of more than 4300 digits
        raise FormatError([f"$: invalid JSON: {error}"]) from None


def dumps(data: Any) -> str:
    """*data* as JSON text: two-space indents, UTF-8 characters kept, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
