"""YAML: PyYAML's safe loader and dumper only (the ``yaml`` extra), and no aliases.

Aliases (``*name``) are refused: a few lines of them can expand into billions of nodes.
Dates and datetimes are written as YAML timestamps (``2026-07-01``), short lists of scalars
in flow style (``[40, 60]``), everything else in block style, keys in schema order.
"""

from __future__ import annotations

from typing import Any

from okrkit.errors import FormatError, safe_repr

__all__ = ["dumps", "loads"]

_BREAKS = frozenset("\x85\u2028\u2029")


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML is a test dependency
        raise FormatError(
            ["$: reading or writing YAML needs PyYAML: pip install 'okrkit[yaml]'"]
        ) from None
    return yaml


def _loader(yaml: Any) -> Any:
    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        """PyYAML's safe loader, refusing aliases."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in okrkit documents", mark
                )
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            # PyYAML keeps the last of two equal keys; a document that says a field twice has
            # lost one of its values, so it is refused.
            seen: set[object] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, str | int | float | bool) or key is None:
                    if key in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {safe_repr(key)}", key_node.start_mark
                        )
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return Loader


def loads(text: str) -> Any:
    """The data of a YAML document; a FormatError naming the line and column if it is not YAML."""
    yaml = _yaml()
    try:
        return yaml.load(text, Loader=_loader(yaml))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise FormatError([f"$: invalid YAML{where}: {error.problem}"]) from None
    except yaml.YAMLError as error:
        raise FormatError([f"$: invalid YAML: {error}"]) from None
    except RecursionError:
        raise FormatError(["$: invalid YAML: nested too deeply to read"]) from None
    except ValueError as error:  # an integer of more than 4300 digits, a bad timestamp
        raise FormatError([f"$: invalid YAML: {error}"]) from None


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


def dumps(data: Any) -> str:
    """*data* as YAML text, in block style with keys in schema order."""
    yaml = _yaml()
    text: str = yaml.dump(
        data,
        Dumper=_dumper(yaml),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text
