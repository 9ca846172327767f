"""P13: nothing about the family without the family."""

from __future__ import annotations

from openco.errors import Refusal
from openco.model.meeting import Meeting
from openco.model.plan import Plan
from openco.process.case import Case, StepTaken
from openco.process.details import (
    FollowUp,
)
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["P13", "meeting_of"]


def meeting_of(case: Case, detail: object) -> Meeting | Refusal | None:
    """The meeting a record says the family took part in, a refusal, or None if none."""
    if isinstance(detail, Meeting):
        return detail
    if isinstance(detail, FollowUp):
        return detail.meeting
    if isinstance(detail, Plan):
        meeting = case.meeting
        if meeting is None or detail.meeting != meeting.id:
            return P13.refuse("plan_meeting", meeting=detail.meeting)
        if detail.family != case.family.id:
            return P13.refuse("other_family", family=detail.family)
        return meeting
    return None


def _check_family_present(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    meeting = meeting_of(case, record.detail)
    if meeting is None:
        return NO
    if isinstance(meeting, Refusal):
        return (meeting,)
    if meeting.family != case.family.id:
        return (P13.refuse("other_family", family=meeting.family or "-"),)
    if not meeting.family_present:
        return (P13.refuse("family_absent", meeting=meeting.id),)
    return NO


P13 = Rule(
    code="P13",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Ei mitään perheestä ilman perhettä",
        "Ingenting om familjen utan familjen",
        "Nothing about the family without the family",
    ),
    basis=(
        "Open Dialogue and network meetings: decisions are made with the family present; no "
        "talking about the family behind their backs; everyone present is heard"
    ),
    source=(
        "Open Dialogue Australia, Principles [S12]; SOLAR toolkit [S13]; Seikkula, Arnkil & "
        "Eriksson 2003 [S6] (domain brief §4)"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "family_absent": Labels(
            "Palaverissa {meeting} ei ollut lasta eikä vanhempaa: perheen asioista sovitaan "
            "perheen kanssa.",
            "Varken barnet eller en förälder deltog i mötet {meeting}: det som gäller familjen "
            "avtalas med familjen.",
            "Neither the child nor a parent took part in the meeting {meeting}: what concerns "
            "the family is agreed with the family.",
        ),
        "plan_meeting": Labels(
            "Suunnitelma on sovittava pidetyssä palaverissa perheen kanssa; palaveria "
            "{meeting} ei ole kirjattu tähän asiaan.",
            "Planen ska göras upp i ett hållet möte med familjen; mötet {meeting} är inte "
            "registrerat i ärendet.",
            "A plan is agreed in a meeting held with the family; the meeting {meeting} is not "
            "the one recorded in this case.",
        ),
        "other_family": Labels(
            "Kirjaus koskee perhettä {family}, ei tämän asian perhettä.",
            "Registreringen gäller familjen {family}, inte ärendets familj.",
            "The record is about the family {family}, not this case's family.",
        ),
    },
    check=_check_family_present,
)
