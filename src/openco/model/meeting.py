"""Meetings: network meetings and anticipation dialogues with a family, and area meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

import attrs

from openco.model import _validators as v
from openco.model.ids import AreaId, ConcernId, FamilyId, MeetingId, PersonId, UnitId
from openco.model.label import LabelledEnum

__all__ = [
    "AbsenceReason",
    "CustodiansAbsent",
    "Meeting",
    "MeetingKind",
    "MeetingRole",
    "Participant",
    "StructuralIssue",
]


class MeetingKind(LabelledEnum):
    """What kind of meeting it is."""

    ANTICIPATION_DIALOGUE = (
        "anticipation_dialogue",
        "tulevaisuuden muistelu",
        "framtidsdialog",
        "anticipation dialogue",
    )
    FOLLOW_UP = ("follow_up", "seurantapalaveri", "uppföljningsmöte", "follow-up meeting")
    OPEN_DIALOGUE = (
        "open_dialogue",
        "avoimen dialogin verkostokokous",
        "nätverksmöte enligt öppen dialog",
        "open-dialogue network meeting",
    )
    CLIENT_MEETING = ("client_meeting", "asiakaspalaveri", "klientmöte", "client meeting")
    AREA_MEETING = ("area_meeting", "aluepalaveri", "områdesmöte", "area meeting")

    @property
    def is_with_family(self) -> bool:
        """Whether the meeting is held with one family (every kind but the area meeting)."""
        return self is not MeetingKind.AREA_MEETING


class MeetingRole(LabelledEnum):
    """The part a participant takes in a meeting."""

    CHILD = ("child", "lapsi", "barn", "child")
    CUSTODIAN = ("custodian", "huoltaja", "vårdnadshavare", "custodian")
    PARENT = (
        "parent",
        "vanhempi (ei huoltaja)",
        "förälder (utan vårdnad)",
        "parent without custody",
    )
    CLOSE_NETWORK = ("close_network", "läheinen", "närstående", "close-network member")
    PROFESSIONAL = ("professional", "työntekijä", "yrkesperson", "professional")
    INITIATOR = ("initiator", "aloitteentekijä", "initiativtagare", "initiating worker")
    INTERVIEWER = (
        "interviewer",
        "haastatteleva fasilitaattori",
        "intervjuande facilitator",
        "interviewing facilitator",
    )
    RECORDER = (
        "recorder",
        "kirjaava fasilitaattori",
        "antecknande facilitator",
        "recording facilitator",
    )

    # The sets are module constants: in Python 3.11 every ``MeetingRole.X`` goes through
    # ``EnumType.__getattr__``, about ten times the cost of reading a global, and the rules ask
    # these of every participant at every meeting.
    @property
    def is_family(self) -> bool:
        """Whether the role is the child's or a parent's."""
        return self in _FAMILY_ROLES

    @property
    def is_professional(self) -> bool:
        """Whether the role is taken by a worker (initiator and facilitators included)."""
        return self in _PROFESSIONAL_ROLES

    @property
    def is_facilitator(self) -> bool:
        """Whether the role is one of the two facilitators'."""
        return self in _FACILITATOR_ROLES


_FAMILY_ROLES: Final = frozenset({MeetingRole.CHILD, MeetingRole.CUSTODIAN, MeetingRole.PARENT})
_PROFESSIONAL_ROLES: Final = frozenset(
    {MeetingRole.PROFESSIONAL, MeetingRole.INITIATOR, MeetingRole.INTERVIEWER, MeetingRole.RECORDER}
)
_FACILITATOR_ROLES: Final = frozenset({MeetingRole.INTERVIEWER, MeetingRole.RECORDER})


