"""Duties: what someone owes in a case, by when, and under which rule.

An :class:`Obligation` is one line of a worker's worklist, produced by
:func:`openco.process.worklist.obligations` from the obligation rules of the catalogue.
"""

from __future__ import annotations

import datetime as dt

import attrs

from openco.model.ids import PersonId
from openco.model.label import LabelledEnum
from openco.process.stages import ActorRole

__all__ = ["Duty", "Obligation"]


class Duty(LabelledEnum):
    """A kind of duty."""

    TAKE_UP_CONCERN = (
        "take_up_concern",
        "ota huoli puheeksi perheen kanssa",
        "ta upp oron med familjen",
        "take the concern up with the family",
    )
    HOLD_FOLLOW_UP = ("hold_follow_up", "pidä seuranta", "håll uppföljningen", "hold the follow-up")
    COMPLETE_PLAN_ITEM = (
        "complete_plan_item",
        "tee suunnitelmassa sovittu asia",
        "gör det som överenskommits i planen",
        "do what the plan item says",
    )
    NOTIFY_WITHOUT_DELAY = (
        "notify_without_delay",
        "tee lastensuojeluilmoitus viipymättä",
        "gör en barnskyddsanmälan utan dröjsmål",
        "make a child welfare notification without delay",
    )
    OFFER_JOINT_CONTACT = (
        "offer_joint_contact",
        "tarjoa perheelle yhteistä yhteydenottoa sosiaalihuoltoon",
        "erbjud familjen att kontakta socialvården tillsammans",
        "offer the family a joint contact with social services",
    )
    NOTIFY_POLICE = (
        "notify_police",
        "tee ilmoitus poliisille",
        "gör en anmälan till polisen",
        "notify the police",
    )
    ASSESS_URGENCY = (
        "assess_urgency",
        "arvioi lapsen kiireellisen avun tarve välittömästi",
        "bedöm omedelbart om barnet behöver brådskande hjälp",
        "assess at once whether the child needs urgent help",
    )
    START_ASSESSMENT = (
        "start_assessment",
        "aloita palvelutarpeen arviointi",
        "inled bedömningen av servicebehovet",
        "start the service-need assessment",
    )
    COMPLETE_ASSESSMENT = (
        "complete_assessment",
        "saata palvelutarpeen arviointi valmiiksi",
        "slutför bedömningen av servicebehovet",
        "complete the service-need assessment",
    )
    ARRANGE_INTERPRETER = (
        "arrange_interpreter",
        "järjestä tulkki palaveriin",
        "ordna en tolk till mötet",
        "arrange an interpreter for the meeting",
    )
    HOLD_AREA_MEETING = (
        "hold_area_meeting",
        "pidä alueellinen yhteistyöpalaveri",
        "håll områdets samarbetsmöte",
        "hold the area cooperation meeting",
    )


@attrs.frozen(kw_only=True)
class Obligation:
    """A duty owed by someone, due on a date, under a rule; *overdue* relative to the day asked.

    *owed_by* is a person where one is named (the contact worker, the person responsible for a
    plan item); for duties of social services or an area it is ``None`` and *owed_by_role*
    says who. *ref* points at what the duty is about, such as a plan item's id.

    >>> o = Obligation(rule="P14", duty=Duty.HOLD_FOLLOW_UP, owed_by=PersonId("w1"),
    ...                owed_by_role=ActorRole.WORKER, due=dt.date(2026, 7, 14), overdue=False)
    >>> o.describe("fi")
    'pidä seuranta viimeistään 2026-07-14 (P14)'
    """

    rule: str
    duty: Duty
    owed_by: PersonId | None
    owed_by_role: ActorRole
    due: dt.date
    overdue: bool
    ref: str | None = None

    def describe(self, language: str = "en") -> str:
        """One line for a worklist, in *language*."""
        by = {"fi": "viimeistään", "sv": "senast", "en": "by"}[language]
        return f"{self.duty.label(language)} {by} {self.due.isoformat()} ({self.rule})"
