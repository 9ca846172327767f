"""The one clock openco reads: the system's, for a store opened at its boundary.

openco's domain never reads the clock; time comes in as an argument. A store logs *when*
each read happened, so an embedding system either passes ``at=`` to every read or opens the
store with a clock. :func:`system_clock` is that clock, passed in by name so that it is never
hidden; tests pass a fixed or stepping clock instead.

>>> system_clock().tzinfo is not None
True
"""

from __future__ import annotations

import datetime as dt

__all__ = ["system_clock"]


def system_clock() -> dt.datetime:
    """The current time in UTC (timezone-aware)."""
    return dt.datetime.now(dt.UTC)
