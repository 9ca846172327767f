"""Moving a case along: open it, take steps, ask what may come next, rebuild it from its history.

All functions are pure: they take a case and return a new one, or raise
:class:`~openco.errors.TransitionNotAllowedError` and leave the case as it was (a case cannot
change). The day and the actor are always arguments; nothing here reads the clock.

>>> import datetime as dt
>>> from openco.model import (Concern, ConcernId, ConcernZone, Custody, CustodyKind, Family,
...     FamilyId, AreaId, OwnMeans, Person, PersonId, ProfessionalId, UnitId, ZoneAssessment)
>>> mum = Person(id=PersonId("mum"), name="Laura", birth_date=dt.date(1990, 1, 2))
>>> kid = Person(id=PersonId("kid"), name="Aino", birth_date=dt.date(2021, 6, 1))
>>> family = Family(id=FamilyId("f1"), members=(mum, kid), home_area=AreaId("vaaralampi"),
...     custody=(Custody(child=kid.id, adult=mum.id, kind=CustodyKind.CUSTODIAL_PARENT),))
>>> concern = Concern(id=ConcernId("c1"), worker=ProfessionalId("w1"), child=kid.id,
...     family=family.id, noticed_on=dt.date(2026, 2, 2),
...     assessments=(ZoneAssessment(on=dt.date(2026, 2, 2), assessor=ProfessionalId("w1"),
...                                 zone=ConcernZone.SMALL, own_means=OwnMeans.GOOD),))
>>> from openco.model import Professional, ServiceKind, ServiceUnit
>>> daycare = ServiceUnit(id=UnitId("daycare"), name="Päiväkoti", areas={family.home_area},
...     kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION)
>>> records = Records(units=[daycare], families=[family], professionals=[Professional(
...     id=ProfessionalId("w1"), name="Sari", unit=daycare.id, profession="teacher",
...     mandated_notifier=True)])
>>> case = open_case(concern, family=family, on=dt.date(2026, 2, 2), records=records)
>>> case.stage.value, len(case.history)
('noticed', 1)
>>> from openco.process.stages import STATUTORY_STEPS
>>> sorted(s.value for s in allowed_steps(case) if s not in STATUTORY_STEPS)
['assess', 'hand_over', 'reassess']
>>> later = advance(case, Step.CLOSE, actor=PersonId("w1"), on=dt.date(2026, 2, 3),
...                 records=records)
Traceback (most recent call last):
  ...
openco.errors.TransitionNotAllowedError: cannot close while the case is noticed:
  [W1] The step 'close' is not possible while the case is 'concern noticed'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import attrs

from openco.errors import Refusal, TransitionNotAllowedError
from openco.model.concern import Concern, ZoneAssessment
from openco.model.consent import Consent
from openco.model.family import Family
from openco.model.ids import PersonId, UnitId
from openco.model.label import LabelledEnum
from openco.process.case import (
    Case,
    Opening,
    StepTaken,
    fold,
    new_case,
    opening_history,
    step_taken,
)
from openco.process.records import Records
from openco.process.rules import W1, W2, W3, check_opening
from openco.process.rules.integrity import check_facts, check_opening_facts
from openco.process.stages import ActorRole, Step
from openco.process.transitions import DEFAULT_WORKFLOW, Workflow

__all__ = [
    "Options",
    "advance",
    "allowed_steps",
    "enabled_steps",
    "open_case",
    "replay",
]


def _type_names(kinds: tuple[type, ...]) -> str:
    return " | ".join("None" if k is type(None) else k.__name__ for k in kinds)


def _open(record: StepTaken, workflow: Workflow, records: Records) -> Case:
    """A new case from its opening *record*, or a refusal with the reasons."""
    if record.step is not Step.NOTICE:
        raise TransitionNotAllowedError(
            None, record.step, (W1.refuse("opening", step=record.step),)
        )
    opening = record.detail
    if not isinstance(opening, Opening):
        raise TransitionNotAllowedError(
            None,
            record.step,
            (
                W2.refuse(
                    "detail", step=record.step, expected="Opening", got=type(opening).__name__
                ),
            ),
        )
    concern = opening.concern
    case = new_case(
        opening_history(record), workflow.initial, concern, opening.family, opening.unit,
        concern.worker, concern.current, None, None, None, None,
    )  # fmt: skip
    reasons = check_opening(case, record, workflow.settings, records)
    reasons += check_opening_facts(case, record, records)
    if record.on < concern.current.on:
        reasons += (W3.refuse("date", on=record.on, last_on=concern.current.on),)
    if reasons:
        raise TransitionNotAllowedError(None, record.step, reasons)
    return case


def open_case(
    concern: Concern,
    *,
    family: Family,
    on: dt.date,
    records: Records,
    unit: UnitId | None = None,
    reason: str | None = None,
    consents: Sequence[Consent] = (),
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Case:
    """Open a case from *concern* on *on*, in the unit the records give the concern's worker.

    The case is opened by the worker whose concern it is, in the role of contact worker, and
    starts at the workflow's initial stage. Its first record holds the concern, the family and
    the worker's unit (*unit*, if given, must be that unit).

    Raises:
        TransitionNotAllowedError: the concern is not about a child (under 18) of *family*
            (rule L8), *on* is before the concern's latest assessment (W3), or the records do
            not know the worker, the family, or the worker in *unit* (W4).
        InvalidModelError: an argument has the wrong type or form.
    """
    if unit is None:
        known = records.professional(concern.worker)
        unit = known.unit if known is not None else UnitId("-")
    record = StepTaken(
        step=Step.NOTICE,
        actor=concern.worker,
        role=ActorRole.WORKER,
        on=on,
        reason=reason,
        detail=Opening(concern=concern, family=family, unit=unit),
        consents=tuple(consents),
    )
    return _open(record, workflow, records)


_fold = fold


def _refusals(
    case: Case,
    record: StepTaken,
    workflow: Workflow,
    records: Records,
    *,
    need_detail: bool = True,
) -> tuple[LabelledEnum | None, tuple[Refusal, ...]]:
    """The stage *record* leads to, or ``None`` and every reason it is refused."""
    stage, step = case.stage, record.step
    rows = workflow.rows(stage, step)
    if not rows:
        return None, (W1.refuse("stage", step=step, stage=stage),)
    detail = record.detail
    kinds = rows[0].details
    if (need_detail or detail is not None) and not isinstance(detail, kinds):
        expected = _type_names(kinds)
        return None, (W2.refuse("detail", step=step, expected=expected, got=type(detail).__name__),)
    reasons: tuple[Refusal, ...] = ()
    last_on = case.last_on
    if record.on < last_on:
        reasons = (W3.refuse("date", on=record.on, last_on=last_on),)
    if isinstance(detail, ZoneAssessment) and not (case.assessment.on <= detail.on <= record.on):
        reasons += (
            W3.refuse(
                "assessment_date", assessed_on=detail.on, previous=case.assessment.on, on=record.on
            ),
        )
    reasons += check_facts(case, record, records)
    settings = workflow.settings
    refusals = reasons
    for row in rows:
        found: tuple[Refusal, ...] = ()
        for check in row.checks:
            refused = check(case, record, settings, records)
            if refused:
                found += refused
        if not found and not reasons:
            return row.target or stage, ()
        refusals += found
    return None, refusals


def _apply(case: Case, record: StepTaken, workflow: Workflow, records: Records) -> Case:
    target, reasons = _refusals(case, record, workflow, records)
    if target is None:
        raise TransitionNotAllowedError(case.stage, record.step, reasons)
    return _fold(case, record, target)


def advance(
    case: Case,
    step: LabelledEnum,
    *,
    actor: PersonId,
    on: dt.date,
    records: Records,
    role: ActorRole = ActorRole.WORKER,
    reason: str | None = None,
    detail: object = None,
    consents: Sequence[Consent] = (),
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Case:
    """The case after *actor* took *step* on *on*, recording *detail*, *reason* and *consents*.

    The step must be allowed at the case's stage (W1), carry the detail the step records (W2),
    not be dated before the previous record (W3), name people as *records* know them (W4), and
    pass the rules that guard it, which judge every person by *records*. The new case has
    exactly one more record in its history.

    Raises:
        TransitionNotAllowedError: the step is refused; its ``reasons`` give every rule that
            refused it, with parameters and messages in fi/sv/en. *case* is unchanged.
        InvalidModelError: an argument has the wrong type or form (e.g. an empty actor id).
    """
    record = step_taken(
        step=step,
        actor=actor,
        role=role,
        on=on,
        reason=reason,
        detail=detail,
        consents=consents if type(consents) is tuple else tuple(consents),
    )
    target, reasons = _refusals(case, record, workflow, records)
    if target is None:
        raise TransitionNotAllowedError(case.stage, record.step, reasons)
    return fold(case, record, target)


def replay(
    history: Iterable[StepTaken],
    *,
    records: Records,
    today: dt.date,
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Case:
    """The case that *history* describes, rebuilt step by step under *workflow*'s rules.

    A stored history is judged as the steps were: by the same rules and the same *records*, so
    a history the rules would refuse (an unknown actor, a custodian closing the case, a
    self-declared social worker …) does not load as a valid case. No record may be dated after
    *today* (openco never reads the clock: the reader passes the day).
    ``replay(case.history, records=records, today=day) == case`` for every case built with
    :func:`open_case` and :func:`advance` under the same workflow and records.

    Raises:
        TransitionNotAllowedError: the history is empty, does not start with an opening, holds
            a step the rules refuse, or a record dated after *today*.
    """
    steps = iter(history)
    first = next(steps, None)
    if first is None:
        raise TransitionNotAllowedError(
            None,
            Step.NOTICE,
            (W2.refuse("detail", step=Step.NOTICE, expected="Opening", got="nothing"),),
        )
    if first.on > today:
        raise TransitionNotAllowedError(
            None, first.step, (W3.refuse("future", on=first.on, today=today),)
        )
    case = _open(first, workflow, records)
    for record in steps:
        if record.on > today:
            raise TransitionNotAllowedError(
                case.stage, record.step, (W3.refuse("future", on=record.on, today=today),)
            )
        case = _apply(case, record, workflow, records)
    return case


def allowed_steps(case: Case, *, workflow: Workflow = DEFAULT_WORKFLOW) -> frozenset[LabelledEnum]:
    """The steps the table allows at the case's stage, the statutory ones always among them."""
    return workflow.allowed_at(case.stage)


