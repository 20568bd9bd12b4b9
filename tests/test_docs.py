"""Every code example in README.md and docs/ runs, and the README agrees with CI.

A page's fenced blocks run in order in one namespace, in a scratch directory that
holds a copy of ``examples/``: ``python`` blocks are executed, ``pycon`` blocks are
checked as doctests (their output must match).  Module docstrings' examples run too.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from packaging.version import Version

import okrkit

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(page: Path) -> list[tuple[str, str, int]]:
    """The fenced code blocks of a page: (language, body, line number)."""
    text = page.read_text(encoding="utf-8")
    return [
        (m["lang"], m["body"], text.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(text)
    ]


def quick_start() -> list[str]:
    """The commands of the README's Quick start section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    fences = [m["body"] for m in FENCE.finditer(section)]
    return [line.strip() for body in fences for line in body.splitlines() if line.strip()]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every python and pycon block on the page runs, and pycon output matches."""
    if (ROOT / "examples").is_dir():
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for lang, body, line in blocks(page):
        name = f"{page.name}:{line}"
        if lang == "python":
            exec(compile(body, name, "exec"), namespace)
        elif lang == "pycon":
            test = parser.get_doctest(body, namespace, name, str(page), line)
            runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # DocTest works on a copy; later blocks see its names
    result = runner.summarize(verbose=False)
    assert 0 == result.failed, f"{result.failed} example(s) failed on {page.name}"


def test_every_page_has_examples_or_is_prose() -> None:
    """No page hides code in an unlabelled fence: examples say python, pycon or a shell."""
    unlabelled = [
        f"{page.relative_to(ROOT)}:{line}"
        for page in PAGES
        for lang, _, line in blocks(page)
        if not lang
    ]
    assert [] == unlabelled


def _modules() -> list[str]:
    return ["okrkit"] + [info.name for info in pkgutil.walk_packages(okrkit.__path__, "okrkit.")]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    """The `>>>` examples in every module's docstrings pass."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS)
    assert 0 == result.failed


def test_docs_build_fences_doctests() -> None:
    """The docs build shows docstring examples as code: each run of `>>>` lines is fenced."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "griffe_doctest", ROOT / "tools" / "griffe_doctest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    pytest.importorskip("griffe")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "Adds.\n\n>>> 1 + 1\n2\n\nDone.\n\n```python\n>>> kept\n```\n>>> last"
    expected = (
        "Adds.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nDone.\n\n```python\n>>> kept\n```\n"
        "```pycon\n>>> last\n```"
    )
    assert expected == module.fence_doctests(text)


class TestQuickStart:
    def test_two_commands(self) -> None:
        """The Quick start has exactly two commands."""
        assert 2 == len(quick_start())

    def test_ci_runs_the_readme_test_command(self) -> None:
        """`.ci/run` runs the README's test command, word for word."""
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert quick_start()[1] in [line.strip() for line in ci.splitlines()]
        assert quick_start()[0] in ci  # and the main job, as a fresh machine runs it

    def test_main_job_uses_a_shipped_example(self) -> None:
        """The first command runs okrkit on a file that is in examples/."""
        files = re.findall(r"examples/[\w./-]+", quick_start()[0])
        assert files
        assert all((ROOT / f).is_file() for f in files)

    def test_main_job_runs(self, tmp_path: Path) -> None:
        """The first command's okrkit part runs on the example and succeeds."""
        import subprocess
        import sys

        job = quick_start()[0].split("&&", 1)[1].split()
        assert ["python", "-m", "okrkit"] == job[:3]
        done = subprocess.run(
            [sys.executable, *job[1:]], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert (0, "") == (done.returncode, done.stderr)
        assert done.stdout.startswith("# OKR report")


class TestReleaseTag:
    """The pre-commit examples pin the tag that a release of this version creates."""

    def release_tag(self) -> str:
        """``v`` and the version without its pre-release or dev part: 0.1.0.dev0 → v0.1.0."""
        with (ROOT / "pyproject.toml").open("rb") as file:
            version = tomllib.load(file)["project"]["version"]
        return "v" + Version(version).base_version

    def test_every_rev_names_the_release_tag(self) -> None:
        """Every ``rev:`` and ``okrkit@`` pin in the docs and the hook file names the tag."""
        files = [*PAGES, ROOT / ".pre-commit-hooks.yaml"]
        pins = [
            (f"{file.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}", m["tag"])
            for file in files
            for text in [file.read_text(encoding="utf-8")]
            for m in re.finditer(r"(?:\brev:\s*|okrkit/okrkit@)(?P<tag>[\w.+-]+)", text)
        ]
        assert pins  # the docs do show how to pin okrkit
        assert [] == [(where, tag) for where, tag in pins if tag != self.release_tag()]
