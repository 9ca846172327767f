"""Benchmark openco.analysis against what an analyst would otherwise write.

Three runs, each on the seeded synthetic population of openco.synthetic:

* ``measures``: per-family network-map measures, side by side in one process, interleaved
  and repeated: openco's batch table (``measure_maps``), the straightforward per-family
  networkx script, plain dict/set loops, and a vectorised NumPy/SciPy version of the counting.
  Two tiers: *counting* (the four measures of docs/performance-baselines: size, ties per
  sector, density among members, supportive ties on the inner ring) and *all measures*
  (everything ``measure_map`` reports). The networkx all-measures script is timed on a
  systematic sample, because ``networkx.constraint`` takes tens of milliseconds per family.
* ``area``: the professionals' network of a city (default 60,000 families, about 1,000
  professionals): the straightforward networkx script (bipartite graph, weighted projection,
  joint meetings, Louvain, exact betweenness) against ``area_network``, checked for equal
  results.
* ``finland``: all 552,000 families streamed map by map through ``measure_maps``, reporting
  the time spent measuring, the time spent generating the maps, and the peak RSS.

Run (from the repository root, with ``pip install -e '.[dev,bench]'``)::

    python benchmarks/bench_analysis.py all                    # all three, ~15-25 min
    python benchmarks/bench_analysis.py measures --families 60000
    python benchmarks/bench_analysis.py area --families 60000
    python benchmarks/bench_analysis.py finland --families 552000

Benchmarks are not tests: nothing here runs under pytest.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import networkx as nx

from openco.analysis import ProfessionalNetwork, area_network, measure_maps
from openco.model import (
    MeetingKind,
    NetworkMap,
    NetworkSector,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)
from openco.synthetic import AreaPopulation, generate_network_maps, generate_population

SECTORS = tuple(NetworkSector)
RINGS = tuple(Ring)
QUALITIES = tuple(TieQuality)
TYPES = tuple(SupportType)
GIVING = (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL)


# --------------------------------------------------------------------------------------------
# Tier 1: counting (size, ties per sector, density among members, inner-ring supportive ties)
# --------------------------------------------------------------------------------------------


def nx_counting(maps: Sequence[NetworkMap]) -> list[tuple[Any, ...]]:
    """The per-family networkx script: build the ego graph, count, nx.density of the alters."""
    out = []
    for nmap in maps:
        graph = nx.Graph()
        graph.add_node("family")
        for m in nmap.members:
            graph.add_node(m.id, sector=m.sector, ring=m.ring, tie=m.tie)
            graph.add_edge("family", m.id)
        graph.add_edges_from((t.a, t.b) for t in nmap.ties)
        alters = list(graph.adj["family"])
        sectors = Counter(graph.nodes[a]["sector"] for a in alters)
        inner = sum(
            1
            for a in alters
            if graph.nodes[a]["ring"] is Ring.INNER
            and graph.nodes[a]["tie"] is TieQuality.SUPPORTIVE
        )
        out.append(
            (
                len(alters),
                tuple(sectors[s] for s in SECTORS),
                nx.density(graph.subgraph(alters)),
                inner,
            )
        )
    return out


def dict_counting(maps: Sequence[NetworkMap]) -> list[tuple[Any, ...]]:
    """The same counting with plain dicts and sets."""
    out = []
    for nmap in maps:
        n = len(nmap.members)
        sectors = Counter(m.sector for m in nmap.members)
        inner = sum(
            1 for m in nmap.members if m.ring is Ring.INNER and m.tie is TieQuality.SUPPORTIVE
        )
        density = 2 * len(nmap.ties) / (n * (n - 1)) if n > 1 else 0.0
        out.append((n, tuple(sectors[s] for s in SECTORS), density, inner))
    return out


class Flat:
    """The maps as flat NumPy arrays, one entry per member and per tie."""

    def __init__(self, maps: Sequence[NetworkMap]) -> None:
        import numpy as np  # noqa: PLC0415 - the bench extra

        sector_code = {s: k for k, s in enumerate(SECTORS)}
        family, sector, inner_supportive, a, b, tie_family = [], [], [], [], [], []
        offset = 0
        for f, nmap in enumerate(maps):
            index = {}
            for k, m in enumerate(nmap.members):
                index[m.id] = offset + k
                family.append(f)
                sector.append(sector_code[m.sector])
                inner_supportive.append(m.ring is Ring.INNER and m.tie is TieQuality.SUPPORTIVE)
            for t in nmap.ties:
                a.append(index[t.a])
                b.append(index[t.b])
                tie_family.append(f)
            offset += len(nmap.members)
        self.families = len(maps)
        self.family = np.asarray(family, dtype=np.int64)
        self.sector = np.asarray(sector, dtype=np.int64)
        self.inner_supportive = np.asarray(inner_supportive, dtype=bool)
        self.a = np.asarray(a, dtype=np.int64)
        self.b = np.asarray(b, dtype=np.int64)
        self.tie_family = np.asarray(tie_family, dtype=np.int64)


def numpy_counting(flat: Flat) -> tuple[Any, ...]:
    """The same counting, vectorised over all families at once (bincount and sparse graphs)."""
    import numpy as np  # noqa: PLC0415
    from scipy.sparse import coo_matrix  # noqa: PLC0415
    from scipy.sparse.csgraph import connected_components  # noqa: PLC0415

    f = flat.families
    size = np.bincount(flat.family, minlength=f)
    sectors = np.bincount(flat.family * len(SECTORS) + flat.sector, minlength=f * len(SECTORS))
    ties = np.bincount(flat.tie_family, minlength=f)
    pairs = size * (size - 1) / 2
    density = np.divide(ties, pairs, out=np.zeros(f), where=pairs > 0)
    inner = np.bincount(flat.family[flat.inner_supportive], minlength=f)
    # one more measure than the four, to show the sparse route: components among members
    n = len(flat.family)
    graph = coo_matrix((np.ones(len(flat.a)), (flat.a, flat.b)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    first = np.unique(label, return_index=True)[1]
    components = np.bincount(flat.family[first], minlength=f)
    return size, sectors.reshape(f, len(SECTORS)), density, inner, components


# --------------------------------------------------------------------------------------------
# Tier 2: every measure measure_map reports
# --------------------------------------------------------------------------------------------


def nx_all(maps: Sequence[NetworkMap]) -> list[tuple[Any, ...]]:
    """The per-family networkx script an analyst would write for all measures."""
    out = []
    for nmap in maps:
        graph = nx.Graph()
        graph.add_node("family")
        for m in nmap.members:
            graph.add_node(
                m.id, sector=m.sector, ring=m.ring, tie=m.tie, direction=m.direction,
                support=m.support,
            )  # fmt: skip
            graph.add_edge("family", m.id)
        graph.add_edges_from((t.a, t.b) for t in nmap.ties)
        alters = list(graph.adj["family"])
        data = graph.nodes
        members = graph.subgraph(alters)
        n = len(alters)
        sectors = Counter(data[a]["sector"] for a in alters)
        rings = Counter(data[a]["ring"] for a in alters)
        qualities = Counter(data[a]["tie"] for a in alters)
        directions = Counter(data[a]["direction"] for a in alters)
        types = Counter(t for a in alters for t in data[a]["support"])
        coverage = Counter((t, data[a]["ring"]) for a in alters for t in data[a]["support"])
        givers = [a for a in alters if data[a]["direction"] in GIVING]
        amounts = [max(1, len(data[a]["support"])) for a in givers]
        support = nx.DiGraph()
        for a in alters:
            if data[a]["direction"] in GIVING:
                support.add_edge(a, "family")
            if data[a]["direction"] in (SupportDirection.FROM_FAMILY, SupportDirection.MUTUAL):
                support.add_edge("family", a)
        r = nx.overall_reciprocity(support) if support.number_of_edges() else None
        components = list(nx.connected_components(members))
        probabilities = [c / n for c in sectors.values()] if n else []
        internal = sum(1 for u, v in members.edges if data[u]["sector"] is data[v]["sector"])
        e = members.number_of_edges()
        out.append(
            (
                n, sectors, rings, qualities, types, coverage, directions,
                r / (2 - r) if r is not None else None,
                max(amounts) / sum(amounts) if amounts else None,
                nx.density(members), len(components),
                max((len(c) for c in components), default=0), len(list(nx.isolates(members))),
                nx.effective_size(graph, nodes=["family"])["family"] if n else None,
                nx.constraint(graph, nodes=["family"])["family"] if n else None,
                -sum(p * math.log(p) for p in probabilities),
                1.25 * (1 - sum(p * p for p in probabilities)) if n else 0.0,
                (e - 2 * internal) / e if e else None,
            )
        )  # fmt: skip
    return out


def dict_all(maps: Sequence[NetworkMap]) -> list[tuple[Any, ...]]:
    """All measures with plain dicts and sets, written straightforwardly."""
    out = []
    for nmap in maps:
        members = nmap.members
        n = len(members)
        sectors = Counter(m.sector for m in members)
        rings = Counter(m.ring for m in members)
        qualities = Counter(m.tie for m in members)
        directions = Counter(m.direction for m in members)
        types = Counter(t for m in members for t in m.support)
        coverage = Counter((t, m.ring) for m in members for t in m.support)
        informal_coverage = Counter(t for m in members if not m.is_professional for t in m.support)
        givers = [m for m in members if m.direction in GIVING]
        amounts = [max(1, len(m.support)) for m in givers]
        flows = directions[SupportDirection.TO_FAMILY] + directions[
            SupportDirection.FROM_FAMILY
        ] + directions[SupportDirection.MUTUAL]  # fmt: skip
        neighbours: dict[str, set[str]] = {m.id: set() for m in members}
        for t in nmap.ties:
            neighbours[t.a].add(t.b)
            neighbours[t.b].add(t.a)
        seen: set[str] = set()
        sizes = []
        for start in neighbours:
            if start in seen:
                continue
            stack, group = [start], 0
            seen.add(start)
            while stack:
                node = stack.pop()
                group += 1
                for other in neighbours[node]:
                    if other not in seen:
                        seen.add(other)
                        stack.append(other)
            sizes.append(group)
        e = len(nmap.ties)
        constraint = None
        if n:
            constraint = sum(
                (1 + sum(1 / (1 + len(neighbours[q])) for q in neighbours[j])) ** 2
                for j in neighbours
            ) / (n * n)
        sector_of = {m.id: m.sector for m in members}
        internal = sum(1 for t in nmap.ties if sector_of[t.a] is sector_of[t.b])
        probabilities = [c / n for c in sectors.values()] if n else []
        out.append(
            (
                n, sectors, rings, qualities, types, coverage, informal_coverage, directions,
                directions[SupportDirection.MUTUAL] / flows if flows else None,
                max(amounts) / sum(amounts) if amounts else None,
                sum(1 for m in members if m.ring is Ring.INNER and m.tie is TieQuality.SUPPORTIVE),
                2 * e / (n * (n - 1)) if n > 1 else 0.0, len(sizes), max(sizes, default=0),
                sum(1 for s in neighbours.values() if not s),
                n - 2 * e / n if n else None, constraint,
                -sum(p * math.log(p) for p in probabilities),
                1.25 * (1 - sum(p * p for p in probabilities)) if n else 0.0,
                (e - 2 * internal) / e if e else None,
            )
        )  # fmt: skip
    return out


def require(condition: object, *context: object) -> None:
    """Stop the benchmark if implementations disagree: a fast wrong answer is no answer."""
    if not condition:
        raise SystemExit(f"implementations disagree: {context}")


def check_counting(maps: Sequence[NetworkMap], flat: Flat) -> None:
    """All four counting implementations and openco agree."""
    table = measure_maps(maps)
    nxr, dct = nx_counting(maps), dict_counting(maps)
    size, sectors, density, inner, components = numpy_counting(flat)
    for k, nmap in enumerate(maps):
        row = table.row(k)
        expect = (
            row["size"],
            tuple(row[f"sector_{s.value}"] for s in SECTORS),
            row["density"],
            row["inner_supportive"],
        )
        got_numpy = (int(size[k]), tuple(int(x) for x in sectors[k]), float(density[k]),
                     int(inner[k]))  # fmt: skip
        for other in (nxr[k], dct[k], got_numpy):
            require(other[0] == expect[0], nmap.id)
            require(other[1] == expect[1], nmap.id)
            require(math.isclose(other[2], expect[2], abs_tol=1e-12), nmap.id)
            require(other[3] == expect[3], nmap.id)
        require(int(components[k]) == row["components"], nmap.id)


def check_all(maps: Sequence[NetworkMap]) -> None:
    """networkx, dict/set and openco agree on the scalar measures they share."""
    table = measure_maps(maps)
    for k, (a, b) in enumerate(zip(nx_all(maps), dict_all(maps), strict=True)):
        row = table.row(k)
        pairs = [
            (row["size"], a[0], b[0]),
            (row["density"], a[9], b[11]),
            (row["components"], a[10], b[12]),
            (row["largest_component"], a[11], b[13]),
            (row["isolates"], a[12], b[14]),
            (row["effective_size"], a[13], b[15]),
            (row["constraint"], a[14], b[16]),
            (row["entropy"], a[15], b[17]),
            (row["iqv"], a[16], b[18]),
            (row["ei_index"], a[17], b[19]),
            (row["reciprocity"], a[7], b[8]),
            (row["top_supporter_share"], a[8], b[9]),
        ]
        for ours, nx_value, dict_value in pairs:
            for other in (nx_value, dict_value):
                if ours is None or other is None:
                    require(ours is None, maps[k].id, ours, other)
                    require(other is None, maps[k].id, ours, other)
                else:
                    require(math.isclose(ours, other, rel_tol=1e-9, abs_tol=1e-12), maps[k].id)


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run.

    CPU time is what other processes on a shared machine disturb least.
    """
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def interleaved(
    runs: dict[str, Callable[[], object]], repeats: int
) -> dict[str, list[tuple[float, float]]]:
    """Run every implementation *repeats* times, rotating the order each round."""
    names = list(runs)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for round_ in range(repeats):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            times[name].append(timed(runs[name]))
    return times


