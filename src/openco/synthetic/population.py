"""A seeded, streaming synthetic population of families, their networks and their workers.

:func:`generate_population` yields one :class:`AreaPopulation` at a time, so a whole
country's 552,000 families can be analysed without holding them all in memory.
:func:`generate_network_maps` yields only the families' network maps, faster, and the maps
are the same as the full generator's for the same seed.

Each area draws from its own named random streams (``random.Random("openco:<seed>:<area>:
<stream>")``), one per concern: staff, the assignment of workers to families, the families'
members, their network maps, their meetings, and the workers' concerns. A stream is consumed
only by its own builder, so adding a builder (as the concerns were) does not change what the
existing ones draw.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from random import Random

import attrs

from openco.errors import InvalidArgumentError
from openco.model import (
    Area,
    Bundle,
    Concern,
    Family,
    Meeting,
    NetworkMap,
    Plan,
    Professional,
    ProfessionalId,
    ServiceUnit,
)
from openco.synthetic._concerns import build_family_concerns
from openco.synthetic._meetings import build_area_meetings, build_family_meetings
from openco.synthetic._networks import build_network_map
from openco.synthetic._people import build_family, family_id, guardian_id
from openco.synthetic._sampling import cumulative, pick
from openco.synthetic._services import (
    build_area,
    build_shared_staff,
    build_shared_unit,
    build_staff,
    build_units,
)
from openco.synthetic.config import DEFAULT_CONFIG, PopulationConfig

__all__ = [
    "AreaPopulation",
    "SyntheticFamily",
    "area_sizes",
    "generate_network_maps",
    "generate_population",
]


@attrs.frozen(kw_only=True)
class SyntheticFamily:
    """One synthetic family with its map, its workers, and the meetings and plan made with it."""

    family: Family
    network_map: NetworkMap
    professionals: tuple[ProfessionalId, ...]
    meetings: tuple[Meeting, ...] = ()
    plans: tuple[Plan, ...] = ()
    concerns: tuple[Concern, ...] = ()
    """A worker's own concern about one of the children, graded over time (or none)."""


