"""The only module of openco that imports networkx.

Everything that needs a graph algorithm or a graph file format goes through here, so that the
rest of :mod:`openco.analysis` works with openco's own values and networkx stays replaceable.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from openco.model import NetworkMap

__all__ = [
    "CENTRE",
    "MapStructure",
    "NxGraph",
    "ego_graph",
    "louvain",
    "map_structure",
    "member_graph",
    "to_gexf",
    "to_graphml",
    "to_networkx",
    "to_node_link",
    "weighted_graph",
]

NxGraph = nx.Graph
"""networkx's graph class, for the one public signature that returns it (``to_networkx``)."""

CENTRE = "(centre)"
"""The node standing for the family in an ego graph; never a valid member id."""

Attributes = Mapping[str, str | int | float | bool]


def member_graph(nmap: NetworkMap) -> nx.Graph[str]:
    """The members as nodes and the member-member ties as edges (the centre left out)."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(m.id for m in nmap.members)
    graph.add_edges_from((t.a, t.b) for t in nmap.ties)
    return graph


def ego_graph(nmap: NetworkMap) -> nx.Graph[str]:
    """:func:`member_graph` plus the :data:`CENTRE` tied to every member."""
    graph = member_graph(nmap)
    graph.add_node(CENTRE)
    graph.add_edges_from((CENTRE, m.id) for m in nmap.members)
    return graph


MapStructure = tuple[
    int, float, list[set[str]], list[str], float | None, float | None
]  # ties, density, components, isolates, effective size, constraint


def map_structure(nmap: NetworkMap) -> MapStructure:
    """Member-member ties, density, components and isolates; the centre's Burt measures.

    Computed in one pass over the members and one over the ties, without building a graph, so
    the cost is linear in the map's size (a 5,000-member map with every pair tied took 24 s and
    10 GB through networkx). The numbers are networkx's (the tests compare them): density
    ``2t / (n(n - 1))``, connected components from union-find, isolates. Effective size and
    constraint use the closed forms for an unweighted ego network whose centre is tied to every
    member (``n - 2t/n``, and ``sum_j ((1 + sum_{q ~ j} 1/(1 + deg q)) / n)²`` with
    member-member degrees), which :func:`networkx.constraint` also gives but renormalising
    every pair afresh. Both are ``None`` for a map without members. The model guarantees that
    ties are unique, between two different members of the map.
    """
    ids: list[str] = [m.id for m in nmap.members]
    n = len(ids)
    index = {member: k for k, member in enumerate(ids)}
    parent = list(range(n))
    degree = [0] * n
    ends: list[tuple[int, int]] = []
    for tie in nmap.ties:
        a, b = index[tie.a], index[tie.b]
        ends.append((a, b))
        degree[a] += 1
        degree[b] += 1
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, set[str]] = {}
    for k, member in enumerate(ids):
        root = k
        while parent[root] != root:
            root = parent[root]
        groups.setdefault(root, set()).add(member)
    ties = len(ends)
    effective: float | None = None
    constraint: float | None = None
    if n:
        effective = n - 2.0 * ties / n
        inverse = [1.0 / (1 + d) for d in degree]
        indirect = [0.0] * n
        for a, b in ends:
            indirect[a] += inverse[b]
            indirect[b] += inverse[a]
        constraint = math.fsum((1.0 + x) * (1.0 + x) for x in indirect) / (n * n)
    density = 2.0 * ties / (n * (n - 1)) if n > 1 else 0.0
    isolates = [member for member, d in zip(ids, degree, strict=True) if not d]
    return ties, density, list(groups.values()), isolates, effective, constraint


def weighted_graph(nodes: Iterable[str], edges: Iterable[tuple[str, str, int]]) -> nx.Graph[str]:
    """An undirected graph whose edges carry an integer ``weight``, built in the given order."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges)
    return graph


def louvain(graph: nx.Graph[str], *, seed: int, resolution: float = 1.0) -> list[set[str]]:
    """Louvain communities of a weighted graph (networkx's implementation, seeded)."""
    return [
        set(c)
        for c in nx.community.louvain_communities(
            graph, weight="weight", resolution=resolution, seed=seed
        )
    ]


def _graph_from(
    nodes: Iterable[tuple[Hashable, Attributes]],
    edges: Iterable[tuple[Hashable, Hashable, Attributes]],
    *,
    directed: bool,
) -> nx.Graph[Any]:
    graph: nx.Graph[Any] = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from((n, dict(a)) for n, a in nodes)
    graph.add_edges_from((u, v, dict(a)) for u, v, a in edges)
    return graph


def to_graphml(
    nodes: Iterable[tuple[Hashable, Attributes]],
    edges: Iterable[tuple[Hashable, Hashable, Attributes]],
    *,
    directed: bool = False,
) -> str:
    """GraphML text of the given nodes and edges with their attributes."""
    return "\n".join(nx.generate_graphml(_graph_from(nodes, edges, directed=directed))) + "\n"


def to_gexf(
    nodes: Iterable[tuple[Hashable, Attributes]],
    edges: Iterable[tuple[Hashable, Hashable, Attributes]],
    *,
    directed: bool = False,
) -> str:
    """GEXF 1.2 text of the given nodes and edges with their attributes."""
    buffer = io.BytesIO()
    nx.write_gexf(_graph_from(nodes, edges, directed=directed), buffer)
    return buffer.getvalue().decode("utf-8")


def to_node_link(
    nodes: Iterable[tuple[Hashable, Attributes]],
    edges: Iterable[tuple[Hashable, Hashable, Attributes]],
    *,
    directed: bool = False,
) -> str:
    """Node-link JSON text (networkx's ``node_link_data`` with ``edges="edges"``)."""
    data = nx.node_link_data(_graph_from(nodes, edges, directed=directed), edges="edges")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def to_networkx(
    nodes: Iterable[tuple[Hashable, Attributes]],
    edges: Iterable[tuple[Hashable, Hashable, Attributes]],
    *,
    directed: bool = False,
) -> nx.Graph[Any]:
    """A networkx graph of the given nodes and edges with their attributes."""
    return _graph_from(nodes, edges, directed=directed)
