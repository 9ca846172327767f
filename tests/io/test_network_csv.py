"""Network maps from CSV: every spelling analysts use, every problem by row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.demo import vaaralampi_story
from openco.errors import DocumentProblem, InvalidDocumentError
from openco.io import read_network_maps
from openco.io.network_csv import COLUMNS, REQUIRED_COLUMNS, decode_csv, default_map_id
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

HEADER = "family,drawn_on,drawn_with,member,label,sector,ring,tie,direction,support"
GRAN = "f-1,2026-03-02,p-mum,n-gran,Mummo,relatives,inner,supportive,to_family,emotional"
ENUMS: tuple[type[LabelledEnum], ...] = (
    NetworkSector,
    Ring,
    TieQuality,
    SupportDirection,
    SupportType,
    ContactFrequency,
)


def problems_of(lines: Sequence[str]) -> list[str]:
    with pytest.raises(InvalidDocumentError) as caught:
        read_network_maps(lines)
    return [str(p) for p in caught.value.problems]


def spelling(member: LabelledEnum, way: int) -> str:
    """One of the ways a member may be written: its value or a label, in some letter case."""
    names = [member.value, member.label("fi"), member.label("sv"), member.label("en")]
    name = names[way % len(names)]
    return name.upper() if way >= len(names) else name


def csv_text(maps: Sequence[NetworkMap], *, delimiter: str = ",", way: int = 0) -> str:
    """The maps as an analyst's spreadsheet would hold them: one row per member."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for nmap in maps:
        for m in nmap.members:
            writer.writerow([
                nmap.family, nmap.drawn_on.isoformat(), ";".join(nmap.drawn_with), m.id,
                m.label, spelling(m.sector, way), spelling(m.ring, way), spelling(m.tie, way),
                spelling(m.direction, way), ";".join(spelling(s, way) for s in sorted(
                    m.support, key=lambda s: s.value)),
                "" if m.frequency is None else spelling(m.frequency, way),
                "" if m.known_since is None else m.known_since.isoformat(),
                m.professional or "", nmap.id,
            ])  # fmt: skip
    return out.getvalue()


ids = st.from_regex(r"[a-z][a-z0-9-]{0,7}", fullmatch=True)
# Cells are read with surrounding white space stripped, so labels are written without it.
labels = st.text(alphabet=st.sampled_from("abcÄöå Mummo,;\"'-"), min_size=1, max_size=12).filter(
    lambda s: s == s.strip() and bool(s)
)


@st.composite
def members(draw: st.DrawFn, member_id: str) -> NetworkMember:
    sector = draw(st.sampled_from(NetworkSector))
    direction = draw(st.sampled_from(SupportDirection))
    gives = direction in (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL)
    return NetworkMember(
        id=PersonId(member_id),
        label=draw(labels),
        sector=sector,
        ring=draw(st.sampled_from(Ring)),
        tie=draw(st.sampled_from(TieQuality)),
        direction=direction,
        support=draw(st.frozensets(st.sampled_from(SupportType))) if gives else frozenset(),
        frequency=draw(st.none() | st.sampled_from(ContactFrequency)),
        known_since=draw(st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2026, 12, 31))),
        professional=(
            draw(st.none() | ids.map(lambda p: ProfessionalId(PersonId(p))))
            if sector is NetworkSector.PROFESSIONALS
            else None
        ),
    )


