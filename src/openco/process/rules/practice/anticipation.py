"""P14: anticipation dialogues: two outside facilitators, the family first, plan, follow-up."""

from __future__ import annotations

import datetime as dt
from typing import Final

from openco.errors import Refusal
from openco.model.ids import PersonId, UnitId
from openco.model.meeting import Meeting, MeetingKind, MeetingRole
from openco.model.plan import Plan
from openco.process import schedule
from openco.process.case import Case, StepTaken
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Stage, Step

__all__ = ["P14"]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_FACILITATOR: Final = ActorRole.FACILITATOR
_INTERVIEWER: Final = MeetingRole.INTERVIEWER
_RECORDER: Final = MeetingRole.RECORDER
_ANTICIPATION_DIALOGUE: Final = MeetingKind.ANTICIPATION_DIALOGUE
_HOLD_MEETING: Final = Step.HOLD_MEETING


def _inside_case(
    case: Case, meeting: Meeting, records: Records
) -> tuple[set[PersonId], set[UnitId]]:
    """The workers of the case so far (facilitators apart) and the units in it.

    The units in the case are the case's own and the units of its workers (as the records
    give them), the professionals taking part in *meeting* among them. A unit invited only
    for its facilitators is not in the case.
    """
    inside: set[PersonId] = {case.concern.worker, case.contact}
    inside.update(case.actors(besides=_FACILITATOR))
    units: set[UnitId] = {case.unit}
    for participant in meeting.participants:
        if participant.role.is_professional and not participant.role.is_facilitator:
            inside.add(participant.person)
    for person in inside:
        unit = records.unit_of(person)
        if unit is not None:
            units.add(unit.id)
    return inside, units


def _order_refusals(meeting: Meeting) -> tuple[Refusal, ...]:
    """The family and close network speak before the professionals (facilitators apart)."""
    if not meeting.speaking_order:
        return (P14.refuse("order_missing"),)
    roles: dict[PersonId, MeetingRole] = {}  # meeting.role_of: a person's first role
    for participant in meeting.participants:
        roles.setdefault(participant.person, participant.role)
    professional_spoke = False
    for person in meeting.speaking_order:
        role = roles.get(person)
        if role is None or role.is_facilitator:
            continue
        if role.is_professional:
            professional_spoke = True
        elif professional_spoke:
            return (P14.refuse("order", person=person),)
    return NO


