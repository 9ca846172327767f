"""Writing a command's output all or nothing: the one way every ``openco`` command writes files.

A command writes into a hidden *staging* folder or file beside its target, in the same folder
(a rename is atomic only within one file system). When everything is written, every file and
folder in it is flushed to disk (``fsync``), given its final permissions, and renamed to the
target in one step; then the parent folder is flushed too. A run that fails, is interrupted
with Ctrl-C or is killed outright therefore never leaves a half-written target.

**Staging names.** A staging folder or file is called ``.TARGET.openco-staging-RANDOM``. While
a command writes into it, the command holds an exclusive lock on it (``flock``); the lock goes
when the process ends, however it ends. A staging entry that nobody holds a lock on was left
by a run that was killed (``kill -9``, a power cut), and may hold personal data: every
command that writes removes such leftovers in its target's folder before it starts, and says
so on stderr.

**Refusing to overwrite.** A target that exists and is not empty (a folder holding anything,
a file holding any byte) is refused with a usage error unless *force* is given; with *force*
a folder is replaced as a whole (the old one is moved into a staging entry and removed after
the new one is in place) and a file is replaced in one rename.

**Permissions.** Files and folders get the permissions the user's umask gives (as ``touch``
and ``mkdir`` do), so the organisation's policy on the target folder applies. With *private*
they are owner-only (``0600``/``0700``): openco uses that for secrets (the pseudonym key) and
for outputs that show real names and ids (``openco analyse --names``).

**Paths in messages.** Errors name the user's target, never the hidden staging path.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

import click

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "STAGING_MARK",
    "OutputDirectory",
    "UnsafeNameError",
    "output_directory",
    "output_file",
    "remove_stale_staging",
    "safe_name",
    "write_lines",
]

STAGING_MARK: Final = ".openco-staging-"
"""What every staging entry's name holds: ``.TARGET`` + this + random letters."""

_MAX_NAME_BYTES: Final = 255


class UnsafeNameError(click.ClickException):
    """A file name for the output is not one plain name (it has a separator, ``..``, NUL …).

    The CLI never builds file names from data, so this means a bug in a command rather than
    bad input; it still fails closed: nothing is written outside the target.
    """

    exit_code = 3


def safe_name(name: str) -> str:
    """*name* if it is one plain file name that stays inside its folder, else raise.

    >>> safe_name("families.csv")
    'families.csv'
    >>> safe_name("../../x")
    Traceback (most recent call last):
    ...
    openco.cli.output.UnsafeNameError: not a plain file name: '../../x'
    """
    if (
        not isinstance(name, str)
        or name in {"", ".", ".."}
        or any(c in name for c in "/\\\x00")
        or (os.altsep is not None and os.altsep in name)
        or len(name.encode("utf-8", "surrogatepass")) > _MAX_NAME_BYTES
        or Path(name).is_absolute()
        or Path(name).drive
    ):
        raise UnsafeNameError(f"not a plain file name: {name!r}")
    return name


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _modes(*, private: bool) -> tuple[int, int]:
    """The permissions of folders and files: owner-only, or what the umask gives."""
    if private:
        return 0o700, 0o600
    mask = _umask()
    return 0o777 & ~mask, 0o666 & ~mask


