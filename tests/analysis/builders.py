"""Readable example values shared by the analysis tests."""

from __future__ import annotations

import datetime as dt

from openco.model import (
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    PersonId,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

S, R, Q, D, T = NetworkSector, Ring, TieQuality, SupportDirection, SupportType


def member(
    name: str,
    sector: NetworkSector,
    ring: Ring,
    tie: TieQuality,
    direction: SupportDirection = D.NONE,
    *support: SupportType,
) -> NetworkMember:
    return NetworkMember(
        id=PersonId(name),
        label=name.title(),
        sector=sector,
        ring=ring,
        tie=tie,
        direction=direction,
        support=support,
    )


def example_map() -> NetworkMap:
    """Five people the tests below measure by hand.

    gran (relative, inner, supportive, mutual: emotional+practical) - aunt (relative, middle,
    weak, gives emotional) - friend (friend, inner, supportive, gives practical) - neighbour
    (friend sector, outer, strained, receives) - nurse (professional, middle, supportive,
    gives information). Ties: gran-aunt, gran-friend, friend-neighbour.
    """
    return NetworkMap(
        id=NetworkMapId("m1"),
        family=FamilyId("f1"),
        drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("mum"),),
        members=(
            member("gran", S.RELATIVES, R.INNER, Q.SUPPORTIVE, D.MUTUAL, T.EMOTIONAL, T.PRACTICAL),
            member("aunt", S.RELATIVES, R.MIDDLE, Q.WEAK, D.TO_FAMILY, T.EMOTIONAL),
            member(
                "friend", S.FRIENDS_AND_NEIGHBOURS, R.INNER, Q.SUPPORTIVE, D.TO_FAMILY, T.PRACTICAL
            ),
            member("neighbour", S.FRIENDS_AND_NEIGHBOURS, R.OUTER, Q.STRAINED, D.FROM_FAMILY),
            member("nurse", S.PROFESSIONALS, R.MIDDLE, Q.SUPPORTIVE, D.TO_FAMILY, T.INFORMATIONAL),
        ),
        ties=(
            MemberTie(a=PersonId("gran"), b=PersonId("aunt")),
            MemberTie(a=PersonId("gran"), b=PersonId("friend")),
            MemberTie(a=PersonId("friend"), b=PersonId("neighbour")),
        ),
    )


def empty_map() -> NetworkMap:
    return NetworkMap(
        id=NetworkMapId("m0"),
        family=FamilyId("f1"),
        drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("mum"),),
    )
