"""L6 and L7: identifying data leaves the case's unit only with consent or on a statutory basis."""

from __future__ import annotations

import datetime as dt
from typing import Final

from openco.errors import Refusal
from openco.model.consent import Consent, ConsentGiver, DataScope
from openco.model.ids import UnitId
from openco.model.meeting import Meeting, MeetingRole
from openco.process.case import Case, StepTaken
from openco.process.details import (
    Consultation,
    Invitation,
    StatutoryBasis,
)
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["L6", "L7"]


# --------------------------------------------------------------------------- helpers


def _consent_ok(case: Case, consent: Consent) -> bool:
    """Whether *consent* is given for the case's child by the child or a custodian of theirs."""
    child = case.concern.child
    if consent.subject != child or consent.family != case.family.id:
        return False
    if consent.giver is ConsentGiver.SELF:
        return consent.given_by == child
    return case.family.is_custodian(consent.given_by, child)


def _consented(
    case: Case, record: StepTaken, unit: UnitId, scopes: frozenset[DataScope], on: dt.date
) -> bool:
    """Whether consents of the case (or given at this step) cover *scopes* for *unit* on *on*."""
    for scope in scopes:
        if not any(
            c.covers(unit, scope, on=on) and _consent_ok(case, c)
            for c in (*case.consents, *record.consents)
        ):
            return False
    return True


_CONCERN_ONLY: Final = frozenset({DataScope.CONCERN})


def _basis_given(basis: StatutoryBasis | None) -> bool:
    return basis is not None


def _consultation_refusals(
    case: Case, record: StepTaken, detail: Consultation, rule: Rule
) -> tuple[Refusal, ...]:
    if not detail.identifying or detail.unit == case.unit:
        return NO
    if _basis_given(detail.statutory_basis):
        return NO
    scopes = detail.scopes or _CONCERN_ONLY
    if _consented(case, record, detail.unit, scopes, record.on):
        return NO
    return (rule.refuse("consent", unit=detail.unit, scopes=scopes),)


def _check_social_services_contact(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Consultation) and detail.social_services:
        return _consultation_refusals(case, record, detail, L6)
    return NO


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
    },
    check=_check_social_services_contact,
)


def _invitation_refusals(case: Case, record: StepTaken, detail: Invitation) -> tuple[Refusal, ...]:
    if _basis_given(detail.statutory_basis):
        return NO
    return tuple(
        L7.refuse("invite", unit=unit)
        for unit in sorted(detail.units)
        if unit != case.unit and not _consented(case, record, unit, _CONCERN_ONLY, record.on)
    )


def _meeting_refusals(case: Case, record: StepTaken, detail: Meeting) -> tuple[Refusal, ...]:
    invitation = case.invitation
    if invitation is not None and _basis_given(invitation.statutory_basis):
        return NO
    refusals: tuple[Refusal, ...] = ()
    for participant in detail.participants:
        if participant.role is not MeetingRole.PROFESSIONAL:
            continue
        unit = participant.unit
        if unit is None:
            refusals += (L7.refuse("unit_unknown", person=participant.person),)
        elif unit != case.unit and not _consented(
            case, record, unit, _CONCERN_ONLY, detail.held_on
        ):
            refusals += (L7.refuse("invite", unit=unit),)
    return refusals


def _check_sharing(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Invitation):
        return _invitation_refusals(case, record, detail)
    if isinstance(detail, Meeting):
        return _meeting_refusals(case, record, detail)
    if isinstance(detail, Consultation) and not detail.social_services:
        return _consultation_refusals(case, record, detail, L7)
    return NO


L7 = Rule(
    code="L7",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Asiakastietoja jaetaan yksiköiden välillä vain suostumuksella tai lain perusteella",
        "Klientuppgifter delas mellan enheter bara med samtycke eller med stöd av lag",
        "Client data passes between units only with consent or on a statutory basis",
    ),
    basis=(
        "Act on the processing of client data in social and health care (703/2023); "
        "Child Welfare Act §25, §25a and Social Welfare Act §35 (2) override confidentiality"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Sosiaalihuollon viranomaisen oikeus luovuttaa tietoja "
        "(domain brief §6.5, [S40])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "consent": Labels(
            "Tunnistettava konsultaatio yksikön {unit} kanssa tarvitsee suostumuksen ({scopes}) "
            "tai kirjatun lakiperusteen.",
            "En identifierande konsultation med enheten {unit} kräver samtycke ({scopes}) eller "
            "en registrerad laglig grund.",
            "An identifying consultation with the unit {unit} needs consent ({scopes}) or a "
            "recorded statutory basis.",
        ),
        "invite": Labels(
            "Yksikön {unit} työntekijän kutsuminen tarvitsee lapsen tai huoltajan "
            "voimassa olevan suostumuksen tai kirjatun lakiperusteen.",
            "Att bjuda in en yrkesperson från enheten {unit} kräver ett giltigt samtycke av "
            "barnet eller vårdnadshavaren eller en registrerad laglig grund.",
            "Inviting a professional of the unit {unit} needs a valid consent of the child or a "
            "custodian, or a recorded statutory basis.",
        ),
        "unit_unknown": Labels(
            "Työntekijän {person} yksikkö on kirjattava, jotta suostumus voidaan tarkistaa.",
            "Enheten för yrkespersonen {person} ska registreras så att samtycket kan kontrolleras.",
            "The unit of the professional {person} must be recorded so that consent can be "
            "checked.",
        ),
    },
    check=_check_sharing,
)
