"""Each rule of the catalogue, tested against the basis it quotes, and its messages in fi/sv/en."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable

import attrs
import pytest

from openco.errors import TransitionNotAllowedError
from openco.model import (
    ConcernZone,
    Consent,
    ConsentGiver,
    ConsentId,
    DataScope,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    OwnMeans,
    Participant,
    PersonId,
    Plan,
    PlanItem,
    PlanItemId,
    Professional,
    ProfessionalId,
    UnitId,
    ZoneAssessment,
)
from openco.process import (
    CATALOGUE,
    DEFAULT_WORKFLOW,
    RULES,
    ActorRole,
    Case,
    Channel,
    Consultation,
    CriteriaMet,
    Duty,
    Handover,
    JointContact,
    Milestone,
    Notification,
    PoliceNotification,
    Provision,
    Raising,
    Recipient,
    Records,
    RuleGroup,
    RuleKind,
    Stage,
    StatutoryBasis,
    Step,
    SuspectedOffence,
    advance,
    obligations,
    open_case,
)
from openco.testing.workflow import Attempt, Cast, good_case, good_path, make_cast

RECORDS = make_cast().records

CAST = make_cast()
PATH = good_path(CAST)


def step_of(name: Step) -> Attempt:
    return next(a for a in PATH if a.step is name)


def held() -> Meeting:
    meeting = step_of(Step.HOLD_MEETING).detail
    assert isinstance(meeting, Meeting)
    return meeting


def agreed() -> Plan:
    plan = step_of(Step.AGREE_PLAN).detail
    assert isinstance(plan, Plan)
    return plan


def with_professionals(professionals: Iterable[Professional]) -> Records:
    """The cast's records with *professionals* instead of theirs."""
    return Records(professionals=professionals, units=RECORDS.units, families=RECORDS.families)


def refused_codes(error: pytest.ExceptionInfo[TransitionNotAllowedError]) -> set[str]:
    return set(error.value.codes)


