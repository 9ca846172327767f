"""JSON round trip of many families with their network maps: openco.io, msgspec and cattrs.

Run:  pip install -e '.[bench]'     # msgspec
      python benchmarks/bench_io.py [--families 20000] [--repeats 3] [--parts]

Each family is one JSON Lines document of a Family and one of its NetworkMap (on average
~3.8 members and ~9 network members with ~12 member ties, like the population in
shared/docs/performance-baselines.md). Compared, interleaved in one process, medians:

* openco: ``openco.io.dumps`` / ``openco.io.iter_loads`` (the strict loader: limits, duplicate
  keys, NUL, surrogates, unknown keys refused; the model's validators on; GC paused per object);
* openco bulk: ``dumps`` / ``openco.io.load_documents`` (the same checks, kind read from each
  line's envelope: the path ``openco analyse`` reads with);
* each of these twice: "accelerated" (msgspec decodes first, the object accepted only if
  openco's writer gives back the very text and the limits hold; docs/io.md) and "strict (no
  msgspec)" (``openco.io.use_accelerator(False)``, what an install without ``openco[fast]``
  runs);
* msgspec on the same attrs classes: ``msgspec.json.encode`` / ``decode(type=cls)``. msgspec
  calls the classes' ``__init__``, so the validators run too, but it ignores unknown keys,
  keeps the last of duplicate keys and accepts NUL: less checking than openco;
* cattrs: a bare ``cattrs.Converter`` with the same date/enum hooks and stdlib json, no
  detailed validation and the GC left on (what a user would write by hand).

Times are CPU seconds of the process (the machine is shared; CPU time is what other processes
disturb least), the GC on except where openco pauses it itself. Every variant's objects are
checked equal to the originals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import gc
import json
import random
import statistics
import time
from collections.abc import Callable

import cattrs
import msgspec

from openco.io import dumps, iter_loads, load_documents, use_accelerator
from openco.model import (
    AreaId,
    Custody,
    CustodyKind,
    Family,
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    Person,
    PersonId,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

SECTORS = [NetworkSector.RELATIVES] * 9 + [NetworkSector.FRIENDS_AND_NEIGHBOURS] * 11


def make_population(n: int, seed: int = 7) -> list[tuple[Family, NetworkMap]]:
    rng = random.Random(seed)
    out = []
    for f in range(n):
        guardians = [
            Person(id=PersonId(f"g{f}-{i}"), name=f"Guardian {i}",
                   birth_date=dt.date(1980 + rng.randrange(15), 1 + rng.randrange(12), 1))
            for i in range(1 if rng.random() < 0.22 else 2)
        ]  # fmt: skip
        children = [
            Person(id=PersonId(f"c{f}-{i}"), name=f"Child {i}",
                   birth_date=dt.date(2010 + rng.randrange(15), 1 + rng.randrange(12), 1))
            for i in range(1 + min(3, int(rng.expovariate(1.0))))
        ]  # fmt: skip
        custody = [
            Custody(child=c.id, adult=g.id, kind=CustodyKind.CUSTODIAL_PARENT)
            for c in children
            for g in guardians
        ]
        family = Family(id=FamilyId(f"f{f}"), members=guardians + children, custody=custody,
                        home_area=AreaId(f"a{f // 2000}"))  # fmt: skip
        size = 3 if rng.random() < 0.1 else min(20, 4 + int(rng.expovariate(1 / 5)))
        members = []
        for m in range(size):
            supportive = rng.random() < 0.6
            members.append(
                NetworkMember(
                    id=PersonId(f"n{f}-{m}"), label=f"Person {m}", sector=rng.choice(SECTORS),
                    ring=rng.choice(list(Ring)),
                    tie=TieQuality.SUPPORTIVE if supportive else TieQuality.WEAK,
                    direction=SupportDirection.TO_FAMILY if supportive else SupportDirection.NONE,
                    support={SupportType.EMOTIONAL} if supportive else set(),
                )
            )  # fmt: skip
        ties = {
            (min(a, b), max(a, b))
            for a in range(size)
            for b in range(size)
            if a != b and rng.random() < 0.15
        }
        nmap = NetworkMap(
            id=NetworkMapId(f"m{f}"), family=family.id, drawn_on=dt.date(2026, 3, 1),
            drawn_with=(guardians[0].id,), members=members,
            ties=[MemberTie(a=PersonId(f"n{f}-{a}"), b=PersonId(f"n{f}-{b}")) for a, b in ties],
        )  # fmt: skip
        out.append((family, nmap))
    return out


def plain_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", t) is frozenset, lambda s: sorted(x.value for x in s)
    )
    return conv


def openco_round_trip(pop: list[tuple[Family, NetworkMap]]) -> None:
    families = [dumps(f) for f, _ in pop]
    maps = [dumps(m) for _, m in pop]
    back_f = list(iter_loads(families, Family))
    back_m = list(iter_loads(maps, NetworkMap))
    assert back_f[-1] == pop[-1][0]
    assert back_m[-1] == pop[-1][1]


def openco_bulk_round_trip(pop: list[tuple[Family, NetworkMap]]) -> None:
    texts = [dumps(obj) for pair in pop for obj in pair]
    back = list(load_documents(texts, kinds=(Family, NetworkMap)))
    assert back[-2:] == list(pop[-1])


def switched(run: Callable[[], None], *, accelerated: bool) -> Callable[[], None]:
    """*run* with the msgspec accelerator of openco's readers on or off."""

    def switched_run() -> None:
        was = use_accelerator(accelerated)
        try:
            run()
        finally:
            use_accelerator(was)

    return switched_run


