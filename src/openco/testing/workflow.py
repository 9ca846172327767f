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
from collections.abc import Callable, Iterable
from typing import ClassVar, Final

import attrs
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from openco.errors import TransitionNotAllowedError
from openco.model.concern import Concern, ConcernZone, GreySubzone, OwnMeans, ZoneAssessment
from openco.model.consent import Consent, ConsentDecision, ConsentGiver, DataScope
from openco.model.family import Custody, CustodyKind, Family, InterpreterNeed
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
from openco.model.meeting import (
    AbsenceReason,
    CustodiansAbsent,
    Meeting,
    MeetingKind,
    MeetingRole,
    Participant,
)
from openco.model.person import Person
from openco.model.plan import NoViewReason, Plan, PlanItem, View, ViewNotSought
from openco.model.recurrence import Frequency, Recurrence
from openco.model.service import Professional, ServiceKind, ServiceUnit
from openco.process.case import Case, StepTaken
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
from openco.process.worklist import obligations
from openco.testing import _oracle

__all__ = [
    "Attempt",
    "Cast",
    "WorkflowStateMachine",
    "attempts",
    "cases",
    "casts",
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
    ``cast.consents`` are the family's declarations that steps may pass (consents, refusals
    and prohibitions, some of them not valid), ``cast.bases`` statutory bases a worker may
    state. :func:`make_cast` builds the fixed cast; :func:`casts` draws varied ones.
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
    consents: tuple[Consent, ...] = ()
    bases: tuple[StatutoryBasis, ...] = ()

    @property
    def custodians(self) -> tuple[PersonId, ...]:
        """The child's custodians, as the records' family says."""
        return self.family.custodians_of(self.child)

    @property
    def professionals(self) -> tuple[Professional, ...]:
        """Every professional the records know."""
        return tuple(self.records.professionals.values())

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
        consents=(
            _declaration("k-mum", family, child.id, mother.id, noticed_on,
                         units={UnitId("u-clinic"), UnitId("u-social")}),
            # The father has no custody: his word counts for nothing.
            _declaration("k-dad", family, child.id, father.id, noticed_on,
                         units={UnitId("u-clinic"), UnitId("u-social")}),
        ),
        bases=(
            StatutoryBasis(
                provision=Provision.SOCIAL_WELFARE_ACT_35_2,
                decided_by=ProfessionalId(PersonId("w-teacher")),
                reason="The child's interest",
                units={UnitId("u-social")},
            ),
        ),
    )  # fmt: skip


def _declaration(
    consent_id: str,
    family: Family,
    child: PersonId,
    given_by: PersonId,
    valid_from: dt.date,
    *,
    units: Iterable[UnitId],
    scopes: Iterable[DataScope] = (DataScope.CONCERN, DataScope.MEETING),
    decision: ConsentDecision = ConsentDecision.GIVEN,
    people: Iterable[PersonId] = (),
    valid_until: dt.date | None = None,
    judged_capable: bool | None = None,
) -> Consent:
    return Consent(
        id=ConsentId(consent_id),
        family=family.id,
        subject=child,
        given_by=given_by,
        giver=ConsentGiver.SELF if given_by == child else ConsentGiver.CUSTODIAN,
        scopes=frozenset(scopes),
        units=frozenset(units),
        people=frozenset(people),
        valid_from=valid_from,
        valid_until=valid_until,
        decision=decision,
        judged_capable=judged_capable,
    )


_GHOST: Final = ProfessionalId(PersonId("w-ghost"))
"""A professional no register knows: steps by or with them are refused (W4)."""

# id, name, kind, profession of the units a drawn cast may hold; the first four always.
_UNITS: Final = (
    ("u-daycare", "Päiväkoti Vaara", ServiceKind.EARLY_CHILDHOOD_EDUCATION, "teacher"),
    ("u-clinic", "Lastenneuvola", ServiceKind.CHILD_HEALTH_CLINIC, "public health nurse"),
    ("u-social", "Lapsiperheiden sosiaalityö", ServiceKind.FAMILY_SOCIAL_WORK, "social worker"),
    ("u-network", "Verkostotiimi", ServiceKind.FAMILY_COUNSELLING, "family counsellor"),
    ("u-school", "Oppilashuolto", ServiceKind.SCHOOL_WELFARE, "school psychologist"),
    ("u-youth", "Nuorisotalo", ServiceKind.YOUTH_SERVICES, "youth worker"),
    ("u-welfare", "Lastensuojelu", ServiceKind.CHILD_WELFARE, "social worker"),
    ("u-ngo", "Perhekahvila", ServiceKind.NGO, "volunteer"),
)
_ALWAYS: Final = 4
_WORKER_UNITS: Final = frozenset({"u-daycare", "u-clinic", "u-school", "u-youth"})
_NAMES: Final = ("Sari", "Henna", "Outi", "Pekka", "Riikka", "Jaana", "Tuomo", "Kirsi", "Ville")


def _birth(draw: st.DrawFn, day: dt.date, age: int) -> dt.date:
    """A birth date that makes someone *age* years old (give or take a leap day) on *day*."""
    return day - dt.timedelta(days=365 * age + draw(st.integers(1, 360)))


