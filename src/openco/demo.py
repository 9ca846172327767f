"""The Vaaralampi story: one family's way from a day-care teacher's concern to a plan.

:func:`vaaralampi_story` builds the whole story as openco values. Everyone in it is invented.
The ``openco demo`` command tells it; the docs and tests use it as a realistic example.
"""

from __future__ import annotations

import datetime as dt

import attrs

from openco.model import (
    Area,
    AreaId,
    Bundle,
    Concern,
    ConcernId,
    ConcernZone,
    Consent,
    ConsentGiver,
    ConsentId,
    Custody,
    CustodyKind,
    DataScope,
    Family,
    FamilyId,
    GreySubzone,
    ItemStatus,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    MemberTie,
    Need,
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
    SupportDirection,
    SupportType,
    TieQuality,
    UnitId,
    View,
    ZoneAssessment,
)

__all__ = ["vaaralampi_story"]

_VAARALAMPI = AreaId("vaaralampi")
_OUNASRINNE = AreaId("ounasrinne")


def _services() -> tuple[tuple[Area, ...], tuple[ServiceUnit, ...], tuple[Professional, ...]]:
    areas = (
        Area(id=_VAARALAMPI, name="Vaaralampi", municipality="Rovaniemi"),
        Area(id=_OUNASRINNE, name="Ounasrinne", municipality="Rovaniemi"),
    )
    both = {_VAARALAMPI, _OUNASRINNE}
    units = (
        ServiceUnit(id=UnitId("daycare-kuusikko"), name="Kuusikko day-care centre",
                    kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION, areas={_VAARALAMPI},
                    in_family_centre=True),
        ServiceUnit(id=UnitId("clinic-vaaralampi"), name="Vaaralampi child health clinic",
                    kind=ServiceKind.CHILD_HEALTH_CLINIC, areas=both, in_family_centre=True),
        ServiceUnit(id=UnitId("family-work"), name="Family social work",
                    kind=ServiceKind.FAMILY_SOCIAL_WORK, areas=both, in_family_centre=True),
        ServiceUnit(id=UnitId("network-team"), name="Network consultants",
                    kind=ServiceKind.FAMILY_COUNSELLING, areas=both, in_family_centre=True),
    )  # fmt: skip

    def worker(pid: str, name: str, unit: str, profession: str, **kw: bool) -> Professional:
        return Professional(id=ProfessionalId(PersonId(pid)), name=name, unit=UnitId(unit),
                            profession=profession, mandated_notifier=True, **kw)  # fmt: skip

    professionals = (
        worker("w-teacher", "Sanna Teacher", "daycare-kuusikko", "early childhood teacher"),
        worker("w-nurse", "Helmi Nurse", "clinic-vaaralampi", "public health nurse"),
        worker("w-social", "Olli Worker", "family-work", "social worker"),
        worker("w-fac-1", "Kaisa Facilitator", "network-team", "network consultant",
               trained_facilitator=True),
        worker("w-fac-2", "Mikko Facilitator", "network-team", "network consultant",
               trained_facilitator=True),
    )  # fmt: skip
    return areas, units, professionals


def _member(  # noqa: PLR0917 - a private shorthand that keeps the story readable
pid: str, label: str, sector: NetworkSector, ring: Ring, tie: TieQuality,
            direction: SupportDirection = SupportDirection.NONE,
            support: frozenset[SupportType] = frozenset()) -> NetworkMember:  # fmt: skip
    return NetworkMember(id=PersonId(pid), label=label, sector=sector, ring=ring, tie=tie,
                         direction=direction, support=support)  # fmt: skip


