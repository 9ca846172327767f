"""Helpers for work over many records at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Switch Python's cyclic garbage collector off for the duration, if it was on.

    Bulk work creates many objects that live on (counters, result rows); each time enough
    of them pile up, the collector walks *every* tracked object in the process, including all
    the caller's records, which at country scale costs more than the work itself
    (docs/performance-baselines: 18x on one build). Reference counting still frees
    everything that is not in a cycle, and the collector's state is restored on the way out.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
