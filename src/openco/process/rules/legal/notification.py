"""L1: a mandated notifier notifies child welfare without delay (Child Welfare Act §25).

The duty is computed by one walk through the history; P12 (the joint contact) reads it too.
"""

from __future__ import annotations

import datetime as dt

from openco.model.concern import ConcernZone, ZoneAssessment
from openco.model.ids import PersonId
from openco.process import schedule
from openco.process.case import Case
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Step
from openco.process.statutory import (
    CriteriaMet,
)

__all__ = ["L1", "pending_notification"]


def pending_notification(  # noqa: C901 - one walk through the history, each step's effect in turn
    case: Case, settings: Settings
) -> tuple[dt.date, PersonId, bool, bool] | None:
    """Whether a notification is owed: since when, by whom, whether a joint contact can do.

    Triggers are a great concern, a finding that the criteria are met, and a police
    notification; a notification clears them all, and a joint contact clears them if it was
    made without delay and no offence is suspected. A fulfilled duty stays fulfilled: after a
    notification (or a joint contact that fulfilled the duty), a police notification or a
    concern graded great again does not open it again, in whichever order they come; only a
    new finding that the criteria are met, recorded after it, opens a new duty.
    """
    since: dt.date | None = None
    owner: PersonId = case.concern.worker
    offence = False
    great = False
    fulfilled = False
    if case.concern.zone is ConcernZone.GREAT:
        since, great = case.history[0].on, True
    for record in case.history:
        step, detail = record.step, record.detail
        if step is Step.NOTIFY_CHILD_WELFARE:
            since, offence, great, fulfilled = None, False, False, True
        elif step is Step.CONTACT_JOINTLY:
            if (
                since is not None
                and not offence
                and record.on
                <= schedule.add_working_days(since, settings.without_delay_working_days)
            ):
                since, great, fulfilled = None, False, True
        elif (
            step is Step.RECOGNISE_CRITERIA
            or step is Step.NOTIFY_POLICE
            or (isinstance(detail, ZoneAssessment) and detail.zone is ConcernZone.GREAT)
        ):
            if fulfilled and step is not Step.RECOGNISE_CRITERIA:
                continue  # the duty was fulfilled; only a new ground opens a new one
            fulfilled = False
            if since is None:
                since, owner = record.on, record.actor
            if isinstance(detail, ZoneAssessment):
                great = True
            if step is Step.NOTIFY_POLICE or (
                isinstance(detail, CriteriaMet) and detail.suspected_offence is not None
            ):
                offence = True
    if since is None:
        return None
    return since, owner, offence, great


def _notify_duties(
    case: Case, today: dt.date, settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    pending = pending_notification(case, settings)
    if pending is None:
        return ()
    since, owner, _, _ = pending
    return (
        Obligation(
            rule="L1",
            duty=Duty.NOTIFY_WITHOUT_DELAY,
            owed_by=owner,
            owed_by_role=ActorRole.WORKER,
            due=since,
            overdue=today > since,
        ),
    )


L1 = Rule(
    code="L1",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusvelvollinen ilmoittaa viipymättä; mikään ei estä ilmoitusta",
        "Den anmälningsskyldiga anmäler utan dröjsmål; ingenting hindrar anmälan",
        "A mandated notifier notifies without delay; nothing blocks a notification",
    ),
    basis=(
        "Child Welfare Act (lastensuojelulaki 417/2007) §25 (1): notify 'without delay and "
        "notwithstanding confidentiality'"
    ),
    source="THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus (domain brief §6.2, [S29]-[S31])",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_notify_duties,
)
