"""How many synthetic workflow cases :func:`openco.synthetic.generate_cases` makes a second.

Run from the repository root::

    python benchmarks/bench_synthetic_cases.py                  # 40,000 families
    python benchmarks/bench_synthetic_cases.py --families 200000

The population is generated first (not timed); then the cases of every area are generated and
counted, each step checked by the workflow's rules. Reported: cases, seconds, cases a second,
and how many cases stand at each stage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter

from openco.synthetic import generate_cases, generate_population

ON = dt.date(2026, 3, 1)


def main() -> None:
    """Time ``generate_cases`` over a generated population and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--families", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    areas = list(generate_population(families=args.families, seed=args.seed, validate=False))
    start = time.perf_counter()
    # Streamed, as `openco generate --cases` does: holding every case too makes the garbage
    # collector walk them all again and again (about 2.5x slower at 100,000 families).
    stages = Counter(c.stage.value for a in areas for c in generate_cases(a, seed=args.seed, on=ON))
    seconds = time.perf_counter() - start
    total = stages.total()
    print(f"{total:,} cases in {seconds:.2f} s: {total / seconds:,.0f} cases/s")
    for stage, count in stages.most_common():
        print(f"  {stage:<18} {count:>7,}")


if __name__ == "__main__":
    main()