def notification(**changes: object) -> Notification:
    base = Notification(
        channel=Channel.PHONE,
        recipient=Recipient.SOCIAL_SERVICES,
        reasons="The criteria of §25 are met",
        mandated_notifier=True,
        child_told=False,
        custodian_told=True,
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


class TestTheCatalogue:
    def test_holds_every_rule_of_the_domain_brief(self) -> None:
        """Domain brief §8.4: legal obligations 1-9 and good practice 10-17."""
        codes = [rule.code for rule in CATALOGUE]

        assert codes[:17] == [f"L{n}" for n in range(1, 10)] + [f"P{n}" for n in range(10, 18)]

    def test_legal_rules_are_not_configurable_and_practice_rules_are(self) -> None:
        for rule in CATALOGUE:
            assert rule.configurable is (rule.group is RuleGroup.PRACTICE)
            assert rule.code.startswith(
                {"legal": "L", "practice": "P", "workflow": "W"}[rule.group.value]
            )

    def test_every_rule_states_a_basis_a_source_and_its_kind(self) -> None:
        for rule in CATALOGUE:
            assert rule.basis.strip()
            assert rule.source.strip()
            assert rule.kinds
            assert rule.is_guard is (RuleKind.GUARD in rule.kinds)
            assert rule.is_obligation is (rule.duties is not None)
            assert all(rule.title.get(language).strip() for language in ("fi", "sv", "en"))

    def test_guards_have_a_check_and_messages(self) -> None:
        for rule in CATALOGUE:
            if rule.is_guard and rule.group is not RuleGroup.WORKFLOW and rule.code != "L8":
                assert rule.check is not None, rule.code
            if rule.is_guard:
                assert rule.messages, rule.code


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


MESSAGES = [(rule, key) for rule in CATALOGUE for key in rule.messages]


class TestRefusalMessages:
    @pytest.mark.parametrize(("rule", "key"), MESSAGES, ids=[f"{r.code}-{k}" for r, k in MESSAGES])
    def test_exist_in_finnish_swedish_and_english_with_the_same_parameters(
        self, rule: object, key: str
    ) -> None:
        words = RULES[rule.code].messages[key]  # type: ignore[attr-defined]
        names = [_placeholders(getattr(words, language)) for language in ("fi", "sv", "en")]

        refusal = RULES[rule.code].refuse(key, **dict.fromkeys(names[2], "x"))  # type: ignore[attr-defined]

        assert names[0] == names[1] == names[2]
        for language in ("fi", "sv", "en"):
            text = refusal.message(language)
            assert text.strip()
            assert not re.search(r"\{\w+\}", text)
        assert len({refusal.fi, refusal.sv, refusal.en}) == 3, "three different languages"


class TestL1NotifyWithoutDelay:
    def test_quotes_child_welfare_act_25(self) -> None:
        """'without delay and notwithstanding confidentiality' (Child Welfare Act §25 (1))."""
        assert "§25 (1)" in RULES["L1"].basis
        assert "without delay" in RULES["L1"].basis

    def test_a_great_concern_makes_the_notification_due_at_once(self) -> None:
        cast = make_cast(zone=ConcernZone.GREAT)
        case = open_case(cast.concern, family=cast.family, on=cast.opened_on, records=RECORDS)

        duties = obligations(case, today=cast.opened_on, records=RECORDS)

        assert [(o.rule, o.duty, o.due) for o in duties if o.rule == "L1"] == [
            ("L1", Duty.NOTIFY_WITHOUT_DELAY, cast.opened_on)
        ]

    def test_nothing_in_the_dialogue_track_blocks_the_notification(self) -> None:
        """The notification is never conditional on consent, a conversation or the zone."""
        case = good_case(steps=0)

        notified = advance(
            case,
            Step.NOTIFY_CHILD_WELFARE,
            actor=CAST.worker,
            on=CAST.opened_on,
            detail=notification(),
            records=RECORDS,
        )

        assert notified.stage is Stage.NOTICED
        assert not notified.consents


class TestL2JointContact:
    def test_quotes_child_welfare_act_25a(self) -> None:
        """'together with the child or the parent', 'without delay', 'stating the reasons'."""
        assert "§25a" in RULES["L2"].basis
        assert "stating the reasons" in RULES["L2"].basis

    def test_a_parent_without_custody_does_not_fulfil_it(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=3),
                Step.CONTACT_JOINTLY,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                detail=JointContact(
                    with_person=CAST.parent,
                    channel=Channel.IN_PERSON,
                    reasons="Tired every morning",
                ),
                records=RECORDS,
            )

        assert error.value.reasons[0].key == "non_custodian"
        assert error.value.reasons[0].param("person") == CAST.parent

    def test_the_reasons_must_be_stated(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=3),
                Step.CONTACT_JOINTLY,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                detail=JointContact(with_person=CAST.custodian, channel=Channel.IN_PERSON),
                records=RECORDS,
            )

        assert [r.key for r in error.value.reasons] == ["reasons"]

    @pytest.mark.parametrize("who", ["custodian", "child"])
    def test_with_the_child_or_a_custodian_it_is_recorded(self, who: str) -> None:
        case = advance(
            good_case(steps=3),
            Step.CONTACT_JOINTLY,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            detail=JointContact(
                with_person=getattr(CAST, who),
                channel=Channel.IN_PERSON,
                reasons="Tired every morning",
            ),
            records=RECORDS,
        )

        assert case.history[-1].step is Step.CONTACT_JOINTLY


class TestL3Police:
    def test_quotes_child_welfare_act_25_3(self) -> None:
        """§25 (3): police notification on a suspected sexual offence or one against life/health."""
        assert "§25 (3)" in RULES["L3"].basis
        assert "at least two years" in RULES["L3"].basis

    def test_a_suspected_offence_owes_both_notifications(self) -> None:
        case = advance(
            good_case(steps=1),
            Step.RECOGNISE_CRITERIA,
            actor=CAST.worker,
            on=dt.date(2026, 2, 4),
            detail=CriteriaMet(
                reasons="Bruises", suspected_offence=SuspectedOffence.LIFE_OR_HEALTH
            ),
            records=RECORDS,
        )

        duties = {o.duty for o in obligations(case, today=dt.date(2026, 2, 4), records=RECORDS)}

        assert {Duty.NOTIFY_POLICE, Duty.NOTIFY_WITHOUT_DELAY} <= duties
        assert Duty.OFFER_JOINT_CONTACT not in duties


