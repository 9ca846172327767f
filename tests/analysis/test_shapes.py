"""Hostile shapes (issue 11): each is refused at once by a limit, or analysed correctly.

Speed is not asserted here (benchmarks/bench_shapes.py measures it); what is asserted is the
refusal, with the limit, the value and the option named, and correct numbers within the limits.
"""

from __future__ import annotations

import pickle

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis import (
    ProfessionalNetworkBuilder,
    area_network,
    area_network_of,
    measure_map,
    measure_maps,
)
from openco.analysis._betweenness import betweenness
from openco.errors import LimitExceededError, OpencoError
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import PersonId, ProfessionalId
from openco.synthetic.shapes import crowded_area, crowded_family, dense_map, star_professional
from tests.analysis.strategies import QUICK

HUB = ProfessionalId(PersonId("s-w0"))


def refusal(error: pytest.ExceptionInfo[LimitExceededError]) -> tuple[str, int, str]:
    return error.value.limit, error.value.value, error.value.option


class TestStarProfessional:
    def test_over_the_limit_is_refused_naming_limit_value_and_option(self) -> None:
        star = star_professional(families=41)

        with pytest.raises(LimitExceededError) as error:
            area_network_of(star, limits=Limits(families_per_professional=40))

        assert refusal(error) == (
            "families_per_professional",
            41,
            "--max-families-per-professional",
        )
        assert "s-w0" in str(error.value)

    def test_at_the_limit_the_hub_lies_on_every_path(self) -> None:
        star = star_professional(families=40)

        network = area_network_of(star, limits=Limits(families_per_professional=40))

        assert network.betweenness()[HUB] == pytest.approx(1.0)
        assert network.betweenness_sources is None
        assert len(network.links) == 40

    def test_a_large_star_is_estimated_from_a_sample_and_still_exact_for_the_hub(self) -> None:
        """Every sampled leaf's paths run through the hub: the estimate is exact there."""
        star = star_professional(families=3_000)

        network = area_network_of(star, betweenness_sample=50)

        assert network.betweenness_sources == 50
        assert network.betweenness()[HUB] == pytest.approx(1.0)
        assert network.centrality[0].professional == "s-w0"


class TestCrowdedFamily:
    def test_four_thousand_professionals_on_one_map_are_refused_by_the_map_size(self) -> None:
        family = crowded_family(professionals=4_000)

        with pytest.raises(LimitExceededError) as error:
            area_network_of(family)

        assert refusal(error) == ("members_per_map", 4_000, "--max-members-per-map")

    def test_and_by_professionals_per_family_when_maps_may_be_larger(self) -> None:
        family = crowded_family(professionals=4_000)

        with pytest.raises(LimitExceededError) as error:
            area_network_of(family, limits=Limits(members_per_map=5_000))

        assert refusal(error) == (
            "professionals_per_family", 4_000, "--max-professionals-per-family",
        )  # fmt: skip

    def test_at_the_limit_every_pair_is_linked_once(self) -> None:
        family = crowded_family(professionals=60)

        network = area_network_of(family, limits=Limits(professionals_per_family=60))

        assert len(network.links) == 60 * 59 // 2
        assert {link.shared_families for link in network.links} == {1}
        assert network.area("s-area").density == 1.0


