"""The workflow testing kit: casts, details, attempts, cases and step sequences."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from openco.errors import TransitionNotAllowedError
from openco.process import DEFAULT_WORKFLOW, Case, Stage, Step, allowed_steps, replay
from openco.testing.workflow import (
    Attempt,
    attempts,
    cases,
    details,
    good_case,
    good_path,
    make_cast,
    step_sequences,
)

RECORDS = make_cast().records
FAR_FUTURE = dt.date(2100, 1, 1)  # replay's 'today': later than every record

CAST = make_cast()


class TestCast:
    def test_has_a_custodian_and_a_parent_without_custody(self) -> None:
        assert CAST.family.is_custodian(CAST.custodian, CAST.child)
        assert not CAST.family.is_custodian(CAST.parent, CAST.child)

    def test_the_concern_is_the_workers(self) -> None:
        assert CAST.concern.worker == CAST.worker


class TestGoodPath:
    def test_has_twelve_steps_and_ends_closed(self) -> None:
        assert len(good_path(CAST)) == 12
        assert good_case().stage is Stage.CLOSED

    def test_its_days_never_go_back(self) -> None:
        days = [a.on for a in good_path(CAST)]

        assert days == sorted(days)


class TestStrategies:
    @settings(max_examples=30, deadline=None)
    @given(data=st.data())
    def test_details_are_of_the_steps_kind_or_nothing(self, data: st.DataObject) -> None:
        case = good_case(steps=data.draw(st.integers(0, 11)))
        step = data.draw(st.sampled_from(DEFAULT_WORKFLOW.steps))

        detail = data.draw(details(CAST, case, step, case.last_on))

        assert detail is None or isinstance(detail, DEFAULT_WORKFLOW.details[step])

    @settings(max_examples=30, deadline=None)
    @given(data=st.data())
    def test_an_attempt_is_accepted_or_refused_with_reasons(self, data: st.DataObject) -> None:
        case = good_case(steps=data.draw(st.integers(0, 12)))

        attempt = data.draw(attempts(CAST, case))

        assert isinstance(attempt, Attempt)
        try:
            after = attempt.apply(case)
        except TransitionNotAllowedError as refusal:
            reasons = refusal.reasons
            assert reasons
        else:
            assert len(after.history) == len(case.history) + 1

    @settings(max_examples=20, deadline=None)
    @given(case=cases(max_steps=20))
    def test_cases_are_valid_cases(self, case: Case) -> None:
        assert replay(case.history, records=RECORDS, today=FAR_FUTURE) == case
        assert case.stage in DEFAULT_WORKFLOW.stages

    @settings(max_examples=20)
    @given(steps=step_sequences(min_size=1, max_size=5))
    def test_step_sequences_hold_steps_of_the_workflow(self, steps: list[Step]) -> None:
        assert 1 <= len(steps) <= 5
        assert set(steps) <= set(DEFAULT_WORKFLOW.steps)

    def test_the_statutory_track_is_among_the_allowed_steps_of_a_drawn_case(self) -> None:
        case = good_case(steps=5)

        assert DEFAULT_WORKFLOW.statutory_steps <= allowed_steps(case)
        assert case.last_on == dt.date(2026, 3, 2)
