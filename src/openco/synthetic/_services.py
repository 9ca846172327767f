"""Areas, their service units and staff, and the municipality's shared unit.

Each area has four units of its own (child health clinic, day care, school welfare, family
social work). Family counselling is organised for the whole municipality: its staff serve
families in every area of it, which is what ties the areas' professionals into one city-wide
network.
"""

from __future__ import annotations

from random import Random
from typing import Final

from openco.model import (
    Area,
    AreaId,
    PersonId,
    Professional,
    ProfessionalId,
    ServiceKind,
    ServiceUnit,
    UnitId,
)
from openco.synthetic.config import PopulationConfig
from openco.synthetic.names import full_name, place_name

AREA_UNITS: Final[tuple[tuple[ServiceKind, str, str], ...]] = (
    (ServiceKind.CHILD_HEALTH_CLINIC, "child health clinic", "public health nurse"),
    (ServiceKind.EARLY_CHILDHOOD_EDUCATION, "day-care centre", "early childhood teacher"),
    (ServiceKind.SCHOOL_WELFARE, "school welfare team", "school social worker"),
    (ServiceKind.FAMILY_SOCIAL_WORK, "family social work", "social worker"),
)
SHARED_UNIT: Final = (ServiceKind.FAMILY_COUNSELLING, "family counselling", "psychologist")
_MIN_FACILITATORS: Final = 2


def area_id(index: int) -> AreaId:
    """The id of area number *index* (0-based), e.g. ``a0001``."""
    return AreaId(f"a{index + 1:04d}")


def municipality_of(index: int, config: PopulationConfig) -> int:
    """The 0-based number of the municipality area *index* belongs to."""
    return index // config.areas_per_municipality


def build_area(index: int, config: PopulationConfig) -> Area:
    """Area number *index*, with an invented name."""
    return Area(
        id=area_id(index),
        name=place_name(index),
        municipality=f"Synthetic municipality {municipality_of(index, config) + 1}",
    )


def build_units(area: Area) -> tuple[ServiceUnit, ...]:
    """The area's own four units."""
    return tuple(
        ServiceUnit(
            id=UnitId(f"{area.id}-u{k + 1}"),
            name=f"{area.name} {name}",
            kind=kind,
            areas=(area.id,),
            in_family_centre=kind is not ServiceKind.SCHOOL_WELFARE,
        )
        for k, (kind, name, _) in enumerate(AREA_UNITS)
    )


def build_shared_unit(municipality: int, areas: tuple[AreaId, ...]) -> ServiceUnit:
    """The municipality's family counselling, serving all its *areas*."""
    kind, name, _ = SHARED_UNIT
    return ServiceUnit(
        id=UnitId(f"m{municipality + 1:03d}-u5"),
        name=f"Municipality {municipality + 1} {name}",
        kind=kind,
        areas=areas,
        in_family_centre=True,
    )


def staff_sizes(staff: int, weights: tuple[float, ...]) -> list[int]:
    """Split *staff* over len(*weights*) units by *weights* (largest remainder), >= 1 each."""
    units = len(weights)
    total = sum(weights) or 1.0
    quotas = [max(0, staff - units) * w / total for w in weights]
    sizes = [1 + int(q) for q in quotas]
    order = sorted(range(units), key=lambda k: (int(quotas[k]) - quotas[k], k))
    for k in order[: max(0, staff - sum(sizes))]:
        sizes[k] += 1
    return sizes


def _with_facilitators(people: list[Professional]) -> tuple[Professional, ...]:
    """*people*, with the first ones trained as facilitators until at least two are."""
    trained = sum(p.trained_facilitator for p in people)
    for k, person in enumerate(people):
        if trained >= _MIN_FACILITATORS:
            break
        if not person.trained_facilitator:
            people[k] = Professional(
                id=person.id,
                name=person.name,
                unit=person.unit,
                profession=person.profession,
                mandated_notifier=person.mandated_notifier,
                trained_facilitator=True,
            )
            trained += 1
    return tuple(people)


def _staff(
    rng: Random, prefix: str, sizes: list[int], units: list[tuple[UnitId, str]], share: float
) -> list[Professional]:
    people: list[Professional] = []
    for (unit, profession), size in zip(units, sizes, strict=True):
        for _ in range(size):
            people.append(
                Professional(
                    id=ProfessionalId(PersonId(f"{prefix}-w{len(people) + 1:03d}")),
                    name=full_name(rng),
                    unit=unit,
                    profession=profession,
                    mandated_notifier=True,
                    trained_facilitator=rng.random() < share,
                )
            )
    return people


def build_staff(
    rng: Random, area: Area, units: tuple[ServiceUnit, ...], families: int, config: PopulationConfig
) -> tuple[Professional, ...]:
    """The area units' share of about one professional per ``families_per_professional``."""
    weights = config.unit_weights[: len(AREA_UNITS)]
    share = sum(weights) / sum(config.unit_weights)
    staff = max(len(units), round(share * families / config.families_per_professional))
    sizes = staff_sizes(staff, weights)
    pairs = [(u.id, profession) for u, (_, _, profession) in zip(units, AREA_UNITS, strict=True)]
    return _with_facilitators(_staff(rng, str(area.id), sizes, pairs, config.facilitator_share))


def build_shared_staff(
    rng: Random, unit: ServiceUnit, municipality: int, families: int, config: PopulationConfig
) -> tuple[Professional, ...]:
    """The shared unit's staff: its share of the municipality's *families*."""
    share = config.unit_weights[-1] / sum(config.unit_weights)
    staff = max(1, round(share * families / config.families_per_professional))
    people = _staff(
        rng,
        f"m{municipality + 1:03d}",
        [staff],
        [(unit.id, SHARED_UNIT[2])],
        config.facilitator_share,
    )
    return tuple(people)
