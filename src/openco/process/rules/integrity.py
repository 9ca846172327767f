"""Workflow integrity (W1-W4): the table, the detail a step records, time, facts from records.

These rules keep the history a coherent record; they cannot be switched off. W4 is the rule
that every person a step names is who the records say: the actor is a professional the records
know, in a role their unit and training allow; the people taking part in a meeting hold the
roles the records give them (a custodian has custody of the child, a professional works in
the unit they are said to come from).
"""

from __future__ import annotations

from typing import Final

from openco.errors import Refusal
from openco.model.family import Family
from openco.model.ids import PersonId, UnitId
from openco.model.meeting import Meeting, MeetingRole
from openco.process.case import Case, Opening, StepTaken
from openco.process.details import FollowUp, Handover
from openco.process.records import Records
from openco.process.rules.legal.disclosure import actor_refusals
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.stages import STATUTORY_STEPS, ActorRole

__all__ = ["W1", "W2", "W3", "W4", "check_facts", "check_opening_facts"]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_WORKER: Final = ActorRole.WORKER
_SOCIAL_SERVICES: Final = ActorRole.SOCIAL_SERVICES
_CUSTODIAN: Final = MeetingRole.CUSTODIAN
_PARENT: Final = MeetingRole.PARENT
_CHILD: Final = MeetingRole.CHILD

W1 = Rule(
    code="W1",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel on mahdollinen vain tietyistä vaiheista",
        "Ett steg är möjligt bara från vissa skeden",
        "A step is possible only from certain stages",
    ),
    basis="The transition table of the workflow",
    source="openco.process.transitions (the table in docs/workflow.md)",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "stage": Labels(
            "Askel '{step}' ei ole mahdollinen, kun asian vaihe on '{stage}'.",
            "Steget '{step}' är inte möjligt när ärendet är i skedet '{stage}'.",
            "The step '{step}' is not possible while the case is '{stage}'.",
        ),
        "opening": Labels(
            "Asia avataan vain kerran, huolesta; askel '{step}' ei voi avata sitä.",
            "Ett ärende öppnas bara en gång, från en oro; steget '{step}' kan inte öppna det.",
            "A case is opened once, from a concern; the step '{step}' cannot open it.",
        ),
    },
)

W2 = Rule(
    code="W2",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel kirjaa oikeanlaisen tiedon",
        "Ett steg registrerar rätt slags uppgift",
        "A step records the right kind of detail",
    ),
    basis="The detail types of the workflow (DEFAULT_DETAILS)",
    source="openco.process.transitions",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "detail": Labels(
            "Askel '{step}' tarvitsee tiedon tyyppiä {expected}; saatiin {got}.",
            "Steget '{step}' behöver en uppgift av typen {expected}; fick {got}.",
            "The step '{step}' needs a detail of type {expected}; got {got}.",
        ),
    },
)

W3 = Rule(
    code="W3",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Kirjaukset etenevät ajassa eteenpäin",
        "Registreringarna går framåt i tiden",
        "Records go forward in time",
    ),
    basis="The history is a chronological record",
    source="openco.process.case",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "date": Labels(
            "Päivä {on} on ennen edellistä kirjausta ({last_on}).",
            "Dagen {on} är före den föregående registreringen ({last_on}).",
            "The day {on} is before the previous record ({last_on}).",
        ),
        "assessment_date": Labels(
            "Arvion päivä {assessed_on} ei ole välillä {previous} - {on}.",
            "Bedömningens dag {assessed_on} ligger inte mellan {previous} och {on}.",
            "The assessment's day {assessed_on} is not between {previous} and {on}.",
        ),
        "future": Labels(
            "Kirjauksen päivä {on} on myöhemmin kuin tänään ({today}).",
            "Registreringens dag {on} är senare än i dag ({today}).",
            "The record's day {on} is after today ({today}).",
        ),
    },
)

_PROFESSIONAL_ROLES: Final = frozenset(
    {
        ActorRole.WORKER,
        ActorRole.COLLEAGUE,
        ActorRole.FACILITATOR,
        ActorRole.SUPERVISOR,
        ActorRole.SOCIAL_SERVICES,
    }
)

