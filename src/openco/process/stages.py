"""The stages a case passes through and the steps that move it, with their fi/sv/en names.

Stages are named as adjectives or participles (*where the case is*), steps as verbs (*what a
worker does*). The dialogue track follows the practice of early open cooperation; the statutory
track (notifications under the Child Welfare Act) runs beside it and never changes the stage.

>>> Stage.PLAN_AGREED.label("fi"), Step.AGREE_PLAN.label("sv")
('suunnitelma sovittu', 'kom överens om planen')
>>> Step.NOTIFY_CHILD_WELFARE in STATUTORY_STEPS
True
"""

from __future__ import annotations

from typing import Final

from openco.model.label import LabelledEnum

__all__ = ["STATUTORY_STEPS", "ActorRole", "Stage", "Step"]


class Stage(LabelledEnum):
    """Where a case stands on the dialogue track."""

    NOTICED = ("noticed", "huoli havaittu", "oro upptäckt", "concern noticed")
    ASSESSED = (
        "assessed",
        "huoli arvioitu vyöhykkeistöllä",
        "oron bedömd med orozonerna",
        "self-assessed on the zones",
    )
    PREPARED = (
        "prepared",
        "puheeksiotto valmisteltu",
        "samtalet förberett",
        "conversation prepared",
    )
    RAISED = (
        "raised",
        "huoli otettu puheeksi",
        "oron upptagen med familjen",
        "concern taken up with the family",
    )
    CONTINUING = (
        "continuing",
        "jatketaan omin keinoin perheen kanssa",
        "fortsätter med egna medel och familjen",
        "continuing with own means and the family",
    )
    CONSULTED = ("consulted", "konsultoitu", "konsulterat", "consulted")
    MEETING_PROPOSED = (
        "meeting_proposed",
        "verkostopalaveri ehdotettu",
        "nätverksmöte föreslaget",
        "network meeting proposed",
    )
    MEETING_AGREED = (
        "meeting_agreed",
        "perhe suostunut palaveriin",
        "familjen har gått med på mötet",
        "family agreed to meet",
    )
    MEETING_HELD = ("meeting_held", "palaveri pidetty", "mötet hållet", "meeting held")
    PLAN_AGREED = ("plan_agreed", "suunnitelma sovittu", "planen överenskommen", "plan agreed")
    FOLLOWED_UP = ("followed_up", "seuranta pidetty", "uppföljningen hållen", "followed up")
    CLOSED = ("closed", "päätetty", "avslutat", "closed")


class Step(LabelledEnum):
    """Something a worker (or the family, or social services) does in a case."""

    NOTICE = ("notice", "havaitse huoli", "upptäck en oro", "notice a concern")
    ASSESS = (
        "assess",
        "arvioi huoli vyöhykkeistöllä",
        "bedöm oron med orozonerna",
        "assess the concern on the zones",
    )
    REASSESS = ("reassess", "arvioi huoli uudelleen", "bedöm oron på nytt", "re-assess the concern")
    PREPARE = (
        "prepare",
        "valmistele puheeksiotto",
        "förbered samtalet",
        "prepare the conversation",
    )
    RAISE = (
        "raise",
        "ota huoli puheeksi ja pyydä apua",
        "ta upp oron och be om hjälp",
        "take the concern up and ask for help",
    )
    CONTINUE = (
        "continue",
        "jatka omin keinoin perheen kanssa",
        "fortsätt med egna medel och familjen",
        "continue with own means and the family",
    )
    CONSULT = (
        "consult",
        "konsultoi kollegaa tai toista yksikköä",
        "konsultera en kollega eller en annan enhet",
        "consult a colleague or another unit",
    )
    PROPOSE_MEETING = (
        "propose_meeting",
        "ehdota verkostopalaveria",
        "föreslå ett nätverksmöte",
        "propose a network meeting",
    )
    AGREE_TO_MEET = (
        "agree_to_meet",
        "sovi palaverista ja kutsuttavista perheen kanssa",
        "kom överens med familjen om mötet och de inbjudna",
        "agree the meeting and whom to invite with the family",
    )
    DECLINE_MEETING = (
        "decline_meeting",
        "kirjaa, että perhe ei halua palaveria",
        "anteckna att familjen avböjer mötet",
        "record that the family declines the meeting",
    )
    HOLD_MEETING = ("hold_meeting", "pidä palaveri", "håll mötet", "hold the meeting")
    AGREE_PLAN = ("agree_plan", "sovi suunnitelma", "kom överens om planen", "agree the plan")
    FOLLOW_UP = ("follow_up", "pidä seuranta", "håll uppföljningen", "follow up")
    START_NEW_CYCLE = (
        "start_new_cycle",
        "aloita uusi kierros",
        "börja en ny omgång",
        "start a new cycle",
    )
    CLOSE = ("close", "päätä", "avsluta", "close")
    HAND_OVER = (
        "hand_over",
        "siirrä toiselle työntekijälle",
        "överlämna till en annan arbetstagare",
        "hand over to another worker",
    )
    RECOGNISE_CRITERIA = (
        "recognise_criteria",
        "totea ilmoitusvelvollisuuden edellytykset",
        "konstatera att villkoren för anmälningsplikt uppfylls",
        "recognise that the notification criteria are met",
    )
    CONTACT_JOINTLY = (
        "contact_jointly",
        "ota yhteys sosiaalihuoltoon yhdessä lapsen tai huoltajan kanssa",
        "kontakta socialvården tillsammans med barnet eller vårdnadshavaren",
        "contact social services together with the child or a custodian",
    )
    NOTIFY_CHILD_WELFARE = (
        "notify_child_welfare",
        "tee lastensuojeluilmoitus",
        "gör en barnskyddsanmälan",
        "make a child welfare notification",
    )
    NOTIFY_POLICE = (
        "notify_police",
        "tee ilmoitus poliisille",
        "gör en anmälan till polisen",
        "notify the police",
    )
    CONFIRM_INITIATION = (
        "confirm_initiation",
        "kirjaa asian vireilletulo",
        "registrera att ärendet har inletts",
        "confirm that the case is initiated",
    )
    REPORT_ASSESSMENT = (
        "report_assessment",
        "kirjaa palvelutarpeen arvioinnin vaihe",
        "registrera ett skede i bedömningen av servicebehovet",
        "report a milestone of the service-need assessment",
    )


STATUTORY_STEPS: Final = frozenset(
    {
        Step.RECOGNISE_CRITERIA,
        Step.CONTACT_JOINTLY,
        Step.NOTIFY_CHILD_WELFARE,
        Step.NOTIFY_POLICE,
        Step.CONFIRM_INITIATION,
        Step.REPORT_ASSESSMENT,
    }
)
"""The steps of the statutory track: recordable from any stage, never blocked by the dialogue."""


class ActorRole(LabelledEnum):
    """The part in which someone took a step."""

    WORKER = ("worker", "vastuutyöntekijä", "kontaktperson", "contact worker")
    COLLEAGUE = ("colleague", "kollega", "kollega", "colleague")
    FACILITATOR = ("facilitator", "fasilitaattori", "facilitator", "facilitator")
    SUPERVISOR = ("supervisor", "esihenkilö", "chef", "supervisor")
    SOCIAL_SERVICES = ("social_services", "sosiaalihuolto", "socialvården", "social services")
    FAMILY = ("family", "perhe", "familjen", "family")
    CLOSE_NETWORK = ("close_network", "läheinen", "närstående", "close-network member")
