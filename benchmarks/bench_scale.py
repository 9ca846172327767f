"""All of Finland on the command line: ``openco generate`` to a file, then ``openco analyse``.

Runs the two commands as child processes and reports, for each, the wall time, the CPU time
(user + system, of the command and every process it started) and the peak resident memory
(the kernel's maximum RSS of that command's process tree, from ``wait4``, and the sum over
all of its processes sampled every 0.2 s), and the machine's load average before and after:
the machine is often shared, and CPU time is what other processes disturb least.

    python benchmarks/bench_scale.py                      # 552,000 families, 5-10 minutes
    python benchmarks/bench_scale.py --families 60000     # a large city
    python benchmarks/bench_scale.py --keep /tmp/fi       # keep the JSON Lines and the report
    python benchmarks/bench_scale.py --input fi.jsonl     # analyse an existing file only
    python benchmarks/bench_scale.py --input fi.jsonl --repeat 2 -- --workers 1

Targets (issue 11): ``openco analyse`` of 552,000 families in under 3 minutes and 2 GiB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _tree_rss(root: int) -> int:
    """The resident memory of process *root* and all its descendants, in bytes (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf(
                "SC_PAGE_SIZE"
            )
    return total


def _run(name: str, args: list[str]) -> tuple[float, float, int, int]:
    """Run ``openco ARGS``: wall s, CPU s, peak RSS of one process, peak RSS of all at once.

    The first peak is the kernel's (the largest of the child and the children it waited for);
    the second is sampled every 0.2 s over the child and every process it started, added up.
    """
    command = [sys.executable, "-c", "from openco.cli.main import main; main()", *args]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE) as child:  # noqa: S603 - openco
        peak, status, usage = 0, 0, None
        while usage is None:
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.2)
            pid, status, used = os.wait4(child.pid, os.WNOHANG)
            if pid:
                usage = used
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        output = child.stdout.read().decode() if child.stdout else ""
    if child.returncode:
        sys.exit(f"{name} failed with exit code {child.returncode}")
    for line in output.splitlines():
        print(f"    {line}")
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"  {name}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {usage.ru_maxrss / 1024:,.0f} "
        f"MiB, load {_load()}",
        flush=True,
    )
    return wall, cpu, usage.ru_maxrss * 1024, peak


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=552_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="a directory to keep the input and report in")
    parser.add_argument(
        "--input",
        type=Path,
        help="analyse this existing JSON Lines file instead of generating one (--families and "
        "--seed are then only what the table says)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="analyse this many times (the input is made once)"
    )
    parser.add_argument("analyse_options", nargs="*", help="more options for openco analyse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="openco-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, report = args.input or folder / "population.jsonl", folder / "report"
    print(f"load average before: {_load()} on {os.cpu_count()} cores")
    rows = []
    try:
        if args.input is None:
            generate = [
                "generate", "--families", str(args.families), "--seed", str(args.seed),
                "--out", str(source), "--force",
            ]  # fmt: skip
            rows.append(("generate", *_run("generate", generate)))
        analyse = [
            "analyse", str(source), "--out", str(report), "--force", "--no-progress",
            *args.analyse_options,
        ]  # fmt: skip
        rows += [("analyse", *_run("analyse", analyse)) for _ in range(args.repeat)]
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"load average after: {_load()}")
    size = source.stat().st_size if source.exists() else 0
    print(f"{args.families:,} families" if args.input is None else f"{source} ({size:,} bytes)")
    print("| command | wall s | CPU s | peak RSS MiB, largest process | all processes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, cpu, largest, together in rows:
        print(
            f"| openco {name} | {wall:.1f} | {cpu:.1f} | {largest / 2**20:,.0f} "
            f"| {together / 2**20:,.0f} |"
        )


if __name__ == "__main__":
    main()
