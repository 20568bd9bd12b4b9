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
- TOML: tomlkit, made for this, adds the check-in; what else it writes its own way (a
  table header's spaces, line ends) is put back as the file had it (`_graft`).
- Markdown: a ``- 2026-08-01: 4.6`` line under the key result's line (or under its heading),
  after what is nested there.

The new text is then read again, and it must give the plan the file held with exactly that
check-in added; if it does not (an unusual layout the insertion misread), nothing is written
and the error says so.  The write is atomic.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import datetime
from typing import Any

from okrkit.errors import FormatError, Problem
from okrkit.formats import _markdown, _toml, _yaml
from okrkit.formats._locate import json_positions
from okrkit.formats._writing import check_in_data
from okrkit.model import CheckIn

__all__ = ["Where", "insert_check_in", "path_of"]

Where = tuple[str | int, ...]
"""Where the key result or KPI is in the document: ``("objectives", 0, "key_results", 1)``,
``("kpis", 2)``."""

_INDENT = re.compile(r"[ \t]*")


def path_of(where: Where) -> str:
    """*where* as a path of the plan: ``objectives[0].key_results[1]``."""
    return ".".join(f"{name}[{index}]" for name, index in zip(where[::2], where[1::2], strict=True))


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


_STAND_IN = "okrkit-moment"


def _yaml_flow(data: dict[str, Any], text: str) -> str:
    """*data* as a one-line YAML flow mapping, quoted as the file quotes: PyYAML quotes a
    date and time in flow style with a tag (``!!timestamp '2026-08-03 09:30:00+02:00'``), so
    it is written as the plain timestamp ``2026-08-03T09:30:00+02:00``; and a string it puts
    in single quotes goes in double quotes when the file's check-ins are written so."""
    moment = data.get("at")
    timed = isinstance(moment, datetime)
    item = _yaml.flow({**data, "at": _STAND_IN} if timed else data)
    if timed:
        item = item.replace(_STAND_IN, moment.isoformat(), 1)  # type: ignore[union-attr]
    if text.count(': "') > text.count(": '"):
        item = _SINGLE.sub(lambda m: f'"{m[1]}"', item)
    return item


# A single-quoted scalar with nothing a double-quoted one would read otherwise.
_SINGLE = re.compile(r"'([^'\"\\\x00-\x1f]*)'")


def _yaml_node(text: str, where: Where) -> Any:
    yaml = _yaml.module()
    node = yaml.compose(text, Loader=_yaml.loader(yaml, None, max(len(text), 1)))
    for name, index in zip(where[::2], where[1::2], strict=True):
        found = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == name:
                    found = value
        if not isinstance(found, yaml.SequenceNode):
            raise _problem(f"{name} is not where a plain document keeps it: add it by hand")
        node = found.value[index]
    return yaml, node


def _glue(text: str, before: int, opening: str) -> str:
    """What goes before an item added at *before* in a flow collection: nothing after its
    opening bracket, a space after a trailing comma, else a comma."""
    last = text[before - 1]
    return "" if last == opening else " " if last == "," else ", "


def _last_end(yaml: Any, node: Any) -> int:
    """Where the text of *node* ends: a block collection's end mark lies past the comments
    and blank lines after it, so it ends where its last value does."""
    while not getattr(node, "flow_style", True) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)


def _insert_yaml(text: str, where: Where, data: dict[str, Any]) -> str:
    yaml, kr = _yaml_node(text, where)
    newline = _newline(text)
    item = _yaml_flow(data, text)
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
        return text[:before] + _glue(text, before, "[") + item + text[before:]
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
        return text[:before] + _glue(text, before, "{") + f"check_ins: [{item}]" + text[before:]
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


def _insert_json(text: str, where: Where, data: dict[str, Any]) -> str:
    offsets = json_positions(text).offsets  # type: ignore[attr-defined]
    path = path_of(where)
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


def _insert_toml(text: str, where: Where, data: dict[str, Any]) -> str:
    try:
        import tomlkit
    except ImportError:
        raise _problem(
            "adding a check-in to a TOML file needs tomlkit: pip install 'okrkit[edit]'"
        ) from None
    doc = tomlkit.parse(text)
    kr: Any = doc
    for step in where:
        kr = kr[step]
    # The check-in as okrkit's TOML writer writes one: "{ at = 2026-08-01, value = 4.6 }".
    item = tomlkit.parse(f"item = {_toml.inline(data)}")["item"]
    if "check_ins" in kr and isinstance(kr["check_ins"], tomlkit.items.AoT):
        table = tomlkit.table()
        table.update(data)
        kr["check_ins"].append(table)  # [[...check_ins]] tables: one more
    elif "check_ins" in kr:
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
    return _graft(text, tomlkit.dumps(doc), _newline(text))


