"""``openco analyse``: per-family and per-area measures of many documents, into a directory.

The input is read once, document by document: JSON Lines files line by line, any other file
as one document. Network maps are measured as they are read
(:func:`openco.analysis.measure_maps`); families, professionals, units, meetings, plans and
concerns are kept for the area network (:func:`openco.analysis.area_network`). Everything is
written into a temporary directory beside *--out*, which is renamed to *--out* only once all
of it is written, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import importlib.util
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TextIO

import attrs
import click

from openco.analysis import (
    Privacy,
    area_csv,
    area_measures_csv,
    area_network,
    links_csv,
    measure_maps,
    measures_csv,
    to_dot,
    to_graphml,
    to_svg,
)
from openco.analysis.columns import TranslatedHeader
from openco.analysis.report import FlaggedMaps, html_report
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
from openco.errors import DocumentProblem, InvalidDocumentError
from openco.io import SCHEMA_VERSION, document_kinds, loads
from openco.io._converter import fast_converter
from openco.model import (
    Area,
    AreaId,
    Bundle,
    Concern,
    ContactFrequency,
    Family,
    FamilyId,
    Meeting,
    MemberTie,
    NetworkMap,
    NetworkMember,
    NetworkSector,
    Plan,
    Professional,
    Ring,
    ServiceUnit,
    SupportDirection,
    SupportType,
    TieQuality,
    UnitId,
)

_FLAGGED_PICTURES: Final = 6
"""How many flagged families' maps the HTML report draws."""

__all__ = ["Collected", "analyse", "read_documents"]

# A bundle's parts, by field name, and the kinds of single documents analyse reads.
_PARTS: Final[dict[str, type]] = {
    "areas": Area,
    "units": ServiceUnit,
    "professionals": Professional,
    "families": Family,
    "network_maps": NetworkMap,
    "concerns": Concern,
    "meetings": Meeting,
    "plans": Plan,
}
_SINGLE: Final[dict[str, str]] = {
    "area": "areas",
    "service_unit": "units",
    "professional": "professionals",
    "family": "families",
    "network_map": "network_maps",
    "concern": "concerns",
    "meeting": "meetings",
    "plan": "plans",
}
# Areas, units and professionals repeat from one bundle to the next: read each id once.
_BY_ID: Final = frozenset({"areas", "units", "professionals"})


def _values(kind: type[Any]) -> dict[object, Any]:
    return {m.value: m for m in kind}


_SECTOR: Final = _values(NetworkSector)
_RING: Final = _values(Ring)
_TIE: Final = _values(TieQuality)
_DIRECTION: Final = _values(SupportDirection)
_SUPPORT: Final = _values(SupportType)
_FREQUENCY: Final = {None: None, **_values(ContactFrequency)}
_MEMBER_KEYS: Final = frozenset(a.name for a in attrs.fields(NetworkMember))
_TIE_KEYS: Final = frozenset(a.name for a in attrs.fields(MemberTie))
_MAP_KEYS: Final = frozenset(a.name for a in attrs.fields(NetworkMap))


def _text(value: object) -> Any:  # noqa: ANN401 - ids are NewTypes of str; a str is checked
    if type(value) is not str:
        raise TypeError(value)
    return value


def _day(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_text(value))


def _required_day(value: object) -> dt.date:
    return dt.date.fromisoformat(_text(value))


def _fast_map(data: dict[str, Any]) -> NetworkMap:
    """A network map from its document data, the common case only and without validators.

    Several times faster than the general converter on the maps that make up most of a
    city's data. Anything unexpected raises, and the caller reads the document again with
    the full reader to word the problem.
    """
    if not data.keys() <= _MAP_KEYS:
        raise KeyError(data.keys() - _MAP_KEYS)
    members = []
    for m in data.get("members", ()):
        if not m.keys() <= _MEMBER_KEYS:
            raise KeyError(m.keys() - _MEMBER_KEYS)
        professional = m.get("professional")
        members.append(
            NetworkMember(
                id=_text(m["id"]),
                label=_text(m["label"]),
                sector=_SECTOR[m["sector"]],
                ring=_RING[m["ring"]],
                tie=_TIE[m["tie"]],
                direction=_DIRECTION[m.get("direction", "none")],
                support=frozenset([_SUPPORT[s] for s in m.get("support", ())]),
                professional=None if professional is None else _text(professional),
                frequency=_FREQUENCY[m.get("frequency")],
                known_since=_day(m.get("known_since")),
            )
        )
    ties = []
    for t in data.get("ties", ()):
        if not t.keys() <= _TIE_KEYS:
            raise KeyError(t.keys() - _TIE_KEYS)
        ties.append(
            MemberTie(
                a=_text(t["a"]), b=_text(t["b"]), quality=_TIE[t.get("quality", "supportive")]
            )
        )
    focal = data.get("focal_person")
    return NetworkMap(
        id=_text(data["id"]),
        family=_text(data["family"]),
        drawn_on=_required_day(data["drawn_on"]),
        drawn_with=tuple(_text(p) for p in data["drawn_with"]),
        members=tuple(members),
        ties=tuple(ties),
        focal_person=None if focal is None else _text(focal),
    )


