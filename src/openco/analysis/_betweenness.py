"""Shortest-path betweenness of an unweighted, undirected graph, in plain Python.

Exact, the result is the same as :func:`networkx.betweenness_centrality` (normalised, endpoints
excluded; the tests compare the two). With *sample* (:func:`betweenness`), the estimate is
the one networkx computes with ``k=sample, seed=seed``: the same sampled sources (drawn with
``random.Random(seed).sample`` from the nodes in order) and the same rescaling, so the two
agree to rounding. Exact betweenness costs one breadth-first search per node (time about
nodes x links); the estimate costs one per sampled source, so it grows linearly.

Exact betweenness is computed 3-4x faster than networkx on the networks of professionals
of a city, which are dense clusters (one per area) joined by a few shared workers:

* Brandes' algorithm runs per connected component, on small integer node numbers.
* Each breadth-first search goes layer by layer. The next layer is found with big-integer
  bit masks (one OR per node of the current layer), the members of a layer are read from the
  mask's binary digits, and the path counts of the second layer are popcounts, because every
  first-layer node has exactly one shortest path from the source.
* A node's predecessors are one set intersection (run in C) with the previous layer, its
  path count one ``sum(map(...))`` over them; the way back walks only these predecessor
  links. In these graphs more than half of the edges join two nodes of the same layer and
  are never looked at one by one.
"""

from __future__ import annotations

import concurrent.futures
import functools
import math
import multiprocessing
import operator
import random
from array import array
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Final, TypeVar

N = TypeVar("N", bound=Hashable)

# The positions of the 1 bits of every byte value, to read a bit mask's members quickly.
_BITS: Final = tuple(tuple(k for k in range(8) if byte >> k & 1) for byte in range(256))


def components(nodes: Sequence[N], neighbours: Mapping[N, Iterable[N]]) -> list[list[N]]:
    """Connected components, each in the order of *nodes*, in the order of their first node."""
    position = {n: k for k, n in enumerate(nodes)}
    seen: set[N] = set()
    found: list[list[N]] = []
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        group = [start]
        for node in group:  # the list grows while it is read: a breadth-first search
            for other in neighbours.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    group.append(other)
        group.sort(key=position.__getitem__)
        found.append(group)
    return found


def _members(mask: int) -> list[int]:
    """The positions of the 1 bits of *mask*, lowest first.

    >>> _members(0b101001)
    [0, 3, 5]
    """
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    return [8 * i + k for i, byte in enumerate(data) if byte for k in _BITS[byte]]


def _raw_betweenness(  # noqa: C901, PLR0912, PLR0915 - both phases in one frame, for speed
    adjacency: list[list[int]],
    sources: Sequence[int] | None = None,
    each: list[array[float]] | None = None,
) -> list[float]:
    """Unnormalised betweenness over ordered source-target pairs, for one connected graph.

    With *sources*, only the dependencies of those sources are added up (a share of the
    work, for one process of several). With *each* (a list), every source's own dependencies
    are appended to it instead, one array per source, and the returned sum stays all zeros:
    every node gets at most one addition per source, so adding those arrays up in the order
    of the sources gives the sum one process gives, to the last bit.
    """
    n = len(adjacency)
    masks = [sum(1 << w for w in near) for near in adjacency]
    sets = [frozenset(near) for near in adjacency]
    mask_of = masks.__getitem__
    either = operator.or_
    total = result = [0.0] * n
    for source in range(n) if sources is None else sources:
        if each is not None:
            result = [0.0] * n
        sigma = [0.0] * n
        paths_to = sigma.__getitem__
        first = adjacency[source]
        for w in first:
            sigma[w] = 1.0
        first_mask = masks[source]
        seen = first_mask | (1 << source)
        layers = [first]
        predecessors: list[list[frozenset[int]]] = [[]]
        frontier = first
        while True:
            reached = functools.reduce(either, map(mask_of, frontier), 0) & ~seen
            if not reached:
                break
            following = _members(reached)
            before: list[frozenset[int]] = []
            if len(layers) == 1:
                # Every first-layer node has one shortest path from the source, so a
                # second-layer node's count is how many first-layer neighbours it has.
                for w in following:
                    sigma[w] = float((masks[w] & first_mask).bit_count())
            else:
                previous = frozenset(frontier)
                before = [sets[w] & previous for w in following]
                for w, p in zip(following, before, strict=True):
                    sigma[w] = sum(map(paths_to, p))
            seen |= reached
            layers.append(following)
            predecessors.append(before)
            frontier = following
        # Dependencies, deepest layer first. share[v] collects, over v's successors w,
        # (1 + delta(w)) / sigma(w); then delta(v) = sigma(v) * share[v].
        share = [0.0] * n
        deepest = len(layers) - 1
        if deepest > 1:  # nothing lies beyond the deepest layer: it passes on 1 / sigma
            for w, p in zip(layers[deepest], predecessors[deepest], strict=True):
                passed_on = 1.0 / sigma[w]
                for v in p:
                    share[v] += passed_on
        for depth in range(deepest - 1, 1, -1):
            for w, p in zip(layers[depth], predecessors[depth], strict=True):
                paths = sigma[w]
                delta = paths * share[w]
                result[w] += delta
                passed_on = (1.0 + delta) / paths
                for v in p:
                    share[v] += passed_on
        if len(layers) > 1:
            # The second layer kept no predecessor sets: its few first-layer predecessors
            # collect their share with one intersection each instead.
            for w in layers[1]:
                paths = sigma[w]
                delta = paths * share[w]
                result[w] += delta
                share[w] = (1.0 + delta) / paths
            passed = share.__getitem__
            second = frozenset(layers[1])
            for v in first:
                result[v] += sum(map(passed, sets[v] & second))  # sigma(v) is 1
        if each is not None:
            each.append(array("d", result))
    return total


