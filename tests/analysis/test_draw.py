from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis.draw import (
    CENTRE_RADIUS,
    RING_EDGES,
    MapLayout,
    MapMark,
    _circle_box_distance,
    _label_size,
    layout_map,
    slice_angles,
    to_dot,
    to_png,
    to_svg,
)
from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError
from openco.model import (
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    PersonId,
    Ring,
    SupportDirection,
    TieQuality,
)
from tests.analysis.builders import empty_map, example_map
from tests.analysis.strategies import QUICK, network_maps


def svg_text(svg: str) -> str:
    """Every text of an SVG picture, joined by spaces (wrapped labels read as one)."""
    root = ET.fromstring(svg)  # noqa: S314 - our own picture
    return " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))


def polar(x: float, y: float) -> tuple[float, float]:
    return math.hypot(x, y), math.degrees(math.atan2(y, x))


def inside_slice(angle: float, start: float, end: float) -> bool:
    return any(start <= a <= end for a in (angle, angle - 360, angle + 360))


@st.composite
def crowded_maps(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 40) -> NetworkMap:
    """Maps of 1-40 members crowded into a few cells (ring and sector), with some ties."""
    cells = draw(
        st.lists(st.tuples(st.sampled_from(NetworkSector), st.sampled_from(Ring)), min_size=1,
                 max_size=4)
    )  # fmt: skip
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    members = []
    for k in range(size):
        sector, ring = draw(st.sampled_from(cells))
        members.append(
            NetworkMember(id=PersonId(f"n{k:02}"), label=f"Person {k}", sector=sector, ring=ring,
                          tie=draw(st.sampled_from(TieQuality)))
        )  # fmt: skip
    pairs = [(a, b) for a in range(size) for b in range(a + 1, size)]
    tied = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=40)) if pairs else []
    return NetworkMap(
        id=NetworkMapId("m1"), family=FamilyId("f1"), drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("parent"),), members=members,
        ties=[MemberTie(a=members[a].id, b=members[b].id) for a, b in tied],
    )  # fmt: skip


def assert_apart(layout: MapLayout) -> None:
    spots = [(p.x, p.y) for p in layout.members]
    spots += [p.was for p in layout.members if p.was is not None]
    for k, one in enumerate(spots):
        for other in spots[k + 1 :]:
            assert math.dist(one, other) > 2 * layout.node_radius