def msgspec_round_trip(pop: list[tuple[Family, NetworkMap]]) -> None:
    encode = msgspec.json.Encoder().encode
    families = [encode(f) for f, _ in pop]
    maps = [encode(m) for _, m in pop]
    family_decoder = msgspec.json.Decoder(Family)
    map_decoder = msgspec.json.Decoder(NetworkMap)
    back_f = [family_decoder.decode(t) for t in families]
    back_m = [map_decoder.decode(t) for t in maps]
    assert back_f[-1] == pop[-1][0]
    assert back_m[-1] == pop[-1][1]


def cattrs_round_trip(pop: list[tuple[Family, NetworkMap]], conv: cattrs.Converter) -> None:
    families = [json.dumps(conv.unstructure(f)) for f, _ in pop]
    maps = [json.dumps(conv.unstructure(m)) for _, m in pop]
    back_f = [conv.structure(json.loads(t), Family) for t in families]
    back_m = [conv.structure(json.loads(t), NetworkMap) for t in maps]
    assert back_f[-1] == pop[-1][0]
    assert back_m[-1] == pop[-1][1]


def parts(pop: list[tuple[Family, NetworkMap]]) -> dict[str, Callable[[], object]]:
    """The halves of the round trip, and the stdlib json floor under openco's reader."""
    objs = [obj for pair in pop for obj in pair]
    texts = [dumps(obj) for obj in objs]
    encode = msgspec.json.Encoder().encode
    encoded = [(encode(obj), type(obj)) for obj in objs]
    decoders = {Family: msgspec.json.Decoder(Family), NetworkMap: msgspec.json.Decoder(NetworkMap)}
    return {
        "openco write (dumps)": lambda: [dumps(obj) for obj in objs],
        "msgspec write (encode)": lambda: [encode(obj) for obj in objs],
        "openco read, accelerated": switched(
            lambda: list(load_documents(texts, kinds=(Family, NetworkMap))), accelerated=True
        ),
        "openco read, strict (no msgspec)": switched(
            lambda: list(load_documents(texts, kinds=(Family, NetworkMap))), accelerated=False
        ),
        "msgspec read (decode)": lambda: [decoders[cls].decode(t) for t, cls in encoded],
        "json.loads alone, no checks": lambda: [json.loads(text) for text in texts],
    }


def timed(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The median CPU seconds of each run, the runs interleaved in a rotating order."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for repeat in range(repeats):
        shift = repeat % len(runs)
        order = list(runs)[shift:] + list(runs)[:shift]
        for name in order:
            gc.collect()
            start = time.process_time()
            runs[name]()
            times[name].append(time.process_time() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--families", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--parts", action="store_true", help="also time writing and reading apart, and json.loads"
    )
    args = parser.parse_args()
    pop = make_population(args.families)
    conv = plain_converter()
    runs: dict[str, Callable[[], None]] = {
        "openco accelerated (iter_loads)": switched(
            lambda: openco_round_trip(pop), accelerated=True
        ),
        "openco accelerated (load_documents)": switched(
            lambda: openco_bulk_round_trip(pop), accelerated=True
        ),
        "openco strict, no msgspec (iter_loads)": switched(
            lambda: openco_round_trip(pop), accelerated=False
        ),
        "openco strict, no msgspec (bulk)": switched(
            lambda: openco_bulk_round_trip(pop), accelerated=False
        ),
        "msgspec, same attrs classes": lambda: msgspec_round_trip(pop),
        "bare cattrs + json": lambda: cattrs_round_trip(pop, conv),
    }
    medians = timed(runs, args.repeats)
    msgspec_time = medians["msgspec, same attrs classes"]
    print(f"JSON round trip of {args.families:,} families + network maps, median of {args.repeats}")
    print(f"{'implementation':40} {'CPU s':>8} {'µs/family':>10} {'÷ msgspec':>10}")
    for name, median in medians.items():
        per = median / args.families * 1e6
        print(f"{name:40} {median:8.2f} {per:10.1f} {median / msgspec_time:9.2f}x")
    if args.parts:
        print("\nThe halves (µs per family and map):")
        for name, median in timed(parts(pop), args.repeats).items():
            print(f"{name:40} {median / args.families * 1e6:10.1f}")


if __name__ == "__main__":
    main()
