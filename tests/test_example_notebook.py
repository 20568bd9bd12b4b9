"""examples/okrs.ipynb runs on a real Jupyter kernel, and shows what it says it shows.

The notebook is executed once for the module, with nbclient, on an ipykernel kernel started
from this interpreter (``sys.executable``), in a copy of ``examples/`` under pytest's
temporary directory, so nothing is written into the repository.  Its cells are found by the
tag in their metadata (``"tags": ["scorecard"]``), not by position.  nbclient, nbformat and
ipykernel are in the ``test`` extra: without them these tests fail, saying so; they do not
skip.
"""

from __future__ import annotations

import base64
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "okrs.ipynb"
# The cell the test appends to the executed copy: which interpreter the kernel runs on.
INTERPRETER = "interpreter"


def _jupyter() -> tuple[Any, Any, Any]:
    """nbclient, nbformat and ipykernel's kernelspec module; a clear failure without them."""
    try:
        import nbclient
        import nbformat
        from ipykernel import kernelspec
    except ImportError as error:
        pytest.fail(
            f"running examples/okrs.ipynb needs nbclient, nbformat and ipykernel ({error}): "
            'install the test extra, python -m pip install -e ".[test]"'
        )
    return nbclient, nbformat, kernelspec


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The notebook's code cells after a run on a python3 kernel, by tag."""
    nbclient, nbformat, kernelspec = _jupyter()
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    scratch = tmp_path_factory.mktemp("notebook")
    examples = scratch / "examples"
    shutil.copytree(ROOT / "examples", examples)
    # A python3 kernelspec of our own, first on JUPYTER_PATH: the kernel is this interpreter,
    # whatever kernels the machine or the user have installed.  IPython's and Jupyter's own
    # files (history, connection files) go to the scratch directory too.
    jupyter = scratch / "jupyter"
    kernelspec.write_kernel_spec(jupyter / "kernels" / "python3")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(jupyter))
        patch.setenv("JUPYTER_RUNTIME_DIR", str(scratch / "runtime"))
        patch.setenv("IPYTHONDIR", str(scratch / "ipython"))
        try:
            spec = KernelSpecManager().get_kernel_spec("python3")
        except NoSuchKernel as error:
            pytest.fail(
                f"Jupyter finds no python3 kernel, although ipykernel is installed: {error}"
            )
        assert sys.executable == spec.argv[0], "the python3 kernel is not this interpreter"
        notebook = nbformat.read(examples / "okrs.ipynb", as_version=4)
        probe = nbformat.v4.new_code_cell("import sys\n\nprint(sys.executable)", id=INTERPRETER)
        probe.metadata["tags"] = [INTERPRETER]
        notebook.cells.append(probe)
        client = nbclient.NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(examples)}},
        )
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as error:
            pytest.fail(f"examples/okrs.ipynb failed on a kernel:\n{error}")
    return {
        tag: cell
        for cell in notebook.cells
        if cell.cell_type == "code"
        for tag in cell.metadata.get("tags", [])
    }


def results(cell: Any) -> list[dict[str, Any]]:
    """The data of a cell's execute_result and display_data outputs, in order."""
    return [
        dict(output["data"])
        for output in cell.outputs
        if output.output_type in ("execute_result", "display_data")
    ]


def last_value(cell: Any) -> dict[str, Any]:
    """The data of the cell's execute_result: what its last expression showed."""
    values = [dict(o["data"]) for o in cell.outputs if o.output_type == "execute_result"]
    assert 1 == len(values), f"cell {cell.id} shows {len(values)} values, not one"
    return values[0]


class TestStoredNotebook:
    """The notebook in the repository is valid nbformat 4, stored without outputs."""

    def test_valid_and_clean(self) -> None:
        """It validates, and no code cell holds an output or an execution count."""
        _, nbformat, _ = _jupyter()
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        nbformat.validate(notebook)
        assert 4 == notebook.nbformat
        assert "python3" == notebook.metadata.kernelspec.name
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert [] == [cell.id for cell in code if cell.outputs or cell.execution_count]

    def test_every_code_cell_has_its_own_tag(self) -> None:
        """The tests find cells by tag: each code cell has one, no two the same."""
        _, nbformat, _ = _jupyter()
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        tags = [
            tuple(cell.metadata.get("tags", []))
            for cell in notebook.cells
            if cell.cell_type == "code"
        ]
        assert all(len(cell_tags) == 1 for cell_tags in tags), tags
        assert len(tags) == len(set(tags))


class TestExecutedNotebook:
    """Every cell runs on the kernel; the rich views are okrkit's HTML, the plots are PNGs."""

    def test_no_errors_nor_warnings(self, executed: dict[str, Any]) -> None:
        """Every code cell ran, none raised, and none wrote to stderr (a warning would)."""
        assert all(cell.execution_count for cell in executed.values())
        problems = [
            (tag, output.get("ename") or output.get("text"))
            for tag, cell in executed.items()
            for output in cell.outputs
            if output.output_type == "error"
            or (output.output_type == "stream" and output.name == "stderr")
        ]
        assert [] == problems

    def test_the_kernel_is_this_interpreter(self, executed: dict[str, Any]) -> None:
        """The kernel ran on sys.executable, so it imports the okrkit under test."""
        (output,) = executed[INTERPRETER].outputs
        assert sys.executable == output.text.strip()

    @pytest.mark.parametrize(
        ("tag", "expected"),
        [
            ("scorecard", "6 objectives, as of 2026-08-31"),
            ("scorecard", "Build a pipeline that makes the number predictable"),
            ("key-result", "Grow ARR from $8.2M to $10M"),
            ("tree", "grow-revenue"),
            ("tree", "integrations-solid"),
            ("validate", "OKR602"),
            ("validate", "sales-cycle"),
        ],
    )
    def test_rich_views(self, executed: dict[str, Any], tag: str, expected: str) -> None:
        """The cell's last expression shows as okrkit's HTML, with what it is about."""
        html = last_value(executed[tag])["text/html"]
        assert 'class="okrkit"' in html
        assert expected in html

    @pytest.mark.parametrize("tag", ["plot-scores", "plot-progress"])
    def test_plots(self, executed: dict[str, Any], tag: str) -> None:
        """Each plot cell shows one figure, as a PNG image."""
        images = [data["image/png"] for data in results(executed[tag]) if "image/png" in data]
        assert 1 == len(images)
        assert base64.b64decode(images[0]).startswith(b"\x89PNG\r\n\x1a\n")

    @pytest.mark.parametrize(
        ("tag", "expected"),
        [
            ("row", "Status.AT_RISK"),
            ("row", "Grade(label='missed', color='red')"),
            ("weighted", "0.60"),
            ("required-value", "9460000.0"),
            ("check-in", "0.75"),
        ],
    )
    def test_plain_values(self, executed: dict[str, Any], tag: str, expected: str) -> None:
        """The values the notebook's prose talks about are the ones it shows."""
        assert expected in last_value(executed[tag])["text/plain"]
