"""L6 and L7: identifying data reaches someone only with consent in scope or a statutory basis.

Every person who will hear about the family is judged here with
:func:`openco.process.disclosure.may_disclose`: the units invited, every professional taking
part in a meeting (facilitators included) on the day it is held, a parent without custody, a
unit or worker receiving a hand-over, a professional named responsible for a plan item, a unit
consulted, and a worker of another unit taking a dialogue step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from openco.errors import Refusal
from openco.model.consent import DataScope
from openco.model.family import Family
from openco.model.ids import PersonId, UnitId
from openco.model.meeting import Meeting, MeetingRole
from openco.model.plan import Plan
from openco.process.case import Case, StepTaken, merge_consents
from openco.process.details import Consultation, FollowUp, Handover, Invitation, StatutoryBasis
from openco.process.disclosure import Judge
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import STATUTORY_STEPS

__all__ = ["L6", "L7", "actor_refusals"]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_PARENT: Final = MeetingRole.PARENT

_CONCERN: Final = frozenset({DataScope.CONCERN})
_MEETING: Final = frozenset({DataScope.CONCERN, DataScope.MEETING})
_PLAN: Final = frozenset({DataScope.PLAN})


class _Facts:
    """What every disclosure of one step is judged by, looked up when first needed."""

    __slots__ = ("_judge", "case", "record", "records")

    def __init__(self, case: Case, record: StepTaken, records: Records) -> None:
        self.case = case
        self.record = record
        self.records = records
        self._judge: Judge | None = None

    @classmethod
    def of(cls, case: Case, record: StepTaken, records: Records) -> _Facts:
        return cls(case, record, records)

    @property
    def family(self) -> Family:
        """The family as the records hold it (else the case's)."""
        return self.judge.family

    @property
    def judge(self) -> Judge:
        judge = self._judge
        if judge is None:
            case, consents = self.case, self.record.consents
            family = self.records.family(case.family.id) or case.family
            states = case.consent_states()
            if consents:
                states = merge_consents(states, consents)
            judge = self._judge = Judge(case, self.records, family, states)
        return judge


def _judged(
    facts: _Facts,
    *,
    on: dt.date,
    scopes: frozenset[DataScope],
    unit: UnitId | None = None,
    person: PersonId | None = None,
    basis: StatutoryBasis | None = None,
) -> tuple[Refusal, ...]:
    if unit is not None and unit == facts.case.unit:
        return NO  # data staying in the case's own unit is no disclosure
    return facts.judge.refusals(on=on, scopes=scopes, unit=unit, person=person, basis=basis)


def _consultation_refusals(
    case: Case, record: StepTaken, detail: Consultation, facts: _Facts, rule: Rule
) -> tuple[Refusal, ...]:
    if not detail.identifying or detail.unit == case.unit:
        return NO
    scopes = detail.scopes or _CONCERN
    reasons = _judged(
        facts, on=record.on, scopes=scopes, unit=detail.unit,
        basis=detail.statutory_basis,
    )  # fmt: skip
    if reasons and rule is L6:
        return (L6.refuse("consent", unit=detail.unit, scopes=scopes),)
    return reasons


def _check_social_services_contact(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, Consultation) or not detail.social_services:
        return NO
    unit = records.unit(detail.unit)
    if unit is not None and not unit.kind.is_social_services:
        return (L6.refuse("not_social_services", unit=detail.unit),)
    return _consultation_refusals(case, record, detail, _Facts.of(case, record, records), L6)


L6 = Rule(
    code="L6",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Yhteydenotto sosiaalihuoltoon suostumuksella, ilman sitä vain lain perusteella",
        "Kontakt med socialvården med samtycke, utan samtycke bara med stöd av lag",
        "Contact social services with consent; without it only on a statutory basis",
    ),
    basis=(
        "Social Welfare Act (sosiaalihuoltolaki 1301/2014) §35: guide the person or, with "
        "consent, contact social services; without consent only if the person cannot look "
        "after themself or the child's interest requires it (§35 (2))"
    ),
    source="Kallio, Salo guidance (domain brief §6.4, [S35], [S36])",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "consent": Labels(
            "Tunnistettava yhteydenotto sosiaalihuoltoon ({unit}) tarvitsee huoltajan tai "
            "lapsen suostumuksen ({scopes}) tai kirjatun lakiperusteen (SHL 35 § 2 mom.).",
            "En identifierande kontakt med socialvården ({unit}) kräver samtycke av "
            "vårdnadshavaren eller barnet ({scopes}) eller en registrerad laglig grund "
            "(SVL 35 § 2 mom.).",
            "An identifying contact with social services ({unit}) needs the custodian's or the "
            "child's consent ({scopes}) or a recorded statutory basis (SHL §35 (2)).",
        ),
        "not_social_services": Labels(
            "Yksikkö {unit} ei ole sosiaalihuoltoa; kirjaa yhteydenotto konsultaationa.",
            "Enheten {unit} är inte socialvården; registrera kontakten som en konsultation.",
            "The unit {unit} is not social services; record the contact as a consultation.",
        ),
    },
    check=_check_social_services_contact,
)


