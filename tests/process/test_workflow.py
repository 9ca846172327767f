"""Opening, advancing, asking what comes next, and replaying cases."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.errors import InvalidModelError, TransitionNotAllowedError
from openco.model import ConcernZone, FamilyId, Meeting, PersonId
from openco.process import (
    DEFAULT_WORKFLOW,
    STATUTORY_STEPS,
    ActorRole,
    Stage,
    Step,
    StepTaken,
    advance,
    allowed_steps,
    enabled_steps,
    open_case,
    replay,
)
from openco.testing.workflow import cases, good_case, good_path, make_cast

RECORDS = make_cast().records
FAR_FUTURE = dt.date(2100, 1, 1)  # replay's 'today': later than every record

CAST = make_cast()
PATH = good_path(CAST)


class TestOpenCase:
    def test_starts_at_the_initial_stage_with_one_record_of_the_concern(self) -> None:
        case = open_case(CAST.concern, family=CAST.family, on=CAST.opened_on, records=RECORDS)

        assert case.stage is Stage.NOTICED
        assert len(case.history) == 1
        assert case.history[0].actor == CAST.worker
        assert (case.contact, case.unit, case.zone) == (CAST.worker, CAST.unit, ConcernZone.GREY)

    def test_refuses_an_opening_dated_before_the_concern_was_graded(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            open_case(CAST.concern, family=CAST.family, on=dt.date(2026, 1, 1), records=RECORDS)

        assert error.value.codes == ("W3",)

    def test_refuses_a_concern_about_another_family(self) -> None:
        other = attrs.evolve(CAST.family, id=FamilyId("f-2"))

        with pytest.raises(TransitionNotAllowedError) as error:
            open_case(CAST.concern, family=other, on=CAST.opened_on, records=RECORDS)

        assert error.value.reasons[0].key == "other_family"

    def test_names_a_malformed_argument(self) -> None:
        with pytest.raises(InvalidModelError, match="unit"):
            open_case(CAST.concern, family=CAST.family, unit="", on=CAST.opened_on, records=RECORDS)  # type: ignore[arg-type]


class TestAdvance:
    def test_an_accepted_step_adds_exactly_one_record_with_who_when_and_why(self) -> None:
        case = good_case(steps=3)

        moved = advance(
            case,
            Step.CONTINUE,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            reason="The family will try a new evening routine",
            records=RECORDS,
        )

        assert moved.history[:-1] == case.history
        assert moved.history[-1] == StepTaken(
            step=Step.CONTINUE,
            actor=CAST.worker,
            role=ActorRole.WORKER,
            on=dt.date(2026, 2, 9),
            reason="The family will try a new evening routine",
        )
        assert (case.stage, moved.stage) == (Stage.RAISED, Stage.CONTINUING)

    def test_a_refused_step_leaves_the_case_as_it_was(self) -> None:
        case = good_case(steps=3)
        before = attrs.asdict(case, recurse=False)

        with pytest.raises(TransitionNotAllowedError):
            advance(
                case, Step.AGREE_PLAN, actor=CAST.worker, on=dt.date(2026, 2, 9), records=RECORDS
            )

        assert attrs.asdict(case, recurse=False) == before

    def test_re_assessing_keeps_the_stage_and_the_trajectory(self) -> None:
        case = good_case(steps=5)

        assert case.stage is Stage.CONTINUING
        assert [a.subzone.value for a in case.trajectory if a.subzone] == [
            "lower",
            "lower",
            "upper",
        ]

    def test_a_hand_over_changes_the_contact_worker(self) -> None:
        case = good_case(steps=10)

        assert (case.contact, case.unit) == (CAST.colleague, CAST.colleague_unit)
        assert case.stage is Stage.PLAN_AGREED

    def test_the_good_path_ends_closed_with_every_step_recorded(self) -> None:
        case = good_case()

        assert case.stage is Stage.CLOSED
        assert [r.step for r in case.history[1:]] == [a.step for a in PATH]
        assert case.plan is not None
        assert case.meeting is not None
        assert case.meeting.family_present

    def test_nothing_follows_closing_but_the_statutory_track(self) -> None:
        assert allowed_steps(good_case()) == STATUTORY_STEPS

    def test_names_a_malformed_actor(self) -> None:
        with pytest.raises(InvalidModelError, match="actor"):
            advance(
                good_case(steps=3),
                Step.CONTINUE,
                actor=PersonId(""),
                on=dt.date(2026, 2, 9),
                records=RECORDS,
            )


class TestEnabledSteps:
    def test_lists_what_the_rules_accept_and_why_the_rest_is_refused(self) -> None:
        case = good_case(make_cast(strengths=()), steps=2)

        options = enabled_steps(case, records=RECORDS)

        assert Step.RAISE not in options
        assert [r.key for r in options.reasons(Step.RAISE)] == ["strengths"]
        assert Step.NOTIFY_CHILD_WELFARE in options
        assert Step.CONFIRM_INITIATION not in options  # the contact worker is not social services

    def test_judges_a_given_detail(self) -> None:
        case = good_case(steps=7)
        meeting = PATH[7].detail
        assert isinstance(meeting, Meeting)
        late = attrs.evolve(meeting, speaking_order=tuple(reversed(meeting.speaking_order)))

        fine = enabled_steps(
            case, on=PATH[7].on, details={Step.HOLD_MEETING: meeting}, records=RECORDS
        )
        wrong = enabled_steps(
            case, on=PATH[7].on, details={Step.HOLD_MEETING: late}, records=RECORDS
        )

        assert Step.HOLD_MEETING in fine
        assert [r.rule for r in wrong.reasons(Step.HOLD_MEETING)] == ["P14"]

    def test_steps_the_stage_does_not_allow_are_in_neither_part(self) -> None:
        options = enabled_steps(good_case(steps=0), records=RECORDS)

        assert Step.CLOSE not in options.enabled
        assert Step.CLOSE not in options.disabled


class TestReplay:
    def test_rebuilds_an_equal_case(self) -> None:
        case = good_case()

        assert replay(case.history, records=RECORDS, today=FAR_FUTURE) == case

    @settings(max_examples=40, deadline=None)
    @given(case=cases())
    def test_rebuilds_every_case_the_workflow_can_make(self, case: object) -> None:
        assert replay(case.history, records=RECORDS, today=FAR_FUTURE) == case  # type: ignore[attr-defined]

    def test_refuses_a_tampered_history(self) -> None:
        history = good_case().history
        tampered = (*history[:5], attrs.evolve(history[5], actor=CAST.colleague), *history[6:])

        with pytest.raises(TransitionNotAllowedError):
            replay(tampered, records=RECORDS, today=FAR_FUTURE)

    def test_refuses_a_history_that_does_not_start_with_an_opening(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            replay(good_case().history[1:], records=RECORDS, today=FAR_FUTURE)

        assert error.value.codes == ("W1",)

    def test_refuses_an_empty_history(self) -> None:
        with pytest.raises(TransitionNotAllowedError):
            replay((), records=RECORDS, today=FAR_FUTURE)

    def test_under_another_workflow_checks_that_workflows_rules(self) -> None:
        relaxed = DEFAULT_WORKFLOW.configured(disabled=["P14"])

        assert (
            replay(good_case().history, workflow=relaxed, records=RECORDS, today=FAR_FUTURE)
            == good_case()
        )


@settings(max_examples=30, deadline=None)
@given(zone=st.sampled_from(ConcernZone), gap=st.integers(0, 400))
def test_time_never_runs_backwards_in_a_history(zone: ConcernZone, gap: int) -> None:
    case = good_case(make_cast(zone=zone), steps=6)
    on = case.last_on + dt.timedelta(days=gap)

    moved = advance(
        case,
        Step.REASSESS,
        actor=case.contact,
        on=on,
        detail=attrs.evolve(case.assessment, on=on),
        records=RECORDS,
    )

    days = [r.on for r in moved.history]
    assert days == sorted(days)