class TestL4Anonymous:
    def test_quotes_the_recording_duty(self) -> None:
        """A mandated notifier cannot notify anonymously; §25b records the notification."""
        assert "§25b" in RULES["L4"].basis

    def test_a_mandated_notifier_cannot_notify_anonymously(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=2),
                Step.NOTIFY_CHILD_WELFARE,
                actor=CAST.worker,
                on=dt.date(2026, 2, 6),
                detail=notification(anonymous=True),
                records=RECORDS,
            )

        assert error.value.codes == ("L4",)

    def test_the_records_not_the_notification_say_who_is_a_mandated_notifier(self) -> None:
        """Child Welfare Act §25 (1): the duty follows from the notifier's work.

        The records hold that work, so an anonymous notification by a mandated notifier is
        refused whatever the caller sets on it.
        """
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=2),
                Step.NOTIFY_CHILD_WELFARE,
                actor=CAST.worker,
                on=dt.date(2026, 2, 6),
                detail=notification(anonymous=True, mandated_notifier=False),
                records=RECORDS,
            )

        assert [r.key for r in error.value.reasons] == ["claim_mandated", "anonymous"]

    def test_someone_without_the_duty_may(self) -> None:
        """The records say the teacher is no mandated notifier (say, a volunteer at an NGO)."""
        volunteer = with_professionals(
            attrs.evolve(p, mandated_notifier=False) if p.id == CAST.worker else p
            for p in RECORDS.professionals.values()
        )

        case = advance(
            good_case(steps=2),
            Step.NOTIFY_CHILD_WELFARE,
            actor=CAST.worker,
            on=dt.date(2026, 2, 6),
            detail=notification(anonymous=True, mandated_notifier=False),
            records=volunteer,
        )

        detail = case.history[-1].detail
        assert isinstance(detail, Notification)
        assert (detail.child_told, detail.custodian_told) == (False, True)


class TestL5Channel:
    def test_quotes_the_handbook(self) -> None:
        """THL: a notification is 'never' made by unprotected e-mail."""
        assert "never" in RULES["L5"].title.en
        assert "[S31]" in RULES["L5"].source

    @pytest.mark.parametrize(
        ("step", "detail"),
        [
            (Step.NOTIFY_CHILD_WELFARE, notification(channel=Channel.UNPROTECTED_EMAIL)),
            (
                Step.NOTIFY_POLICE,
                PoliceNotification(
                    offence=SuspectedOffence.SEXUAL_OFFENCE,
                    channel=Channel.UNPROTECTED_EMAIL,
                    reasons="Suspicion",
                ),
            ),
            (
                Step.CONTACT_JOINTLY,
                JointContact(
                    with_person=CAST.custodian, channel=Channel.UNPROTECTED_EMAIL, reasons="Worry"
                ),
            ),
        ],
    )
    def test_unprotected_email_is_refused(self, step: Step, detail: object) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=4),
                step,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                detail=detail,
                records=RECORDS,
            )

        assert error.value.codes == ("L5",)
        assert error.value.reasons[0].param("channel") == "unprotected_email"


def consent(*, by: PersonId, units: set[UnitId], on: dt.date) -> Consent:
    return Consent(
        id=ConsentId("k-test"),
        family=CAST.family.id,
        subject=CAST.child,
        given_by=by,
        giver=ConsentGiver.CUSTODIAN,
        scopes={DataScope.CONCERN},
        units=units,
        valid_from=on,
    )


class TestL6SocialServicesContact:
    def test_quotes_social_welfare_act_35(self) -> None:
        """SHL §35: 'with consent', otherwise only if 'the child's interest requires it'."""
        assert "§35" in RULES["L6"].basis
        assert "child's interest requires it" in RULES["L6"].basis

    def test_an_identifying_contact_needs_consent_or_a_statutory_basis(self) -> None:
        case = good_case(steps=3)
        contact = Consultation(unit=CAST.social_unit, identifying=True, social_services=True)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.CONSULT,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                detail=contact,
                records=RECORDS,
            )
        with_basis = advance(
            case,
            Step.CONSULT,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            detail=attrs.evolve(
                contact,
                statutory_basis=StatutoryBasis(
                    provision=Provision.SOCIAL_WELFARE_ACT_35_2,
                    decided_by=CAST.worker,
                    reason="The child's interest requires it",
                    units={CAST.social_unit},
                ),
            ),
            records=RECORDS,
        )

        assert error.value.codes == ("L6",)
        assert with_basis.stage is Stage.CONSULTED


