"""The one seam through which a value reaches the views: its HTML in a notebook.

Jupyter shows a `KeyResult`, `Objective`, `Plan`, `AlignmentTree` or rules `Report` by calling
its ``_repr_html_``.  The views that draw them (`okrkit.report`) are built on those very types,
so the types may not import the views: that would be a layer importing upward, and an import
cycle.  Instead each ``_repr_html_`` asks `html`, which calls the view `install` was given.
The package's ``__init__``, which stands above every layer and always runs before any of its
modules, installs one that imports the views on the first display, so ``import okrkit`` stays
light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

__all__ = ["HtmlView", "html", "install"]

HtmlView: TypeAlias = Callable[[object], str]
"""Draws any value that has a ``_repr_html_`` as an HTML fragment."""

_views: list[HtmlView] = []


def install(view: HtmlView) -> None:
    """Draw values with *view* from now on (``okrkit/__init__.py`` calls this once)."""
    _views[:] = [view]


def html(value: object) -> str:
    """*value* as an HTML fragment, drawn by the installed view."""
    if not _views:
        raise AssertionError("okrkit/__init__.py installs the HTML view before any value exists")
    return _views[0](value)
