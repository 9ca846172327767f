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
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting, MeetingKind
from openco.model.plan import Plan

__all__ = [
    "Consultation",
    "FollowUp",
    "Handover",
    "Invitation",
    "Preparation",
    "Provision",
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


class Provision(LabelledEnum):
    """A provision that lets identifying data reach social services without consent.

    The list is closed: a statutory basis names one of these, and each covers a disclosure to
    social services only.
    """

    CHILD_WELFARE_ACT_25 = (
        "child_welfare_act_25",
        "LsL 25 §: lastensuojeluilmoitus salassapitosäännösten estämättä",
        "BSL 25 §: barnskyddsanmälan utan hinder av sekretess",
        "Child Welfare Act §25: a notification notwithstanding confidentiality",
    )
    CHILD_WELFARE_ACT_25A = (
        "child_welfare_act_25a",
        "LsL 25 a §: yhteydenotto sosiaalihuoltoon tuen tarpeen arvioimiseksi",
        "BSL 25 a §: kontakt med socialvården för bedömning av stödbehovet",
        "Child Welfare Act §25a: a contact with social services to assess the need for support",
    )
    SOCIAL_WELFARE_ACT_35_2 = (
        "social_welfare_act_35_2",
        "SHL 35 § 2 mom.: yhteydenotto ilman suostumusta, kun lapsen etu sitä vaatii",
        "SVL 35 § 2 mom.: kontakt utan samtycke när barnets intresse kräver det",
        "Social Welfare Act §35 (2): a contact without consent in the child's interest",
    )


@attrs.frozen(kw_only=True)
class StatutoryBasis:
    """A statutory basis for disclosing identifying data without consent.

    It is stated for named units by the person who decided it, with the reason it applies.

    The *provision* comes from a closed list (:class:`Provision`), and the basis covers only
    the *units* it was stated for; each provision openco knows covers a disclosure to social
    services only.

    >>> basis = StatutoryBasis(provision=Provision.SOCIAL_WELFARE_ACT_35_2,
    ...     decided_by=ProfessionalId("w1"), reason="The child's interest requires it",
    ...     units={UnitId("social")})
    >>> basis.provision.value, sorted(basis.units)
    ('social_welfare_act_35_2', ['social'])
    """

    provision: Provision = attrs.field(validator=v.member_of(Provision))
    decided_by: ProfessionalId = attrs.field(validator=v.identifier)
    reason: str = attrs.field(validator=v.text)
    units: frozenset[UnitId] = attrs.field(
        repr=v.set_repr,
        converter=_units,
        validator=[v.collection(frozenset, "unit ids"), v.non_empty, v.identifiers],
    )


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
    """A hand-over of the case to another contact worker (interface work made explicit).

    A hand-over to a worker of another unit discloses the case to that unit, so it needs
    consent in scope or a *statutory_basis*.
    """

    to: ProfessionalId = attrs.field(validator=v.identifier)
    unit: UnitId = attrs.field(validator=v.identifier)
    statutory_basis: StatutoryBasis | None = attrs.field(default=None)

    @statutory_basis.validator
    def _check_basis(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, StatutoryBasis):
            raise v.fail(self, attribute.name, value, "None or a StatutoryBasis")