def _check_anticipation_meeting(
    meeting: Meeting, case: Case, settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    refusals: tuple[Refusal, ...] = ()
    interviewers = meeting.with_role(_INTERVIEWER)
    recorders = meeting.with_role(_RECORDER)
    count = len(interviewers) + len(recorders)
    if count != settings.facilitators or not interviewers or not recorders:
        refusals += (P14.refuse("facilitators", count=count, needed=settings.facilitators),)
    inside, units = _inside_case(case, meeting, records)
    for facilitator in (*interviewers, *recorders):
        professional = records.professional(facilitator.person)
        if professional is not None and not professional.trained_facilitator:
            refusals += (P14.refuse("untrained", person=facilitator.person),)
        if facilitator.person in inside or (
            professional is not None and professional.unit in units
        ):
            refusals += (P14.refuse("outside", person=facilitator.person),)
    return refusals + _order_refusals(meeting)


def _check_anticipation(
    case: Case, record: StepTaken, settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Meeting):
        if detail.kind is _ANTICIPATION_DIALOGUE:
            return _check_anticipation_meeting(detail, case, settings, records)
        invitation = case.invitation
        if (
            record.step is _HOLD_MEETING
            and invitation is not None
            and invitation.kind is _ANTICIPATION_DIALOGUE
        ):
            # The family agreed to an anticipation dialogue: recording another kind of
            # meeting must not skip its checks.
            return (P14.refuse("kind", kind=detail.kind, agreed=invitation.kind),)
        return NO
    if not isinstance(detail, Plan):
        return NO
    refusals: tuple[Refusal, ...] = ()
    if not detail.items:
        refusals += (P14.refuse("no_items"),)
    for item in detail.items:
        # An ongoing or recurring item's "when" is its start (and its recurrence).
        if item.due is None and item.starts_on is None:
            refusals += (P14.refuse("item_when", item=item.id),)
    if detail.follow_up_on is None:
        refusals += (P14.refuse("follow_up"),)
    return refusals


def _follow_up_duties(
    case: Case, today: dt.date, settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    due: dt.date | None = None
    if case.stage is Stage.PLAN_AGREED and case.plan is not None:
        due = case.plan.follow_up_on
    elif case.stage is Stage.CONTINUING:
        continued = case.latest_of(Step.CONTINUE)
        since = case.last_on if continued is None else continued.on
        due = schedule.months_after(since, settings.follow_up_after_months)
    if due is None:
        return ()
    return (
        Obligation(
            rule="P14",
            duty=Duty.HOLD_FOLLOW_UP,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P14 = Rule(
    code="P14",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Tulevaisuuden muistelu: kaksi ulkopuolista fasilitaattoria, perhe ja läheiset "
        "puhuvat ensin, tuloksena suunnitelma ja seuranta",
        "Framtidsdialog: två utomstående facilitatorer, familjen och de närstående talar "
        "först, resultatet är en plan och en uppföljning",
        "Anticipation dialogue: two facilitators from outside the case, family and close "
        "network speak first, the output is a plan with a follow-up",
    ),
    basis=(
        "Anticipation dialogues (tulevaisuuden muistelu): two facilitators not involved in the "
        "case, one interviewing and one writing; the family and their network are interviewed "
        "before the professionals; the output is a concrete plan (what, who, with whom, when) "
        "and a follow-up meeting"
    ),
    source=(
        "Innokylä, Tulevaisuuden muistelu [S8]; Seikkula & Arnkil, Dialogical Meetings in "
        "Social Networks [S7]; Laitila 2015 on Vantaa's network consultants [S10] "
        "(domain brief §3)"
    ),
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "facilitators": Labels(
            "Tulevaisuuden muistelussa on oltava {needed} fasilitaattoria, haastattelija ja "
            "kirjaaja; nyt {count}.",
            "En framtidsdialog ska ha {needed} facilitatorer, en intervjuare och en som "
            "antecknar; nu {count}.",
            "An anticipation dialogue has {needed} facilitators, an interviewer and a "
            "recorder; there are {count}.",
        ),
        "kind": Labels(
            "Perhe suostui tulevaisuuden muisteluun; palaveri kirjattiin lajina '{kind}'. "
            "Pidetty palaveri on se, johon perhe suostui.",
            "Familjen gick med på en framtidsdialog; mötet registrerades som '{kind}'. Det "
            "hållna mötet är det som familjen gick med på.",
            "The family agreed to an anticipation dialogue, but the meeting was recorded as "
            "'{kind}'; the meeting held is the one the family agreed to.",
        ),
        "untrained": Labels(
            "{person} ei ole koulutettu verkostokonsultti; tulevaisuuden muistelun vetävät "
            "koulutetut fasilitaattorit.",
            "{person} är inte en utbildad nätverkskonsult; en framtidsdialog leds av utbildade "
            "facilitatorer.",
            "{person} is not a trained network facilitator; trained facilitators lead an "
            "anticipation dialogue.",
        ),
        "outside": Labels(
            "Fasilitaattori {person} on mukana asiassa; fasilitaattorit tulevat asian "
            "ulkopuolelta.",
            "Facilitatorn {person} är involverad i ärendet; facilitatorerna kommer utifrån.",
            "The facilitator {person} is involved in the case; facilitators come from outside it.",
        ),
        "order_missing": Labels(
            "Kirjaa puheenvuorojen järjestys: perhe ja läheiset puhuvat ennen ammattilaisia.",
            "Registrera talordningen: familjen och de närstående talar före yrkespersonerna.",
            "Record the speaking order: the family and close network speak before the "
            "professionals.",
        ),
        "order": Labels(
            "{person} puhui ammattilaisten jälkeen; perhe ja läheiset puhuvat ensin.",
            "{person} talade efter yrkespersonerna; familjen och de närstående talar först.",
            "{person} spoke after the professionals; the family and close network speak first.",
        ),
        "no_items": Labels(
            "Suunnitelmassa on oltava ainakin yksi sovittu asia.",
            "Planen ska ha minst en överenskommen punkt.",
            "A plan has at least one item.",
        ),
        "item_when": Labels(
            "Kohdasta {item} puuttuu aika: kuka tekee mitä, kenen kanssa ja milloin.",
            "Punkten {item} saknar tid: vem gör vad, med vem och när.",
            "The item {item} has no date: who does what, with whom and when.",
        ),
        "follow_up": Labels(
            "Sovi seurantapalaverin päivä jo palaverissa.",
            "Bestäm dagen för uppföljningsmötet redan på mötet.",
            "Set the follow-up meeting's date in the meeting itself.",
        ),
    },
    check=_check_anticipation,
    duties=_follow_up_duties,
)
