"""The statutory track: child welfare notifications, joint contacts and police notifications.

These acts follow the Child Welfare Act (lastensuojelulaki 417/2007): a notification without
delay (§25), a joint contact with the child or a custodian instead of a notification (§25a),
and a police notification when a sexual offence or an offence against life or health is
suspected (§25.3). They can be recorded from *any* stage of a case; no rule of the dialogue
track, no missing consent and no zone can block them. Their own legal rules still apply: an
unprotected e-mail is not a channel, a mandated notifier cannot notify anonymously, and a joint
contact with a parent who has no custody does not fulfil §25a.

>>> n = Notification(channel=Channel.PHONE, recipient=Recipient.SOCIAL_SERVICES,
...                   reasons="Bruises seen twice this week", mandated_notifier=True,
...                   child_told=False, custodian_told=True)
>>> n.channel.is_protected, Channel.UNPROTECTED_EMAIL.is_protected
(True, False)
"""

from __future__ import annotations

import attrs

from openco.model import _validators as v
from openco.model.ids import PersonId
from openco.model.label import LabelledEnum

__all__ = [
    "Channel",
    "CriteriaMet",
    "JointContact",
    "Milestone",
    "Notification",
    "PoliceNotification",
    "Recipient",
    "SuspectedOffence",
]


class Channel(LabelledEnum):
    """How a notification or contact is made.

    Unprotected e-mail is listed so that it can be refused with a clear reason: a notification
    is never made by unprotected e-mail (THL, Lastensuojelun käsikirja).
    """

    PHONE = ("phone", "puhelimitse", "per telefon", "by phone")
    FORM = ("form", "kirjallisella lomakkeella", "med skriftlig blankett", "on a written form")
    IN_PERSON = ("in_person", "käymällä", "personligen", "in person")
    SECURE_ELECTRONIC = (
        "secure_electronic",
        "suojatulla sähköisellä palvelulla",
        "via en skyddad e-tjänst",
        "through a secure e-service",
    )
    UNPROTECTED_EMAIL = (
        "unprotected_email",
        "suojaamattomalla sähköpostilla",
        "med oskyddad e-post",
        "by unprotected e-mail",
    )

    @property
    def is_protected(self) -> bool:
        """Whether the channel keeps the data confidential."""
        return self is not Channel.UNPROTECTED_EMAIL


class Recipient(LabelledEnum):
    """Who receives a notification."""

    SOCIAL_SERVICES = (
        "social_services",
        "hyvinvointialueen sosiaalipalvelut",
        "välfärdsområdets socialtjänst",
        "the wellbeing area's social services",
    )
    SOCIAL_EMERGENCY = ("social_emergency", "sosiaalipäivystys", "socialjouren", "social emergency")
    EMERGENCY_NUMBER = (
        "emergency_number",
        "hätänumero 112",
        "nödnumret 112",
        "emergency number 112",
    )


class SuspectedOffence(LabelledEnum):
    """The offences whose suspicion obliges a police notification (Child Welfare Act §25.3)."""

    SEXUAL_OFFENCE = (
        "sexual_offence",
        "seksuaalirikos (RL 20 luku)",
        "sexualbrott (SL 20 kap.)",
        "sexual offence (Criminal Code ch. 20)",
    )
    LIFE_OR_HEALTH = (
        "life_or_health",
        "henkeen tai terveyteen kohdistuva rikos (enimmäisrangaistus vähintään 2 vuotta)",
        "brott mot liv eller hälsa (maximistraff minst 2 år)",
        "offence against life or health (maximum penalty at least 2 years)",
    )


class Milestone(LabelledEnum):
    """A milestone of the service-need assessment, reported by social services."""

    URGENCY_ASSESSED = (
        "urgency_assessed",
        "kiireellisyys arvioitu",
        "brådskandet bedömt",
        "urgency assessed",
    )
    ASSESSMENT_STARTED = (
        "assessment_started",
        "palvelutarpeen arviointi aloitettu",
        "bedömningen av servicebehovet inledd",
        "service-need assessment started",
    )
    ASSESSMENT_COMPLETED = (
        "assessment_completed",
        "palvelutarpeen arviointi valmis",
        "bedömningen av servicebehovet klar",
        "service-need assessment completed",
    )


@attrs.frozen(kw_only=True)
class CriteriaMet:
    """The worker's finding that the criteria of a child welfare notification are met.

    From this finding the notification (or a joint contact) is owed without delay, and a police
    notification as well when *suspected_offence* is set.
    """

    reasons: str = attrs.field(validator=v.text)
    suspected_offence: SuspectedOffence | None = attrs.field(
        default=None, validator=v.optional_member_of(SuspectedOffence)
    )


@attrs.frozen(kw_only=True)
class JointContact:
    """A contact with social services made together with the child or a parent (§25a).

    It fulfils the duty to notify only if made without delay, with the child or a *custodial*
    parent, and with the reasons stated; the rules check that, so *reasons* may be left out
    here and be refused there with the rule's own message.
    """

    with_person: PersonId = attrs.field(validator=v.identifier)
    channel: Channel = attrs.field(validator=v.member_of(Channel))
    reasons: str | None = attrs.field(default=None, validator=v.optional_text)


@attrs.frozen(kw_only=True)
class Notification:
    """A child welfare notification (§25).

    Whether the child and a custodian were told is always recorded (no defaults).
    """

    channel: Channel = attrs.field(validator=v.member_of(Channel))
    recipient: Recipient = attrs.field(validator=v.member_of(Recipient))
    reasons: str = attrs.field(validator=v.text)
    mandated_notifier: bool = attrs.field(validator=v.boolean)
    child_told: bool = attrs.field(validator=v.boolean)
    custodian_told: bool = attrs.field(validator=v.boolean)
    anonymous: bool = attrs.field(default=False, validator=v.boolean)


@attrs.frozen(kw_only=True)
class PoliceNotification:
    """A police notification on a suspected offence against the child (§25.3)."""

    offence: SuspectedOffence = attrs.field(validator=v.member_of(SuspectedOffence))
    channel: Channel = attrs.field(validator=v.member_of(Channel))
    reasons: str = attrs.field(validator=v.text)
