"""``openco analyse``: per-family and per-area measures of many documents, into a directory.

The input is read once, document by document: JSON Lines files line by line, any other file
as one document, through :func:`openco.io.load_documents` (one strict parse per document, the
kind taken from its envelope) with every check of the model on, and against the limits of
:mod:`openco.limits`. Network maps are measured as they are read
(:func:`openco.analysis.measure_maps`); of families, professionals, units, meetings, plans and
concerns only what the area network needs is kept
(:class:`openco.analysis.ProfessionalNetworkBuilder`), so memory grows by a few hundred bytes
per family, and ``--memory-budget`` stops the run with an error before it holds more. Everything is
written into a temporary directory beside *--out*, which is renamed to *--out* only once all
of it is written, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import importlib.util
import itertools
import multiprocessing
import os
import resource
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final, NoReturn, TextIO

import attrs
import click

from openco.analysis import (
    MeasureTable,
    Privacy,
    ProfessionalNetworkBuilder,
    area_csv,
    area_measures_csv,
    links_csv,
    measure_maps,
    measures_csv,
    measures_csv_rows,
    to_dot,
    to_graphml,
    to_svg,
)
from openco.analysis.area import DEFAULT_BETWEENNESS_SAMPLE
from openco.analysis.columns import TranslatedHeader
from openco.analysis.report import FlaggedMaps, html_report
from openco.cli._limits import ByteSize, limit_options
from openco.cli.check import EMPTY_DOCUMENT, JSON_LINES_SUFFIXES, opened
from openco.cli.keys import (
    KEY_ENV,
    KEY_FILE_SUFFIX,
    PseudonymKey,
    pseudonym_key,
    refuse_key_on_command_line,
)
from openco.cli.output import OutputDirectory, output_directory
from openco.cli.progress import PROGRESS_OPTION, STDIN_NAME, is_dash
from openco.cli.progress import progress as progress_display
from openco.cli.report import counted
from openco.errors import DocumentProblem, InvalidDocumentError, LimitExceededError
from openco.io import load_documents
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import (
    Area,
    AreaId,
    Bundle,
    Concern,
    Family,
    FamilyId,
    Meeting,
    NetworkMap,
    Plan,
    Professional,
    ServiceUnit,
    UnitId,
)

_FLAGGED_PICTURES: Final = 6
"""How many flagged families' maps the HTML report draws."""

__all__ = [
    "DEFAULT_MEMORY_BUDGET",
    "Collected",
    "RowFiles",
    "analyse",
    "read_and_measure",
    "read_documents",
]

# The parts of a bundle analyse reads, and the single documents that stand for one of them.
_PART_OF: Final[dict[type, str]] = {
    Area: "areas",
    ServiceUnit: "units",
    Professional: "professionals",
    Family: "families",
    NetworkMap: "network_maps",
    Meeting: "meetings",
    Plan: "plans",
    Concern: "concerns",
}
_PARTS: Final = tuple(_PART_OF.values())
# The kinds analyse uses; every other kind is read and checked, then counted and dropped.
_USED: Final = frozenset({Bundle, *_PART_OF})
_CHECK_EVERY: Final = 256
"""Documents read between two looks at the memory in use."""
DEFAULT_MEMORY_BUDGET: Final = 2 * 1024**3
"""``--memory-budget`` by default: 2 GiB, half of a 4 GiB machine."""


