"""A case: one worker's concern about a child, and everything done about it since.

A :class:`Case` is an immutable value. Its :attr:`Case.history` is the full record: one
:class:`StepTaken` per step, oldest first, the first being the :class:`Opening` made from the
concern. Every other field of the case (the stage, the latest zone assessment, the meeting held,
the plan agreed, the consents given …) follows from the history, so that
:func:`openco.process.workflow.replay` of the history gives back an equal case. New cases come
from :func:`openco.process.workflow.open_case`, later ones from
:func:`openco.process.workflow.advance`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.concern import Concern, ConcernZone, ZoneAssessment
from openco.model.consent import Consent
from openco.model.family import Family
from openco.model.ids import PersonId, ProfessionalId, UnitId
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting
from openco.model.plan import Plan
from openco.process.details import FollowUp, Handover, Invitation
from openco.process.stages import ActorRole

__all__ = ["Case", "Opening", "StepTaken"]


@attrs.frozen(kw_only=True)
class Opening:
    """The detail of a case's first record: the concern, the child's family and the unit.

    *unit* is the unit of the worker whose concern it is; it is the case's own unit, so that a
    professional of *another* unit is recognisable when data would be shared with them.
    """

    concern: Concern = attrs.field()
    family: Family = attrs.field()
    unit: UnitId = attrs.field(validator=v.identifier)

    @concern.validator
    def _check_concern(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Concern):
            raise v.fail(self, attribute.name, value, "a Concern")

    @family.validator
    def _check_family(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Family):
            raise v.fail(self, attribute.name, value, "a Family")


def _consents(value: tuple[Consent, ...] | list[Consent]) -> tuple[Consent, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen(kw_only=True, weakref_slot=False)
class StepTaken:
    """A step that was taken: what, by whom and in what role, on which day, why, and with what.

    *detail* is what the step records (a :class:`~openco.model.concern.ZoneAssessment`, a
    :class:`~openco.model.meeting.Meeting`, a :class:`~openco.model.plan.Plan`, a
    :class:`~openco.process.statutory.Notification` …; see
    :data:`openco.process.transitions.DEFAULT_DETAILS`). *consents* are consents the family
    gave at this step. Records are never changed; a correction is a new step.

    >>> from openco.process.stages import Step
    >>> r = StepTaken(step=Step.CLOSE, actor=PersonId("w1"), role=ActorRole.WORKER,
    ...               on=dt.date(2026, 9, 1), reason="The worry has eased")
    >>> r.step.label("fi"), r.meeting, r.plan
    ('päätä', None, None)
    """

    step: LabelledEnum = attrs.field()
    actor: PersonId = attrs.field(validator=v.identifier)
    role: ActorRole = attrs.field(validator=v.member_of(ActorRole))
    on: dt.date = attrs.field(validator=v.day)
    reason: str | None = attrs.field(default=None, validator=v.optional_text)
    detail: object = None
    consents: tuple[Consent, ...] = attrs.field(
        default=(), converter=_consents, validator=v.each(Consent, "a Consent")
    )

    @step.validator
    def _check_step(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, LabelledEnum):
            raise v.fail(self, attribute.name, value, "a Step (a LabelledEnum member)")

    @property
    def meeting(self) -> Meeting | None:
        """The meeting this step refers to (held, or held as the follow-up), if any."""
        detail = self.detail
        if isinstance(detail, Meeting):
            return detail
        if isinstance(detail, FollowUp):
            return detail.meeting
        return None

    @property
    def plan(self) -> Plan | None:
        """The plan this step refers to (agreed, or as it stood at the follow-up), if any."""
        detail = self.detail
        if isinstance(detail, Plan):
            return detail
        if isinstance(detail, FollowUp):
            return detail.plan
        return None

    @property
    def assessment(self) -> ZoneAssessment | None:
        """The zone assessment this step recorded, if any."""
        detail = self.detail
        return detail if isinstance(detail, ZoneAssessment) else None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Case:
    """A case as it stands after its history; build it with ``open_case`` and ``advance``.

    Besides the :attr:`history` and the :attr:`stage`, a case keeps what its rules need at
    hand, each field the latest value recorded in the history: the contact worker and unit
    (changed by a hand-over), the latest zone assessment recorded (by anyone; the contact
    worker's own are :attr:`own_assessments`), the family's agreement to a meeting
    (:attr:`invitation`, with the close network they chose), the meeting held, the plan agreed
    and every consent given.

    The zone is the worker's own self-assessment: it is kept in the case for the worker and the
    rules, and no function of :mod:`openco.process` shows it as a label of the family.
    """

    history: tuple[StepTaken, ...]
    stage: LabelledEnum
    concern: Concern
    family: Family
    unit: UnitId
    contact: ProfessionalId
    assessment: ZoneAssessment
    invitation: Invitation | None = None
    meeting: Meeting | None = None
    plan: Plan | None = None
    consents: tuple[Consent, ...] = ()

    @property
    def child(self) -> PersonId:
        """The child the concern is about."""
        return self.concern.child

    @property
    def own_assessments(self) -> tuple[ZoneAssessment, ...]:
        """The contact worker's own grading history, oldest first.

        The concern's worker starts with the concern's gradings. A worker who takes the case
        over starts a history of their own: the previous worker's gradings describe the
        previous worker's worry and means, not theirs (zones of concern, Eriksson & Arnkil).
        """
        own = list(self.concern.assessments) if self.concern.worker == self.contact else []
        for record in self.history[1:]:
            detail = record.detail
            if isinstance(detail, Handover):
                own = []
            elif isinstance(detail, ZoneAssessment) and detail.assessor == self.contact:
                own.append(detail)
        return tuple(own)

    @property
    def zone(self) -> ConcernZone | None:
        """The zone of the contact worker's own latest assessment (never the family's label).

        ``None`` after a hand-over, until the receiving worker has graded their own concern.
        """
        own = self.own_assessments
        return own[-1].zone if own else None

    @property
    def opened_on(self) -> dt.date:
        """The day the case was opened."""
        return self.history[0].on

    @property
    def last_on(self) -> dt.date:
        """The day of the latest record."""
        return self.history[-1].on

    @property
    def trajectory(self) -> tuple[ZoneAssessment, ...]:
        """Every zone assessment, oldest first: the concern's own, then those of the steps."""
        later = tuple(r.detail for r in self.history if isinstance(r.detail, ZoneAssessment))
        return (*self.concern.assessments, *later)

    def records_of(self, *steps: LabelledEnum) -> tuple[StepTaken, ...]:
        """The records of any of *steps*, oldest first."""
        return tuple(r for r in self.history if r.step in steps)