class TestL7SharingData:
    def test_quotes_the_client_data_act(self) -> None:
        """Data passes between units with consent; §25, §25a and SHL §35 (2) override it."""
        assert "703/2023" in RULES["L7"].basis

    def test_inviting_another_units_professional_needs_consent(self) -> None:
        agree = step_of(Step.AGREE_TO_MEET)
        case = good_case(steps=6)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                agree.step,
                actor=agree.actor,
                on=agree.on,
                detail=agree.detail,
                records=RECORDS,
            )

        assert error.value.codes == ("L7",)
        assert error.value.reasons[0].param("recipient") == CAST.colleague_unit

    def test_a_consent_from_a_parent_without_custody_does_not_count(self) -> None:
        agree = step_of(Step.AGREE_TO_MEET)
        wrong = consent(by=CAST.parent, units={CAST.colleague_unit}, on=agree.on)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=6),
                agree.step,
                actor=agree.actor,
                on=agree.on,
                detail=agree.detail,
                consents=[wrong],
                records=RECORDS,
            )

        assert error.value.codes == ("L7",)

    def test_an_anonymous_consultation_needs_none(self) -> None:
        case = advance(
            good_case(steps=3),
            Step.CONSULT,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            detail=Consultation(unit=CAST.colleague_unit, identifying=False),
            records=RECORDS,
        )

        assert case.stage is Stage.CONSULTED


class TestL8Age:
    def test_quotes_the_age_limits(self) -> None:
        """A child is under 18 (§6); 12-year-olds may apply (§26); aftercare until 25 (§75)."""
        assert "under 18" in RULES["L8"].basis

    def test_a_case_is_opened_only_for_a_child_under_18(self) -> None:
        concern = attrs.evolve(
            CAST.concern,
            noticed_on=dt.date(2039, 6, 1),
            assessments=(
                ZoneAssessment(
                    on=dt.date(2039, 6, 1),
                    assessor=CAST.worker,
                    zone=ConcernZone.SMALL,
                    own_means=OwnMeans.GOOD,
                ),
            ),
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            open_case(concern, family=CAST.family, on=dt.date(2039, 6, 1), records=RECORDS)

        assert error.value.stage is None
        assert [(r.rule, r.key) for r in error.value.reasons] == [("L8", "not_child")]

    def test_the_child_must_belong_to_the_family(self) -> None:
        concern = attrs.evolve(CAST.concern, child=PersonId("p-somebody"))

        with pytest.raises(TransitionNotAllowedError) as error:
            open_case(concern, family=CAST.family, on=CAST.opened_on, records=RECORDS)

        assert error.value.reasons[0].key == "not_member"


class TestL9Deadlines:
    def test_quotes_the_seventh_working_day(self) -> None:
        """SHL §36: 'started at the latest on the 7th working day, completed within 3 months'."""
        assert "7th working day" in RULES["L9"].basis
        assert "3 months" in RULES["L9"].basis

    def test_only_social_services_record_the_initiation(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=3),
                Step.CONFIRM_INITIATION,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                records=RECORDS,
            )

        assert error.value.reasons[0].key == "role"

    def test_deadlines_count_finnish_working_days(self) -> None:
        """Initiated on Wednesday 1 April 2026: Easter (3-6 April) pushes day 7 to 14 April."""
        case = advance(
            good_case(steps=3),
            Step.CONFIRM_INITIATION,
            actor=CAST.social_worker,
            role=ActorRole.SOCIAL_SERVICES,
            on=dt.date(2026, 4, 1),
            records=RECORDS,
        )
        case = advance(
            case,
            Step.REPORT_ASSESSMENT,
            actor=CAST.social_worker,
            role=ActorRole.SOCIAL_SERVICES,
            on=dt.date(2026, 4, 1),
            detail=Milestone.URGENCY_ASSESSED,
            records=RECORDS,
        )

        due = {o.duty: o.due for o in obligations(case, today=dt.date(2026, 4, 2), records=RECORDS)}

        assert Duty.ASSESS_URGENCY not in due
        assert due[Duty.START_ASSESSMENT] == dt.date(2026, 4, 14)
        assert due[Duty.COMPLETE_ASSESSMENT] == dt.date(2026, 7, 1)


