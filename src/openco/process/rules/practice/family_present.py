"""P13: nothing about the family without the family.

"The family present" is judged by the records (:func:`openco.process.participation.presence`):
a custodian of the child per ``Family.custody`` takes part, or, with the custodians absent and
the reason recorded on the meeting, the child aged 12 or over on the day. A parent without
custody alone never makes the family present.
"""

from __future__ import annotations

from openco.errors import Refusal
from openco.model.meeting import Meeting
from openco.model.plan import Plan, PlanItem
from openco.process.case import Case, StepTaken
from openco.process.details import (
    FollowUp,
)
from openco.process.participation import Presence, presence
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["P13", "is_revision", "meeting_of"]


def meeting_of(case: Case, detail: object) -> Meeting | Refusal | None:
    """The meeting a record says the family took part in, a refusal, or None if none."""
    if isinstance(detail, Meeting):
        return detail
    if isinstance(detail, FollowUp):
        return _follow_up_meeting(case, detail)
    if isinstance(detail, Plan):
        meeting = case.meeting
        if meeting is None or detail.meeting != meeting.id:
            return P13.refuse("plan_meeting", meeting=detail.meeting)
        if detail.family != case.family.id:
            return P13.refuse("other_family", family=detail.family)
        return meeting
    return None


def _agreed(item: PlanItem) -> tuple[object, ...]:
    """What the family agreed on an item: everything but how it went (status, outcome)."""
    return (
        item.id, item.what, item.responsible, item.with_whom, item.due,
        item.starts_on, item.until, item.recurrence,
    )  # fmt: skip


def is_revision(current: Plan | None, plan: Plan) -> bool:
    """Whether *plan*, recorded at a follow-up, changes what *current* agreed.

    Recording how items went (their status and outcome) or the next follow-up date is no
    revision; another plan, other items, or items changed in what, who, with whom or when are.
    """
    if current is None or plan.id != current.id or plan.family != current.family:
        return True
    return [_agreed(i) for i in plan.items] != [_agreed(i) for i in current.items]


def _follow_up_meeting(case: Case, detail: FollowUp) -> Meeting | Refusal | None:
    """The follow-up meeting; a plan revised at a follow-up needs one, with the family."""
    plan, meeting = detail.plan, detail.meeting
    if plan is None:
        return meeting
    if plan.family != case.family.id:
        return P13.refuse("other_family", family=plan.family)
    if meeting is None and is_revision(case.plan, plan):
        return P13.refuse("revised_without_meeting", plan=plan.id)
    return meeting


def _check_family_present(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    meeting = meeting_of(case, record.detail)
    if meeting is None:
        return NO
    if isinstance(meeting, Refusal):
        return (meeting,)
    if meeting.family != case.family.id:
        return (P13.refuse("other_family", family=meeting.family or "-"),)
    family = records.family(case.family.id)
    if family is None:
        return NO  # W4 refuses a family the records do not know
    found = presence(meeting, family=family, child=case.concern.child)
    if found.is_present:
        return NO
    key = "family_absent" if found is Presence.ABSENT else found.value
    return (P13.refuse(key, meeting=meeting.id, child=case.concern.child),)


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
        "talking about the family behind their backs; everyone present is heard. The family "
        "is present when a custodian of the child (per the records' custody) takes part, or, "
        "the custodians absent with the reason recorded, the child of 12 or over; a parent "
        "without custody alone is not the family (Child Welfare Act §20; Administrative "
        "Procedure Act §34)"
    ),
    source=(
        "Open Dialogue Australia, Principles [S12]; SOLAR toolkit [S13]; Seikkula, Arnkil & "
        "Eriksson 2003 [S6] (domain brief §4)"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "family_absent": Labels(
            "Palaverissa {meeting} ei ollut lapsen {child} huoltajaa: perheen asioista "
            "sovitaan perheen kanssa.",
            "Ingen vårdnadshavare för barnet {child} deltog i mötet {meeting}: det som gäller "
            "familjen avtalas med familjen.",
            "No custodian of the child {child} took part in the meeting {meeting}: what "
            "concerns the family is agreed with the family.",
        ),
        "parent_alone": Labels(
            "Palaverissa {meeting} oli vain vanhempi, jolla ei ole lapsen {child} huoltoa: "
            "hän ei yksin edusta perhettä; tarvitaan lapsen huoltaja.",
            "I mötet {meeting} deltog bara en förälder utan vårdnad om barnet {child}: hen "
            "företräder inte ensam familjen; en vårdnadshavare behövs.",
            "Only a parent without custody of the child {child} took part in the meeting "
            "{meeting}: such a parent alone is not the family; a custodian is needed.",
        ),
        "child_too_young": Labels(
            "Lapsi {child} osallistui palaveriin {meeting} ilman huoltajaa, mutta on alle "
            "12-vuotias: tarvitaan lapsen huoltaja.",
            "Barnet {child} deltog i mötet {meeting} utan vårdnadshavare men är under 12 år: "
            "en vårdnadshavare behövs.",
            "The child {child} took part in the meeting {meeting} without a custodian but is "
            "under 12: a custodian is needed.",
        ),
        "absence_not_recorded": Labels(
            "Lapsi {child} osallistui palaveriin {meeting} ilman huoltajaa: kirjaa, miksi "
            "huoltajat eivät ole mukana.",
            "Barnet {child} deltog i mötet {meeting} utan vårdnadshavare: registrera varför "
            "vårdnadshavarna inte är med.",
            "The child {child} took part in the meeting {meeting} without a custodian: record "
            "why the custodians are not there.",
        ),
        "plan_meeting": Labels(
            "Suunnitelma on sovittava pidetyssä palaverissa perheen kanssa; palaveria "
            "{meeting} ei ole kirjattu tähän asiaan.",
            "Planen ska göras upp i ett hållet möte med familjen; mötet {meeting} är inte "
            "registrerat i ärendet.",
            "A plan is agreed in a meeting held with the family; the meeting {meeting} is not "
            "the one recorded in this case.",
        ),
        "revised_without_meeting": Labels(
            "Suunnitelmaa {plan} muutettiin seurannassa ilman palaveria: muutettu suunnitelma "
            "sovitaan seurantapalaverissa perheen kanssa.",
            "Planen {plan} ändrades vid uppföljningen utan möte: en ändrad plan avtalas i ett "
            "uppföljningsmöte med familjen.",
            "The plan {plan} was revised at the follow-up without a meeting: a revised plan is "
            "agreed in a follow-up meeting with the family.",
        ),
        "other_family": Labels(
            "Kirjaus koskee perhettä {family}, ei tämän asian perhettä.",
            "Registreringen gäller familjen {family}, inte ärendets familj.",
            "The record is about the family {family}, not this case's family.",
        ),
    },
    check=_check_family_present,
)