@attrs.define
class Collected:
    """What :func:`read_documents` keeps for the area network, and what it counted."""

    documents: int = 0
    skipped: int = 0
    """Documents of kinds analyse does not use (people, cases, consents …)."""
    maps: int = 0
    areas: dict[str, Area] = attrs.field(factory=dict)
    units: dict[str, ServiceUnit] = attrs.field(factory=dict)
    professionals: dict[str, Professional] = attrs.field(factory=dict)
    families: dict[str, Family] = attrs.field(factory=dict)
    linked_maps: list[NetworkMap] = attrs.field(factory=list)
    """Only the maps naming a professional: the others add nothing to the area network."""
    concerns: list[Concern] = attrs.field(factory=list)
    meetings: list[Meeting] = attrs.field(factory=list)
    plans: list[Plan] = attrs.field(factory=list)
    first_maps: list[NetworkMap] = attrs.field(factory=list)
    pictures: int = 0
    """How many of the first maps to keep in :attr:`first_maps`, for pictures."""

    def area_of(self) -> dict[FamilyId, AreaId]:
        """Each family's home area."""
        return {FamilyId(k): f.home_area for k, f in self.families.items()}


def _problem(where: str, problems: Iterable[DocumentProblem]) -> InvalidDocumentError:
    return InvalidDocumentError(
        DocumentProblem(f"{where}: {p.path}" if p.path else where, p.message) for p in problems
    )


class _Reader:
    def __init__(self, collected: Collected) -> None:
        self.collected = collected
        self.kinds = document_kinds()

    def document(self, text: bytes, where: str) -> Iterator[NetworkMap]:
        """The maps of one document; everything else goes to :attr:`collected`."""
        if not text.strip():
            return
        self.collected.documents += 1
        try:
            raw = json.loads(text)
        except ValueError as error:  # also UnicodeDecodeError
            raise _problem(where, [DocumentProblem("", f"not JSON: {error}")]) from None
        kind = raw.get("kind") if isinstance(raw, dict) else None
        cls = self.kinds.get(kind) if isinstance(kind, str) else None
        data = raw.get("data") if isinstance(raw, dict) else None
        if cls is None or raw.get("schema_version") != SCHEMA_VERSION or not isinstance(data, dict):
            # Let the full reader word the problem: no kind, an unknown one, a bad envelope.
            self._fail(text, cls or Bundle, where)
            return
        if kind == "bundle":
            parts = data
        elif kind in _SINGLE:
            parts = {_SINGLE[kind]: [data]}
        else:
            self.collected.skipped += 1
            return
        try:
            yield from self._parts(parts)
        except Exception:  # noqa: BLE001 - read again with the full reader, to word the problem
            self._fail(text, cls, where)

    def _fail(self, text: bytes, cls: type, where: str) -> None:
        try:
            loads(text, cls)
        except InvalidDocumentError as error:
            raise _problem(where, error.problems) from None
        raise _problem(where, [DocumentProblem("", "cannot be read")])

    def _parts(self, parts: dict[str, Any]) -> Iterator[NetworkMap]:
        collected = self.collected
        unknown = set(parts) - set(_PARTS) - {"consents"}
        if unknown:
            raise ValueError(unknown)
        structure = fast_converter.structure
        for name, cls in _PARTS.items():
            items = parts.get(name, ())
            if name in _BY_ID:
                known: dict[str, Any] = getattr(collected, name)
                for item in items:
                    key = item["id"]
                    if key not in known:
                        known[key] = structure(item, cls)
            elif name == "families":
                for item in items:
                    family = structure(item, Family)
                    collected.families[family.id] = family
            elif name == "network_maps":
                yield from (self._map(_fast_map(item)) for item in items)
            else:
                getattr(collected, name).extend(structure(item, cls) for item in items)

    def _map(self, nmap: NetworkMap) -> NetworkMap:
        collected = self.collected
        collected.maps += 1
        if any(m.professional for m in nmap.members):
            collected.linked_maps.append(nmap)
        if len(collected.first_maps) < collected.pictures:
            collected.first_maps.append(nmap)
        return nmap


