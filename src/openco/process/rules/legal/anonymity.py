"""L4: a mandated notifier cannot notify anonymously (Child Welfare Act §25, §25b)."""

from __future__ import annotations

from openco.errors import Refusal
from openco.process.case import Case, StepTaken
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.statutory import (
    Notification,
)

__all__ = ["L4"]


def _check_anonymous(_case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Notification) and detail.anonymous and detail.mandated_notifier:
        return (L4.refuse("anonymous"),)
    return NO


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
        "anonymous": Labels(
            "Ilmoitusvelvollinen ei voi tehdä lastensuojeluilmoitusta nimettömänä.",
            "En anmälningsskyldig kan inte göra en barnskyddsanmälan anonymt.",
            "A mandated notifier cannot make a child welfare notification anonymously.",
        ),
    },
    check=_check_anonymous,
)