def _invitation_refusals(
    _case: Case, record: StepTaken, detail: Invitation, facts: _Facts
) -> Iterator[Refusal]:
    for unit in sorted(detail.units):
        yield from _judged(
            facts, on=record.on, scopes=_CONCERN, unit=unit,
            basis=detail.statutory_basis,
        )  # fmt: skip


def _meeting_refusals(
    case: Case, _record: StepTaken, meeting: Meeting, facts: _Facts
) -> Iterator[Refusal]:
    """Everyone the meeting tells, judged on the day it is held."""
    basis = case.invitation.statutory_basis if case.invitation is not None else None
    for participant in meeting.participants:
        role = participant.role
        if role.is_professional:
            unit = facts.records.unit_of(participant.person)
            if unit is not None:
                yield from _judged(
                    facts, on=meeting.held_on, scopes=_MEETING, unit=unit.id,
                    basis=basis,
                )  # fmt: skip
        elif role is _PARENT or (
            # The records, not the role recorded, say who is a parent without custody.
            role is MeetingRole.CLOSE_NETWORK
            and _is_parent_without_custody(facts.family, participant.person, case.concern.child)
        ):
            yield from _judged(
                facts, on=meeting.held_on, scopes=_MEETING,
                person=participant.person,
            )  # fmt: skip


def _plan_refusals(case: Case, _record: StepTaken, plan: Plan, facts: _Facts) -> Iterator[Refusal]:
    """A plan item discloses the plan to everyone named in it.

    To the units of the professionals responsible or helping, and to a parent without custody.
    """
    basis = case.invitation.statutory_basis if case.invitation is not None else None
    child = case.concern.child
    seen: set[str] = set()
    for item in plan.items:
        for person in (item.responsible, *sorted(item.with_whom)):
            unit = facts.records.unit_of(person)
            if unit is not None and unit.id not in seen:
                seen.add(unit.id)
                yield from _judged(
                    facts, on=plan.agreed_on, scopes=_PLAN, unit=unit.id,
                    basis=basis,
                )  # fmt: skip
            elif (
                unit is None
                and person not in seen
                and _is_parent_without_custody(facts.family, person, child)
            ):
                seen.add(person)
                yield from _judged(facts, on=plan.agreed_on, scopes=_PLAN, person=person)


def _is_parent_without_custody(family: Family, person: PersonId, child: PersonId) -> bool:
    return not family.is_custodian(person, child) and any(
        c.child == child and c.adult == person for c in family.custody
    )


def _handover_refusals(
    case: Case, record: StepTaken, detail: Handover, facts: _Facts
) -> tuple[Refusal, ...]:
    scopes = set(_CONCERN)
    if case.meeting is not None:
        scopes.add(DataScope.MEETING)
    if case.plan is not None:
        scopes.add(DataScope.PLAN)
    return _judged(
        facts, on=record.on, scopes=frozenset(scopes), unit=detail.unit,
        basis=detail.statutory_basis,
    )  # fmt: skip


def actor_refusals(case: Case, record: StepTaken, records: Records) -> tuple[Refusal, ...]:
    """L7 for the actor: a worker of another unit taking a dialogue step sees the case.

    Every dialogue step shows the case to whoever takes it, whichever rules guard its row, so
    the workflow asks this on every step (with the facts of W4), not only on the rows that
    list L7.
    """
    if record.step in STATUTORY_STEPS or isinstance(record.detail, Handover):
        return NO
    unit = records.unit_of(record.actor)
    if unit is None or unit.id == case.unit:
        return NO
    return _judged(_Facts.of(case, record, records), on=record.on, scopes=_CONCERN, unit=unit.id)


