"""How okrkit's modules import one another: no import leads back to the module that makes it.

`lint-imports` checks the contracts in pyproject.toml: the layers, no cycles among the
modules of each package, and private modules kept to their package.  The second compares a
package's modules with one another, never with the package's own ``__init__``, so it misses a
cycle through one: a module of ``okrkit.rules`` importing ``okrkit.rules``, which imports it,
or any module importing ``okrkit`` itself, which imports nearly everything.  This test follows
every import in the graph, those inside functions too, to and from every ``__init__``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    """okrkit's import graph, read as `lint-imports` reads it (pyproject.toml's settings)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    settings = pyproject["tool"]["importlinter"]
    return grimp.build_graph(
        settings["root_package"],
        cache_dir=None,
        exclude_type_checking_imports=settings.get("exclude_type_checking_imports", False),
    )


class TestImportGraph:
    def test_no_cycles(self, graph: grimp.ImportGraph) -> None:
        """No module imports one from which a chain of imports leads back to it."""
        cycles = {
            frozenset(chain): (importer, *chain)
            for importer in graph.modules
            for imported in graph.find_modules_directly_imported_by(importer)
            if (chain := graph.find_shortest_chain(importer=imported, imported=importer))
        }
        assert [] == sorted(cycles.values())

    def test_sees_imports_inside_functions(self, graph: grimp.ImportGraph) -> None:
        """The graph holds an import made inside a function (the command's of the reports)."""
        assert graph.direct_import_exists(
            importer="okrkit.cli", imported="okrkit.report", as_packages=True
        )