@attrs.define
class Collected:
    """What :func:`read_documents` keeps for the area network and the pictures, and counts.

    Nothing read is held whole: network maps are measured as they stream by, and of the other
    documents the area network keeps only what it needs (:class:`ProfessionalNetworkBuilder`).
    """

    limits: Limits = DEFAULT_LIMITS
    memory_budget: int = DEFAULT_MEMORY_BUDGET
    documents: int = 0
    skipped: int = 0
    """Documents of kinds analyse does not use (people, cases, consents …)."""
    maps: int = 0
    families: int = 0
    meetings: int = 0
    plans: int = 0
    concerns: int = 0
    professionals: set[str] = attrs.field(factory=set)
    areas: dict[str, Area] = attrs.field(factory=dict)
    """Every area read, by id (the first copy of each)."""
    units: dict[str, ServiceUnit] = attrs.field(factory=dict)
    """Every service unit read, by id (the first copy of each)."""
    builder: ProfessionalNetworkBuilder = attrs.field(default=None)
    first_maps: list[NetworkMap] = attrs.field(factory=list)
    pictures: int = 0
    """How many of the first maps to keep in :attr:`first_maps`, for pictures."""
    row_files: list[Path] = attrs.field(factory=list)
    """The files holding the rows of ``families.csv``, in order (see :class:`RowFiles`)."""

    def __attrs_post_init__(self) -> None:
        if self.builder is None:
            self.builder = ProfessionalNetworkBuilder(limits=self.limits)

    def area_of(self) -> Mapping[FamilyId, AreaId]:
        """Each family's home area."""
        return self.builder.area_of

    def add(self, document: object) -> Iterator[NetworkMap]:
        """Keep what the area network needs of *document*; yield its network maps."""
        if isinstance(document, Bundle):
            parts: Mapping[str, Sequence[Any]] = {name: getattr(document, name) for name in _PARTS}
        elif type(document) in _PART_OF:
            parts = {_PART_OF[type(document)]: (document,)}
        else:  # pragma: no cover - _USED lists only the kinds above
            return
        builder, nothing = self.builder, ()
        for area in parts.get("areas", nothing):
            self.areas.setdefault(area.id, area)
        for unit in parts.get("units", nothing):
            self.units.setdefault(unit.id, unit)
        builder.add_units(parts.get("units", nothing))
        builder.add_professionals(parts.get("professionals", nothing))
        self.professionals.update(p.id for p in parts.get("professionals", nothing))
        builder.add_families(parts.get("families", nothing))
        builder.add_meetings(parts.get("meetings", nothing))
        builder.add_plans(parts.get("plans", nothing))
        builder.add_concerns(parts.get("concerns", nothing))
        self.families += len(parts.get("families", nothing))
        self.meetings += len(parts.get("meetings", nothing))
        self.plans += len(parts.get("plans", nothing))
        self.concerns += len(parts.get("concerns", nothing))
        for nmap in parts.get("network_maps", nothing):
            yield self._map(nmap)

    def merge(self, other: Collected) -> None:
        """Add what *other* read after everything read here (see :func:`read_and_measure`)."""
        self.documents += other.documents
        self.skipped += other.skipped
        self.maps += other.maps
        self.families += other.families
        self.meetings += other.meetings
        self.plans += other.plans
        self.concerns += other.concerns
        self.professionals |= other.professionals
        for area_id, area in other.areas.items():
            self.areas.setdefault(area_id, area)
        for unit_id, unit in other.units.items():
            self.units.setdefault(unit_id, unit)
        self.builder.update(other.builder)
        self.first_maps += other.first_maps[: max(self.pictures - len(self.first_maps), 0)]

    def _map(self, nmap: NetworkMap) -> NetworkMap:
        self.maps += 1
        self.builder.add_maps((nmap,))
        if len(self.first_maps) < self.pictures:
            self.first_maps.append(nmap)
        return nmap


def _problem(where: str, problems: Iterable[DocumentProblem]) -> InvalidDocumentError:
    return InvalidDocumentError(
        DocumentProblem(f"{where}: {p.path}" if p.path else where, p.message) for p in problems
    )


def _resident_memory() -> int:
    """The bytes of memory this process holds now (its peak where the system says no more)."""
    try:
        with open("/proc/self/statm", "rb") as statm:  # noqa: PTH123 - one small read
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _check_memory(collected: Collected, where: str = "") -> None:
    """Refuse to go on once the process holds more than the memory budget.

    Raises:
        LimitExceededError: over ``--memory-budget``.
    """
    used = _resident_memory()
    if used > collected.memory_budget:
        raise LimitExceededError(
            "memory_budget",
            used,
            collected.memory_budget,
            "bytes of memory held by openco analyse",
            "--memory-budget",
            where,
        )


