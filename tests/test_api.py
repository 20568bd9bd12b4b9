"""The public surface: `__all__`, the version, docstrings, and what `import okrkit` loads."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import pkgutil
import subprocess
import sys
import types

import pytest

import okrkit


def _public_modules() -> list[types.ModuleType]:
    modules = [okrkit]
    for info in pkgutil.walk_packages(okrkit.__path__, "okrkit."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


class TestAll:
    def test_all_names_exist(self) -> None:
        """Every name in `__all__` is an attribute of the package."""
        missing = [name for name in okrkit.__all__ if not hasattr(okrkit, name)]
        assert [] == missing

    def test_all_lists_every_public_name(self) -> None:
        """Every public, non-module attribute of the package is listed in `__all__`."""
        public = {
            name
            for name, value in vars(okrkit).items()
            if not name.startswith("_") and not isinstance(value, types.ModuleType)
        }
        assert set() == public - set(okrkit.__all__)

    def test_all_has_no_duplicates(self) -> None:
        """`__all__` names each export once."""
        assert len(set(okrkit.__all__)) == len(okrkit.__all__)

    @pytest.mark.parametrize("module", _public_modules(), ids=lambda m: m.__name__)
    def test_module_all_matches(self, module: types.ModuleType) -> None:
        """Each public module's `__all__` names only what it defines or re-exports."""
        names = getattr(module, "__all__", [])
        assert [] == [name for name in names if not hasattr(module, name)]


class TestLazySubmodules:
    def test_text_loads_on_first_use(self) -> None:
        """`okrkit.text` is importable as an attribute without being loaded by `import okrkit`."""
        assert "parse_key_result" in dir(okrkit.text)

    def test_unknown_attribute(self) -> None:
        """An unknown attribute is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            okrkit.nope  # noqa: B018


class TestVersion:
    def test_version_from_metadata(self) -> None:
        """`__version__` is the installed distribution's version."""
        assert importlib.metadata.version("okrkit") == okrkit.__version__


def _public_callables() -> list[str]:
    """Every public class, function and method of every public module, by dotted name."""
    names: set[str] = set()
    for module in _public_modules():
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if not (inspect.isclass(value) or inspect.isfunction(value)):
                continue
            names.add(f"{value.__module__}.{value.__qualname__}")
            if inspect.isclass(value) and not issubclass(value, BaseException):
                for attr, member in vars(value).items():
                    if attr.startswith("_") or not (
                        inspect.isfunction(member) or isinstance(member, classmethod | property)
                    ):
                        continue
                    names.add(f"{value.__module__}.{value.__qualname__}.{attr}")
    return sorted(names)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            value: object = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for part in parts[i:]:
            value = vars(value)[part] if inspect.isclass(value) else getattr(value, part)
        return value
    raise AssertionError(dotted)  # pragma: no cover


class TestDocstrings:
    @pytest.mark.parametrize("name", _public_callables())
    def test_public_name_has_docstring(self, name: str) -> None:
        """Every public class, function and method says what it is in its first line."""
        value = _resolve(name)
        if isinstance(value, classmethod):
            value = value.__func__
        doc = value.__doc__ if isinstance(value, property) else inspect.getdoc(value)
        assert (doc or "").strip(), f"{name} has no docstring"


class TestImportCost:
    def test_import_is_light(self) -> None:
        """`import okrkit` loads none of the optional extras nor hypothesis."""
        code = (
            "import sys, okrkit; "
            "heavy = {'hypothesis', 'yaml', 'pandas', 'matplotlib', 'numpy', 'jsonschema',"
            " 'okrkit.text'}; "
            "print(sorted(heavy & set(sys.modules)))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert "[]" == out.strip()
