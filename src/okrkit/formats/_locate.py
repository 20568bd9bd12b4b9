"""Where each place of a JSON, YAML or TOML document is: a second, position-keeping pass.

Reading a document keeps no positions (`loads` stays as fast as it was); when a problem or a
finding is to be shown, the text is read again here, once, into the line and column of every
place by its path in the plan (``objectives[0].key_results[1].target``): an object or a list
item where it starts, a field where its key is.  The paths are those `okrkit.formats` names
in its errors, without the leading ``$.``.  The text has been read already, so it is known to
be valid; each pass is iterative (no recursion) and linear in the text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from okrkit._tomlread import TOKENS
from okrkit.formats import _yaml
from okrkit.formats._reading import field_path

__all__ = ["json_positions", "toml_positions", "yaml_positions"]

Positions = dict[str, tuple[int, int]]


class _Lines:
    """Line and column (1-based) of an offset in a text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_SPACE = re.compile(r"[ \t\n\r]*")


class _Offsets(Mapping[str, tuple[int, int]]):
    """Places kept as offsets into the text, each made a line and column when asked for.

    An offset may point at the spaces before its value: they are skipped when it is asked for.
    """

    def __init__(self, text: str, offsets: dict[str, int]) -> None:
        self.text = text
        self.offsets = offsets
        self.lines: _Lines | None = None

    def __getitem__(self, path: str) -> tuple[int, int]:
        offset = _SPACE.match(self.text, self.offsets[path]).end()  # type: ignore[union-attr]
        if self.lines is None:
            self.lines = _Lines(self.text)
        return self.lines(offset)

    def __iter__(self) -> Iterator[str]:
        return iter(self.offsets)

    def __len__(self) -> int:
        return len(self.offsets)


# The tokens of JSON that place things: strings (keys among them) and punctuation.  Numbers,
# true, false and null between them are skipped: their place is where the token before ends.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]')


def json_positions(text: str) -> Mapping[str, tuple[int, int]]:
    """The place of every value (and every field's key) of a valid JSON document."""
    found: dict[str, int] = {"": 0}
    # The containers open around the place being read: [is an object, its path, items seen].
    stack: list[list[Any]] = []
    path = ""  # the path of the value to come
    key = False  # whether the next string is an object's key
    setdefault = found.setdefault
    for token in _JSON_TOKENS.finditer(text):
        char = token[0][0]
        if char == '"':
            if key:
                name = token[0][1:-1]
                if "\\" in name:
                    name = json.loads(token[0])
                path = field_path(stack[-1][1], name)
                setdefault(path, token.start())
                key = False
            else:
                setdefault(path, token.start())
        elif char in "{[":
            setdefault(path, token.start())
            stack.append([char == "{", path, 0])
            key = char == "{"
            if not key:
                path = f"{path}[0]"
                setdefault(path, token.end())
        elif char == ",":
            top = stack[-1]
            if top[0]:
                key = True
            else:
                top[2] += 1
                path = f"{top[1]}[{top[2]}]"
                setdefault(path, token.end())
        elif char in "}]":
            stack.pop()
    return _Offsets(text, found)


def yaml_positions(text: str, max_depth: int | None = None) -> Positions:
    """The place of every value (and every field's key) of a valid YAML document."""
    yaml = _yaml.module()
    loader = _yaml.loader(yaml, max_depth, max(len(text), 1))
    try:
        root = yaml.compose(text, Loader=loader)
    except RecursionError:  # nested deeper than PyYAML's composer recurses (max_depth=None)
        return {}
    found: Positions = {}
    stack: list[tuple[Any, str]] = [] if root is None else [(root, "")]
    while stack:
        node, path = stack.pop()
        mark = node.start_mark
        found.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            merged: list[Any] = []
            for key, value in node.value:
                if key.tag == _yaml.MERGE:  # the fields merged in, where they are written
                    merged += value.value if isinstance(value, yaml.SequenceNode) else [value]
                    continue
                if isinstance(key, yaml.ScalarNode):
                    field = field_path(path, key.value)
                    found.setdefault(field, (key.start_mark.line + 1, key.start_mark.column + 1))
                    stack.append((value, field))
            # A field written in the mapping itself is placed first (it wins over a merged one).
            for source in merged:
                if isinstance(source, yaml.MappingNode):
                    for key, value in source.value:
                        if isinstance(key, yaml.ScalarNode) and key.tag != _yaml.MERGE:
                            field = field_path(path, key.value)
                            mark = key.start_mark
                            found.setdefault(field, (mark.line + 1, mark.column + 1))
                            stack.append((value, field))
    return found


