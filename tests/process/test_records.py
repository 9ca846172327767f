"""Facts about people come from the records (issue 8, point 1; rule W4 and its neighbours).

A stored history is judged by the same registers as a step taken today: each situation below
was a forged history that loaded as a valid case before the rules read the records. Each must
now be refused by ``replay`` with a coded reason, never a bare exception.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from openco.errors import TransitionNotAllowedError
from openco.model import Meeting, MeetingRole, Participant, Person, PersonId
from openco.process import ActorRole, Step, advance, replay
from openco.process.case import StepTaken
from openco.testing.workflow import good_case, good_path, make_cast

CAST = make_cast()
RECORDS = CAST.records
FAR_FUTURE = dt.date(2100, 1, 1)
HISTORY = good_case().history


def _with_last(record: StepTaken) -> tuple[StepTaken, ...]:
    return (*HISTORY[:-1], record)


def _codes(error: pytest.ExceptionInfo[TransitionNotAllowedError]) -> set[str]:
    return {reason.rule for reason in error.value.reasons}


class TestAForgedHistoryDoesNotLoad:
    """W4: 'a step is recorded by a professional the records know, in a role they hold'."""

    def test_the_good_history_loads(self) -> None:
        assert HISTORY[-1].step is Step.CLOSE
        assert replay(HISTORY, records=RECORDS, today=FAR_FUTURE) == good_case()

    def test_the_custodian_cannot_close_the_case(self) -> None:
        """The mother is a member of the family, not a worker of the case."""
        forged = _with_last(attrs.evolve(HISTORY[-1], actor=CAST.custodian))

        with pytest.raises(TransitionNotAllowedError) as error:
            replay(forged, records=RECORDS, today=FAR_FUTURE)

        assert "W4" in _codes(error)

    def test_an_id_the_records_do_not_know_cannot_close_the_case(self) -> None:
        forged = _with_last(attrs.evolve(HISTORY[-1], actor=PersonId("w-nobody")))

        with pytest.raises(TransitionNotAllowedError) as error:
            replay(forged, records=RECORDS, today=FAR_FUTURE)

        assert "W4" in _codes(error)
        assert all(reason.message("fi") for reason in error.value.reasons)

    def test_the_case_is_opened_by_the_worker_whose_concern_it_is(self) -> None:
        """The concern is the worker's own (practice: zones of concern)."""
        forged = (attrs.evolve(HISTORY[0], actor=CAST.colleague), *HISTORY[1:])

        with pytest.raises(TransitionNotAllowedError):
            replay(forged, records=RECORDS, today=FAR_FUTURE)

    def test_a_day_care_teacher_cannot_declare_herself_social_services(self) -> None:
        """SHL §36 and LsL §26: the assessment is social services' own; the records say who."""
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=3),
                Step.CONFIRM_INITIATION,
                actor=CAST.worker,
                role=ActorRole.SOCIAL_SERVICES,
                on=dt.date(2026, 2, 9),
                records=RECORDS,
            )

        assert _codes(error) & {"W4", "L9"}

    def test_a_history_is_not_dated_after_the_day_it_is_read(self) -> None:
        forged = _with_last(attrs.evolve(HISTORY[-1], on=dt.date(9999, 12, 31)))

        with pytest.raises(TransitionNotAllowedError):
            replay(forged, records=RECORDS, today=dt.date(2027, 1, 1))


class TestAnActorTheRecordsDoNotKnow:
    def test_is_refused_with_a_reason_not_an_exception(self) -> None:
        prepare = next(a for a in good_path(CAST) if a.step is Step.PREPARE)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=1),
                Step.PREPARE,
                actor=PersonId("w-stranger"),
                on=prepare.on,
                detail=prepare.detail,
                records=RECORDS,
            )

        assert "W4" in _codes(error)


class TestAChildNotYetBornAtTheMeeting:
    """Someone born after a meeting is nobody's child at it: a refusal, never a crash."""

    def test_taking_part_as_a_child_is_refused(self) -> None:
        meeting_step = next(a for a in good_path(CAST) if a.step is Step.HOLD_MEETING)
        meeting = meeting_step.detail
        assert isinstance(meeting, Meeting)
        unborn = Person(
            id=PersonId("p-unborn"),
            name="Baby",
            birth_date=meeting.held_on + dt.timedelta(days=30),
        )
        family = attrs.evolve(CAST.family, members=(*CAST.family.members, unborn))
        records = RECORDS.with_family(family)
        late = attrs.evolve(
            meeting,
            participants=(
                *meeting.participants,
                Participant(person=unborn.id, role=MeetingRole.CHILD),
            ),
        )
        case = good_case(steps=7)
        assert case.stage.value != "closed"

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.HOLD_MEETING,
                actor=meeting_step.actor,
                role=meeting_step.role,
                on=meeting.held_on,
                detail=late,
                records=records,
            )

        assert "W4" in _codes(error)
