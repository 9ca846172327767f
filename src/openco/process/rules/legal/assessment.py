"""L9: once a case is initiated, social services' statutory clocks run (LsL §26, SHL §36)."""

from __future__ import annotations

import datetime as dt
from typing import Final

from openco.errors import Refusal
from openco.process import schedule
from openco.process.case import Case, StepTaken
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Step
from openco.process.statutory import (
    Milestone,
)

__all__ = ["L9"]


_RECEIPTS: Final = (Step.NOTIFY_CHILD_WELFARE, Step.CONTACT_JOINTLY, Step.CONFIRM_INITIATION)


def _initiated_on(case: Case) -> dt.date | None:
    """The day the matter became pending: the first notification or joint contact received.

    Child Welfare Act §26: a child welfare matter is pending when the notification (or the
    §25a contact) is received, not when someone confirms it; an initiation confirmed without
    either counts from its own day.
    """
    received = case.first_of(*_RECEIPTS)
    return None if received is None else received.on


def _check_social_services(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    step = record.step
    if step is not Step.CONFIRM_INITIATION and step is not Step.REPORT_ASSESSMENT:
        return NO
    refusals: tuple[Refusal, ...] = ()
    # The unit the records give the actor decides, never the role the caller declares.
    unit = records.unit_of(record.actor)
    if record.role is not ActorRole.SOCIAL_SERVICES:
        refusals += (L9.refuse("role", role=record.role),)
    elif unit is not None and not unit.kind.is_social_services:
        refusals += (L9.refuse("unit", actor=record.actor, unit=unit.id, kind=unit.kind),)
    if step is Step.REPORT_ASSESSMENT and _initiated_on(case) is None:
        refusals += (L9.refuse("not_initiated"),)
    return refusals


def _assessment_duties(
    case: Case, today: dt.date, _settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    initiated = _initiated_on(case)
    if initiated is None:
        return ()
    reached = {r.detail for r in case.history if isinstance(r.detail, Milestone)}
    due = {
        Milestone.URGENCY_ASSESSED: (Duty.ASSESS_URGENCY, initiated),
        Milestone.ASSESSMENT_STARTED: (
            Duty.START_ASSESSMENT,
            schedule.add_working_days(initiated, 7),
        ),
        Milestone.ASSESSMENT_COMPLETED: (
            Duty.COMPLETE_ASSESSMENT,
            schedule.months_after(initiated, 3),
        ),
    }
    return tuple(
        Obligation(
            rule="L9",
            duty=duty,
            owed_by=None,
            owed_by_role=ActorRole.SOCIAL_SERVICES,
            due=when,
            overdue=today > when,
        )
        for milestone, (duty, when) in due.items()
        if milestone not in reached
    )


L9 = Rule(
    code="L9",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Vireille tulleen asian määräajat: kiireellisyys heti, arviointi alkaa 7. arkipäivänä "
        "ja valmistuu 3 kuukaudessa",
        "Tidsfrister för ett inlett ärende: brådskandet genast, bedömningen inleds senast "
        "7:e vardagen och är klar inom 3 månader",
        "Deadlines once a case is initiated: urgency at once, assessment started by the 7th "
        "working day and completed within 3 months",
    ),
    basis=(
        "Child Welfare Act §26 (the matter is pending when the notification or joint contact "
        "is received; urgency assessed immediately) and Social Welfare Act §36 (assessment "
        "started at the latest on the 7th working day, completed within 3 months)"
    ),
    source="THL, Lastensuojelun käsikirja (domain brief §6.4, [S38], [S39])",
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "role": Labels(
            "Vain sosiaalihuolto kirjaa vireilletulon ja arvioinnin vaiheet; rooli oli '{role}'.",
            "Bara socialvården registrerar att ärendet inletts och bedömningens skeden; "
            "rollen var '{role}'.",
            "Only social services record the initiation and the assessment's milestones; the "
            "role was '{role}'.",
        ),
        "unit": Labels(
            "{actor} työskentelee yksikössä {unit} ({kind}); vain sosiaalihuolto kirjaa "
            "vireilletulon ja arvioinnin vaiheet.",
            "{actor} arbetar i enheten {unit} ({kind}); bara socialvården registrerar att "
            "ärendet inletts och bedömningens skeden.",
            "{actor} works in the unit {unit} ({kind}); only social services record the "
            "initiation and the assessment's milestones.",
        ),
        "not_initiated": Labels(
            "Arvioinnin vaihetta ei voi kirjata ennen kuin asia on tullut vireille.",
            "Ett skede i bedömningen kan inte registreras innan ärendet har inletts.",
            "No assessment milestone can be reported before the case is initiated.",
        ),
    },
    check=_check_social_services,
    duties=_assessment_duties,
)
