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


class TestPresentationAboveValues:
    """The values and the arithmetic never reach the views, not even lazily: a value's
    ``_repr_html_`` goes through `okrkit._repr`, which imports nothing (docs/design.md)."""

    VALUES = ("okrkit.model", "okrkit.cycles", "okrkit.scoring", "okrkit.tree", "okrkit.rules")
    VIEWS = ("okrkit.report", "okrkit.plot", "okrkit.frame", "okrkit._display", "okrkit.cli")

    @pytest.mark.parametrize("low", [*VALUES, "okrkit.scorecards", "okrkit._repr"])
    def test_no_chain_up_to_a_view(self, graph: grimp.ImportGraph, low: str) -> None:
        """No chain of imports, at the top or inside a function, leads to a view."""
        reached = [
            view
            for view in self.VIEWS
            if graph.chain_exists(importer=low, imported=view, as_packages=True)
        ]
        assert [] == reached

    def test_the_seam_imports_nothing_of_okrkit(self, graph: grimp.ImportGraph) -> None:
        """`okrkit._repr` holds the installed view and imports no module of okrkit."""
        assert set() == graph.find_modules_directly_imported_by("okrkit._repr")

    @pytest.mark.parametrize("value", ["okrkit.model", "okrkit.tree", "okrkit.scorecards"])
    def test_values_reach_the_seam(self, graph: grimp.ImportGraph, value: str) -> None:
        """The values that show themselves in notebooks do so through the seam."""
        assert graph.direct_import_exists(importer=value, imported="okrkit._repr")

    def test_the_scorecard_reads_the_tree(self, graph: grimp.ImportGraph) -> None:
        """The scorecard's scores are the tree's: it imports the tree, the views import it."""
        assert graph.direct_import_exists(importer="okrkit.scorecards", imported="okrkit.tree")
        for view in ("okrkit.report", "okrkit.plot", "okrkit.frame"):
            assert graph.direct_import_exists(importer=view, imported="okrkit.scorecards")


def test_no_module_binds_a_name_twice() -> None:
    """No module of okrkit binds a name twice at its top level: a second definition of a
    pattern silently replaces the first for every earlier use (the reader once had two
    ``_EVERY`` patterns, and the later one answered for both)."""
    import ast

    twice = []
    for path in sorted((ROOT / "src" / "okrkit").rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                targets: list[ast.expr] = [ast.Name(node.name)]
            elif isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets = [node.target]
            else:
                continue
            for target in targets:
                names = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
                for name in names:
                    if isinstance(name, ast.Name):
                        if name.id in seen:
                            twice.append(f"{path.relative_to(ROOT)}: {name.id}")
                        seen.add(name.id)
    assert not twice
