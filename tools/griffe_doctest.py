"""A griffe extension for the docs build: show docstrings' ``>>>`` examples as code.

Docstrings keep plain doctest examples (the test suite runs them); in Markdown those lines
would be read as prose, so this wraps each run of examples and their output in a ``pycon``
fence before mkdocstrings renders the docstring.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """*text* with each block of ``>>>`` examples (up to a blank line) in a pycon fence."""
    out: list[str] = []
    inside = False
    fenced = False  # already inside a fence the author wrote
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not inside and stripped.startswith(">>>"):
            out.append("```pycon")
            inside = True
        elif inside and not stripped:
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Wrap doctest examples in fences, for every object griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