def _graft(old: str, new: str, newline: str) -> str:
    """*old* with only the lines *new* adds: tomlkit also writes some of what it did not
    change in its own way (spaces in a table's header, line ends), which is put back.

    The lines of *new* that are not in *old* are taken, with the file's own line ends; every
    line of *old* stays as it was.
    """
    # Lines end at "\n" only: TOML strings may hold U+0085 or U+2028, which splitlines()
    # would take for line ends.
    before = old.split("\n")
    before = [line + "\n" for line in before[:-1]] + ([before[-1]] if before[-1] else [])
    after = [line + "\n" for line in new.split("\n")[:-1]]
    plain_before = [line.rstrip("\r\n") for line in before]
    plain_after = [line.rstrip("\r\n") for line in after]
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=plain_before, b=plain_after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in {"equal", "delete"}:
            out += before[i1:i2]
            continue
        if op == "replace" and _same_tokens(plain_before[i1:i2], plain_after[j1:j2]):
            out += before[i1:i2]  # rewritten alike: "[[ a.b ]]" as "[[a.b ]]"
            continue
        if op == "replace":
            out += before[i1:i2]
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += newline
        out += [line + newline for line in plain_after[j1:j2] if line.strip()]
    return "".join(out)


def _same_tokens(a: list[str], b: list[str]) -> bool:
    """Whether two runs of lines say the same but for spaces (a header tomlkit respaced)."""
    return len(a) == len(b) and all(
        "".join(x.split()) == "".join(y.split()) for x, y in zip(a, b, strict=True)
    )


# --- Markdown ---------------------------------------------------------------------------------

_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_LIST_ITEM = re.compile(r"[ ]*(?:[-*+]|\d{1,9}[.)])[ ]{1,4}")


def _depth(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _insert_markdown(text: str, where: Where, check_in: CheckIn) -> str:
    line, column = _markdown.locate(text)[path_of(where)]
    newline = _newline(text)
    lines = text.splitlines(keepends=True)
    plain = [x.rstrip("\r\n") for x in lines]
    own = plain[line - 1]
    heading = _HEADING.match(own) is not None
    marker = _LIST_ITEM.match(own)
    # What is nested under a list item is indented to its content ("1. " takes three).
    content = len(marker[0]) if marker else column - 1
    last = line - 1  # the last line that belongs to the key result
    checked = None  # the last of its check-ins
    for n in range(line, len(lines)):
        if not plain[n].strip():
            continue
        if heading and _HEADING.match(plain[n]):
            break
        if not heading and _depth(plain[n]) < content:
            break
        last = n
        if _markdown.is_check_in_line(plain[n]):
            checked = n
    if checked is not None:  # after the check-ins there, indented as the last of them
        at = checked
        indent = plain[checked][: len(plain[checked]) - len(plain[checked].lstrip(" \t"))]
    elif heading:  # under the heading, before what else its section says
        at, indent = line - 1, ""
    else:
        at, indent = last, " " * content
    added = _markdown.check_in_line(check_in, indent)
    head = "".join(lines[: at + 1])
    if head and not head.endswith("\n"):
        head += newline
    return head + added + newline + "".join(lines[at + 1 :])


# --- All --------------------------------------------------------------------------------------


def insert_check_in(text: str, format: str, where: Where, check_in: CheckIn) -> str:
    """*text*, a document in *format*, with *check_in* added to the key result or KPI at
    *where*; the rest of the text unchanged."""
    if format == "markdown":
        return _insert_markdown(text, where, check_in)
    data = check_in_data(check_in, native=format in ("yaml", "toml"))
    if format == "yaml":
        return _insert_yaml(text, where, data)
    if format == "json":
        return _insert_json(text, where, data)
    if format == "toml":
        return _insert_toml(text, where, data)
    raise _problem(
        "check-ins are added in place to YAML, TOML, JSON and Markdown files; a CSV plan"
        " keeps them in the .check-ins.csv file beside its table: add a row there"
        " (kr_id,at,value,confidence,note,author), or keep the plan in one of those formats"
    )
