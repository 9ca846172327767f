"""``openco.demo``: the Vaaralampi story runs through the workflow as the docs tell it."""

from __future__ import annotations

import pytest

from openco.demo import (
    STORY_TEXTS,
    area_population,
    refused_notification,
    vaaralampi_case_steps,
    vaaralampi_story,
)
from openco.errors import InvalidArgumentError, TransitionNotAllowedError
from openco.io import dumps
from openco.process import Case, Step, replay


def walk() -> Case:
    case: Case | None = None
    for step in vaaralampi_case_steps():
        case = step.apply(case)
    assert case is not None
    return case


class TestVaaralampiCaseSteps:
    def test_the_case_goes_through_every_stage_of_the_story(self) -> None:
        case = walk()

        assert [r.step for r in case.history] == [s.step for s in vaaralampi_case_steps()]
        assert [a.zone.value for a in case.trajectory] == ["small", "grey", "small"]

    def test_the_history_replays_into_an_equal_case(self) -> None:
        case = walk()

        records = vaaralampi_case_steps()[0].records

        assert replay(case.history, records=records, today=case.last_on) == case

    def test_a_later_step_cannot_open_a_case(self) -> None:
        with pytest.raises(InvalidArgumentError, match="case"):
            vaaralampi_case_steps()[1].apply(None)


class TestRefusedNotification:
    def test_it_is_refused_at_every_stage_by_rule_l5_only(self) -> None:
        case: Case | None = None
        for step in vaaralampi_case_steps():
            case = step.apply(case)
            refused = refused_notification(case)
            with pytest.raises(TransitionNotAllowedError) as caught:
                refused.apply(case)
            assert caught.value.codes == ("L5",)
            assert refused.step is Step.NOTIFY_CHILD_WELFARE


class TestAreaPopulation:
    def test_the_same_seed_gives_the_same_population(self) -> None:
        assert area_population(families_per_area=3) == area_population(families_per_area=3)

    def test_every_family_lives_in_one_of_the_two_areas(self) -> None:
        population = area_population(families_per_area=4)

        assert {f.home_area for f in population.families} == {"vaaralampi", "ounasrinne"}
        assert len(population.families) == 9
        served = {a for u in population.units for a in u.areas}
        assert {"vaaralampi", "ounasrinne"} <= served


class TestTheStoryInThreeLanguages:
    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_no_english_text_of_the_story_is_left(self, language: str) -> None:
        story = dumps(vaaralampi_story(language))
        case = walk_in(language)
        told = dumps(case)

        left = [
            en
            for en, words in STORY_TEXTS.items()
            if en not in words and (f'"{en}"' in story or f'"{en}"' in told)
        ]

        assert left == []

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_the_story_runs_through_the_workflow_in_every_language(self, language: str) -> None:
        assert walk_in(language).stage.value == "closed"

    def test_every_text_has_a_finnish_and_a_swedish_translation(self) -> None:
        for en, (fi, sv) in STORY_TEXTS.items():
            assert fi.strip(), en
            assert sv.strip(), en
            assert fi != en, en

    def test_only_the_words_change_not_the_story(self) -> None:
        english, finnish = vaaralampi_story("en"), vaaralampi_story("fi")

        assert [m.id for m in english.network_maps[1].members] == [
            m.id for m in finnish.network_maps[1].members
        ]
        assert english.plans[0].items[0].due == finnish.plans[0].items[0].due


def walk_in(language: str) -> Case:
    case: Case | None = None
    steps = vaaralampi_case_steps(vaaralampi_story(language), language=language)
    for step in steps:
        case = step.apply(case)
    assert case is not None
    return case
