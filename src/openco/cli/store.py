"""``openco store``: create, fill, check and read a case store from the command line.

``STORE`` is an SQLite file (created if missing) or a PostgreSQL URL
(``postgresql://user@host/db``, with ``openco[postgres]``). Every command that reads cases
(``worklist``) states who reads and why, and is logged with the time from the system clock,
which this command passes to the store by name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

import click

from openco.errors import InvalidDocumentError, MissingDependencyError
from openco.io import iter_loads
from openco.model import Bundle
from openco.process import Case, Records

if TYPE_CHECKING:
    from openco.store import Reader, Store

__all__ = ["store", "write_demo_store"]

_BATCH: Final = 500


def _open(target: str, records: Records | None = None) -> Store:
    import openco.store  # noqa: PLC0415 - openco[store] is an extra: imported when used

    return openco.store.open(target, records=records, clock=openco.store.system_clock)


def _records(path: Path) -> Records:
    """The registers in the bundles of *path* (what 'openco generate' writes): by id."""
    with path.open(encoding="utf-8") as lines:
        bundles = list(iter_loads(lines, Bundle))
    return Records(
        professionals={p.id: p for b in bundles for p in b.professionals},
        units={u.id: u for b in bundles for u in b.units},
        families={f.id: f for b in bundles for f in b.families},
    )


def _reader(person: str, unit: str | None) -> Reader:
    from openco.store import Reader  # noqa: PLC0415 - openco[store] is an extra

    return Reader(person=person, unit=unit)


@click.group(short_help="Keep cases in a store: init, import, verify, log, worklist.")
def store() -> None:
    """Keep case histories in an SQLite file or a PostgreSQL database (openco[store]).

    STORE is a file path (SQLite, created if missing) or a postgresql:// URL.
    """


@store.command(short_help="Create a store, or upgrade an older one's schema.")
@click.argument("target", metavar="STORE")
def init(target: str) -> None:
    """Create the store STORE (or bring an older store's schema up to date)."""
    with _open(target) as opened:
        click.echo(f"{opened!r}: ready, {len(opened)} cases")


def _batches(cases: Iterator[Case], size: int) -> Iterator[list[Case]]:
    batch: list[Case] = []
    for case in cases:
        batch.append(case)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@store.command("import", short_help="Store the cases of a JSON Lines file.")
@click.argument("target", metavar="STORE")
@click.argument("source", metavar="FILE", type=click.File("r", encoding="utf-8"))
@click.option(
    "--records",
    "records_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="JSON Lines of bundles holding the units, staff and families the steps are judged "
    "by (the population file 'openco generate' writes).",
)
@click.option(
    "--batch",
    "size",
    type=click.IntRange(1, 100_000),
    default=_BATCH,
    show_default=True,
    help="Cases written per transaction.",
)
def import_cases(target: str, source: TextIO, records_file: Path, size: int) -> None:
    """Store every case of FILE (JSON Lines of case documents, '-' for stdin).

    FILE is what 'openco generate --cases' writes, and --records the population file written
    with it. Each case is stored under its concern's id,
    its steps checked by the workflow; a case already stored with the same history is left as
    it is. Batches are written whole or not at all: on a bad line nothing of its batch is
    stored, and the error names the line.
    """
    records = _records(records_file)
    with _open(target, records) as opened:
        count = 0
        try:
            cases = iter_loads(source, Case, records=records, today=dt.date.max)
            for batch in _batches(cases, size):
                opened.append_batch((str(c.concern.id), c.history, 0) for c in batch)
                count += len(batch)
        except InvalidDocumentError:
            click.echo(f"stored {count} cases before the bad line", err=True)
            raise
        click.echo(f"stored {count} cases in {opened!r}")


@store.command(short_help="Check every hash chain of a store.")
@click.argument("target", metavar="STORE")
def verify(target: str) -> None:
    """Check every record's hash chain; exit 1 and list the first break of each broken chain."""
    with _open(target) as opened:
        report = opened.verify()
    if report.ok:
        click.echo(
            f"{report.records} records and {report.documents} document versions: "
            "every chain is whole"
        )
        return
    for broken in report.breaks:
        click.echo(str(broken))
    raise click.exceptions.Exit(1)


@store.command(short_help="A client's log extract: who read their cases, when and why.")
@click.argument("target", metavar="STORE")
@click.option("--person", default=None, help="The client (a family member's id).")
@click.option("--case", "case_id", default=None, help="One case's log instead.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only reads on or after this day (UTC).",
)
def log(target: str, person: str | None, case_id: str | None, since: dt.datetime | None) -> None:
    """Print the access log of a person's cases (or of one case), one JSON object a line."""
    if (person is None) == (case_id is None):
        raise click.UsageError("give exactly one of --person and --case")
    with _open(target) as opened:
        entries = opened.access_log(
            person=person,
            case_id=case_id,
            since=None if since is None else since.replace(tzinfo=dt.UTC),
        )
    for entry in entries:
        click.echo(
            json.dumps(
                {
                    "at": entry.at.isoformat(),
                    "reader": entry.reader,
                    "unit": entry.reader_unit,
                    "action": entry.action,
                    "case": entry.case_id,
                    "document": None
                    if entry.kind is None
                    else f"{entry.kind}/{entry.doc_id}@{entry.doc_version}",
                    "purpose": entry.purpose,
                    "basis": entry.basis,
                    "outcome": entry.outcome,
                },
                ensure_ascii=False,
            )
        )


@store.command(short_help="Every duty due in an area by a day (logged as a read).")
@click.argument("target", metavar="STORE")
@click.option("--area", required=True, help="The area's id.")
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    required=True,
    help="Duties due on or before this day.",
)
@click.option("--reader", required=True, help="Who reads (a person id): logged.")
@click.option("--unit", default=None, help="The unit the reader reads for.")
@click.option("--purpose", default=None, help="Why the worklist is read.")
@click.option("--basis", default=None, help="The statutory basis of the read.")
def worklist(  # noqa: PLR0917 - one parameter per command-line option
    target: str,
    area: str,
    until: dt.datetime,
    reader: str,
    unit: str | None,
    purpose: str | None,
    basis: str | None,
) -> None:
    """Print every open duty in an area due by --until, earliest first (tab-separated)."""
    if purpose is None and basis is None:
        raise click.UsageError("give --purpose or --basis: every read states why")
    with _open(target) as opened:
        items = opened.worklist(
            area,
            until=until.date(),
            reader=_reader(reader, unit),
            purpose=purpose,
            basis=basis,
        )
    for item in items:
        owed = item.owed_by or item.owed_by_role.value
        click.echo(
            f"{item.due.isoformat()}\t{item.case_id}\t{item.rule}\t{item.duty.value}\t{owed}"
        )


def write_demo_store(path: Path, case: Case, records: Records) -> bool:
    """Keep the demo's *case* in a new SQLite store at *path*; ``False`` without openco[store].

    >>> import tempfile
    >>> from openco.cli.demo import tell_story
    >>> from openco.demo import vaaralampi_records
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_demo_store(folder / "cases.sqlite", tell_story().case, vaaralampi_records())
    True
    """
    try:
        opened = _open(str(path), records)
    except MissingDependencyError:
        return False
    with opened:
        opened.add(case)
    return True
