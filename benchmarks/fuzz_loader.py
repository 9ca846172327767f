"""A long fuzz run of openco's strict loader: every hostile mutation of issue 11, many times.

Run from the repository root (stops on its own; about 10 minutes per 100,000 inputs on 2 cores):

    python benchmarks/fuzz_loader.py --inputs 100000 [--seed 11]

Each input is a valid document of the Vaaralampi story (a bundle, a case, a family, a map …)
with one hostile mutation (tests/io/hostile.py: deep nesting, lone surrogates, duplicate keys,
a string or an object where a list belongs, NUL, overlong text, oversize documents, ids with
path characters, invalid UTF-8, counts over a limit, planted personal data). It is read with
``openco.io.loads`` and judged by the same oracle as the fuzz test in the suite
(``tests/io/test_strict.py::check_mutant``):

* **crashes**: any exception other than ``InvalidDocumentError`` (a ``RecursionError``, a
  ``UnicodeEncodeError`` …), or an accepted value that does not read back equal;
* **accepted mutants**: a mutant of a kind that must be refused, read without error;
* **leaks**: planted personal data, or more than 5,000 characters, in an error message.

With msgspec installed the readers try the accelerator first (docs/io.md, "The msgspec
accelerator"); ``OPENCO_NO_ACCELERATOR=1`` runs the strict path alone. With the accelerator on,
each mutant, and the same mutant rewritten in openco's own canonical JSON form (so that it
reaches msgspec's decoder), is also read by the accelerator alone and by the strict path alone:
a **side door** is a text the accelerator reads that the strict path refuses or reads otherwise.

It prints the counts per kind of mutation, the slowest input (seconds, kind and size), and
the peak memory of the process (ru_maxrss). Every ``--lines`` inputs it also feeds a JSON
Lines batch of mutants to ``iter_loads(on_error=…)`` and checks that every bad line was
reported and every other line read.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import random
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.io.hostile and the suite's oracle

from tests.io.hostile import FUZZ_LIMITS, MUTATIONS, mutant  # noqa: E402
from tests.io.test_accelerator import canonical, fast_read, strict  # noqa: E402
from tests.io.test_strict import DOCUMENTS, check_mutant  # noqa: E402

from openco.errors import InvalidDocumentError  # noqa: E402
from openco.io import accelerator_enabled, iter_loads  # noqa: E402
from openco.model import NetworkMap  # noqa: E402


@dataclasses.dataclass
class Tally:
    """What the run found, per kind of mutation."""

    inputs: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    refused: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    accepted: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    crashes: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    side_doors: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    by_msgspec: int = 0
    slowest: tuple[float, str, int] = (0.0, "", 0)
    examples: list[str] = dataclasses.field(default_factory=list)

    def judge(self, text: str | bytes, cls: type, must_refuse: bool, kind: str) -> None:
        self.inputs[kind] += 1
        began = time.perf_counter()
        try:
            check_mutant(text, cls, must_refuse, kind)
        except AssertionError as error:
            self.accepted[kind] += 1
            self.example(f"{kind} ({cls.__name__}): {str(error)[:300]}")
        except Exception:  # noqa: BLE001 - counting crashes is the point
            self.crashes[kind] += 1
            self.example(f"{kind} ({cls.__name__}): {traceback.format_exc()[-600:]}")
        else:
            self.refused[kind] += must_refuse
        took = time.perf_counter() - began
        if took > self.slowest[0]:
            self.slowest = (took, f"{kind} of a {cls.__name__}", len(text))

    def side_door(self, text: str | bytes, cls: type, kind: str) -> None:
        """Whether the accelerator alone reads *text* (or its canonical form) otherwise."""
        for variant in (text, canonical(text)):
            if variant is None:
                continue
            fast = fast_read(variant, cls, FUZZ_LIMITS)
            if fast is None:
                continue
            self.by_msgspec += 1
            if strict(variant, cls, FUZZ_LIMITS) != ("read", fast):
                self.side_doors[kind] += 1
                self.example(f"side door, {kind} ({cls.__name__}): {variant!r:.300}")

    def example(self, text: str) -> None:
        if len(self.examples) < 5:
            self.examples.append(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--lines", type=int, default=500, help="inputs per iter_loads batch")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    accelerated = accelerator_enabled()
    kinds = sorted(MUTATIONS)
    tally = Tally()
    start = time.perf_counter()
    batch: list[tuple[str | bytes, bool]] = []
    maps = [d for d, cls in DOCUMENTS if cls is NetworkMap]
    for number in range(args.inputs):
        document, cls = rng.choice(DOCUMENTS)
        kind = kinds[number % len(kinds)]
        text, must_refuse = mutant(document, kind, rng)
        tally.judge(text, cls, must_refuse, kind)
        if accelerated:
            tally.side_door(text, cls, kind)
        batch.append(mutant(rng.choice(maps), kind, rng))
        if len(batch) >= args.lines:
            tally.crashes["iter_loads batch"] += not _lines_ok(batch)
            batch.clear()
    report(tally, args, time.perf_counter() - start)
    failed = sum(tally.crashes.values()) + sum(tally.accepted.values())
    return 1 if failed or sum(tally.side_doors.values()) else 0


def report(tally: Tally, args: argparse.Namespace, elapsed: float) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reader = "msgspec accelerator, then strict" if accelerator_enabled() else "strict only"
    print(f"{args.inputs:,} inputs in {elapsed:.0f} s (seed {args.seed}; reader: {reader})")
    print(f"{'mutation':22} {'inputs':>8} {'refused':>8} {'accepted*':>9} {'crashes':>8}")
    for kind in sorted(MUTATIONS):
        counts = (tally.inputs[kind], tally.refused[kind], tally.accepted[kind])
        print(f"{kind:22} {counts[0]:8,} {counts[1]:8,} {counts[2]:9,} {tally.crashes[kind]:8,}")
    print("* accepted though the kind must be refused, or a message that leaks planted data")
    print(f"iter_loads batches of {args.lines} lines: {tally.crashes['iter_loads batch']} failed")
    total_crashes = sum(tally.crashes.values())
    print(f"crashes: {total_crashes}, accepted mutants: {sum(tally.accepted.values())}")
    if accelerator_enabled():
        doors = sum(tally.side_doors.values())
        print(f"read by the accelerator alone: {tally.by_msgspec:,}; side doors: {doors}")
    took, what, size = tally.slowest
    print(f"slowest input: {took * 1000:.1f} ms ({what}, {size:,} bytes)")
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    for example in tally.examples:
        print("example:", example)


def _lines_ok(mutants: list[tuple[str | bytes, bool]]) -> bool:
    """Interleave mutants with good lines; every bad line reported, every good one read."""
    lines: list[str | bytes] = []
    must: set[int] = set()
    for text, must_refuse in mutants:
        # One document per line: a newline inside a mutant would split it in two.
        lines.append(
            text.replace("\n", " ") if isinstance(text, str) else text.replace(b"\n", b" ")
        )
        if must_refuse:
            must.add(len(lines))
        lines.append(_GOOD)
    reported: list[int] = []
    try:
        read = list(
            iter_loads(
                lines, NetworkMap, limits=FUZZ_LIMITS, on_error=lambda n, _: reported.append(n)
            )
        )
    except InvalidDocumentError:
        return False
    return must <= set(reported) and len(read) + len(reported) == len(lines)


_GOOD = json.dumps(next(d for d, cls in DOCUMENTS if cls is NetworkMap))

if __name__ == "__main__":
    sys.exit(main())
