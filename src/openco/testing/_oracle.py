"""Independent oracles for the workflow's promises, used by the state machine's invariants.

Nothing here calls the rule it checks: who hears about the family, and what covers them, is
worked out again from the record, the case before it and the records, straight from the
reading in ``docs/workflow.md`` ("Who hears about the family, and needs consent or a basis?",
"Which consent counts?", "What does a prohibition (kielto) do?", "When does a child's own
consent count?", "May a parent without custody take part?"). If an oracle and a rule
disagree, one of them misreads the law: the failing example says where to look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from openco.model.consent import Consent, ConsentDecision, ConsentGiver, DataScope
from openco.model.family import CustodyKind, Family
from openco.model.ids import ConsentId, PersonId, UnitId
from openco.model.meeting import Meeting, MeetingRole
from openco.model.plan import Plan
from openco.process.case import Case, StepTaken
from openco.process.details import Consultation, FollowUp, Handover, Invitation, StatutoryBasis
from openco.process.records import Records
from openco.process.stages import STATUTORY_STEPS

__all__ = ["Recipient", "family_was_there", "recipients", "uncovered"]

_ADULT_DECIDES: Final = 12  # the documented default age from which a child decides herself
_CONCERN: Final = frozenset({DataScope.CONCERN})
_MEETING: Final = frozenset({DataScope.CONCERN, DataScope.MEETING})
_PLAN: Final = frozenset({DataScope.PLAN})


@attrs.frozen(kw_only=True)
class Recipient:
    """Someone a record lets hear about the family: a unit or a person, what, on which day."""

    unit: UnitId | None = None
    person: PersonId | None = None
    scopes: frozenset[DataScope]
    on: dt.date
    basis: StatutoryBasis | None = None
    why: str

    def __str__(self) -> str:
        who = f"unit {self.unit}" if self.unit is not None else f"person {self.person}"
        scopes = ",".join(sorted(s.value for s in self.scopes))
        return f"{who} ({self.why}; {scopes} on {self.on})"


def _parents_without_custody(family: Family, child: PersonId) -> frozenset[PersonId]:
    custodians = {c.adult for c in family.custody if c.child == child and c.kind.is_custodian}
    return frozenset(
        c.adult
        for c in family.custody
        if c.child == child
        and c.kind is CustodyKind.NON_CUSTODIAL_PARENT
        and c.adult not in custodians
    )


def _unit_of(records: Records, person: PersonId) -> UnitId | None:
    professional = records.professional(person)
    return None if professional is None else professional.unit


def _meeting_recipients(
    meeting: Meeting, records: Records, parents: frozenset[PersonId], basis: StatutoryBasis | None
) -> Iterator[Recipient]:
    for participant in meeting.participants:
        person = participant.person
        if participant.role.is_professional:
            unit = _unit_of(records, person) or participant.unit
            if unit is not None:
                yield Recipient(
                    unit=unit, scopes=_MEETING, on=meeting.held_on, basis=basis,
                    why=f"{participant.role.value} {person} in meeting {meeting.id}",
                )  # fmt: skip
        elif person in parents:
            yield Recipient(
                person=person, scopes=_MEETING, on=meeting.held_on,
                why=f"parent without custody in meeting {meeting.id}",
            )  # fmt: skip


def _plan_recipients(
    plan: Plan, records: Records, parents: frozenset[PersonId], basis: StatutoryBasis | None
) -> Iterator[Recipient]:
    for item in plan.items:
        for person in (item.responsible, *sorted(item.with_whom)):
            unit = _unit_of(records, person)
            if unit is not None:
                yield Recipient(
                    unit=unit, scopes=_PLAN, on=plan.agreed_on, basis=basis,
                    why=f"{person} in plan item {item.id}",
                )  # fmt: skip
            elif person in parents:
                yield Recipient(
                    person=person, scopes=_PLAN, on=plan.agreed_on,
                    why=f"parent without custody in plan item {item.id}",
                )  # fmt: skip


def recipients(before: Case, record: StepTaken, records: Records) -> Iterator[Recipient]:
    """Everyone *record*, added to *before*, lets hear about the family (the case's unit too)."""
    if record.step not in STATUTORY_STEPS and not isinstance(record.detail, Handover):
        unit = _unit_of(records, record.actor)
        if unit is not None:
            yield Recipient(
                unit=unit, scopes=_CONCERN, on=record.on, why=f"{record.actor} takes the step"
            )
    yield from _detail_recipients(before, record, records)


def _detail_recipients(before: Case, record: StepTaken, records: Records) -> Iterator[Recipient]:
    family = records.family(before.family.id) or before.family
    parents = _parents_without_custody(family, before.concern.child)
    invited = before.invitation.statutory_basis if before.invitation is not None else None
    detail = record.detail
    if isinstance(detail, Invitation):
        for unit in sorted(detail.units):
            yield Recipient(
                unit=unit, scopes=_CONCERN, on=record.on, basis=detail.statutory_basis,
                why="invited",
            )  # fmt: skip
    elif isinstance(detail, (Meeting, Plan, FollowUp)):
        meeting = detail if isinstance(detail, Meeting) else None
        plan = detail if isinstance(detail, Plan) else None
        if isinstance(detail, FollowUp):
            meeting, plan = detail.meeting, detail.plan
        if meeting is not None:
            yield from _meeting_recipients(meeting, records, parents, invited)
        if plan is not None:
            yield from _plan_recipients(plan, records, parents, invited)
    elif isinstance(detail, Handover):
        scopes = {
            DataScope.CONCERN,
            *([DataScope.MEETING] if before.meeting is not None else []),
            *([DataScope.PLAN] if before.plan is not None else []),
        }
        yield Recipient(
            unit=detail.unit, scopes=frozenset(scopes), on=record.on,
            basis=detail.statutory_basis, why=f"hand-over to {detail.to}",
        )  # fmt: skip
    elif isinstance(detail, Consultation) and detail.identifying:
        yield Recipient(
            unit=detail.unit, scopes=detail.scopes or _CONCERN, on=record.on,
            basis=detail.statutory_basis, why="consulted",
        )  # fmt: skip


def _latest(declarations: Iterable[Consent]) -> dict[ConsentId, Consent]:
    """Each declaration's latest state: the last copy, but a withdrawal and a "no" stay."""
    latest: dict[ConsentId, Consent] = {}
    for copy in declarations:
        earlier = latest.get(copy.id)
        if earlier is None:
            latest[copy.id] = copy
            continue
        ends = [d for d in (earlier.withdrawn_on, copy.withdrawn_on) if d is not None]
        says = copy.decision
        if earlier.decision is not ConsentDecision.GIVEN:
            says = earlier.decision
        latest[copy.id] = attrs.evolve(
            copy, withdrawn_on=min(ends) if ends else None, decision=says
        )
    return latest


def _in_force(consent: Consent, day: dt.date) -> bool:
    if day < consent.valid_from:
        return False
    if consent.valid_until is not None and consent.valid_until < day:
        return False
    return consent.withdrawn_on is None or day < consent.withdrawn_on


def _age(family: Family, person: PersonId, day: dt.date) -> int | None:
    for member in family.members:
        if member.id == person:
            born = member.birth_date
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return None


def _decides(consent: Consent, family: Family, day: dt.date) -> bool:
    """Whether the subject decides herself, per this declaration (judgement, else age)."""
    if consent.judged_capable is not None:
        return consent.judged_capable
    age = _age(family, consent.subject, day)
    return age is not None and age >= _ADULT_DECIDES


def _speaks_for_child(
    consent: Consent, family: Family, child: PersonId, day: dt.date, *, agreement: bool = False
) -> bool:
    """Whether *consent* is the child's valid word: hers when she decides, else a custodian's."""
    if consent.subject != child:
        return False
    decides = _decides(consent, family, day)
    if consent.giver is ConsentGiver.SELF:
        return consent.given_by == child and decides
    custodian = any(
        c.child == child and c.adult == consent.given_by and c.kind.is_custodian
        for c in family.custody
    )
    return custodian and (agreement or not decides)


def _union_covers(consents: Iterable[Consent], scopes: frozenset[DataScope]) -> bool:
    covered: set[DataScope] = set()
    for consent in consents:
        covered |= consent.scopes
    return scopes <= covered


def uncovered(  # noqa: PLR0911 - one answer per way a recipient is covered
    before: Case, record: StepTaken, recipient: Recipient, records: Records
) -> str | None:
    """Why nothing covers *recipient* of *record* (``None``: something does).

    Covered are: the case's own unit (before the step); a unit of social services named in a
    statutory basis stated for this disclosure; a recipient named by a declaration for the
    case's child that is given, in force on the day, not withdrawn, valid from its giver
    (the child when she decides, a custodian per the records otherwise) and, with the others
    like it, covering the scopes, unless a valid prohibition names the recipient. A parent
    without custody needs a custodian's consent naming them, and the child's own too when she
    decides.
    """
    unit, person, day, scopes = recipient.unit, recipient.person, recipient.on, recipient.scopes
    if unit is not None and unit == before.unit:
        return None
    basis = recipient.basis
    if unit is not None and basis is not None and unit in basis.units:
        known = records.units.get(unit)
        if known is not None and known.kind.is_social_services:
            return None
    family = records.family(before.family.id) or before.family
    child = before.concern.child
    name = str(unit if unit is not None else person)
    declarations = [
        c
        for c in _latest((*before.consents, *record.consents)).values()
        if c.family == before.family.id and name in (c.units | c.people) and _in_force(c, day)
    ]
    valid = [c for c in declarations if _speaks_for_child(c, family, child, day)]
    if any(c.decision is ConsentDecision.PROHIBITED for c in valid):
        return "a prohibition in force names it"
    given = [c for c in valid if c.decision is ConsentDecision.GIVEN]
    if unit is not None:
        return None if _union_covers(given, scopes) else "no given consent in scope covers it"
    custodians_word = [
        c
        for c in declarations
        if c.decision is ConsentDecision.GIVEN
        and c.giver is ConsentGiver.CUSTODIAN
        and _speaks_for_child(c, family, child, day, agreement=True)
    ]
    if not _union_covers(custodians_word, scopes):
        return "no custodian's consent names the parent without custody"
    if _child_decides_now(before, record, family, child, day):
        own = [c for c in given if c.giver is ConsentGiver.SELF]
        if not _union_covers(own, scopes):
            return "the child decides, and her own consent does not name the parent"
    return None


def _child_decides_now(
    before: Case, record: StepTaken, family: Family, child: PersonId, day: dt.date
) -> bool:
    judgement: bool | None = None
    for consent in _latest((*before.consents, *record.consents)).values():
        if consent.subject == child and consent.judged_capable is not None:
            judgement = consent.judged_capable
    if judgement is not None:
        return judgement
    age = _age(family, child, day)
    return age is not None and age >= _ADULT_DECIDES


def family_was_there(meeting: Meeting, family: Family, child: PersonId) -> bool:
    """Whether "the family" took part in *meeting*, judged by the records' *family*.

    A custodian of *child* per the records (in any role other than a worker's), or, none
    there, *child* herself aged 12 or over on the day with the custodians' absence recorded.
    A parent without custody alone never is.
    """
    custodians = {c.adult for c in family.custody if c.child == child and c.kind.is_custodian}
    if any(p.person in custodians and not p.role.is_professional for p in meeting.participants):
        return True
    if meeting.custodians_absent is None:
        return False
    age = _age(family, child, meeting.held_on)
    child_there = any(
        p.person == child and p.role is MeetingRole.CHILD for p in meeting.participants
    )
    return child_there and age is not None and age >= _ADULT_DECIDES
