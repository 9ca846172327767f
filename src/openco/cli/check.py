"""``openco check``: validate openco documents and report every problem with where it is.

A file ending in ``.jsonl`` (or ``.ndjson``) is JSON Lines, read line by line so that memory
stays flat however large it is; every line holds a document of the kind of the first line
that names one. Any other file holds one document. The kind of document is read from its
envelope (``"kind": "family"``), so one command checks families, maps, bundles and the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Final

import attrs
import click

from openco.cli.exit_codes import ExitCode
from openco.cli.progress import PROGRESS_OPTION, STDIN_NAME, is_dash
from openco.cli.progress import progress as progress_display
from openco.cli.report import counted
from openco.errors import DocumentProblem, InvalidDocumentError, redacted
from openco.io import document_kinds, iter_loads, loads, read_json
from openco.model import Bundle
from openco.process import Records

__all__ = [
    "EMPTY_DOCUMENT",
    "JSON_LINES_SUFFIXES",
    "DocumentChecker",
    "FileProblem",
    "check",
    "opened",
]

JSON_LINES_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
"""File name endings that mark a file as JSON Lines."""

EMPTY_DOCUMENT: Final = "the file is empty; a file that is not JSON Lines holds one document"
"""What ``check`` and ``analyse`` both say of an empty ``.json`` file."""


@contextlib.contextmanager
def opened(path: Path) -> Iterator[BinaryIO]:
    """The file at *path* open for reading bytes; ``-`` is stdin (left open afterwards)."""
    if is_dash(path):
        yield sys.stdin.buffer
        return
    with path.open("rb") as handle:
        yield handle


@attrs.frozen
class FileProblem:
    """One problem in one file: the file, the line (for JSON Lines) and the problem itself.

    >>> print(FileProblem(Path("maps.jsonl"), 3, DocumentProblem("data.id", "missing")))
    maps.jsonl:3: data.id: missing
    """

    file: Path
    line: int | None
    problem: DocumentProblem

    def __str__(self) -> str:
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.problem}"


def _kind_problem(raw: object) -> tuple[type | None, DocumentProblem | None]:
    """The class the document *raw* (already parsed JSON) says it holds, or why it says none."""
    if not isinstance(raw, dict):
        return None, DocumentProblem("", "a document is a JSON object")
    if "kind" not in raw:
        return None, DocumentProblem("kind", "missing")
    kinds = document_kinds()
    cls = kinds.get(raw["kind"]) if isinstance(raw["kind"], str) else None
    if cls is None:
        return None, DocumentProblem(
            "kind", f"{redacted(raw['kind'], word=True)} is not one of {', '.join(sorted(kinds))}"
        )
    return cls, None


def _kind_of_text(text: bytes) -> tuple[type | None, DocumentProblem | None]:
    try:
        raw = read_json(text)  # strictly: no RecursionError on deep input, no lone surrogates
    except InvalidDocumentError as error:
        return None, error.problems[0]
    return _kind_problem(raw)


@attrs.define
class DocumentChecker:
    """Checks files of openco documents, counting the documents it has seen.

    *today*, if given, is the date after which nobody can be born (openco never reads the
    clock, so the caller says what day it is). A case document is judged by *records* (the
    registers of the people its history names) and *today*, both needed to check it.

    >>> checker = DocumentChecker()
    >>> for problem in checker.check_lines(['{"kind": "area"}', "", "[]"], Path("a.jsonl")):
    ...     print(problem)
    a.jsonl:1: schema_version: missing
    a.jsonl:1: data: missing
    a.jsonl:3: $: a document is a JSON object
    >>> checker.documents
    2
    """

    today: dt.date | None = None
    records: Records | None = None
    documents: int = 0

    def check(
        self, path: Path, *, advance: Callable[[int], None] = lambda _: None
    ) -> Iterator[FileProblem]:
        """Every problem in the file at *path* (``-``: stdin, as JSON Lines), as it is found.

        *advance* is called with the number of bytes read, now and then.

        Raises:
            OSError: the file cannot be read.
        """
        if is_dash(path) or path.suffix.lower() in JSON_LINES_SUFFIXES:
            with opened(path) as lines:
                shown = Path(STDIN_NAME) if is_dash(path) else path
                yield from self.check_lines(lines, shown, advance=advance)
        else:
            text = path.read_bytes()
            yield from self.check_text(text, path)
            advance(len(text))

    def check_text(self, text: bytes, path: Path) -> Iterator[FileProblem]:
        """Every problem in *text*, one openco document read from *path*."""
        self.documents += 1
        if not text.strip():
            yield FileProblem(path, None, DocumentProblem("", EMPTY_DOCUMENT))
            return
        cls, problem = _kind_of_text(text)
        if cls is None:
            yield FileProblem(path, None, problem or DocumentProblem("", "unreadable"))
            return
        try:
            loads(text, cls, today=self.today, records=self.records)
        except InvalidDocumentError as error:
            yield from (FileProblem(path, None, p) for p in error.problems)

    def check_lines(
        self,
        lines: Iterable[bytes | str],
        path: Path,
        *,
        advance: Callable[[int], None] = lambda _: None,
    ) -> Iterator[FileProblem]:
        """Every problem in JSON Lines *lines* read from *path*, line by line.

        Each line's kind is read from the line itself, so one file may mix kinds, as
        ``openco analyse`` reads them. *advance* is called with the bytes read, now and then.
        """
        pending = 0
        for number, line in enumerate(lines, start=1):
            text = line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
            pending += len(text)
            if pending > 1 << 20:
                advance(pending)
                pending = 0
            if not text.strip():
                continue
            self.documents += 1
            cls = _kind_at_start(text)
            problem = None
            if cls is None:
                cls, problem = _kind_of_text(text)
            if cls is None:
                yield FileProblem(path, number, problem or DocumentProblem("", "unreadable"))
                continue
            try:
                loads(text, cls, today=self.today, records=self.records)
            except InvalidDocumentError as error:
                yield from (FileProblem(path, number, p) for p in error.problems)
        advance(pending)


# The envelope as openco writes it: the kind is read without parsing the line twice;
# anything else is parsed to find it (and loads() checks the envelope either way).
_ENVELOPE: Final = re.compile(rb'\s*\{\s*"schema_version"\s*:\s*\d+\s*,\s*"kind"\s*:\s*"(\w+)"')


def _kind_at_start(text: bytes) -> type | None:
    match = _ENVELOPE.match(text)
    return document_kinds().get(match.group(1).decode("ascii")) if match else None


def _records(path: Path) -> Records:
    """The registers in the bundles of *path*: every unit, professional and family, by id."""
    text = path.read_bytes()
    if path.suffix.lower() in JSON_LINES_SUFFIXES:
        bundles = list(iter_loads(text.splitlines(), Bundle))
    else:
        bundles = [loads(text, Bundle)]
    return Records(
        professionals={p.id: p for b in bundles for p in b.professionals},
        units={u.id: u for b in bundles for u in b.units},
        families={f.id: f for b in bundles for f in b.families},
    )


def _summary(files: int, documents: int, problems: int, bad_files: int) -> str:
    checked = f"Checked {counted(files, 'file')}, {counted(documents, 'document')}"
    if not problems:
        return f"{checked}: no problems."
    return f"{checked}: {counted(problems, 'problem')} in {counted(bad_files, 'file')}."


@click.command(short_help="Check openco documents and report every problem.")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, readable=True, allow_dash=True, path_type=Path),
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    default=None,
    help="Refuse people born after this date. Without it, birth dates in the "
    "future are not checked: openco never reads the clock.",
)
@click.option(
    "--records",
    "records_file",
    type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path),
    default=None,
    help="Bundles (.json or .jsonl) whose units, professionals and families case histories "
    "are judged by; needed, with --today, to check case documents.",
)
@PROGRESS_OPTION
def check(
    files: tuple[Path, ...],
    today: dt.datetime | None,
    records_file: Path | None,
    progress: bool | None,
) -> None:
    """Check openco documents (.json: one document; .jsonl and - for stdin: one per line).

    Every problem is printed as FILE[:LINE]: JSON-PATH: MESSAGE, followed by a summary. The
    kind of each document (family, network_map, bundle …) is read from the document itself.
    Exits with 1 if any problem was found.
    """
    try:
        records = None if records_file is None else _records(records_file)
    except InvalidDocumentError as error:
        raise click.BadParameter(str(error), param_hint="--records") from None
    if sum(is_dash(path) for path in files) > 1:
        raise click.UsageError("stdin (-) can be read only once.")
    checker = DocumentChecker(today=None if today is None else today.date(), records=records)
    problems = 0
    bad_files = 0
    total = None if any(is_dash(p) for p in files) else sum(p.stat().st_size for p in files)
    with progress_display(total, show=progress, label="Checking") as bar:
        for path in files:
            found = 0
            for problem in checker.check(path, advance=bar.update):
                click.echo(str(problem))
                found += 1
            problems += found
            bad_files += found > 0
    click.echo(_summary(len(files), checker.documents, problems, bad_files))
    if problems:
        raise click.exceptions.Exit(ExitCode.INVALID_INPUT)
