"""Where a plan was read from: its `Source`, and the `Location` of each place in it.

`okrkit.formats` remembers the source of every plan it reads; `okrkit.rules` asks for it when
a plan has findings, to put each at its file, line and column.  Both read this module, which
is below either of them, so neither imports the other.

A source is found by the plan object itself (its identity), never by equality: two equal
plans read from two files each have their own, and a plan made from one (``attrs.evolve``, a
check-in) has none, since its places may no longer be where the file put them.  Finding the
places costs a second pass over the text (`okrkit.formats` supplies it), made only when
something asks for a location, and once per source.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Mapping

import attrs

__all__ = ["Location", "Source", "remember", "source_of"]


@attrs.frozen
class Location:
    """A place in a file: its 1-based *line* and *column*, and the *file*'s name if known.

    >>> str(Location(12, 7, "okrs.yaml")), str(Location(3, 1))
    ('okrs.yaml:12:7', 'line 3, column 1')
    """

    line: int
    column: int
    file: str | None = None

    def __str__(self) -> str:
        if self.file is None:
            return f"line {self.line}, column {self.column}"
        return f"{self.file}:{self.line}:{self.column}"


Positions = Mapping[str, tuple[int, int]]
"""Each place of a document, by its path in the plan (``objectives[0].owner``): line, column."""

# One step back up a path: ``a.b[2].c`` -> ``a.b[2]`` -> ``a.b`` -> ``a``.
_LAST_STEP = re.compile(r"(?:\.[^.\[]*|\[[^\]]*\])$")


def parent_path(path: str) -> str:
    """The path of what holds the place at *path*; ``""`` for a top-level field.

    >>> parent_path("objectives[0].key_results[2].target")
    'objectives[0].key_results[2]'
    >>> parent_path("objectives[0].key_results[2]"), parent_path("objectives")
    ('objectives[0].key_results', '')
    """
    cut = _LAST_STEP.search(path)
    return "" if cut is None else path[: cut.start()]


class Source:
    """The text a plan was read from, its format and its file, and the places in it.

    `locate` gives the `Location` of a path in the plan (``objectives[2].key_results[1]``, or
    ``$.objectives[2]`` as a `okrkit.FormatError` names it): the place itself, else the
    nearest place that holds it (a field a key result leaves out is at the key result).
    """

    __slots__ = ("_find", "_lock", "_positions", "file", "format", "text")

    def __init__(
        self, text: str, format: str, find: Callable[[str], Positions], file: str | None = None
    ) -> None:
        self.text = text
        self.format = format
        self.file = file
        self._find = find
        self._positions: Positions | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Source(format={self.format!r}, file={self.file!r}, {len(self.text):,} characters)"

    def with_file(self, file: str | None) -> Source:
        """The same source, named *file* (its places, once found, are shared)."""
        named = Source(self.text, self.format, self._find, file)
        named._positions = self._positions
        return named

    def positions(self) -> Positions:
        """Every place the text holds, by path: found on the first call, then kept."""
        if self._positions is None:
            with self._lock:
                if self._positions is None:
                    self._positions = self._find(self.text)
        return self._positions

    def locate(self, path: str) -> Location | None:
        """Where *path* is in the text, or the nearest place holding it; None if nowhere."""
        positions = self.positions()
        path = path.removeprefix("$").removeprefix(".")
        while True:
            found = positions.get(path)
            if found is not None:
                return Location(found[0], found[1], self.file)
            if not path:
                return None
            path = parent_path(path)


# The source of each plan read, by the plan's id; an entry goes when its plan does.
_SOURCES: dict[int, Source] = {}


def remember(plan: object, source: Source) -> None:
    """Keep *source* as where *plan* (this very object) came from, while the plan lives."""
    key = id(plan)
    _SOURCES[key] = source
    weakref.finalize(plan, _SOURCES.pop, key, None)


def source_of(plan: object) -> Source | None:
    """Where *plan* was read from, if okrkit read it; None for a plan made otherwise."""
    return _SOURCES.get(id(plan))