def read_documents(
    files: Iterable[Path],
    collected: Collected,
    *,
    advance: Callable[[int], None] = lambda _: None,
    digest: Any = None,  # noqa: ANN401 - a hashlib object, whose class is not public
) -> Iterator[NetworkMap]:
    """Every network map in *files*, lazily; the other documents go into *collected*.

    The model's validators are not run again (``openco check`` does that); a document that
    cannot be read at all raises :class:`~openco.errors.InvalidDocumentError` whose paths
    start with ``FILE:LINE``. *advance* is called with the number of bytes read, and
    *digest*, if given, is updated with them.

    Raises:
        InvalidDocumentError: a document cannot be read.
        OSError: a file cannot be read.
    """
    reader = _Reader(collected)
    for path in files:
        with opened(path) as handle:
            if is_dash(path) or path.suffix.lower() in JSON_LINES_SUFFIXES:
                name = STDIN_NAME if is_dash(path) else str(path)
                pending = 0
                for number, line in enumerate(handle, start=1):
                    if digest is not None:
                        digest.update(line)
                    pending += len(line)
                    if pending > 1 << 20:
                        advance(pending)
                        pending = 0
                    with attrs.validators.disabled():
                        maps = list(reader.document(line, f"{name}:{number}"))
                    yield from maps
                advance(pending)
            else:
                text = handle.read()
                if not text.strip():
                    # As openco check says: a .json file holds one document, not none.
                    raise _problem(str(path), [DocumentProblem("", EMPTY_DOCUMENT)])
                if digest is not None:
                    digest.update(text)
                with attrs.validators.disabled():
                    maps = list(reader.document(text, str(path)))
                yield from maps
                advance(len(text))


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
    help="The seed of the community detection in the area network.",
)
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
) -> None:
    """Measure every family's network map and every area, into CSV, GraphML and pictures.

    FILES are openco documents: JSON Lines (.jsonl, .ndjson) from 'openco generate' or
    'openco import-csv', or files of one document each; - reads JSON Lines from stdin
    ('openco generate ... -o - | openco analyse - --out DIR'). Bundles and single network maps,
    families, professionals, units, areas, meetings, plans and concerns are read; other
    kinds are counted and skipped.

    People, families, professionals and maps are pseudonymised with a keyed hash, and dates
    shown by the month, unless --names is given. The key comes from --key-file, or from
    $OPENCO_PSEUDONYM_KEY, or else is a new random key written beside DIR, owner-only.
    """
    if names and key_file is not None:
        raise click.UsageError("--names shows real ids; it cannot be used with --key-file.")
    if html_page and not _has_matplotlib():
        raise click.UsageError("--html draws pictures: install openco[plot] (matplotlib).")
    collected = Collected(pictures=pictures)
    flagged = FlaggedMaps(limit=_FLAGGED_PICTURES)
    if sum(is_dash(path) for path in files) > 1:
        raise click.UsageError("stdin (-) can be read only once.")
    total = None if any(is_dash(p) for p in files) else sum(p.stat().st_size for p in files)
    # Real names and ids are kept owner-only; pseudonymised output follows the umask.
    with output_directory(out, force=force, private=names) as stage, _paused_gc():
        key = None if names else pseudonym_key(key_file, out=out, force=force)
        with progress_display(total, show=progress, label="Reading") as bar:
            maps = read_documents(files, collected, advance=bar.update)
            table = measure_maps(flagged.watch(maps) if html_page else maps)
        if key is None:
            privacy = Privacy.identified(names=True)
        else:
            privacy = Privacy.pseudonymised(key.key, coarse_dates=not exact_dates)
        written = [f"families.csv ({counted(len(table), 'row')})"]
        with _csv(stage, "families.csv", language) as f:
            measures_csv(table, privacy=privacy, out=f)
        if collected.families:
            area_of = collected.area_of()
            with _csv(stage, "areas.csv", language) as f:
                area_measures_csv(table, area_of=area_of, out=f)
            written.append("areas.csv")
        if collected.professionals:
            network = area_network(
                professionals=collected.professionals.values(),
                units=collected.units.values(),
                families=collected.families.values(),
                maps=collected.linked_maps,
                meetings=collected.meetings,
                plans=collected.plans,
                concerns=collected.concerns,
                seed=seed,
            )
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
        counted(len(collected.families), "family", "families"),
        counted(len(collected.professionals), "professional"),
        counted(len(collected.meetings), "meeting"),
        counted(len(collected.plans), "plan"),
        counted(len(collected.concerns), "concern"),
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
