"""Realistic cases for the store's tests, from the synthetic generator (seeded, cached)."""

from __future__ import annotations

import datetime as dt
import functools

from openco.model import PersonId, UnitId
from openco.process import Case
from openco.store import Reader
from openco.synthetic import generate_cases, generate_population

ON = dt.date(2026, 6, 1)
WORKER = Reader(person=PersonId("w-reader"), unit=UnitId("daycare"))


@functools.cache
def sample_cases(families: int = 300, seed: int = 7) -> tuple[Case, ...]:
    """The cases of the first area of a small synthetic population, longest first."""
    area = next(generate_population(families=families, seed=seed))
    cases = generate_cases(area, seed=seed, on=ON)
    return tuple(sorted(cases, key=lambda c: (-len(c.history), c.concern.id)))


def case_id(case: Case) -> str:
    """The id a case is stored under: its concern's id."""
    return str(case.concern.id)
