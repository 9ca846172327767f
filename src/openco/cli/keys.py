"""Where the pseudonym key of a command comes from: a file, the environment, or a new random key.

A key is never given on the command line (every user of the machine sees the process list)
and never derived from the data (whoever has the data could recompute it). In order:

1. ``--key-file FILE``: the bytes of *FILE*, without surrounding white space;
2. the environment variable :data:`KEY_ENV` (``OPENCO_PSEUDONYM_KEY``);
3. otherwise a new random key (:func:`openco.analysis.new_key`), written to a file beside the
   output (:func:`key_file_beside`), owner-only (``0600``), and the command says so.

Every key has at least :data:`~openco.analysis.privacy.MIN_KEY_BYTES` bytes.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

import attrs
import click

from openco.analysis import new_key
from openco.analysis.privacy import MIN_KEY_BYTES
from openco.cli.output import output_file

__all__ = [
    "KEY_ENV",
    "KEY_FILE_SUFFIX",
    "PseudonymKey",
    "key_file_beside",
    "pseudonym_key",
    "refuse_key_on_command_line",
]

KEY_ENV: Final = "OPENCO_PSEUDONYM_KEY"
"""The environment variable that may hold the pseudonym key."""

KEY_FILE_SUFFIX: Final = ".pseudonym-key"
"""What a new key's file is called: the output's name and this, beside the output."""


@attrs.frozen
class PseudonymKey:
    """A pseudonym key and where it came from; the key itself never shows in the repr."""

    key: bytes = attrs.field(repr=False)
    source: str
    """How the command tells the user where the key is: ``the key file k``, ``OPENCO_…``."""
    new_file: Path | None = None
    """Where a new random key is to be written, or ``None`` if the key was given."""

    def write(self) -> None:
        """Write a new key to :attr:`new_file`, owner-only and all or nothing."""
        if self.new_file is None:
            return
        with output_file(self.new_file, force=True, private=True) as handle:
            handle.write(self.key.decode("ascii") + "\n")


def key_file_beside(out: Path) -> Path:
    """The file a new key for the output *out* is written to.

    >>> key_file_beside(Path("reports/2026"))
    PosixPath('reports/2026.pseudonym-key')
    """
    return out.with_name(out.name + KEY_FILE_SUFFIX)


def _checked(key: bytes, where: str) -> bytes:
    if len(key) < MIN_KEY_BYTES:
        msg = f"the key in {where} has {len(key)} bytes; a key needs at least {MIN_KEY_BYTES}."
        raise click.UsageError(msg)
    return key


def pseudonym_key(
    key_file: Path | None,
    *,
    out: Path,
    force: bool,
    environ: Mapping[str, str] = os.environ,
    warn: Callable[[str], object] | None = None,
) -> PseudonymKey:
    """The key for pseudonymising the output *out*: from *key_file*, :data:`KEY_ENV` or new.

    A new key is not written yet (:meth:`PseudonymKey.write` does that, as the output is put
    in place). If its file exists already it is refused, unless *force*, so that a key that
    earlier output depends on is never lost by accident.

    Raises:
        click.UsageError: the key is too short, or a new key's file exists (without *force*).
        OSError: *key_file* cannot be read.
    """
    say = warn if warn is not None else (lambda text: click.echo(text, err=True))
    if key_file is not None:
        key = _checked(key_file.read_bytes().strip(), str(key_file))
        mode = stat.S_IMODE(key_file.stat().st_mode)
        if mode & 0o077:
            say(
                f"openco: warning: the key file {key_file} can be read by others "
                f"(mode {mode:o}); 'chmod 600 {key_file}' keeps it yours."
            )
        return PseudonymKey(key, f"the key in {key_file}")
    from_environment = environ.get(KEY_ENV)
    if from_environment:
        key = _checked(from_environment.strip().encode("utf-8", "surrogateescape"), KEY_ENV)
        return PseudonymKey(key, f"the key in ${KEY_ENV}")
    beside = key_file_beside(out)
    if os.path.lexists(beside) and not force:
        msg = (
            f"{beside} exists: it is the key of an earlier run. Pass --key-file {beside} to use "
            f"it again, move it away, or add --force to replace it with a new key."
        )
        raise click.UsageError(msg)
    return PseudonymKey(new_key(), f"a new random key, written to {beside} (owner-only)", beside)


def refuse_key_on_command_line(ctx: click.Context, param: click.Parameter, value: object) -> None:
    """The callback of the removed ``--key`` option: refuse it and say what to use instead."""
    del param
    if value is None:
        return
    msg = (
        "--key was removed: a key on the command line can be read by every user of the "
        f"machine. Put it in a file readable only by you and pass --key-file FILE, or set "
        f"{KEY_ENV}; without either, openco makes a new key and writes it beside the output."
    )
    raise click.UsageError(msg, ctx=ctx)