_HEADER = re.compile(r"\[(\[?)\s*(?P<name>(?:\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|[^\]\"'\n])+?)\s*\]")
_KEY_PART = re.compile(r"\"(?P<double>(?:[^\"\\]|\\.)*)\"|'(?P<single>[^']*)'|(?P<bare>[^.\s]+)")


def _key_parts(key: str) -> list[str]:
    """The parts of a TOML key (``a."b.c".d`` -> a, b.c, d), their quotes taken off."""
    parts = []
    for part in _KEY_PART.finditer(key):
        if part["double"] is not None:
            parts.append(_basic_string(part["double"]))
        else:
            parts.append(part["single"] if part["single"] is not None else part["bare"])
    return parts


def _basic_string(inner: str) -> str:
    """What a TOML basic string's text between its quotes says (its escapes read)."""
    try:
        said: str = json.loads(f'"{inner}"')
    except ValueError:  # an escape JSON has not (\\UXXXXXXXX): shown as written
        return inner
    return said


def toml_positions(text: str) -> Positions:
    """The place of every table, key and inline-table item of a valid TOML document."""
    at = _Lines(text)
    found: Positions = {}
    arrays: dict[str, int] = {}  # how many tables each array of tables has so far
    latest: dict[str, str] = {}  # each array of tables' latest table, by the array's path
    table = ""
    # The arrays and inline tables open in the current value: [char, path, items seen].
    stack: list[list[Any]] = []
    statement: str | None = None  # the path of the value being read; None in a key
    pending = ""  # the path of the field whose value is next, in an inline table
    separator = 0  # where the current key of an inline table starts
    line_start = 0
    skip = False  # the rest of a header's line
    for token in TOKENS.finditer(text):
        value, start = token[0], token.start()
        char = value[0]
        if char == "\n":
            line_start = token.end()
            if not stack:
                skip, statement = False, None
            continue
        if char in "\"'#":
            if "\n" in value:  # a multi-line string
                line_start = start + value.rfind("\n") + 1
            continue
        if skip:
            continue
        if not stack and statement is None:
            if char == "[" and not text[line_start:start].strip():
                header = _HEADER.match(text, start)
                if header is None:  # pragma: no cover - the text is valid TOML
                    continue
                table = _table(_key_parts(header["name"]), bool(header[1]), arrays, latest)
                found.setdefault(table, at(start))
                skip = True
            elif char == "=":
                key = text[line_start:start]
                statement = _join(table, _key_parts(key))
                found.setdefault(statement, at(line_start + len(key) - len(key.lstrip())))
            continue
        if char in "[{":
            if not stack:
                path = statement or ""
            elif stack[-1][0] == "[":
                path = f"{stack[-1][1]}[{stack[-1][2]}]"
                stack[-1][2] += 1
                found.setdefault(path, at(start))
            else:
                path = pending
            stack.append([char, path, 0])
            separator = token.end()
        elif char in "]}":  # a header's are skipped above: these close a value's
            stack.pop()
        elif char == ",":
            separator = token.end()
        elif char == "=" and stack and stack[-1][0] == "{":
            key = text[separator:start]
            pending = _join(stack[-1][1], _key_parts(key))
            found.setdefault(pending, at(separator + len(key) - len(key.lstrip())))
    return found


def _join(path: str, parts: list[str]) -> str:
    for part in parts:
        path = field_path(path, part)
    return path


def _table(parts: list[str], array: bool, arrays: dict[str, int], latest: dict[str, str]) -> str:
    """The path of the table a header names: ``[[objectives.key_results]]`` is the next key
    result of the latest objective."""
    path = ""
    for part in parts[:-1]:
        path = field_path(path, part)
        path = latest.get(path, path)
    path = field_path(path, parts[-1])  # a header names at least one part
    if not array:
        return path
    n = arrays.get(path, 0)
    arrays[path] = n + 1
    latest[path] = item = f"{path}[{n}]"
    return item
