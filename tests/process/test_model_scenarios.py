"""Issue #8 point 6: the workflow where the model rubbed, told as scenarios."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from openco.errors import TransitionNotAllowedError
from openco.model import (
    ConcernZone,
    InterpreterNeed,
    Interpreting,
    Meeting,
    OwnMeans,
    PersonId,
    Plan,
    PlanItem,
    PlanItemId,
    Recurrence,
    ZoneAssessment,
)
from openco.process import Step, advance, obligations, replay
from openco.process.case import Case
from openco.process.duties import Duty
from openco.process.stages import Stage
from openco.testing import good_case, good_path, make_cast
from openco.testing.workflow import Attempt, Cast

CAST = make_cast()


def run(cast: Cast, attempts: tuple[Attempt, ...], steps: int) -> Case:
    case = good_case(cast, steps=0)
    for attempt in attempts[:steps]:
        case = attempt.apply(case)
    return case


class TestOpeningFromAConcern:
    """Opening a case must not ask for the first grading again.

    The concern already carries it (zones of concern: the worker grades their own worry when
    they notice it).
    """

    def test_the_concerns_own_grading_stands_without_a_second_one(self) -> None:
        case = good_case(CAST, steps=0)

        assessed = advance(
            case, Step.ASSESS, actor=CAST.worker, on=CAST.opened_on, records=CAST.records
        )

        assert assessed.stage is Stage.ASSESSED
        assert assessed.trajectory == CAST.concern.assessments
        assert assessed.zone is CAST.concern.zone

    def test_a_grading_recorded_anyway_is_still_accepted(self) -> None:
        assert good_case(CAST, steps=1).stage is Stage.ASSESSED

    def test_the_case_without_a_second_grading_replays_as_it_was(self) -> None:
        case = advance(
            good_case(CAST, steps=0),
            Step.ASSESS,
            actor=CAST.worker,
            on=CAST.opened_on,
            records=CAST.records,
        )

        again = replay(case.history, records=CAST.records, today=case.last_on)

        assert again == case


class TestGradingIsTheAssessorsOwn:
    """The zones describe the worker's own worry and means (Eriksson & Arnkil; P10)."""

    def test_an_assessment_naming_someone_else_as_its_assessor_is_refused(self) -> None:
        case = good_case(CAST, steps=1)
        colleagues = ZoneAssessment(
            on=dt.date(2026, 2, 10),
            assessor=CAST.colleague,
            zone=ConcernZone.GREAT,
            own_means=OwnMeans.EXHAUSTED,
        )

        with pytest.raises(TransitionNotAllowedError) as caught:
            advance(
                case,
                Step.REASSESS,
                actor=CAST.worker,
                on=dt.date(2026, 2, 10),
                records=CAST.records,
                detail=colleagues,
            )

        assert [(r.rule, r.key) for r in caught.value.reasons] == [("P10", "assessor")]

    def test_after_a_hand_over_the_receiving_worker_starts_their_own_history(self) -> None:
        handed = good_case(CAST, steps=10)
        assert handed.contact == CAST.colleague

        assert handed.own_assessments == ()
        assert handed.zone is None
        assert len(handed.trajectory) == 3  # the first worker's gradings stay in the record

    def test_the_receiving_workers_own_grading_is_the_cases_zone(self) -> None:
        handed = good_case(CAST, steps=10)
        on = handed.last_on + dt.timedelta(days=1)
        own = ZoneAssessment(
            on=on, assessor=CAST.colleague, zone=ConcernZone.SMALL, own_means=OwnMeans.GOOD
        )

        regraded = advance(
            handed, Step.REASSESS, actor=CAST.colleague, on=on, records=CAST.records, detail=own
        )

        assert regraded.own_assessments == (own,)
        assert regraded.zone is ConcernZone.SMALL


