"""L4: a mandated notifier cannot notify anonymously (Child Welfare Act §25, §25b)."""

from __future__ import annotations

from openco.errors import Refusal
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.statutory import (
    Notification,
)

__all__ = ["L4"]


def _check_anonymous(
    _case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, Notification):
        return NO
    # Whether the notifier is a mandated notifier is the records' fact, never the caller's.
    professional = records.professional(record.actor)
    mandated = professional is not None and professional.mandated_notifier
    refusals: tuple[Refusal, ...] = ()
    if detail.mandated_notifier is not mandated:
        key = "claim_mandated" if mandated else "claim_not_mandated"
        refusals += (L4.refuse(key, actor=record.actor),)
    if detail.anonymous and mandated:
        refusals += (L4.refuse("anonymous"),)
    return refusals


L4 = Rule(
    code="L4",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusvelvollinen ei voi ilmoittaa nimettömänä; lapselle ja huoltajalle "
        "kertominen kirjataan",
        "Den anmälningsskyldiga kan inte anmäla anonymt; om barnet och vårdnadshavaren fått "
        "veta registreras",
        "A mandated notifier cannot notify anonymously; whether the child and custodian were "
        "told is recorded",
    ),
    basis="Child Welfare Act §25 (1) and §25b (recording of the notification)",
    source="Varkaus: Näin toimit (domain brief §6.2, [S37]); THL [S31]",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "claim_mandated": Labels(
            "Rekisterin mukaan {actor} on ilmoitusvelvollinen; ilmoituksen tieto on korjattava.",
            "Enligt registret är {actor} anmälningsskyldig; uppgiften i anmälan ska rättas.",
            "The records say {actor} is a mandated notifier; correct the notification.",
        ),
        "claim_not_mandated": Labels(
            "Rekisterin mukaan {actor} ei ole ilmoitusvelvollinen; ilmoituksen tieto on "
            "korjattava.",
            "Enligt registret är {actor} inte anmälningsskyldig; uppgiften i anmälan ska rättas.",
            "The records say {actor} is not a mandated notifier; correct the notification.",
        ),
        "anonymous": Labels(
            "Ilmoitusvelvollinen ei voi tehdä lastensuojeluilmoitusta nimettömänä.",
            "En anmälningsskyldig kan inte göra en barnskyddsanmälan anonymt.",
            "A mandated notifier cannot make a child welfare notification anonymously.",
        ),
    },
    check=_check_anonymous,
)
