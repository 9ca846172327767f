"""A throwaway PostgreSQL server for the tests, from the machine's own binaries.

``initdb`` and ``pg_ctl`` make and start a cluster in a temporary directory, listening on a
unix socket only; :meth:`PostgresServer.stop` stops it and removes the directory. PostgreSQL
refuses to run as root, so under root the server runs as the ``postgres`` system user (or
``nobody``) through ``runuser``, in a directory that user owns.

Durability settings are off (``fsync``, ``synchronous_commit``): the tests kill clients, never
the server, and a test server need not survive a power cut.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PostgresServer", "find_binaries"]


def find_binaries() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``, or ``None`` if PostgreSQL is missing."""
    found = shutil.which("initdb")
    if found is not None and shutil.which("pg_ctl") is not None:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def _run_as() -> str | None:
    """The unprivileged user to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    msg = "running as root and neither the 'postgres' nor the 'nobody' user exists"
    raise RuntimeError(msg)


class PostgresServer:
    """A PostgreSQL cluster in a temporary directory; :attr:`url` connects as ``openco``."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.user = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="openco-pg-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        command = [str(self.binaries / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own fixed command line
        if result.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            msg = f"{args[0]} failed ({result.returncode}): {result.stderr}\n{tail}"
            raise RuntimeError(msg)

    def start(self) -> None:
        """Create the cluster and start the server (waits until it accepts connections)."""
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "openco", "-E", "UTF8",
            "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-k {self.root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "-t", "120", "start")  # fmt: skip

    @property
    def url(self) -> str:
        """The URL of the ``postgres`` database, over the unix socket."""
        return f"postgresql://openco@/postgres?host={self.root}"

    def stop(self) -> None:
        """Stop the server at once and remove its directory."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