class TestRecurringItemsOnTheWorklist:
    """Every Tuesday is not a deadline that passes.

    A plan says who does what, with whom and when (domain §3.5).
    """

    def with_items(self, *items: PlanItem) -> tuple[Attempt, ...]:
        path = good_path(CAST)
        plan = path[8].detail
        assert isinstance(plan, Plan)
        return (*path[:8], attrs.evolve(path[8], detail=attrs.evolve(plan, items=items)))

    def item_duties(self, case: Case, today: dt.date) -> list[tuple[dt.date, bool]]:
        return [
            (o.due, o.overdue)
            for o in obligations(case, today=today, records=CAST.records)
            if o.duty is Duty.COMPLETE_PLAN_ITEM
        ]

    def test_the_worklist_shows_the_next_tuesday_and_nothing_overdue(self) -> None:
        start = CAST.opened_on + dt.timedelta(days=46)
        tuesdays = PlanItem(
            id=PlanItemId("i-tue"),
            what="Grandmother fetches Aino from day care",
            responsible=CAST.close_network[0],
            starts_on=start,
            recurrence=Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=TU"),
        )
        case = run(CAST, self.with_items(tuesdays), 9)
        today = start + dt.timedelta(days=30)

        [(due, overdue)] = self.item_duties(case, today)

        assert due >= today
        assert due.weekday() == 1  # Tuesday
        assert not overdue

    def test_an_ongoing_item_is_not_overdue_while_it_runs_but_after_it_ended(self) -> None:
        start = CAST.opened_on + dt.timedelta(days=46)
        club = PlanItem(
            id=PlanItemId("i-club"),
            what="Aino goes to the parish afternoon club",
            responsible=CAST.custodian,
            starts_on=start,
            until=start + dt.timedelta(days=60),
        )
        case = run(CAST, self.with_items(club), 9)

        assert self.item_duties(case, start + dt.timedelta(days=55)) == [
            (start + dt.timedelta(days=60), False)
        ]
        assert self.item_duties(case, start + dt.timedelta(days=61)) == [
            (start + dt.timedelta(days=60), True)
        ]


class TestInterpreter:
    """Administrative Procedure Act §26: the authority arranges interpretation.

    For a party who does not know Finnish or Swedish, or cannot be understood because of a
    disability or illness.
    """

    NEED = InterpreterNeed(person=CAST.custodian, language="ar", kind=Interpreting.SPOKEN)

    def cast_with_need(self) -> Cast:
        family = attrs.evolve(CAST.family, interpreter_needs=(self.NEED,))
        return attrs.evolve(CAST, family=family, records=CAST.records.with_family(family))

    def attempts(self, cast: Cast) -> tuple[Attempt, ...]:
        return tuple(attrs.evolve(a, records=cast.records) for a in good_path(CAST))

    def test_an_agreed_meeting_puts_arranging_an_interpreter_on_the_worklist(self) -> None:
        cast = self.cast_with_need()
        case = run(cast, self.attempts(cast), 7)
        assert case.stage is Stage.MEETING_AGREED

        duties = [
            o
            for o in obligations(case, today=case.last_on, records=cast.records)
            if o.duty is Duty.ARRANGE_INTERPRETER
        ]

        assert [(o.rule, o.owed_by, o.ref) for o in duties] == [
            ("L18", CAST.worker, f"{CAST.custodian}:ar:spoken")
        ]

    def test_a_meeting_without_the_interpreter_is_refused(self) -> None:
        cast = self.cast_with_need()
        attempts = self.attempts(cast)
        case = run(cast, attempts, 7)

        with pytest.raises(TransitionNotAllowedError) as caught:
            attempts[7].apply(case)

        assert [r.rule for r in caught.value.reasons] == ["L18"]
        assert "ar" in caught.value.reasons[0].message("fi")

    def test_a_meeting_with_the_interpreter_goes_ahead_and_the_duty_is_met(self) -> None:
        cast = self.cast_with_need()
        attempts = self.attempts(cast)
        case = run(cast, attempts, 7)
        meeting = attempts[7].detail
        assert isinstance(meeting, Meeting)
        interpreted = attrs.evolve(
            attempts[7], detail=attrs.evolve(meeting, interpreted_for={PersonId(CAST.custodian)})
        )

        held = interpreted.apply(case)

        assert held.stage is Stage.MEETING_HELD
        assert not [
            o
            for o in obligations(held, today=held.last_on, records=cast.records)
            if o.duty is Duty.ARRANGE_INTERPRETER
        ]

    def test_a_family_without_needs_has_no_interpreter_duty(self) -> None:
        case = good_case(CAST, steps=7)

        duties = obligations(case, today=case.last_on, records=CAST.records)

        assert Duty.ARRANGE_INTERPRETER not in {o.duty for o in duties}
