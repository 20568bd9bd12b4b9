"""Pausing the cyclic garbage collector around bulk work that makes no reference cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off, as it was before afterwards.

    Making hundreds of thousands of small objects triggers collection after collection,
    each walking every object alive, the caller's plan included: validating a large plan
    spends a third of its time there.  The work done under this makes no reference cycles
    (refcounting frees all of it), so the collector has nothing to find.  Nested or
    concurrent uses at worst switch it back on early.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
