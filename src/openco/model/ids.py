"""Typed identifiers, so that passing a family's id where a person's is expected is a type error.

Ids are plain strings at run time (1-128 letters, digits or ``._:@-``; nothing a file path
could be made of). A :data:`ProfessionalId` is also a :data:`PersonId`: a professional can be
a meeting participant or the person responsible for a plan item, just as a grandmother can.
"""

from __future__ import annotations

from typing import NewType

__all__ = [
    "AreaId",
    "ConcernId",
    "ConsentId",
    "FamilyId",
    "MeetingId",
    "NetworkMapId",
    "PersonId",
    "PlanId",
    "PlanItemId",
    "ProfessionalId",
    "UnitId",
]

PersonId = NewType("PersonId", str)
ProfessionalId = NewType("ProfessionalId", PersonId)
FamilyId = NewType("FamilyId", str)
AreaId = NewType("AreaId", str)
UnitId = NewType("UnitId", str)
ConcernId = NewType("ConcernId", str)
MeetingId = NewType("MeetingId", str)
PlanId = NewType("PlanId", str)
PlanItemId = NewType("PlanItemId", str)
ConsentId = NewType("ConsentId", str)
NetworkMapId = NewType("NetworkMapId", str)
