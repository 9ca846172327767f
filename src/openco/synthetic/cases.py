"""Workflow cases for a generated population, stopped at various stages.

:func:`generate_cases` opens a :class:`~openco.process.Case` for every concern of an area's
families and takes it a seeded random way along one of four realistic paths of early open
cooperation, stopping at a random point:

* the worry eases at once: assess, close;
* the worker carries on with the family: assess, prepare, raise, continue, follow up, close;
* the family declines a meeting: ... raise, propose a meeting, decline, follow up, close;
* an anticipation dialogue: ... raise, propose a meeting, agree it with the family (whom of
  their close network to invite, from their own map), hold the dialogue (two facilitators of
  another unit, the family and their network speak first), agree the plan, follow up, close.

Every step goes through :func:`openco.process.advance`, judged by the area's registers
(:func:`area_records`), so every rule of the workflow holds and
``replay(case.history, records=area_records(area), today=on) == case``. Dates start at the
concern's latest assessment, increase step by step and never pass the day given; a concern
assessed after it gets no case.

Unlike the rest of :mod:`openco.synthetic` this module imports :mod:`openco.process`: cases
need the workflow's rules, and synthetic data is an outer layer like :mod:`openco.testing`.
It draws from its own random stream, so the population itself does not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from random import Random
from typing import Final

from openco.errors import InvalidArgumentError
from openco.model import (
    Concern,
    ConcernZone,
    Consent,
    ConsentGiver,
    ConsentId,
    DataScope,
    FamilyId,
    GreySubzone,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    Need,
    NoViewReason,
    OwnMeans,
    Participant,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
    Professional,
    ProfessionalId,
    Ring,
    UnitId,
    View,
    ViewNotSought,
    ZoneAssessment,
)
from openco.process import (
    CAPABLE_AGE,
    Case,
    FollowUp,
    Invitation,
    Preparation,
    Raising,
    Records,
    Step,
    advance,
    open_case,
)
from openco.synthetic.population import AreaPopulation, SyntheticFamily

__all__ = ["area_records", "generate_cases"]

_EASED, _CONTINUED, _DECLINED, _DIALOGUE = 0, 1, 2, 3
_PATHS: Final = (
    (Step.ASSESS, Step.CLOSE),
    (Step.ASSESS, Step.PREPARE, Step.RAISE, Step.CONTINUE, Step.FOLLOW_UP, Step.CLOSE),
    (
        Step.ASSESS,
        Step.PREPARE,
        Step.RAISE,
        Step.PROPOSE_MEETING,
        Step.DECLINE_MEETING,
        Step.FOLLOW_UP,
        Step.CLOSE,
    ),
    (
        Step.ASSESS,
        Step.PREPARE,
        Step.RAISE,
        Step.PROPOSE_MEETING,
        Step.AGREE_TO_MEET,
        Step.HOLD_MEETING,
        Step.AGREE_PLAN,
        Step.FOLLOW_UP,
        Step.CLOSE,
    ),
)
_PATH_SHARES: Final = (0.15, 0.35, 0.15, 0.35)
# Days from one step to the next, low and high (inclusive), by the step taken.
_GAPS: Final = {
    Step.ASSESS: (0, 14),
    Step.PREPARE: (1, 10),
    Step.RAISE: (1, 10),
    Step.CONTINUE: (0, 0),
    Step.PROPOSE_MEETING: (0, 7),
    Step.DECLINE_MEETING: (2, 14),
    Step.AGREE_TO_MEET: (2, 14),
    Step.HOLD_MEETING: (10, 30),
    Step.AGREE_PLAN: (0, 0),
    Step.FOLLOW_UP: (60, 120),
    Step.CLOSE: (0, 30),
}
# How long a consent given when the meeting is agreed is relied on: until the meeting, the
# plan and the follow-up at the latest.
_CONSENT_HORIZON: Final = dt.timedelta(
    days=_GAPS[Step.HOLD_MEETING][1] + _GAPS[Step.FOLLOW_UP][1] + _GAPS[Step.CLOSE][1]
)
_ITEMS: Final = (
    "Agree on a calm morning routine",
    "Fetch the child from day care on Tuesdays",
    "Talk with the nurse about sleep",
    "Visit on Sunday afternoons",
    "Find a hobby group for the child",
)
_OTHER_WORKER: Final = 0.5
_CHILD_SPEAKS_FROM: Final = 7
_CHILD_SAYS: Final = "I would like things at home to be calmer in the mornings."


def _check(area: object, seed: object, on: object) -> None:
    if not isinstance(area, AreaPopulation):
        raise InvalidArgumentError("generate_cases", "area", area, "an AreaPopulation")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise InvalidArgumentError("generate_cases", "seed", seed, "a whole number")
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise InvalidArgumentError("generate_cases", "on", on, "a datetime.date")


class _Walk:
    """One case's walk: the random stream, the people around it and the day reached."""

    def __init__(
        self,
        rng: Random,
        area: AreaPopulation,
        staff: dict[ProfessionalId, Professional],
        each: SyntheticFamily,
        concern: Concern,
        *,
        records: Records,
    ) -> None:
        self.rng = rng
        self.records = records
        self.area = area
        self.staff = staff
        self.each = each
        self.concern = concern
        self.worker = staff[concern.worker]
        family = each.family
        self.custodian = next(
            (c.adult for c in family.custody if family.is_custodian(c.adult, concern.child)),
            None,
        )

    def consent_giver(self, day: dt.date) -> PersonId | None:
        """Who consents for the child on *day*: the child from 12, else a custodian.

        A consent given now is relied on until the follow-up: a child who turns 12 before
        then decides on her own data by that day, so she consents herself now (the worker
        records her judgement that the child can, see :meth:`judged_capable`).
        """
        child = self.each.family.member(self.concern.child)
        if child.age_on(day + _CONSENT_HORIZON) >= CAPABLE_AGE:
            return child.id
        return self.custodian

    def judged_capable(self, day: dt.date) -> bool | None:
        """The worker's recorded judgement for a child under 12 who consents herself."""
        child = self.each.family.member(self.concern.child)
        return (
            True
            if child.age_on(day) < CAPABLE_AGE <= child.age_on(day + _CONSENT_HORIZON)
            else None
        )

    def gap(self, step: Step) -> dt.timedelta:
        low, high = _GAPS[step]
        return dt.timedelta(days=low + int(self.rng.random() * (high - low + 1)))

    def close_network(self) -> frozenset[PersonId]:
        near = [
            m.id
            for m in self.each.network_map.members
            if not m.is_professional and m.ring is not Ring.OUTER
        ]
        chosen = int(self.rng.random() * (min(len(near), 3) + 1))
        return frozenset(near[:chosen])

    def other_worker(self) -> Professional | None:
        others = [
            self.staff[p]
            for p in self.each.professionals
            if p in self.staff and self.staff[p].unit != self.worker.unit
        ]
        if not others or self.custodian is None or self.rng.random() >= _OTHER_WORKER:
            return None
        return others[int(self.rng.random() * len(others))]

    def facilitators(
        self, exclude: set[str], units: set[UnitId]
    ) -> tuple[Professional, Professional] | None:
        # Facilitators come from outside the case: neither its workers nor their units.
        trained = [
            p
            for p in self.area.all_professionals
            if p.trained_facilitator and p.unit not in units and p.id not in exclude
        ]
        by_unit: dict[UnitId, list[Professional]] = {}
        for p in trained:
            by_unit.setdefault(p.unit, []).append(p)
        # Two of one unit if there are, else two of any units but the case's own.
        pairs = [people for people in by_unit.values() if len(people) >= 2] or [trained]  # noqa: PLR2004
        if len(pairs[0]) < 2:  # noqa: PLR2004
            return None
        people = pairs[int(self.rng.random() * len(pairs))]
        first = int(self.rng.random() * len(people))
        second = (first + 1 + int(self.rng.random() * (len(people) - 1))) % len(people)
        return people[first], people[second]