class _Reader:
    """Reads documents with :func:`openco.io.load_documents` into a :class:`Collected`."""

    def __init__(self, collected: Collected) -> None:
        self.collected = collected
        self.line = 0
        """The number of the text last handed to the loader (its line in a JSON Lines file)."""

    def maps(self, texts: Iterable[bytes], name: str, first: int | None) -> Iterator[NetworkMap]:
        """The network maps of *texts* read from *name*, every document read and checked.

        *first* is the number of the first text's line (``None``: one document, no lines):
        a document that cannot be read raises :class:`InvalidDocumentError` at ``NAME:LINE``.
        """
        collected = self.collected

        def where() -> str:
            return name if first is None else f"{name}:{self.line}"

        def refuse(number: int, error: InvalidDocumentError) -> NoReturn:
            del number  # counted from the segment's start; self.line is the file's line
            raise _problem(where(), error.problems) from None

        # Every kind is read and checked, those analyse does not use too, then dropped: a
        # document `openco check` refuses is refused here too, whatever its kind.
        numbered = self._numbered(texts, first or 1)
        for document in load_documents(numbered, limits=collected.limits, on_error=refuse):
            collected.documents += 1
            if collected.documents % _CHECK_EVERY == 0:
                _check_memory(collected, where())
            if type(document) in _USED:
                yield from collected.add(document)
            else:
                collected.skipped += 1

    def _numbered(self, texts: Iterable[bytes], first: int) -> Iterator[bytes]:
        """*texts*, keeping :attr:`line` at the number of the one the loader reads now."""
        self.line = first - 1
        for text in texts:
            self.line += 1
            yield text


@attrs.frozen
class _Segment:
    """Part of one input file: from byte *start* (a line's start) to *end* (exclusive)."""

    path: Path
    start: int = 0
    end: int | None = None
    first_line: int | None = 1
    """The number of the line at *start*; ``None``: count the lines before it."""

    @property
    def lines(self) -> bool:
        return is_dash(self.path) or self.path.suffix.lower() in JSON_LINES_SUFFIXES


def _count_lines(handle: BinaryIO, end: int) -> int:
    count, left = 0, end
    while left > 0:
        block = handle.read(min(left, 1 << 24))
        if not block:
            break
        count += block.count(b"\n")
        left -= len(block)
    return count


def _read_segments(
    segments: Iterable[_Segment],
    collected: Collected,
    *,
    advance: Callable[[int], None] = lambda _: None,
) -> Iterator[NetworkMap]:
    reader = _Reader(collected)
    for segment in segments:
        path = segment.path
        with opened(path) as handle:
            if not segment.lines:
                text = handle.read()
                if not text.strip():
                    # As openco check says: a .json file holds one document, not none.
                    raise _problem(str(path), [DocumentProblem("", EMPTY_DOCUMENT)])
                yield from reader.maps([text], str(path), None)
                advance(len(text))
                continue
            name = STDIN_NAME if is_dash(path) else str(path)
            number = segment.first_line
            if number is None:
                number = _count_lines(handle, segment.start) + 1
            if segment.start:
                handle.seek(segment.start)
            lines = _lines(handle, segment.start, segment.end, advance)
            yield from reader.maps(lines, name, number)


def _lines(
    handle: BinaryIO, start: int, end: int | None, advance: Callable[[int], None]
) -> Iterator[bytes]:
    """The lines of *handle* from byte *start* (where it stands) up to *end*; bytes to *advance*."""
    position, pending = start, 0
    for line in handle:
        if end is not None and position >= end:
            break
        position += len(line)
        pending += len(line)
        if pending > 1 << 20:
            advance(pending)
            pending = 0
        yield line
    advance(pending)


