"""L20: the police come first where an offence against the child is suspected (§25.3).

Domain brief §6.5a: "Suspected sexual or violent offence (§ 25.3): police and child welfare are
notified; the custodians are not told first where that could harm the investigation." Issue #8
point 4: "telling the custodian before the police have been notified is flagged on the
notification". A flag never refuses: nothing blocks a notification (§25 (1)).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openco.errors import RuleConfigurationError, TransitionNotAllowedError
from openco.model import LabelledEnum, Meeting, PersonId
from openco.process import (
    DEFAULT_WORKFLOW,
    RULES,
    Case,
    Channel,
    CriteriaMet,
    Flag,
    FollowUp,
    JointContact,
    Notification,
    PoliceNotification,
    Presence,
    Raising,
    Recipient,
    RuleGroup,
    RuleKind,
    Step,
    SuspectedOffence,
    advance,
    allowed_steps,
    flags,
    open_case,
    presence,
    render_rules,
    replay,
)
from openco.testing.workflow import attempts, cases, good_case, make_cast

L20 = RULES["L20"]
CAST = make_cast()
RECORDS = CAST.records

SUSPECTED = CriteriaMet(
    reasons="The child says her stepfather hits her",
    suspected_offence=SuspectedOffence.LIFE_OR_HEALTH,
)
POLICE = PoliceNotification(
    offence=SuspectedOffence.LIFE_OR_HEALTH, channel=Channel.PHONE, reasons="Suspected assault"
)


def notification(*, custodian_told: bool) -> Notification:
    return Notification(
        channel=Channel.PHONE,
        recipient=Recipient.SOCIAL_SERVICES,
        reasons="Suspected assault; the child has bruises",
        mandated_notifier=True,
        child_told=False,
        custodian_told=custodian_told,
    )


def then(case: Case, *steps: tuple[Step, object]) -> Case:
    """*case* after the contact worker took *steps*, a day apart."""
    for step, detail in steps:
        on = case.last_on + dt.timedelta(days=1)
        case = advance(case, step, actor=case.contact, on=on, detail=detail, records=RECORDS)
    return case


def prepared() -> Case:
    """The invented case, assessed and the conversation prepared, the concern not yet raised."""
    return good_case(steps=2)


RAISE = (Step.RAISE, Raising(help_asked="Could you tell me how things are at home?"))


class TestTheRule:
    def test_quotes_section_25_3(self) -> None:
        assert "Child Welfare Act §25 (3)" in L20.basis
        assert "the custodians are not told first" in L20.basis

    def test_is_a_legal_flag_never_a_guard(self) -> None:
        assert L20.group is RuleGroup.LEGAL
        assert L20.kinds == frozenset({RuleKind.FLAG})
        assert L20.check is None
        assert not any(L20 in row.rules for row in DEFAULT_WORKFLOW.statutory)

    def test_cannot_be_switched_off(self) -> None:
        with pytest.raises(RuleConfigurationError):
            DEFAULT_WORKFLOW.configured(disabled=["L20"])

    def test_the_catalogue_says_it_flags_a_record(self) -> None:
        assert "| L20 | The police come first" in render_rules(DEFAULT_WORKFLOW)
        assert "| flags a record |" in render_rules(DEFAULT_WORKFLOW)


class TestTellingTheCustodianFirst:
    def test_raising_the_concern_with_the_mother_before_the_police_flags_both_notifications(
        self,
    ) -> None:
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            RAISE,
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
            (Step.NOTIFY_POLICE, POLICE),
        )

        found = flags(case, records=RECORDS)

        assert [(f.rule, f.key, f.step) for f in found] == [
            ("L20", "custodian_told_first", Step.NOTIFY_CHILD_WELFARE),
            ("L20", "custodian_told_first", Step.NOTIFY_POLICE),
        ]
        raised = case.history[4]
        assert raised.step is Step.RAISE
        assert all(f.param("told_on") == raised.on for f in found)
        assert [f.record for f in found] == [5, 6]

    def test_the_notifications_are_recorded_all_the_same(self) -> None:
        """A flag is not a refusal: the statutory track is never blocked (§25 (1))."""
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            RAISE,
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
        )

        assert case.history[-1].step is Step.NOTIFY_CHILD_WELFARE
        assert [f.step for f in flags(case, records=RECORDS)] == [Step.NOTIFY_CHILD_WELFARE]

    def test_a_notification_saying_the_custodian_was_told_is_flagged_itself(self) -> None:
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
        )

        (flag,) = flags(case, records=RECORDS)

        assert (flag.record, flag.param("how")) == (4, "notify_child_welfare")
        assert "LsL 25 § 3 mom." in flag.message("fi")
        assert "BSL 25 § 3 mom." in flag.message("sv")
        assert "the police come first (Child Welfare Act §25 (3))" in flag.message("en")

    def test_a_joint_contact_with_the_mother_tells_her(self) -> None:
        with_mum = JointContact(
            with_person=CAST.custodian, channel=Channel.PHONE, reasons="Bruises"
        )
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            (Step.CONTACT_JOINTLY, with_mum),
            (Step.NOTIFY_POLICE, POLICE),
        )

        assert [f.step for f in flags(case, records=RECORDS)] == [Step.NOTIFY_POLICE]

    def test_the_flag_is_the_same_after_replay(self) -> None:
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            RAISE,
            (Step.NOTIFY_POLICE, POLICE),
        )
        again = replay(case.history, records=RECORDS, today=case.last_on)

        assert flags(again, records=RECORDS) == flags(case, records=RECORDS)
        assert len(flags(case, records=RECORDS)) == 1


class TestThePoliceFirst:
    def test_police_then_child_welfare_then_the_family_flags_nothing(self) -> None:
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            (Step.NOTIFY_POLICE, POLICE),
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
            RAISE,
        )

        assert flags(case, records=RECORDS) == ()

    def test_notifying_child_welfare_without_telling_the_custodian_flags_nothing(self) -> None:
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=False)),
            (Step.NOTIFY_POLICE, POLICE),
        )

        assert flags(case, records=RECORDS) == ()

    def test_a_concern_raised_before_any_offence_was_suspected_is_not_telling_first(
        self,
    ) -> None:
        case = then(
            good_case(steps=3),  # the concern was raised with the mother
            (Step.RECOGNISE_CRITERIA, SUSPECTED),
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=False)),
            (Step.NOTIFY_POLICE, POLICE),
        )

        assert flags(case, records=RECORDS) == ()

    def test_without_a_suspected_offence_telling_the_custodian_is_the_practice(self) -> None:
        plain = CriteriaMet(reasons="The family needs support")
        case = then(
            prepared(),
            (Step.RECOGNISE_CRITERIA, plain),
            RAISE,
            (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
        )

        assert flags(case, records=RECORDS) == ()


def _tells(case: Case, index: int) -> bool:
    """Whether record *index* of *case* tells the custodian (the oracle, written out again)."""
    record = case.history[index]
    if record.step in (
        Step.RAISE, Step.PROPOSE_MEETING, Step.AGREE_TO_MEET, Step.DECLINE_MEETING
    ):  # fmt: skip
        return True
    detail = record.detail
    if isinstance(detail, Notification):
        return detail.custodian_told
    if isinstance(detail, JointContact):
        return detail.with_person == CAST.custodian
    meeting = detail if isinstance(detail, Meeting) else None
    if isinstance(detail, FollowUp):
        meeting = detail.meeting
    if record.step is Step.AGREE_PLAN:
        meeting = next(
            r.detail for r in reversed(case.history[:index]) if isinstance(r.detail, Meeting)
        )
    if meeting is None:
        return False
    found = presence(meeting, family=CAST.family, child=PersonId(CAST.child))
    return found is Presence.CUSTODIAN


def _expected(case: Case) -> list[int]:
    flagged = []
    history = case.history
    for i, record in enumerate(history):
        if record.step not in (Step.NOTIFY_CHILD_WELFARE, Step.NOTIFY_POLICE):
            continue
        last_police = max(
            (j for j in range(i) if history[j].step is Step.NOTIFY_POLICE), default=-1
        )
        suspicions = [
            j
            for j in range(last_police + 1, i)
            if isinstance(found := history[j].detail, CriteriaMet)
            and found.suspected_offence is not None
        ]
        if not suspicions:
            continue
        own = 1 if record.step is Step.NOTIFY_CHILD_WELFARE else 0
        if any(_tells(case, k) for k in range(suspicions[0] + 1, i + own)):
            flagged.append(i)
    return flagged


# Steps about telling the family and the statutory track, so that offences, tellings and
# notifications meet often; every other step still comes up.
TOLD_OR_NOTIFIED = [
    Step.ASSESS, Step.PREPARE,
    Step.RECOGNISE_CRITERIA, Step.RAISE, Step.NOTIFY_CHILD_WELFARE, Step.NOTIFY_POLICE,
    Step.CONTACT_JOINTLY, Step.PROPOSE_MEETING, Step.AGREE_TO_MEET, Step.HOLD_MEETING,
    Step.AGREE_PLAN, Step.FOLLOW_UP,
]  # fmt: skip


@st.composite
def suspicion_cases(draw: st.DrawFn) -> Case:
    case = open_case(CAST.concern, family=CAST.family, on=CAST.opened_on, records=RECORDS)
    for _ in range(draw(st.integers(4, 18))):
        allowed: list[LabelledEnum] = sorted(allowed_steps(case), key=lambda s: s.value)
        focused: list[LabelledEnum] = [s for s in allowed if s in TOLD_OR_NOTIFIED]
        pool = allowed
        if focused and draw(st.integers(0, 3)) > 0:
            pool = focused
        attempt = draw(attempts(CAST, case, steps=st.sampled_from(pool)))
        # Well-formed statutory details half the time (the drawn ones are often refused).
        if draw(st.booleans()):
            well_formed = {
                Step.RECOGNISE_CRITERIA: SUSPECTED,
                Step.NOTIFY_POLICE: POLICE,
                Step.NOTIFY_CHILD_WELFARE: notification(custodian_told=draw(st.booleans())),
            }
            if attempt.step in well_formed:
                attempt = attrs.evolve(attempt, detail=well_formed[attempt.step])
        try:
            case = attempt.apply(case)
        except TransitionNotAllowedError:
            continue
    return case


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(suspicion_cases(), cases(max_steps=14)))
def test_for_every_case_a_notification_is_flagged_iff_a_custodian_was_told_first(
    case: Case,
) -> None:
    """A notification is flagged iff a custodian was told first.

    That is: an offence was suspected, a custodian was told of the concern since, and no police
    notification came in between (the flagged one may be the police notification itself).
    """
    found = flags(case, records=RECORDS)

    assert all(isinstance(f, Flag) and f.rule == "L20" for f in found)
    assert [f.record for f in found] == _expected(case)