W4 = Rule(
    code="W4",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Henkilöiden tiedot tulevat rekistereistä, eivät kirjaajan ilmoituksesta",
        "Uppgifterna om personer kommer från registren, inte från den som registrerar",
        "Facts about people come from the records, not from the caller",
    ),
    basis=(
        "A rule that judges a person asks the records who they are (unit, training, custody); "
        "a step is recorded by a professional the records know, in a role they hold"
    ),
    source="openco house style, 'Facts from the records'; issue #8",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "unknown_family": Labels(
            "Perhettä {family} ei löydy rekistereistä.",
            "Familjen {family} finns inte i registren.",
            "The records do not know the family {family}.",
        ),
        "unknown_actor": Labels(
            "Kirjaajaa {actor} ei löydy työntekijärekisteristä.",
            "Den som registrerar, {actor}, finns inte i personalregistret.",
            "The records know no professional {actor}.",
        ),
        "family_actor": Labels(
            "Askeleet kirjaa työntekijä; perheen päätökset kirjataan työntekijän "
            "kirjauksina (rooli '{role}').",
            "Stegen registreras av en yrkesperson; familjens beslut registreras av "
            "yrkespersonen (rollen '{role}').",
            "Steps are recorded by professionals; what the family decided is recorded by the "
            "worker (role '{role}').",
        ),
        "not_contact": Labels(
            "{actor} ei ole asian vastuutyöntekijä; vastuutyöntekijä on {contact}.",
            "{actor} är inte ärendets kontaktperson; kontaktpersonen är {contact}.",
            "{actor} is not the case's contact worker; the contact worker is {contact}.",
        ),
        "not_social_services": Labels(
            "{actor} työskentelee yksikössä {unit} ({kind}), joka ei ole sosiaalihuoltoa.",
            "{actor} arbetar i enheten {unit} ({kind}), som inte är socialvården.",
            "{actor} works in the unit {unit} ({kind}), which is not social services.",
        ),
        "opening_actor": Labels(
            "Asian avaa huolen kirjannut työntekijä {worker}, ei {actor}.",
            "Ärendet öppnas av arbetstagaren {worker} som registrerade oron, inte av {actor}.",
            "A case is opened by {worker}, whose concern it is, not by {actor}.",
        ),
        "unit": Labels(
            "{person} työskentelee rekisterien mukaan yksikössä {records_unit}, ei {unit}.",
            "Enligt registren arbetar {person} i enheten {records_unit}, inte {unit}.",
            "The records say {person} works in the unit {records_unit}, not {unit}.",
        ),
        "unknown_professional": Labels(
            "Työntekijää {person} ei löydy työntekijärekisteristä.",
            "Yrkespersonen {person} finns inte i personalregistret.",
            "The records know no professional {person}.",
        ),
        "not_custodian": Labels(
            "{person} ei ole rekisterien mukaan lapsen {child} huoltaja.",
            "Enligt registren är {person} inte vårdnadshavare för barnet {child}.",
            "The records do not show {person} as a custodian of the child {child}.",
        ),
        "not_parent": Labels(
            "{person} ei ole rekisterien mukaan lapsen {child} vanhempi.",
            "Enligt registren är {person} inte förälder till barnet {child}.",
            "The records do not show {person} as a parent of the child {child}.",
        ),
        "not_child": Labels(
            "{person} ei ole perheen {family} lapsi.",
            "{person} är inte ett barn i familjen {family}.",
            "{person} is not a child of the family {family}.",
        ),
    },
)


def _actor_refusals(record: StepTaken, records: Records, contact: object) -> tuple[Refusal, ...]:
    # Anyone who learns of the child in their work may take the statutory track (a former
    # contact worker included), so only the dialogue track is kept to the contact worker.
    role, actor = record.role, record.actor
    if role not in _PROFESSIONAL_ROLES:
        return (W4.refuse("family_actor", role=role),)
    professional = records.professional(actor)
    if professional is None:
        return (W4.refuse("unknown_actor", actor=actor),)
    if role is _WORKER and actor != contact and record.step not in STATUTORY_STEPS:
        return (W4.refuse("not_contact", actor=actor, contact=contact),)
    if role is _SOCIAL_SERVICES:
        unit = records.units[professional.unit]
        if not unit.kind.is_social_services:
            return (W4.refuse("not_social_services", actor=actor, unit=unit.id, kind=unit.kind),)
    return NO