def _dependencies(adjacency: list[list[int]], sources: Sequence[int]) -> list[bytes]:
    """Each source's dependencies, as the bytes of an array of doubles (for another process)."""
    each: list[array[float]] = []
    _raw_betweenness(adjacency, sources, each)
    return [row.tobytes() for row in each]


_PARALLEL_FROM: Final = 2_000_000
"""Components whose searches visit fewer nodes than this (sources x nodes) are computed in the
calling process even when workers are asked for: starting a process (about half a second)
would cost more than it saves. A city's 1,000 professionals stay below it; a country's
sample of 1,000 sources over 9,000 professionals is shared."""


def _in_parallel(
    adjacency: list[list[int]], workers: int, sources: Sequence[int] | None = None
) -> list[float]:
    """:func:`_raw_betweenness` with the sources split between *workers* processes.

    The first share of the sources is searched here while fresh processes (spawned, so that
    they hold only the graph, not a copy of the caller's memory) search the others and send
    back each source's dependencies; these are added in the order of the sources, so the
    result is the one process's, bit for bit, however many processes share the work.
    """
    chosen = range(len(adjacency)) if sources is None else sources
    n = len(chosen)
    cuts = [n * k // workers for k in range(workers + 1)]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
        parts = [
            pool.submit(_dependencies, adjacency, chosen[cuts[k] : cuts[k + 1]])
            for k in range(1, workers)
        ]
        result = _raw_betweenness(adjacency, chosen[cuts[0] : cuts[1]])
        add = operator.add
        for part in parts:
            for data in part.result():
                row = array("d")
                row.frombytes(data)
                result = list(map(add, result, row))
    return result


def _scales(total: int, sources: int | None, normalized: bool) -> tuple[float, float]:
    """What a sampled source's sum and every other node's sum are multiplied by (networkx's).

    Exact: ordered pairs over (n - 1)(n - 2) when normalised, else each unordered pair once.
    With k sampled sources (networkx 3.6's ``_rescale``): pairs counted from k sources (k - 1
    for a sampled source, which is never its own endpoint), over n - 2 targets when normalised,
    and scaled up to all n - 1 sources, each unordered pair once, when not.
    """
    if sources is None:
        scale = 1.0 / ((total - 1) * (total - 2)) if normalized else 0.5
        return scale, scale
    per_source = 1.0 / (total - 2) if normalized else (total - 1) / 2.0
    return (per_source / (sources - 1) if sources > 1 else math.nan), per_source / sources


def sampled_sources(nodes: Sequence[N], sample: int | None, seed: int) -> list[N] | None:
    """The sources networkx's ``betweenness_centrality(k=sample, seed=seed)`` would pick.

    ``None`` (every node a source) when *sample* is ``None`` or covers every node.

    >>> sampled_sources(["a", "b", "c", "d"], 2, seed=1)
    ['b', 'c']
    """
    if sample is None or sample >= len(nodes):
        return None
    return random.Random(seed).sample(list(nodes), sample)  # noqa: S311 - a sample, not a secret


def betweenness(
    nodes: Sequence[N],
    neighbours: Mapping[N, Iterable[N]],
    *,
    normalized: bool = True,
    workers: int = 1,
    sample: int | None = None,
    seed: int = 0,
) -> dict[N, float]:
    """Betweenness of every node of an undirected, unweighted graph, as networkx computes it.

    *neighbours* maps each node to its neighbours (both directions listed); nodes missing from
    it have none. Normalised values divide by ``(n - 1)(n - 2)`` for the n nodes of the whole
    graph; unnormalised ones count each unordered pair once. With *workers* > 1, the sources
    of each large component are shared between that many processes.

    With *sample* smaller than the number of nodes, only *sample* sources drawn with
    :func:`sampled_sources` are searched from and the sums are rescaled as networkx does with
    ``k`` (a sampled source's own value over ``sample - 1`` sources, every other node's over
    ``sample``), so the result equals ``networkx.betweenness_centrality(G, k=sample,
    seed=seed)`` for a graph whose nodes are in the order of *nodes*.

    >>> path = {"a": ["b"], "b": ["a", "c"], "c": ["b"]}
    >>> betweenness(["a", "b", "c"], path)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    total = len(nodes)
    chosen = sampled_sources(nodes, sample, seed)
    values = dict.fromkeys(nodes, 0.0)
    if total < 3:  # noqa: PLR2004 - no node lies between two others
        return values
    picked = frozenset(chosen or ())
    source_scale, other_scale = _scales(total, None if chosen is None else len(chosen), normalized)
    for group in components(nodes, neighbours):
        if len(group) < 3:  # noqa: PLR2004 - no node lies between two others
            continue
        number = {node: k for k, node in enumerate(group)}
        adjacency = [
            sorted(number[w] for w in set(neighbours.get(node, ())) if w != node) for node in group
        ]
        sources: list[int] | None = None
        if chosen is not None:
            sources = [number[s] for s in chosen if s in number]
            if not sources:
                continue
        if workers > 1 and len(group) * len(sources or group) >= _PARALLEL_FROM:
            raw = _in_parallel(adjacency, workers, sources)
        else:
            raw = _raw_betweenness(adjacency, sources)
        for node, value in zip(group, raw, strict=True):
            values[node] = value * (source_scale if node in picked else other_scale)
    return values