@attrs.frozen(kw_only=True)
class AreaPopulation:
    """One area: its own units and staff, the municipality's shared unit, families, meetings.

    *shared_units* and *shared_professionals* (the municipality's family counselling) are the
    same in every area of one municipality; gather professionals of several areas by id.
    """

    area: Area
    units: tuple[ServiceUnit, ...]
    professionals: tuple[Professional, ...]
    families: tuple[SyntheticFamily, ...]
    area_meetings: tuple[Meeting, ...] = ()
    shared_units: tuple[ServiceUnit, ...] = ()
    shared_professionals: tuple[Professional, ...] = ()
    municipality_areas: tuple[Area, ...] = ()
    """Every area of the municipality (the shared units serve them all)."""

    @property
    def all_units(self) -> tuple[ServiceUnit, ...]:
        """The area's own units, then the shared ones."""
        return (*self.units, *self.shared_units)

    @property
    def all_professionals(self) -> tuple[Professional, ...]:
        """The area's own staff, then the shared units' staff."""
        return (*self.professionals, *self.shared_professionals)

    @property
    def network_maps(self) -> tuple[NetworkMap, ...]:
        """Every family's network map."""
        return tuple(f.network_map for f in self.families)

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Meetings with the families, then the area meetings."""
        return (*(m for f in self.families for m in f.meetings), *self.area_meetings)

    @property
    def plans(self) -> tuple[Plan, ...]:
        """Every plan made with a family."""
        return tuple(p for f in self.families for p in f.plans)

    @property
    def concerns(self) -> tuple[Concern, ...]:
        """Every worker's concern about a family's child."""
        return tuple(c for f in self.families for c in f.concerns)

    def area_bundle(self) -> Bundle:
        """The area's services on their own: its areas, units, professionals, area meetings.

        The first line ``openco generate`` writes for each area.
        """
        return Bundle(
            areas=self.municipality_areas or (self.area,),
            units=self.all_units,
            professionals=self.all_professionals,
            meetings=self.area_meetings,
        )

    def family_bundles(self) -> Iterator[Bundle]:
        """One self-contained :class:`~openco.model.Bundle` per family, in order.

        Each holds the family, its map, concerns, meetings and plans, and just the
        professionals they name, with those professionals' units and the areas the units
        serve, so that every reference resolves within the one bundle.

        >>> area = next(generate_population(families=3, seed=1))
        >>> [len(b.families) for b in area.family_bundles()]
        [1, 1, 1]
        """
        staff = {p.id: p for p in self.all_professionals}
        units = {u.id: u for u in self.all_units}
        areas = {a.id: a for a in (*self.municipality_areas, self.area)}
        for each in self.families:
            named: set[str] = set(each.professionals)
            named.update(m.professional for m in each.network_map.members if m.professional)
            named.update(c.worker for c in each.concerns)
            for meeting in each.meetings:
                named.update(p.person for p in meeting.participants)
            for plan in each.plans:
                for item in plan.items:
                    named.add(item.responsible)
                    named.update(item.with_whom)
            workers = [p for p in self.all_professionals if p.id in named]
            unit_ids = {p.unit for p in workers}
            unit_ids.update(
                p.unit for m in each.meetings for p in m.participants if p.unit is not None
            )
            used_units = [units[u] for u in sorted(unit_ids)]
            area_ids = {each.family.home_area}.union(*(u.areas for u in used_units))
            yield Bundle(
                areas=tuple(areas[a] for a in sorted(area_ids)),
                units=tuple(used_units),
                professionals=tuple(staff[p.id] for p in workers),
                families=(each.family,),
                network_maps=(each.network_map,),
                concerns=each.concerns,
                meetings=each.meetings,
                plans=each.plans,
            )

    def bundle(self) -> Bundle:
        """Everything in the area as one :class:`~openco.model.Bundle` (checks all references).

        Raises:
            InvalidModelError: a reference does not resolve (a bug in the generator).
        """
        return Bundle(
            areas=self.municipality_areas or (self.area,),
            units=self.all_units,
            professionals=self.all_professionals,
            families=tuple(f.family for f in self.families),
            network_maps=self.network_maps,
            concerns=self.concerns,
            meetings=self.meetings,
            plans=self.plans,
        )


def area_sizes(families: int, config: PopulationConfig = DEFAULT_CONFIG) -> list[int]:
    """How many families each area gets: full areas, and the remainder in a last, smaller one.

    >>> area_sizes(4500)
    [2000, 2000, 500]
    """
    if not isinstance(families, int) or isinstance(families, bool) or families < 0:
        raise InvalidArgumentError("area_sizes", "families", families, "a whole number >= 0")
    full, rest = divmod(families, config.families_per_area)
    return [config.families_per_area] * full + ([rest] if rest else [])


def _stream(seed: int, place: int | str, name: str) -> Random:
    return Random(f"openco:{seed}:{place}:{name}")  # noqa: S311 - synthetic data, not secrets


def _check(function: str, families: object, seed: object) -> None:
    if not isinstance(families, int) or isinstance(families, bool) or families < 0:
        raise InvalidArgumentError(function, "families", families, "a whole number >= 0")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise InvalidArgumentError(function, "seed", seed, "an int")


class _Municipality:
    """The areas of one municipality and its shared unit with its staff."""

    def __init__(
        self, number: int, indices: list[int], sizes: list[int], seed: int, config: PopulationConfig
    ) -> None:
        self.areas = tuple(build_area(k, config) for k in indices)
        self.unit = build_shared_unit(number, tuple(a.id for a in self.areas))
        self.staff = build_shared_staff(
            _stream(seed, f"m{number}", "staff"), self.unit, number, sum(sizes), config
        )


class _Area:
    """What every builder of one area needs: its staff and the families' workers."""

    def __init__(
        self, index: int, size: int, seed: int, config: PopulationConfig, town: _Municipality
    ) -> None:
        self.index, self.size, self.seed, self.config, self.town = index, size, seed, config, town
        self.area = build_area(index, config)
        self.units = build_units(self.area)
        self.staff = build_staff(_stream(seed, index, "staff"), self.area, self.units, size, config)
        self.workers = self._assign()

    def _assign(self) -> list[tuple[Professional, ...]]:
        rng = _stream(self.seed, self.index, "assign")
        count_cum = cumulative(self.config.professionals_weights)
        by_unit = [[p for p in self.staff if p.unit == u.id] for u in self.units]
        by_unit.append(list(self.town.staff))
        unit_cum = cumulative(
            [w if by_unit[k] else 0.0 for k, w in enumerate(self.config.unit_weights)]
        )
        available = sum(len(pool) for pool in by_unit)
        out: list[tuple[Professional, ...]] = []
        for _ in range(self.size):
            wanted = min(pick(rng, count_cum), available)
            chosen: dict[ProfessionalId, Professional] = {}
            while len(chosen) < wanted:
                pool = by_unit[pick(rng, unit_cum)]
                worker = pool[int(rng.random() * len(pool))]
                chosen[worker.id] = worker
            out.append(tuple(chosen.values()))
        return out

    def maps(self) -> list[NetworkMap]:
        rng = _stream(self.seed, self.index, "network")
        kind_cum = cumulative(self.config.kind_weights)
        return [
            build_network_map(
                rng,
                family=family_id(self.area.id, k),
                drawn_with=guardian_id(family_id(self.area.id, k)),
                professionals=self.workers[k],
                config=self.config,
                kind_cum=kind_cum,
            )
            for k in range(self.size)
        ]

    def population(self) -> AreaPopulation:
        config = self.config
        maps = self.maps()
        people = _stream(self.seed, self.index, "family")
        meetings_rng = _stream(self.seed, self.index, "meetings")
        concerns_rng = _stream(self.seed, self.index, "concerns")
        children_cum = cumulative(config.children_weights)
        facilitators = [p for p in self.staff if p.trained_facilitator]
        families: list[SyntheticFamily] = []
        for k in range(self.size):
            family = build_family(
                people,
                family=family_id(self.area.id, k),
                area=self.area.id,
                children_cum=children_cum,
                config=config,
            )
            meetings, plans = build_family_meetings(
                meetings_rng,
                family=family,
                nmap=maps[k],
                workers=self.workers[k],
                facilitators=facilitators,
                config=config,
            )
            families.append(
                SyntheticFamily(
                    family=family,
                    network_map=maps[k],
                    professionals=tuple(w.id for w in self.workers[k]),
                    meetings=meetings,
                    plans=plans,
                    concerns=build_family_concerns(
                        concerns_rng, family=family, workers=self.workers[k], config=config
                    ),
                )
            )
        area_meetings = build_area_meetings(
            _stream(self.seed, self.index, "area"),
            area=self.area,
            units=(*self.units, self.town.unit),
            staff=(*self.staff, *self.town.staff),
            config=config,
        )
        return AreaPopulation(
            area=self.area,
            units=self.units,
            professionals=self.staff,
            families=tuple(families),
            area_meetings=area_meetings,
            shared_units=(self.town.unit,),
            shared_professionals=self.town.staff,
            municipality_areas=self.town.areas,
        )