@st.composite
def _units_and_professionals(
    draw: st.DrawFn, area: AreaId
) -> tuple[tuple[ServiceUnit, ...], tuple[Professional, ...]]:
    optional = draw(st.lists(st.sampled_from(_UNITS[_ALWAYS:]), unique=True))
    units: list[ServiceUnit] = []
    professionals: list[Professional] = []
    names = iter(_NAMES * 4)
    for uid, name, kind, profession in (*_UNITS[:_ALWAYS], *optional):
        units.append(
            ServiceUnit(id=UnitId(uid), name=name, kind=kind, areas={area},
                        in_family_centre=uid == "u-network")
        )  # fmt: skip
        network = uid == "u-network"
        count = draw(st.integers(2, 3) if network else st.integers(1, 2))
        professionals.extend(
            Professional(
                id=ProfessionalId(PersonId(f"w-{uid[2:]}-{index + 1}")),
                name=next(names),
                unit=UnitId(uid),
                profession=profession,
                # An NGO's volunteer is not a mandated notifier; a few others are drawn so.
                mandated_notifier=kind is not ServiceKind.NGO and draw(st.integers(0, 9)) > 0,
                # The network team's first two are its trained facilitators.
                trained_facilitator=(network and index in {0, 1}) or draw(st.integers(0, 9)) == 0,
            )
            for index in range(count)
        )
    return tuple(units), tuple(professionals)


@st.composite
def _family(
    draw: st.DrawFn, day: dt.date, area: AreaId, child_age: int
) -> tuple[Family, PersonId, PersonId]:
    """A family with the concern's child, siblings, her custodian(s) and a parent without one."""
    child = Person(id=PersonId("p-child"), name="Aino", birth_date=_birth(draw, day, child_age))
    siblings = [
        Person(id=PersonId(f"p-sib{i}"), name=name, birth_date=_birth(draw, day, age))
        for i, (name, age) in enumerate(
            zip(("Eetu", "Iida"), draw(st.lists(st.integers(0, 17), max_size=2)), strict=False)
        )
    ]
    oldest = min(p.birth_date for p in (child, *siblings))
    mother = Person(
        id=PersonId("p-mum"),
        name="Laura",
        birth_date=oldest - dt.timedelta(days=365 * draw(st.integers(18, 35))),
    )
    father = Person(
        id=PersonId("p-dad"),
        name="Mikko",
        birth_date=oldest - dt.timedelta(days=365 * draw(st.integers(18, 40))),
    )
    custodian, parent = (mother, father) if draw(st.integers(0, 3)) else (father, mother)
    adults = [mother, father]
    kinds = {
        custodian.id: CustodyKind.CUSTODIAL_PARENT,
        parent.id: CustodyKind.NON_CUSTODIAL_PARENT,
    }
    if draw(st.booleans()):  # an aunt appointed as a second custodian
        aunt = Person(
            id=PersonId("p-aunt"), name="Sanna", birth_date=oldest - dt.timedelta(days=365 * 30)
        )
        adults.append(aunt)
        kinds[aunt.id] = CustodyKind.OTHER_CUSTODIAN
    custody = tuple(
        Custody(child=kid.id, adult=adult, kind=kind)
        for kid in (child, *siblings)
        for adult, kind in kinds.items()
    )
    needing = draw(st.sampled_from([None, None, custodian.id, custodian.id, parent.id, child.id]))
    needs = (
        (InterpreterNeed(person=needing, language=draw(st.sampled_from(["ar", "so", "ru"]))),)
        if needing is not None
        else ()
    )
    family = Family(
        id=FamilyId("f-1"),
        members=(*adults, child, *siblings),
        home_area=area,
        custody=custody,
        interpreter_needs=needs,
    )
    return family, custodian.id, parent.id


@st.composite
def _declarations(  # noqa: PLR0917 - the facts a declaration is drawn from
    draw: st.DrawFn,
    family: Family,
    child: PersonId,
    parent: PersonId,
    units: tuple[UnitId, ...],
    day: dt.date,
) -> tuple[Consent, ...]:
    """The family's declarations: mostly consents, some refused, some prohibitions."""
    custodians = family.custodians_of(child)
    givers = [*custodians, child, parent]
    everything = (DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN)
    found: list[Consent] = []
    for index in range(draw(st.integers(1, 5))):
        # The first declaration is usually a broad consent, so that cases travel far.
        broad = index == 0 and draw(st.integers(0, 3)) > 0
        given_by = draw(st.sampled_from(givers))
        if broad:  # the child's own where she decides by age, else a custodian's
            teen = (day - family.member(child).birth_date).days >= 365 * 12 + 3
            given_by = (
                child if teen and draw(st.integers(0, 3)) else draw(st.sampled_from(custodians))
            )
        decision = (
            ConsentDecision.GIVEN
            if broad
            else draw(st.sampled_from([*[ConsentDecision.GIVEN] * 3, *ConsentDecision]))
        )
        named = (
            [u for u in units if draw(st.integers(0, 3)) or draw(st.integers(0, 5))]
            if broad
            else draw(st.lists(st.sampled_from(units), min_size=1, max_size=3, unique=True))
        )
        people = [parent] if draw(st.integers(0, 3)) == 0 else []
        if not named and not people:
            named = [units[0]]
        scopes = (
            everything
            if broad or draw(st.booleans())
            else draw(st.lists(st.sampled_from(DataScope), min_size=1, max_size=3, unique=True))
        )
        start = day + dt.timedelta(days=draw(st.integers(-60, 60 if not broad else 10)))
        until = (
            start + dt.timedelta(days=draw(st.integers(0, 400)))
            if draw(st.integers(0, 3)) == 0
            else None
        )
        found.append(
            _declaration(
                f"k-{index}", family, child, given_by, start, units=named, scopes=scopes,
                decision=decision, people=people, valid_until=until,
                judged_capable=draw(st.sampled_from([None, None, None, True, False])),
            )
        )  # fmt: skip
    if draw(st.booleans()):  # a prohibition (kielto) by whoever speaks for the child
        teen = (day - family.member(child).birth_date).days >= 365 * 12 + 3
        found.append(
            _declaration(
                "k-kielto", family, child, child if teen else custodians[0],
                day - dt.timedelta(days=draw(st.integers(0, 30))),
                units={draw(st.sampled_from(units))}, decision=ConsentDecision.PROHIBITED,
                scopes=(DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN),
            )
        )  # fmt: skip
    return tuple(found)


