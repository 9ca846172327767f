"""Kill ``openco analyse`` with SIGKILL at random moments and count what each kill leaves.

Run from the repository root::

    python benchmarks/bench_crash.py                 # 28 kills of a 1,000-family analysis
    python benchmarks/bench_crash.py --kills 5 --families 300

Each kill runs in a fresh folder; afterwards the folder is sorted into: nothing left, a
staging folder (and how many bytes it holds), the complete output, the new key file alone.
Then ``openco analyse`` runs again in the same folder and must remove every staging folder,
saying so. The last line is the tally; any other leftover is counted as ``bad``.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

OPENCO = [sys.executable, "-c", "from openco.cli import main; main()"]
MARK = ".openco-staging-"


def main() -> None:
    """Run the kills and print one line per kill and the tally."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=28)
    parser.add_argument("--families", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=28)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        city = root / "city.jsonl"
        subprocess.run(  # noqa: S603 - our own interpreter and command
            [*OPENCO, "generate", "--families", str(options.families), "-o", str(city)],
            check=True,
            capture_output=True,
        )
        started = time.monotonic()
        subprocess.run(  # noqa: S603
            [*OPENCO, "analyse", str(city), "--out", str(root / "timed")],
            check=True,
            capture_output=True,
        )
        whole = time.monotonic() - started
        print(f"one whole run: {whole:.1f} s; {options.kills} kills at random moments")
        rng = random.Random(options.seed)
        tally: Counter[str] = Counter()
        for number in range(options.kills):
            here = root / f"kill{number}"
            here.mkdir()
            run = subprocess.Popen(  # noqa: S603
                [*OPENCO, "analyse", str(city), "--out", "report"],
                cwd=here,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0, whole * 1.05))
            run.kill()
            run.wait()
            staged = [p for p in here.iterdir() if MARK in p.name]
            rest = {p.name for p in here.iterdir()} - {p.name for p in staged}
            held = sum(f.stat().st_size for s in staged for f in s.rglob("*") if f.is_file())
            tally["staging left"] += bool(staged)
            tally["complete output"] += "report" in rest
            tally["key file alone"] += rest == {"report.pseudonym-key"}
            tally["nothing left"] += not staged and not rest
            tally["bad"] += not rest <= {"report", "report.pseudonym-key"}
            again = subprocess.run(  # noqa: S603
                [*OPENCO, "analyse", str(city), "--out", "again", "--pictures", "0"],
                cwd=here,
                capture_output=True,
                text=True,
                check=False,
            )
            removed = staged and "left behind" in again.stderr
            tally["removed by the next run"] += bool(removed)
            tally["bad"] += any(MARK in p.name for p in here.iterdir())
            print(f"kill {number:2d}: left {sorted(rest)}, {len(staged)} staging ({held:,} bytes)")
        print(dict(tally))


if __name__ == "__main__":
    main()
