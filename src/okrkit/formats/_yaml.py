"""YAML: PyYAML's safe loader and dumper only (the ``yaml`` extra), with bounded aliases.

An alias (``*name``) may stand only for what a merge key takes (``<<: *defaults``, or
``<<: [*a, *b]``), and merging may make no more entries than the document has characters:
elsewhere a few lines of aliases can expand into billions of nodes, so they are refused.
Collections nested deeper than ``max_depth`` are refused as they are read, before PyYAML
(which recurses) builds them.
Dates and datetimes are written as YAML timestamps (``2026-07-01``), short lists of scalars
in flow style (``[40, 60]``), everything else in block style, keys in schema order.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from okrkit.errors import FormatError, Problem, parser_problem, safe_repr

__all__ = ["MARK", "MERGE", "dumps", "flow", "loader", "loads", "module"]

MARK = re.compile(r"^[\"']?(?:okrkit|objectives)[\"']?[ \t]*:", re.M)
"""What says a YAML text holds OKRs: an ``okrkit`` or ``objectives`` key at its root."""

_BREAKS = frozenset("\x85\u2028\u2029")
MERGE = "tag:yaml.org,2002:merge"


def module() -> Any:
    """PyYAML, or a FormatError saying how to install it."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML is a test dependency
        message = "reading or writing YAML needs PyYAML: pip install 'okrkit[yaml]'"
        raise FormatError([Problem(path="$", message=message)]) from None
    return yaml


def loader(yaml: Any, max_depth: int | None, max_merged: int) -> Any:
    composer_error = yaml.composer.ComposerError
    collection_start = (yaml.SequenceStartEvent, yaml.MappingStartEvent)

    def is_merge_key(index: object) -> bool:
        return isinstance(index, yaml.ScalarNode) and index.tag == MERGE

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        """PyYAML's safe loader: aliases only for merge keys, bounded depth, no duplicate keys."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.merged = 0
            # Whether each node being composed is the value of a merge key, innermost last:
            # the items of a list under ``<<`` may be aliases too.
            self.merging: list[bool] = []

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                in_merge_list = isinstance(parent, yaml.SequenceNode) and self.merging[-1]
                if not (is_merge_key(index) or in_merge_list):
                    mark = self.peek_event().start_mark
                    # The message of before merge keys were read: the docs say where they may go.
                    problem = "aliases (*name) are not allowed in okrkit documents"
                    raise composer_error(None, None, problem, mark)
                return super().compose_node(parent, index)
            nested = self.check_event(*collection_start)
            if nested:
                self.depth += 1
                if max_depth is not None and self.depth > max_depth:
                    mark = self.peek_event().start_mark
                    raise composer_error(
                        None,
                        None,
                        f"nested deeper than the limit of {max_depth} levels (max_depth)",
                        mark,
                    )
            self.merging.append(is_merge_key(index))
            node = super().compose_node(parent, index)
            self.merging.pop()
            self.depth -= nested
            return node

        def compose_mapping_node(self, anchor: Any) -> Any:
            node = super().compose_mapping_node(anchor)
            # PyYAML keeps the last of two equal keys; a document that says a field twice has
            # lost one of its values, so it is refused.  Checked here, on the keys as written,
            # before merge keys add theirs.
            seen: set[object] = set()
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # PyYAML refuses a list or mapping as a key itself
                key = "<<" if key_node.tag == MERGE else self.construct_object(key_node)
                if key in seen:
                    raise composer_error(
                        None, None, f"duplicate key {safe_repr(key)}", key_node.start_mark
                    )
                seen.add(key)
            return node

        def flatten_mapping(self, node: Any) -> None:
            # Count what merging copies before PyYAML copies it: the entries of each mapping
            # merged in, so that many merges of one large mapping cannot expand without bound.
            for key_node, value_node in node.value:
                if key_node.tag != MERGE:
                    continue
                sources = (
                    value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                )
                for source in sources:
                    if isinstance(source, yaml.MappingNode):
                        self.flatten_mapping(source)
                        self.merged += len(source.value)
                if self.merged > max_merged:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"merge keys (<<) expand to more than {max_merged:,} entries,"
                        " as many as the document has characters",
                        key_node.start_mark,
                    )
            super().flatten_mapping(node)

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                text = self.construct_scalar(node)
                try:
                    date.fromisoformat(text[:10])
                except ValueError:  # 2026-02-30: text, for the reader to say where it is
                    return text
                raise

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def loads(text: str, max_depth: int | None = None) -> Any:
    """The data of a YAML document; a FormatError naming the line and column if it is not YAML.

    Collections nested deeper than *max_depth* are refused before PyYAML builds them.
    """
    yaml = module()
    try:
        return yaml.load(text, Loader=loader(yaml, max_depth, max(len(text), 1)))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if mark is None:
            raise FormatError.invalid("YAML", error.problem) from None
        raise FormatError.invalid(
            "YAML", error.problem, line=mark.line + 1, column=mark.column + 1
        ) from None
    except yaml.YAMLError as error:
        raise FormatError.invalid("YAML", str(error)) from None
    except RecursionError:
        raise FormatError.invalid("YAML", "nested too deeply to read") from None
    except (ValueError, OverflowError) as error:  # a huge integer, a float out of range
        raise FormatError.invalid("YAML", parser_problem(error)) from None


def _dumper(yaml: Any) -> Any:
    class Dumper(yaml.SafeDumper):  # type: ignore[misc]
        """PyYAML's safe dumper, with short lists of scalars in flow style."""

        def ignore_aliases(self, data: Any) -> bool:
            # The loader refuses aliases, so shared values (one list held twice) are repeated.
            return True

    def represent_list(dumper: Any, data: list[Any]) -> Any:
        flow = all(not isinstance(x, dict | list) for x in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    def represent_str(dumper: Any, data: str) -> Any:
        # PyYAML writes these line breaks raw outside double quotes, and reads them back folded.
        style = '"' if _BREAKS.intersection(data) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(list, represent_list)
    Dumper.add_representer(str, represent_str)
    return Dumper


def flow(data: Any) -> str:
    """*data* as one line of YAML in flow style (``{at: 2026-08-01, value: 4.6}``)."""
    return _dump(data, flow=True).rstrip("\n").removesuffix("...").rstrip()


def dumps(data: Any) -> str:
    """*data* as YAML text, in block style with keys in schema order."""
    return _dump(data, flow=False)


def _dump(data: Any, *, flow: bool) -> str:
    """*data* by okrkit's dumper: in flow style on one line, or in block style."""
    yaml = module()
    text: str = yaml.dump(
        data,
        Dumper=_dumper(yaml),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=flow,
        width=float("inf") if flow else 100,
    )
    return text