@st.composite
def network_maps(draw: st.DrawFn) -> list[NetworkMap]:
    """Maps with distinct (family, date) and ids; members without ties, as the CSV holds them."""
    keys = draw(
        st.lists(
            st.tuples(ids, st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    maps = []
    for index, (family, drawn_on) in enumerate(keys):
        member_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
        maps.append(
            NetworkMap(
                id=NetworkMapId(f"map-{index}"),
                family=FamilyId(family),
                drawn_on=drawn_on,
                drawn_with=tuple(
                    PersonId(p) for p in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
                ),
                members=[draw(members(m)) for m in member_ids],
            )
        )
    return maps


class TestReading:
    @settings(max_examples=60)
    @given(
        maps=network_maps(),
        delimiter=st.sampled_from([",", ";", "\t"]),
        way=st.integers(0, 7),
    )
    def test_maps_written_as_rows_read_back_equal(
        self, maps: list[NetworkMap], delimiter: str, way: int
    ) -> None:
        """Whatever spelling and separator the spreadsheet uses, the same maps come back."""
        text = csv_text(maps, delimiter=delimiter, way=way)

        assert read_network_maps(io.StringIO(text, newline="")) == maps

    @settings(max_examples=30)
    @given(maps=network_maps(), data=st.data())
    def test_rows_in_any_order_give_maps_in_order_of_first_appearance(
        self, maps: list[NetworkMap], data: st.DataObject
    ) -> None:
        header, *rows = csv_text(maps).splitlines()
        shuffled = data.draw(st.permutations(rows))

        read = read_network_maps([header, *shuffled])

        def key(row: str) -> str:
            return next(csv.reader([row]))[-1]  # the map column

        assert [m.id for m in read] == list(dict.fromkeys(key(r) for r in shuffled))
        by_id = {m.id: m for m in maps}
        for nmap in read:
            assert set(nmap.members) == set(by_id[nmap.id].members)

    def test_the_demo_storys_maps_read_back_without_their_ties(self) -> None:
        maps = [attrs.evolve(m, ties=()) for m in vaaralampi_story().network_maps]

        assert read_network_maps(csv_text(maps, way=1).splitlines()) == maps

    def test_a_map_without_a_map_column_gets_an_id_from_family_and_date(self) -> None:
        [nmap] = read_network_maps([HEADER, GRAN])

        assert nmap.id == default_map_id("f-1", dt.date(2026, 3, 2)) == "f-1@2026-03-02"

    def test_finnish_dates_and_header_spelling_are_accepted(self) -> None:
        header = "\ufeffFamily; Drawn On ;DRAWN_WITH;member;label;sector;ring;tie"
        row = "f-1;17.3.2026;p-mum, p-dad;n-gran;Mummo;SUKU;Sisin kehä;Stark och stödjande"

        [nmap] = read_network_maps([header, row])

        assert nmap.drawn_on == dt.date(2026, 3, 17)
        assert nmap.drawn_with == ("p-mum", "p-dad")
        assert nmap.members[0].ring is Ring.INNER
        assert nmap.members[0].tie is TieQuality.SUPPORTIVE

    def test_blank_rows_are_skipped_but_still_counted(self) -> None:
        bad = "f-1,2026-03-02,p-mum,n-eeva,Eeva,relatives,outermost,weak,,"

        assert problems_of([HEADER, "", ",,,,", bad]) == [
            (
                "row 4, column ring: 'outermost' is not one of inner, middle, outer "
                "(or their Finnish, Swedish or English names)"
            )
        ]

    def test_optional_columns_can_be_left_out(self) -> None:
        header = ",".join(sorted(REQUIRED_COLUMNS))
        row = ",".join({"family": "f-1", "drawn_on": "2026-03-02", "drawn_with": "p-mum",
                        "member": "n-1", "label": "Eeva", "sector": "relatives", "ring": "outer",
                        "tie": "weak"}[c] for c in sorted(REQUIRED_COLUMNS))  # fmt: skip

        [nmap] = read_network_maps([header, row])

        assert nmap.members[0].direction is SupportDirection.NONE
        assert nmap.members[0].support == frozenset()

    @pytest.mark.parametrize("kind", ENUMS, ids=lambda e: e.__name__)
    def test_no_two_members_of_an_enumeration_share_a_name(self, kind: type[LabelledEnum]) -> None:
        """Case-insensitive lookup is only sound if no name means two things."""
        owners: dict[str, LabelledEnum] = {}
        for member in kind:
            for way in range(4):
                name = " ".join(spelling(member, way).replace("_", " ").split()).casefold()
                assert owners.setdefault(name, member) is member


class TestProblems:
    def test_every_problem_is_reported_by_row_and_column(self) -> None:
        lines = [
            HEADER,
            GRAN,
            "f-1,2026-03-02,p-mum,n-gran,Again,relatives,inner,weak,,",
            "f-1,2026-02-30,,n-x,,family,outermost,weak,to_family,hugs",
            "f-1,2026-03-02,p-dad,n-y,Y,relatives,inner,weak,none,emotional",
        ]

        assert problems_of(lines) == [
            "row 3, column member: 'n-gran' is already on this map (row 2)",
            (
                "row 4, column drawn_on: '2026-02-30' is not a date; write it as 2026-03-02 or "
                "2.3.2026"
            ),
            "row 4, column drawn_with: empty; this column needs a value",
            "row 4, column label: empty; this column needs a value",
            (
                "row 4, column sector: 'family' is not one of household, relatives, "
                "friends_and_neighbours, school_work_hobbies, professionals (or their Finnish, "
                "Swedish or English names)"
            ),
            (
                "row 4, column ring: 'outermost' is not one of inner, middle, outer (or their "
                "Finnish, Swedish or English names)"
            ),
            (
                "row 4, column support: 'hugs' is not one of emotional, practical, informational "
                "(or their Finnish, Swedish or English names)"
            ),
            (
                "row 5, column support: got a list of 1 element, allowed: no support types unless "
                "the direction is to_family or mutual"
            ),
        ]

    def test_rows_of_one_map_must_agree_on_who_drew_it_and_its_id(self) -> None:
        header = HEADER + ",map"
        lines = [
            header,
            GRAN + ",m-1",
            "f-1,2026-03-02,p-dad,n-eeva,Eeva,relatives,outer,weak,,,m-2",
            "f-2,2026-03-02,p-dad,n-eeva,Eeva,relatives,outer,weak,,,m-1",
        ]

        assert problems_of(lines) == [
            (
                "row 3, column drawn_with: 'p-dad' differs from 'p-mum' on row 2 for the same map "
                "(f-1, 2026-03-02)"
            ),
            (
                "row 3, column map: 'm-2' differs from 'm-1' on row 2 for the same map "
                "(f-1, 2026-03-02)"
            ),
            "row 4, column map: 'm-1' is already the id of the map of f-1 on 2026-03-02 (row 2)",
        ]

    def test_ids_the_model_refuses_are_reported_in_their_column(self) -> None:
        lines = [HEADER, "f 1,2026-03-02,p-mum,n gran,Mummo,relatives,inner,weak,,"]

        assert problems_of(lines) == [
            (
                "row 2, column member: got 'x xxxx' (masked), allowed: an id of 1-128 letters, "
                "digits or ._:@- starting with a letter or digit, without '..' or a drive letter "
                "such as 'c:'"
            ),
        ]
        lines = [HEADER, "f 1,2026-03-02,p mum,n-gran,Mummo,relatives,inner,weak,,"]
        assert problems_of(lines) == [
            (
                "row 2, column map: got 'x 9@9999-99-…' (14 characters, masked), allowed: an id of "
                "1-128 letters, digits or ._:@- starting with a letter or digit, without '..' or a "
                "drive letter such as 'c:'"
            ),
        ]

    @pytest.mark.parametrize(
        ("header", "problem"),
        [
            (HEADER + ",notes", "row 1: unknown column(s): notes; rename them to one of "
             + ", ".join(COLUMNS) + ", or delete them"),
            (HEADER.replace(",ring", ""),
             "row 1: missing column(s): ring; add them to the header row"),
            (HEADER + ",ring", "row 1: column(s) named twice: ring; keep one of each"),
            (HEADER + ",,frequency", "row 1, column K: the column has no name; name it (the "
             "columns are " + ", ".join(COLUMNS) + ") or delete the column"),
        ],
    )  # fmt: skip
    def test_a_wrong_header_is_reported_before_any_row(self, header: str, problem: str) -> None:
        assert problems_of([header, GRAN]) == [problem]

    def test_an_empty_file_says_what_the_header_should_be(self) -> None:
        assert problems_of([]) == [
            f"row 1: no header row; start the file with a row naming {', '.join(COLUMNS)}"
        ]

    def test_a_row_with_more_cells_than_columns_is_refused(self) -> None:
        assert problems_of([HEADER, GRAN + ",extra"]) == [
            (
                "row 2: 11 cells, but the header names 10 columns; delete the extra cells or "
                "name their columns in the header"
            )
        ]

    def test_a_row_the_csv_module_cannot_read_is_a_problem_not_a_crash(self) -> None:
        huge = "f-1,2026-03-02,p-mum,n-x," + "x" * (csv.field_size_limit() + 1)

        assert problems_of([HEADER, GRAN, huge, GRAN]) == [
            (
                f"row 3: not CSV: field larger than field limit ({csv.field_size_limit()}); "
                "check the quotes on this row (the rows after it were not read)"
            )
        ]

    def test_the_header_problems_are_listed_together_with_their_remedies(self) -> None:
        problems = problems_of([HEADER.replace(",ring", ",notes")])

        assert [p.split(":")[0] for p in problems] == ["row 1", "row 1"]

    def test_every_problem_names_the_file_when_given(self) -> None:
        text = "\n".join([HEADER, GRAN.replace("inner", "outermost"), GRAN + ",x"])

        with pytest.raises(InvalidDocumentError) as caught:
            read_network_maps(text, source="kartat.csv")

        assert [p.path for p in caught.value.problems] == [
            "kartat.csv: row 2, column ring",
            "kartat.csv: row 3",
        ]

    def test_the_error_pickles_with_its_problems(self) -> None:
        with pytest.raises(InvalidDocumentError) as caught:
            read_network_maps([HEADER, GRAN.replace("inner", "outermost")])

        copy = pickle.loads(pickle.dumps(caught.value))

        assert copy.problems == caught.value.problems
        assert isinstance(copy.problems[0], DocumentProblem)


FINNISH = (
    "family;drawn_on;drawn_with;member;label;sector;ring;tie;direction;support",
    "f-1;2.3.2026;p-aiti;n-mummo;Mummo Märta;suku;sisin kehä;vahva ja tukeva;;",
    "f-1;2.3.2026;p-aiti;n-eeva;Naapurin Eeva;ystävät ja naapurit;uloin kehä;heikko;;",
)


class TestSpreadsheetFiles:
    """Files as Excel and LibreOffice save them on Finnish and Swedish machines."""

    @pytest.mark.parametrize(
        "encoded",
        [
            "\r\n".join(FINNISH).encode("utf-8"),
            "\r\n".join(FINNISH).encode("utf-8-sig"),
            "\r\n".join(FINNISH).encode("utf-16"),
            "\r\n".join(FINNISH).encode("cp1252"),
            "\r\n".join(FINNISH).encode("latin-1"),
        ],
        ids=["utf-8", "utf-8 with BOM", "utf-16", "cp1252", "latin-1"],
    )
    def test_every_encoding_excel_writes_is_detected(self, encoded: bytes) -> None:
        maps = read_network_maps(encoded)

        assert [m.label for m in maps[0].members] == ["Mummo Märta", "Naapurin Eeva"]
        assert maps[0].drawn_with == ("p-aiti",)
        assert maps[0].members[1].sector is NetworkSector.FRIENDS_AND_NEIGHBOURS

    def test_cp1252_punctuation_is_read_as_cp1252(self) -> None:
        assert decode_csv("„Mummo“ – 5 €".encode("cp1252")) == "„Mummo“ – 5 €"

    def test_a_byte_cp1252_leaves_undefined_means_latin_1(self) -> None:
        assert decode_csv(b"caf\xe9 \x81") == "café \x81"

    def test_the_encoding_can_be_given(self) -> None:
        encoded = "\n".join(FINNISH).encode("cp1252")

        assert read_network_maps(encoded, encoding="cp1252")[0].members[0].label == "Mummo Märta"

    def test_a_wrong_encoding_names_the_file_and_row_and_says_what_to_do(self) -> None:
        encoded = "\n".join(FINNISH).encode("cp1252")

        with pytest.raises(InvalidDocumentError) as caught:
            read_network_maps(encoded, encoding="utf-8", source="kartat.csv")

        [problem] = caught.value.problems
        assert problem.path == "kartat.csv: row 2"
        assert "--encoding cp1252" in problem.message

    def test_an_unknown_encoding_is_refused_with_the_choices(self) -> None:
        with pytest.raises(InvalidDocumentError, match="is not an encoding; use one of utf-8"):
            read_network_maps(b"x", encoding="klingon")

    def test_empty_trailing_columns_and_blank_rows_are_ignored(self) -> None:
        lines = [FINNISH[0] + ";;", *(row + ";;" for row in FINNISH[1:]), ";;;;;;;;;;;;", "", ";;"]

        maps = read_network_maps("\r\n".join(lines).encode("cp1252"))

        assert len(maps[0].members) == 2

    @settings(max_examples=50, deadline=None)
    @given(st.text(alphabet=st.characters(codec="cp1252", exclude_characters=';\r\n"\x00')))
    def test_any_label_in_cp1252_reads_back_unchanged(self, label: str) -> None:
        label = label.strip() or "x"
        rows = [*FINNISH[:1], FINNISH[1].replace("Mummo Märta", label)]

        maps = read_network_maps("\r\n".join(rows).encode("cp1252"))

        assert maps[0].members[0].label == label
