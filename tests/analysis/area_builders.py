"""A small hand-drawn area network: two areas, five units, five workers, four families."""

from __future__ import annotations

import datetime as dt

from openco.model import (
    AreaId,
    Concern,
    ConcernId,
    ConcernZone,
    Family,
    FamilyId,
    ItemStatus,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    OwnMeans,
    Participant,
    Person,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
    Professional,
    ProfessionalId,
    Ring,
    ServiceKind,
    ServiceUnit,
    TieQuality,
    UnitId,
    ZoneAssessment,
)

DAY = dt.date(2026, 3, 2)
UNIT_OF = {"w1": "u1", "w2": "u2", "w3": "u3", "w4": "u4", "w5": "u1"}


def units() -> list[ServiceUnit]:
    serving = {"u1": ["north"], "u2": ["north"], "u3": ["north", "south"], "u4": ["south"],
               "u5": ["south"]}  # fmt: skip
    return [
        ServiceUnit(
            id=UnitId(u), name=f"Unit {u}", kind=ServiceKind.OTHER,
            areas=[AreaId(a) for a in areas],
        )
        for u, areas in serving.items()
    ]  # fmt: skip


def professionals() -> list[Professional]:
    return [
        Professional(
            id=ProfessionalId(PersonId(w)), name=f"Worker {w}", unit=UnitId(u),
            profession="social worker", mandated_notifier=True,
        )
        for w, u in UNIT_OF.items()
    ]  # fmt: skip


def families() -> list[Family]:
    homes = {"f1": "north", "f2": "north", "f3": "south", "f4": "north"}
    return [
        Family(
            id=FamilyId(f),
            members=(Person(id=PersonId(f"{f}-mum"), name="Laura",
                            birth_date=dt.date(1990, 1, 1)),),
            home_area=AreaId(a),
        )
        for f, a in homes.items()
    ]  # fmt: skip


def maps() -> list[NetworkMap]:
    workers = {"f1": ["w1", "w2"], "f2": ["w2", "w3"], "f3": ["w3", "w4"],
               "f4": ["w1", "w5", "w2"]}  # fmt: skip
    return [
        NetworkMap(
            id=NetworkMapId(f"{f}-map"),
            family=FamilyId(f),
            drawn_on=DAY,
            drawn_with=(PersonId(f"{f}-mum"),),
            members=[
                NetworkMember(
                    id=PersonId(w),
                    label="Worker",
                    sector=NetworkSector.PROFESSIONALS,
                    ring=Ring.OUTER,
                    tie=TieQuality.WEAK,
                    professional=ProfessionalId(PersonId(w)),
                )
                for w in ws
            ],
        )
        for f, ws in workers.items()
    ]


def worker(w: str) -> Participant:
    return Participant(person=PersonId(w), role=MeetingRole.PROFESSIONAL, unit=UnitId(UNIT_OF[w]))


def meetings() -> list[Meeting]:
    return [
        Meeting(
            id=MeetingId("m1"), kind=MeetingKind.ANTICIPATION_DIALOGUE, held_on=DAY,
            family=FamilyId("f1"),
            participants=(Participant(person=PersonId("f1-mum"), role=MeetingRole.CUSTODIAN),
                          worker("w1"), worker("w2")),
        ),
        Meeting(
            id=MeetingId("m2"), kind=MeetingKind.CLIENT_MEETING, held_on=DAY,
            family=FamilyId("f3"), participants=(worker("w3"), worker("w4")),
        ),
        Meeting(id=MeetingId("am1"), kind=MeetingKind.AREA_MEETING, held_on=DAY,
                area=AreaId("north"), participants=(worker("w1"), worker("w3"))),
        Meeting(id=MeetingId("am2"), kind=MeetingKind.AREA_MEETING, held_on=DAY,
                area=AreaId("north"), participants=(worker("w2"),)),
        Meeting(id=MeetingId("am3"), kind=MeetingKind.AREA_MEETING, held_on=DAY,
                area=AreaId("south"), participants=(worker("w4"),)),
    ]  # fmt: skip


def plans() -> list[Plan]:
    return [
        Plan(
            id=PlanId("p2"), meeting=MeetingId("m1"), family=FamilyId("f2"), agreed_on=DAY,
            items=(PlanItem(id=PlanItemId("i1"), what="Call", responsible=PersonId("w3"),
                            with_whom={PersonId("w2")}, status=ItemStatus.OPEN),),
        )
    ]  # fmt: skip


def concerns() -> list[Concern]:
    """w5 is worried about f2's child: that links w5 to f2, and nothing else is read."""
    return [
        Concern(
            id=ConcernId("c1"), worker=ProfessionalId(PersonId("w5")),
            child=PersonId("f2-mum"), family=FamilyId("f2"), noticed_on=DAY,
            assessments=(ZoneAssessment(on=DAY, assessor=ProfessionalId(PersonId("w5")),
                                        zone=ConcernZone.GREAT, own_means=OwnMeans.EXHAUSTED),),
        )
    ]  # fmt: skip