def _check_sharing(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    facts = _Facts.of(case, record, records)
    found: list[Refusal] = []  # the actor is judged on every step: actor_refusals()
    if isinstance(detail, Invitation):
        found += _invitation_refusals(case, record, detail, facts)
    elif isinstance(detail, Meeting):
        found += _meeting_refusals(case, record, detail, facts)
    elif isinstance(detail, Plan):
        found += _plan_refusals(case, record, detail, facts)
    elif isinstance(detail, FollowUp):
        if detail.meeting is not None:
            found += _meeting_refusals(case, record, detail.meeting, facts)
        if detail.plan is not None:
            found += _plan_refusals(case, record, detail.plan, facts)
    elif isinstance(detail, Handover):
        found += _handover_refusals(case, record, detail, facts)
    elif isinstance(detail, Consultation) and not detail.social_services:
        found += _consultation_refusals(case, record, detail, facts, L7)
    return tuple(dict.fromkeys(found))  # one refusal per recipient and reason


L7 = Rule(
    code="L7",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Tunnistettavat tiedot vain sille, jonka suostumus tai lakiperuste kattaa",
        "Identifierande uppgifter bara till den som ett samtycke eller en laglig grund täcker",
        "Identifying data reaches only those a consent or a statutory basis covers",
    ),
    basis=(
        "Act on the processing of client data in social and health care (703/2023): a "
        "disclosure needs the client's consent (the child's own where the child can decide) "
        "or a statutory basis; a prohibition (kielto) blocks it; Child Welfare Act §25, §25a "
        "and Social Welfare Act §35 (2) override confidentiality"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Sosiaalihuollon viranomaisen oikeus luovuttaa tietoja "
        "(domain brief §6.5, [S40])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "consent": Labels(
            "Tietoja ({scopes}) ei voi luovuttaa vastaanottajalle {recipient} päivänä {on}: "
            "lapsen tai huoltajan voimassa oleva suostumus tai kirjattu lakiperuste puuttuu.",
            "Uppgifterna ({scopes}) kan inte lämnas ut till {recipient} den {on}: ett giltigt "
            "samtycke av barnet eller vårdnadshavaren eller en registrerad laglig grund saknas.",
            "The data ({scopes}) cannot go to {recipient} on {on}: no valid consent of the "
            "child or a custodian covers it, and no statutory basis is stated.",
        ),
        "refused": Labels(
            "Perhe on kieltäytynyt antamasta suostumusta tietojen luovuttamiseen "
            "vastaanottajalle {recipient}.",
            "Familjen har vägrat samtycke till att uppgifterna lämnas ut till {recipient}.",
            "The family refused consent to disclose the data to {recipient}.",
        ),
        "prohibited": Labels(
            "Perhe on kieltänyt tietojen luovuttamisen vastaanottajalle {recipient} (kielto "
            "voimassa {on}); vain kirjattu lakiperuste sallii sen.",
            "Familjen har förbjudit att uppgifterna lämnas ut till {recipient} (förbudet gäller "
            "{on}); bara en registrerad laglig grund tillåter det.",
            "The family forbade disclosing the data to {recipient} (a prohibition in force on "
            "{on}); only a stated statutory basis allows it.",
        ),
        "child_not_capable": Labels(
            "Lapsen {child} oma suostumus ei riitä luovutukseen vastaanottajalle {recipient}: "
            "työntekijän arvion tai iän (alle 12) mukaan lapsi ei voi vielä päättää asiasta.",
            "Barnets {child} eget samtycke räcker inte för utlämnandet till {recipient}: enligt "
            "arbetstagarens bedömning eller åldern (under 12) kan barnet ännu inte bestämma.",
            "The child {child}'s own consent does not count for {recipient}: by the worker's "
            "judgement or her age (under 12) she cannot yet decide on it.",
        ),
        "child_decides": Labels(
            "Lapsi {child} voi itse päättää tiedoistaan: luovutus vastaanottajalle {recipient} "
            "tarvitsee lapsen oman suostumuksen.",
            "Barnet {child} kan själv bestämma om sina uppgifter: utlämnandet till {recipient} "
            "kräver barnets eget samtycke.",
            "The child {child} can decide on her own data: disclosing to {recipient} needs her "
            "own consent.",
        ),
        "parent": Labels(
            "Vanhempi {recipient}, jolla ei ole huoltajuutta, voi osallistua vain huoltajan "
            "suostumuksella.",
            "Föräldern {recipient}, som saknar vårdnad, kan delta bara med vårdnadshavarens "
            "samtycke.",
            "{recipient}, a parent without custody, may take part only with a custodian's consent.",
        ),
        "parent_child": Labels(
            "Vanhemman {recipient} osallistumiseen tarvitaan myös lapsen oma suostumus.",
            "För att föräldern {recipient} ska delta krävs också barnets eget samtycke.",
            "{recipient}, a parent without custody, also needs the child's own consent to "
            "take part.",
        ),
        "basis_recipient": Labels(
            "Lakiperuste ({provision}) on kirjattu muille kuin vastaanottajalle {recipient}.",
            "Den lagliga grunden ({provision}) är registrerad för andra än {recipient}.",
            "The statutory basis ({provision}) was stated for others, not for {recipient}.",
        ),
        "basis_provision": Labels(
            "Lakiperuste ({provision}) kattaa vain luovutuksen sosiaalihuoltoon, ei "
            "vastaanottajalle {recipient}.",
            "Den lagliga grunden ({provision}) täcker bara utlämnande till socialvården, inte "
            "till {recipient}.",
            "The statutory basis ({provision}) covers a disclosure to social services only, "
            "not to {recipient}.",
        ),
    },
    check=_check_sharing,
)
