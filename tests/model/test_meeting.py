import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.model import (
    AreaId,
    FamilyId,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    Participant,
    PersonId,
    StructuralIssue,
    UnitId,
)
from openco.testing import meetings, participants, structural_issues
from tests.model.refusal import FEWER_EXAMPLES, Changes, assert_change_refused, change

MUM = Participant(person=PersonId("p1"), role=MeetingRole.CUSTODIAN)
KID = Participant(person=PersonId("p2"), role=MeetingRole.CHILD)
GRAN = Participant(person=PersonId("n1"), role=MeetingRole.CLOSE_NETWORK)
NURSE = Participant(person=PersonId("w1"), role=MeetingRole.INITIATOR, unit=UnitId("clinic"))
TEACHER = Participant(person=PersonId("w2"), role=MeetingRole.PROFESSIONAL, unit=UnitId("daycare"))
ASKS = Participant(person=PersonId("w3"), role=MeetingRole.INTERVIEWER)


def dialogue(*present: Participant) -> Meeting:
    return Meeting(
        id=MeetingId("m1"),
        kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=dt.date(2026, 4, 14),
        family=FamilyId("f1"),
        participants=present,
    )


class TestRoles:
    def test_every_role_is_the_family_s_a_worker_s_or_the_close_network_s(self) -> None:
        for role in MeetingRole:
            kinds = [role.is_family, role.is_professional, role is MeetingRole.CLOSE_NETWORK]
            assert kinds.count(True) == 1, role

    def test_facilitators_are_workers(self) -> None:
        facilitators = {r for r in MeetingRole if r.is_facilitator}

        assert facilitators == {MeetingRole.INTERVIEWER, MeetingRole.RECORDER}
        assert all(r.is_professional for r in facilitators)

    def test_only_the_area_meeting_is_held_without_a_family(self) -> None:
        assert [k for k in MeetingKind if not k.is_with_family] == [MeetingKind.AREA_MEETING]


class TestMeeting:
    def test_participants_are_found_by_role(self) -> None:
        meeting = dialogue(MUM, KID, GRAN, NURSE, TEACHER, ASKS)

        assert meeting.with_role(MeetingRole.CLOSE_NETWORK) == (GRAN,)
        assert meeting.with_role(MeetingRole.CHILD, MeetingRole.CUSTODIAN) == (MUM, KID)
        assert meeting.role_of(PersonId("w1")) is MeetingRole.INITIATOR
        assert meeting.role_of(PersonId("nobody")) is None

    def test_a_meeting_knows_who_took_part_and_from_which_units(self) -> None:
        meeting = dialogue(MUM, NURSE, TEACHER, ASKS)

        assert meeting.people == {"p1", "w1", "w2", "w3"}
        assert meeting.units == {"clinic", "daycare"}
        assert meeting.family_present

    def test_a_meeting_of_workers_only_is_not_with_the_family_present(self) -> None:
        assert not dialogue(NURSE, TEACHER).family_present

    def test_an_area_meeting_is_held_in_an_area_without_a_family(self) -> None:
        meeting = Meeting(
            id=MeetingId("a1"),
            kind=MeetingKind.AREA_MEETING,
            held_on=dt.date(2026, 5, 1),
            area=AreaId("north"),
            participants=[NURSE, TEACHER],
        )

        assert (meeting.family, meeting.area) == (None, "north")

    @given(meeting=meetings())
    def test_a_generated_meeting_keeps_its_invariants(self, meeting: Meeting) -> None:
        assert attrs.evolve(meeting) == meeting
        assert (meeting.family is None) == (meeting.kind is MeetingKind.AREA_MEETING)
        assert set(meeting.speaking_order) <= meeting.people
        for participant in meeting.participants:
            assert meeting.role_of(participant.person) is participant.role
            assert participant.unit is None or participant.role.is_professional


