"""Hypothesis tools for property-testing a workflow: casts, details, cases, step sequences.

* :class:`Cast` is a small, fixed set of invented people around one child (custodial mother,
  father without custody, close network, workers of four units, two outside facilitators),
  enough to exercise every rule.
* :func:`details` draws a detail for a step: mostly well-formed, sometimes deliberately wrong
  (a meeting without the family, a notification by unprotected e-mail, a consent from the
  parent without custody …) so that guards get to refuse.
* :func:`step_sequences` and :func:`cases` draw sequences of steps and the cases they lead to.
* :class:`WorkflowStateMachine` is a :class:`~hypothesis.stateful.RuleBasedStateMachine` that
  tries random steps on a case and checks what must always hold. Subclass it with your own
  ``workflow`` to property-test a municipality's variant::

      class RovaniemiWorkflow(WorkflowStateMachine):
          workflow = DEFAULT_WORKFLOW.configured(disabled=["P14"])

      TestRovaniemiWorkflow = RovaniemiWorkflow.TestCase

Requires the ``testing`` extra (Hypothesis).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import ClassVar

import attrs
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from openco.errors import TransitionNotAllowedError
from openco.model.concern import Concern, ConcernZone, GreySubzone, OwnMeans, ZoneAssessment
from openco.model.consent import Consent, ConsentGiver, DataScope
from openco.model.family import Custody, CustodyKind, Family
from openco.model.ids import (
    AreaId,
    ConcernId,
    ConsentId,
    FamilyId,
    MeetingId,
    PersonId,
    PlanId,
    PlanItemId,
    ProfessionalId,
    UnitId,
)
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting, MeetingKind, MeetingRole, Participant
from openco.model.person import Person
from openco.model.plan import Plan, PlanItem
from openco.model.service import Professional, ServiceKind, ServiceUnit
from openco.process.case import Case
from openco.process.details import (
    Consultation,
    FollowUp,
    Handover,
    Invitation,
    Preparation,
    Provision,
    Raising,
    StatutoryBasis,
)
from openco.process.records import Records
from openco.process.stages import ActorRole, Step
from openco.process.statutory import (
    Channel,
    CriteriaMet,
    JointContact,
    Milestone,
    Notification,
    PoliceNotification,
    Recipient,
    SuspectedOffence,
)
from openco.process.transitions import DEFAULT_WORKFLOW, Workflow
from openco.process.workflow import advance, allowed_steps, open_case, replay

__all__ = [
    "Attempt",
    "Cast",
    "WorkflowStateMachine",
    "attempts",
    "cases",
    "details",
    "good_case",
    "good_path",
    "make_cast",
    "step_sequences",
]


@attrs.frozen(kw_only=True)
class Cast:
    """Invented people around one child, and the concern a day-care teacher has about her.

    Every id is fixed, so tests can name people: ``cast.custodian`` (custodial mother),
    ``cast.parent`` (father without custody), ``cast.child``, ``cast.close_network``
    (grandmother and neighbour), ``cast.stranger`` (a close person the family did not choose),
    the ``worker`` of ``unit`` (day care), a ``colleague`` of ``colleague_unit`` (child health
    clinic), a ``social_worker`` of ``social_unit`` and two ``facilitators`` of
    ``facilitator_unit``. ``cast.records`` holds them as an embedding system's registers would:
    the four units (day care under the municipality, the others under the wellbeing area), the
    five professionals (all mandated notifiers; the facilitators trained) and the family.
    """

    family: Family
    concern: Concern
    child: PersonId
    custodian: PersonId
    parent: PersonId
    close_network: tuple[PersonId, PersonId]
    stranger: PersonId
    worker: ProfessionalId
    unit: UnitId
    colleague: ProfessionalId
    colleague_unit: UnitId
    social_worker: ProfessionalId
    social_unit: UnitId
    facilitators: tuple[ProfessionalId, ProfessionalId]
    facilitator_unit: UnitId
    records: Records

    @property
    def opened_on(self) -> dt.date:
        """The day the concern was noticed (and the case is opened)."""
        return self.concern.noticed_on


def make_cast(
    *,
    noticed_on: dt.date = dt.date(2026, 2, 2),
    zone: ConcernZone = ConcernZone.GREY,
    strengths: tuple[str, ...] = ("Warm with her grandmother",),
) -> Cast:
    """A :class:`Cast` whose concern was noticed on *noticed_on* in *zone*.

    >>> cast = make_cast()
    >>> cast.family.is_custodian(cast.custodian, cast.child), cast.concern.zone.value
    (True, 'grey')
    """
    child = Person(id=PersonId("p-child"), name="Aino", birth_date=dt.date(2021, 6, 1))
    mother = Person(id=PersonId("p-mum"), name="Laura", birth_date=dt.date(1992, 3, 4))
    father = Person(id=PersonId("p-dad"), name="Mikko", birth_date=dt.date(1990, 9, 9))
    family = Family(
        id=FamilyId("f-1"),
        members=(mother, father, child),
        home_area=AreaId("vaaralampi"),
        custody=(
            Custody(child=child.id, adult=mother.id, kind=CustodyKind.CUSTODIAL_PARENT),
            Custody(child=child.id, adult=father.id, kind=CustodyKind.NON_CUSTODIAL_PARENT),
        ),
    )
    concern = Concern(
        id=ConcernId("c-1"),
        worker=ProfessionalId(PersonId("w-teacher")),
        child=child.id,
        family=family.id,
        noticed_on=noticed_on,
        assessments=(
            ZoneAssessment(
                on=noticed_on,
                assessor=ProfessionalId(PersonId("w-teacher")),
                zone=zone,
                subzone=GreySubzone.LOWER if zone is ConcernZone.GREY else None,
                own_means=OwnMeans.RUNNING_OUT,
            ),
        ),
        worries=("Tired and withdrawn in the mornings",),
        strengths=strengths,
    )
    units = (
        ServiceUnit(id=UnitId("u-daycare"), name="Päiväkoti Vaara",
                    kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION, areas={family.home_area}),
        ServiceUnit(id=UnitId("u-clinic"), name="Lastenneuvola",
                    kind=ServiceKind.CHILD_HEALTH_CLINIC, areas={family.home_area}),
        ServiceUnit(id=UnitId("u-social"), name="Lapsiperheiden sosiaalityö",
                    kind=ServiceKind.FAMILY_SOCIAL_WORK, areas={family.home_area}),
        ServiceUnit(id=UnitId("u-network"), name="Verkostotiimi",
                    kind=ServiceKind.FAMILY_COUNSELLING, areas={family.home_area},
                    in_family_centre=True),
    )  # fmt: skip

    def professional(
        pid: str, name: str, unit: str, profession: str, *, trained: bool = False
    ) -> Professional:
        return Professional(
            id=ProfessionalId(PersonId(pid)), name=name, unit=UnitId(unit),
            profession=profession, mandated_notifier=True, trained_facilitator=trained,
        )  # fmt: skip

    records = Records(
        professionals=(
            professional("w-teacher", "Sari", "u-daycare", "early childhood teacher"),
            professional("w-nurse", "Henna", "u-clinic", "public health nurse"),
            professional("w-social", "Outi", "u-social", "social worker"),
            professional("w-fac1", "Pekka", "u-network", "family counsellor", trained=True),
            professional("w-fac2", "Riikka", "u-network", "psychologist", trained=True),
        ),
        units=units,
        families=(family,),
    )
    return Cast(
        family=family,
        concern=concern,
        child=child.id,
        custodian=mother.id,
        parent=father.id,
        close_network=(PersonId("n-gran"), PersonId("n-neighbour")),
        stranger=PersonId("n-uncle"),
        worker=ProfessionalId(PersonId("w-teacher")),
        unit=UnitId("u-daycare"),
        colleague=ProfessionalId(PersonId("w-nurse")),
        colleague_unit=UnitId("u-clinic"),
        social_worker=ProfessionalId(PersonId("w-social")),
        social_unit=UnitId("u-social"),
        facilitators=(ProfessionalId(PersonId("w-fac1")), ProfessionalId(PersonId("w-fac2"))),
        facilitator_unit=UnitId("u-network"),
        records=records,
    )


@attrs.frozen(kw_only=True)
class Attempt:
    """A step to try: by whom, in what role, on which day, with which detail and consents.

    *records* are the registers the step is judged by (the cast's).
    """

    step: LabelledEnum
    actor: PersonId
    role: ActorRole
    on: dt.date
    records: Records
    detail: object = None
    consents: tuple[Consent, ...] = ()

    def apply(self, case: Case, workflow: Workflow = DEFAULT_WORKFLOW) -> Case:
        """``advance`` the case by this attempt."""
        return advance(
            case,
            self.step,
            actor=self.actor,
            role=self.role,
            on=self.on,
            records=self.records,
            detail=self.detail,
            consents=self.consents,
            workflow=workflow,
        )


def good_path(cast: Cast) -> tuple[Attempt, ...]:
    """Twelve steps that take the cast's case from noticed to closed, every rule satisfied.

    Assess, prepare, raise, continue with own means, re-assess, propose a network meeting,
    agree it with the family (with consent for the clinic), hold an anticipation dialogue,
    agree the plan, hand over to the clinic's nurse, follow up, close.

    >>> cast = make_cast()
    >>> case = open_case(cast.concern, family=cast.family, on=cast.opened_on,
    ...                  records=cast.records)
    >>> for attempt in good_path(cast):
    ...     case = attempt.apply(case)
    >>> case.stage.value, len(case.history)
    ('closed', 13)
    """
    day = cast.opened_on
    worker, nurse = cast.worker, cast.colleague
    first, second = cast.facilitators
    gran, neighbour = cast.close_network

    days_seen: dict[int, dt.date] = {}

    def on(days: int) -> dt.date:
        # One date object per day, as an embedding system that parses its dates once would have.
        return days_seen.setdefault(days, day + dt.timedelta(days=days))

    consent = Consent(
        id=ConsentId("k-clinic"),
        family=cast.family.id,
        subject=cast.child,
        given_by=cast.custodian,
        giver=ConsentGiver.CUSTODIAN,
        scopes={DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN},
        units={cast.colleague_unit, cast.facilitator_unit},
        valid_from=on(32),
    )
    meeting = Meeting(
        id=MeetingId("m-ad"),
        kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=on(46),
        family=cast.family.id,
        participants=(
            Participant(person=cast.custodian, role=MeetingRole.CUSTODIAN),
            Participant(person=gran, role=MeetingRole.CLOSE_NETWORK),
            Participant(person=neighbour, role=MeetingRole.CLOSE_NETWORK),
            Participant(person=worker, role=MeetingRole.INITIATOR, unit=cast.unit),
            Participant(person=nurse, role=MeetingRole.PROFESSIONAL, unit=cast.colleague_unit),
            Participant(person=first, role=MeetingRole.INTERVIEWER, unit=cast.facilitator_unit),
            Participant(person=second, role=MeetingRole.RECORDER, unit=cast.facilitator_unit),
        ),
        speaking_order=(cast.custodian, gran, neighbour, worker, nurse),
    )
    plan = Plan(
        id=PlanId("plan-1"),
        meeting=meeting.id,
        family=cast.family.id,
        agreed_on=on(46),
        follow_up_on=on(136),
        items=(
            PlanItem(
                id=PlanItemId("i-1"),
                what="Fetch Aino from day care on Tuesdays",
                responsible=gran,
                due=on(53),
            ),
            PlanItem(
                id=PlanItemId("i-2"),
                what="Morning routine chat with the nurse",
                responsible=nurse,
                with_whom={cast.custodian},
                due=on(74),
            ),
        ),
    )

    def assessment(days: int, zone: ConcernZone, subzone: GreySubzone | None) -> ZoneAssessment:
        return ZoneAssessment(
            on=on(days), assessor=worker, zone=zone, subzone=subzone, own_means=OwnMeans.RUNNING_OUT
        )

    role = ActorRole.WORKER
    attempt = functools.partial(Attempt, records=cast.records)
    return (
        attempt(step=Step.ASSESS, actor=worker, role=role, on=on(1),
                detail=assessment(1, ConcernZone.GREY, GreySubzone.LOWER)),
        attempt(step=Step.PREPARE, actor=worker, role=role, on=on(3), detail=Preparation(
            worry_and_help_needed="Aino is tired and withdrawn; I need her mother's view",
            what_has_worked="Short chats at pick-up time",
            how_to_say_it="Start from how she plays, then my worry, then ask for help",
            expected_reaction="Surprised at first, then relieved to talk",
        )),
        attempt(step=Step.RAISE, actor=worker, role=role, on=on(7),
                detail=Raising(help_asked="Could you help me understand her mornings?")),
        attempt(step=Step.CONTINUE, actor=worker, role=role, on=on(7)),
        attempt(step=Step.REASSESS, actor=worker, role=role, on=on(28),
                detail=assessment(28, ConcernZone.GREY, GreySubzone.UPPER)),
        attempt(step=Step.PROPOSE_MEETING, actor=worker, role=role, on=on(28)),
        attempt(step=Step.AGREE_TO_MEET, actor=worker, role=role, on=on(32),
                detail=Invitation(kind=MeetingKind.ANTICIPATION_DIALOGUE,
                                  close_network={gran, neighbour},
                                  units={cast.colleague_unit}),
                consents=(consent,)),
        attempt(step=Step.HOLD_MEETING, actor=worker, role=role, on=on(46), detail=meeting),
        attempt(step=Step.AGREE_PLAN, actor=worker, role=role, on=on(46), detail=plan),
        attempt(step=Step.HAND_OVER, actor=worker, role=role, on=on(60),
                detail=Handover(to=nurse, unit=cast.colleague_unit)),
        attempt(step=Step.FOLLOW_UP, actor=nurse, role=role, on=on(136),
                detail=FollowUp(note="Mornings are calmer; grandmother fetches her")),
        attempt(step=Step.CLOSE, actor=nurse, role=role, on=on(136)),
    )  # fmt: skip


def good_case(
    cast: Cast | None = None, *, steps: int = 12, workflow: Workflow = DEFAULT_WORKFLOW
) -> Case:
    """The cast's case after the first *steps* steps of :func:`good_path` (0 to 12).

    >>> good_case(steps=8).stage.value
    'meeting_held'
    """
    cast = make_cast() if cast is None else cast
    case = open_case(
        cast.concern, family=cast.family, on=cast.opened_on, records=cast.records,
        workflow=workflow,
    )  # fmt: skip
    for attempt in good_path(cast)[:steps]:
        case = attempt.apply(case, workflow)
    return case


def _consent(cast: Cast, on: dt.date, *, valid: bool, serial: int) -> Consent:
    giver = cast.custodian if valid else cast.parent
    return Consent(
        id=ConsentId(f"k-{serial}"),
        family=cast.family.id,
        subject=cast.child,
        given_by=giver,
        giver=ConsentGiver.CUSTODIAN,
        scopes={DataScope.CONCERN, DataScope.MEETING},
        units={cast.colleague_unit, cast.social_unit},
        valid_from=on,
    )


def _zone_assessments(on: dt.date, assessor: ProfessionalId) -> st.SearchStrategy[ZoneAssessment]:
    return st.builds(
        ZoneAssessment,
        on=st.just(on),
        assessor=st.just(assessor),
        zone=st.sampled_from([ConcernZone.SMALL, ConcernZone.GREY, ConcernZone.NONE]),
        own_means=st.sampled_from(OwnMeans),
    )


@st.composite
def _meeting(draw: st.DrawFn, cast: Cast, case: Case, on: dt.date) -> Meeting:
    invitation = case.invitation
    kind = invitation.kind if invitation is not None else MeetingKind.CLIENT_MEETING
    family = draw(st.sampled_from([(cast.custodian, cast.child), (cast.custodian,), ()]))
    close = draw(
        st.sampled_from(
            [cast.close_network, cast.close_network[:1], (), (cast.close_network[0], cast.stranger)]
        )
    )
    participants = [Participant(person=p, role=MeetingRole.CUSTODIAN) for p in family[:1]]
    participants += [Participant(person=p, role=MeetingRole.CHILD) for p in family[1:]]
    participants += [Participant(person=p, role=MeetingRole.CLOSE_NETWORK) for p in close]
    participants.append(
        Participant(person=case.contact, role=MeetingRole.INITIATOR, unit=case.unit)
    )
    if cast.colleague != case.contact and draw(st.booleans()):
        participants.append(
            Participant(
                person=cast.colleague, role=MeetingRole.PROFESSIONAL, unit=cast.colleague_unit
            )
        )
    facilitators = draw(st.sampled_from(["two", "two", "one", "insider"]))
    # An "insider" facilitator comes from the case's own unit, against P14.
    facilitator_unit = case.unit if facilitators == "insider" else cast.facilitator_unit
    first, second = cast.facilitators
    participants.append(
        Participant(person=first, role=MeetingRole.INTERVIEWER, unit=facilitator_unit)
    )
    if facilitators != "one":
        participants.append(
            Participant(person=second, role=MeetingRole.RECORDER, unit=cast.facilitator_unit)
        )
    speakers = [p.person for p in participants if not p.role.is_facilitator]
    if draw(st.booleans()):
        speakers.reverse()  # professionals first: against P14 when there are both
    return Meeting(
        id=MeetingId(f"m-{len(case.history)}"),
        kind=kind,
        held_on=on,
        family=cast.family.id,
        participants=tuple(participants),
        speaking_order=tuple(speakers),
    )


@st.composite
def _plan(draw: st.DrawFn, cast: Cast, case: Case, on: dt.date) -> Plan:
    meeting = case.meeting
    meeting_id = meeting.id if meeting is not None and draw(st.booleans()) else MeetingId("m-x")
    if meeting is not None and draw(st.integers(0, 3)):
        meeting_id = meeting.id
    people = [cast.custodian, *cast.close_network, case.contact, cast.stranger]
    count = draw(st.integers(0, 2))
    items = tuple(
        PlanItem(
            id=PlanItemId(f"i-{index}"),
            what="Fetch Aino from day care on Tuesdays",
            responsible=draw(st.sampled_from(people)),
            due=on + dt.timedelta(days=14) if draw(st.integers(0, 5)) else None,
        )
        for index in range(count)
    )
    follow_up = on + dt.timedelta(days=90) if draw(st.integers(0, 5)) else None
    return Plan(
        id=PlanId(f"plan-{len(case.history)}"),
        meeting=meeting_id,
        family=cast.family.id,
        agreed_on=on,
        items=items,
        follow_up_on=follow_up,
    )


def _channels() -> st.SearchStrategy[Channel]:
    return st.sampled_from([Channel.PHONE, Channel.FORM, Channel.UNPROTECTED_EMAIL])


_Drawer = Callable[[Cast, Case, dt.date], st.SearchStrategy[object]]


def _preparations(_cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Preparation,
        worry_and_help_needed=st.just("How to help Aino in the mornings"),
        what_has_worked=st.just("Talking at pick-up time"),
        how_to_say_it=st.just("Start from what goes well"),
        expected_reaction=st.just("Surprised, then relieved"),
        opens_dialogue=st.sampled_from([True, True, True, False]),
    )


def _raisings(_cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Raising,
        help_asked=st.just("Could you help me understand her mornings?"),
        strengths=st.sampled_from([(), ("Laughs a lot with friends",)]),
    )


def _consultations(cast: Cast, case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Consultation,
        unit=st.sampled_from([cast.colleague_unit, cast.social_unit, case.unit]),
        identifying=st.booleans(),
        social_services=st.booleans(),
        statutory_basis=st.sampled_from(
            [
                None,
                None,
                StatutoryBasis(
                    provision=Provision.SOCIAL_WELFARE_ACT_35_2,
                    decided_by=case.contact,
                    reason="The child's interest",
                    units={cast.social_unit},
                ),
            ]
        ),
    )


def _invitations(cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Invitation,
        kind=st.sampled_from([MeetingKind.ANTICIPATION_DIALOGUE, MeetingKind.CLIENT_MEETING]),
        close_network=st.sampled_from([cast.close_network, cast.close_network[:1], ()]),
        units=st.sampled_from([(), (cast.colleague_unit,)]),
    )


def _follow_ups(cast: Cast, case: Case, on: dt.date) -> st.SearchStrategy[object]:
    return st.one_of(
        st.just(FollowUp(note="Mornings are calmer")),
        _meeting(cast, case, on).map(lambda m: FollowUp(meeting=m)),
    )


def _handovers(cast: Cast, case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Handover,
        to=st.sampled_from([cast.colleague, case.contact]),
        unit=st.just(cast.colleague_unit),
    )


def _criteria(_cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        CriteriaMet,
        reasons=st.just("Bruises seen twice"),
        suspected_offence=st.sampled_from([None, None, SuspectedOffence.LIFE_OR_HEALTH]),
    )


def _joint_contacts(cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        JointContact,
        with_person=st.sampled_from([cast.custodian, cast.child, cast.parent, cast.stranger]),
        channel=_channels(),
        reasons=st.sampled_from(["Worried about her mornings", None]),
    )


def _notifications(_cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Notification,
        channel=_channels(),
        recipient=st.sampled_from(Recipient),
        reasons=st.just("Bruises seen twice"),
        mandated_notifier=st.booleans(),
        child_told=st.booleans(),
        custodian_told=st.booleans(),
        anonymous=st.booleans(),
    )


def _police_notifications(_cast: Cast, _case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        PoliceNotification,
        offence=st.sampled_from(SuspectedOffence),
        channel=_channels(),
        reasons=st.just("Suspected assault"),
    )


_DRAWERS: dict[LabelledEnum, _Drawer] = {
    Step.ASSESS: lambda _cast, case, on: _zone_assessments(on, case.contact),
    Step.REASSESS: lambda _cast, case, on: _zone_assessments(on, case.contact),
    Step.START_NEW_CYCLE: lambda _cast, case, on: _zone_assessments(on, case.contact),
    Step.PREPARE: _preparations,
    Step.RAISE: _raisings,
    Step.CONSULT: _consultations,
    Step.AGREE_TO_MEET: _invitations,
    Step.HOLD_MEETING: _meeting,
    Step.AGREE_PLAN: _plan,
    Step.FOLLOW_UP: _follow_ups,
    Step.HAND_OVER: _handovers,
    Step.RECOGNISE_CRITERIA: _criteria,
    Step.CONTACT_JOINTLY: _joint_contacts,
    Step.NOTIFY_CHILD_WELFARE: _notifications,
    Step.NOTIFY_POLICE: _police_notifications,
    Step.REPORT_ASSESSMENT: lambda _cast, _case, _on: st.sampled_from(Milestone),
}


@st.composite
def details(draw: st.DrawFn, cast: Cast, case: Case, step: LabelledEnum, on: dt.date) -> object:
    """A detail for *step* on *on* in *case*: usually the right type, sometimes nothing at all.

    The values lean towards what the rules accept but include what they refuse.
    """
    if draw(st.integers(0, 19)) == 0:
        return None
    drawer = _DRAWERS.get(step)
    return None if drawer is None else draw(drawer(cast, case, on))


@st.composite
def attempts(
    draw: st.DrawFn,
    cast: Cast,
    case: Case,
    *,
    steps: st.SearchStrategy[LabelledEnum] | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Attempt:
    """An :class:`Attempt` at a step (any step of *workflow* unless *steps* is given)."""
    step = draw(steps if steps is not None else st.sampled_from(workflow.steps))
    gap = draw(st.integers(-1, 20) if draw(st.integers(0, 29)) == 0 else st.integers(0, 20))
    on = case.last_on + dt.timedelta(days=gap)
    detail = draw(details(cast, case, step, on))
    role = ActorRole.WORKER
    actor: PersonId = case.contact
    if step in (Step.CONFIRM_INITIATION, Step.REPORT_ASSESSMENT) and draw(st.integers(0, 4)):
        role, actor = ActorRole.SOCIAL_SERVICES, cast.social_worker
    elif draw(st.integers(0, 14)) == 0:
        role, actor = ActorRole.COLLEAGUE, cast.colleague
    consents: tuple[Consent, ...] = ()
    if step in (Step.AGREE_TO_MEET, Step.CONSULT) and draw(st.booleans()):
        consents = (
            _consent(cast, on, valid=draw(st.integers(0, 3)) > 0, serial=len(case.history)),
        )
    return Attempt(
        step=step, actor=actor, role=role, on=on, records=cast.records, detail=detail,
        consents=consents,
    )  # fmt: skip


def step_sequences(
    *, workflow: Workflow = DEFAULT_WORKFLOW, min_size: int = 0, max_size: int = 12
) -> st.SearchStrategy[list[LabelledEnum]]:
    """Lists of steps of *workflow*, each any step it knows (allowed or not)."""
    return st.lists(st.sampled_from(workflow.steps), min_size=min_size, max_size=max_size)


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    workflow: Workflow = DEFAULT_WORKFLOW,
    casts: st.SearchStrategy[Cast] | None = None,
    max_steps: int = 12,
) -> Case:
    """A case opened from a cast's concern and moved by up to *max_steps* attempts.

    Refused attempts are skipped, so the case is whatever the accepted ones made of it.
    """
    cast = draw(casts if casts is not None else st.just(make_cast()))
    case = open_case(
        cast.concern, family=cast.family, on=cast.opened_on, records=cast.records,
        workflow=workflow,
    )  # fmt: skip
    for _ in range(draw(st.integers(0, max_steps))):
        allowed = sorted(allowed_steps(case, workflow=workflow), key=lambda s: s.value)
        attempt = draw(attempts(cast, case, steps=st.sampled_from(allowed), workflow=workflow))
        try:
            case = attempt.apply(case, workflow)
        except TransitionNotAllowedError:
            continue
    return case


class WorkflowStateMachine(RuleBasedStateMachine):
    """Tries random steps on one case and checks the workflow's promises after each.

    After every attempt:

    * a refused step raised :class:`~openco.errors.TransitionNotAllowedError` with at least one
      reason, each with a message in fi, sv and en, and the case is unchanged;
    * an accepted step added exactly one record, the one tried;
    * ``replay(case.history) == case``;
    * the statutory track is allowed at the current stage, and a well-formed notification is
      accepted there whatever the dialogue track says;
    * no case has a plan unless the family took part in the meeting it was agreed in (when P13
      is switched on).

    Set ``workflow`` (and ``cast``) in a subclass to check your own variant.
    """

    workflow: ClassVar[Workflow] = DEFAULT_WORKFLOW
    cast: ClassVar[Cast] = make_cast()

    def __init__(self) -> None:
        super().__init__()
        self.case: Case | None = None
        self.cast_now: Cast = self.cast
        self.refused = 0
        self.accepted = 0

    @initialize(zone=st.sampled_from(ConcernZone))
    def open(self, zone: ConcernZone) -> None:
        """Open the case from the cast's concern, graded in *zone*."""
        first = attrs.evolve(self.cast.concern.current, zone=zone, subzone=None)
        cast = attrs.evolve(
            self.cast, concern=attrs.evolve(self.cast.concern, assessments=(first,))
        )
        self.cast_now = cast
        self.case = open_case(
            cast.concern,
            family=cast.family,
            on=cast.opened_on,
            records=cast.records,
            workflow=self.workflow,
        )

    @rule(data=st.data())
    def try_a_step(self, data: st.DataObject) -> None:
        """Try any step of the workflow with a drawn detail, and check what happened."""
        case = self._case()
        # Mostly a step of the table that the stage allows, so that cases travel far; sometimes
        # a side step or a statutory one; sometimes any step at all.
        workflow = self.workflow
        allowed = sorted(allowed_steps(case, workflow=workflow), key=lambda s: s.value)
        side = workflow.statutory_steps | {loop.step for loop in workflow.loops}
        forward = [s for s in allowed if s not in side]
        choice = data.draw(st.integers(0, 9))
        if choice < 2:  # noqa: PLR2004 - one in five
            steps = st.sampled_from(workflow.steps)
        elif choice < 4 or not forward:  # noqa: PLR2004 - one in five
            steps = st.sampled_from(allowed)
        else:
            steps = st.sampled_from(forward)
        attempt = data.draw(attempts(self.cast_now, case, steps=steps, workflow=self.workflow))
        before = case.history
        try:
            after = attempt.apply(case, self.workflow)
        except TransitionNotAllowedError as refusal:
            self.refused += 1
            assert refusal.reasons, "a refusal gives at least one reason"
            for reason in refusal.reasons:
                assert all(reason.message(language) for language in ("fi", "sv", "en"))
            assert case.history is before, "a refused step leaves the case unchanged"
            assert refusal.stage is case.stage
            return
        self.accepted += 1
        assert len(after.history) == len(before) + 1, "an accepted step adds exactly one record"
        assert after.history[:-1] == before
        assert after.history[-1].step is attempt.step
        assert after.history[-1].detail is attempt.detail
        self.case = after

    def _case(self) -> Case:
        assert self.case is not None
        return self.case

    @invariant()
    def history_replays_to_the_same_case(self) -> None:
        """``replay(case.history) == case``."""
        if self.case is not None:
            records, today = self.cast_now.records, self.case.last_on
            again = replay(self.case.history, records=records, today=today, workflow=self.workflow)
            assert again == self.case

    @invariant()
    def statutory_track_is_open_at_every_stage(self) -> None:
        """Every statutory step is allowed, and a proper notification is accepted."""
        if self.case is None:
            return
        case = self.case
        assert self.workflow.statutory_steps <= allowed_steps(case, workflow=self.workflow)
        if Step.NOTIFY_CHILD_WELFARE in self.workflow.statutory_steps:
            notified = advance(
                case,
                Step.NOTIFY_CHILD_WELFARE,
                actor=case.contact,
                on=case.last_on,
                records=self.cast_now.records,
                detail=Notification(
                    channel=Channel.PHONE,
                    recipient=Recipient.SOCIAL_SERVICES,
                    reasons="The criteria of §25 are met",
                    mandated_notifier=True,
                    child_told=False,
                    custodian_told=True,
                ),
                workflow=self.workflow,
            )
            assert notified.stage is case.stage

    @invariant()
    def no_plan_without_the_family(self) -> None:
        """A plan is only ever agreed in a meeting the family took part in."""
        if self.case is None or not self.workflow.is_enabled("P13"):
            return
        meetings = {
            r.detail.id: r.detail for r in self.case.history if isinstance(r.detail, Meeting)
        }
        for record in self.case.history:
            if isinstance(record.detail, Plan):
                meeting = meetings.get(record.detail.meeting)
                assert meeting is not None
                assert meeting.family_present