class TestP10OwnAssessment:
    def test_quotes_the_zones_of_concern(self) -> None:
        """The zones describe 'the worker's own worry and means, never the family'."""
        assert "never the family" in RULES["P10"].basis

    def test_only_the_contact_worker_grades_the_zone(self) -> None:
        assess = step_of(Step.ASSESS)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=0),
                Step.ASSESS,
                actor=CAST.colleague,
                role=ActorRole.COLLEAGUE,
                on=assess.on,
                detail=assess.detail,
                records=RECORDS,
            )

        # L7 too: no consent lets the clinic's nurse see the day care's case.
        assert error.value.codes == ("L7", "P10")

    def test_switched_off_by_a_municipality_the_step_goes_ahead(self) -> None:
        assess = step_of(Step.ASSESS)
        variant = DEFAULT_WORKFLOW.configured(disabled=["P10"])
        case = open_case(
            CAST.concern, family=CAST.family, on=CAST.opened_on, workflow=variant, records=RECORDS
        )

        assessed = advance(
            case,
            Step.ASSESS,
            actor=CAST.colleague,
            role=ActorRole.COLLEAGUE,
            on=assess.on,
            detail=assess.detail,
            consents=CAST.consents[:1],  # the mother lets the clinic see the concern (L7)
            workflow=variant,
            records=RECORDS,
        )

        assert assessed.stage is Stage.ASSESSED


class TestP11TakingUp:
    def test_quotes_early_dialogue(self) -> None:
        """The worker 'asks the family's help to ease it'."""
        assert "asks the family's help" in RULES["P11"].basis

    def test_strengths_are_recorded_before_the_concern_is_raised(self) -> None:
        cast = make_cast(strengths=())
        raise_ = step_of(Step.RAISE)
        case = good_case(cast, steps=2)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.RAISE,
                actor=cast.worker,
                on=raise_.on,
                detail=raise_.detail,
                records=RECORDS,
            )
        raised = advance(
            case,
            Step.RAISE,
            actor=cast.worker,
            on=raise_.on,
            detail=Raising(help_asked="Help me", strengths=("Loves drawing",)),
            records=RECORDS,
        )

        assert [r.key for r in error.value.reasons] == ["strengths"]
        assert raised.stage is Stage.RAISED

    def test_a_concern_is_due_to_be_taken_up_within_ten_working_days(self) -> None:
        case = good_case(steps=1)  # assessed on Tuesday 3 February 2026

        duties = obligations(case, today=dt.date(2026, 2, 3), records=RECORDS)

        assert [(o.rule, o.due) for o in duties] == [("P11", dt.date(2026, 2, 17))]


class TestP12JointContactFirst:
    def test_quotes_the_preference(self) -> None:
        """§25a makes the joint contact 'a lawful way to fulfil the duty'."""
        assert "lawful way to fulfil the duty" in RULES["P12"].basis

    def test_a_joint_contact_is_offered_when_the_criteria_are_met(self) -> None:
        case = advance(
            good_case(steps=3),
            Step.RECOGNISE_CRITERIA,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            detail=CriteriaMet(reasons="Hungry every day"),
            records=RECORDS,
        )

        duties = {o.duty: o for o in obligations(case, today=dt.date(2026, 2, 9), records=RECORDS)}

        assert duties[Duty.OFFER_JOINT_CONTACT].due == dt.date(2026, 2, 10)
        assert duties[Duty.NOTIFY_WITHOUT_DELAY].due == dt.date(2026, 2, 9)

    def test_a_timely_joint_contact_clears_the_duty_and_a_late_one_does_not(self) -> None:
        found = advance(
            good_case(steps=3),
            Step.RECOGNISE_CRITERIA,
            actor=CAST.worker,
            on=dt.date(2026, 2, 9),
            detail=CriteriaMet(reasons="Hungry every day"),
            records=RECORDS,
        )
        contact = JointContact(with_person=CAST.custodian, channel=Channel.PHONE, reasons="Hunger")

        timely = advance(
            found,
            Step.CONTACT_JOINTLY,
            actor=CAST.worker,
            on=dt.date(2026, 2, 10),
            detail=contact,
            records=RECORDS,
        )
        late = advance(
            found,
            Step.CONTACT_JOINTLY,
            actor=CAST.worker,
            on=dt.date(2026, 2, 16),
            detail=contact,
            records=RECORDS,
        )

        # The contact is received by social services either way: their L9 clock runs.
        def owed(case: Case) -> set[str]:
            return {o.rule for o in obligations(case, today=dt.date(2026, 2, 16), records=RECORDS)}

        assert owed(timely) == {"L9"}
        assert owed(late) == {"L1", "P12", "L9"}


