"""L2: a joint contact replaces a notification only with the child or a custodian (§25a)."""

from __future__ import annotations

from openco.errors import Refusal
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.statutory import (
    JointContact,
)

__all__ = ["L2"]


def _check_joint_contact(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, JointContact):
        return NO
    refusals: tuple[Refusal, ...] = ()
    child = case.concern.child
    person = detail.with_person
    # Custody as the records hold it now, not as the case's opening recorded it.
    family = records.family(case.family.id) or case.family
    if person != child:
        members = {m.id for m in family.members}
        if person not in members:
            refusals += (L2.refuse("not_family", person=person),)
        elif not family.is_custodian(person, child):
            refusals += (L2.refuse("non_custodian", person=person),)
    if detail.reasons is None:
        refusals += (L2.refuse("reasons"),)
    return refusals


L2 = Rule(
    code="L2",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Yhteinen yhteydenotto korvaa ilmoituksen vain lapsen tai huoltajan kanssa, "
        "viipymättä ja perustellen",
        "En gemensam kontakt ersätter anmälan bara med barnet eller vårdnadshavaren, "
        "utan dröjsmål och med motivering",
        "A joint contact replaces a notification only with the child or a custodian, "
        "without delay and with reasons stated",
    ),
    basis=(
        "Child Welfare Act §25a (as amended by 1302/2014): contact social services 'together "
        "with the child or the parent', 'without delay', 'stating the reasons'"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Yhteydenotto sosiaalihuoltoon tuen tarpeen "
        "arvioimiseksi (domain brief §6.3, [S33]-[S36])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "non_custodian": Labels(
            "Yhteydenotto vanhemman {person} kanssa, jolla ei ole huoltajuutta, ei täytä "
            "25 a §:n velvollisuutta: tee ilmoitus tai ota yhteys lapsen tai huoltajan kanssa.",
            "En kontakt med föräldern {person}, som saknar vårdnad, uppfyller inte skyldigheten "
            "i 25 a §: gör en anmälan eller kontakta tillsammans med barnet eller "
            "vårdnadshavaren.",
            "A joint contact with {person}, a parent without custody, does not fulfil §25a: "
            "notify, or contact social services with the child or a custodian.",
        ),
        "not_family": Labels(
            "{person} ei ole lapsi eikä perheen huoltaja; yhteinen yhteydenotto tehdään lapsen "
            "tai huoltajan kanssa.",
            "{person} är varken barnet eller en vårdnadshavare i familjen; en gemensam kontakt "
            "görs med barnet eller vårdnadshavaren.",
            "{person} is neither the child nor a custodian in the family; a joint contact is "
            "made with the child or a custodian.",
        ),
        "reasons": Labels(
            "Yhteydenoton perusteet on kerrottava.",
            "Skälen för kontakten ska anges.",
            "The reasons for the contact must be stated.",
        ),
    },
    check=_check_joint_contact,
)
