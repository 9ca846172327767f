"""P11: the concern is taken up early and respectfully, asking for help; strengths recorded."""

from __future__ import annotations

import datetime as dt
from typing import Final, cast

from openco.errors import Refusal
from openco.model.concern import ConcernZone, ZoneAssessment
from openco.process import schedule
from openco.process.case import Case, StepTaken
from openco.process.details import (
    Preparation,
    Raising,
)
from openco.process.duties import Duty, Obligation
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import ActorRole, Stage, Step
from openco.process.statutory import CriteriaMet

__all__ = ["P11"]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_RAISE: Final = Step.RAISE


def _check_raising(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if record.step is not _RAISE:
        return NO
    refusals: tuple[Refusal, ...] = ()
    told = detail.strengths if isinstance(detail, Raising) else ()
    if not case.concern.strengths and not told:
        refusals += (P11.refuse("strengths"),)
    earlier = case.latest_with(Preparation)
    if earlier is not None and not cast("Preparation", earlier.detail).opens_dialogue:
        refusals += (P11.refuse("rethink"),)
    return refusals


def _police_first(case: Case) -> bool:
    """Whether a sexual or violent offence against the child is suspected (§25.3).

    Then the police come first: the worklist does not tell the worker to take the concern up
    with the family, which could harm the investigation.
    """
    return any(
        isinstance(r.detail, CriteriaMet) and r.detail.suspected_offence is not None
        for r in case.history
    )


def _take_up_duties(
    case: Case, today: dt.date, settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    if case.stage is not Stage.ASSESSED and case.stage is not Stage.PREPARED:
        return ()
    if case.zone is ConcernZone.NONE or _police_first(case):
        return ()
    assessed = case.latest_with(ZoneAssessment)
    assessed_on = case.opened_on if assessed is None else assessed.on
    due = schedule.add_working_days(assessed_on, settings.take_up_within_working_days)
    return (
        Obligation(
            rule="P11",
            duty=Duty.TAKE_UP_CONCERN,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P11 = Rule(
    code="P11",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Huoli otetaan puheeksi varhain, kunnioittavasti ja apua pyytäen; vahvuudet kirjataan",
        "Oron tas upp tidigt, respektfullt och genom att be om hjälp; styrkor registreras",
        "Concerns are raised early and respectfully, asking for help; strengths are recorded",
    ),
    basis=(
        "Early dialogue: the worker raises their own worry, asks the family's help to ease it, "
        "and rethinks the approach if the anticipated conversation would not open dialogue"
    ),
    source=(
        "THL, Dialoginen huolen puheeksi ottaminen [S1]; Eriksson & Arnkil, Huoli puheeksi, "
        "Stakes Oppaita 60 [S4] (domain brief §2)"
    ),
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "strengths": Labels(
            "Kirjaa myös se, mikä sujuu hyvin, ennen kuin otat huolen puheeksi.",
            "Registrera också det som går bra innan du tar upp oron.",
            "Record what is going well too before taking the concern up.",
        ),
        "rethink": Labels(
            "Valmistelun mukaan lähestymistapa ei avaa dialogia: mieti se uudelleen.",
            "Enligt förberedelsen öppnar tillvägagångssättet ingen dialog: tänk om.",
            "The preparation foresees no dialogue with this approach: rethink it first.",
        ),
    },
    check=_check_raising,
    duties=_take_up_duties,
)
