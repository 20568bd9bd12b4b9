"""The OKR files under a folder, as ``okrkit check DIR`` finds them.

A file is a candidate when its suffix is one okrkit reads (`okrkit.formats.SUFFIXES`), it is
in no hidden folder (``.git``, ``.venv``...) and no ``.gitignore`` ignores it: those in the
folder and below, and those above it up to the root of the git repository holding it (the
folder with ``.git``), with the repository's ``.git/info/exclude``, as git and ruff read them.

A folder holds more than OKRs: a ``README.md``, a ``mkdocs.yml``, a ``pyproject.toml``, a CSV
export.  So a candidate is checked only when it says it is an OKR file
(`okrkit.formats.says_okrs`: a JSON, YAML or TOML file with ``okrkit`` or ``objectives`` at
its root, a CSV file with okrkit's columns, a Markdown file with an ``Objective:``, ``O1:`` or
``KR1:`` label, or okrkit's attribute blocks).  A Markdown page that says nothing of the kind
but reads as OKRs all the same (two key results or more with a direction and a target, as in
``## Grow`` over ``- Raise NPS from 30 to 40``) is not checked, since a changelog may read so
too, but it is named, so that it is never passed over in silence; so is a CSV table whose
header names objectives or key results in columns other than okrkit's (another tool's
sheet).  A file that cannot be opened to tell is checked, so that its problem is reported.  A
file named on the command line is always checked, whatever it holds.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from okrkit.formats import FormatName

__all__ = ["Found", "okr_files"]

# What is read of a candidate to tell whether it is an OKR file: its marks are at the top.
_SNIFF = 1 << 20


class Found(NamedTuple):
    """What a folder holds: the OKR files to check, and the files that read as OKRs but do
    not say so (not checked), each named from the folder as the user gave it."""

    files: list[str]
    unsaid: list[str]


def okr_files(folder: str) -> Found:
    """The OKR files under *folder*, and the pages that read as OKRs without saying so, each
    sorted and named from *folder* as the user gave it."""
    from okrkit.formats import SUFFIXES

    top = Path(folder)
    ignores = _above(top.resolve())
    found = Found([], [])
    for parent, names in _walk(top, ignores):
        for name in names:
            format = SUFFIXES.get(os.path.splitext(name)[1].lower())
            if format is None:
                continue
            said = _says_okrs(parent / name, format)
            if said is not False:
                (found.files if said else found.unsaid).append(str(parent / name))
    for paths in found:
        paths.sort(key=lambda path: Path(path).parts)
    return found


_Ignore = tuple[Path, "GitIgnoreSpec"]  # a .gitignore's folder, and its patterns


def _spec(folder: Path, *names: str) -> list[_Ignore]:
    """The ignore files *names* (paths below *folder*) that exist, read as .gitignore files."""
    from pathspec import GitIgnoreSpec

    specs = []
    for name in names:
        try:
            lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:  # none there (or unreadable: git would not read it either)
            continue
        specs.append((folder, GitIgnoreSpec.from_lines(lines)))
    return specs


def _above(top: Path) -> list[_Ignore]:
    """The ignore files that apply to the folder *top*: its repository's exclude file, and
    the .gitignore files above it, from the repository's root down (none outside one)."""
    for root in (top, *top.parents):
        if (root / ".git").exists():
            break
    else:
        return []  # not in a repository: only the folder's own .gitignore files count
    specs = _spec(root, ".git/info/exclude")
    for parent in reversed(top.parents):
        if parent.is_relative_to(root):
            specs += _spec(parent, ".gitignore")
    return specs


def _ignored(path: Path, directory: bool, specs: list[_Ignore]) -> bool:
    """Whether *path* is ignored: the deepest pattern that speaks of it decides, as in git."""
    verdict = False
    for base, spec in specs:
        relative = path.relative_to(base).as_posix() + ("/" if directory else "")
        said = spec.check_file(relative).include
        if said is not None:
            verdict = said
    return verdict


def _walk(top: Path, above: list[_Ignore]) -> Iterator[tuple[Path, list[str]]]:
    """Each folder under *top* that is neither hidden nor ignored, with its files' names."""
    real = top.resolve()
    stack: list[tuple[Path, Path, list[_Ignore]]] = [(top, real, above)]
    while stack:
        shown, here, specs = stack.pop()
        specs = specs + _spec(here, ".gitignore")
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            continue  # a folder that vanished or may not be listed holds nothing to check
        files = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if _ignored(here / entry.name, is_dir, specs):
                continue
            if is_dir:
                stack.append((shown / entry.name, here / entry.name, specs))
            else:
                files.append(entry.name)
        yield shown, files


def _says_okrs(path: Path, format: FormatName) -> bool | None:
    """Whether the file at *path* says it holds OKRs in *format*: True when it does or when it
    cannot tell, None for a file that does not say so but reads as OKRs
    (`okrkit.formats.reads_as_okrs`)."""
    from okrkit import formats

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True  # a FIFO or a device: never opened here; the check refuses it
        with open(path, "rb") as file:
            head = file.read(_SNIFF)
    except OSError:
        return os.path.lexists(path)  # unreadable: the check says why; vanished: nothing
    text = head.decode("utf-8", errors="replace")
    if formats.says_okrs(text, format):
        return True
    return None if formats.reads_as_okrs(text, format) else False