class TestDenseMap:
    def test_a_map_over_the_member_limit_is_refused_before_it_is_measured(self) -> None:
        nmap = dense_map(members=5_000, ties=0).network_maps[0]

        with pytest.raises(LimitExceededError) as error:
            measure_map(nmap)
        with pytest.raises(LimitExceededError):
            measure_maps([nmap])

        assert refusal(error) == ("members_per_map", 5_000, "--max-members-per-map")

    def test_a_fully_tied_map_over_the_tie_limit_is_refused(self) -> None:
        nmap = dense_map(members=60).network_maps[0]
        limits = Limits(ties_per_map=1_000)

        with pytest.raises(LimitExceededError) as error:
            measure_map(nmap, limits=limits)
        with pytest.raises(LimitExceededError):
            measure_maps([nmap], limits=limits)

        assert refusal(error) == ("ties_per_map", 60 * 59 // 2, "--max-ties-per-map")

    def test_a_fully_tied_map_within_the_limits_is_one_dense_component(self) -> None:
        nmap = dense_map(members=120).network_maps[0]

        measures = measure_map(nmap)
        row = measure_maps([nmap]).row(0)

        assert measures.structure.member_ties == 120 * 119 // 2
        assert measures.structure.density == 1.0
        assert measures.structure.component_count == 1
        assert measures.structure.isolates == ()
        assert measures.structure.effective_size == pytest.approx(1.0)
        assert row["density"] == 1.0
        assert row["components"] == 1

    def test_the_default_limits_take_the_largest_map_they_allow(self) -> None:
        most = DEFAULT_LIMITS
        nmap = dense_map(members=most.members_per_map, ties=most.ties_per_map).network_maps[0]

        assert measure_map(nmap).structure.member_ties == most.ties_per_map


class TestCrowdedArea:
    def test_four_thousand_units_in_one_area_are_refused_at_once(self) -> None:
        area = crowded_area(units=4_000)

        with pytest.raises(LimitExceededError) as error:
            area_network_of(area)

        assert refusal(error) == ("units_per_area", 4_000, "--max-units-per-area")
        assert "s-area" in str(error.value)

    def test_at_the_limit_every_pair_of_units_is_reported(self) -> None:
        area = crowded_area(units=30)

        report = area_network_of(area, limits=Limits(units_per_area=30)).area("s-area")

        assert len(report.unit_ties) == 30 * 29 // 2
        assert len(report.missing_unit_pairs) == 30 * 29 // 2  # one family per unit


class TestBuilder:
    def test_feeding_piece_by_piece_in_any_order_gives_the_same_network(self) -> None:
        star = star_professional(families=12)
        whole = area_network_of(star)
        builder = ProfessionalNetworkBuilder()

        builder.add_maps(star.network_maps)  # before anyone's unit is known
        builder.add_families(star.families)
        builder.add_professionals(star.professionals[:5])
        builder.add_professionals(star.professionals)  # again: read once
        builder.add_units(star.units)

        assert builder.build() == whole
        assert dict(builder.area_of) == {f.id: f.home_area for f in star.families}

    def test_limits_must_be_a_limits_value(self) -> None:
        with pytest.raises(OpencoError):
            ProfessionalNetworkBuilder(limits=5)  # type: ignore[arg-type]

    def test_refusals_pickle_intact(self) -> None:
        with pytest.raises(LimitExceededError) as error:
            area_network_of(crowded_area(units=3), limits=Limits(units_per_area=2))

        copy = pickle.loads(pickle.dumps(error.value))

        assert str(copy) == str(error.value)


@st.composite
def graphs(draw: st.DrawFn) -> nx.Graph[str]:
    n = draw(st.integers(3, 40))
    p = draw(st.floats(0.02, 0.6))
    seed = draw(st.integers(0, 1_000))
    graph: nx.Graph[str] = nx.relabel_nodes(
        nx.gnp_random_graph(n, p, seed=seed), lambda k: f"n{k:02}"
    )
    return graph


class TestSampledBetweenness:
    @QUICK
    @given(graphs(), st.integers(2, 45), st.integers(0, 99), st.booleans())
    def test_equals_networkx_k_sample_with_the_same_seed(
        self, graph: nx.Graph[str], k: int, seed: int, normalized: bool
    ) -> None:
        sample = min(k, len(graph))

        ours = betweenness(
            list(graph), {v: list(graph[v]) for v in graph}, sample=sample, seed=seed,
            normalized=normalized,
        )  # fmt: skip

        reference = nx.betweenness_centrality(graph, k=sample, seed=seed, normalized=normalized)
        assert ours == pytest.approx(reference, abs=1e-9)

    def test_the_estimate_is_close_to_the_exact_value_on_a_small_graph(self) -> None:
        graph = nx.relabel_nodes(nx.barabasi_albert_graph(400, 3, seed=2), str)
        neighbours = {v: list(graph[v]) for v in graph}

        exact = betweenness(list(graph), neighbours)
        estimate = betweenness(list(graph), neighbours, sample=200, seed=1)

        top = sorted(exact, key=exact.__getitem__, reverse=True)[:5]
        for node in top:
            assert estimate[node] == pytest.approx(exact[node], rel=0.25)
        assert set(sorted(estimate, key=estimate.__getitem__, reverse=True)[:5]) & set(top)

    def test_area_network_switches_to_the_sample_past_the_threshold(self) -> None:
        family = crowded_family(professionals=30)

        exact = area_network_of(family, betweenness_sample=30)
        sampled = area_network_of(family, betweenness_sample=29)

        assert exact.betweenness_sources is None
        assert sampled.betweenness_sources == 29
        assert sampled.betweenness() == pytest.approx(exact.betweenness())  # a clique: all 0

    def test_the_sample_size_must_be_two_or_more(self) -> None:
        with pytest.raises(OpencoError):
            area_network(professionals=[], betweenness_sample=1)