def _areas(
    families: int, seed: int, config: PopulationConfig
) -> Iterator[tuple[int, int, _Municipality]]:
    sizes = area_sizes(families, config)
    per = config.areas_per_municipality
    for first in range(0, len(sizes), per):
        indices = list(range(first, min(first + per, len(sizes))))
        town = _Municipality(first // per, indices, [sizes[k] for k in indices], seed, config)
        for index in indices:
            yield index, sizes[index], town


def _validation(*, validate: bool) -> contextlib.AbstractContextManager[None]:
    # The builders only make valid values (the tests check them with validation on), so a
    # caller generating millions of objects may skip the validators. The switch is global in
    # attrs, so it is held only while one area is built, never across a ``yield``.
    return contextlib.nullcontext() if validate else attrs.validators.disabled()


def generate_population(
    *,
    families: int,
    seed: int,
    config: PopulationConfig = DEFAULT_CONFIG,
    validate: bool = True,
) -> Iterator[AreaPopulation]:
    """Yield the population area by area: units, staff, families, maps, meetings and plans.

    Args:
        families: how many families in all; areas hold ``config.families_per_area`` each.
        seed: the same seed gives the same population, in any process.
        config: the knobs; see :class:`~openco.synthetic.PopulationConfig`.
        validate: run the model's validators (``False`` is faster; the output is the same).

    >>> areas = list(generate_population(families=30, seed=7))
    >>> [len(a.families) for a in areas], len(areas[0].professionals)
    ([30], 4)
    >>> nmap = areas[0].families[0].network_map
    >>> nmap == next(generate_network_maps(families=30, seed=7))
    True
    """
    _check("generate_population", families, seed)
    for index, size, town in _areas(families, seed, config):
        with _validation(validate=validate):
            population = _Area(index, size, seed, config, town).population()
        yield population


def generate_network_maps(
    *,
    families: int,
    seed: int,
    config: PopulationConfig = DEFAULT_CONFIG,
    validate: bool = True,
) -> Iterator[NetworkMap]:
    """Yield only the families' network maps, one by one, area after area.

    The maps equal those of :func:`generate_population` with the same arguments; the
    families' members, meetings and plans are not built, which makes this several times
    faster for benchmarks over a whole country.

    >>> maps = list(generate_network_maps(families=5, seed=1))
    >>> [m.family for m in maps][:2]
    ['a0001-f00001', 'a0001-f00002']
    """
    _check("generate_network_maps", families, seed)
    for index, size, town in _areas(families, seed, config):
        with _validation(validate=validate):
            maps = _Area(index, size, seed, config, town).maps()
        yield from maps
