"""Close-network maps (verkostokartta) drawn with a family.

A :class:`NetworkMap` puts the family (or one person) at the centre and the people around
them on three rings, in sectors of life. Each :class:`NetworkMember` says how the tie feels,
which way support flows and what kind of support it is. Optional :class:`MemberTie` records
say who among the members know each other, which gives the map its density. A family may have
several dated maps; :class:`NetworkMap` values with the same family and different dates are
versions of one map, compared in :mod:`openco.analysis`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import FamilyId, NetworkMapId, PersonId, ProfessionalId
from openco.model.label import LabelledEnum

__all__ = [
    "ContactFrequency",
    "MemberTie",
    "NetworkMap",
    "NetworkMember",
    "NetworkSector",
    "Ring",
    "SupportDirection",
    "SupportType",
    "TieQuality",
]


class NetworkSector(LabelledEnum):
    """The sector of life a member belongs to, one slice of the map."""

    HOUSEHOLD = ("household", "perhe ja koti", "familj och hem", "household and family")
    RELATIVES = ("relatives", "suku", "släkt", "relatives")
    FRIENDS_AND_NEIGHBOURS = (
        "friends_and_neighbours",
        "ystävät ja naapurit",
        "vänner och grannar",
        "friends and neighbours",
    )
    SCHOOL_WORK_HOBBIES = (
        "school_work_hobbies",
        "päiväkoti, koulu, työ ja harrastukset",
        "daghem, skola, arbete och fritid",
        "day care, school, work and hobbies",
    )
    PROFESSIONALS = (
        "professionals",
        "ammattilaiset ja palvelut",
        "yrkespersoner och tjänster",
        "professionals and services",
    )

    @property
    def is_informal(self) -> bool:
        """Whether members of this sector are the family's own, informal network."""
        return self is not NetworkSector.PROFESSIONALS


class Ring(LabelledEnum):
    """How close to the centre a member is placed: inner, middle or outer ring."""

    INNER = ("inner", "sisin kehä", "innersta cirkeln", "inner ring")
    MIDDLE = ("middle", "keskimmäinen kehä", "mellersta cirkeln", "middle ring")
    OUTER = ("outer", "uloin kehä", "yttersta cirkeln", "outer ring")

    @property
    def number(self) -> int:
        """1 for the inner ring, 2 for the middle, 3 for the outer."""
        return list(Ring).index(self) + 1


class TieQuality(LabelledEnum):
    """How the tie to a member feels (ecomap line style)."""

    SUPPORTIVE = ("supportive", "vahva ja tukeva", "stark och stödjande", "strong and supportive")
    WEAK = ("weak", "heikko", "svag", "weak")
    STRAINED = (
        "strained",
        "kuormittava tai ristiriitainen",
        "belastande eller konfliktfylld",
        "strained or conflictual",
    )
    BROKEN = ("broken", "katkennut", "bruten", "broken")


class SupportDirection(LabelledEnum):
    """Which way support flows between the centre and a member."""

    TO_FAMILY = (
        "to_family",
        "antaa tukea perheelle",
        "ger stöd till familjen",
        "gives support to the family",
    )
    FROM_FAMILY = (
        "from_family",
        "saa tukea perheeltä",
        "får stöd av familjen",
        "receives support from the family",
    )
    MUTUAL = ("mutual", "molemminpuolinen", "ömsesidig", "mutual")
    NONE = ("none", "ei tukea", "inget stöd", "no support")


class SupportType(LabelledEnum):
    """A kind of support a member gives."""

    EMOTIONAL = ("emotional", "emotionaalinen", "känslomässigt", "emotional")
    PRACTICAL = ("practical", "konkreettinen", "praktiskt", "practical")
    INFORMATIONAL = ("informational", "tiedollinen", "informativt", "informational")


class ContactFrequency(LabelledEnum):
    """How often the family is in touch with a member."""

    DAILY = ("daily", "päivittäin", "dagligen", "daily")
    WEEKLY = ("weekly", "viikoittain", "varje vecka", "weekly")
    MONTHLY = ("monthly", "kuukausittain", "varje månad", "monthly")
    RARELY = ("rarely", "harvoin", "sällan", "rarely")