def _professional_refusals(
    person: PersonId, unit: UnitId | None, records: Records
) -> tuple[Refusal, ...]:
    professional = records.professional(person)
    if professional is None:
        return (W4.refuse("unknown_professional", person=person),)
    if unit is not None and unit != professional.unit:
        return (W4.refuse("unit", person=person, unit=unit, records_unit=professional.unit),)
    return NO


def _participant_refusals(
    meeting: Meeting, case: Case, family: Family, records: Records
) -> tuple[Refusal, ...]:
    refusals: tuple[Refusal, ...] = ()
    child = case.concern.child
    custodians = family.custodians_of(child)
    for participant in meeting.participants:
        role, person = participant.role, participant.person
        if role.is_professional:
            refusals += _professional_refusals(person, participant.unit, records)
        elif role is _CUSTODIAN and person not in custodians:
            refusals += (W4.refuse("not_custodian", person=person, child=child),)
        elif role is _PARENT and not any(
            c.child == child and c.adult == person for c in family.custody
        ):
            refusals += (W4.refuse("not_parent", person=person, child=child),)
        elif role is _CHILD and person not in _children(family, meeting):
            refusals += (W4.refuse("not_child", person=person, family=family.id),)
    return refusals


def _children(family: Family, meeting: Meeting) -> set[PersonId]:
    # Someone born after the meeting is nobody's child at it: children_on() leaves them out
    # instead of asking for an age before birth (which the model refuses).
    return {m.id for m in family.children_on(meeting.held_on)}


def check_facts(case: Case, record: StepTaken, records: Records) -> tuple[Refusal, ...]:
    """The W4 refusals for *record* about to be added to *case*, judged by *records*."""
    family = records.families.get(case.family.id)
    if family is None:
        return (W4.refuse("unknown_family", family=case.family.id),)
    refusals = _actor_refusals(record, records, case.contact)
    # A worker of another unit sees the case: consent needed (L7). The actor is a known
    # professional here (else W4 refused); one of the case's own unit discloses nothing.
    if not refusals and records.professionals[record.actor].unit != case.unit:  # type: ignore[index]
        refusals = actor_refusals(case, record, records)
    detail = record.detail
    if isinstance(detail, Handover):
        professional = records.professional(detail.to)
        if professional is None:
            refusals += (W4.refuse("unknown_professional", person=detail.to),)
        elif professional.unit != detail.unit:
            refusals += (
                W4.refuse(
                    "unit", person=detail.to, unit=detail.unit, records_unit=professional.unit
                ),
            )
        return refusals
    meeting = (
        detail if isinstance(detail, Meeting)
        else detail.meeting if isinstance(detail, FollowUp)
        else None
    )  # fmt: skip
    if meeting is not None:
        refusals += _participant_refusals(meeting, case, family, records)
    return refusals


def check_opening_facts(case: Case, record: StepTaken, records: Records) -> tuple[Refusal, ...]:
    """The W4 refusals for the opening *record* of *case*: the worker and unit are on record."""
    family = records.family(case.family.id)
    if family is None:
        return (W4.refuse("unknown_family", family=case.family.id),)
    worker = case.concern.worker
    if record.actor != worker:
        return (W4.refuse("opening_actor", worker=worker, actor=record.actor),)
    refusals = _actor_refusals(record, records, worker)
    professional = records.professional(worker)
    opening = record.detail
    if (
        professional is not None
        and isinstance(opening, Opening)
        and opening.unit != professional.unit
    ):
        refusals += (
            W4.refuse("unit", person=worker, unit=opening.unit, records_unit=professional.unit),
        )
    return refusals
