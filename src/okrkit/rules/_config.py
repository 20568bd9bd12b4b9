"""`RuleConfig`: which rules run, how severe they are and their options; read from TOML files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from okrkit._files import read_bytes
from okrkit._tomlread import loads as toml_loads
from okrkit._validators import to_enum
from okrkit.errors import FormatError, InvalidTypeError, InvalidValueError, Problem
from okrkit.rules._findings import Severity
from okrkit.rules._registry import REGISTRY, RuleRegistry

_KEYS = ("select", "ignore", "severity", "options")
# A configuration is a few lines; the bound keeps a wrong path to a huge file cheap.
_MAX_SIZE = 10_000_000  # bytes
# A pyproject.toml may hold other tools' tables too, but none nests anywhere near this: the
# bound refuses a key of thousands of dotted parts before the parser (quadratic in them) runs.
_MAX_DEPTH = 64


def _selectors(path: str) -> Any:
    def convert(value: object) -> tuple[str, ...]:
        if isinstance(value, str):  # a lone code is a common slip
            value = [value]
        if not isinstance(value, list | tuple):
            raise InvalidTypeError(path, value, "a list of rule codes or prefixes")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise InvalidTypeError(f"{path}[{i}]", item, "a rule code or prefix such as 'OKR2'")
        return tuple(s.strip() for s in value)

    return convert


_to_ignore = _selectors("ignore")


def _ignore(value: object) -> tuple[str, ...]:
    result: tuple[str, ...] = _to_ignore(value)
    return result


def _select(value: object) -> tuple[str, ...] | None:
    return None if value is None else _selectors("select")(value)


def _severities(value: object) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("severity", value, "a table of rule code -> severity")
    return {
        str(code): to_enum(Severity, f"severity.{code}")(severity)
        for code, severity in value.items()
    }


def _options(value: object) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("options", value, "a table of rule code -> table of options")
    result: dict[str, dict[str, Any]] = {}
    for code, given in value.items():
        if not isinstance(given, Mapping):
            raise InvalidTypeError(f"options.{code}", given, "a table of option -> value")
        result[str(code)] = {str(k): v for k, v in given.items()}
    return result


def _longest(code: str, selectors: tuple[str, ...]) -> int:
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


@attrs.frozen(kw_only=True, eq=True, hash=False)
class RuleConfig:
    """Which rules run, at what severity, with what options; like a linter's configuration.

    *select* and *ignore* take codes or prefixes (``"OKR2"``); the most specific one that
    matches a code decides, ignore winning a tie, and without *select* every rule is
    selected.  *severity* overrides a rule's severity by code or prefix; *options* tunes a
    rule (``{"OKR101": {"min": 2, "max": 4}}``).

    >>> config = RuleConfig(select=["OKR2"], ignore=["OKR203"], severity={"OKR206": "info"})
    >>> config.enabled("OKR201"), config.enabled("OKR203"), config.enabled("OKR101")
    (True, False, False)
    >>> config.severity_of("OKR206", Severity.WARNING)
    <Severity.INFO: 'info'>
    """

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_select)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignore)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities)
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_options)

    def enabled(self, code: str) -> bool:
        """Whether the rule *code* runs under this configuration."""
        chosen = _longest(code, ("",) if self.select is None else self.select)
        return chosen >= 0 and chosen > _longest(code, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity the rule *code* reports at: the most specific override, else *default*."""
        best, chosen = -1, default
        for selector, severity in self.severity.items():
            if code.startswith(selector) and len(selector) > best:
                best, chosen = len(selector), severity
        return chosen

    @classmethod
    def from_mapping(
        cls, data: object, *, where: str = "", registry: RuleRegistry | None = None
    ) -> RuleConfig:
        """The configuration a table holds (``select``, ``ignore``, ``severity``, ``options``).

        An unknown key, or a code or option no rule of *registry* (`REGISTRY` by default)
        knows, raises an okrkit error naming the key under *where* (``tool.okrkit``).

        >>> RuleConfig.from_mapping({"options": {"OKR101": {"max": 4}}}).options
        {'OKR101': {'max': 4}}
        >>> RuleConfig.from_mapping({"slect": ["OKR1"]}, where="tool.okrkit")
        Traceback (most recent call last):
        ...
        okrkit.errors.InvalidValueError: tool.okrkit.slect: expected one of 'select', \
'ignore', 'severity', 'options', got 'slect'
        """
        prefix = f"{where}." if where else ""
        if not isinstance(data, Mapping):
            raise InvalidTypeError(where, data, "a table of rule settings")
        for key in data:
            if key not in _KEYS:
                raise InvalidValueError(
                    f"{prefix}{key}", key, "one of " + ", ".join(map(repr, _KEYS))
                )
        try:
            config = cls(**{str(k): v for k, v in data.items()})
            (REGISTRY if registry is None else registry).check(config)
        except (InvalidTypeError, InvalidValueError) as error:
            raise error.under(where) from None
        return config

    @classmethod
    def from_pyproject(
        cls, path: str | os.PathLike[str], *, registry: RuleRegistry | None = None
    ) -> RuleConfig:
        """Read ``[tool.okrkit]`` from a ``pyproject.toml``, or the top level of an ``okrkit.toml``.

        A file named ``pyproject.toml`` without a ``[tool.okrkit]`` table gives the defaults.
        A file of another name with a ``[tool.okrkit]`` table, and no settings of its own at
        the top level, is read as a ``pyproject.toml`` too (``--config ci/pyproject.ci.toml``);
        without one it is read as an ``okrkit.toml``, whose keys are the settings.  A file
        that is not TOML raises `okrkit.FormatError`; a bad setting an okrkit error naming its
        key (``tool.okrkit.options.OKR101.max``).
        """
        file = Path(path)
        data = _toml(file)
        tool = data.get("tool")
        table = tool.get("okrkit") if isinstance(tool, dict) else None
        if file.name == "pyproject.toml" or (table is not None and not data.keys() & _KEYS):
            found = {} if table is None else table
            return cls.from_mapping(found, where="tool.okrkit", registry=registry)
        return cls.from_mapping(data, registry=registry)

    @classmethod
    def discover(
        cls, start_dir: str | os.PathLike[str] = ".", *, registry: RuleRegistry | None = None
    ) -> RuleConfig:
        """The configuration nearest *start_dir*, walking up: its `okrkit.toml`, else the
        ``[tool.okrkit]`` table of its ``pyproject.toml``; the defaults when there is none.
        """
        found = cls.locate(start_dir)
        return cls() if found is None else cls.from_pyproject(found, registry=registry)

    @staticmethod
    def locate(start_dir: str | os.PathLike[str] = ".") -> Path | None:
        """The file `discover` reads for *start_dir*: the nearest ``okrkit.toml``, or
        ``pyproject.toml`` with a ``[tool.okrkit]`` table, walking up; None when there is none.

        A command that writes a file can refuse to write over the configuration it read.
        """
        here = Path(start_dir).resolve()
        for folder in (here, *here.parents):
            own = folder / "okrkit.toml"
            if own.is_file():
                return own
            project = folder / "pyproject.toml"
            if project.is_file() and _has_table(project):
                return project
        return None


def _toml(file: Path) -> dict[str, Any]:
    """The TOML document in *file* (a regular file, bounded); `FormatError` naming it if bad."""
    try:
        text = read_bytes(file, max_size=_MAX_SIZE).decode("utf-8")
        data: dict[str, Any] = toml_loads(text, max_depth=_MAX_DEPTH)
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise FormatError([Problem(file=str(file), message=message)]) from None
    except FormatError as error:  # over the limit, or not TOML: said of the file, not of "$"
        raise FormatError(
            [
                attrs.evolve(
                    p,
                    file=str(file),
                    path="",
                    message=p.message.replace("invalid TOML", "not valid TOML"),
                )
                for p in error.details
            ]
        ) from None
    except UnicodeDecodeError as error:
        message = f"not valid TOML: {error}"
        raise FormatError([Problem(file=str(file), message=message)]) from None
    return data


def _has_table(project: Path) -> bool:
    """Whether a pyproject.toml holds ``[tool.okrkit]``; an unreadable one is read to fail."""
    try:
        data = _toml(project)
    except FormatError:
        return True  # let from_pyproject say what is wrong with it
    tool = data.get("tool")
    return isinstance(tool, dict) and "okrkit" in tool
