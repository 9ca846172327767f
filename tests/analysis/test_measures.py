from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given

from openco.analysis import _graph
from openco.analysis.measures import ROW_COLUMNS, Breakdown, entropy_and_iqv, measure_map
from openco.errors import InvalidArgumentError
from openco.model import (
    NetworkMap,
    NetworkSector,
    Ring,
)
from tests.analysis.builders import D, Q, R, S, T, empty_map, example_map
from tests.analysis.strategies import QUICK, network_maps


class TestBreakdown:
    def test_lists_every_category_in_declaration_order_with_zeros(self) -> None:
        b = Breakdown.of(Ring, [Ring.OUTER])

        assert list(b) == [Ring.INNER, Ring.MIDDLE, Ring.OUTER]
        assert dict(b) == {Ring.INNER: 0, Ring.MIDDLE: 0, Ring.OUTER: 1}

    def test_shares_are_zero_when_there_is_nothing_to_share(self) -> None:
        b = Breakdown.of(Ring, [])

        assert b.shares() == dict.fromkeys(Ring, 0.0)

    def test_refuses_a_value_outside_its_categories(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            Breakdown.of([Ring.INNER], [Ring.OUTER])

        assert caught.value.argument == "values"

    def test_an_unknown_key_is_a_key_error_like_any_mapping(self) -> None:
        with pytest.raises(KeyError):
            Breakdown.of([Ring.INNER], [])[Ring.OUTER]


class TestMeasureMapByHand:
    """Every number below is worked out by hand from :func:`example_map`'s docstring."""

    def test_size_and_balance(self) -> None:
        m = measure_map(example_map())

        assert (m.size, m.informal, m.professional) == (5, 4, 1)
        assert m.professional_share == 0.2

    def test_composition_counts_and_shares(self) -> None:
        m = measure_map(example_map())

        assert dict(m.by_sector) == {
            S.HOUSEHOLD: 0, S.RELATIVES: 2, S.FRIENDS_AND_NEIGHBOURS: 2,
            S.SCHOOL_WORK_HOBBIES: 0, S.PROFESSIONALS: 1,
        }  # fmt: skip
        assert m.by_sector.share(S.PROFESSIONALS) == 0.2
        assert dict(m.by_ring) == {R.INNER: 2, R.MIDDLE: 2, R.OUTER: 1}
        assert dict(m.by_tie) == {Q.SUPPORTIVE: 3, Q.WEAK: 1, Q.STRAINED: 1, Q.BROKEN: 0}
        assert dict(m.by_support) == {T.EMOTIONAL: 2, T.PRACTICAL: 2, T.INFORMATIONAL: 1}
        assert m.by_support.total == 5

    def test_who_gives_which_support_on_which_ring(self) -> None:
        m = measure_map(example_map())

        emotional = m.coverage_of(T.EMOTIONAL)
        assert (emotional.givers, emotional.informal_givers) == (2, 2)
        assert dict(emotional.by_ring) == {R.INNER: 1, R.MIDDLE: 1, R.OUTER: 0}
        assert m.coverage_of(T.PRACTICAL).in_inner_ring
        informational = m.coverage_of(T.INFORMATIONAL)
        assert (informational.covered, informational.informal_givers) == (True, 0)
        assert not informational.in_inner_ring

    def test_support_flow_and_reciprocity(self) -> None:
        flow = measure_map(example_map()).flow

        assert (flow.to_family, flow.from_family, flow.mutual, flow.none) == (3, 1, 1, 0)
        assert (flow.supporters, flow.informal_supporters, flow.professional_supporters) == (
            4,
            3,
            1,
        )
        assert flow.reciprocity == 1 / 5
        assert flow.top_supporter_share == 2 / 5  # gran gives two kinds out of five

    def test_inner_ring_supportive_ties(self) -> None:
        assert measure_map(example_map()).inner_supportive == 2

    def test_structure(self) -> None:
        s = measure_map(example_map()).structure

        assert (s.member_ties, s.density) == (3, 0.3)
        assert s.components == (
            frozenset({"gran", "aunt", "friend", "neighbour"}),
            frozenset({"nurse"}),
        )
        assert (s.component_count, s.largest_component, s.isolates) == (2, 4, ("nurse",))
        assert s.effective_size == pytest.approx(5 - 2 * 3 / 5)
        assert s.efficiency == pytest.approx(3.8 / 5)
        # (1 + indirect)^2 per member over n^2: gran 11/6, aunt 4/3, friend 11/6,
        # neighbour 4/3, nurse 1
        assert s.constraint == pytest.approx(406 / 900)

    def test_diversity(self) -> None:
        d = measure_map(example_map()).diversity

        assert d.sectors == 3
        assert d.entropy == pytest.approx(-(2 * 0.4 * math.log(0.4) + 0.2 * math.log(0.2)))
        assert d.iqv == pytest.approx(5 / 4 * (1 - (0.16 + 0.16 + 0.04)))
        assert d.ei_index == pytest.approx(-1 / 3)  # one tie across sectors, two within

    def test_an_empty_map_has_no_undefined_number_where_a_zero_makes_sense(self) -> None:
        m = measure_map(empty_map())

        assert (m.size, m.structure.density, m.structure.component_count) == (0, 0.0, 0)
        assert m.structure.effective_size is None
        assert m.structure.constraint is None
        assert m.flow.reciprocity is None
        assert m.flow.top_supporter_share is None
        assert m.diversity.ei_index is None
        assert (m.diversity.entropy, m.diversity.iqv) == (0.0, 0.0)

    def test_coverage_of_something_not_a_support_type_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError):
            measure_map(example_map()).coverage_of("hugs")  # type: ignore[arg-type]

    def test_the_row_lists_every_column_once(self) -> None:
        row = measure_map(example_map()).as_row()

        assert tuple(row) == ROW_COLUMNS
        assert row["sector_relatives"] == 2
        assert row["emotional_inner"] == 1
        assert row["isolates"] == 1


