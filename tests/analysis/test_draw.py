from __future__ import annotations

import math

import pytest
from hypothesis import given

from openco.analysis.draw import (
    CENTRE_RADIUS,
    RING_EDGES,
    layout_map,
    slice_angles,
    to_dot,
    to_png,
    to_svg,
)
from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError
from openco.model import NetworkMap, Ring
from openco.synthetic import generate_network_maps
from tests.analysis.builders import empty_map, example_map
from tests.analysis.strategies import QUICK, network_maps


def polar(x: float, y: float) -> tuple[float, float]:
    return math.hypot(x, y), math.degrees(math.atan2(y, x))


def inside_slice(angle: float, start: float, end: float) -> bool:
    return any(start <= a <= end for a in (angle, angle - 360, angle + 360))


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
            assert inner < radius < RING_EDGES[placed.ring.number - 1]
            assert inside_slice(angle, *slice_angles(placed.sector))

    @QUICK
    @given(network_maps(max_size=26))
    def test_members_do_not_overlap(self, nmap: NetworkMap) -> None:
        layout = layout_map(nmap)
        spots = [(p.x, p.y) for p in layout.members]

        for k, one in enumerate(spots):
            for other in spots[k + 1 :]:
                assert math.dist(one, other) >= 2 * layout.node_radius * 0.99

    def test_a_crowded_map_gets_smaller_discs(self) -> None:
        crowded = max(generate_network_maps(families=200, seed=1), key=lambda m: len(m.members))

        assert layout_map(crowded).node_radius <= layout_map(example_map()).node_radius

    def test_the_same_map_gives_the_same_layout(self) -> None:
        assert layout_map(example_map()) == layout_map(example_map())

    def test_labels_are_the_familys_words_unless_privacy_hides_them(self) -> None:
        hidden = Privacy.pseudonymised(b"0123456789abcdef")

        assert layout_map(example_map()).members[0].label == "Gran"
        assert layout_map(example_map(), privacy=hidden).members[0].label.startswith("p-")
        assert layout_map(example_map(), privacy=hidden).centre_label.startswith("p-")

    def test_position_of_an_unknown_member_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError):
            layout_map(example_map()).position("nobody")  # type: ignore[arg-type]


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

        assert 'xlabel="Mummo \\"Ulla\\""' in to_dot(quoted)


class TestPictures:
    def test_svg_is_byte_for_byte_the_same_for_the_same_map(self) -> None:
        one, two = to_svg(example_map()), to_svg(example_map())

        assert one == two
        assert one.startswith("<?xml")
        assert "<dc:date>" not in one

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
