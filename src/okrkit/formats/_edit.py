"""Adding one check-in to a file people edit, changing nothing else in it.

A bot or a cron job that records a number must not rewrite a file that people keep by hand:
its comments, blank lines, key order, quoting and indentation stay as they were.  So the
check-in is written into the text where it belongs, in the style of the check-ins already
there, and the rest of the text is left byte for byte:

- YAML and JSON: the key result is found by its place in the document (PyYAML's nodes and
  okrkit's own JSON locator give where each value starts and ends), and the check-in is
  inserted after the last one, or a ``check_ins`` list is added to the key result.  A
  round-trip dumper (ruamel.yaml) was tried first: it writes the whole document again with
  its own indentation and rewrote about half the lines of `examples/acme-2026-q3.yaml`.
- TOML: tomlkit, made for this, keeps every other byte of the document.
- Markdown: a ``- 2026-08-01: 4.6`` line under the key result's line (or under its heading),
  after what is nested there.

The new text is then read again, and it must give the plan the file held with exactly that
check-in added; if it does not (an unusual layout the insertion misread), nothing is written
and the error says so.  The write is atomic.
"""

from __future__ import annotations

import json
import re
from typing import Any

from okrkit.errors import FormatError, Problem
from okrkit.formats import _markdown, _toml, _yaml
from okrkit.formats._locate import json_positions
from okrkit.formats._writing import check_in_data
from okrkit.model import CheckIn, Plan

__all__ = ["insert_check_in"]

_INDENT = re.compile(r"[ \t]*")


def _problem(message: str) -> FormatError:
    return FormatError([Problem(path="", message=message)])


def _newline(text: str) -> str:
    """The line end the text uses: ``\\r\\n`` if it has any, else ``\\n``."""
    return "\r\n" if "\r\n" in text else "\n"


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """The offset just past the line end of the line holding *offset* (or the text's end)."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _content_end(text: str, offset: int) -> int:
    """The offset just past the last character before *offset* that is not white space."""
    while offset > 0 and text[offset - 1] in " \t\r\n":
        offset -= 1
    return offset


def _ensure_line_end(text: str, at: int, newline: str) -> tuple[str, int]:
    """*text* with a line end at *at* when it ends there without one (a file with no final
    line end), and where a new line then starts."""
    if at == len(text) and text and not text.endswith("\n"):
        return text + newline, len(text) + len(newline)
    return text, at


# --- YAML -------------------------------------------------------------------------------------


def _yaml_flow(data: dict[str, Any]) -> str:
    """*data* as a one-line YAML flow mapping, as okrkit's YAML writer quotes its scalars."""
    return _yaml.flow(data)


def _yaml_node(text: str, position: tuple[int, int]) -> Any:
    yaml = _yaml.module()
    root = yaml.compose(text, Loader=_yaml.loader(yaml, None, max(len(text), 1)))
    i, j = position

    def field(node: Any, name: str) -> Any:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == name:
                    return value
        raise _problem(f"the key result is not where a plain document keeps it ({name})")

    objectives = field(root, "objectives")
    krs = field(objectives.value[i], "key_results")
    return yaml, krs.value[j]


def _last_end(yaml: Any, node: Any) -> int:
    """Where the text of *node* ends: a block collection's end mark lies past the comments
    and blank lines after it, so it ends where its last value does."""
    while not getattr(node, "flow_style", True) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)