def _assessment(
    on: dt.date, *, assessor: ProfessionalId, eased: bool, upper: bool
) -> ZoneAssessment:
    if eased:
        return ZoneAssessment(
            on=on,
            assessor=assessor,
            zone=ConcernZone.SMALL,
            own_means=OwnMeans.SUFFICIENT,
            extra_resources=Need.NONE,
        )
    return ZoneAssessment(
        on=on,
        assessor=assessor,
        zone=ConcernZone.GREY,
        subzone=GreySubzone.UPPER if upper else GreySubzone.LOWER,
        own_means=OwnMeans.RUNNING_OUT,
        extra_resources=Need.CLEAR if upper else Need.SMALL,
    )


def _meeting(
    walk: _Walk,
    case: Case,
    on: dt.date,
    *,
    invitation: Invitation,
    other: Professional | None,
    pair: tuple[Professional, Professional],
) -> Meeting:
    family = case.family
    people = [
        Participant(person=adult, role=MeetingRole.CUSTODIAN)
        for adult in family.custodians_of(case.child)
    ]
    people += [
        Participant(person=m.id, role=MeetingRole.CHILD)
        for m in family.children_on(on)
        if m.id == case.child and m.age_on(on) >= _CHILD_SPEAKS_FROM
    ]
    people += [
        Participant(person=p, role=MeetingRole.CLOSE_NETWORK)
        for p in sorted(invitation.close_network)
    ]
    people.append(
        Participant(person=walk.worker.id, role=MeetingRole.INITIATOR, unit=walk.worker.unit)
    )
    if other is not None:
        people.append(Participant(person=other.id, role=MeetingRole.PROFESSIONAL, unit=other.unit))
    speakers = [p.person for p in people]
    interviewer, recorder = pair
    people += [
        Participant(person=interviewer.id, role=MeetingRole.INTERVIEWER, unit=interviewer.unit),
        Participant(person=recorder.id, role=MeetingRole.RECORDER, unit=recorder.unit),
    ]
    return Meeting(
        id=MeetingId(f"{case.concern.id}-case-m1"),
        kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=on,
        family=family.id,
        concern=case.concern.id,
        participants=people,
        speaking_order=speakers,
    )


