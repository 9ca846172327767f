"""P16: every plan item has a named responsible person; hand-overs are explicit."""

from __future__ import annotations

import datetime as dt

from openco.errors import Refusal
from openco.model.ids import PersonId
from openco.model.plan import ItemStatus, Plan, PlanItem
from openco.process import schedule
from openco.process.case import Case, StepTaken
from openco.process.details import (
    Handover,
)
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Stage

__all__ = ["P16"]


def _check_responsible(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Handover):
        if detail.to == case.contact:
            return (P16.refuse("same_worker", worker=detail.to),)
        return NO
    if not isinstance(detail, Plan):
        return NO
    eligible: set[PersonId] = {m.id for m in case.family.members}
    if case.meeting is not None:
        eligible.update(case.meeting.people)
    if case.invitation is not None:
        eligible.update(case.invitation.close_network)
    return tuple(
        P16.refuse("responsible", item=item.id, person=item.responsible)
        for item in detail.items
        if item.responsible not in eligible
    )


def _when(item: PlanItem, today: dt.date) -> tuple[dt.date | None, bool]:
    """The date an open item is shown for on the worklist, and whether it is overdue.

    A one-off item by its due date. A recurring item by its next occurrence, and an ongoing
    one by its start (before it starts) or its end (while it runs): neither is overdue while it
    runs. An ongoing or recurring item still open after it has ended is overdue from its end.
    """
    if item.status is not ItemStatus.OPEN:
        return None, False
    if item.starts_on is None:
        return item.due, item.due is not None and today > item.due
    if item.is_overdue_on(today):
        return item.ends_on(), True
    upcoming = item.next_occurrence_on(today)
    if upcoming is None and item.is_running_on(today):
        upcoming = item.ends_on()  # an ongoing item: show when it ends
    return upcoming, False


def _item_duties(
    case: Case, today: dt.date, settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    plan = case.plan
    if plan is None or case.stage is Stage.CLOSED:
        return ()
    horizon = schedule.days_after(today, settings.reminder_days)
    family = {m.id for m in case.family.members}
    network = case.invitation.close_network if case.invitation is not None else frozenset()
    duties = []
    for item in plan.items:
        due, overdue = _when(item, today)
        if due is None or (not overdue and due > horizon):
            continue
        if item.responsible == case.contact:
            role = ActorRole.WORKER
        elif item.responsible in family:
            role = ActorRole.FAMILY
        elif item.responsible in network:
            role = ActorRole.CLOSE_NETWORK
        else:
            role = ActorRole.COLLEAGUE
        duties.append(
            Obligation(
                rule="P16",
                duty=Duty.COMPLETE_PLAN_ITEM,
                owed_by=item.responsible,
                owed_by_role=role,
                due=due,
                overdue=overdue,
                ref=item.id,
            )
        )
    return tuple(duties)


P16 = Rule(
    code="P16",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Jatkuvuus ja turvallisuus: jokaisella sovitulla asialla on nimetty vastuuhenkilö, "
        "siirrot ovat näkyviä",
        "Kontinuitet och trygghet: varje punkt har en namngiven ansvarig, överlämningar är synliga",
        "Continuity and safety: every plan item has a named responsible person; hand-overs "
        "are explicit",
    ),
    basis=(
        "Open Dialogue: responsibility and psychological continuity; each plan item has a "
        "responsible person who took part or belongs to the family's network"
    ),
    source="SOLAR toolkit, Open Dialogue principles [S13]; domain brief §4 and §8.4",
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "responsible": Labels(
            "Kohdan {item} vastuuhenkilö {person} ei ollut palaverissa eikä kuulu perheeseen "
            "tai sen läheisiin.",
            "Den ansvariga {person} för punkten {item} deltog inte i mötet och hör inte till "
            "familjen eller dess närstående.",
            "The person responsible for {item}, {person}, neither took part nor belongs to the "
            "family or its close network.",
        ),
        "same_worker": Labels(
            "{worker} on jo asian vastuutyöntekijä.",
            "{worker} är redan ärendets kontaktperson.",
            "{worker} is already the case's contact worker.",
        ),
    },
    check=_check_responsible,
    duties=_item_duties,
)
