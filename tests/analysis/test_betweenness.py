from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis import _betweenness
from openco.analysis._betweenness import betweenness, components
from tests.analysis.strategies import QUICK


@st.composite
def graphs(draw: st.DrawFn) -> nx.Graph[str]:
    n = draw(st.integers(0, 18))
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(f"n{k}" for k in range(n))
    graph.add_edges_from((f"n{a}", f"n{b}") for a, b in chosen)
    return graph


class TestBetweenness:
    def test_the_middle_of_a_path_lies_between_the_ends(self) -> None:
        path = {"a": ["b"], "b": ["a", "c"], "c": ["b", "d"], "d": ["c"]}

        assert betweenness(list(path), path, normalized=False) == {
            "a": 0.0, "b": 2.0, "c": 2.0, "d": 0.0,
        }  # fmt: skip

    def test_a_star_centre_lies_on_every_path(self) -> None:
        star = {"hub": ["x", "y", "z"], "x": ["hub"], "y": ["hub"], "z": ["hub"]}

        assert betweenness(list(star), star)["hub"] == 1.0

    def test_isolated_and_tiny_graphs(self) -> None:
        assert betweenness([], {}) == {}
        assert betweenness(["a", "b"], {"a": ["b"], "b": ["a"]}) == {"a": 0.0, "b": 0.0}

    @QUICK
    @given(graphs(), st.booleans())
    def test_equals_networkx_exact_betweenness(self, graph: nx.Graph[str], norm: bool) -> None:
        ours = betweenness(list(graph), {v: list(graph[v]) for v in graph}, normalized=norm)

        reference = nx.betweenness_centrality(graph, normalized=norm)
        assert ours == pytest.approx(reference, abs=1e-12)

    @QUICK
    @given(graphs())
    def test_components_equal_networkx(self, graph: nx.Graph[str]) -> None:
        ours = components(list(graph), {v: list(graph[v]) for v in graph})

        assert {frozenset(c) for c in ours} == {
            frozenset(c) for c in nx.connected_components(graph)
        }


@pytest.mark.parametrize("sample", [None, 40])
def test_several_processes_give_the_same_betweenness_to_the_last_bit(
    monkeypatch: pytest.MonkeyPatch, sample: int | None
) -> None:
    monkeypatch.setattr(_betweenness, "_PARALLEL_FROM", 1)
    graph = nx.relabel_nodes(nx.gnp_random_graph(320, 0.03, seed=4), str)
    nodes, neighbours = list(graph), {v: list(graph[v]) for v in graph}

    alone = betweenness(nodes, neighbours, sample=sample, seed=3)
    shared = betweenness(nodes, neighbours, sample=sample, seed=3, workers=2)
    three = betweenness(nodes, neighbours, sample=sample, seed=3, workers=3)

    assert shared == alone
    assert three == alone
    reference = nx.betweenness_centrality(graph, k=sample, seed=3)
    assert shared == pytest.approx(reference, abs=1e-12)
