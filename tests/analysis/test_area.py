from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import pytest

from openco.analysis import _graph
from openco.analysis.area import ProfessionalNetwork, area_network
from openco.errors import InvalidArgumentError
from openco.model import MeetingKind, Professional
from openco.synthetic import AreaPopulation, generate_population
from tests.analysis import area_builders as ab


def example() -> ProfessionalNetwork:
    return area_network(
        professionals=ab.professionals(), units=ab.units(), families=ab.families(),
        maps=ab.maps(), meetings=ab.meetings(), plans=ab.plans(), concerns=ab.concerns(),
        seed=4,
    )  # fmt: skip


class TestLinks:
    def test_professionals_are_linked_by_shared_families_and_joint_meetings(self) -> None:
        links = {(lk.a, lk.b): (lk.shared_families, lk.joint_meetings) for lk in example().links}

        assert links == {
            ("w1", "w2"): (2, 1),  # f1 and f4; the anticipation dialogue of f1
            ("w1", "w5"): (1, 0),  # f4
            ("w2", "w3"): (1, 0),  # f2 (map and plan)
            ("w2", "w5"): (2, 0),  # f2 (w5's concern) and f4
            ("w3", "w4"): (1, 1),  # f3 and its client meeting
            ("w3", "w5"): (1, 0),  # f2
        }

    def test_betweenness_by_hand(self) -> None:
        """w4 reaches everyone through w3; w1 reaches w3 through w2 or w5 (half each)."""
        network = example()

        assert network.betweenness() == pytest.approx(
            {"w1": 0.0, "w2": 1 / 6, "w3": 0.5, "w4": 0.0, "w5": 1 / 6}
        )
        assert [b.professional for b in network.centrality][:3] == ["w3", "w2", "w5"]

    def test_groups_and_modularity_are_networkx_louvain_with_the_seed(self) -> None:
        network = example()
        graph = _graph.weighted_graph(
            network.professionals, ((lk.a, lk.b, lk.weight) for lk in network.links)
        )

        reference = nx.community.louvain_communities(graph, weight="weight", seed=4)

        assert {g.professionals for g in network.groups} == {frozenset(c) for c in reference}
        assert network.modularity == pytest.approx(
            nx.community.modularity(graph, reference, weight="weight")
        )
        assert sum(len(g.professionals) for g in network.groups) == 5
        assert sum(g.internal_weight for g in network.groups) + sum(
            g.external_weight for g in network.groups
        ) // 2 == sum(lk.weight for lk in network.links)

    def test_units_and_lookup(self) -> None:
        network = example()

        assert network.unit_of("w5") == "u1"
        assert network.isolated == ()
        with pytest.raises(InvalidArgumentError):
            network.unit_of("nobody")


