"""P12: prefer a joint contact with the family to a one-sided notification."""

from __future__ import annotations

import datetime as dt

from openco.process import schedule
from openco.process.case import Case
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.legal.notification import pending_notification
from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole

__all__ = ["P12"]


def _notification_pending_without_offence(case: Case, settings: Settings) -> dt.date | None:
    pending = pending_notification(case, settings)
    if pending is None:
        return None
    since, _, offence, great = pending
    return None if offence or great else since


def _joint_contact_duties(
    case: Case, today: dt.date, settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    since = _notification_pending_without_offence(case, settings)
    if since is None:
        return ()
    due = schedule.add_working_days(since, settings.without_delay_working_days)
    return (
        Obligation(
            rule="P12",
            duty=Duty.OFFER_JOINT_CONTACT,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P12 = Rule(
    code="P12",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Yhteinen yhteydenotto perheen kanssa on ensisijainen, kun laki sen sallii",
        "En gemensam kontakt med familjen är förstahandsvalet när lagen tillåter det",
        "Prefer a joint contact with the family to a one-sided notification where the law allows",
    ),
    basis=(
        "Child Welfare Act §25a makes the joint contact a lawful way to fulfil the duty; the "
        "dialogic methods prefer doing things with the family, not about them"
    ),
    source="THL [S33]; domain brief §6.3 and §8.4",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_joint_contact_duties,
)