class TestLayout:
    @QUICK
    @given(network_maps(max_size=26))
    def test_every_member_sits_on_its_ring_in_its_sector(self, nmap: NetworkMap) -> None:
        layout = layout_map(nmap)

        assert len(layout.members) == len(nmap.members)
        for placed in layout.members:
            radius, angle = polar(placed.x, placed.y)
            inner = (
                CENTRE_RADIUS if placed.ring is Ring.INNER else RING_EDGES[placed.ring.number - 2]
            )
            assert inner + layout.node_radius < radius
            assert radius < RING_EDGES[placed.ring.number - 1] - layout.node_radius
            assert inside_slice(angle, *layout.slice(placed.sector))

    @QUICK
    @given(crowded_maps())
    def test_no_two_members_circles_overlap_in_maps_of_up_to_40_members(
        self, nmap: NetworkMap
    ) -> None:
        assert_apart(layout_map(nmap))

    @QUICK
    @given(crowded_maps(max_size=20), crowded_maps(max_size=20))
    def test_no_circles_overlap_when_drawn_against_an_earlier_map(
        self, earlier: NetworkMap, nmap: NetworkMap
    ) -> None:
        assert_apart(layout_map(nmap, earlier=earlier))

    @QUICK
    @given(crowded_maps())
    def test_the_slices_cover_the_circle_once_clockwise_from_the_top(
        self, nmap: NetworkMap
    ) -> None:
        slices = layout_map(nmap).slices

        assert [s for s, _, _ in slices] == list(NetworkSector)
        assert slices[0][2] == 90.0
        assert math.isclose(slices[-1][1], -270.0, abs_tol=1e-4)
        assert all(end - start >= 29.99 for _, start, end in slices)

    def test_a_map_crowded_into_one_sector_widens_that_sector(self) -> None:
        crowded = attrs.evolve(
            example_map(),
            members=[
                NetworkMember(id=PersonId(f"r{k}"), label=f"R {k}", sector=NetworkSector.RELATIVES,
                              ring=Ring.INNER, tie=TieQuality.WEAK)
                for k in range(30)
            ],
            ties=(),
        )  # fmt: skip

        start, end = layout_map(crowded).slice(NetworkSector.RELATIVES)

        assert end - start > 150
        assert layout_map(example_map()).slice(NetworkSector.RELATIVES) == slice_angles(
            NetworkSector.RELATIVES
        )

    def test_the_same_map_gives_the_same_layout(self) -> None:
        assert layout_map(example_map()) == layout_map(example_map())

    def test_members_are_coded_by_sector_in_the_order_the_family_named_them(self) -> None:
        layout = layout_map(example_map())

        assert [(p.member, p.code) for p in layout.members] == [
            ("gran", "R1"), ("aunt", "R2"), ("friend", "F1"), ("neighbour", "F2"), ("nurse", "P1")
        ]  # fmt: skip

    def test_by_default_no_names_and_no_ids_only_codes(self) -> None:
        for privacy in (None, Privacy.pseudonymised(b"0123456789abcdef")):
            layout = layout_map(example_map(), privacy=privacy)

            assert {p.label for p in layout.members} == {""}
            assert layout.centre_label == "Family"
            assert "gran" not in to_dot(example_map(), privacy=privacy)
            assert ">Gran<" not in to_svg(example_map(), privacy=privacy)

    def test_names_and_ids_only_on_explicit_opt_in(self) -> None:
        named = layout_map(example_map(), privacy=Privacy.identified(names=True))
        ids = layout_map(example_map(), privacy=Privacy.identified())

        assert named.members[0].label == "Gran"
        assert ids.members[0].label == "gran"
        assert ">Gran<" in to_svg(example_map(), privacy=Privacy.identified(names=True))

    @QUICK
    @given(crowded_maps(max_size=25))
    def test_name_labels_cover_no_disc(self, nmap: NetworkMap) -> None:
        layout = layout_map(nmap, privacy=Privacy.identified(names=True))

        for placed in layout.members:
            width, height = _label_size(placed.label)
            box = (
                placed.label_x - width / 2, placed.label_y - height / 2,
                placed.label_x + width / 2, placed.label_y + height / 2,
            )  # fmt: skip
            nearest, _ = _circle_box_distance(placed.x, placed.y, box)
            assert nearest >= layout.node_radius

    def test_position_of_an_unknown_member_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError):
            layout_map(example_map()).position("nobody")  # type: ignore[arg-type]


class TestAgainstAnEarlierMap:
    def test_gained_lost_and_moved_members_are_marked(self) -> None:
        before = example_map()
        gran, aunt, friend, _, nurse = before.members
        coach = attrs.evolve(nurse, id=PersonId("coach"), label="Coach")
        after = attrs.evolve(
            before,
            id=NetworkMapId("m2"),
            members=(gran, attrs.evolve(aunt, ring=Ring.INNER), friend, nurse, coach),
            ties=(before.ties[0],),
        )

        layout = layout_map(after, earlier=before)
        marks = {p.member: p.mark for p in layout.members}

        assert marks == {
            "gran": None, "aunt": MapMark.MOVED, "friend": None, "nurse": None,
            "coach": MapMark.GAINED, "neighbour": MapMark.LOST,
        }  # fmt: skip
        aunt_placed = next(p for p in layout.members if p.member == "aunt")
        assert aunt_placed.was is not None
        assert aunt_placed.code == "R2"  # the code of the earlier map
        assert next(p for p in layout.members if p.member == "coach").code == "P2"
        text = svg_text(to_svg(after, earlier=before, language="fi"))
        assert MapMark.LOST.label("fi") in text
        assert "Muutokset 3/2026 jälkeen" in text

    def test_the_earlier_date_is_shown_by_the_month_unless_names_are_opted_in(self) -> None:
        svg = to_svg(example_map(), earlier=example_map(), privacy=Privacy.identified())

        assert "Changes since 2026-03-02" in svg_text(svg)
        assert "Changes since 2026-03 " in svg_text(to_svg(example_map(), earlier=example_map()))

    def test_an_earlier_map_of_another_family_is_refused(self) -> None:
        other = attrs.evolve(example_map(), family=FamilyId("f2"))

        with pytest.raises(InvalidArgumentError):
            layout_map(example_map(), earlier=other)


