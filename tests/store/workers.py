"""Writer processes for the fault tests: ``python -m tests.store.workers MODE URL CASES OUT``.

``append`` appends, for a bounded time, the next step of random cases (sometimes with a stale
version, sometimes a step the workflow refuses), and writes what it saw to OUT as JSON: the
records the store accepted (case, version, tag), the refused ones and the conflicts. Each
record carries a tag of its own in its *reason*, so that the parent can find it in the store.

``endless`` appends until it is killed, printing one line per committed append (the parent
kills it with SIGKILL in the middle of appends).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import attrs

import openco.store
from openco.errors import ConcurrencyError, TransitionNotAllowedError
from openco.io import iter_loads
from openco.model import PersonId
from openco.process import Case, Step, StepTaken, schedule

__all__ = ["load_cases", "main"]


def load_cases(path: Path) -> list[Case]:
    """The case scripts the parent wrote, one case document per line."""
    with path.open(encoding="utf-8") as lines:
        return list(iter_loads(lines, Case))


def refused_step(case: Case, tag: str) -> StepTaken:
    """A step the workflow refuses at every stage: opening the case a second time."""
    return StepTaken(
        step=Step.NOTICE, actor=PersonId("w-rogue"), role=case.history[0].role,
        on=case.history[-1].on, reason=tag,
    )  # fmt: skip


def run_appends(
    url: str, cases: list[Case], seconds: float, seed: int, start: Path | None = None
) -> dict[str, object]:
    """Append for *seconds*; what was accepted, refused and in conflict."""
    rng = random.Random(seed)  # noqa: S311 - test traffic, not cryptography
    accepted: list[tuple[str, int, str]] = []
    refused: list[str] = []
    wrongly_accepted: list[str] = []
    conflicts = 0
    store = openco.store.open(url)
    # Warm up first (the holiday calendar, SQL compilation): eight processes paying that on two
    # cores would otherwise spend the whole bounded time starting.
    schedule.add_working_days(cases[0].last_on, 7)
    store.version(str(cases[0].concern.id))
    if start is not None:  # all writers begin together, once every one has started up
        start.with_suffix(f".ready{seed}").touch()
        while not start.exists():
            time.sleep(0.01)
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        case = rng.choice(cases)
        cid = str(case.concern.id)
        version = store.version(cid)
        n += 1
        tag = f"w{seed}-{n}"
        roll = rng.random()
        try:
            if roll < 0.1 or version >= len(case.history):
                store.append(cid, refused_step(case, tag), expected_version=version)
                wrongly_accepted.append(tag)  # must never happen: the parent checks
            else:
                stale = roll < 0.2 and version > 1
                expected = version - 1 if stale else version
                record = attrs.evolve(case.history[expected], reason=tag)
                accepted.append((cid, store.append(cid, record, expected_version=expected), tag))
        except TransitionNotAllowedError:
            refused.append(tag)
        except ConcurrencyError:
            conflicts += 1
    store.close()
    return {
        "accepted": accepted,
        "refused": refused,
        "wrongly_accepted": wrongly_accepted,
        "conflicts": conflicts,
    }


def run_endless(url: str, cases: list[Case]) -> None:
    """Append every case's steps, one transaction or one batch at a time, until killed."""
    store = openco.store.open(url)
    for number, case in enumerate(cases):
        cid = str(case.concern.id)
        if number % 2:
            store.append(cid, case.history, expected_version=0)
        else:
            for version, record in enumerate(case.history):
                store.append(cid, record, expected_version=version)
        print(cid, flush=True)  # noqa: T201 - the parent reads progress from stdout
    print("done", flush=True)  # noqa: T201
    time.sleep(60)


def main(argv: list[str]) -> None:
    """Run the worker *argv* names."""
    mode, url, cases_path = argv[0], argv[1], Path(argv[2])
    cases = load_cases(cases_path)
    if mode == "endless":
        run_endless(url, cases)
        return
    seconds, seed, out = float(argv[3]), int(argv[4]), Path(argv[5])
    result = run_appends(url, cases, seconds, seed, Path(argv[6]) if len(argv) > 6 else None)
    out.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
