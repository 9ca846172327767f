"""Writer processes for the fault tests.

:func:`run_appends` appends, for a bounded time, the next step of random cases (sometimes
with a stale version, sometimes a step the workflow refuses), and returns what it saw: the
records the store accepted (case, version, tag), the refused ones and the conflicts. Each
record carries a tag of its own in its *reason*, so that the parent can find it in the store.

``python -m tests.store.workers endless URL FAMILIES SEED`` appends until it is killed,
printing one line per committed append (the parent kills it with SIGKILL mid-append).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import attrs

import openco.store
from openco.errors import ConcurrencyError, TransitionNotAllowedError
from openco.model import PersonId
from openco.process import Case, Records, Step, StepTaken, schedule
from tests.store.builders import sample_cases, sample_records

__all__ = ["main", "refused_step", "run_appends", "run_endless"]


def refused_step(case: Case, tag: str) -> StepTaken:
    """A step the workflow refuses at every stage: opening the case a second time."""
    return StepTaken(
        step=Step.NOTICE, actor=PersonId("w-rogue"), role=case.history[0].role,
        on=case.history[-1].on, reason=tag,
    )  # fmt: skip


def run_appends(  # noqa: PLR0917 - one writer's whole brief
    url: str,
    cases: list[Case],
    records: Records,
    seconds: float,
    seed: int,
    start: Path | None = None,
) -> dict[str, object]:
    """Append for *seconds*; what was accepted, refused and in conflict."""
    rng = random.Random(seed)  # noqa: S311 - test traffic, not cryptography
    accepted: list[tuple[str, int, str]] = []
    refused: list[str] = []
    wrongly_accepted: list[str] = []
    conflicts = 0
    store = openco.store.open(url, records=records)
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


def run_endless(url: str, cases: list[Case], records: Records) -> None:
    """Append every case's steps, one transaction or one batch at a time, until killed."""
    store = openco.store.open(url, records=records)
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
    """``endless URL FAMILIES SEED``: append the sample cases until killed."""
    mode, url, families, seed = argv[0], argv[1], int(argv[2]), int(argv[3])
    if mode != "endless":
        raise SystemExit(f"unknown mode {mode!r}")
    cases = list(sample_cases(families=families, seed=seed))
    run_endless(url, cases, sample_records(families=families, seed=seed))


if __name__ == "__main__":
    main(sys.argv[1:])