def report(
    title: str,
    times: dict[str, list[tuple[float, float]]],
    counts: dict[str, int],
    base: str,
) -> None:
    print(f"\n{title}")
    header = "| implementation | families | median wall s | µs/family wall | µs/family CPU"
    print(f"{header} | x {base} (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    wall = {name: statistics.median(w for w, _ in t) for name, t in times.items()}
    cpu = {
        name: statistics.median(c for _, c in t) / counts[name] * 1e6 for name, t in times.items()
    }
    for name in sorted(times, key=cpu.__getitem__):
        print(
            f"| {name} | {counts[name]:,} | {wall[name]:.3f} | "
            f"{wall[name] / counts[name] * 1e6:.1f} | {cpu[name]:.1f} | "
            f"{cpu[base] / cpu[name]:.1f} |"
        )


def run_measures(families: int, seed: int, repeats: int, sample: int) -> None:
    print(f"## Family measures: {families:,} families, seed {seed}, {repeats} rounds")
    start = time.perf_counter()
    maps = list(generate_network_maps(families=families, seed=seed, validate=False))
    print(f"generated the maps in {time.perf_counter() - start:.1f} s")
    step = max(1, families // sample)
    sampled = maps[::step]
    flat = Flat(maps)
    flatten = timed(lambda: Flat(maps))
    check_counting(maps[:3000], Flat(maps[:3000]))
    check_all(sampled[:300])
    print("checked: every implementation gives the same numbers")

    counting = interleaved(
        {
            "networkx script": lambda: nx_counting(maps),
            "dict/set loops": lambda: dict_counting(maps),
            "NumPy/SciPy vectorised (arrays ready)": lambda: numpy_counting(flat),
            "openco measure_maps (all measures)": lambda: measure_maps(maps),
        },
        repeats,
    )
    counting["NumPy/SciPy incl. flattening the maps"] = [
        (flatten[0] + w, flatten[1] + c)
        for w, c in counting["NumPy/SciPy vectorised (arrays ready)"]
    ]
    report(
        "### Tier 1, counting (size, ties per sector, density, inner-ring supportive)",
        counting,
        dict.fromkeys(counting, families),
        "networkx script",
    )

    everything = interleaved(
        {
            "networkx script (sample)": lambda: nx_all(sampled),
            "dict/set loops": lambda: dict_all(maps),
            "openco measure_maps": lambda: measure_maps(maps),
        },
        repeats,
    )
    counts = dict.fromkeys(everything, families)
    counts["networkx script (sample)"] = len(sampled)
    report(
        "### Tier 2, all measures (composition, coverage, flow, structure, Burt, diversity)",
        everything,
        counts,
        "networkx script (sample)",
    )
    nx_no_constraint = [
        timed(lambda: nx_all_without_constraint(sampled))[1] for _ in range(max(1, repeats // 2))
    ]
    print(
        f"\nnetworkx script with Burt's constraint by hand instead of nx.constraint, sample: "
        f"{statistics.median(nx_no_constraint) / len(sampled) * 1e6:.1f} µs/family CPU"
    )


def nx_all_without_constraint(maps: Sequence[NetworkMap]) -> None:
    """The networkx script with Burt's constraint computed by hand (nx.constraint is slow)."""
    original = nx.constraint
    nx.constraint = _closed_form_constraint  # type: ignore[assignment]
    try:
        nx_all(maps)
    finally:
        nx.constraint = original


def _closed_form_constraint(graph: nx.Graph, nodes: list[str]) -> dict[str, float]:  # type: ignore[type-arg]
    ego = nodes[0]
    alters = list(graph.adj[ego])
    n = len(alters)
    total = 0.0
    for j in alters:
        indirect = sum(1 / len(graph.adj[q]) for q in graph.adj[j] if q != ego)
        total += (1 + indirect) ** 2
    return {ego: total / (n * n)}


# --------------------------------------------------------------------------------------------
# The professionals' network of a city
# --------------------------------------------------------------------------------------------


def nx_area_script(areas: list[AreaPopulation], seed: int) -> tuple[dict[str, float], Any, Any]:
    """The straightforward networkx script: bipartite graph, projection, Louvain, betweenness."""
    stages: dict[str, float] = {}
    start = time.perf_counter()
    bipartite = nx.Graph()
    professionals = sorted({p.id for a in areas for p in a.all_professionals})
    known = set(professionals)
    bipartite.add_nodes_from(professionals, bipartite=1)
    joint: Counter[tuple[str, str]] = Counter()
    for area in areas:
        for family in area.families:
            node = "family:" + family.family.id
            bipartite.add_node(node, bipartite=0)
            for m in family.network_map.members:
                if m.professional is not None:
                    bipartite.add_edge(node, m.professional)
            for meeting in family.meetings:
                workers = sorted(p.person for p in meeting.participants if p.role.is_professional)
                bipartite.add_edges_from((node, w) for w in workers)
                if meeting.kind is not MeetingKind.AREA_MEETING:
                    joint.update(itertools.combinations(workers, 2))
            for plan in family.plans:
                bipartite.add_edges_from((node, p) for p in plan.people if p in known)
    stages["bipartite graph"] = time.perf_counter() - start
    start = time.perf_counter()
    projected = nx.bipartite.weighted_projected_graph(bipartite, professionals)
    for (a, b), count in joint.items():
        projected[a][b]["weight"] += count
    stages["projection"] = time.perf_counter() - start
    start = time.perf_counter()
    communities = nx.community.louvain_communities(projected, weight="weight", seed=seed)
    stages["Louvain"] = time.perf_counter() - start
    start = time.perf_counter()
    centrality = nx.betweenness_centrality(projected)
    stages["betweenness"] = time.perf_counter() - start
    return stages, (projected, communities), centrality


def openco_area(areas: list[AreaPopulation], seed: int, workers: int = 1) -> ProfessionalNetwork:
    return area_network(
        professionals={p.id: p for a in areas for p in a.all_professionals}.values(),
        units={u.id: u for a in areas for u in a.all_units}.values(),
        families=[f.family for a in areas for f in a.families],
        maps=[f.network_map for a in areas for f in a.families],
        meetings=[m for a in areas for m in a.meetings],
        plans=[p for a in areas for p in a.plans],
        seed=seed,
        workers=workers,
    )


def run_area(families: int, seed: int, repeats: int) -> None:
    print(f"\n## Professionals' network: {families:,} families, seed {seed}, {repeats} rounds")
    start = time.perf_counter()
    areas = list(generate_population(families=families, seed=seed, validate=False))
    print(f"generated the population in {time.perf_counter() - start:.1f} s")
    stages_seen: list[dict[str, float]] = []
    results: dict[str, Any] = {}

    def reference() -> None:
        stages, results["reference"], results["centrality"] = nx_area_script(areas, seed)
        stages_seen.append(stages)

    def ours(workers: int) -> Callable[[], None]:
        def run() -> None:
            results[f"openco{workers}"] = openco_area(areas, seed, workers=workers)

        return run

    times = interleaved(
        {
            "networkx script": reference,
            "openco area_network": ours(1),
            "openco area_network, workers=2": ours(2),
        },
        repeats,
    )
    network, (projected, communities) = results["openco1"], results["reference"]
    centrality = results["centrality"]
    links = {(lk.a, lk.b): lk.weight for lk in network.links}
    same_links = links == {tuple(sorted((a, b))): w for a, b, w in projected.edges(data="weight")}
    mine = network.betweenness()
    worst = max(abs(mine[p] - centrality[p]) for p in centrality)
    same_groups = {g.professionals for g in network.groups} == {frozenset(c) for c in communities}
    reference_q = nx.community.modularity(projected, communities, weight="weight")
    twin = results["openco2"].betweenness()
    print(
        f"network: {projected.number_of_nodes():,} professionals, "
        f"{projected.number_of_edges():,} links, {nx.number_connected_components(projected)} "
        f"component(s), {len(communities)} groups"
    )
    print(
        f"same results: links and weights {same_links}; betweenness max |diff| {worst:.1e} "
        f"(workers=2: {max(abs(twin[p] - centrality[p]) for p in centrality):.1e}); "
        f"Louvain groups identical {same_groups}; modularity {network.modularity:.6f} vs "
        f"{reference_q:.6f}"
    )
    print(
        "| implementation | median wall s | median CPU s | x networkx (wall) | x networkx (CPU) |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for stage in stages_seen[0]:
        value = statistics.median(s[stage] for s in stages_seen)
        print(f"| networkx: {stage} | {value:.3f} | | | |")
    base_wall = statistics.median(w for w, _ in times["networkx script"])
    base_cpu = statistics.median(c for _, c in times["networkx script"])
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        shown = f"{cpu:.3f}" if "workers" not in name else "(in workers)"
        ratio = f"{base_cpu / cpu:.1f}" if "workers" not in name else ""
        print(f"| **{name}** | {wall:.3f} | {shown} | {base_wall / wall:.1f} | {ratio} |")


# --------------------------------------------------------------------------------------------
# Finland, streamed
# --------------------------------------------------------------------------------------------


def run_finland(families: int, seed: int) -> None:
    print(f"\n## Streaming {families:,} families through measure_maps, seed {seed}")
    generating = 0.0

    def maps() -> Iterator[NetworkMap]:
        nonlocal generating
        source = generate_network_maps(families=families, seed=seed, validate=False)
        while True:
            start = time.perf_counter()
            try:
                nmap = next(source)
            except StopIteration:
                generating += time.perf_counter() - start
                return
            generating += time.perf_counter() - start
            yield nmap

    start, cpu = time.perf_counter(), time.process_time()
    table = measure_maps(maps())
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    measuring = wall - generating
    print(f"families measured: {len(table):,}")
    print(f"time measuring (openco measure_maps): {measuring:.1f} s "
          f"({measuring / len(table) * 1e6:.1f} µs/family)")  # fmt: skip
    print(f"time generating the synthetic maps: {generating:.1f} s")
    print(f"wall time, both: {wall:.1f} s (CPU {cpu:.1f} s)")
    print(f"peak RSS of the process: {peak:,.0f} MiB")
    print(f"mean size {table.mean('size'):.2f}, mean density {table.mean('density'):.3f}, "
          f"flags { {k.value: v for k, v in table.flag_counts().items()} }")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", choices=["measures", "area", "finland", "all"])
    parser.add_argument("--families", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=1000, help="families for nx all-measures")
    args = parser.parse_args(argv)
    print(
        f"# openco.analysis benchmark: Python {platform.python_version()}, networkx "
        f"{nx.__version__}, {platform.machine()}, {_cpus()} CPUs"
    )
    if args.run in ("measures", "all"):
        run_measures(args.families or 60_000, args.seed, args.repeats, args.sample)
    if args.run in ("area", "all"):
        run_area(args.families or 60_000, args.seed, args.repeats)
    if args.run == "finland":
        run_finland(args.families or 552_000, args.seed)
    if args.run == "all":  # in a fresh process, so the peak RSS is the streaming run's own
        sys.stdout.flush()
        subprocess.run(  # noqa: S603 - runs this very script
            [sys.executable, __file__, "finland", "--seed", str(args.seed)], check=True
        )


def _cpus() -> int:
    import os  # noqa: PLC0415

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