def _plan(rng: Random, meeting: Meeting, family: FamilyId, on: dt.date, child: PersonId) -> Plan:
    # Child Welfare Act §20 (rule L19): the child who took part gives a view of their own; for
    # a child too young to take part, the plan says why the view was not sought.
    heard = meeting.role_of(child) is MeetingRole.CHILD
    speakers = list(meeting.speaking_order)
    items = tuple(
        PlanItem(
            id=PlanItemId(f"{meeting.id}-plan-i{k + 1}"),
            what=_ITEMS[int(rng.random() * len(_ITEMS))],
            responsible=speakers[int(rng.random() * len(speakers))],
            due=on + dt.timedelta(days=14 + int(rng.random() * 47)),
        )
        for k in range(1 + int(rng.random() * 3))
    )
    return Plan(
        id=PlanId(f"{meeting.id}-plan"),
        meeting=meeting.id,
        family=family,
        agreed_on=on,
        follow_up_on=on + dt.timedelta(days=91),
        items=items,
        child_views=(View(person=child, text=_CHILD_SAYS),) if heard else (),
        views_not_sought=()
        if heard
        else (ViewNotSought(child=child, reason=NoViewReason.AGE_OR_DEVELOPMENT),),
    )


def _walk(walk: _Walk, until: dt.date) -> Case | None:  # noqa: C901, PLR0912, PLR0915 - a branch a step
    rng, concern = walk.rng, walk.concern
    path_roll = rng.random()
    path = len(_PATHS) - 1
    for k, share in enumerate(_PATH_SHARES):
        if path_roll < share:
            path = k
            break
        path_roll -= share
    steps = _PATHS[path]
    stop = int(rng.random() * (len(steps) + 1))
    day = concern.current.on
    if day > until:
        return None
    worker = walk.worker
    records = walk.records
    case = open_case(concern, family=walk.each.family, on=day, records=records)
    other: Professional | None = None
    invitation: Invitation | None = None
    meeting: Meeting | None = None
    pair: tuple[Professional, Professional] | None = None
    for step in steps[:stop]:
        if step is Step.AGREE_TO_MEET:
            other = walk.other_worker()
            pair = walk.facilitators(
                {worker.id} | ({other.id} if other else set()),
                {worker.unit} | ({other.unit} if other else set()),
            )
            if pair is None:
                break
        day += walk.gap(step)
        if day > until:
            break
        detail: object = None
        consents: tuple[Consent, ...] = ()
        if step is Step.ASSESS:
            detail = _assessment(
                day,
                assessor=worker.id,
                eased=path == _EASED,
                upper=rng.random() < 0.5,  # noqa: PLR2004
            )
        elif step is Step.PREPARE:
            detail = Preparation(
                worry_and_help_needed=f"The child is {concern.worries[0]}; I need their view",
                what_has_worked="Short chats at pick-up time",
                how_to_say_it="First what goes well, then my worry, then ask for help",
                expected_reaction="Surprised, then relieved to talk",
            )
        elif step is Step.RAISE:
            detail = Raising(
                help_asked="Could you help me understand how things are at home?",
                strengths=concern.strengths,
            )
        elif step is Step.AGREE_TO_MEET:
            units = frozenset({other.unit}) if other is not None else frozenset()
            invitation = Invitation(
                kind=MeetingKind.ANTICIPATION_DIALOGUE,
                close_network=walk.close_network(),
                units=units,
            )
            detail = invitation
            assert pair is not None  # noqa: S101 - the walk stopped above without facilitators
            # Everyone who will hear about the family is covered: the other worker's unit and
            # the facilitators'. A child who can decide (12 or over) consents herself.
            giver = walk.consent_giver(day)
            if giver is None:
                break  # nobody can consent for the child: no meeting with others
            if giver is not None:
                recipients = {p.unit for p in pair} | ({other.unit} if other else set())
                consents = (
                    Consent(
                        id=ConsentId(f"{concern.id}-case-k1"),
                        family=concern.family,
                        subject=concern.child,
                        given_by=giver,
                        giver=(
                            ConsentGiver.SELF if giver == concern.child else ConsentGiver.CUSTODIAN
                        ),
                        scopes={DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN},
                        units=recipients,
                        valid_from=day,
                        judged_capable=walk.judged_capable(day),
                    ),
                )
        elif step is Step.HOLD_MEETING and invitation is not None and pair is not None:
            meeting = _meeting(walk, case, day, invitation=invitation, other=other, pair=pair)
            detail = meeting
        elif step is Step.AGREE_PLAN and meeting is not None:
            detail = _plan(rng, meeting, concern.family, day, concern.child)
        elif step is Step.FOLLOW_UP:
            detail = FollowUp(note="The family and the worker looked at how things are now")
        case = advance(
            case, step, actor=worker.id, on=day, detail=detail, consents=consents, records=records
        )
    return case