@attrs.frozen(kw_only=True)
class Options:
    """What may happen next: the enabled steps, and each disabled step with its reasons.

    ``step in options`` asks whether *step* is enabled.
    """

    enabled: frozenset[LabelledEnum]
    disabled: Mapping[LabelledEnum, tuple[Refusal, ...]]

    def __contains__(self, step: object) -> bool:
        return step in self.enabled

    def reasons(self, step: LabelledEnum) -> tuple[Refusal, ...]:
        """Why *step* is disabled (empty if it is enabled)."""
        return self.disabled.get(step, ())


def enabled_steps(
    case: Case,
    *,
    records: Records,
    actor: PersonId | None = None,
    role: ActorRole = ActorRole.WORKER,
    on: dt.date | None = None,
    details: Mapping[LabelledEnum, object] | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
) -> Options:
    """Which allowed steps the rules would accept now, and why the others would be refused.

    Rules that need a step's detail (a meeting, a plan …) can only judge it when the detail is
    given in *details*; without it they are not applied, so a step listed as enabled may still
    be refused by :func:`advance` for its detail. *actor* defaults to the contact worker and
    *on* to the day of the latest record.

    Steps the stage does not allow are in neither part: see :func:`allowed_steps`.
    """
    actor = case.contact if actor is None else actor
    on = case.last_on if on is None else on
    given = details or {}
    enabled: set[LabelledEnum] = set()
    disabled: dict[LabelledEnum, tuple[Refusal, ...]] = {}
    for step in sorted(workflow.allowed_at(case.stage), key=lambda s: s.value):
        record = StepTaken(step=step, actor=actor, role=role, on=on, detail=given.get(step))
        _, reasons = _refusals(case, record, workflow, records, need_detail=step in given)
        if reasons:
            disabled[step] = reasons
        else:
            enabled.add(step)
    return Options(enabled=frozenset(enabled), disabled=disabled)
