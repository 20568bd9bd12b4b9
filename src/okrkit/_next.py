"""The seam through which `Plan.roll_over` reaches the roll-over, a layer above the model.

What is unfinished at a date is the scoring's to say, and the model sits below the scoring:
`okrkit.model` may not import it (a layer importing upward).  So `Plan.roll_over` asks
`roll_over` here, which calls the function `install` was given; the package's ``__init__``,
which stands above every layer and runs before any of its modules, installs
`okrkit.changes.roll_over`, as it installs the notebooks' view through `okrkit._repr`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["install", "roll_over"]

_done: list[Callable[..., Any]] = []


def install(function: Callable[..., Any]) -> None:
    """Roll plans over with *function* from now on (``okrkit/__init__.py`` calls this once)."""
    _done[:] = [function]


def roll_over(plan: Any, cycle: Any, at: Any) -> Any:
    """*plan* rolled over into *cycle* as of *at*, by the installed function."""
    if not _done:
        raise AssertionError("okrkit/__init__.py installs the roll-over before any plan exists")
    return _done[0](plan, cycle, at=at)