class TestEntropyAndIqv:
    def test_one_category_has_no_variation(self) -> None:
        assert entropy_and_iqv([4, 0, 0, 0, 0], 5) == (0.0, 0.0)

    def test_an_even_spread_over_all_categories_is_maximal(self) -> None:
        entropy, iqv = entropy_and_iqv([1, 1, 1, 1, 1], 5)

        assert entropy == pytest.approx(math.log(5))
        assert iqv == pytest.approx(1.0)


def ego(nmap: NetworkMap) -> nx.Graph[str]:
    return _graph.ego_graph(nmap)


class TestMeasureMapProperties:
    @QUICK
    @given(network_maps(min_size=1))
    def test_partition_shares_sum_to_one(self, nmap: NetworkMap) -> None:
        m = measure_map(nmap)

        for breakdown in (m.by_sector, m.by_ring, m.by_tie):
            assert sum(breakdown.values()) == breakdown.total == m.size
            assert math.fsum(breakdown.shares().values()) == pytest.approx(1.0)
        if m.by_support.total:
            assert math.fsum(m.by_support.shares().values()) == pytest.approx(1.0)

    @QUICK
    @given(network_maps())
    def test_numbers_stay_in_their_ranges(self, nmap: NetworkMap) -> None:
        m = measure_map(nmap)
        s, d = m.structure, m.diversity

        assert 0.0 <= s.density <= 1.0
        assert 0.0 <= d.iqv <= 1.0 + 1e-12
        assert 0.0 <= d.entropy <= math.log(len(NetworkSector)) + 1e-12
        assert d.ei_index is None or -1.0 <= d.ei_index <= 1.0
        assert m.flow.reciprocity is None or 0.0 <= m.flow.reciprocity <= 1.0
        assert m.flow.top_supporter_share is None or 0.0 < m.flow.top_supporter_share <= 1.0
        assert s.efficiency is None or 0.0 < s.efficiency <= 1.0
        assert 0 <= m.informal + m.professional == m.size
        assert m.inner_supportive <= m.by_ring[Ring.INNER]

    @QUICK
    @given(network_maps())
    def test_components_split_the_members_and_isolates_are_the_lone_ones(
        self, nmap: NetworkMap
    ) -> None:
        s = measure_map(nmap).structure

        everyone = [p for c in s.components for p in c]
        assert sorted(everyone) == sorted(m.id for m in nmap.members)
        lone = {p for c in s.components if len(c) == 1 for p in c}
        assert set(s.isolates) <= lone

    @QUICK
    @given(network_maps(max_size=10))
    def test_structure_agrees_with_networkx(self, nmap: NetworkMap) -> None:
        s = measure_map(nmap).structure
        graph = _graph.member_graph(nmap)

        assert s.density == pytest.approx(nx.density(graph))
        assert {frozenset(c) for c in nx.connected_components(graph)} == set(s.components)
        assert set(s.isolates) == set(nx.isolates(graph))
        if nmap.members:
            centre = _graph.CENTRE
            assert s.effective_size == pytest.approx(nx.effective_size(ego(nmap))[centre])
            assert s.constraint == pytest.approx(nx.constraint(ego(nmap))[centre])

    @QUICK
    @given(network_maps())
    def test_reciprocity_agrees_with_networkx_on_the_support_digraph(
        self, nmap: NetworkMap
    ) -> None:
        """Networkx counts reciprocated arcs (2M / (2M + one-way)); ours counts dyads.

        For M mutual dyads and A one-way ones, networkx gives r = 2M / (2M + A), so the dyad
        reciprocity M / (M + A) is r / (2 - r).
        """
        support: nx.DiGraph[str] = nx.DiGraph()
        for m in nmap.members:
            if m.direction in (D.TO_FAMILY, D.MUTUAL):
                support.add_edge(m.id, "centre")
            if m.direction in (D.FROM_FAMILY, D.MUTUAL):
                support.add_edge("centre", m.id)

        ours = measure_map(nmap).flow.reciprocity

        if support.number_of_edges() == 0:
            assert ours is None
        else:
            r = nx.overall_reciprocity(support)
            assert ours == pytest.approx(r / (2 - r))
