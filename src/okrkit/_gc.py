"""Pausing the cyclic garbage collector around bulk work that makes no reference cycles.

Reading a large document or validating a large plan makes hundreds of thousands of small
objects that live on, and each run of the collector over the older generations walks every
object alive again, the caller's plan included: at 100,000 objectives that was over half of
what `okrkit.formats.loads` took and a third of `okrkit.validate`, and why both grew faster
than their input.  That work makes no reference cycles (reference counting frees all it
drops), so it pauses the collector; cycles other code makes meanwhile, in any thread, wait
for its next run.  Pauses are counted under a lock, so that overlapping ones (in several
threads) resume it when the last one ends, and only if it was running when the first began.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders: dict[int, int] = {}  # thread -> how many pauses it holds
_resume = False  # whether the collector ran when the pauses began
_active = False  # whether the collector is paused by us (set before it is, cleared after)


@contextlib.contextmanager
def paused(active: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (if *active*), and resume it after.

    It is resumed however the block ends, and left off if it was off when the first of
    several overlapping pauses began.  (A ``gc.disable()`` made by other code while a pause
    holds cannot be told from the pause's own, and is undone with it.)
    """
    global _resume, _active  # noqa: PLW0603 - one switch for the process, as gc's own
    if not active:
        yield
        return
    me = threading.get_ident()
    with _lock:
        if not _holders:
            _resume = gc.isenabled()
            _active = True
            gc.disable()
        _holders[me] = _holders.get(me, 0) + 1
    try:
        yield
    finally:
        with _lock:
            held = _holders.get(me, 0)  # none if a fork dropped another thread's pause
            if held > 1:
                _holders[me] = held - 1
            else:
                _holders.pop(me, None)
                if not _holders and _active:
                    if _resume:
                        gc.enable()
                    _active = False


def _after_fork() -> None:  # pragma: no cover - runs in the child (tests/test_formats.py)
    """In a child process only the thread that forked runs on: the pauses other threads held
    will never end there, so they are dropped (and the collector resumed if none is left)."""
    global _lock, _active  # noqa: PLW0603
    _lock = threading.Lock()
    me = threading.get_ident()
    mine = _holders.get(me, 0)
    _holders.clear()
    if mine:
        _holders[me] = mine
    elif _active:
        if _resume:
            gc.enable()
        _active = False


if hasattr(os, "register_at_fork"):  # pragma: no branch - absent only where there is no fork
    os.register_at_fork(after_in_child=_after_fork)
