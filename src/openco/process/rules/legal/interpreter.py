"""L18: a family member who needs an interpreter gets one at every meeting they take part in."""

from __future__ import annotations

import datetime as dt

from openco.errors import Refusal
from openco.model.family import Family, InterpreterNeed
from openco.model.meeting import Meeting
from openco.process.case import Case, StepTaken
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Stage

__all__ = ["L18"]


def _family(case: Case, records: Records) -> Family:
    """The family as the records hold it (the facts come from the records), else the case's."""
    found = records.families.get(case.family.id)
    return found if found is not None else case.family


def _needs(family: Family, people: frozenset[str]) -> tuple[InterpreterNeed, ...]:
    return tuple(n for n in family.interpreter_needs if n.person in people)


def _check_interpreter(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    meeting = record.meeting
    if not isinstance(meeting, Meeting):
        return NO
    family = _family(case, records)
    if not family.interpreter_needs:
        return NO
    return tuple(
        L18.refuse("interpreter", person=need.person, language=need.language, kind=need.kind)
        for need in _needs(family, meeting.people)
        if need.person not in meeting.interpreted_for
    )


def _interpreter_duties(
    case: Case, today: dt.date, _settings: Settings, records: Records
) -> tuple[Obligation, ...]:
    # Between the family's agreement to a meeting and the meeting: the family's members are the
    # ones who take part (the close network they invite speaks for itself).
    if case.stage is not Stage.MEETING_AGREED or case.invitation is None:
        return ()
    family = _family(case, records)
    due = case.invitation.planned_on or case.last_on
    return tuple(
        Obligation(
            rule="L18",
            duty=Duty.ARRANGE_INTERPRETER,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
            ref=f"{need.person}:{need.language}:{need.kind.value}",
        )
        for need in _needs(family, frozenset(m.id for m in family.members))
    )


L18 = Rule(
    code="L18",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Tulkkausta tarvitsevalle perheenjäsenelle järjestetään tulkki palaveriin",
        "En familjemedlem som behöver tolk får en tolk till mötet",
        "A family member who needs an interpreter gets one at the meeting",
    ),
    basis=(
        "Administrative Procedure Act §26: in a matter the authority initiates, it arranges "
        "interpretation when a party does not know Finnish or Swedish or cannot be understood "
        "because of a disability or illness (Language Act §18 for Finnish and Swedish)"
    ),
    source="Hallintolaki 434/2003 §26; kielilaki 423/2003 §18 (domain brief §6.5a)",
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "interpreter": Labels(
            "Henkilölle {person} ei ole järjestetty tulkkia ({kind}, kieli {language}).",
            "Ingen tolk har ordnats för {person} ({kind}, språk {language}).",
            "No interpreter was arranged for {person} ({kind}, language {language}).",
        ),
    },
    check=_check_interpreter,
    duties=_interpreter_duties,
)