def _support_set(value: Iterable[SupportType]) -> frozenset[SupportType]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class NetworkMember:
    """One person on a network map, as the family places them.

    *id* is stable across versions of the family's map, so that the same grandmother can be
    followed from one map to the next. *label* is what the family calls them ("Mummo").

    >>> m = NetworkMember(
    ...     id=PersonId("n1"), label="Grandmother", sector=NetworkSector.RELATIVES,
    ...     ring=Ring.INNER, tie=TieQuality.SUPPORTIVE, direction=SupportDirection.TO_FAMILY,
    ...     support={SupportType.PRACTICAL, SupportType.EMOTIONAL},
    ... )
    >>> m.is_professional, m.gives_support
    (False, True)
    """

    id: PersonId = attrs.field(validator=v.identifier)
    label: str = attrs.field(validator=v.text)
    sector: NetworkSector = attrs.field(validator=v.member_of(NetworkSector))
    ring: Ring = attrs.field(validator=v.member_of(Ring))
    tie: TieQuality = attrs.field(validator=v.member_of(TieQuality))
    direction: SupportDirection = attrs.field(
        default=SupportDirection.NONE, validator=v.member_of(SupportDirection)
    )
    support: frozenset[SupportType] = attrs.field(
        repr=v.set_repr,
        default=frozenset(),
        converter=_support_set,
        validator=[
            v.collection(frozenset, "SupportType members"),
            v.each(SupportType, "a SupportType: emotional, practical, informational"),
        ],
    )
    professional: ProfessionalId | None = attrs.field(default=None)
    frequency: ContactFrequency | None = attrs.field(
        default=None, validator=v.optional_member_of(ContactFrequency)
    )
    known_since: dt.date | None = attrs.field(default=None, validator=v.optional_day)

    @professional.validator
    def _check_professional(self, attribute: attrs.Attribute[Any], value: object) -> None:
        v.optional_identifier(self, attribute, value)
        if value is not None and self.sector is not NetworkSector.PROFESSIONALS:
            raise v.fail(
                self,
                attribute.name,
                value,
                "None unless the sector is professionals",
                "professional_not_sector",
            )

    @support.validator
    def _check_support(self, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        if value and self.direction in (SupportDirection.NONE, SupportDirection.FROM_FAMILY):
            raise v.fail(
                self,
                attribute.name,
                sorted(s.value for s in value),
                "no support types unless the direction is to_family or mutual",
                "support_direction",
            )

    @property
    def is_professional(self) -> bool:
        """Whether the member is a professional rather than part of the informal network."""
        return self.sector is NetworkSector.PROFESSIONALS

    @property
    def gives_support(self) -> bool:
        """Whether support flows from this member to the family."""
        return self.direction in (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL)


@attrs.frozen(kw_only=True)
class MemberTie:
    """Two members of a map who know each other, independently of the centre.

    The pair is unordered: ``MemberTie(a="x", b="y")`` equals ``MemberTie(a="y", b="x")``,
    because the two are stored in sorted order.
    """

    a: PersonId = attrs.field(validator=v.identifier)
    b: PersonId = attrs.field(validator=v.identifier)
    quality: TieQuality = attrs.field(
        default=TieQuality.SUPPORTIVE, validator=v.member_of(TieQuality)
    )

    def __attrs_post_init__(self) -> None:
        if isinstance(self.a, str) and isinstance(self.b, str) and self.b < self.a:
            a, b = self.b, self.a
            object.__setattr__(self, "a", a)
            object.__setattr__(self, "b", b)

    @b.validator
    def _check_b(self, attribute: attrs.Attribute[Any], value: PersonId) -> None:
        if value == self.a:
            raise v.fail(self, attribute.name, value, "a member other than a", "tie_self")


def _members(value: Iterable[NetworkMember]) -> tuple[NetworkMember, ...]:
    return v.to_tuple(value)


def _ties(value: Iterable[MemberTie]) -> tuple[MemberTie, ...]:
    return v.to_tuple(value)


def _people(value: Iterable[PersonId]) -> tuple[PersonId, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class NetworkMap:
    """A family's close-network map, drawn on *drawn_on* together with *drawn_with*.

    The map is the family's: *drawn_with* names the family members who drew it (at least one).
    *focal_person* is set when the map is one person's (a child's own map) rather than the
    whole family's.

    >>> gran = NetworkMember(
    ...     id=PersonId("n1"), label="Grandmother", sector=NetworkSector.RELATIVES,
    ...     ring=Ring.INNER, tie=TieQuality.SUPPORTIVE, direction=SupportDirection.TO_FAMILY,
    ...     support={SupportType.PRACTICAL},
    ... )
    >>> nmap = NetworkMap(
    ...     id=NetworkMapId("m1"), family=FamilyId("f1"), drawn_on=dt.date(2026, 3, 2),
    ...     drawn_with=(PersonId("p1"),), members=(gran,),
    ... )
    >>> [m.label for m in nmap.in_ring(Ring.INNER)]
    ['Grandmother']
    """

    id: NetworkMapId = attrs.field(validator=v.identifier)
    family: FamilyId = attrs.field(validator=v.identifier)
    drawn_on: dt.date = attrs.field(validator=v.day)
    drawn_with: tuple[PersonId, ...] = attrs.field(
        converter=_people,
        validator=[
            v.collection(tuple, "person ids"),
            v.non_empty,
            v.identifiers,
            v.unique(lambda p: p, "person"),
        ],
    )
    members: tuple[NetworkMember, ...] = attrs.field(
        default=(),
        converter=_members,
        validator=[
            v.collection(tuple, "NetworkMember objects"),
            v.each(NetworkMember, "a NetworkMember"),
            v.unique(lambda m: m.id, "id"),
        ],
    )
    ties: tuple[MemberTie, ...] = attrs.field(
        default=(),
        converter=_ties,
        validator=[
            v.collection(tuple, "MemberTie objects"),
            v.each(MemberTie, "a MemberTie"),
            v.unique(lambda t: (t.a, t.b), "pair"),
        ],
    )
    focal_person: PersonId | None = attrs.field(default=None, validator=v.optional_identifier)

    @ties.validator
    def _check_ties(self, attribute: attrs.Attribute[Any], value: tuple[MemberTie, ...]) -> None:
        ids = {m.id for m in self.members}
        for index, tie in enumerate(value):
            for end in ("a", "b"):
                if getattr(tie, end) not in ids:
                    raise v.fail(
                        self,
                        f"{attribute.name}[{index}].{end}",
                        getattr(tie, end),
                        "the id of a member of this map",
                        "unknown_map_member",
                    )

    def member(self, member: PersonId) -> NetworkMember:
        """The member with id *member*.

        Raises:
            InvalidModelError: no member has that id.
        """
        for m in self.members:
            if m.id == member:
                return m
        raise v.fail(
            self, "members", member, "the id of a member of this map", "unknown_map_member"
        )

    def in_ring(self, ring: Ring) -> tuple[NetworkMember, ...]:
        """The members placed on *ring*."""
        return tuple(m for m in self.members if m.ring is ring)

    def in_sector(self, sector: NetworkSector) -> tuple[NetworkMember, ...]:
        """The members in *sector*."""
        return tuple(m for m in self.members if m.sector is sector)

    def with_member(self, member: NetworkMember, *ties: MemberTie) -> NetworkMap:
        """A copy with *member* added, and *ties* between it and other members."""
        return attrs.evolve(self, members=(*self.members, member), ties=(*self.ties, *ties))

    def redrawn(self, *, new_id: NetworkMapId, drawn_on: dt.date) -> NetworkMap:
        """A new version of this map drawn on *drawn_on*, starting from the same members.

        Raises:
            InvalidModelError: *drawn_on* is not after this version's date.
        """
        if drawn_on <= self.drawn_on:
            raise v.fail(
                self,
                "drawn_on",
                drawn_on,
                f"a date after {self.drawn_on}",
                "after",
                limit=v.Field("drawn_on"),
            )
        return attrs.evolve(self, id=new_id, drawn_on=drawn_on)
