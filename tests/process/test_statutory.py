"""The statutory track: recordable from any stage, never blocked by the dialogue track."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.model import ConcernZone
from openco.process import (
    Channel,
    JointContact,
    Notification,
    PoliceNotification,
    Recipient,
    Stage,
    Step,
    SuspectedOffence,
    advance,
    allowed_steps,
)
from openco.testing.workflow import good_case, make_cast

CAST = make_cast()
NOTIFICATION = Notification(
    channel=Channel.SECURE_ELECTRONIC,
    recipient=Recipient.SOCIAL_SERVICES,
    reasons="The criteria of §25 are met",
    mandated_notifier=True,
    child_told=True,
    custodian_told=True,
)

RECORDS = make_cast().records


class TestTheTrack:
    @pytest.mark.parametrize("steps", range(13))
    def test_a_notification_is_recorded_at_every_stage_of_the_good_path(self, steps: int) -> None:
        case = good_case(steps=steps)

        notified = advance(
            case,
            Step.NOTIFY_CHILD_WELFARE,
            actor=CAST.worker,
            on=case.last_on,
            detail=NOTIFICATION,
            records=RECORDS,
        )

        assert notified.stage is case.stage
        assert notified.history[-1].detail is NOTIFICATION

    def test_reaches_every_stage_of_the_enum(self) -> None:
        for steps in range(13):
            assert Step.NOTIFY_POLICE in allowed_steps(good_case(steps=steps))

    @settings(max_examples=25, deadline=None)
    @given(
        zone=st.sampled_from(ConcernZone),
        steps=st.integers(0, 12),
        strengths=st.sampled_from([(), ("Plays well",)]),
    )
    def test_no_zone_missing_consent_or_stage_blocks_a_police_notification(
        self, zone: ConcernZone, steps: int, strengths: tuple[str, ...]
    ) -> None:
        cast = make_cast(zone=zone, strengths=strengths)
        case = good_case(cast, steps=min(steps, 2) if not strengths else steps)

        notified = advance(
            case,
            Step.NOTIFY_POLICE,
            actor=cast.worker,
            on=case.last_on,
            detail=PoliceNotification(
                offence=SuspectedOffence.SEXUAL_OFFENCE, channel=Channel.PHONE, reasons="Suspicion"
            ),
            records=RECORDS,
        )

        assert notified.stage is case.stage

    def test_a_joint_contact_with_a_custodian_from_a_closed_case_is_recorded(self) -> None:
        case = good_case()

        contacted = advance(
            case,
            Step.CONTACT_JOINTLY,
            actor=case.contact,
            on=case.last_on,
            detail=JointContact(
                with_person=CAST.custodian, channel=Channel.IN_PERSON, reasons="Worry"
            ),
            records=RECORDS,
        )

        assert contacted.stage is Stage.CLOSED


class TestChannels:
    def test_only_unprotected_email_is_unprotected(self) -> None:
        assert [c for c in Channel if not c.is_protected] == [Channel.UNPROTECTED_EMAIL]

    def test_labels_exist_in_three_languages(self) -> None:
        for enum in (Channel, Recipient, SuspectedOffence):
            for member in enum:
                assert all(member.label(language) for language in ("fi", "sv", "en"))


def test_whether_the_child_and_custodian_were_told_is_always_recorded() -> None:
    with pytest.raises(TypeError):
        Notification(
            channel=Channel.PHONE,
            recipient=Recipient.SOCIAL_SERVICES,  # type: ignore[call-arg]
            reasons="x",
            mandated_notifier=True,
        )


def test_a_notification_is_dated_by_the_day_given_not_the_clock() -> None:
    case = good_case(steps=1)

    notified = advance(
        case,
        Step.NOTIFY_CHILD_WELFARE,
        actor=CAST.worker,
        on=dt.date(2030, 1, 1),
        detail=NOTIFICATION,
        records=RECORDS,
    )

    assert notified.last_on == dt.date(2030, 1, 1)