class TestDot:
    def test_draws_all_rings_and_sectors_even_for_an_empty_map(self) -> None:
        dot = to_dot(empty_map())

        for ring in Ring:
            assert f"ring_{ring.value}" in dot
        assert dot.count("sector_") == 5
        assert "m0" not in dot

    def test_line_style_and_arrows_follow_tie_and_direction(self) -> None:
        dot = to_dot(example_map())
        lines = {
            line.split(" -- ")[0].strip(): line for line in dot.splitlines() if "-- centre" in line
        }

        assert "style=bold" in lines["m0"]  # gran: supportive,
        assert "dir=both" in lines["m0"]  # and mutual
        assert "style=dashed" in lines["m1"]  # aunt: weak,
        assert "dir=forward" in lines["m1"]  # and gives support
        assert "dir=back" in lines["m3"]  # neighbour receives support

    def test_labels_in_the_language_asked_for(self) -> None:
        assert "sukulaiset" not in to_dot(example_map(), language="fi")
        assert '"suku"' in to_dot(example_map(), language="fi")

    def test_quotes_in_labels_are_escaped(self) -> None:
        nmap = example_map()
        import attrs  # noqa: PLC0415

        quoted = attrs.evolve(
            nmap, members=(attrs.evolve(nmap.members[0], label='Mummo "Ulla"'), *nmap.members[1:])
        )

        assert 'xlabel="Mummo \\"Ulla\\""' in to_dot(quoted, privacy=Privacy.identified(names=True))


class TestPictures:
    def test_svg_is_byte_for_byte_the_same_for_the_same_map(self) -> None:
        one, two = to_svg(example_map()), to_svg(example_map())

        assert one == two
        assert one.startswith("<?xml")
        assert "<dc:date>" not in one

    def test_svg_keeps_its_text_as_text(self) -> None:
        svg = to_svg(example_map(), title="Aino's family")

        assert "Aino&#39;s family" in svg or "Aino's family" in svg
        assert ">R1<" in svg
        assert '<path id="DejaVuSans' not in svg

    def test_png_is_byte_for_byte_the_same_for_the_same_map(self) -> None:
        assert to_png(example_map(), dpi=30) == to_png(example_map(), dpi=30)

    def test_the_legend_shows_support_flowing_from_the_member_to_the_family(self) -> None:
        text = svg_text(to_svg(example_map()))

        for direction in SupportDirection:
            assert direction.label("en") in text
        assert "know each other" in text

    def test_a_layout_shows_itself_as_a_picture_in_a_notebook(self) -> None:
        layout = layout_map(example_map(), earlier=example_map(), language="sv")

        svg = layout._repr_svg_()

        assert svg is not None
        assert svg.startswith("<?xml")
        assert "Ändringar sedan 3/2026" in svg_text(svg)

    def test_png_is_a_png(self) -> None:
        assert to_png(example_map(), dpi=40).startswith(b"\x89PNG")

    def test_a_title_and_another_language(self) -> None:
        svg = to_svg(empty_map(), title="Verkostokartta", language="fi")

        assert svg != to_svg(empty_map())


def test_without_matplotlib_the_error_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys  # noqa: PLC0415

    from openco.errors import MissingDependencyError  # noqa: PLC0415

    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)

    with pytest.raises(MissingDependencyError) as caught:
        to_svg(example_map())

    assert caught.value.extra == "plot"


def test_a_huge_named_map_is_laid_out_without_scoring_every_name() -> None:
    """Name placement is quadratic: past a size, names go straight outward."""
    members = [
        NetworkMember(id=PersonId(f"n{k}"), label=f"Person {k}", sector=NetworkSector.RELATIVES,
                      ring=Ring.OUTER, tie=TieQuality.WEAK)
        for k in range(300)
    ]  # fmt: skip
    nmap = attrs.evolve(example_map(), members=members, ties=())

    layout = layout_map(nmap, privacy=Privacy.identified(names=True))

    assert all(p.label_x or p.label_y for p in layout.members)
    assert_apart(layout)
