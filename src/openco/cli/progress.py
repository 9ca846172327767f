"""Progress of the commands that can run for more than a moment, and their standard streams.

:func:`progress` gives a bar on stderr when stderr is a terminal, nothing otherwise, and log
lines (one every tenth) with ``--progress`` where stderr is not a terminal, as in a CI log;
``--no-progress`` hides it everywhere. :data:`PROGRESS_OPTION` is that option, for every
command that can take a while (``analyse``, ``check``, ``generate``).

``-`` names stdin or stdout wherever a command reads or writes documents (:func:`is_dash`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Final, Self

import click

__all__ = ["PROGRESS_OPTION", "STDIN_NAME", "Progress", "is_dash", "progress"]

STDIN_NAME: Final = "<stdin>"
"""How problems in what came on stdin are located (``<stdin>:3: data.id: missing``)."""


def is_dash(path: Path | str) -> bool:
    """Whether *path* is ``-``, which stands for stdin or stdout.

    >>> is_dash(Path("-")), is_dash("maps.jsonl")
    (True, False)
    """
    return str(path) == "-"


class Progress:
    """No progress shown: the base of the other kinds, and what ``--no-progress`` gives."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def update(self, done: int) -> None:
        """Count *done* more units (bytes, families …) as done."""


class _Lines(Progress):
    """A line at every tenth of the total, for a log."""

    def __init__(self, total: int | None, label: str, unit: str) -> None:
        self.total, self.label, self.unit = total, label, unit
        self.done, self.shown = 0, -1

    def update(self, done: int) -> None:
        self.done += done
        if self.total:
            tenth = min(10 * self.done // self.total, 10)
            if tenth > self.shown:
                self.shown = tenth
                click.echo(f"{self.label}: {10 * tenth}%", err=True)
        else:
            step = self.done.bit_length()  # a line each time the count doubles
            if step > self.shown:
                self.shown = step
                click.echo(f"{self.label}: {self.done:,} {self.unit}", err=True)


class _Counter(Progress):
    """A running count on a terminal, when the total is not known (stdin)."""

    def __init__(self, label: str, unit: str) -> None:
        self.label, self.unit, self.done = label, unit, 0

    def update(self, done: int) -> None:
        self.done += done
        click.echo(f"\r{self.label}: {self.done:,} {self.unit}", err=True, nl=False)

    def __exit__(self, *_: object) -> None:
        click.echo("", err=True)


def progress(
    total: int | None,
    *,
    show: bool | None,
    label: str,
    unit: str = "bytes",
) -> Progress | Any:  # noqa: ANN401 - click's bar, whose class is not public
    """The progress display for *total* units (``None``: not known), as *show* asks.

    *show* is the value of ``--progress/--no-progress``: ``None`` (not given) shows a bar only
    on a terminal. Use it as a context manager and call ``update(n)`` as work is done.
    """
    terminal = sys.stderr.isatty()
    if show is False or (show is None and not terminal):
        return Progress()
    if not terminal:
        return _Lines(total, label, unit)
    if total is None:
        return _Counter(label, unit)
    return click.progressbar(
        length=max(total, 1), label=label, file=sys.stderr, show_pos=False, width=30
    )


PROGRESS_OPTION: Final = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show progress on stderr. By default, a bar only when stderr is a terminal; "
    "--progress also writes it as log lines elsewhere.",
)
"""The ``--progress/--no-progress`` option, the same on every command that has it."""
