"""Families: 1-4 children and one or two custodial guardians."""

from __future__ import annotations

import datetime as dt
from random import Random

from openco.model import AreaId, Custody, CustodyKind, Family, FamilyId, Person, PersonId
from openco.synthetic._sampling import Cumulative, days_back, pick
from openco.synthetic.config import PopulationConfig
from openco.synthetic.names import first_name, full_name


def family_id(area: AreaId, index: int) -> FamilyId:
    """The id of family number *index* (0-based) of *area*, e.g. ``a0001-f00012``."""
    return FamilyId(f"{area}-f{index + 1:05d}")


def guardian_id(family: FamilyId, number: int = 1) -> PersonId:
    """The id of the family's guardian number *number* (1 or 2)."""
    return PersonId(f"{family}-g{number}")


def _born(rng: Random, today: dt.date, age: int) -> dt.date:
    return today - dt.timedelta(days=age * 365 + days_back(rng, 0, 364))


def build_family(
    rng: Random,
    *,
    family: FamilyId,
    area: AreaId,
    children_cum: Cumulative,
    config: PopulationConfig,
) -> Family:
    """One family; guardians are 24-52 years old and at least 18 years older than each child."""
    today = config.reference_date
    surname = full_name(rng).split()[1]
    guardians = 1 if rng.random() < config.single_guardian_share else 2
    guardian_age = 24 + int(rng.random() * 29)
    members: list[Person] = [
        Person(
            id=guardian_id(family, g + 1),
            name=f"{first_name(rng)} {surname}",
            birth_date=_born(rng, today, guardian_age + int(rng.random() * 4)),
        )
        for g in range(guardians)
    ]
    oldest = min(17, guardian_age - 19)
    members.extend(
        Person(
            id=PersonId(f"{family}-c{c + 1}"),
            name=f"{first_name(rng)} {surname}",
            birth_date=_born(rng, today, int(rng.random() * (oldest + 1))),
        )
        for c in range(pick(rng, children_cum) + 1)
    )
    custody = tuple(
        Custody(child=child.id, adult=adult.id, kind=CustodyKind.CUSTODIAL_PARENT)
        for adult in members[:guardians]
        for child in members[guardians:]
    )
    language = "sv" if rng.random() < config.swedish_share else "fi"
    return Family(id=family, members=members, custody=custody, home_area=area, language=language)
