"""L5: a notification is never made by unprotected e-mail."""

from __future__ import annotations

from openco.errors import Refusal
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.statutory import (
    Channel,
    JointContact,
    Notification,
    PoliceNotification,
)

__all__ = ["L5"]


def _check_channel(
    _case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if (
        isinstance(detail, (Notification, PoliceNotification, JointContact))
        and detail.channel is Channel.UNPROTECTED_EMAIL
    ):
        return (L5.refuse("unprotected_email", channel=detail.channel),)
    return NO


L5 = Rule(
    code="L5",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusta ei koskaan tehdä suojaamattomalla sähköpostilla",
        "En anmälan görs aldrig med oskyddad e-post",
        "A notification is never made by unprotected e-mail",
    ),
    basis="Child Welfare Act §25 with the confidentiality of client data (Act 703/2023)",
    source="THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus (domain brief §6.2, [S31])",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "unprotected_email": Labels(
            "Kanava '{channel}' ei kelpaa: käytä puhelinta, lomaketta, käyntiä tai suojattua "
            "sähköistä palvelua.",
            "Kanalen '{channel}' duger inte: använd telefon, blankett, besök eller en skyddad "
            "e-tjänst.",
            "The channel '{channel}' is not allowed: use the phone, a form, a visit or a "
            "secure e-service.",
        ),
    },
    check=_check_channel,
)
