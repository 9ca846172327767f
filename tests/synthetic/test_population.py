from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

import attrs
import pytest

from openco.errors import InvalidArgumentError
from openco.model import ConcernZone, NetworkSector
from openco.synthetic import (
    PopulationConfig,
    area_sizes,
    generate_network_maps,
    generate_population,
)

POPULATION = list(generate_population(families=3000, seed=2))
FAMILIES = [f for a in POPULATION for f in a.families]


class TestShape:
    def test_areas_hold_two_thousand_families_and_the_rest_goes_last(self) -> None:
        assert [len(a.families) for a in POPULATION] == [2000, 1000]
        assert area_sizes(4000) == [2000, 2000]
        assert area_sizes(0) == []

    def test_children_guardians_and_single_parents(self) -> None:
        guardians = Counter(len({c.adult for c in f.family.custody}) for f in FAMILIES)
        children = [
            len(f.family.members) - len({c.adult for c in f.family.custody}) for f in FAMILIES
        ]

        assert set(children) == {1, 2, 3, 4}
        assert 1.7 < statistics.mean(children) < 2.1
        assert 0.18 < guardians[1] / len(FAMILIES) < 0.26

    def test_guardians_are_older_than_their_children(self) -> None:
        for f in FAMILIES:
            born = {m.id: m.birth_date for m in f.family.members}
            for c in f.family.custody:
                assert born[c.adult] < born[c.child]
            assert all(m.birth_date <= dt.date(2026, 1, 1) for m in f.family.members)

    def test_close_networks_of_three_to_twenty_with_a_tenth_naming_three(self) -> None:
        informal = [sum(not m.is_professional for m in f.network_map.members) for f in FAMILIES]

        assert min(informal) == 3
        assert max(informal) <= 20
        assert 0.08 < informal.count(3) / len(informal) < 0.14
        assert 7 < statistics.mean(informal) < 11

    def test_sectors_relatives_friends_and_neighbours(self) -> None:
        sectors = Counter(
            m.sector for f in FAMILIES for m in f.network_map.members if not m.is_professional
        )
        total = sum(sectors.values())

        assert set(sectors) == {NetworkSector.RELATIVES, NetworkSector.FRIENDS_AND_NEIGHBOURS}
        assert 0.42 < sectors[NetworkSector.RELATIVES] / total < 0.48

    def test_zero_to_six_professionals_per_family_one_per_sixty_families(self) -> None:
        counts = Counter(len(f.professionals) for f in FAMILIES)
        staff = {p.id for a in POPULATION for p in a.all_professionals}

        assert set(counts) <= set(range(7))
        assert 0.05 < counts[0] / len(FAMILIES) < 0.11
        assert 0.70 < (counts[1] + counts[2]) / len(FAMILIES) < 0.80
        assert 0.02 < sum(counts[k] for k in (4, 5, 6)) / len(FAMILIES) < 0.08
        assert len(staff) == pytest.approx(3000 / 60, abs=3)

    def test_some_families_meet_and_make_plans(self) -> None:
        assert sum(bool(f.meetings) for f in FAMILIES) > 0.05 * len(FAMILIES)
        assert sum(bool(f.plans) for f in FAMILIES) > 0.03 * len(FAMILIES)
        assert all(len(a.area_meetings) == 2 for a in POPULATION)


class TestValidity:
    def test_every_area_is_a_valid_bundle_with_validation_on(self) -> None:
        config = PopulationConfig(families_per_area=300)
        small = list(generate_population(families=700, seed=3, config=config))

        for area in small:
            bundle = area.bundle()
            assert len(bundle.families) == len(area.families)

    def test_names_are_invented_and_ids_are_counters(self) -> None:
        family = FAMILIES[0].family

        assert family.id == "a0001-f00001"
        assert all(m.id.startswith("a0001-f00001-") for m in family.members)
        assert not any(ch.isdigit() for m in family.members for ch in m.name)


class TestDeterminism:
    def test_the_same_seed_gives_the_same_population(self) -> None:
        again = list(generate_population(families=3000, seed=2, validate=False))

        assert again == POPULATION

    def test_another_seed_gives_another_population(self) -> None:
        other = next(generate_network_maps(families=10, seed=3))

        assert other != FAMILIES[0].network_map

    def test_the_maps_only_generator_yields_the_same_maps(self) -> None:
        maps = list(generate_network_maps(families=3000, seed=2, validate=False))

        assert maps == [f.network_map for f in FAMILIES]


class TestConcerns:
    def test_about_one_in_eight_families_with_a_worker_has_a_concern(self) -> None:
        served = [f for f in FAMILIES if f.professionals]
        share = sum(1 for f in served if f.concerns) / len(served)

        assert 0.09 < share < 0.15
        assert not any(f.concerns for f in FAMILIES if not f.professionals)

    def test_a_concern_is_one_workers_about_one_child_graded_over_time(self) -> None:
        today = PopulationConfig().reference_date
        for each in (f for f in FAMILIES if f.concerns):
            [concern] = each.concerns
            child = each.family.member(concern.child)
            assert concern.worker in each.professionals
            assert child.id.endswith(("-c1", "-c2", "-c3", "-c4"))
            dates = [a.on for a in concern.assessments]
            assert dates == sorted(dates)
            assert concern.noticed_on == dates[0] >= child.birth_date
            assert dates[-1] <= today
            assert {a.zone for a in concern.assessments} <= {ConcernZone.SMALL, ConcernZone.GREY}

    def test_concerns_change_nothing_else_the_population_draws(self) -> None:
        none = PopulationConfig(concern_share=0.0)
        without = [
            f for a in generate_population(families=3000, seed=2, config=none) for f in a.families
        ]

        assert without == [attrs.evolve(f, concerns=()) for f in FAMILIES]


class TestBundles:
    def test_every_family_bundle_and_area_bundle_is_valid_on_its_own(self) -> None:
        config = PopulationConfig(families_per_area=150, areas_per_municipality=3)
        for area in generate_population(families=400, seed=5, config=config):
            assert area.area_bundle().professionals == area.all_professionals
            bundles = list(area.family_bundles())  # Bundle checks every reference
            assert [b.families[0] for b in bundles] == [f.family for f in area.families]
            for bundle, each in zip(bundles, area.families, strict=True):
                assert bundle.network_maps == (each.network_map,)
                assert bundle.concerns == each.concerns
                assert bundle.meetings == each.meetings
                assert bundle.plans == each.plans


class TestArguments:
    @pytest.mark.parametrize(("families", "seed"), [(-1, 0), (1.5, 0), (10, "x"), (True, 0)])
    def test_bad_sizes_and_seeds_are_refused(self, families: object, seed: object) -> None:
        with pytest.raises(InvalidArgumentError):
            next(generate_population(families=families, seed=seed))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("families_per_area", 0),
            ("single_guardian_share", 1.5),
            ("unit_weights", (1.0, 1.0)),
            ("children_weights", (0, 0)),
            ("tie_probability_within", (0.5, 2.0, 0.1)),
            ("reference_date", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
        ],
    )
    def test_bad_config_is_refused_naming_the_field(self, field: str, value: object) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            PopulationConfig(**{field: value})  # type: ignore[arg-type]

        assert caught.value.argument == field
