"""Families: their members, who has custody of whom, their area, language and interpreting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from openco.model import _validators as v
from openco.model.ids import AreaId, FamilyId, PersonId
from openco.model.label import LabelledEnum
from openco.model.person import Person

__all__ = ["Custody", "CustodyKind", "Family", "InterpreterNeed", "Interpreting"]

_LANGUAGE_CODE: Final = re.compile(r"[a-z]{2,3}")


class CustodyKind(LabelledEnum):
    """How an adult stands to a child in law.

    Only a custodian may be the other party of a joint contact (Child Welfare Act §25a), and
    confidential data on the child is never given to a parent without custody.
    """

    CUSTODIAL_PARENT = (
        "custodial_parent",
        "huoltajavanhempi",
        "vårdnadshavande förälder",
        "custodial parent",
    )
    NON_CUSTODIAL_PARENT = (
        "non_custodial_parent",
        "vanhempi, ei huoltaja",
        "förälder utan vårdnad",
        "non-custodial parent",
    )
    OTHER_CUSTODIAN = ("other_custodian", "muu huoltaja", "annan vårdnadshavare", "other custodian")

    @property
    def is_custodian(self) -> bool:
        """Whether this relation gives custody."""
        return self is not _NON_CUSTODIAL  # a global: CustodyKind.X costs a metaclass hook


_NON_CUSTODIAL: Final = CustodyKind.NON_CUSTODIAL_PARENT


@attrs.frozen(kw_only=True)
class Custody:
    """The legal relation of one adult to one child of the family."""

    child: PersonId = attrs.field(validator=v.identifier)
    adult: PersonId = attrs.field(validator=v.identifier)
    kind: CustodyKind = attrs.field(validator=v.member_of(CustodyKind))

    @adult.validator
    def _check_adult(self, attribute: attrs.Attribute[PersonId], value: PersonId) -> None:
        if value == self.child:
            raise v.fail(
                self, attribute.name, value, "a person other than the child", "custody_self"
            )


class Interpreting(LabelledEnum):
    """The kind of interpreting a person needs to take part.

    Spoken-language interpreting for someone who does not know the language of the service;
    sign-language, speech (for a speech disability) or writing (speech to text) interpreting
    for someone who cannot otherwise be understood because of a disability or illness
    (Administrative Procedure Act §26).
    """

    SPOKEN = (
        "spoken",
        "puhutun kielen tulkkaus",
        "tolkning av talat språk",
        "spoken-language interpreting",
    )
    SIGN = ("sign", "viittomakielen tulkkaus", "teckenspråkstolkning", "sign-language interpreting")
    SPEECH = ("speech", "puhetulkkaus", "taltolkning", "speech interpreting")
    WRITING = ("writing", "kirjoitustulkkaus", "skrivtolkning", "writing interpreting")


@attrs.frozen(kw_only=True)
class InterpreterNeed:
    """A family member's need for an interpreter: in which *language*, and of which kind.

    *language* is an ISO 639 code: the spoken language (``"ar"``, ``"so"``, ``"ru"`` …), the
    sign language (``"fse"`` Finnish, ``"fss"`` Finland-Swedish Sign Language), or, for speech
    and writing interpreting, the language spoken (``"fi"``, ``"sv"``). The authority arranges
    the interpreter for a meeting the person takes part in (Administrative Procedure Act §26;
    Language Act §18 for Finnish and Swedish).

    >>> InterpreterNeed(person=PersonId("p1"), language="ar").kind.label("fi")
    'puhutun kielen tulkkaus'
    """

    person: PersonId = attrs.field(validator=v.identifier)
    language: str = attrs.field()
    kind: Interpreting = attrs.field(
        default=Interpreting.SPOKEN, validator=v.member_of(Interpreting)
    )

    @language.validator
    def _check_language(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or _LANGUAGE_CODE.fullmatch(value) is None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "an ISO 639 code of 2-3 lowercase letters",
                "language_code",
            )


def _members_tuple(value: Iterable[Person]) -> tuple[Person, ...]:
    return v.to_tuple(value)


def _custody_tuple(value: Iterable[Custody]) -> tuple[Custody, ...]:
    return v.to_tuple(value)


def _needs_tuple(value: Iterable[InterpreterNeed]) -> tuple[InterpreterNeed, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Family:
    """A family with children: its members, custody relations, home area and language.

    *language* is the family's own language as an ISO 639 code (``"fi"``, ``"sv"``, ``"en"``,
    ``"se"`` for Northern Sámi, ``"ar"`` …): meetings and documents are offered in it.
    *interpreter_needs* records which members need an interpreter, in what language and of
    what kind: a meeting with such a member needs one arranged.

    >>> mum = Person(id=PersonId("p1"), name="Laura", birth_date=dt.date(1990, 1, 2))
    >>> kid = Person(id=PersonId("p2"), name="Aino", birth_date=dt.date(2021, 6, 1))
    >>> family = Family(
    ...     id=FamilyId("f1"), members=(mum, kid), home_area=AreaId("vaaralampi"),
    ...     custody=(Custody(child=kid.id, adult=mum.id, kind=CustodyKind.CUSTODIAL_PARENT),),
    ... )
    >>> [p.name for p in family.children_on(dt.date(2025, 1, 1))]
    ['Aino']
    >>> family.custodians_of(kid.id)
    ('p1',)
    """

    id: FamilyId = attrs.field(validator=v.identifier)
    members: tuple[Person, ...] = attrs.field(
        converter=_members_tuple,
        validator=[
            v.collection(tuple, "Person objects"),
            v.non_empty,
            v.each(Person, "a Person"),
            v.unique(lambda p: p.id, "id"),
        ],
    )
    custody: tuple[Custody, ...] = attrs.field(
        default=(),
        converter=_custody_tuple,
        validator=[
            v.collection(tuple, "Custody objects"),
            v.each(Custody, "a Custody"),
            v.unique(lambda c: (c.child, c.adult), "child and adult"),
        ],
    )
    home_area: AreaId = attrs.field(validator=v.identifier)
    language: str = attrs.field(default="fi")
    interpreter_needs: tuple[InterpreterNeed, ...] = attrs.field(
        default=(),
        converter=_needs_tuple,
        validator=[
            v.collection(tuple, "InterpreterNeed objects"),
            v.each(InterpreterNeed, "an InterpreterNeed"),
            v.unique(lambda n: (n.person, n.kind), "person and kind"),
        ],
    )

    @interpreter_needs.validator
    def _check_needs(
        self, attribute: attrs.Attribute[Any], value: tuple[InterpreterNeed, ...]
    ) -> None:
        members = {m.id for m in self.members}
        for index, need in enumerate(value):
            if need.person not in members:
                raise v.fail(
                    self,
                    f"{attribute.name}[{index}].person",
                    need.person,
                    "the id of a member",
                    "member",
                )

    @language.validator
    def _check_language(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or _LANGUAGE_CODE.fullmatch(value) is None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "an ISO 639 code of 2-3 lowercase letters",
                "language_code",
            )

    @custody.validator
    def _check_custody(self, attribute: attrs.Attribute[Any], value: tuple[Custody, ...]) -> None:
        born = {m.id: m.birth_date for m in self.members}
        for index, relation in enumerate(value):
            for role in ("child", "adult"):
                person = getattr(relation, role)
                if person not in born:
                    raise v.fail(
                        self,
                        f"{attribute.name}[{index}].{role}",
                        person,
                        "the id of a member",
                        "member",
                    )
            # A parent or custodian is always older than the child; a relation the other way
            # round is a data-entry error (child and adult swapped), never a real family.
            if born[relation.adult] >= born[relation.child]:
                raise v.fail(
                    self,
                    f"{attribute.name}[{index}].adult",
                    relation.adult,
                    f"a member born before the child {relation.child!r}",
                    "custody_order",
                )

    def member(self, person: PersonId) -> Person:
        """The member with id *person*.

        Raises:
            InvalidModelError: no member has that id.
        """
        for m in self.members:
            if m.id == person:
                return m
        raise v.fail(self, "members", person, "the id of a member", "member")

    def children_on(self, day: dt.date) -> tuple[Person, ...]:
        """Members who are under 18 on *day* (and born by then)."""
        return tuple(m for m in self.members if m.birth_date <= day and m.is_child_on(day))

    def custodians_of(self, child: PersonId) -> tuple[PersonId, ...]:
        """Ids of the members with custody of *child*."""
        return tuple(c.adult for c in self.custody if c.child == child and c.kind.is_custodian)

    def is_custodian(self, adult: PersonId, child: PersonId) -> bool:
        """Whether *adult* has custody of *child*."""
        return adult in self.custodians_of(child)

    def has_single_custodian(self, child: PersonId) -> bool:
        """Whether *child* has exactly one custodian in this family."""
        return len(self.custodians_of(child)) == 1

    def interpreter_needs_of(self, person: PersonId) -> tuple[InterpreterNeed, ...]:
        """The interpreting *person* needs (none for most members)."""
        return tuple(n for n in self.interpreter_needs if n.person == person)

    def with_member(self, person: Person, *custody: Custody) -> Family:
        """A copy with *person* added, and any *custody* relations that involve them.

        Raises:
            InvalidModelError: the id is already used, or a relation names someone unknown.
        """
        return attrs.evolve(
            self, members=(*self.members, person), custody=(*self.custody, *custody)
        )