def _fsync_path(path: Path, *, directory: bool) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory and sys.platform == "win32":  # pragma: no cover - folders cannot be opened
            return
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Take the exclusive lock on *fd*; without *wait*, say whether it was free."""
    if sys.platform == "win32":  # pragma: no cover - no flock: a leftover is never taken as stale
        return wait
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _owner(entry: os.DirEntry[str]) -> int:
    return entry.stat(follow_symlinks=False).st_uid


def _owner_of_process() -> int:
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else 0


def remove_stale_staging(folder: Path, *, echo: Callable[[str], object] | None = None) -> int:
    """Remove the staging entries in *folder* that no running command holds; how many there were.

    Each one removed is reported with *echo* (by default on stderr) as left behind by an
    interrupted run. Entries a running ``openco`` command holds, and entries of other users,
    are left alone; a symbolic link is removed, never what it points to.
    """
    say = echo if echo is not None else (lambda text: click.echo(text, err=True))
    removed = 0
    try:
        entries = [e for e in os.scandir(folder) if STAGING_MARK in e.name and e.name[0] == "."]
    except OSError:
        return 0
    for entry in entries:
        path = Path(entry.path)
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            # Only the user's own leftovers: never another user's, nor a link's target.
            if _owner(entry) != _owner_of_process() or not _lock(fd, wait=False):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        finally:
            os.close(fd)
        removed += 1
        say(f"openco: removed {path}, left behind by an interrupted run.")
    return removed


@contextlib.contextmanager
def _user_paths(stage: Path, target: Path) -> Iterator[None]:
    """Name *target* in errors instead of the hidden *stage*."""
    try:
        yield
    except OSError as error:
        shown = _shown(error.filename, stage, target)
        if shown is not None:
            raise OSError(error.errno, error.strerror, shown) from None
        raise


def _shown(filename: object, stage: Path, target: Path) -> str | None:
    if filename is None:
        return None
    text = os.fsdecode(filename) if isinstance(filename, bytes | str | os.PathLike) else None
    if text is None:
        return None
    for root in {str(stage), str(stage.absolute())}:
        if text == root or text.startswith(root + os.sep):
            return str(target) + text[len(root) :]
    return None


def _refuse_existing(target: Path, *, force: bool, directory: bool) -> None:
    if not os.path.lexists(target):
        return
    if directory:
        if not target.is_dir() or target.is_symlink():
            msg = f"{target} exists and is not a directory."
            raise click.UsageError(msg)
        if force or not any(target.iterdir()):
            return
        msg = (
            f"{target} exists and is not empty; choose another directory "
            "or add --force to replace it."
        )
        raise click.UsageError(msg)
    if target.is_dir():
        msg = f"{target} is a directory."
        raise click.UsageError(msg)
    if force or (target.is_file() and target.stat().st_size == 0):
        return
    msg = f"{target} exists and is not empty; choose another file or add --force to replace it."
    raise click.UsageError(msg)


def _new_stage(target: Path, *, directory: bool) -> tuple[Path, int]:
    """A fresh staging entry beside *target*, locked; its path and the locked descriptor."""
    parent = target.parent
    while True:
        stage = parent / f".{target.name}{STAGING_MARK}{secrets.token_hex(4)}"
        fd = -1
        try:
            if directory:
                stage.mkdir(mode=0o700)
            else:
                fd = os.open(stage, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(target)) from None
        try:
            if directory:
                fd = os.open(stage, os.O_RDONLY)
            _lock(fd, wait=True)
            # Another run may have taken the entry for a leftover between its creation and
            # the lock, and removed it: then start again.
            try:
                same = os.path.samestat(stage.stat(), os.fstat(fd))
            except FileNotFoundError:
                same = False
        except BaseException:
            # Interrupted (Ctrl-C) before the caller could take charge of the entry.
            if fd >= 0:
                os.close(fd)
            _remove(stage)
            raise
        if same:
            return stage, fd
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _finish_tree(root: Path, *, private: bool) -> None:
    """Give every entry under *root* its permissions, and flush it to disk, deepest first."""
    folder_mode, file_mode = _modes(private=private)
    for here, folders, files in os.walk(root, topdown=False):
        for name in files:
            path = Path(here) / name
            if private:
                path.chmod(file_mode)
            _fsync_path(path, directory=False)
        for name in folders:
            (Path(here) / name).chmod(folder_mode)
        _fsync_path(Path(here), directory=True)
    root.chmod(folder_mode)


class OutputDirectory:
    """The folder a command writes into, while it is still staged.

    Files are placed with :meth:`path` (or written with :meth:`write_text` and
    :meth:`write_bytes`), which take plain names only: a name with a separator, ``..``, an
    absolute path or NUL raises :class:`UnsafeNameError`, and every path is checked to stay
    inside the folder once resolved. Names never come from the data a command reads.
    """

    def __init__(self, stage: Path, target: Path) -> None:
        """Wrap the staging folder *stage* that will become *target*."""
        self._stage = stage
        self.target = target
        """The folder the user asked for."""

    def path(self, *parts: str) -> Path:
        """Where the file ``parts[0]/parts[1]/…`` goes; its parent folders are created.

        Raises:
            UnsafeNameError: a part is not one plain name.
        """
        if not parts:
            msg = "no file name given"
            raise UnsafeNameError(msg)
        path = self._stage.joinpath(*(safe_name(p) for p in parts))
        if not path.resolve().is_relative_to(self._stage.resolve()):
            msg = f"not inside the output: {'/'.join(parts)!r}"
            raise UnsafeNameError(msg)
        with _user_paths(self._stage, self.target):
            path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, *parts: str, text: str) -> Path:
        """Write *text* (UTF-8, LF line ends) as the file *parts*; return its path."""
        path = self.path(*parts)
        with _user_paths(self._stage, self.target):
            path.write_text(text, encoding="utf-8", newline="\n")
        return path

    def write_bytes(self, *parts: str, data: bytes) -> Path:
        """Write *data* as the file *parts*; return its path."""
        path = self.path(*parts)
        with _user_paths(self._stage, self.target):
            path.write_bytes(data)
        return path

    @contextlib.contextmanager
    def open_text(self, *parts: str) -> Iterator[TextIO]:
        """The file *parts*, open for writing text (UTF-8, no newline translation)."""
        path = self.path(*parts)
        with (
            _user_paths(self._stage, self.target),
            path.open("w", encoding="utf-8", newline="") as f,
        ):
            yield f

    def user_path(self, path: Path) -> Path:
        """*path* (under the staging folder) as it will be called once in place."""
        shown = _shown(str(path), self._stage, self.target)
        return Path(shown) if shown is not None else path


@contextlib.contextmanager
def output_directory(
    target: Path, *, force: bool = False, private: bool = False
) -> Iterator[OutputDirectory]:
    """Stage the folder *target*, and put it in place only if the block ends without error.

    *target* must not exist, or be an empty folder, unless *force*: then it is replaced as a
    whole. Leftovers of killed runs beside it are removed first (see the module's text).

    Raises:
        click.UsageError: *target* is a file, or a folder that is not empty (without *force*).
        OSError: the folder cannot be written; the message names *target*.
    """
    target = Path(target)
    _refuse_existing(target, force=force, directory=True)
    remove_stale_staging(target.absolute().parent)
    stage, fd = _new_stage(target, directory=True)
    try:
        with _user_paths(stage, target):
            yield OutputDirectory(stage, target)
            _finish_tree(stage, private=private)
            _put_in_place(stage, target, directory=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        os.close(fd)


def _put_in_place(stage: Path, target: Path, *, directory: bool) -> None:
    parent = target.absolute().parent
    if directory and target.is_dir() and any(target.iterdir()):
        # --force: move the old folder into a staging entry (removed with it if killed now).
        old, old_fd = _new_stage(target, directory=True)
        try:
            target.rename(old / "old")
            stage.rename(target)
            _fsync_path(parent, directory=True)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            os.close(old_fd)
        return
    stage.replace(target)
    _fsync_path(parent, directory=True)


@contextlib.contextmanager
def output_file(
    target: Path | str, *, force: bool = False, private: bool = False
) -> Iterator[TextIO]:
    """Stage the text file *target* (``-``: stdout), put in place only if the block succeeds.

    The file is UTF-8 with LF line ends. For ``-`` the text goes straight to stdout,
    which cannot be taken back. Otherwise *target* must not exist, or be empty, unless
    *force*.

    Raises:
        click.UsageError: *target* is a folder, or a file that is not empty (without *force*).
        OSError: the file cannot be written; the message names *target*.
    """
    if str(target) == "-":
        stream = sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(target)
    _refuse_existing(target, force=force, directory=False)
    remove_stale_staging(target.absolute().parent)
    stage, fd = _new_stage(target, directory=False)
    try:
        with _user_paths(stage, target):
            with open(  # noqa: PTH123 - reopen the locked file by its descriptor's twin
                os.dup(fd), "w", encoding="utf-8", newline="\n"
            ) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            _, file_mode = _modes(private=private)
            os.fchmod(fd, file_mode)
            _put_in_place(stage, target, directory=False)
    except BaseException:
        with contextlib.suppress(OSError):
            stage.unlink()
        raise
    finally:
        os.close(fd)


def write_lines(target: Path | str, lines: Iterable[str], *, force: bool = False) -> None:
    """Write *lines* (each without its newline) to *target* with :func:`output_file`."""
    with output_file(target, force=force) as out:
        for line in lines:
            out.write(line)
            out.write("\n")
