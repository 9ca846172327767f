"""Network maps from the spreadsheet analysts keep: one CSV row per network member.

Each row places one member on one family's map of one date; the rows of the same *family* and
*drawn_on* make one :class:`~openco.model.NetworkMap`. Enumeration cells take the stable value
(``inner``) or the Finnish, Swedish or English name (``sisin kehä``, ``innersta cirkeln``,
``inner ring``), in any letter case. Every problem in the file is reported at once, by
spreadsheet row (the header is row 1) and column, and no map is returned unless all rows are
sound.

The columns are listed in :data:`COLUMNS`; :data:`REQUIRED_COLUMNS` must be in the header.

Spreadsheets are read as Finnish offices save them: :func:`decode_csv` takes the file's bytes
in UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode
text"), Windows-1252 (Excel's plain "CSV" on a Finnish or Swedish Windows) or Latin-1, and
finds out which; empty columns at the end of the header (Excel's ``;;``) and blank rows are
ignored.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from csv import Error as CsvError
from csv import reader as csv_reader
from typing import Final, TypeVar

import attrs

from openco.errors import DocumentProblem, InvalidDocumentError, InvalidModelError, redacted
from openco.model import (
    ContactFrequency,
    FamilyId,
    LabelledEnum,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    PersonId,
    ProfessionalId,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

__all__ = [
    "COLUMNS",
    "ENCODINGS",
    "REQUIRED_COLUMNS",
    "decode_csv",
    "default_map_id",
    "read_network_maps",
]

E = TypeVar("E", bound=LabelledEnum)
T = TypeVar("T")

COLUMNS: Final[tuple[str, ...]] = (
    "family",
    "drawn_on",
    "drawn_with",
    "member",
    "label",
    "sector",
    "ring",
    "tie",
    "direction",
    "support",
    "frequency",
    "known_since",
    "professional",
    "map",
)
"""Every column the CSV may have, in the order openco writes them."""

REQUIRED_COLUMNS: Final[frozenset[str]] = frozenset(
    {"family", "drawn_on", "drawn_with", "member", "label", "sector", "ring", "tie"}
)
"""The columns every file must have; the others may be left out."""

ENCODINGS: Final[tuple[str, ...]] = ("utf-8", "utf-16", "cp1252", "latin-1")
"""The encodings :func:`decode_csv` tells apart, in the order it tries them."""

# Bytes that Windows-1252 leaves undefined: a file holding one is Latin-1 (or something else).
_NOT_CP1252: Final = frozenset(b"\x81\x8d\x8f\x90\x9d")

# A NetworkMember field that fails its validator is reported in the column it came from.
_MEMBER_COLUMN: Final = {"id": "member"}
_MAP_COLUMN: Final = {"id": "map", "family": "family", "drawn_on": "drawn_on"}

_FINNISH_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_LIST_SEPARATOR: Final = re.compile(r"[;,]")


def _where(source: str | None, path: str) -> str:
    return path if source is None else f"{source}: {path}"


def decode_csv(data: bytes, *, encoding: str | None = None, source: str | None = None) -> str:
    r"""The text of a CSV file's bytes, in the encoding given or the one it is found to be in.

    Without *encoding*: a byte-order mark decides (UTF-8 or UTF-16); otherwise the bytes are
    UTF-8 if they decode as UTF-8, Windows-1252 if they use no byte that Windows-1252 leaves
    undefined, and Latin-1 otherwise. Text in Windows-1252 or Latin-1 almost never happens to
    be valid UTF-8 (an ``ä`` alone is not), so the guess is safe for Finnish and Swedish text.

    Args:
        data: the file's bytes.
        encoding: the encoding to use instead of finding it out (any Python codec name).
        source: the file's name, for the error message.

    Raises:
        InvalidDocumentError: the bytes are not in *encoding*, or *encoding* is unknown; the
            problem names the row and says how to save the file.

    >>> decode_csv("sisin kehä".encode("cp1252"))
    'sisin kehä'
    >>> decode_csv(b"\xef\xbb\xbfsisin keh\xc3\xa4")
    'sisin kehä'
    >>> decode_csv(b"ok\nsisin keh\xe4", encoding="utf-8", source="maps.csv")
    Traceback (most recent call last):
    ...
    openco.errors.InvalidDocumentError: 1 problem in the document:
      maps.csv: row 2: byte 0xe4 is not utf-8; save the file as "CSV UTF-8", or give its encoding (--encoding cp1252 for Excel's plain CSV on Windows)
    """  # noqa: E501 - a doctest's output is one line
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            problem = f"{encoding!r} is not an encoding; use one of {', '.join(ENCODINGS)}"
            raise InvalidDocumentError(
                [DocumentProblem(_where(source, "encoding"), problem)]
            ) from None
        except UnicodeDecodeError as error:
            row = data.count(b"\n", 0, error.start) + 1
            byte = data[error.start : error.start + 1].hex()
            raise InvalidDocumentError(
                [
                    DocumentProblem(
                        _where(source, f"row {row}"),
                        f'byte 0x{byte} is not {encoding}; save the file as "CSV UTF-8", or '
                        "give its encoding (--encoding cp1252 for Excel's plain CSV on Windows)",
                    )
                ]
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return decode_csv(data[3:], encoding="utf-8", source=source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_csv(data, encoding="utf-16", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _NOT_CP1252.isdisjoint(data):
        return data.decode("cp1252")
    return data.decode("latin-1")


def _key(text: str) -> str:
    """How a cell is compared with enumeration names: case, spaces and underscores ignored."""
    return " ".join(text.replace("_", " ").split()).casefold()


def _lookup(kind: type[E]) -> dict[str, E]:
    table: dict[str, E] = {}
    for member in kind:
        for name in (member.value, *(member.label(lang) for lang in ("fi", "sv", "en"))):
            table[_key(name)] = member
    return table


_LOOKUPS: Final[dict[type[LabelledEnum], dict[str, LabelledEnum]]] = {
    kind: _lookup(kind)
    for kind in (NetworkSector, Ring, TieQuality, SupportDirection, SupportType, ContactFrequency)
}


class _CellError(ValueError):
    """A cell that cannot be read; the message says what is allowed."""


def _enum(kind: type[E], raw: str) -> E:
    member = _LOOKUPS[kind].get(_key(raw))
    if member is None:
        options = ", ".join(kind.values())
        raise _CellError(
            f"{raw!r} is not one of {options} (or their Finnish, Swedish or English names)"
        )
    return member  # type: ignore[return-value]  # _LOOKUPS[kind] holds members of kind


def _parser(kind: type[E]) -> Callable[[str], E]:
    return lambda raw: _enum(kind, raw)


def _support(raw: str) -> frozenset[SupportType]:
    return frozenset(_enum(SupportType, part) for part in _items(raw))


def _people(raw: str) -> list[str]:
    people = _items(raw)
    if not people:
        raise _CellError(f"{raw!r} names nobody; list who drew the map, separated by ;")
    return people


def _date(raw: str) -> dt.date:
    try:
        if match := _FINNISH_DATE.fullmatch(raw):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise _CellError(f"{raw!r} is not a date; write it as 2026-03-02 or 2.3.2026") from None


def _items(raw: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATOR.split(raw) if part.strip()]


def default_map_id(family: str, drawn_on: dt.date) -> str:
    """The id a map gets when the CSV has no *map* column (or leaves it empty).

    >>> default_map_id("f-aino", dt.date(2026, 3, 17))
    'f-aino@2026-03-17'
    """
    return f"{family}@{drawn_on.isoformat()}"


@attrs.define
class _Draft:
    """The rows read so far for one map (one family on one date)."""

    first_row: int
    family: str
    drawn_on: dt.date
    drawn_with: tuple[str, ...]
    map_id: str
    members: list[NetworkMember] = attrs.Factory(list)
    member_rows: dict[str, int] = attrs.Factory(dict)


@attrs.define
class _Reader:
    """Reads rows into map drafts, collecting every problem on the way."""

    columns: list[str]
    problems: list[DocumentProblem] = attrs.Factory(list)
    drafts: dict[tuple[str, dt.date], _Draft] = attrs.Factory(dict)
    map_ids: dict[str, tuple[int, tuple[str, dt.date]]] = attrs.Factory(dict)

    def problem(self, row: int, column: str | None, message: str) -> None:
        where = f"row {row}" if column is None else f"row {row}, column {column}"
        self.problems.append(DocumentProblem(where, message))

    def cell(
        self, number: int, values: dict[str, str], column: str, parse: Callable[[str], T]
    ) -> T | None:
        """The cell of *column* parsed, or None if it is empty or wrong (and then reported)."""
        raw = values[column]
        if not raw:
            if column in REQUIRED_COLUMNS:
                self.problem(number, column, "empty; this column needs a value")
            return None
        try:
            return parse(raw)
        except _CellError as error:
            self.problem(number, column, str(error))
            return None

    def row(self, number: int, cells: list[str]) -> None:
        if len(cells) > len(self.columns) and any(c.strip() for c in cells[len(self.columns) :]):
            self.problem(
                number,
                None,
                f"{len(cells)} cells, but the header names {len(self.columns)} columns; "
                "delete the extra cells or name their columns in the header",
            )
            return
        values = dict.fromkeys(COLUMNS, "")
        values.update({n: c.strip() for n, c in zip(self.columns, cells, strict=False)})
        before = len(self.problems)
        family = self.cell(number, values, "family", str)
        drawn_on = self.cell(number, values, "drawn_on", _date)
        drawn_with = self.cell(number, values, "drawn_with", _people)
        member_id = self.cell(number, values, "member", str)
        label = self.cell(number, values, "label", str)
        sector = self.cell(number, values, "sector", _parser(NetworkSector))
        ring = self.cell(number, values, "ring", _parser(Ring))
        tie = self.cell(number, values, "tie", _parser(TieQuality))
        direction = self.cell(number, values, "direction", _parser(SupportDirection))
        support = self.cell(number, values, "support", _support)
        frequency = self.cell(number, values, "frequency", _parser(ContactFrequency))
        known_since = self.cell(number, values, "known_since", _date)
        professional = self.cell(number, values, "professional", str)
        if (
            family is None
            or drawn_on is None
            or not drawn_with
            or member_id is None
            or label is None
            or sector is None
            or ring is None
            or tie is None
            or len(self.problems) > before
        ):
            return
        try:
            member = NetworkMember(
                id=PersonId(member_id),
                label=label,
                sector=sector,
                ring=ring,
                tie=tie,
                direction=direction or SupportDirection.NONE,
                support=support or frozenset(),
                frequency=frequency,
                known_since=known_since,
                professional=None
                if professional is None
                else ProfessionalId(PersonId(professional)),
            )
        except InvalidModelError as error:
            column = error.field.split("[")[0].split(".")[0]
            self.problem(number, _MEMBER_COLUMN.get(column, column), _allowed(error))
            return
        self.add(
            number,
            family=family,
            drawn_on=drawn_on,
            drawn_with=tuple(drawn_with),
            map_id=values["map"],
            member=member,
        )

    def add(
        self,
        number: int,
        *,
        family: str,
        drawn_on: dt.date,
        drawn_with: tuple[str, ...],
        map_id: str,
        member: NetworkMember,
    ) -> None:
        key = (family, drawn_on)
        map_id = map_id or default_map_id(family, drawn_on)
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(
                first_row=number,
                family=family,
                drawn_on=drawn_on,
                drawn_with=drawn_with,
                map_id=map_id,
            )
            earlier = self.map_ids.setdefault(map_id, (number, key))
            if earlier[1] != key:
                self.problem(
                    number,
                    "map",
                    f"{map_id!r} is already the id of the map of {earlier[1][0]} on "
                    f"{earlier[1][1]} (row {earlier[0]})",
                )
        same_map = f"on row {draft.first_row} for the same map ({family}, {drawn_on})"
        if drawn_with != draft.drawn_with:
            self.problem(
                number,
                "drawn_with",
                f"{';'.join(drawn_with)!r} differs from {';'.join(draft.drawn_with)!r} {same_map}",
            )
        if map_id != draft.map_id:
            self.problem(number, "map", f"{map_id!r} differs from {draft.map_id!r} {same_map}")
        if member.id in draft.member_rows:
            self.problem(
                number,
                "member",
                f"{member.id!r} is already on this map (row {draft.member_rows[member.id]})",
            )
            return
        draft.member_rows[member.id] = number
        draft.members.append(member)

    def maps(self) -> Iterator[NetworkMap]:
        for draft in self.drafts.values():
            try:
                yield NetworkMap(
                    id=NetworkMapId(draft.map_id),
                    family=FamilyId(draft.family),
                    drawn_on=draft.drawn_on,
                    drawn_with=tuple(PersonId(p) for p in draft.drawn_with),
                    members=draft.members,
                )
            except InvalidModelError as error:
                column = error.field.split("[")[0].split(".")[0]
                self.problem(draft.first_row, _MAP_COLUMN.get(column, column), _allowed(error))


def _allowed(error: InvalidModelError) -> str:
    return f"got {redacted(error.value)}, allowed: {error.allowed}"


def _delimiter(header_line: str) -> str:
    # Spreadsheets set to Finnish or Swedish write ";" between cells (the comma is their
    # decimal separator); others write ",". The header row has no quoted commas, so count.
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _letter(index: int) -> str:
    """The spreadsheet name of column *index* (0 is A, 26 is AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _header(cells: list[str]) -> tuple[list[str], list[DocumentProblem]]:
    columns = [_key(c.lstrip("\ufeff")).replace(" ", "_") for c in cells]
    while columns and not columns[-1]:  # a spreadsheet's empty columns at the end: ";;"
        columns.pop()
    problems: list[DocumentProblem] = [
        DocumentProblem(
            f"row 1, column {_letter(k)}",
            "the column has no name; name it (the columns are "
            f"{', '.join(COLUMNS)}) or delete the column",
        )
        for k, c in enumerate(columns)
        if not c
    ]
    unknown = [c for c in columns if c and c not in COLUMNS]
    if unknown:
        problems.append(
            DocumentProblem(
                "row 1",
                f"unknown column(s): {', '.join(unknown)}; rename them to one of "
                f"{', '.join(COLUMNS)}, or delete them",
            )
        )
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    if twice:
        problems.append(
            DocumentProblem("row 1", f"column(s) named twice: {', '.join(twice)}; keep one of each")
        )
    missing = [c for c in COLUMNS if c in REQUIRED_COLUMNS and c not in columns]
    if missing:
        problems.append(
            DocumentProblem(
                "row 1", f"missing column(s): {', '.join(missing)}; add them to the header row"
            )
        )
    return columns, problems


def read_network_maps(
    lines: Iterable[str] | str | bytes,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    source: str | None = None,
) -> list[NetworkMap]:
    r"""Read the network maps in a CSV with one row per network member.

    Args:
        lines: the CSV: its bytes (decoded by :func:`decode_csv`), its text, or its text line
            by line (a file opened with ``newline=""``, or a list).
        delimiter: the cell separator; by default whichever of ``,``, ``;`` or a tab the
            header row uses most.
        encoding: the encoding of *lines* given as bytes; by default it is found out.
        source: the file's name, which every problem then starts with.

    Returns:
        One map per *family* and *drawn_on*, in the order the maps first appear, each with
        its members in row order.

    Raises:
        InvalidDocumentError: anything in the file is wrong; ``problems`` lists every problem,
            each at ``row N, column C`` (the header is row 1, as in a spreadsheet), with what
            is allowed or what to do.

    >>> rows = [
    ...     "family,drawn_on,drawn_with,member,label,sector,ring,tie,direction,support",
    ...     "f-1,2026-03-02,p-mum,n-gran,Mummo,suku,inner,supportive,to_family,emotional;practical",
    ...     "f-1,2.3.2026,p-mum,n-eeva,Eeva,Vänner och grannar,Outer ring,heikko,,",
    ... ]
    >>> [nmap] = read_network_maps(rows)
    >>> nmap.id, [m.label for m in nmap.members], nmap.members[1].ring.value
    ('f-1@2026-03-02', ['Mummo', 'Eeva'], 'outer')
    >>> read_network_maps([*rows[:2], "f-1,2026-03-02,p-mum,n-x,X,suku,outermost,weak,,"])
    Traceback (most recent call last):
    ...
    openco.errors.InvalidDocumentError: 1 problem in the document:
      row 3, column ring: 'outermost' is not one of inner, middle, outer (or their Finnish, Swedish or English names)

    Excel's plain CSV on a Finnish Windows: Windows-1252, ``;`` between cells, empty columns
    at the end and blank rows:

    >>> excel = "\r\n".join([rows[0].replace(",", ";") + ";;", rows[2].replace(",", ";"), ";;;"])
    >>> [nmap] = read_network_maps(excel.encode("cp1252"), source="kartat.csv")
    >>> nmap.members[0].sector.value
    'friends_and_neighbours'
    """  # noqa: E501 - a doctest's output is one line
    if isinstance(lines, bytes):
        lines = decode_csv(lines, encoding=encoding, source=source)
    if isinstance(lines, str):
        lines = io.StringIO(lines, newline="")
    try:
        return _read(lines, delimiter)
    except InvalidDocumentError as error:
        if source is None:
            raise
        raise InvalidDocumentError(
            DocumentProblem(_where(source, p.path), p.message) for p in error.problems
        ) from None


def _read(lines: Iterable[str], delimiter: str | None) -> list[NetworkMap]:
    iterator = iter(lines)
    first = next(iterator, None)
    if first is None or not first.strip():
        raise InvalidDocumentError(
            [
                DocumentProblem(
                    "row 1", f"no header row; start the file with a row naming {', '.join(COLUMNS)}"
                )
            ]
        )
    rows = csv_reader(_chain(first, iterator), delimiter=delimiter or _delimiter(first))
    try:
        columns, problems = _header(next(rows))
    except CsvError as error:
        raise InvalidDocumentError(
            [DocumentProblem("row 1", f"not CSV: {error}; check the quotes in the header row")]
        ) from None
    if problems:
        raise InvalidDocumentError(problems)
    reader = _Reader(columns)
    number = 1
    while True:
        number += 1
        try:
            cells = next(rows)
        except StopIteration:
            break
        except CsvError as error:
            # The csv module cannot go on after this, so the rest of the file is not read.
            reader.problem(
                number,
                None,
                f"not CSV: {error}; check the quotes on this row (the rows after it were not read)",
            )
            break
        if any(c.strip() for c in cells):
            reader.row(number, cells)
    maps = list(reader.maps())
    if reader.problems:
        raise InvalidDocumentError(sorted(reader.problems, key=_row_order))
    return maps


def _row_order(problem: DocumentProblem) -> int:
    return int(problem.path.split(",")[0].removeprefix("row "))


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
