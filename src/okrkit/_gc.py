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
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0
_resume = False


@contextlib.contextmanager
def paused(active: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (if *active*), and resume it after.

    It is resumed however the block ends, and left off if it was off when the first of
    several overlapping pauses began.
    """
    global _pauses, _resume  # noqa: PLW0603 - one switch for the process, as gc's own
    if not active:
        yield
        return
    with _lock:
        if not _pauses:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if not _pauses and _resume:
                gc.enable()