class TestP13WithTheFamily:
    def test_quotes_open_dialogue(self) -> None:
        """'no talking about the family behind their backs'."""
        assert "behind their backs" in RULES["P13"].basis

    def test_a_meeting_without_the_family_is_refused(self) -> None:
        hold = step_of(Step.HOLD_MEETING)
        meeting = held()
        without = attrs.evolve(
            meeting,
            participants=tuple(p for p in meeting.participants if not p.role.is_family),
            speaking_order=(),
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=7),
                hold.step,
                actor=hold.actor,
                on=hold.on,
                detail=without,
                records=RECORDS,
            )

        assert "P13" in error.value.codes

    def test_a_plan_must_come_from_the_meeting_held(self) -> None:
        agree = step_of(Step.AGREE_PLAN)
        plan = attrs.evolve(agreed(), meeting=MeetingId("m-other"))

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=8),
                agree.step,
                actor=agree.actor,
                on=agree.on,
                detail=plan,
                records=RECORDS,
            )

        assert [r.key for r in error.value.reasons] == ["plan_meeting"]


class TestP14AnticipationDialogue:
    def test_quotes_the_method(self) -> None:
        """'two facilitators not involved in the case'; family 'before the professionals'."""
        basis = RULES["P14"].basis
        assert "two facilitators not involved in the case" in basis
        assert "before the professionals" in basis

    def hold(
        self, records: Records = RECORDS, **changes: object
    ) -> pytest.ExceptionInfo[TransitionNotAllowedError]:
        hold = step_of(Step.HOLD_MEETING)
        meeting = attrs.evolve(held(), **changes)  # type: ignore[arg-type]
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=7),
                hold.step,
                actor=hold.actor,
                on=hold.on,
                detail=meeting,
                records=records,
            )
        return error

    def test_needs_two_facilitators(self) -> None:
        meeting = held()
        one = tuple(p for p in meeting.participants if p.role is not MeetingRole.RECORDER)

        error = self.hold(participants=one)

        assert [r.key for r in error.value.reasons] == ["facilitators"]

    def test_facilitators_come_from_outside_the_case(self) -> None:
        """Facilitators 'not involved in the case'.

        Here the records put both in the day care whose teacher's concern it is.
        """
        inside = with_professionals(
            attrs.evolve(p, unit=CAST.unit) if p.id in CAST.facilitators else p
            for p in RECORDS.professionals.values()
        )
        meeting = held()
        undeclared = tuple(
            Participant(person=p.person, role=p.role) if p.role.is_facilitator else p
            for p in meeting.participants
        )

        error = self.hold(inside, participants=undeclared)

        assert {r.key for r in error.value.reasons} == {"outside"}

    def test_facilitators_are_trained(self) -> None:
        """The records, not the meeting, say who is a trained network facilitator."""
        untrained = with_professionals(
            attrs.evolve(p, trained_facilitator=False) if p.id in CAST.facilitators else p
            for p in RECORDS.professionals.values()
        )

        error = self.hold(untrained)

        assert {r.key for r in error.value.reasons} == {"untrained"}

    def test_the_meeting_the_family_agreed_to_is_the_one_held(self) -> None:
        """The family agreed to an anticipation dialogue.

        Recording the meeting as a client meeting does not skip the dialogue's checks.
        """
        error = self.hold(kind=MeetingKind.CLIENT_MEETING, speaking_order=())

        assert {r.key for r in error.value.reasons} == {"kind"}

    def test_the_family_and_close_network_speak_first(self) -> None:
        order = held().speaking_order

        error = self.hold(speaking_order=tuple(reversed(order)))

        assert [r.key for r in error.value.reasons] == ["order"]

    def test_a_plan_needs_items_with_dates_and_a_follow_up(self) -> None:
        agree = step_of(Step.AGREE_PLAN)
        undated = PlanItem(id=PlanItemId("i-9"), what="Call", responsible=CAST.custodian)
        plan = attrs.evolve(agreed(), items=(undated,), follow_up_on=None)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=8),
                agree.step,
                actor=agree.actor,
                on=agree.on,
                detail=plan,
                records=RECORDS,
            )

        assert [r.key for r in error.value.reasons] == ["item_when", "follow_up"]

    def test_the_follow_up_is_on_the_worklist(self) -> None:
        case = good_case(steps=9)

        duty = next(
            o
            for o in obligations(case, today=dt.date(2026, 6, 1), records=RECORDS)
            if o.rule == "P14"
        )

        assert duty.due == dt.date(2026, 6, 18)
        assert duty.owed_by == CAST.worker