def vaaralampi_story() -> Bundle:
    """The whole Vaaralampi story as one checked :class:`~openco.model.Bundle`.

    A day-care teacher grows worried about four-year-old Aino; the worry reaches the grey
    zone; she takes it up with Aino's mother Laura and asks for her help; Laura agrees to an
    anticipation dialogue and invites her mother (Aino's grandmother) and a neighbour; two
    network consultants from outside the case run it; the plan says who does what, with whom
    and when; at the follow-up the network has grown and the worry has eased.

    >>> story = vaaralampi_story()
    >>> [m.kind.value for m in story.meetings]
    ['anticipation_dialogue', 'follow_up']
    >>> before, after = story.maps_of(FamilyId("f-aino"))
    >>> len(before.members), len(after.members)
    (4, 6)
    >>> story.concerns[0].current.zone.label("en")
    'small concern'
    """
    areas, units, professionals = _services()
    laura = Person(id=PersonId("p-laura"), name="Laura", birth_date=dt.date(1994, 8, 19))
    aino = Person(id=PersonId("p-aino"), name="Aino", birth_date=dt.date(2022, 1, 11))
    family = Family(
        id=FamilyId("f-aino"),
        members=(laura, aino),
        custody=(Custody(child=aino.id, adult=laura.id, kind=CustodyKind.CUSTODIAL_PARENT),),
        home_area=_VAARALAMPI,
        language="fi",
    )
    support_to = SupportDirection.TO_FAMILY
    gran = _member(
        "n-gran",
        "Grandmother (mummo)",
        NetworkSector.RELATIVES,
        Ring.MIDDLE,
        TieQuality.WEAK,
        support_to,
        frozenset({SupportType.EMOTIONAL}),
    )
    neighbour = _member(
        "n-neighbour",
        "Neighbour Eeva",
        NetworkSector.FRIENDS_AND_NEIGHBOURS,
        Ring.OUTER,
        TieQuality.WEAK,
    )
    friend = _member(
        "n-friend",
        "Laura's friend from work",
        NetworkSector.SCHOOL_WORK_HOBBIES,
        Ring.MIDDLE,
        TieQuality.SUPPORTIVE,
        SupportDirection.MUTUAL,
        frozenset({SupportType.EMOTIONAL}),
    )
    teacher = _member(
        "w-teacher",
        "Day-care teacher",
        NetworkSector.PROFESSIONALS,
        Ring.MIDDLE,
        TieQuality.SUPPORTIVE,
        support_to,
        frozenset({SupportType.INFORMATIONAL}),
    )
    before = NetworkMap(
        id=NetworkMapId("map-aino-1"), family=family.id, drawn_on=dt.date(2026, 3, 17),
        drawn_with=(laura.id,), members=(gran, neighbour, friend, teacher),
    )  # fmt: skip
    after = attrs.evolve(
        before.redrawn(new_id=NetworkMapId("map-aino-2"), drawn_on=dt.date(2026, 7, 7)),
        members=(
            attrs.evolve(gran, ring=Ring.INNER, tie=TieQuality.SUPPORTIVE,
                         support=frozenset({SupportType.EMOTIONAL, SupportType.PRACTICAL})),
            attrs.evolve(neighbour, ring=Ring.MIDDLE, tie=TieQuality.SUPPORTIVE,
                         direction=SupportDirection.MUTUAL,
                         support=frozenset({SupportType.PRACTICAL})),
            friend,
            teacher,
            _member("n-cousin", "Cousin Jenni", NetworkSector.RELATIVES, Ring.MIDDLE,
                    TieQuality.SUPPORTIVE, support_to, frozenset({SupportType.PRACTICAL})),
            _member("n-club", "Family club leader", NetworkSector.SCHOOL_WORK_HOBBIES,
                    Ring.OUTER, TieQuality.SUPPORTIVE, support_to,
                    frozenset({SupportType.INFORMATIONAL})),
        ),
        ties=(MemberTie(a=PersonId("n-gran"), b=PersonId("n-neighbour")),
              MemberTie(a=PersonId("n-gran"), b=PersonId("n-cousin"))),
    )  # fmt: skip
    teacher_id = ProfessionalId(PersonId("w-teacher"))
    concern = Concern(
        id=ConcernId("c-aino"), worker=teacher_id, child=aino.id, family=family.id,
        noticed_on=dt.date(2026, 2, 2),
        assessments=(
            ZoneAssessment(on=dt.date(2026, 2, 2), zone=ConcernZone.SMALL,
                           own_means=OwnMeans.GOOD, note="Aino is tired in the mornings"),
            ZoneAssessment(on=dt.date(2026, 3, 2), zone=ConcernZone.GREY,
                           subzone=GreySubzone.LOWER, own_means=OwnMeans.RUNNING_OUT,
                           extra_resources=Need.CLEAR, control=Need.SMALL,
                           note="Often fetched late; Aino withdraws from play"),
            ZoneAssessment(on=dt.date(2026, 7, 7), zone=ConcernZone.SMALL,
                           own_means=OwnMeans.GOOD, note="Mornings calmer; grandmother helps"),
        ),
        worries=("Aino is often tired and withdrawn in the mornings",
                 "Aino is fetched late several times a week"),
        strengths=("Warm, close relationship between Aino and her mother",
                   "Aino loves drawing and plays well with two friends"),
    )  # fmt: skip
    consent = Consent(
        id=ConsentId("k-aino"), family=family.id, subject=aino.id, given_by=laura.id,
        giver=ConsentGiver.CUSTODIAN, scopes={DataScope.CONCERN, DataScope.PLAN},
        units={UnitId("clinic-vaaralampi"), UnitId("network-team")},
        valid_from=dt.date(2026, 3, 10), valid_until=dt.date(2027, 3, 10),
    )  # fmt: skip
    dialogue = Meeting(
        id=MeetingId("m-dialogue"), kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=dt.date(2026, 4, 14), family=family.id, concern=concern.id,
        participants=(
            Participant(person=laura.id, role=MeetingRole.CUSTODIAN),
            Participant(person=aino.id, role=MeetingRole.CHILD),
            Participant(person=PersonId("n-gran"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=PersonId("n-neighbour"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=teacher_id, role=MeetingRole.INITIATOR,
                        unit=UnitId("daycare-kuusikko")),
            Participant(person=PersonId("w-nurse"), role=MeetingRole.PROFESSIONAL,
                        unit=UnitId("clinic-vaaralampi")),
            Participant(person=PersonId("w-fac-1"), role=MeetingRole.INTERVIEWER,
                        unit=UnitId("network-team")),
            Participant(person=PersonId("w-fac-2"), role=MeetingRole.RECORDER,
                        unit=UnitId("network-team")),
        ),
        speaking_order=(aino.id, laura.id, PersonId("n-gran"), PersonId("n-neighbour"),
                        teacher_id, PersonId("w-nurse")),
    )  # fmt: skip
    plan = Plan(
        id=PlanId("plan-aino"), meeting=dialogue.id, family=family.id,
        agreed_on=dt.date(2026, 4, 14), follow_up_on=dt.date(2026, 7, 7),
        items=(
            PlanItem(id=PlanItemId("i-fetch"), what="Fetch Aino from day care on Tue and Thu",
                     responsible=PersonId("n-gran"), due=dt.date(2026, 4, 21),
                     status=ItemStatus.DONE, outcome="Every week since April"),
            PlanItem(id=PlanItemId("i-evenings"), what="Quiet evening routine, lights out by 20",
                     responsible=laura.id, with_whom={PersonId("w-nurse")},
                     due=dt.date(2026, 5, 31), status=ItemStatus.DONE,
                     outcome="Mornings are calmer"),
            PlanItem(id=PlanItemId("i-club"), what="Try the family club at the parish hall",
                     responsible=PersonId("n-neighbour"), with_whom={laura.id},
                     due=dt.date(2026, 6, 15), status=ItemStatus.DONE, outcome="Goes weekly"),
            PlanItem(id=PlanItemId("i-daycare"), what="Share Aino's good days with Laura",
                     responsible=teacher_id, due=dt.date(2026, 7, 7)),
        ),
        child_views=(View(person=aino.id, text="I want mummo to fetch me."),),
    )  # fmt: skip
    follow_up = Meeting(
        id=MeetingId("m-follow-up"), kind=MeetingKind.FOLLOW_UP, held_on=dt.date(2026, 7, 7),
        family=family.id, concern=concern.id,
        participants=(
            Participant(person=laura.id, role=MeetingRole.CUSTODIAN),
            Participant(person=PersonId("n-gran"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=PersonId("n-neighbour"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=teacher_id, role=MeetingRole.INITIATOR,
                        unit=UnitId("daycare-kuusikko")),
            Participant(person=PersonId("w-fac-1"), role=MeetingRole.INTERVIEWER,
                        unit=UnitId("network-team")),
            Participant(person=PersonId("w-fac-2"), role=MeetingRole.RECORDER,
                        unit=UnitId("network-team")),
        ),
    )  # fmt: skip
    return Bundle(
        areas=areas, units=units, professionals=professionals, families=(family,),
        network_maps=(before, after), concerns=(concern,), meetings=(dialogue, follow_up),
        plans=(plan,), consents=(consent,),
    )  # fmt: skip
