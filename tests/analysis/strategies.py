"""Local Hypothesis strategies for network maps (until ``openco.testing`` has its own).

Maps are built through the public constructors, so the model's validators decide what is
valid: every member's support types fit its direction, professionals may carry a
professional id, ties join members of the map.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import settings
from hypothesis import strategies as st

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

QUICK = settings(max_examples=60, deadline=None)
"""Settings for properties over maps: enough examples to find edge cases, fast enough to run
on every commit."""

_GIVING = (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL)


@st.composite
def members(draw: st.DrawFn, *, member_id: str) -> NetworkMember:
    """One member with any valid combination of placement, tie, direction and support."""
    sector = draw(st.sampled_from(NetworkSector))
    direction = draw(st.sampled_from(SupportDirection))
    support = draw(st.frozensets(st.sampled_from(SupportType))) if direction in _GIVING else ()
    professional = (
        draw(st.none() | st.just(ProfessionalId(PersonId(f"w-{member_id}"))))
        if sector is NetworkSector.PROFESSIONALS
        else None
    )
    return NetworkMember(
        id=PersonId(member_id),
        label=f"Person {member_id}",
        sector=sector,
        ring=draw(st.sampled_from(Ring)),
        tie=draw(st.sampled_from(TieQuality)),
        direction=direction,
        support=support,
        professional=professional,
    )


@st.composite
def network_maps(
    draw: st.DrawFn,
    *,
    min_size: int = 0,
    max_size: int = 12,
    family: str = "f1",
    map_id: str = "m1",
) -> NetworkMap:
    """A map of *min_size* to *max_size* members, with any subset of member pairs tied."""
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    chosen = [draw(members(member_id=f"n{k}")) for k in range(size)]
    pairs = [(a, b) for a in range(size) for b in range(a + 1, size)]
    tied = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    ties = [
        MemberTie(a=chosen[a].id, b=chosen[b].id, quality=draw(st.sampled_from(TieQuality)))
        for a, b in tied
    ]
    return NetworkMap(
        id=NetworkMapId(map_id),
        family=FamilyId(family),
        drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("parent"),),
        members=chosen,
        ties=ties,
    )