def read_documents(
    files: Iterable[Path],
    collected: Collected,
    *,
    advance: Callable[[int], None] = lambda _: None,
) -> Iterator[NetworkMap]:
    """Every network map in *files*, lazily; of the other documents *collected* keeps a little.

    Every document is read by :func:`openco.io.load_documents`, the model's validation on, and
    checked against ``collected.limits``; one that cannot be read raises
    :class:`~openco.errors.InvalidDocumentError` whose paths start with ``FILE:LINE``. *advance*
    is called with the number of bytes read.
    Every few hundred documents the memory in use is compared with ``collected.memory_budget``.

    Raises:
        InvalidDocumentError: a document cannot be read.
        LimitExceededError: a document is over a limit, or the memory over the budget.
        OSError: a file cannot be read.
    """
    return _read_segments([_Segment(path) for path in files], collected, advance=advance)


_PARALLEL_FROM: Final = 64 * 1024**2
"""Inputs smaller than this many bytes are read in one process: starting another costs more."""


def _parts(files: Sequence[Path], parts: int) -> list[list[_Segment]] | None:
    """*files* cut into *parts* runs of about equal size, each cut at the start of a line.

    ``None`` when the input is too small to share. A file of one document is never cut.
    """
    sizes = [path.stat().st_size for path in files]
    total = sum(sizes)
    if parts < 2 or total < _PARALLEL_FROM:  # noqa: PLR2004
        return None
    cuts = [(0, 0)]  # (file index, offset of a line start in it)
    for k in range(1, parts):
        wanted, index = total * k // parts, 0
        while wanted >= sizes[index]:
            wanted -= sizes[index]
            index += 1
        if not _Segment(files[index]).lines:
            wanted = sizes[index]
        elif wanted:
            with files[index].open("rb") as handle:
                handle.seek(wanted - 1)  # a cut right after a newline stays where it is
                wanted += len(handle.readline()) - 1
        cuts.append((index, wanted))
    cuts.append((len(files) - 1, sizes[-1]))
    found = []
    for (first, start), (last, end) in itertools.pairwise(cuts):
        found.append(
            [
                _Segment(
                    files[index],
                    start if index == first else 0,
                    end if index == last else sizes[index],
                    1 if index != first or start == 0 else None,
                )
                for index in range(first, last + 1)
                if (end if index == last else sizes[index]) > (start if index == first else 0)
            ]
        )
    return found


