"""The worklist: duties, who owes them and by when."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from openco.errors import InvalidModelError
from openco.model import ConcernZone, OwnMeans, ZoneAssessment
from openco.process import (
    DEFAULT_WORKFLOW,
    ActorRole,
    Case,
    Channel,
    Duty,
    Milestone,
    Notification,
    Recipient,
    Step,
    advance,
    area_obligations,
    obligations,
)
from openco.testing.workflow import cases, good_case, make_cast

RECORDS = make_cast().records

CAST = make_cast()


class TestObligations:
    def test_a_closed_case_owes_nothing(self) -> None:
        assert obligations(good_case(), today=dt.date(2026, 12, 1), records=RECORDS) == ()

    def test_continuing_with_own_means_is_followed_up_in_three_months(self) -> None:
        case = good_case(steps=4)  # continued on 9 February 2026

        duties = obligations(case, today=dt.date(2026, 2, 9), records=RECORDS)

        assert [(o.duty, o.due) for o in duties] == [(Duty.HOLD_FOLLOW_UP, dt.date(2026, 5, 9))]

    def test_are_sorted_by_due_date(self) -> None:
        case = good_case(steps=9)

        duties = obligations(case, today=dt.date(2026, 4, 20), records=RECORDS)

        assert [o.due for o in duties] == sorted(o.due for o in duties)
        assert {o.rule for o in duties} == {"P14", "P16"}

    def test_a_switched_off_rule_puts_nothing_on_the_worklist(self) -> None:
        relaxed = DEFAULT_WORKFLOW.configured(disabled=["P14"])

        assert (
            obligations(
                good_case(steps=4), today=dt.date(2026, 2, 9), workflow=relaxed, records=RECORDS
            )
            == ()
        )

    def test_a_notification_clears_the_duty_to_notify(self) -> None:
        cast = make_cast()
        case = good_case(cast, steps=1)
        great = advance(
            case,
            Step.REASSESS,
            actor=cast.worker,
            on=dt.date(2026, 2, 4),
            detail=ZoneAssessment(
                on=dt.date(2026, 2, 4),
                assessor=cast.worker,
                zone=ConcernZone.GREAT,
                own_means=OwnMeans.EXHAUSTED,
            ),
            records=RECORDS,
        )
        notified = advance(
            great,
            Step.NOTIFY_CHILD_WELFARE,
            actor=cast.worker,
            on=dt.date(2026, 2, 4),
            detail=Notification(
                channel=Channel.PHONE,
                recipient=Recipient.SOCIAL_EMERGENCY,
                reasons="Left alone at night",
                mandated_notifier=True,
                child_told=False,
                custodian_told=False,
            ),
            records=RECORDS,
        )

        before = {o.rule for o in obligations(great, today=dt.date(2026, 2, 5), records=RECORDS)}
        after = {o.rule for o in obligations(notified, today=dt.date(2026, 2, 5), records=RECORDS)}

        assert "L1" in before
        assert "L1" not in after

    def test_social_services_duties_close_milestone_by_milestone(self) -> None:
        case = advance(
            good_case(steps=3),
            Step.CONFIRM_INITIATION,
            actor=CAST.social_worker,
            role=ActorRole.SOCIAL_SERVICES,
            on=dt.date(2026, 2, 9),
            records=RECORDS,
        )
        for milestone in Milestone:
            case = advance(
                case,
                Step.REPORT_ASSESSMENT,
                actor=CAST.social_worker,
                role=ActorRole.SOCIAL_SERVICES,
                on=dt.date(2026, 2, 10),
                detail=milestone,
                records=RECORDS,
            )

        assert not [
            o
            for o in obligations(case, today=dt.date(2026, 2, 10), records=RECORDS)
            if o.rule == "L9"
        ]

    def test_refuse_a_datetime_for_today(self) -> None:
        with pytest.raises(InvalidModelError, match="today"):
            obligations(good_case(), today=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), records=RECORDS)

    @settings(max_examples=30, deadline=None)
    @given(case=cases())
    def test_every_duty_names_a_rule_of_the_catalogue_and_a_party(self, case: Case) -> None:
        today = case.last_on + dt.timedelta(days=30)

        for duty in obligations(case, today=today, records=RECORDS):
            assert DEFAULT_WORKFLOW.is_enabled(duty.rule)
            assert duty.overdue is (today > duty.due)
            assert duty.owed_by is not None or duty.owed_by_role is ActorRole.SOCIAL_SERVICES
            assert all(duty.describe(language) for language in ("fi", "sv", "en"))


class TestAreaObligations:
    def test_an_area_that_never_met_owes_a_meeting_today(self) -> None:
        duty = area_obligations(held=[], today=dt.date(2026, 5, 1))[0]

        assert (duty.due, duty.overdue, duty.rule) == (dt.date(2026, 5, 1), False, "P17")

    def test_switched_off_there_is_none(self) -> None:
        relaxed = DEFAULT_WORKFLOW.configured(disabled=["P17"])

        assert area_obligations(held=[], today=dt.date(2026, 5, 1), workflow=relaxed) == ()