INVALID_PARTICIPANT: list[Any] = [
    pytest.param(change(person=""), "person", id="person empty"),
    pytest.param(change(role="child"), "role", id="role as text"),
    pytest.param(
        change(role=MeetingRole.PROFESSIONAL, unit="day care"), "unit", id="unit not an id"
    ),
    pytest.param(
        change(role=MeetingRole.CLOSE_NETWORK, unit="daycare"),
        "unit",
        id="unit for someone who is not a worker",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_PARTICIPANT)
@FEWER_EXAMPLES
@given(participant=participants())
def test_an_invalid_participant_is_refused_naming_the_field(
    participant: Participant, changes: Changes, field: str
) -> None:
    assert_change_refused(participant, changes, field)


INVALID_ISSUE: list[Any] = [
    pytest.param(change(description=" "), "description", id="description blank"),
    pytest.param(change(raised_by=""), "raised_by", id="raised by empty"),
    pytest.param(change(raised_on=None), "raised_on", id="raised on None"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_ISSUE)
@FEWER_EXAMPLES
@given(issue=structural_issues())
def test_an_invalid_structural_issue_is_refused_naming_the_field(
    issue: StructuralIssue, changes: Changes, field: str
) -> None:
    assert_change_refused(issue, changes, field)


def attended_by(*present: Participant, speaking_order: tuple[str, ...] = ()) -> Changes:
    return change(participants=present, speaking_order=speaking_order)


INVALID_MEETING: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(kind="area_meeting"), "kind", id="kind as text"),
    pytest.param(change(held_on=None), "held_on", id="held on None"),
    pytest.param(change(participants=(), speaking_order=()), "participants", id="nobody"),
    pytest.param(change(participants=MUM, speaking_order=()), "participants", id="one for all"),
    pytest.param(attended_by(MUM, "p2"), "participants[1]", id="a participant as an id"),  # type: ignore[arg-type]
    pytest.param(
        attended_by(MUM, attrs.evolve(MUM, role=MeetingRole.PARENT)),
        "participants[1].person",
        id="one person in two roles",
    ),
    pytest.param(
        change(kind=MeetingKind.FOLLOW_UP, family=None), "family", id="family meeting without"
    ),
    pytest.param(
        change(kind=MeetingKind.AREA_MEETING, family="f1", area="north"),
        "family",
        id="area meeting with a family",
    ),
    pytest.param(
        change(kind=MeetingKind.AREA_MEETING, family=None, area=None),
        "area",
        id="area meeting without an area",
    ),
    pytest.param(change(family="f 1"), "family", id="family not an id"),
    pytest.param(change(area=""), "area", id="area not an id"),
    pytest.param(change(concern="-c"), "concern", id="concern not an id"),
    pytest.param(change(speaking_order="p1"), "speaking_order", id="speaking order as text"),
    pytest.param(
        attended_by(MUM, KID, speaking_order=("p1", "")),
        "speaking_order[1]",
        id="a speaker not an id",
    ),
    pytest.param(
        attended_by(MUM, KID, speaking_order=("p1", "n9")),
        "speaking_order[1]",
        id="a speaker who did not take part",
    ),
    pytest.param(
        attended_by(MUM, KID, speaking_order=("p2", "p2")),
        "speaking_order[1].person",
        id="a speaker twice",
    ),
    pytest.param(change(structural_issues=("x",)), "structural_issues[0]", id="issue as text"),
    pytest.param(change(structural_issues=None), "structural_issues", id="issues None"),
    pytest.param(change(interpreted_for="p1"), "interpreted_for", id="interpreted as text"),
    pytest.param(
        change(interpreted_for={"x9-stranger"}),
        "interpreted_for",
        id="an interpreter for someone not there",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_MEETING)
@FEWER_EXAMPLES
@given(meeting=meetings(kind=st.sampled_from([k for k in MeetingKind if k.is_with_family])))
def test_an_invalid_meeting_is_refused_naming_the_field(
    meeting: Meeting, changes: Changes, field: str
) -> None:
    assert_change_refused(meeting, changes, field)
