"""Realistic cases for the store's tests, from the synthetic generator (seeded, cached)."""

from __future__ import annotations

import datetime as dt
import functools

from openco.model import PersonId, UnitId
from openco.process import Case, Records
from openco.store import Reader
from openco.synthetic import AreaPopulation, area_records, generate_cases, generate_population

ON = dt.date(2026, 6, 1)
WORKER = Reader(person=PersonId("w-reader"), unit=UnitId("daycare"))


@functools.cache
def _area(families: int, seed: int) -> AreaPopulation:
    return next(generate_population(families=families, seed=seed))


@functools.cache
def sample_records(families: int = 300, seed: int = 7) -> Records:
    """The registers the sample cases are judged by (units, staff and families of the area)."""
    return area_records(_area(families, seed))


@functools.cache
def sample_cases(families: int = 300, seed: int = 7) -> tuple[Case, ...]:
    """The cases of the first area of a small synthetic population, longest first."""
    cases = generate_cases(_area(families, seed), seed=seed, on=ON)
    return tuple(sorted(cases, key=lambda c: (-len(c.history), c.concern.id)))


def case_id(case: Case) -> str:
    """The id a case is stored under: its concern's id."""
    return str(case.concern.id)