@attrs.frozen(kw_only=True)
class Participant:
    """A person taking part in a meeting, in one role (and, for workers, from one unit)."""

    person: PersonId = attrs.field(validator=v.identifier)
    role: MeetingRole = attrs.field(validator=v.member_of(MeetingRole))
    unit: UnitId | None = attrs.field(default=None, validator=v.optional_identifier)

    @unit.validator
    def _check_unit(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not self.role.is_professional:
            raise v.fail(
                self, attribute.name, value, "None unless the role is a worker's", "unit_not_worker"
            )


class AbsenceReason(LabelledEnum):
    """Why a child's custodians are not at a meeting held with the child."""

    DECLINED = (
        "declined",
        "huoltajat eivät halunneet osallistua",
        "vårdnadshavarna ville inte delta",
        "the custodians declined to take part",
    )
    NOT_REACHED = (
        "not_reached",
        "huoltajia ei tavoitettu",
        "vårdnadshavarna gick inte att nå",
        "the custodians could not be reached",
    )
    CHILD_ASKED = (
        "child_asked",
        "lapsi pyysi tulla kuulluksi ilman huoltajia",
        "barnet bad att bli hört utan vårdnadshavarna",
        "the child asked to be heard without them",
    )
    CHILD_INTEREST = (
        "child_interest",
        "huoltajien läsnäolo olisi lapsen edun vastaista",
        "vårdnadshavarnas närvaro skulle strida mot barnets bästa",
        "their presence would be against the child's interest",
    )
    OTHER = ("other", "muu syy", "annat skäl", "another reason")


@attrs.frozen(kw_only=True)
class CustodiansAbsent:
    """Why no custodian of the child takes part in a meeting: a reason and, if need be, words.

    With the custodians absent, a child of 12 or over who takes part makes the family present
    (the workflow's rule P13); the reason is recorded so that this is a decision, not an
    accident. *explanation* is required when the reason is :attr:`AbsenceReason.OTHER`.

    >>> CustodiansAbsent(reason=AbsenceReason.CHILD_ASKED).reason.label("fi")
    'lapsi pyysi tulla kuulluksi ilman huoltajia'
    """

    reason: AbsenceReason = attrs.field(validator=v.member_of(AbsenceReason))
    explanation: str | None = attrs.field(default=None, validator=v.optional_text)

    @explanation.validator
    def _check_explanation(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.reason is AbsenceReason.OTHER:
            raise v.fail(
                self, attribute.name, value, "a text when the reason is 'other'", "explain_other"
            )


@attrs.frozen(kw_only=True)
class StructuralIssue:
    """A shortcoming in how services work together, raised early to the area meeting."""

    description: str = attrs.field(validator=v.text)
    raised_by: PersonId = attrs.field(validator=v.identifier)
    raised_on: dt.date = attrs.field(validator=v.day)


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return v.to_tuple(value)


def _people(value: Iterable[PersonId]) -> tuple[PersonId, ...]:
    return v.to_tuple(value)


def _person_set(value: Iterable[PersonId]) -> frozenset[PersonId]:
    return v.to_frozenset(value)


def _issues(value: Iterable[StructuralIssue]) -> tuple[StructuralIssue, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting held on *held_on*, with a family or, for an area meeting, in an area.

    *speaking_order* lists participants in the order they were interviewed, where the order
    matters (in an anticipation dialogue the family and close network speak first).
    *interpreted_for* lists the participants for whom an interpreter was arranged (for a
    family member whose interpreter need is recorded, Administrative Procedure Act §26).
    *custodians_absent* records why no custodian of the child takes part, where the meeting
    is held with the child (12 or over) without them; it is ``None`` when a participant takes
    the custodian role.

    >>> meeting = Meeting(
    ...     id=MeetingId("m1"), kind=MeetingKind.ANTICIPATION_DIALOGUE,
    ...     held_on=dt.date(2026, 4, 14), family=FamilyId("f1"),
    ...     participants=(
    ...         Participant(person=PersonId("p1"), role=MeetingRole.CUSTODIAN),
    ...         Participant(person=PersonId("n1"), role=MeetingRole.CLOSE_NETWORK),
    ...         Participant(person=PersonId("w1"), role=MeetingRole.INITIATOR,
    ...                     unit=UnitId("daycare")),
    ...     ),
    ... )
    >>> [p.person for p in meeting.with_role(MeetingRole.CLOSE_NETWORK)]
    ['n1']
    """

    id: MeetingId = attrs.field(validator=v.identifier)
    kind: MeetingKind = attrs.field(validator=v.member_of(MeetingKind))
    held_on: dt.date = attrs.field(validator=v.day)
    participants: tuple[Participant, ...] = attrs.field(
        converter=_participants,
        validator=[
            v.collection(tuple, "Participant objects"),
            v.non_empty,
            v.each(Participant, "a Participant"),
            v.unique(lambda p: p.person, "person"),
        ],
    )
    family: FamilyId | None = attrs.field(default=None, validator=v.optional_identifier)
    area: AreaId | None = attrs.field(default=None, validator=v.optional_identifier)
    concern: ConcernId | None = attrs.field(default=None, validator=v.optional_identifier)
    speaking_order: tuple[PersonId, ...] = attrs.field(
        default=(),
        converter=_people,
        validator=[
            v.collection(tuple, "person ids"),
            v.identifiers,
            v.unique(lambda p: p, "person"),
        ],
    )
    structural_issues: tuple[StructuralIssue, ...] = attrs.field(
        default=(),
        converter=_issues,
        validator=[
            v.collection(tuple, "StructuralIssue objects"),
            v.each(StructuralIssue, "a StructuralIssue"),
        ],
    )
    interpreted_for: frozenset[PersonId] = attrs.field(
        repr=v.set_repr,
        default=frozenset(),
        converter=_person_set,
        validator=[v.collection(frozenset, "person ids"), v.identifiers],
    )

    custodians_absent: CustodiansAbsent | None = attrs.field(default=None)

    @custodians_absent.validator
    def _check_absence(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, CustodiansAbsent):
            raise v.fail(self, attribute.name, value, "None or a CustodiansAbsent", "element")
        if not self.kind.is_with_family:
            raise v.fail(
                self,
                attribute.name,
                value,
                "None for an area meeting",
                "area_meeting_has_no_family",
            )
        if any(p.role is MeetingRole.CUSTODIAN for p in self.participants):
            raise v.fail(
                self,
                attribute.name,
                value,
                "None when a participant takes the custodian role",
                "absent_custodian_present",
            )

    @interpreted_for.validator
    def _check_interpreted(self, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        present = {p.person for p in self.participants}
        for person in sorted(value):
            if person not in present:
                raise v.fail(self, attribute.name, person, "ids of participants", "participant")

    @family.validator
    def _check_family(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if self.kind.is_with_family and value is None:
            raise v.fail(
                self,
                attribute.name,
                value,
                f"a family id for a {self.kind.value}",
                "family_meeting_needs_family",
            )
        if not self.kind.is_with_family and value is not None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "None for an area meeting",
                "area_meeting_has_no_family",
            )

    @area.validator
    def _check_area(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if self.kind is MeetingKind.AREA_MEETING and value is None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "an area id for an area meeting",
                "area_meeting_needs_area",
            )

    @speaking_order.validator
    def _check_speakers(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        present = {p.person for p in self.participants}
        for index, person in enumerate(value):
            if person not in present:
                raise v.fail(
                    self, f"{attribute.name}[{index}]", person, "a participant's id", "participant"
                )

    def with_role(self, *roles: MeetingRole) -> tuple[Participant, ...]:
        """The participants who took part in any of *roles*."""
        return tuple(p for p in self.participants if p.role in roles)

    def role_of(self, person: PersonId) -> MeetingRole | None:
        """The role *person* took, or ``None`` if they did not take part."""
        for p in self.participants:
            if p.person == person:
                return p.role
        return None

    @property
    def people(self) -> frozenset[PersonId]:
        """Everyone who took part."""
        return frozenset(p.person for p in self.participants)

    @property
    def family_present(self) -> bool:
        """Whether a custodian took part, or a child with the custodians' absence recorded.

        This reads the roles as recorded on the meeting. The workflow does not trust them: its
        rule P13 judges the same question by the records (custody, and the child's age on the
        day), with :func:`openco.process.family_present`. A parent without custody alone never
        makes the family present.
        """
        roles = {p.role for p in self.participants}
        return MeetingRole.CUSTODIAN in roles or (
            self.custodians_absent is not None and MeetingRole.CHILD in roles
        )

    @property
    def units(self) -> frozenset[UnitId]:
        """The units the participating workers came from."""
        return frozenset(p.unit for p in self.participants if p.unit is not None)
