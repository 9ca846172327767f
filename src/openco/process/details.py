"""What a dialogue step records besides who, when and why: its *detail*.

Each step of the dialogue track takes one kind of detail (see
:data:`openco.process.transitions.DEFAULT_DETAILS`): a zone assessment, the worker's preparation
of the conversation, what help was asked of the family, a consultation, the family's agreement
to a meeting, the meeting itself, the plan, the follow-up or a hand-over. Meetings, plans and
assessments are the model's own classes; the rest are defined here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.consent import DataScope
from openco.model.ids import PersonId, ProfessionalId, UnitId
from openco.model.meeting import Meeting, MeetingKind
from openco.model.plan import Plan

__all__ = [
    "Consultation",
    "FollowUp",
    "Handover",
    "Invitation",
    "Preparation",
    "Raising",
    "StatutoryBasis",
]


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _people(value: Iterable[PersonId]) -> frozenset[PersonId]:
    return frozenset(value)


def _units(value: Iterable[UnitId]) -> frozenset[UnitId]:
    return frozenset(value)


def _scopes(value: Iterable[DataScope]) -> frozenset[DataScope]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class StatutoryBasis:
    """A statutory basis for sharing data without consent, and why it applies here.

    >>> StatutoryBasis(section="SHL 35 § 2", reason="The child's interest requires it").section
    'SHL 35 § 2'
    """

    section: str = attrs.field(validator=v.text)
    reason: str = attrs.field(validator=v.text)


@attrs.frozen(kw_only=True)
class Preparation:
    """The worker's answers to the preparation questions, before taking the concern up.

    The questions follow THL's *dialoginen huolen puheeksi ottaminen*: what exactly worries me
    and what help do I need; what has worked well; how to say both the good things and the
    worry without blame; how will they react. *opens_dialogue* is the worker's own judgement
    after the thought experiment: if it leaves a negative feeling, the approach is rethought
    before the conversation.
    """

    worry_and_help_needed: str = attrs.field(validator=v.text)
    what_has_worked: str = attrs.field(validator=v.text)
    how_to_say_it: str = attrs.field(validator=v.text)
    expected_reaction: str = attrs.field(validator=v.text)
    opens_dialogue: bool = attrs.field(default=True, validator=v.boolean)


@attrs.frozen(kw_only=True)
class Raising:
    """How the concern was taken up: the help asked of the family, and the strengths told."""

    help_asked: str = attrs.field(validator=v.text)
    strengths: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=v.each(str, "a non-empty text", v.text)
    )


@attrs.frozen(kw_only=True)
class Consultation:
    """A consultation with a colleague or another unit.

    An *identifying* consultation shares the family's data, so it needs consent in scope or a
    *statutory_basis*; an anonymous one does not. *social_services* marks a contact with social
    services to have the need for support assessed (Social Welfare Act §35).
    """

    unit: UnitId = attrs.field(validator=v.identifier)
    identifying: bool = attrs.field(validator=v.boolean)
    scopes: frozenset[DataScope] = attrs.field(
        repr=v.set_repr,
        default=frozenset({DataScope.CONCERN}),
        converter=_scopes,
        validator=v.each(DataScope, "a DataScope"),
    )
    social_services: bool = attrs.field(default=False, validator=v.boolean)
    statutory_basis: StatutoryBasis | None = attrs.field(default=None)

    @statutory_basis.validator
    def _check_basis(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, StatutoryBasis):
            raise v.fail(self, attribute.name, value, "None or a StatutoryBasis")


@attrs.frozen(kw_only=True)
class Invitation:
    """The family's agreement to a meeting: whom of their close network they invite.

    *close_network* is the family's own choice. *units* are the units whose professionals the
    initiating worker invites; a unit other than the case's own needs consent in scope, or a
    *statutory_basis*.
    """

    kind: MeetingKind = attrs.field(validator=v.member_of(MeetingKind))
    close_network: frozenset[PersonId] = attrs.field(
        repr=v.set_repr, default=frozenset(), converter=_people, validator=v.identifiers
    )
    units: frozenset[UnitId] = attrs.field(
        repr=v.set_repr, default=frozenset(), converter=_units, validator=v.identifiers
    )
    planned_on: dt.date | None = attrs.field(default=None, validator=v.optional_day)
    statutory_basis: StatutoryBasis | None = attrs.field(default=None)

    @statutory_basis.validator
    def _check_basis(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, StatutoryBasis):
            raise v.fail(self, attribute.name, value, "None or a StatutoryBasis")


@attrs.frozen(kw_only=True)
class FollowUp:
    """A follow-up: the follow-up meeting, if one was held, and the plan as it now stands."""

    meeting: Meeting | None = attrs.field(default=None)
    plan: Plan | None = attrs.field(default=None)
    note: str | None = attrs.field(default=None, validator=v.optional_text)

    @meeting.validator
    def _check_meeting(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Meeting):
            raise v.fail(self, attribute.name, value, "None or a Meeting")

    @plan.validator
    def _check_plan(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Plan):
            raise v.fail(self, attribute.name, value, "None or a Plan")


@attrs.frozen(kw_only=True)
class Handover:
    """A hand-over of the case to another contact worker (interface work made explicit)."""

    to: ProfessionalId = attrs.field(validator=v.identifier)
    unit: UnitId = attrs.field(validator=v.identifier)
