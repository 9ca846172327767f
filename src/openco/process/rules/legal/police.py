"""L3: a suspected sexual or violent offence is notified to the police (Child Welfare Act §25.3)."""

from __future__ import annotations

import datetime as dt

from openco.model.ids import PersonId
from openco.process.case import Case
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Step
from openco.process.statutory import (
    CriteriaMet,
)

__all__ = ["L3"]


def _police_duties(
    case: Case, today: dt.date, _settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    since: dt.date | None = None
    owner: PersonId = case.concern.worker
    for record in case.history:
        if record.step is Step.NOTIFY_POLICE:
            since = None
        elif (
            isinstance(record.detail, CriteriaMet)
            and record.detail.suspected_offence is not None
            and since is None
        ):
            since, owner = record.on, record.actor
    if since is None:
        return ()
    return (
        Obligation(
            rule="L3",
            duty=Duty.NOTIFY_POLICE,
            owed_by=owner,
            owed_by_role=ActorRole.WORKER,
            due=since,
            overdue=today > since,
        ),
    )


L3 = Rule(
    code="L3",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Epäilty seksuaalirikos tai henkeen tai terveyteen kohdistuva rikos: ilmoitus "
        "poliisille ja lastensuojeluilmoitus",
        "Misstänkt sexualbrott eller brott mot liv eller hälsa: anmälan till polisen och "
        "barnskyddsanmälan",
        "A suspected sexual offence or offence against life or health: notify the police "
        "and child welfare",
    ),
    basis=(
        "Child Welfare Act §25 (3); Criminal Code ch. 20 and offences against life or health "
        "with a maximum penalty of at least two years"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus ja vireilletulo "
        "(domain brief §6.2, [S32])"
    ),
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_police_duties,
)
