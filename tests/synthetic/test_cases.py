"""Workflow cases for a synthetic area: seeded, valid, at various stages, never in the future."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from openco.errors import InvalidArgumentError
from openco.model import MeetingRole, NetworkMap
from openco.process import Case, Stage, Step, replay
from openco.synthetic import AreaPopulation, area_records, generate_cases, generate_population

AREA = next(generate_population(families=2000, seed=11))
ON = dt.date(2026, 3, 1)
CASES = list(generate_cases(AREA, seed=11, on=ON))


def stages(cases: list[Case]) -> Counter[str]:
    return Counter(c.stage.value for c in cases)


class TestDeterminism:
    def test_the_same_seed_gives_the_same_cases(self) -> None:
        assert list(generate_cases(AREA, seed=11, on=ON)) == CASES

    def test_another_seed_gives_other_walks(self) -> None:
        assert list(generate_cases(AREA, seed=12, on=ON)) != CASES

    def test_the_population_is_the_same_with_or_without_cases(self) -> None:
        again = next(generate_population(families=2000, seed=11))

        assert again == AREA


class TestCases:
    def test_there_is_one_case_per_concern_assessed_by_the_day(self) -> None:
        assert len(AREA.concerns) >= 150
        assert [c.concern for c in CASES] == [k for k in AREA.concerns if k.current.on <= ON]

    def test_every_case_replays_to_itself(self) -> None:
        for case in CASES:
            assert replay(case.history, records=area_records(AREA), today=ON) == case

    def test_cases_stand_at_many_stages(self) -> None:
        seen = stages(CASES)

        assert len(seen) >= 8
        assert {Stage.NOTICED.value, Stage.PLAN_AGREED.value, Stage.CLOSED.value} <= set(seen)

    def test_no_record_is_dated_after_the_day(self) -> None:
        for case in CASES:
            days = [r.on for r in case.history]
            assert days == sorted(days)
            assert days[-1] <= ON

    def test_an_earlier_day_gives_cases_no_further_along(self) -> None:
        early = dt.date(2025, 10, 1)
        cases = list(generate_cases(AREA, seed=11, on=early))

        assert all(c.last_on <= early for c in cases)
        assert len(cases) < len(CASES)

    def test_dialogues_have_the_family_first_and_two_outside_facilitators(self) -> None:
        meetings = [c.meeting for c in CASES if c.meeting is not None]
        assert meetings
        for case in CASES:
            meeting = case.meeting
            if meeting is None:
                continue
            facilitators = [p for p in meeting.participants if p.role.is_facilitator]
            assert len(facilitators) == 2
            assert all(p.unit != case.unit for p in facilitators)
            first = meeting.role_of(meeting.speaking_order[0])
            assert first is MeetingRole.CUSTODIAN or first is MeetingRole.CHILD
            chosen = case.invitation.close_network if case.invitation else frozenset()
            network = {p.person for p in meeting.with_role(MeetingRole.CLOSE_NETWORK)}
            assert network == chosen
            assert chosen <= {m.id for m in case_map(case).members}

    def test_some_cases_decline_the_meeting_and_some_ease_at_once(self) -> None:
        taken = Counter(r.step for c in CASES for r in c.history)

        assert taken[Step.DECLINE_MEETING] > 0
        assert taken[Step.CLOSE] > 0
        assert taken[Step.HOLD_MEETING] > 0


def case_map(case: Case) -> NetworkMap:
    return next(f.network_map for f in AREA.families if f.family.id == case.family.id)


class TestArguments:
    @pytest.mark.parametrize(
        ("area", "seed", "on", "name"),
        [
            ("area", 1, ON, "area"),
            (AREA, "1", ON, "seed"),
            (AREA, True, ON, "seed"),
            (AREA, 1, "2026-01-01", "on"),
            (AREA, 1, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "on"),
        ],
    )
    def test_bad_arguments_are_named(
        self, area: object, seed: object, on: object, name: str
    ) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            generate_cases(area, seed=seed, on=on)  # type: ignore[arg-type]

        assert caught.value.argument == name

    def test_an_empty_area_has_no_cases(self) -> None:
        empty = AreaPopulation(area=AREA.area, units=AREA.units, professionals=(), families=())

        assert list(generate_cases(empty, seed=1, on=ON)) == []


def test_a_child_who_turns_12_before_the_follow_up_consents_herself() -> None:
    """Disclosure needs the capable child's own consent (a minor who can understand decides).

    A consent given when the meeting is agreed is relied on at the meeting, the plan and the
    follow-up. In this population a girl turned 12 between the agreement and the meeting, and
    the custodian's consent no longer covered the disclosure: generation stopped with a refusal.
    Now a child who turns 12 before the follow-up consents herself, with the worker's judgement.
    """
    on = dt.date(2026, 6, 1)
    area = next(
        a for a in generate_population(families=9600, seed=3) if a.area.id.endswith("a0003")
    )

    made = list(generate_cases(area, seed=3, on=on))

    own = [
        consent
        for case in made
        for record in case.history
        for consent in record.consents
        if consent.given_by == consent.subject
    ]
    assert own
    assert any(c.judged_capable for c in own)
    records = area_records(area)
    for case in made:
        assert replay(case.history, records=records, today=on) == case