class TestP15CloseNetwork:
    def test_quotes_the_familys_choice(self) -> None:
        """'The family decides whom of their close network to invite'."""
        assert "family decides whom of their close network to invite" in RULES["P15"].basis

    def test_a_close_person_the_family_did_not_choose_is_refused(self) -> None:
        hold = step_of(Step.HOLD_MEETING)
        meeting = held()
        extra = (
            *meeting.participants,
            Participant(
                person=CAST.stranger,
                role=MeetingRole.CLOSE_NETWORK,
            ),
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=7),
                hold.step,
                actor=hold.actor,
                on=hold.on,
                detail=attrs.evolve(meeting, participants=extra),
                records=RECORDS,
            )

        assert error.value.codes == ("P15",)


class TestP16Responsible:
    def test_quotes_continuity(self) -> None:
        """'each plan item has a responsible person who took part or belongs to the network'."""
        assert "responsible person who took part" in RULES["P16"].basis

    def test_the_responsible_person_took_part_or_is_of_the_family_network(self) -> None:
        agree = step_of(Step.AGREE_PLAN)
        item = PlanItem(
            id=PlanItemId("i-9"),
            what="Call",
            responsible=CAST.stranger,
            due=agree.on + dt.timedelta(days=3),
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=8),
                agree.step,
                actor=agree.actor,
                on=agree.on,
                detail=attrs.evolve(agreed(), items=(item,)),
                records=RECORDS,
            )

        assert error.value.codes == ("P16",)

    def test_plan_items_coming_due_are_on_the_worklist(self) -> None:
        case = good_case(steps=9)  # plan agreed 20 March, items due 27 March and 17 April

        duties = [
            o
            for o in obligations(case, today=dt.date(2026, 4, 5), records=RECORDS)
            if o.rule == "P16"
        ]

        assert [(o.ref, o.overdue, o.owed_by_role) for o in duties] == [
            ("i-1", True, ActorRole.CLOSE_NETWORK),
            ("i-2", False, ActorRole.COLLEAGUE),
        ]

    def test_a_hand_over_names_another_worker(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=3),
                Step.HAND_OVER,
                actor=CAST.worker,
                on=dt.date(2026, 2, 9),
                detail=Handover(to=CAST.worker, unit=CAST.unit),
                records=RECORDS,
            )

        assert [r.key for r in error.value.reasons] == ["same_worker"]


class TestP17AreaMeetings:
    def test_quotes_the_area_work(self) -> None:
        """Area cooperation meetings 'about twice a year'."""
        assert "twice a year" in RULES["P17"].title.en

    def test_the_next_area_meeting_is_due_half_a_year_after_the_last(self) -> None:
        from openco.process import area_obligations  # noqa: PLC0415

        duty = area_obligations(held=[dt.date(2026, 3, 10)], today=dt.date(2026, 10, 1))[0]

        assert (duty.due, duty.overdue) == (dt.date(2026, 9, 10), True)


class TestWorkflowRules:
    def test_w1_refuses_a_step_the_stage_does_not_allow(self) -> None:
        """The transition table: 'a step is possible only from certain stages'."""
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=0),
                Step.CLOSE,
                actor=CAST.worker,
                on=CAST.opened_on,
                records=RECORDS,
            )

        assert error.value.codes == ("W1",)

    def test_w2_refuses_a_step_without_its_detail(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=0),
                Step.REASSESS,
                actor=CAST.worker,
                on=CAST.opened_on,
                records=RECORDS,
            )

        assert error.value.reasons[0].param("expected") == "ZoneAssessment"

    def test_w3_refuses_a_record_dated_before_the_previous_one(self) -> None:
        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(steps=4),
                Step.PROPOSE_MEETING,
                actor=CAST.worker,
                on=dt.date(2026, 1, 1),
                records=RECORDS,
            )

        assert error.value.codes == ("W3",)


def test_every_cast_worker_is_a_professional_id() -> None:
    assert isinstance(CAST, Cast)
    assert CAST.worker == ProfessionalId(PersonId("w-teacher"))