class TestAreaReports:
    def test_north(self) -> None:
        north = example().area("north")

        assert (north.families, north.professionals, north.links) == (3, 4, 5)
        assert north.density == pytest.approx(5 / 6)
        assert north.units == ("u1", "u2", "u3")
        ties = {(t.a, t.b): (t.shared_families, t.joint_meetings, t.linked_pairs)
                for t in north.unit_ties}  # fmt: skip
        assert ties == {("u1", "u2"): (3, 1, 2), ("u1", "u3"): (1, 0, 1), ("u2", "u3"): (1, 0, 1)}
        assert north.missing_unit_pairs == ()
        assert [b.professional for b in north.brokers] == ["w3", "w2", "w5"]
        assert [(a.unit, a.attended, a.meetings) for a in north.attendance] == [
            ("u1", 1, 2), ("u2", 1, 2), ("u3", 1, 2),
        ]  # fmt: skip
        assert [(f.family, f.professionals) for f in north.uncoordinated] == [
            ("f2", ("w2", "w3", "w5")),
            ("f4", ("w1", "w2", "w5")),
        ]

    def test_south_has_a_unit_tied_to_nobody(self) -> None:
        south = example().area("south")

        assert (south.families, south.professionals, south.links) == (1, 2, 1)
        assert south.missing_unit_pairs == (("u3", "u5"), ("u4", "u5"))
        assert [(a.unit, a.share) for a in south.attendance] == [
            ("u3", 0.0), ("u4", 1.0), ("u5", 0.0),
        ]  # fmt: skip
        assert south.uncoordinated == ()

    def test_an_unknown_area_is_refused_with_the_known_ones(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            example().area("east")

        assert "north, south" in caught.value.allowed

    def test_a_threshold_for_uncoordinated_families(self) -> None:
        network = area_network(
            professionals=ab.professionals(), families=ab.families(), maps=ab.maps(),
            min_professionals=2,
        )  # fmt: skip

        assert [f.family for f in network.area("north").uncoordinated] == ["f1", "f2", "f4"]

    def test_concern_zones_never_reach_the_network(self) -> None:
        text = repr(example())

        assert "great" not in text.lower()
        assert "zone" not in text.lower()


class TestArguments:
    def test_a_professional_in_two_units_is_refused(self) -> None:
        twice = [*ab.professionals(), Professional(
            id=ab.professionals()[0].id, name="Again", unit="u2", profession="nurse",  # type: ignore[arg-type]
            mandated_notifier=True,
        )]  # fmt: skip

        with pytest.raises(InvalidArgumentError) as caught:
            area_network(professionals=twice)

        assert caught.value.argument == "professionals"

    @pytest.mark.parametrize(
        ("name", "value"),
        [("seed", "x"), ("brokers_per_area", -1), ("min_professionals", 1.5), ("workers", 0)],
    )
    def test_bad_options_are_refused(self, name: str, value: object) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            area_network(professionals=ab.professionals(), **{name: value})  # type: ignore[arg-type]

        assert caught.value.argument == name

    def test_nothing_but_professionals_gives_isolated_professionals(self) -> None:
        network = area_network(professionals=ab.professionals())

        assert network.isolated == ("w1", "w2", "w3", "w4", "w5")
        assert network.modularity == 0.0


def reference_script(  # noqa: C901 - written the way an analyst would, in one go
    areas: list[AreaPopulation], seed: int
) -> tuple[nx.Graph[str], list[set[str]], dict[str, float]]:
    """What an analyst would write with networkx, to check area_network() against.

    A bipartite family-professional graph, its weighted projection, joint meetings added,
    Louvain and exact betweenness.
    """
    bipartite: nx.Graph[str] = nx.Graph()
    professionals = sorted({p.id for a in areas for p in a.all_professionals})
    bipartite.add_nodes_from(professionals, bipartite=1)
    joint: Counter[tuple[str, str]] = Counter()
    for area in areas:
        for family in area.families:
            fam = "family:" + family.family.id
            bipartite.add_node(fam, bipartite=0)
            for m in family.network_map.members:
                if m.professional is not None:
                    bipartite.add_edge(fam, m.professional)
            for meeting in family.meetings:
                workers = sorted(p.person for p in meeting.participants if p.role.is_professional)
                bipartite.add_edges_from((fam, w) for w in workers)
                if meeting.kind is not MeetingKind.AREA_MEETING:
                    joint.update(itertools.combinations(workers, 2))
            for plan in family.plans:
                for person in plan.people:
                    if person in professionals:
                        bipartite.add_edge(fam, person)
    projected = nx.bipartite.weighted_projected_graph(bipartite, professionals)
    for (a, b), count in joint.items():
        projected[a][b]["weight"] += count
    communities = nx.community.louvain_communities(projected, weight="weight", seed=seed)
    return projected, communities, nx.betweenness_centrality(projected)


def test_the_area_network_equals_the_straightforward_networkx_script() -> None:
    areas = list(generate_population(families=2500, seed=5, validate=False))
    professionals = {p.id: p for a in areas for p in a.all_professionals}

    network = area_network(
        professionals=professionals.values(),
        units={u.id: u for a in areas for u in a.all_units}.values(),
        families=[f.family for a in areas for f in a.families],
        maps=[m for a in areas for m in a.network_maps],
        meetings=[m for a in areas for m in a.meetings],
        plans=[p for a in areas for p in a.plans],
        seed=7,
    )
    projected, communities, centrality = reference_script(areas, seed=7)

    expected = {
        tuple(sorted((a, b))): int(data["weight"]) for a, b, data in projected.edges(data=True)
    }
    assert {(lk.a, lk.b): lk.weight for lk in network.links} == expected
    assert network.betweenness() == pytest.approx(centrality, abs=1e-12)
    assert network.modularity == pytest.approx(
        nx.community.modularity(projected, communities, weight="weight"), abs=1e-9
    )
    assert {g.professionals for g in network.groups} == {frozenset(c) for c in communities}


def test_families_of_unknown_area_still_link_their_professionals() -> None:
    network = area_network(professionals=ab.professionals(), maps=ab.maps())

    assert len(network.links) == 5  # without the concern, w5 and w3 share no family
    assert network.areas == ()
