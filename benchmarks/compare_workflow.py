"""openco's per-step cost now against a baseline commit's, interleaved on the same machine.

Run from the repository root (a git checkout; needs nothing beyond openco's own dependencies)::

    python benchmarks/compare_workflow.py                      # against ef25c9f, 9 rounds
    python benchmarks/compare_workflow.py --rounds 15 --number 300
    python benchmarks/compare_workflow.py --baseline HEAD~3    # any commit with the same API

The baseline's ``src`` is taken with ``git archive`` into a temporary folder. Two worker
processes are started, one importing openco from the baseline's ``src``, one from this
checkout's ``src`` (``PYTHONPATH``, checked by the worker: it prints the file it imported). Each
round asks both workers, in alternating order, to run the 12-step case of
:func:`openco.testing.workflow.good_path` *number* times (the same case as
``bench_workflow.py``): the steps through ``advance`` on a fresh case (with the cast's records
where the code takes them), then ``replay`` of the 12-step history. Workers time with the CPU
clock of their own process (``time.process_time``), so other jobs on a shared machine disturb
the figures less than wall time would, and only one worker runs at a time. Printed: the median
over the rounds per worker, the ratio now / baseline, and every round's ratio (the spread shows
how steady the machine was).
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import IO, Any

BASELINE = "ef25c9f"  # before the records (issue 8): "today's" per-step cost
ROOT = Path(__file__).resolve().parent.parent
TODAY_FOR_REPLAY = (2100, 1, 1)


# --------------------------------------------------------------------------- the worker


def _worker() -> None:  # pragma: no cover - runs in the child process
    """Serve 'run NUMBER' requests on stdin: one line 'STEP_US REPLAY_US' each."""
    import datetime as dt  # noqa: PLC0415 - the worker imports openco from its own path

    import openco  # noqa: PLC0415
    from openco.process import advance, open_case, replay  # noqa: PLC0415
    from openco.testing.workflow import good_path, make_cast  # noqa: PLC0415

    cast = make_cast()
    path = good_path(cast)
    with_records = "records" in inspect.signature(advance).parameters
    extra: dict[str, Any] = {"records": cast.records} if with_records else {}
    replay_extra: dict[str, Any] = (
        {"records": cast.records, "today": dt.date(*TODAY_FOR_REPLAY)} if with_records else {}
    )
    opener: Any = open_case  # the baseline's open_case takes the unit, today's the records
    if with_records:
        opened = opener(cast.concern, family=cast.family, on=cast.opened_on, **extra)
    else:
        opened = opener(cast.concern, family=cast.family, unit=cast.unit, on=cast.opened_on)

    def steps() -> Any:
        case = opened
        for a in path:
            case = advance(
                case, a.step, actor=a.actor, role=a.role, on=a.on, detail=a.detail,
                consents=a.consents, **extra,
            )  # fmt: skip
        return case

    history = steps().history
    assert len(history) == len(path) + 1
    assert replay(history, **replay_extra) == steps()
    print(f"ready {openco.__file__} records={with_records}", flush=True)
    for line in sys.stdin:
        number = int(line.split()[1])
        start = time.process_time()
        for _ in range(number):
            steps()
        step_us = (time.process_time() - start) / number / len(path) * 1e6
        start = time.process_time()
        for _ in range(number):
            replay(history, **replay_extra)
        replay_us = (time.process_time() - start) / number * 1e6
        print(f"{step_us:.4f} {replay_us:.4f}", flush=True)


# --------------------------------------------------------------------------- the parent


class Worker:
    """A child process serving timings of the openco found under *src*."""

    def __init__(self, name: str, src: Path) -> None:
        self.name = name
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.process = subprocess.Popen(  # noqa: S603 - this very script, fixed arguments
            [sys.executable, __file__, "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tempfile.gettempdir(),  # not the checkout: nothing else on the path
        )
        ready = self._read().split()
        imported = Path(ready[1])
        if ready[0] != "ready" or not imported.is_relative_to(src):
            msg = f"{name}: imported {imported}, not from {src}"
            raise RuntimeError(msg)
        self.imported = imported
        self.records = ready[2]

    def _read(self) -> str:
        out: IO[str] | None = self.process.stdout
        assert out is not None
        line = out.readline()
        if not line:
            msg = f"{self.name}: the worker stopped"
            raise RuntimeError(msg)
        return line

    def run(self, number: int) -> tuple[float, float]:
        assert self.process.stdin is not None
        self.process.stdin.write(f"run {number}\n")
        self.process.stdin.flush()
        step_us, replay_us = self._read().split()
        return float(step_us), float(replay_us)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def _baseline_src(commit: str, into: Path) -> Path:
    archive = into / "baseline.tar"
    subprocess.run(  # noqa: S603 - git with fixed arguments and the user's commit name
        ["git", "-C", str(ROOT), "archive", "--format=tar", f"--output={archive}", commit, "src"],  # noqa: S607
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into / "baseline", filter="data")
    return into / "baseline" / "src"


def compare(baseline: str, rounds: int, number: int) -> None:
    """Print the medians of *rounds* interleaved rounds and the ratio now / *baseline*."""
    commit = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "rev-parse", "--short", baseline],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} at the start"
    )
    with tempfile.TemporaryDirectory(prefix="openco-baseline-") as tmp:
        workers = [Worker(f"baseline {commit}", _baseline_src(commit, Path(tmp)))]
        workers.append(Worker("now", ROOT / "src"))
        for w in workers:
            print(f"  {w.name}: {w.imported} ({w.records})")
        try:
            for w in workers:  # warm up: imports, caches, the first allocations
                w.run(max(1, number // 10))
            steps: dict[str, list[float]] = {w.name: [] for w in workers}
            replays: dict[str, list[float]] = {w.name: [] for w in workers}
            for i in range(rounds):
                order = workers if i % 2 == 0 else workers[::-1]
                for w in order:
                    step_us, replay_us = w.run(number)
                    steps[w.name].append(step_us)
                    replays[w.name].append(replay_us)
        finally:
            for w in workers:
                w.close()
    base, now = (w.name for w in workers)
    print(
        f"\n{rounds} interleaved rounds of {number} cases (12 steps each), CPU time, "
        f"load average {os.getloadavg()[0]:.2f} at the end\n"
    )
    print("| code | µs / step (median) | µs / replay of 12 steps (median) |")
    print("| --- | ---: | ---: |")
    for name in (base, now):
        print(
            f"| {name} | {statistics.median(steps[name]):.2f} "
            f"| {statistics.median(replays[name]):.1f} |"
        )
    step_ratio = statistics.median(steps[now]) / statistics.median(steps[base])
    replay_ratio = statistics.median(replays[now]) / statistics.median(replays[base])
    print(f"| ratio now / baseline | {step_ratio:.2f}x | {replay_ratio:.2f}x |")
    per_round = [n / b for n, b in zip(steps[now], steps[base], strict=True)]
    print(
        "\nper-round step ratios: "
        + " ".join(f"{r:.2f}" for r in per_round)
        + f" (min {min(per_round):.2f}, max {max(per_round):.2f})"
    )
    print(f"per step now / baseline: {step_ratio:.2f}x (issue 8: at most 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help=f"commit (default {BASELINE})")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (default 9)")
    parser.add_argument("--number", type=int, default=200, help="cases per round (default 200)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker()
    else:
        compare(args.baseline, args.rounds, args.number)


if __name__ == "__main__":
    main()
