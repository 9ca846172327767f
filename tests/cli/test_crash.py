"""``openco analyse`` killed at random moments, interrupted, or terminated: no leftovers.

Real subprocesses, real signals. ``kill -9`` cannot be caught: the run may leave its staging
folder (a hidden ``.report.openco-staging-*``) and nothing else, and the next command writing
in that folder removes it and says so. Ctrl-C and SIGTERM are caught: the staging folder is
removed on the way out, and the exit code is 130.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Final

import pytest

from openco.cli.exit_codes import ExitCode
from openco.cli.generate import population_lines
from openco.cli.output import STAGING_MARK

OPENCO: Final = [sys.executable, "-c", "from openco.cli import main; main()"]
KILLS: Final = int(os.environ.get("OPENCO_KILLS", "3"))
"""How many random moments to kill at (``OPENCO_KILLS=28`` for the security review's count)."""

EXPECTED: Final = {
    "area-network.csv", "areas.csv", "families.csv", "maps", "professional-links.csv",
    "professionals.graphml",
}  # fmt: skip


def openco(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [*OPENCO, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def staging(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if STAGING_MARK in p.name]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.jsonl"
    path.write_text(
        "".join(f"{line}\n" for line in population_lines(families=300, seed=3)), encoding="utf-8"
    )
    return path


def wait_for_staging(folder: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not staging(folder) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


class TestKilled:
    def test_a_run_killed_at_any_moment_leaves_at_most_its_staging_which_the_next_run_removes(
        self, city: Path, tmp_path: Path
    ) -> None:
        started = time.monotonic()
        whole = openco("analyse", str(city), "--out", "timed", cwd=tmp_path)
        whole.communicate(timeout=300)
        assert whole.returncode == 0
        duration = time.monotonic() - started
        moments = random.Random(11).sample(range(1000), KILLS)  # noqa: S311 - not a secret

        for number, moment in enumerate(moments):
            folder = tmp_path / f"run{number}"
            folder.mkdir()
            run = openco("analyse", str(city), "--out", "report", cwd=folder)
            time.sleep(duration * moment / 1000)
            run.send_signal(signal.SIGKILL)
            run.communicate(timeout=60)

            left = {p.name for p in folder.iterdir()} - {p.name for p in staging(folder)}
            if "report" in left:  # killed after the rename: the whole output is there
                assert {p.name for p in (folder / "report").iterdir()} == EXPECTED
            assert left <= {"report", "report.pseudonym-key"}, left
            had_staging = bool(staging(folder))

            after = openco("check", str(city), cwd=folder)  # reads only: removes nothing
            after.communicate(timeout=120)
            assert bool(staging(folder)) == had_staging
            again = openco("analyse", str(city), "--out", "again", "--pictures", "0", cwd=folder)
            _, stderr = again.communicate(timeout=300)

            assert again.returncode == 0, stderr
            assert staging(folder) == []
            assert ("left behind by an interrupted run" in stderr) == had_staging


class TestInterrupted:
    @pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
    def test_ctrl_c_or_sigterm_ends_with_130_and_leaves_nothing(
        self, city: Path, tmp_path: Path, signum: signal.Signals
    ) -> None:
        run = openco("analyse", str(city), "--out", "report", cwd=tmp_path)
        wait_for_staging(tmp_path, run)
        time.sleep(0.2)
        run.send_signal(signum)
        _, stderr = run.communicate(timeout=120)

        if run.returncode == 0:  # pragma: no cover - the machine finished first
            pytest.skip("the run ended before the signal")
        assert run.returncode == ExitCode.INTERRUPTED, stderr
        assert stderr.strip().splitlines()[-1].startswith("openco: interrupted")
        assert "Traceback" not in stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == []
