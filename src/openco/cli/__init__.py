"""The ``openco`` command: the demo and the analysts' tools.

The outermost layer: it may import anything in openco, and it is the only place that prints,
reads files or writes them on the user's behalf.
"""

from openco.cli.main import main as main

__all__ = ["main"]
