"""Hostile shapes at the limits: time and peak memory of each analysis, or of its refusal.

Each case runs in a fresh process: the shape is built first (not timed), the peak resident
memory is reset (``/proc/self/clear_refs``), then the analysis runs once. The table gives the
wall and CPU time of that call and the growth of the peak resident set size over the size
just before it (VmHWM - VmRSS), as docs/performance-baselines measures graphs.

    python benchmarks/bench_shapes.py            # every case, a few minutes
    python benchmarks/bench_shapes.py star dense # some shapes only
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openco.analysis import area_network_of, measure_map, measure_maps
from openco.errors import LimitExceededError
from openco.limits import DEFAULT_LIMITS
from openco.model import Bundle
from openco.synthetic.shapes import crowded_area, crowded_family, dense_map, star_professional

L = DEFAULT_LIMITS


def _dense(members: int, ties: int) -> Callable[[], Bundle]:
    return lambda: dense_map(members=members, ties=ties)


# name: (label, build the shape, analyse it)
CASES: dict[str, list[tuple[str, Callable[[], Bundle], str]]] = {
    "star": [
        (f"star professional, {n:,} families", lambda n=n: star_professional(families=n), "area")
        for n in (L.families_per_professional // 2, L.families_per_professional,
                  L.families_per_professional + 1, 100_000)
    ],
    "family": [
        (f"one family, {n:,} professionals", lambda n=n: crowded_family(professionals=n), "area")
        for n in (L.professionals_per_family, L.professionals_per_family + 1, 4_000)
    ],
    "dense": [
        (f"dense map, {m:,} members, {t:,} ties", _dense(m, t), kind)
        for m, t in ((L.members_per_map, L.ties_per_map), (L.members_per_map, L.ties_per_map + 1),
                     (5_000, L.ties_per_map + 1))
        for kind in ("map", "maps")
    ],
    "area": [
        (f"one area, {n:,} units", lambda n=n: crowded_area(units=n), "area")
        for n in (L.units_per_area // 4, L.units_per_area, L.units_per_area + 1, 4_000)
    ],
}  # fmt: skip


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _one(shape: str, index: int) -> dict[str, Any]:
    label, build, kind = CASES[shape][index]
    bundle = build()
    work: Callable[[], object] = {
        "area": lambda: area_network_of(bundle),
        "map": lambda: measure_map(bundle.network_maps[0]),
        "maps": lambda: measure_maps(bundle.network_maps),
    }[kind]
    with contextlib.suppress(OSError):  # not Linux, or not allowed: the peak is the process's
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak to the current size
    before = _status("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        work()
        outcome = "analysed"
    except LimitExceededError as error:
        outcome = f"refused: {error.limit}"
    return {
        "case": f"{label} ({kind})",
        "outcome": outcome,
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "peak_growth": _status("VmHWM") - before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", help=f"some of {', '.join(CASES)} (default: all)")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    unknown = set(args.shapes) - set(CASES)
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    if args.one:
        print(json.dumps(_one(args.one[0], int(args.one[1]))))
        return
    print(f"load average {os.getloadavg()[0]:.1f}; limits: {L}")
    print("| case | outcome | wall s | CPU s | peak RSS growth MiB |")
    print("| --- | --- | ---: | ---: | ---: |")
    for shape in args.shapes or CASES:
        for index in range(len(CASES[shape])):
            done = subprocess.run(  # noqa: S603 - this very script
                [sys.executable, __file__, "--one", shape, str(index)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            row = json.loads(done.stdout)
            print(
                f"| {row['case']} | {row['outcome']} | {row['wall']:.3f} | {row['cpu']:.3f} "
                f"| {row['peak_growth'] / 2**20:.1f} |",
                flush=True,
            )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
