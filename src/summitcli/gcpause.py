"""``paused_gc``: build or read millions of small acyclic objects without the cyclic collector."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    """Pause the cyclic collector for the block (restored after, even on error).

    Each collection walks the whole heap; while matching, reading caches or encoding
    JSON allocates containers by the million, repeated full collections over them
    cost as much as the work itself and made large corpora grow superlinearly. What
    these blocks allocate holds no reference cycles, so nothing is left for later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