@attrs.frozen
class RowFiles:
    """Where the processes reading parts of the input write their rows of ``families.csv``.

    Formatting a country's rows takes a while; each process formats its own part as soon as
    it is read, in parallel, into ``FOLDER/part-N.csv`` (rows only, see
    :func:`~openco.analysis.measures_csv_rows`); the header and these files in order give
    the file :func:`~openco.analysis.measures_csv` gives for the whole table.
    """

    folder: Path
    privacy: Privacy

    def write(self, number: int, table: MeasureTable) -> Path:
        """The rows of *table*, the *number*-th part, written to their file; its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"part-{number}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            measures_csv_rows(table, privacy=self.privacy, out=handle)
        return path


def _read_part(  # noqa: PLR0917 - one process's whole task, passed as one tuple
    segments: list[_Segment],
    pictures: int,
    limits: Limits,
    budget: int,
    number: int,
    rows: RowFiles | None,
) -> tuple[MeasureTable, Collected, Path | None]:
    """Read and measure one part of the input, in a process of its own; write its rows."""
    collected = Collected(pictures=pictures, limits=limits, memory_budget=budget)
    with _paused_gc():
        table = measure_maps(_read_segments(segments, collected), limits=limits)
        written = None if rows is None else rows.write(number, table)
    return table, collected, written


def read_and_measure(
    files: Sequence[Path],
    collected: Collected,
    *,
    workers: int = 1,
    advance: Callable[[int], None] = lambda _: None,
    watch: Callable[[Iterator[NetworkMap]], Iterator[NetworkMap]] | None = None,
    rows: RowFiles | None = None,
) -> MeasureTable:
    """:func:`measure_maps` of :func:`read_documents`, shared by *workers* processes.

    A large input (64 MiB or more) is cut at line starts into *workers* parts of about equal
    size; the first is read here while forked processes read the others, each within its
    share of the memory budget, and the results are joined in the order of the input: the
    same table and area network as one process gives. Where processes cannot be forked, from
    stdin, or with *watch* (a function every map passes through, in order), everything is read
    here. With *rows*, a shared read also writes each part's rows of ``families.csv`` in the
    process that read it, and ``collected.row_files`` lists the files in order (it stays
    empty when everything was read here).

    Raises:
        InvalidDocumentError: a document cannot be read (the first in the input's order).
        LimitExceededError: a document is over a limit, or the memory over the budget.
    """
    limits = collected.limits
    forks = "fork" in multiprocessing.get_all_start_methods()
    one = watch is not None or not forks or any(map(is_dash, files))
    parts = None if one else _parts(files, workers)
    if parts is None:
        maps = read_documents(files, collected, advance=advance)
        return measure_maps(maps if watch is None else watch(maps), limits=limits)
    share = collected.memory_budget // len(parts)
    context = multiprocessing.get_context("fork")
    pool = context.Pool(len(parts) - 1)
    try:
        pending = [
            pool.apply_async(_read_part, (part, collected.pictures, limits, share, k, rows))
            for k, part in enumerate(parts[1:], start=1)
        ]
        budget, collected.memory_budget = collected.memory_budget, share
        tables = [
            measure_maps(
                _read_segments(parts[0], collected, advance=lambda n: advance(n * len(parts))),
                limits=limits,
            )
        ]
        collected.memory_budget = budget
        if rows is not None:
            collected.row_files.append(rows.write(0, tables[0]))
        for result in pending:
            table, other, written = result.get()
            tables.append(table)
            collected.merge(other)
            if written is not None:
                collected.row_files.append(written)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    return MeasureTable.joined(tables)


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    # Reading builds millions of small objects and frees none: the cyclic collector would
    # scan them over and over for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _has_matplotlib() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


@click.command(short_help="Measure families' network maps and areas into CSV and GraphML.")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, readable=True, allow_dash=True, path_type=Path),
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The directory to write (must not exist yet, or be empty).",
)
@click.option(
    "--key-file",
    type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path),
    default=None,
    help=f"The file holding the pseudonym key (16 bytes or more). Without it, the key in "
    f"${KEY_ENV}, or else a new random key written to OUT{KEY_FILE_SUFFIX}.",
)
@click.option(
    "--key",
    callback=refuse_key_on_command_line,
    expose_value=False,
    hidden=True,
    help="Removed: use --key-file or the environment.",
)
@click.option(
    "--exact-dates",
    is_flag=True,
    help="Show dates to the day in pseudonymised output (by default, by the month).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists and is not empty.",
)
@click.option(
    "--html",
    "html_page",
    is_flag=True,
    help="Also write report.html: one self-contained page (no server, nothing fetched) with "
    "the area summaries, the services' networks, per-area tables and the maps of flagged "
    "families. Needs openco[plot].",
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(("en", "fi", "sv")),
    default=None,
    help="Write the HTML report, and the CSV files' column names, in this language. By "
    "default the report is in English and the columns keep their stable names.",
)
@click.option(
    "--names",
    is_flag=True,
    help="Show real ids and names instead of pseudonyms (only inside the case system).",
)
@click.option(
    "--pictures",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Draw the network maps of this many first families (SVG, or DOT without matplotlib).",
)
@PROGRESS_OPTION
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="The seed of the community detection and of the betweenness sample.",
)
@click.option(
    "--memory-budget",
    type=ByteSize(),
    default="2GiB",
    show_default=True,
    help="Stop with an error rather than hold more memory than this (2GiB, 1500MiB …).",
)
@click.option(
    "--betweenness-sample",
    type=click.IntRange(min=2),
    default=DEFAULT_BETWEENNESS_SAMPLE,
    show_default=True,
    help="Betweenness is exact up to this many professionals, estimated from a seeded sample "
    "of this many above.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=min(2, os.cpu_count() or 1),
    show_default="2 where there are two cores",
    help="Processes to read a large input with (64 MiB or more), and to share the "
    "betweenness of a large network with; the output is the same whatever the number.",
)
@limit_options
def analyse(
    *,
    files: tuple[Path, ...],
    out: Path,
    key_file: Path | None,
    exact_dates: bool,
    force: bool,
    html_page: bool,
    language: str | None,
    names: bool,
    pictures: int,
    progress: bool | None,
    seed: int,
    memory_budget: int,
    betweenness_sample: int,
    workers: int,
    limits: Limits,
) -> None:
    """Measure every family's network map and every area, into CSV, GraphML and pictures.

    FILES are openco documents: JSON Lines (.jsonl, .ndjson) from 'openco generate' or
    'openco import-csv', or files of one document each; - reads JSON Lines from stdin
    ('openco generate ... -o - | openco analyse - --out DIR'). Bundles and single network maps,
    families, professionals, units, areas, meetings, plans and concerns are read; other
    kinds are checked as 'openco check' checks them, then counted and skipped.

    People, families, professionals and maps are pseudonymised with a keyed hash, and dates
    shown by the month, unless --names is given. The key comes from --key-file, or from
    $OPENCO_PSEUDONYM_KEY, or else is a new random key written beside DIR, owner-only.
    """
    if names and key_file is not None:
        raise click.UsageError("--names shows real ids; it cannot be used with --key-file.")
    if html_page and not _has_matplotlib():
        raise click.UsageError("--html draws pictures: install openco[plot] (matplotlib).")
    collected = Collected(pictures=pictures, limits=limits, memory_budget=memory_budget)
    flagged = FlaggedMaps(limit=_FLAGGED_PICTURES)
    if sum(is_dash(path) for path in files) > 1:
        raise click.UsageError("stdin (-) can be read only once.")
    total = None if any(is_dash(p) for p in files) else sum(p.stat().st_size for p in files)
    # Real names and ids are kept owner-only; pseudonymised output follows the umask.
    with output_directory(out, force=force, private=names) as stage, _paused_gc():
        key = None if names else pseudonym_key(key_file, out=out, force=force)
        if key is None:
            privacy = Privacy.identified(names=True)
        else:
            privacy = Privacy.pseudonymised(key.key, coarse_dates=not exact_dates)
        rows = RowFiles(stage.path(_ROW_FILES, "families.csv").parent, privacy)
        with progress_display(total, show=progress, label="Reading") as bar:
            table = read_and_measure(
                files,
                collected,
                workers=workers,
                advance=bar.update,
                watch=flagged.watch if html_page else None,
                rows=rows,
            )
        _check_memory(collected, "after reading")
        written = [f"families.csv ({counted(len(table), 'row')})"]
        with _csv(stage, "families.csv", language) as f:
            _families_csv(f, table, privacy, collected.row_files)
        shutil.rmtree(rows.folder, ignore_errors=True)
        if collected.families:
            area_of = collected.area_of()
            with _csv(stage, "areas.csv", language) as f:
                area_measures_csv(table, area_of=area_of, out=f)
            written.append("areas.csv")
        if collected.professionals:
            network = collected.builder.build(
                seed=seed, betweenness_sample=betweenness_sample, workers=workers
            )
            _check_memory(collected, "after the area network")
            with _csv(stage, "area-network.csv", language) as f:
                area_csv(network, out=f)
            with _csv(stage, "professional-links.csv", language) as f:
                links_csv(network, privacy=privacy, out=f)
            stage.write_text("professionals.graphml", text=to_graphml(network, privacy=privacy))
            written += ["area-network.csv", "professional-links.csv", "professionals.graphml"]
        if collected.first_maps:
            written.append(_pictures(stage, collected.first_maps, privacy))
        if html_page:
            page = html_report(
                table,
                privacy=privacy,
                language=language or "en",
                area_of=collected.area_of(),
                network=network if collected.professionals else None,
                maps=flagged.maps,
                area_names={AreaId(k): a.name for k, a in collected.areas.items()},
                unit_names={UnitId(k): u.name for k, u in collected.units.items()},
            )
            stage.write_text("report.html", text=page)
            written.append("report.html")
        if key is not None:
            key.write()  # before the output is in place: no output without its key
    click.echo(_summary(files, collected, written, out, key=key))


_ROW_FILES: Final = ".families-rows"
"""The folder in the staging directory where reading processes leave their rows; removed."""


def _families_csv(
    out: TextIO, table: MeasureTable, privacy: Privacy, row_files: list[Path]
) -> None:
    """``families.csv``: of *table*, or its header and the rows already in *row_files*."""
    if not row_files:
        measures_csv(table, privacy=privacy, out=out)
        return
    measures_csv(measure_maps(()), privacy=privacy, out=out)  # the header alone
    for path in row_files:
        with path.open(encoding="utf-8", newline="") as part:
            shutil.copyfileobj(part, out, 1 << 20)


@contextlib.contextmanager
def _csv(stage: OutputDirectory, name: str, language: str | None) -> Iterator[TextIO]:
    """A CSV file of the output; its column names in *language* if one was chosen."""
    with stage.open_text(name) as handle:
        if language is None:
            yield handle
        else:
            translated = TranslatedHeader(handle, language)
            yield translated  # type: ignore[misc]  # a text stream, as csv.writer needs
            translated.flush()


def _pictures(stage: OutputDirectory, maps: list[NetworkMap], privacy: Privacy) -> str:
    """Draw *maps* as ``maps/map-1.svg`` …, named by position, never by anything in the data.

    ``maps/index.csv`` says which family and map each picture shows, as the tables do.
    """
    svg = _has_matplotlib()
    suffix = "svg" if svg else "dot"
    with stage.open_text("maps", "index.csv") as index:
        rows = csv.writer(index, lineterminator="\n")
        rows.writerow(["picture", "family", "map", "drawn_on"])
        for number, nmap in enumerate(maps, start=1):
            name = f"map-{number}.{suffix}"
            picture = to_svg(nmap, privacy=privacy) if svg else to_dot(nmap, privacy=privacy)
            stage.write_text("maps", name, text=picture)
            rows.writerow(
                [
                    name,
                    privacy.family(nmap.family),
                    privacy.map(nmap.id),
                    privacy.date(nmap.drawn_on),
                ]
            )
    return f"maps/ ({counted(len(maps), 'picture')}, {'SVG' if svg else 'DOT'}, index.csv)"


def _summary(
    files: tuple[Path, ...],
    collected: Collected,
    written: list[str],
    out: Path,
    *,
    key: PseudonymKey | None,
) -> str:
    parts = [
        counted(collected.maps, "network map"),
        counted(collected.families, "family", "families"),
        counted(len(collected.professionals), "professional"),
        counted(collected.meetings, "meeting"),
        counted(collected.plans, "plan"),
        counted(collected.concerns, "concern"),
    ]
    lines = [
        f"Read {counted(collected.documents, 'document')} from {counted(len(files), 'file')}: "
        + ", ".join(parts)
        + (
            f"; skipped {counted(collected.skipped, 'document')} of other kinds"
            if collected.skipped
            else ""
        )
        + ".",
        f"Wrote to {out}: {', '.join(written)}.",
    ]
    if key is None:
        lines.append(
            "Real ids and names are shown (--names): keep the output inside the case system."
        )
    else:
        lines.append(f"Ids are pseudonymised with {key.source}.")
        if key.new_file is not None:
            lines.append(
                "Keep the key apart from the output; pass it with --key-file to give the same "
                "pseudonyms in a later run."
            )
    return "\n".join(lines)