def area_records(area: AreaPopulation) -> Records:
    """The registers of *area* as the workflow reads them: its units, staff and families.

    The cases of :func:`generate_cases` are judged by these records, so a stored history is
    replayed with them: ``replay(case.history, records=area_records(area), today=on)``.
    """
    return Records(
        professionals=area.all_professionals,
        units=area.all_units,
        families=[each.family for each in area.families],
    )


def generate_cases(area: AreaPopulation, *, seed: int, on: dt.date) -> Iterator[Case]:
    """A workflow case for each concern of *area*'s families, as it stands on *on*.

    Each case is opened on the day of its concern's latest assessment and taken a random
    number of steps along a realistic path (see the module), so that the cases of an area
    stand at every stage from *noticed* to *closed*. No record is dated after *on*; a concern
    assessed after *on* gets no case. The same *area*, *seed* and *on* give the same cases;
    the draws come from a stream of their own (``"openco:<seed>:<area>:cases"``), so the
    population generated with the same seed is unchanged.

    >>> import datetime as dt
    >>> from openco.synthetic import generate_population
    >>> area = next(generate_population(families=200, seed=7))
    >>> cases = list(generate_cases(area, seed=7, on=dt.date(2026, 6, 1)))
    >>> len(cases) == len(area.concerns)
    True
    >>> all(c.last_on <= dt.date(2026, 6, 1) for c in cases)
    True

    Raises:
        InvalidArgumentError: *area* is not an :class:`AreaPopulation`, *seed* not a whole
            number or *on* not a date.
    """
    _check(area, seed, on)  # now, not at the first next()
    return _cases(area, seed, on)


def _cases(area: AreaPopulation, seed: int, on: dt.date) -> Iterator[Case]:
    rng = Random(f"openco:{seed}:{area.area.id}:cases")  # noqa: S311 - synthetic data, not secrets
    staff = {p.id: p for p in area.all_professionals}
    records = area_records(area)
    for each in area.families:
        for concern in each.concerns:
            if concern.worker not in staff:
                continue
            case = _walk(_Walk(rng, area, staff, each, concern, records=records), on)
            if case is not None:
                yield case
