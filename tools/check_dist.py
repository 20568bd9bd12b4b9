"""Check what `python -m build` made: the wheel and the sdist hold what users need, no more.

Usage: ``python tools/check_dist.py DIST_DIR`` (run from the repository's root).  Exits 1,
naming each problem, when the wheel lacks ``okrkit/py.typed`` or a module of ``src/okrkit``,
holds tests or anything outside the package, or when the sdist lacks a file the project
tracks in git that a build or its tests need (the package, the tests, the examples, the
metadata files).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
# What an sdist must hold, as tracked in git: everything to build, test and read the package.
SDIST_NEEDS = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "CHANGELOG.md",
    "src/",
    "tests/",
    "examples/",
)


def tracked() -> list[str]:
    """The files git tracks in the repository, as POSIX paths."""
    out = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return out.splitlines()


def check_wheel(wheel: Path, package: list[str]) -> list[str]:
    """The problems with the wheel: *package* is every tracked ``src/okrkit`` file."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    problems = []
    outside = sorted(n for n in names if not n.startswith(("okrkit/", "okrkit-")))
    problems += [f"{wheel.name}: holds {n}, outside the package" for n in outside]
    parts = {n: PurePosixPath(n).parts for n in names}
    tests = sorted(
        n for n, p in parts.items() if "tests" in p or p[-1].startswith(("test_", "conftest"))
    )
    problems += [f"{wheel.name}: holds a test file {n}" for n in tests]
    wanted = [PurePosixPath(p).relative_to("src").as_posix() for p in package]
    problems += [f"{wheel.name}: lacks {n}" for n in wanted if n not in names]
    if "okrkit/py.typed" not in names:
        problems.append(f"{wheel.name}: lacks okrkit/py.typed (the package is typed)")
    return problems


def check_sdist(sdist: Path, files: list[str]) -> list[str]:
    """The problems with the sdist: *files* is every file git tracks."""
    with tarfile.open(sdist) as archive:
        # Each member is under one top directory, okrkit-<version>/.
        names = {m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name}
    needed = [f for f in files if f.startswith(SDIST_NEEDS)]
    problems = [f"{sdist.name}: lacks {f}" for f in needed if f not in names]
    junk = sorted(n for n in names if "__pycache__" in n or n.startswith((".ci-venv", "dist/")))
    problems += [f"{sdist.name}: holds {n}, which is not source" for n in junk]
    return problems


def main(dist: Path) -> int:
    """Check the one wheel and the one sdist in *dist*; print each problem; 0 when none."""
    wheels, sdists = sorted(dist.glob("okrkit-*.whl")), sorted(dist.glob("okrkit-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"{dist}: expected one wheel and one sdist, found {wheels + sdists}")
        return 1
    files = tracked()
    package = [f for f in files if f.startswith("src/okrkit/")]
    problems = check_wheel(wheels[0], package) + check_sdist(sdists[0], files)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{wheels[0].name} and {sdists[0].name} hold what they should")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