def _insert_yaml(text: str, position: tuple[int, int], data: dict[str, Any]) -> str:
    yaml, kr = _yaml_node(text, position)
    newline = _newline(text)
    item = _yaml_flow(data)
    check_ins = None
    first_key = None
    for key, value in kr.value:
        if isinstance(key, yaml.ScalarNode):
            first_key = first_key or key
            if key.value == "check_ins":
                check_ins = value
            if key.tag == _yaml.MERGE:
                raise _problem("the key result merges fields in (<<): add the check-in by hand")
    if check_ins is not None and not isinstance(check_ins, yaml.SequenceNode):
        raise _problem("the key result's check_ins is not a list")
    if check_ins is not None and check_ins.flow_style:  # check_ins: [...]
        close = check_ins.end_mark.index - 1
        before = _content_end(text, close)
        glue = "" if text[before - 1] == "[" else ", "
        return text[:before] + glue + item + text[before:]
    if check_ins is not None:  # a block list: a new item after the last one, in its style
        last = check_ins.value[-1]
        start = last.start_mark.index
        dash = text.rfind("-", _line_start(text, start), start)
        indent = text[_line_start(text, start) : dash]
        if isinstance(last, yaml.MappingNode) and not last.flow_style:
            # A block mapping, as okrkit's writer makes them: its keys under the first one.
            lines = _yaml.dumps(data).splitlines()
            item_text = f"{indent}- {lines[0]}" + "".join(
                f"{newline}{indent}  {line}" for line in lines[1:]
            )
        else:
            item_text = f"{indent}- {item}"
        at = _line_end(text, _last_end(yaml, last) - 1)
        text, at = _ensure_line_end(text, at, newline)
        return text[:at] + item_text + newline + text[at:]
    if kr.flow_style:  # - {id: churn, title: ...}
        close = kr.end_mark.index - 1
        before = _content_end(text, close)
        return text[:before] + f", check_ins: [{item}]" + text[before:]
    if first_key is None:  # pragma: no cover - a key result has a title
        raise _problem("the key result has no fields")
    indent = " " * first_key.start_mark.column
    at = _line_end(text, _last_end(yaml, kr) - 1)
    text, at = _ensure_line_end(text, at, newline)
    added = f"{indent}check_ins:{newline}{indent}  - {item}{newline}"
    return text[:at] + added + text[at:]


# --- JSON -------------------------------------------------------------------------------------


def _json_value_end(text: str, start: int) -> int:
    _, end = json.JSONDecoder().raw_decode(text, start)
    return end