@st.composite
def casts(
    draw: st.DrawFn,
    *,
    noticed_on: st.SearchStrategy[dt.date] | None = None,
    child_ages: st.SearchStrategy[int] | None = None,
) -> Cast:
    """A :class:`Cast` drawn with its records, declarations and statutory bases.

    The records hold the four units of :func:`make_cast` and some of a school's welfare team,
    youth services, child welfare and an NGO's family café, under two data controllers (the
    wellbeing area's social and health services, the municipality's early education and youth
    services; the NGO its own), each with one to three professionals (mandated notifiers or
    not, trained facilitators or not); the family has the concern's child (aged by
    *child_ages*, default 0 to 17, on the day *noticed_on*), siblings, one or two custodians,
    a parent without custody, and interpreter needs. The declarations are consents, refusals
    and prohibitions for named units (or the parent without custody) with scopes and
    validity, given by a custodian, by the child (judged able or not), or by the parent
    without custody (whose word counts for nothing); the bases are statutory bases stated for
    a social-services unit, and one stated for a clinic, which no provision allows.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(casts(child_ages=st.integers(12, 17)))
    ... def test_the_concern_is_about_a_child_of_the_family(cast: Cast) -> None:
    ...     assert cast.family.member(cast.child).age_on(cast.opened_on) in range(11, 18)
    ...     assert cast.records.professional(cast.worker) is not None
    ...     assert cast.parent not in cast.custodians
    >>> test_the_concern_is_about_a_child_of_the_family()
    """
    day = draw(
        noticed_on
        if noticed_on is not None
        else st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    )
    area = AreaId("vaaralampi")
    units, professionals = draw(_units_and_professionals(area))
    family, custodian, parent = draw(
        _family(day, area, draw(child_ages if child_ages is not None else st.integers(0, 17)))
    )
    by_unit: dict[UnitId, list[ProfessionalId]] = {}
    for professional in professionals:
        by_unit.setdefault(professional.unit, []).append(professional.id)
    unit = draw(st.sampled_from(sorted(u.id for u in units if u.id in _WORKER_UNITS)))
    worker = by_unit[unit][0]
    colleague_unit = UnitId("u-clinic") if unit != "u-clinic" else UnitId("u-daycare")
    social, network = UnitId("u-social"), UnitId("u-network")
    child = PersonId("p-child")
    first = ZoneAssessment(
        on=day, assessor=worker, zone=ConcernZone.GREY, subzone=GreySubzone.LOWER,
        own_means=OwnMeans.RUNNING_OUT,
    )  # fmt: skip
    concern = Concern(
        id=ConcernId("c-1"), worker=worker, child=child, family=family.id, noticed_on=day,
        assessments=(first,), worries=("Tired and withdrawn in the mornings",),
        strengths=("Warm with her grandmother",),
    )  # fmt: skip
    unit_ids = tuple(u.id for u in units if u.id != unit)
    welfare = [u.id for u in units if u.kind.is_social_services]
    bases = (
        StatutoryBasis(
            provision=draw(st.sampled_from(Provision)), decided_by=by_unit[social][0],
            reason="The child's interest requires it", units=set(welfare),
        ),
        StatutoryBasis(
            provision=Provision.SOCIAL_WELFARE_ACT_35_2, decided_by=worker,
            reason="Stated for the clinic, which no provision allows", units={colleague_unit},
        ),
    )  # fmt: skip
    return Cast(
        family=family,
        concern=concern,
        child=child,
        custodian=custodian,
        parent=parent,
        close_network=(PersonId("n-gran"), PersonId("n-neighbour")),
        stranger=PersonId("n-uncle"),
        worker=worker,
        unit=unit,
        colleague=by_unit[colleague_unit][0],
        colleague_unit=colleague_unit,
        social_worker=by_unit[social][0],
        social_unit=social,
        facilitators=(by_unit[network][0], by_unit[network][1]),
        facilitator_unit=network,
        records=Records(professionals=professionals, units=units, families=(family,)),
        consents=draw(_declarations(family, child, parent, unit_ids, day)),
        bases=bases,
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


def _zone_assessments(on: dt.date, assessor: ProfessionalId) -> st.SearchStrategy[ZoneAssessment]:
    return st.builds(
        ZoneAssessment,
        on=st.just(on),
        assessor=st.just(assessor),
        zone=st.sampled_from([ConcernZone.SMALL, ConcernZone.GREY, ConcernZone.NONE]),
        own_means=st.sampled_from(OwnMeans),
    )


def _others(cast: Cast, case: Case) -> list[Professional]:
    """The professionals of the records other than the case's contact worker."""
    return [p for p in cast.professionals if p.id != case.contact]


# Who of the family comes to a meeting when nothing is wrong with it.
_FAMILY_SIDES: Final = ("custodian", "custodians", "custodian_child", "child")

# What may be wrong with a drawn meeting: at most one thing, in about half of them.
_MEETING_FLAWS: Final = (
    "parent_as_custodian",  # a parent without custody passed off as a custodian (W4)
    "nobody",  # no one of the family (P13)
    "parent",  # the parent without custody alone (L7 unless a consent names him; P13)
    "custodian_parent",  # the parent without custody with a custodian (L7 unless named)
    "one_facilitator", "insider", "untrained", "no_facilitators",  # P14
    "stranger",  # a close person the family did not choose (P15)
    "wrong_unit",  # a professional declared in a unit the records do not say (W4)
    "ghost",  # a professional no register knows (W4)
    "no_interpreter",  # a member with an interpreter need, no interpreter (L18)
    "other_kind",  # another kind than invited to (P14)
    "professionals_first",  # professionals speak before the family (P14)
    "no_absence_reason",  # the child alone, the custodians' absence not recorded (P13)
)  # fmt: skip


def _family_side(cast: Cast, side: str) -> list[Participant]:
    custodian = Participant(person=cast.custodian, role=MeetingRole.CUSTODIAN)
    child = Participant(person=cast.child, role=MeetingRole.CHILD)
    parent = Participant(person=cast.parent, role=MeetingRole.PARENT)
    return {
        "custodian": [custodian],
        "custodians": [Participant(person=p, role=MeetingRole.CUSTODIAN) for p in cast.custodians],
        "custodian_child": [custodian, child],
        "child": [child],
        "custodian_parent": [custodian, parent],
        "parent": [parent],
        "parent_as_custodian": [Participant(person=cast.parent, role=MeetingRole.CUSTODIAN)],
        "nobody": [],
    }[side]


def _facilitators(cast: Cast, case: Case, flaw: str | None) -> list[Participant]:
    others = _others(cast, case)
    trained = [p for p in others if p.trained_facilitator and p.unit != case.unit]
    untrained = [p for p in others if not p.trained_facilitator]
    insiders = [p for p in others if p.unit == case.unit]
    chosen: list[tuple[PersonId, UnitId]] = [(p.id, p.unit) for p in trained[:2]]
    if flaw == "one_facilitator":
        chosen = chosen[:1]
    elif flaw == "insider":
        # From the case's own unit, or declared in it when nobody else works there.
        chosen[:1] = [(insiders[0].id, case.unit)] if insiders else [(chosen[0][0], case.unit)]
    elif flaw == "untrained" and untrained:
        chosen[:1] = [(untrained[0].id, untrained[0].unit)]
    elif flaw == "no_facilitators":
        chosen = []
    roles = (MeetingRole.INTERVIEWER, MeetingRole.RECORDER)
    return [
        Participant(person=person, role=role, unit=unit)
        for (person, unit), role in zip(chosen, roles, strict=False)
    ]


@st.composite
def _guests(
    draw: st.DrawFn, cast: Cast, case: Case, facilitators: list[Participant], flaw: str | None
) -> list[Participant]:
    """Up to two professionals of other units than the facilitators', a ghost if the flaw."""
    busy = {p.person for p in facilitators}
    outside = {p.unit for p in facilitators}
    pool = [p for p in _others(cast, case) if p.id not in busy and p.unit not in outside]
    guests = draw(st.lists(st.sampled_from(pool), max_size=2, unique=True)) if pool else []
    found: list[Participant] = []
    for index, professional in enumerate(guests):
        unit = professional.unit
        if flaw == "wrong_unit" and index == 0:
            unit = case.unit if unit != case.unit else cast.colleague_unit
        found.append(Participant(person=professional.id, role=MeetingRole.PROFESSIONAL, unit=unit))
    if flaw == "ghost":
        found.append(Participant(person=_GHOST, role=MeetingRole.PROFESSIONAL, unit=case.unit))
    return found


@st.composite
def _meeting(draw: st.DrawFn, cast: Cast, case: Case, on: dt.date) -> Meeting:
    """A meeting on *on* of the kind invited to, with people drawn from the records.

    About half are well-formed; the others have one flaw of :data:`_MEETING_FLAWS`.
    """
    flaw = draw(st.sampled_from((*[None] * len(_MEETING_FLAWS), *_MEETING_FLAWS)))
    invitation = case.invitation
    kind = invitation.kind if invitation is not None else MeetingKind.CLIENT_MEETING
    if flaw == "other_kind":
        kind = draw(st.sampled_from([k for k in MeetingKind if k.is_with_family]))
    people: dict[PersonId, Participant] = {}

    def add(participant: Participant) -> None:
        people.setdefault(participant.person, participant)

    side = flaw if flaw in {"parent_as_custodian", "nobody", "parent", "custodian_parent"} else None
    side = side or ("child" if flaw == "no_absence_reason" else None)
    side = side or draw(st.sampled_from(_FAMILY_SIDES))
    for participant in _family_side(cast, side):
        add(participant)
    # The child without her custodians: the reason recorded (P13 then asks her age, 12+).
    absent = (
        CustodiansAbsent(
            reason=draw(st.sampled_from([r for r in AbsenceReason if r.value != "other"]))
        )
        if side == "child" and flaw != "no_absence_reason"
        else None
    )
    close = tuple(sorted(invitation.close_network)) if invitation is not None else ()
    if flaw == "stranger":
        close = (*close, cast.stranger)
    for person in close:
        add(Participant(person=person, role=MeetingRole.CLOSE_NETWORK))
    add(Participant(person=case.contact, role=MeetingRole.INITIATOR, unit=case.unit))
    facilitators = _facilitators(cast, case, flaw)
    for participant in draw(_guests(cast, case, facilitators, flaw)):
        add(participant)
    for participant in facilitators:
        add(participant)
    participants = tuple(people.values())
    speakers = [p.person for p in participants if not p.role.is_facilitator]
    if flaw == "professionals_first":
        speakers.reverse()
    needing = {n.person for n in cast.family.interpreter_needs} & set(people)
    return Meeting(
        id=MeetingId(f"m-{len(case.history)}"),
        kind=kind,
        held_on=on,
        family=cast.family.id,
        participants=participants,
        speaking_order=tuple(speakers),
        interpreted_for=set() if flaw == "no_interpreter" else needing,
        custodians_absent=absent,
    )


@st.composite
def _plan_item(draw: st.DrawFn, index: int, people: list[PersonId], on: dt.date) -> PlanItem:
    responsible = draw(st.sampled_from(people))
    helpers = draw(st.lists(st.sampled_from(people), max_size=2, unique=True))
    with_whom = {p for p in helpers if p != responsible}
    shape = draw(st.sampled_from(["due", "due", "due", "open", "weekly", "ongoing"]))
    item = functools.partial(
        PlanItem, id=PlanItemId(f"i-{index}"), what="Fetch Aino from day care on Tuesdays",
        responsible=responsible, with_whom=with_whom,
    )  # fmt: skip
    if shape == "due":
        return item(due=on + dt.timedelta(days=draw(st.integers(7, 30))))
    if shape == "weekly":
        return item(
            starts_on=on + dt.timedelta(days=7),
            recurrence=Recurrence(frequency=Frequency.WEEKLY, count=draw(st.integers(1, 8))),
        )
    if shape == "ongoing":
        return item(starts_on=on, until=on + dt.timedelta(days=draw(st.integers(0, 90))))
    return item()


@st.composite
def _plan(draw: st.DrawFn, cast: Cast, case: Case, on: dt.date) -> Plan:
    """A plan agreed on *on*, usually in the case's meeting, with items for people drawn."""
    meeting = case.meeting
    meeting_id = meeting.id if meeting is not None and draw(st.integers(0, 7)) else MeetingId("m-x")
    # Mostly the people of the meeting and the family's; now and then a professional who was
    # not there (P16), a parent without custody (L7) or a stranger.
    people = sorted({*(meeting.people if meeting is not None else ()), *cast.custodians})
    if draw(st.integers(0, 4)) == 0:
        people.append(draw(st.sampled_from([p.id for p in cast.professionals])))
    if draw(st.integers(0, 7)) == 0:
        people.append(draw(st.sampled_from([cast.parent, cast.stranger])))
    count = draw(st.integers(0, 3) if draw(st.integers(0, 9)) == 0 else st.integers(1, 3))
    items = tuple(draw(_plan_item(index, people, on)) for index in range(count))
    follow_up = on + dt.timedelta(days=90) if draw(st.integers(0, 7)) else None
    # The child's own view (L19 wants it, or why not, from 12 on): given, not sought, or neither.
    heard = draw(st.sampled_from(["view", "view", "not_sought", "neither"]))
    views = (View(person=cast.child, text="I'd like to be fetched earlier"),)
    not_sought = (ViewNotSought(child=cast.child, reason=NoViewReason.AGE_OR_DEVELOPMENT),)
    return Plan(
        id=PlanId(f"plan-{len(case.history)}"),
        meeting=meeting_id,
        family=cast.family.id,
        agreed_on=on,
        items=items,
        follow_up_on=follow_up,
        child_views=views if heard == "view" else (),
        views_not_sought=not_sought if heard == "not_sought" else (),
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


def _bases(cast: Cast) -> st.SearchStrategy[StatutoryBasis | None]:
    return st.sampled_from([None, None, None, *cast.bases])


def _unit_ids(cast: Cast) -> list[UnitId]:
    return sorted(cast.records.units)


def _consultations(cast: Cast, case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Consultation,
        unit=st.sampled_from([*_unit_ids(cast), case.unit]),
        identifying=st.booleans(),
        social_services=st.booleans(),
        scopes=st.sampled_from([(), (DataScope.CONCERN,), (DataScope.CONCERN, DataScope.HEALTH)]),
        statutory_basis=_bases(cast),
    )


def _invitations(cast: Cast, _case: Case, on: dt.date) -> st.SearchStrategy[object]:
    return st.builds(
        Invitation,
        kind=st.sampled_from([MeetingKind.ANTICIPATION_DIALOGUE, MeetingKind.CLIENT_MEETING]),
        # Now and then the parent without custody among the close network (L7 judges him as
        # the parent he is, whatever role the meeting records).
        close_network=st.sampled_from(
            [cast.close_network, cast.close_network, cast.close_network[:1], (), (cast.parent,)]
        ),
        units=st.lists(
            st.sampled_from([u for u in _unit_ids(cast) if u != cast.facilitator_unit]),
            max_size=2,
            unique=True,
        )
        | st.just([cast.facilitator_unit]),
        planned_on=st.sampled_from([None, on + dt.timedelta(days=14)]),
        statutory_basis=_bases(cast),
    )


def _follow_ups(cast: Cast, case: Case, on: dt.date) -> st.SearchStrategy[object]:
    return st.one_of(
        st.just(FollowUp(note="Mornings are calmer")),
        _meeting(cast, case, on).map(lambda m: FollowUp(meeting=m)),
        st.builds(lambda m, p: FollowUp(meeting=m, plan=attrs.evolve(p, meeting=m.id)),
                  _meeting(cast, case, on), _plan(cast, case, on)),
    )  # fmt: skip


@st.composite
def _handovers(draw: st.DrawFn, cast: Cast, case: Case, _on: dt.date) -> Handover:
    """A hand-over to another professional of the records (sometimes to nobody they know)."""
    others = _others(cast, case)
    forbidden = {
        unit
        for c in _latest_copies(case).values()
        if c.decision is ConsentDecision.PROHIBITED and c.withdrawn_on is None
        for unit in c.units
    }
    barred = [p for p in others if p.unit in forbidden]
    to_barred: bool = draw(st.booleans())
    if barred and to_barred:
        others = barred  # to a unit the family has forbidden: refused unless a basis is stated
    target = draw(st.sampled_from(others)) if others else None
    to, unit = (target.id, target.unit) if target is not None else (_GHOST, case.unit)
    odd = draw(st.integers(0, 19))
    if odd == 0:
        to = _GHOST
    elif odd == 1:
        unit = case.unit if unit != case.unit else cast.colleague_unit  # not the records' unit
    return Handover(to=to, unit=unit, statutory_basis=draw(_bases(cast)))


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


def _notifications(cast: Cast, case: Case, _on: dt.date) -> st.SearchStrategy[object]:
    notifier = cast.records.professional(case.contact)
    mandated = notifier is not None and notifier.mandated_notifier
    return st.builds(
        Notification,
        channel=_channels(),
        recipient=st.sampled_from(Recipient),
        reasons=st.just("Bruises seen twice"),
        # Mostly what the records say (L4 refuses a flag that contradicts them).
        mandated_notifier=st.sampled_from([mandated, mandated, mandated, not mandated]),
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


def _latest_copies(case: Case) -> dict[ConsentId, Consent]:
    latest: dict[ConsentId, Consent] = {}
    for consent in case.consents:
        latest[consent.id] = consent
    return latest


def _consent_now(cast: Cast, case: Case, on: dt.date) -> Consent:
    """The family's consent asked for on *on*: every unit, the concern, meetings and plans.

    The child gives it herself from 12 on, a custodian before that.
    """
    child = cast.family.member(cast.child)
    teen = child.age_on(on) >= 12  # noqa: PLR2004 - the documented default age
    return _declaration(
        f"k-now-{len(case.history)}", cast.family, cast.child,
        cast.child if teen else cast.custodian, on,
        units=set(cast.records.units) - {case.unit},
        scopes=(DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN),
    )  # fmt: skip


@st.composite
def _passed_declarations(
    draw: st.DrawFn, cast: Cast, case: Case, step: LabelledEnum, on: dt.date
) -> tuple[Consent, ...]:
    """The declarations passed with a step: from the cast's, a withdrawal, or an old copy."""
    eager = step in (Step.AGREE_TO_MEET, Step.CONSULT, Step.HAND_OVER)
    if draw(st.integers(0, 3) if eager else st.integers(0, 5)) > 1 + int(eager):
        return ()
    how = draw(st.sampled_from(["cast", "cast", "cast", "now", "now", "withdraw", "again"]))
    latest = _latest_copies(case)
    if how == "now":
        return (_consent_now(cast, case, on),)
    if how == "withdraw":
        open_ones = [c for c in latest.values() if c.withdrawn_on is None and c.valid_from <= on]
        if open_ones:
            return (draw(st.sampled_from(open_ones)).withdrawn(on=on),)
    elif how == "again" and case.consents:
        # An older copy passed again: if it was withdrawn since, it must not revive.
        return (draw(st.sampled_from(case.consents)),)
    if not cast.consents:
        return ()
    first = cast.consents[:1] if draw(st.booleans()) else ()
    more = draw(st.lists(st.sampled_from(cast.consents), max_size=2, unique_by=lambda c: c.id))
    return tuple({c.id: c for c in (*first, *more)}.values()) or cast.consents[:1]


@st.composite
def attempts(
    draw: st.DrawFn,
    cast: Cast,
    case: Case,
    *,
    steps: st.SearchStrategy[LabelledEnum] | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Attempt:
    """An :class:`Attempt` at a step (any step of *workflow* unless *steps* is given).

    Mostly by the case's contact worker; sometimes by social services (a social worker of the
    records, now and then one who is not), a colleague, another worker, or a professional no
    register knows. The declarations passed with it come from ``cast.consents``, or withdraw
    one the case holds, or pass an older copy again.
    """
    step = draw(steps if steps is not None else st.sampled_from(workflow.steps))
    gap = draw(st.integers(-1, 20) if draw(st.integers(0, 29)) == 0 else st.integers(0, 20))
    on = case.last_on + dt.timedelta(days=gap)
    detail = draw(details(cast, case, step, on))
    role = ActorRole.WORKER
    actor: PersonId = case.contact
    who = draw(st.integers(0, 39))
    if step in (Step.CONFIRM_INITIATION, Step.REPORT_ASSESSMENT) and who < 32:  # noqa: PLR2004
        role, actor = ActorRole.SOCIAL_SERVICES, cast.social_worker
        if who == 0:
            role, actor = ActorRole.SOCIAL_SERVICES, cast.worker  # self-declared: W4 refuses
    elif who < 2:  # noqa: PLR2004
        role, actor = ActorRole.COLLEAGUE, cast.colleague
    elif who == 2:  # noqa: PLR2004
        actor = _GHOST
    elif who == 3:  # noqa: PLR2004
        actor = draw(st.sampled_from([p.id for p in cast.professionals]))
    consents = draw(_passed_declarations(cast, case, step, on))
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
    """Tries random steps on one case, drawn with its records, and checks the promises after each.

    It starts by drawing a :class:`Cast` from ``cast_strategy`` (default :func:`casts`: varied
    records, family, declarations and statutory bases; set ``cast`` to a fixed one instead)
    and opening the case. Then it tries steps (:func:`attempts`, hostile ones included) and
    checks, after every attempt:

    * a refused step raised :class:`~openco.errors.TransitionNotAllowedError` with at least one
      reason, each with a message in fi, sv and en, and the case is unchanged;
    * an accepted step added exactly one record, the one tried;
    * ``replay(case.history, records=, today=) == case``;
    * the statutory track is allowed at the current stage, and a well-formed notification is
      accepted there whatever the dialogue track says;
    * no identifying data reached a unit or a person that nothing covers: everyone an
      accepted record lets hear about the family (meeting participants' and facilitators'
      units, the units of people in plan items, a hand-over's unit, a unit invited or
      consulted, a parent without custody) is the case's own unit, or is covered by a
      declaration given for the child, in force that day, in scope and not overridden by a
      prohibition, or by a statutory basis stated for them; checked by an oracle of its own,
      not by the rule (L7) it checks;
    * no plan is agreed unless the meeting it was agreed in had a custodian of the child (per
      the records' custody) or, the custodians absent with the reason recorded, the child aged
      12 or over on the day (when P13 is switched on; an oracle of its own, not P13);
    * a notification duty (L1) that ``obligations`` has shown fulfilled never re-opens, unless
      a new finding that the criteria are met (``RECOGNISE_CRITERIA``) is recorded after it.

    It reports what it reached with :func:`hypothesis.event` (see
    ``pytest --hypothesis-show-statistics``): plans agreed, withdrawals, prohibitions hit, a
    fulfilled notification duty and the steps after it. Set ``workflow`` (and
    ``cast_strategy`` or ``cast``) in a subclass to check your own variant.
    """

    workflow: ClassVar[Workflow] = DEFAULT_WORKFLOW
    cast_strategy: ClassVar[st.SearchStrategy[Cast]] = casts()
    cast: ClassVar[Cast | None] = None

    def __init__(self) -> None:
        super().__init__()
        self.case: Case | None = None
        self.cast_now: Cast = make_cast()
        self.refused = 0
        self.accepted = 0
        self._before: Case | None = None  # the case before the latest accepted step
        self._told = 0  # length of the history whose latest record the oracle has checked
        self._duty = 0  # length of the history whose latest record the L1 check has seen
        self._planned = 0  # length of the history whose latest record the plan check has seen
        self._fulfilled = False  # the L1 duty was fulfilled and no new ground recorded since
        self._owed = False  # the L1 duty was on the worklist after the latest step

    def reached(self, what: str) -> None:
        """Note that the run reached *what* (a Hypothesis event; override to count them)."""
        event(what)

    @initialize(data=st.data())
    def open(self, data: st.DataObject) -> None:
        """Draw the cast and open the case from its concern, graded in a drawn zone."""
        cast = self.cast if self.cast is not None else data.draw(self.cast_strategy)
        zone = data.draw(st.sampled_from(ConcernZone))
        first = attrs.evolve(cast.concern.current, zone=zone, subzone=None)
        cast = attrs.evolve(cast, concern=attrs.evolve(cast.concern, assessments=(first,)))
        self.cast_now = cast
        self.case = open_case(
            cast.concern,
            family=cast.family,
            on=cast.opened_on,
            records=cast.records,
            workflow=self.workflow,
        )
        self._owed = self._notification_owed()

    @rule(data=st.data())
    def try_a_step(self, data: st.DataObject) -> None:
        """Try any step of the workflow with a drawn detail, and check what happened."""
        case = self._case()
        # Mostly a step of the table that the stage allows, so that cases travel far; sometimes
        # a side step or a statutory one; sometimes any step at all.
        workflow = self.workflow
        allowed = sorted(allowed_steps(case, workflow=workflow), key=lambda s: s.value)
        side = workflow.statutory_steps | {loop.step for loop in workflow.loops}
        # Forward: to another stage, neither closing (which ends the run) nor declining a
        # meeting (back to continuing); those come by the other two ways.
        forward = [
            s
            for s in allowed
            if s not in side
            and s not in {Step.CLOSE, Step.DECLINE_MEETING}
            and any(r.target not in {None, case.stage} for r in workflow.rows(case.stage, s))
        ]
        choice = data.draw(st.integers(0, 9))
        if self._owed and data.draw(st.integers(0, 2)) == 0:  # a duty owed is mostly done
            steps = st.sampled_from([Step.NOTIFY_CHILD_WELFARE, Step.CONTACT_JOINTLY])
        elif choice < 2:  # noqa: PLR2004 - one in five
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
            self._note_refusal(refusal)
            return
        self.accepted += 1
        assert len(after.history) == len(before) + 1, "an accepted step adds exactly one record"
        assert after.history[:-1] == before
        assert after.history[-1].step is attempt.step
        assert after.history[-1].detail is attempt.detail
        self._before, self.case = case, after
        self._note_acceptance(case, after.history[-1])

    def _note_refusal(self, refusal: TransitionNotAllowedError) -> None:
        keys = {(r.rule, r.key) for r in refusal.reasons}
        if ("L7", "prohibited") in keys:
            self.reached("refused: a prohibition (kielto) names a recipient")
        if ("W4", "unknown_actor") in keys or ("W4", "unknown_professional") in keys:
            self.reached("refused: a professional the records do not know")
        if ("W4", "not_custodian") in keys:
            self.reached("refused: a custodian the records do not show")

    def _note_acceptance(self, before: Case, record: StepTaken) -> None:
        detail = record.detail
        if self._fulfilled:
            self.reached("a step accepted after the notification duty was fulfilled")
        if isinstance(detail, Plan) or (isinstance(detail, FollowUp) and detail.plan):
            plan = detail if isinstance(detail, Plan) else detail.plan
            if plan is not None and any(i.starts_on is not None for i in plan.items):
                self.reached("plan agreed with a recurring or ongoing item")
        if isinstance(detail, Meeting) and detail.interpreted_for:
            self.reached("meeting held with an interpreter")
        if isinstance(detail, Handover):
            self.reached("case handed over")
        earlier = {c.id for c in before.consents if c.withdrawn_on is not None}
        for consent in record.consents:
            if consent.withdrawn_on is not None:
                self.reached("consent withdrawn")
            elif consent.id in earlier:
                self.reached("a withdrawn consent passed again")

    def _case(self) -> Case:
        assert self.case is not None
        return self.case

    def _notification_owed(self) -> bool:
        case = self._case()
        found = obligations(
            case, today=case.last_on, records=self.cast_now.records, workflow=self.workflow
        )
        return any(o.rule == "L1" for o in found)

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
        notifier = self.cast_now.records.professional(case.contact)
        if Step.NOTIFY_CHILD_WELFARE in self.workflow.statutory_steps and notifier is not None:
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
                    mandated_notifier=notifier.mandated_notifier,
                    child_told=False,
                    custodian_told=True,
                ),
                workflow=self.workflow,
            )
            assert notified.stage is case.stage

    @invariant()
    def identifying_data_reaches_only_those_covered(self) -> None:
        """Everyone the latest accepted record tells is covered (an oracle of its own, not L7)."""
        case = self.case
        if self._before is None or case is None or len(case.history) == self._told:
            return
        self._told = len(case.history)
        if not self.workflow.is_enabled("L7"):
            return
        before, record, records = self._before, case.history[-1], self.cast_now.records
        for recipient in _oracle.recipients(before, record, records):
            why = _oracle.uncovered(before, record, recipient, records)
            assert why is None, f"{record.step.value}: {recipient} heard about the family: {why}"

    @invariant()
    def no_plan_without_the_family(self) -> None:
        """No plan unless a custodian, or the child of 12+ with the reason, took part.

        A custodian per the records' custody; the child's age on the day of the meeting.
        Checked by an oracle of its own (``_oracle.family_was_there``), not by rule P13.
        """
        case = self.case
        if case is None or self._before is None or len(case.history) == self._planned:
            return
        self._planned = len(case.history)
        if not self.workflow.is_enabled("P13"):
            return
        record, before = case.history[-1], self._before
        detail = record.detail
        plan = detail if isinstance(detail, Plan) else None
        meeting = before.meeting
        if isinstance(detail, FollowUp):
            plan, meeting = detail.plan, detail.meeting or before.meeting
        if plan is None:
            return
        self.reached("plan agreed")
        assert meeting is not None, f"plan {plan.id} agreed without a meeting"
        assert meeting.id == plan.meeting, f"plan {plan.id} agreed in another meeting"
        family = self.cast_now.records.family(case.family.id) or case.family
        assert _oracle.family_was_there(meeting, family, case.concern.child), (
            f"plan {plan.id} agreed in {meeting.id} without a custodian, or the child of 12+ "
            "with the custodians' absence recorded"
        )
        if meeting.custodians_absent is not None:
            self.reached("plan agreed with the child of 12+, custodians absent")

    @invariant()
    def a_fulfilled_notification_duty_stays_fulfilled(self) -> None:
        """Once fulfilled, the L1 duty re-opens only with a new finding recorded after it."""
        case = self.case
        if case is None or len(case.history) in {1, self._duty}:
            return
        self._duty = len(case.history)
        if not self.workflow.is_enabled("L1"):
            return
        record = case.history[-1]
        owed = self._notification_owed()
        if record.step is Step.RECOGNISE_CRITERIA:
            self._fulfilled = False  # a new ground: a new duty
        elif self._fulfilled:
            assert not owed, f"a fulfilled notification duty re-opened after {record.step.value}"
        if record.step is Step.NOTIFY_CHILD_WELFARE or (self._owed and not owed):
            if not self._fulfilled and self._owed:
                self.reached("notification duty fulfilled")
            self._fulfilled = True
        self._owed = owed
