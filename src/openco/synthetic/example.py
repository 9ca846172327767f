"""One small, hand-made family network map, before and after a plan, for docs and pictures.

Everyone in it is invented. Aino (5) lives with her mother and big brother Onni. The map is
drawn with the mother in March, before an anticipation dialogue, and again at the follow-up
in June: by then the neighbour has become a mutual support, the grandfather has moved closer,
and a football coach has joined.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from openco.model import (
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    PersonId,
    ProfessionalId,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

__all__ = ["example_follow_up_map", "example_map"]

S, R, Q, D, T = NetworkSector, Ring, TieQuality, SupportDirection, SupportType


def _member(  # noqa: PLR0917 - one row of the example table, read left to right
    key: str,
    label: str,
    sector: NetworkSector,
    ring: Ring,
    tie: TieQuality,
    direction: SupportDirection = D.NONE,
    *support: SupportType,
) -> NetworkMember:
    return NetworkMember(
        id=PersonId(f"ex-{key}"),
        label=label,
        sector=sector,
        ring=ring,
        tie=tie,
        direction=direction,
        support=support,
        professional=ProfessionalId(PersonId(f"ex-{key}")) if sector is S.PROFESSIONALS else None,
    )


def example_map() -> NetworkMap:
    """Aino's family's map, drawn with her mother on 2 March 2026.

    >>> nmap = example_map()
    >>> len(nmap.members), len(nmap.ties)
    (10, 6)
    """
    members = (
        _member("onni", "Onni (brother)", S.HOUSEHOLD, R.INNER, Q.SUPPORTIVE, D.MUTUAL,
                T.EMOTIONAL),
        _member("mummo", "Mummo", S.RELATIVES, R.INNER, Q.SUPPORTIVE, D.MUTUAL, T.EMOTIONAL,
                T.PRACTICAL),
        _member("ukki", "Ukki", S.RELATIVES, R.MIDDLE, Q.WEAK, D.TO_FAMILY, T.PRACTICAL),
        _member("ella", "Aunt Ella", S.RELATIVES, R.OUTER, Q.STRAINED),
        _member("kummi", "Godmother", S.RELATIVES, R.OUTER, Q.BROKEN),
        _member("sanna", "Sanna (friend)", S.FRIENDS_AND_NEIGHBOURS, R.INNER, Q.SUPPORTIVE,
                D.TO_FAMILY, T.EMOTIONAL),
        _member("leena", "Leena (neighbour)", S.FRIENDS_AND_NEIGHBOURS, R.MIDDLE, Q.WEAK,
                D.FROM_FAMILY),
        _member("choir", "Choir leader", S.SCHOOL_WORK_HOBBIES, R.OUTER, Q.WEAK),
        _member("anna", "Anna (day care)", S.PROFESSIONALS, R.MIDDLE, Q.SUPPORTIVE,
                D.TO_FAMILY, T.INFORMATIONAL, T.PRACTICAL),
        _member("nurse", "Clinic nurse", S.PROFESSIONALS, R.OUTER, Q.WEAK, D.TO_FAMILY,
                T.INFORMATIONAL),
    )  # fmt: skip
    pairs = (
        ("mummo", "ukki"), ("mummo", "ella"), ("ukki", "ella"), ("onni", "mummo"),
        ("sanna", "leena"), ("anna", "nurse"),
    )  # fmt: skip
    return NetworkMap(
        id=NetworkMapId("ex-map-1"),
        family=FamilyId("ex-family"),
        drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("ex-mother"),),
        members=members,
        ties=tuple(MemberTie(a=PersonId(f"ex-{a}"), b=PersonId(f"ex-{b}")) for a, b in pairs),
    )


def example_follow_up_map() -> NetworkMap:
    """The same family's map at the follow-up on 8 June 2026, after the plan.

    >>> [m.label for m in example_follow_up_map().members][-1]
    'Coach Mikko'
    """
    before = example_map()
    changed: dict[str, dict[str, Any]] = {
        "ex-ukki": {"ring": R.INNER, "tie": Q.SUPPORTIVE},
        "ex-leena": {
            "ring": R.INNER,
            "tie": Q.SUPPORTIVE,
            "direction": D.MUTUAL,
            "support": {T.PRACTICAL},
        },
    }
    members = tuple(
        attrs.evolve(m, **changed[m.id]) if m.id in changed else m for m in before.members
    )
    coach = _member("coach", "Coach Mikko", S.SCHOOL_WORK_HOBBIES, R.MIDDLE, Q.SUPPORTIVE,
                    D.TO_FAMILY, T.PRACTICAL)  # fmt: skip
    after = before.redrawn(new_id=NetworkMapId("ex-map-2"), drawn_on=dt.date(2026, 6, 8))
    return attrs.evolve(
        after,
        members=(*members, coach),
        ties=(*before.ties, MemberTie(a=PersonId("ex-coach"), b=PersonId("ex-onni"))),
    )
