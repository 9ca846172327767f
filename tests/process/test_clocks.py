"""Statutory clocks (issue #8 point 3), suspected offences (point 4) and settings (point 5).

Bases quoted: Child Welfare Act §25 and §25a ("without delay"), §25.3 (police), §26 (the
matter is pending when the notification or joint contact is received) and Social Welfare Act
§36 (assessment started by the 7th working day, completed within 3 months).
"""

from __future__ import annotations

import datetime as dt

import pytest

from openco.errors import InvalidModelError
from openco.model import ConcernZone, OwnMeans, ZoneAssessment
from openco.process import (
    ActorRole,
    Case,
    Channel,
    CriteriaMet,
    Duty,
    Notification,
    PoliceNotification,
    Recipient,
    Settings,
    Step,
    SuspectedOffence,
    advance,
    obligations,
    schedule,
)
from openco.testing.workflow import good_case, make_cast

CAST = make_cast()
RECORDS = CAST.records
DAY = dt.date(2026, 2, 9)
PATH_DAY = dt.date(2026, 2, 4)
NOTIFICATION = Notification(
    channel=Channel.PHONE, recipient=Recipient.SOCIAL_SERVICES, reasons="Bruises seen twice",
    mandated_notifier=True, child_told=False, custodian_told=False,
)  # fmt: skip
POLICE = PoliceNotification(
    offence=SuspectedOffence.LIFE_OR_HEALTH, channel=Channel.PHONE, reasons="Bruises"
)


def step(case: Case, name: Step, on: dt.date = DAY, detail: object = None) -> Case:
    return advance(case, name, actor=CAST.worker, on=on, detail=detail, records=RECORDS)


def duties(case: Case, today: dt.date = DAY) -> set[Duty]:
    return {o.duty for o in obligations(case, today=today, records=RECORDS)}


def great(on: dt.date) -> ZoneAssessment:
    return ZoneAssessment(
        on=on, zone=ConcernZone.GREAT, own_means=OwnMeans.EXHAUSTED, assessor=CAST.worker
    )


class TestWithoutDelay:
    def test_a_setting_cannot_lengthen_without_delay(self) -> None:
        """'Without delay' (§25, §25a) is a legal time limit: at most one working day."""
        with pytest.raises(InvalidModelError, match="without_delay_working_days"):
            Settings(without_delay_working_days=2)

    def test_a_setting_may_shorten_it(self) -> None:
        assert Settings(without_delay_working_days=0).without_delay_working_days == 0


class TestSettingsCannotMakeARuleImpossible:
    @pytest.mark.parametrize("facilitators", [0, 1, 5])
    def test_an_anticipation_dialogue_holds_two_to_four_facilitators(
        self, facilitators: int
    ) -> None:
        """An interviewer and a recorder are needed (P14); more would outnumber the family."""
        with pytest.raises(InvalidModelError, match="facilitators"):
            Settings(facilitators=facilitators)

    def test_area_meetings_and_follow_ups_happen_at_all(self) -> None:
        with pytest.raises(InvalidModelError, match="area_meetings_per_year"):
            Settings(area_meetings_per_year=0)
        with pytest.raises(InvalidModelError, match="follow_up_after_months"):
            Settings(follow_up_after_months=0)


class TestTheAssessmentClockStartsOnReceipt:
    def test_a_notification_starts_the_clock_without_any_confirmation(self) -> None:
        """LsL §26: pending when the notification is received; SHL §36: 7th working day."""
        notified = step(good_case(steps=3), Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)

        start = next(
            o for o in obligations(notified, today=DAY, records=RECORDS)
            if o.duty is Duty.START_ASSESSMENT
        )  # fmt: skip

        assert start.due == schedule.add_working_days(DAY, 7)

    def test_a_later_confirmation_does_not_move_it(self) -> None:
        notified = step(good_case(steps=3), Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)
        confirmed = advance(
            notified, Step.CONFIRM_INITIATION, actor=CAST.social_worker,
            role=ActorRole.SOCIAL_SERVICES, on=DAY + dt.timedelta(days=20), records=RECORDS,
        )  # fmt: skip

        due = {o.duty: o.due for o in obligations(confirmed, today=DAY, records=RECORDS)}

        assert due[Duty.COMPLETE_ASSESSMENT] == schedule.months_after(DAY, 3)


class TestAFulfilledNotificationDutyStaysFulfilled:
    def test_a_police_notification_after_the_notification_does_not_reopen_it(self) -> None:
        notified = step(good_case(steps=3), Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)

        policed = step(notified, Step.NOTIFY_POLICE, detail=POLICE)

        assert Duty.NOTIFY_WITHOUT_DELAY not in duties(policed)

    def test_the_police_first_and_then_child_welfare_fulfils_both(self) -> None:
        policed = step(good_case(steps=3), Step.NOTIFY_POLICE, detail=POLICE)
        assert Duty.NOTIFY_WITHOUT_DELAY in duties(policed)

        notified = step(policed, Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)

        assert Duty.NOTIFY_WITHOUT_DELAY not in duties(notified)

    def test_grading_the_concern_great_again_does_not_reopen_it(self) -> None:
        notified = step(good_case(steps=3), Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)

        regraded = step(notified, Step.REASSESS, detail=great(DAY))

        assert Duty.NOTIFY_WITHOUT_DELAY not in duties(regraded)

    def test_only_a_new_ground_recorded_after_it_opens_a_new_duty(self) -> None:
        notified = step(good_case(steps=3), Step.NOTIFY_CHILD_WELFARE, detail=NOTIFICATION)

        again = step(notified, Step.RECOGNISE_CRITERIA, detail=CriteriaMet(reasons="New bruises"))

        assert Duty.NOTIFY_WITHOUT_DELAY in duties(again)


class TestASuspectedOffence:
    def test_the_police_come_first_not_a_talk_with_the_family(self) -> None:
        """§25.3: the custodians are not told first where that could harm the investigation."""
        assessed = good_case(steps=1)
        assert Duty.TAKE_UP_CONCERN in duties(assessed)

        suspected = step(
            assessed, Step.RECOGNISE_CRITERIA, on=PATH_DAY,
            detail=CriteriaMet(
                reasons="Bruises", suspected_offence=SuspectedOffence.LIFE_OR_HEALTH
            ),
        )  # fmt: skip

        assert Duty.TAKE_UP_CONCERN not in duties(suspected, PATH_DAY)
        assert Duty.NOTIFY_POLICE in duties(suspected, PATH_DAY)