def _skip(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in " \t\r\n":
        offset += 1
    return offset


def _insert_json(text: str, position: tuple[int, int], data: dict[str, Any]) -> str:
    i, j = position
    offsets = json_positions(text).offsets  # type: ignore[attr-defined]
    path = f"objectives[{i}].key_results[{j}]"
    newline = _newline(text)
    start = _skip(text, offsets[path])
    end = _json_value_end(text, start)
    key = offsets.get(f"{path}.check_ins")
    compact = json.dumps(data, ensure_ascii=False)
    if key is not None:
        colon = text.index(":", _json_value_end(text, key))
        open_ = _skip(text, colon + 1)
        if text[open_] != "[":
            raise _problem("the key result's check_ins is not a list")
        close = _json_value_end(text, open_) - 1
        before = _content_end(text, close)
        if text[before - 1] == "[":  # an empty list
            return text[:before] + compact + text[before:]
        last = offsets[f"{path}.check_ins[{_count(text, open_) - 1}]"]
        last = _skip(text, last)
        indent = _INDENT.match(text, _line_start(text, last))[0]  # type: ignore[index]
        if "\n" not in text[open_:close]:
            return text[:before] + ", " + compact + text[before:]
        body = text[last:before]
        if "\n" in body:  # each check-in an indented object of its own
            step = _step(text, last)
            shown = json.dumps(data, ensure_ascii=False, indent=step)
            shown = shown.replace("\n", newline + indent)
        else:
            shown = compact
        return text[:before] + "," + newline + indent + shown + text[before:]
    close = end - 1
    before = _content_end(text, close)
    if "\n" not in text[start:close]:
        glue = ", " if text[before - 1] != "{" else ""
        return text[:before] + f'{glue}"check_ins": [{compact}]' + text[before:]
    first = _skip(text, start + 1)
    indent = _INDENT.match(text, _line_start(text, first))[0]  # type: ignore[index]
    step = len(indent) - len(_INDENT.match(text, _line_start(text, start))[0])  # type: ignore[index]
    inner = indent + " " * max(step, 1)
    added = f',{newline}{indent}"check_ins": [{newline}{inner}{compact}{newline}{indent}]'
    return text[:before] + added + text[before:]


def _count(text: str, open_: int) -> int:
    """How many items the JSON array opening at *open_* holds."""
    items = json.JSONDecoder().raw_decode(text, open_)[0]
    return len(items)


def _step(text: str, start: int) -> int:
    """The indentation step of the multi-line JSON object opening at *start*."""
    first = _skip(text, start + 1)
    outer = _INDENT.match(text, _line_start(text, start))[0]  # type: ignore[index]
    inner = _INDENT.match(text, _line_start(text, first))[0]  # type: ignore[index]
    return max(len(inner) - len(outer), 1)


# --- TOML -------------------------------------------------------------------------------------


def _insert_toml(text: str, position: tuple[int, int], data: dict[str, Any]) -> str:
    try:
        import tomlkit
    except ImportError:
        raise _problem(
            "adding a check-in to a TOML file needs tomlkit: pip install 'okrkit[edit]'"
        ) from None
    i, j = position
    doc = tomlkit.parse(text)
    kr: Any = doc["objectives"][i]["key_results"][j]
    # The check-in as okrkit's TOML writer writes one: "{ at = 2026-08-01, value = 4.6 }".
    item = tomlkit.parse(f"item = {_toml.inline(data)}")["item"]
    if "check_ins" in kr:
        check_ins = kr["check_ins"]
        if not isinstance(check_ins, tomlkit.items.Array):
            raise _problem("the key result's check_ins is not a list")
        shown = check_ins.as_string()
        if "\n" in shown:  # one check-in a line: another line, indented as the last
            lines = [x for x in shown.splitlines()[1:] if x.strip() not in ("", "]")]
            indent = _INDENT.match(lines[-1])[0] if lines else "  "  # type: ignore[index]
            check_ins.add_line(item, indent=indent)
        else:
            check_ins.append(item)
    else:
        check_ins = tomlkit.array()
        check_ins.add_line(item, indent="  ")
        check_ins.add_line(indent="")
        kr["check_ins"] = check_ins
    return tomlkit.dumps(doc)


# --- Markdown ---------------------------------------------------------------------------------

_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_LIST_ITEM = re.compile(r"[ ]*(?:[-*+]|\d{1,9}[.)])[ ]{1,4}")


def _insert_markdown(text: str, position: tuple[int, int], check_in: CheckIn) -> str:
    i, j = position
    where = _markdown.locate(text)
    line, column = where[f"objectives[{i}].key_results[{j}]"]
    newline = _newline(text)
    lines = text.splitlines(keepends=True)
    own = lines[line - 1]
    heading = _HEADING.match(own) is not None
    last = line - 1  # the index of the last line that belongs to the key result
    marker = _LIST_ITEM.match(own)
    # What is nested under a list item is indented to its content ("1. " takes three).
    content = len(marker[0]) if marker else column - 1
    indent = " " * content
    for n in range(line, len(lines)):
        body = lines[n].strip()
        if not body:
            continue
        depth = len(lines[n]) - len(lines[n].lstrip(" "))
        if heading:
            if _HEADING.match(lines[n]):
                break
        elif depth < content:
            break
        last = n
    for n in range(last, line - 1, -1):  # the check-ins already there give the indent
        if _markdown.is_check_in_line(lines[n]):
            indent = lines[n][: len(lines[n]) - len(lines[n].lstrip(" "))]
            break
    else:
        if heading:
            indent = ""
    added = _markdown.check_in_line(check_in, indent)
    head = "".join(lines[: last + 1])
    if head and not head.endswith("\n"):
        head += newline
    return head + added + newline + "".join(lines[last + 1 :])


# --- All --------------------------------------------------------------------------------------


def insert_check_in(
    text: str, format: str, plan: Plan, position: tuple[int, int], check_in: CheckIn
) -> str:
    """*text*, which holds *plan* in *format*, with *check_in* added to the key result at
    *position* (objective, key result); the rest of the text unchanged."""
    if format == "markdown":
        return _insert_markdown(text, position, check_in)
    data = check_in_data(check_in, native=format in ("yaml", "toml"))
    if format == "yaml":
        return _insert_yaml(text, position, data)
    if format == "json":
        return _insert_json(text, position, data)
    if format == "toml":
        return _insert_toml(text, position, data)
    raise _problem(
        "adding a check-in in place edits JSON, YAML, TOML and Markdown files; a CSV plan"
        " keeps its check-ins in the .check-ins.csv file beside the table: load it, add the"
        " check-in (Plan.check_in) and dump it again"
    )
