"""The worklist: every open duty in a case, who owes it, by when, and under which rule.

>>> import datetime as dt
>>> from openco.process.duties import Duty
>>> [o.duty for o in area_obligations(held=[dt.date(2026, 3, 10)], today=dt.date(2026, 10, 1))]
[<Duty.HOLD_AREA_MEETING: 'hold_area_meeting'>]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from openco.process import schedule
from openco.process.case import Case
from openco.process.duties import Duty, Obligation
from openco.process.flag import Flag
from openco.process.records import Records
from openco.process.stages import ActorRole
from openco.process.transitions import DEFAULT_WORKFLOW, Workflow

__all__ = ["area_obligations", "flags", "obligations"]


def obligations(
    case: Case, *, today: dt.date, records: Records, workflow: Workflow = DEFAULT_WORKFLOW
) -> tuple[Obligation, ...]:
    """Every open duty in *case* on *today*, earliest due first.

    The duties come from the obligation rules of *workflow* that are switched on: take the
    concern up (P11), hold the follow-up (P14), plan items coming due within the reminder
    window or overdue (P16), notify without delay (L1) or preferably jointly (P12), notify the
    police (L3), and social services' deadlines once the case is initiated (L9).
    """
    if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        from openco.errors import InvalidModelError  # noqa: PLC0415 - only on bad input

        raise InvalidModelError("obligations", "today", today, "a datetime.date")
    found: list[Obligation] = []
    for rule in workflow.rules:
        if rule.duties is not None and rule.code not in workflow.disabled:
            found.extend(rule.duties(case, today, workflow.settings, records))
    return tuple(sorted(found, key=lambda o: (o.due, o.rule, o.ref or "")))


def flags(
    case: Case, *, records: Records, workflow: Workflow = DEFAULT_WORKFLOW
) -> tuple[Flag, ...]:
    """Every flag the rules of *workflow* put on the records of *case*, oldest record first.

    A flag never refuses a step: it marks a record for the worker and their supervisor to look
    at, such as a notification recorded after a custodian had been told of a suspected offence
    before the police were notified (L20, Child Welfare Act §25.3). Flags follow from the
    history and *records*, so the same case always carries the same flags. Legal flag rules
    cannot be switched off; a practice one that is switched off flags nothing.
    """
    found: list[Flag] = []
    for rule in workflow.rules:
        if rule.flags is not None and rule.code not in workflow.disabled:
            found.extend(rule.flags(case, workflow.settings, records))
    return tuple(sorted(found, key=lambda f: (f.record, f.rule, f.key)))


def area_obligations(
    *, held: Iterable[dt.date], today: dt.date, workflow: Workflow = DEFAULT_WORKFLOW
) -> tuple[Obligation, ...]:
    """The area meeting owed by an area that held its meetings on *held* (P17).

    The next meeting is due a half-year (by default) after the latest one; an area that has
    never met owes one today. Returns nothing if P17 is switched off.
    """
    if not workflow.is_enabled("P17"):
        return ()
    dates = sorted(held)
    per_year = workflow.settings.area_meetings_per_year
    due = schedule.next_area_meeting(dates[-1], per_year=per_year) if dates else today
    return (
        Obligation(
            rule="P17",
            duty=Duty.HOLD_AREA_MEETING,
            owed_by=None,
            owed_by_role=ActorRole.SUPERVISOR,
            due=due,
            overdue=today > due,
        ),
    )
