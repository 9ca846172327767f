import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

from openco.errors import InvalidModelError
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
    StructuralIssue,
    TieQuality,
    UnitId,
    View,
    ZoneAssessment,
    reference_problems,
)
from openco.testing import bundles
from tests.model.refusal import assert_refused

MUM = Person(id=PersonId("p1"), name="Ilona", birth_date=dt.date(1990, 1, 2))
KID = Person(id=PersonId("p2"), name="Sointu", birth_date=dt.date(2020, 6, 1))
WORKER = ProfessionalId(PersonId("w1"))
GRAN = PersonId("n1")


def make_bundle() -> Bundle:
    """One of everything, every reference resolved."""
    return Bundle(
        areas=[Area(id=AreaId("north"), name="Pohjoinen", municipality="Rovaniemi")],
        units=[
            ServiceUnit(
                id=UnitId("clinic"),
                name="Neuvola",
                kind=ServiceKind.CHILD_HEALTH_CLINIC,
                areas={AreaId("north")},
            )
        ],
        professionals=[
            Professional(
                id=WORKER,
                name="Elmeri",
                unit=UnitId("clinic"),
                profession="public health nurse",
                mandated_notifier=True,
            )
        ],
        families=[
            Family(
                id=FamilyId("f1"),
                members=(MUM, KID),
                custody=(Custody(child=KID.id, adult=MUM.id, kind=CustodyKind.CUSTODIAL_PARENT),),
                home_area=AreaId("north"),
            )
        ],
        network_maps=[
            NetworkMap(
                id=NetworkMapId("m1"),
                family=FamilyId("f1"),
                drawn_on=dt.date(2026, 1, 10),
                drawn_with=(MUM.id,),
                members=(
                    NetworkMember(
                        id=GRAN,
                        label="Mummo",
                        sector=NetworkSector.RELATIVES,
                        ring=Ring.INNER,
                        tie=TieQuality.SUPPORTIVE,
                    ),
                    NetworkMember(
                        id=PersonId("n2"),
                        label="Terveydenhoitaja",
                        sector=NetworkSector.PROFESSIONALS,
                        ring=Ring.MIDDLE,
                        tie=TieQuality.SUPPORTIVE,
                        professional=WORKER,
                    ),
                ),
            )
        ],
        concerns=[
            Concern(
                id=ConcernId("c1"),
                worker=WORKER,
                child=KID.id,
                family=FamilyId("f1"),
                noticed_on=dt.date(2026, 1, 5),
                assessments=(
                    ZoneAssessment(
                        on=dt.date(2026, 1, 5),
                        assessor=WORKER,
                        zone=ConcernZone.SMALL,
                        own_means=OwnMeans.GOOD,
                    ),
                ),
            )
        ],
        meetings=[
            Meeting(
                id=MeetingId("d1"),
                kind=MeetingKind.ANTICIPATION_DIALOGUE,
                held_on=dt.date(2026, 2, 1),
                family=FamilyId("f1"),
                concern=ConcernId("c1"),
                participants=(
                    Participant(person=MUM.id, role=MeetingRole.CUSTODIAN),
                    Participant(person=KID.id, role=MeetingRole.CHILD),
                    Participant(person=GRAN, role=MeetingRole.CLOSE_NETWORK),
                    Participant(person=WORKER, role=MeetingRole.INITIATOR, unit=UnitId("clinic")),
                ),
                structural_issues=(
                    StructuralIssue(
                        description="No evening hours",
                        raised_by=WORKER,
                        raised_on=dt.date(2026, 2, 1),
                    ),
                ),
            ),
            Meeting(
                id=MeetingId("a1"),
                kind=MeetingKind.AREA_MEETING,
                held_on=dt.date(2026, 3, 1),
                area=AreaId("north"),
                participants=(Participant(person=WORKER, role=MeetingRole.PROFESSIONAL),),
            ),
        ],
        plans=[
            Plan(
                id=PlanId("pl1"),
                meeting=MeetingId("d1"),
                family=FamilyId("f1"),
                agreed_on=dt.date(2026, 2, 1),
                items=(
                    PlanItem(
                        id=PlanItemId("i1"),
                        what="Fetch Sointu on Tuesdays",
                        responsible=GRAN,
                        with_whom={MUM.id},
                    ),
                ),
                child_views=(View(person=KID.id, text="Mummo is fun"),),
            )
        ],
        consents=[
            Consent(
                id=ConsentId("k1"),
                family=FamilyId("f1"),
                subject=KID.id,
                given_by=MUM.id,
                giver=ConsentGiver.CUSTODIAN,
                scopes={DataScope.PLAN},
                units={UnitId("clinic")},
                valid_from=dt.date(2026, 2, 1),
            )
        ],
    )


BUNDLE = make_bundle()


def edit(collection: str, index: int, **changes: Any) -> Callable[[Bundle], Bundle]:
    """A change of one object in one of the bundle's collections."""

    def apply(bundle: Bundle) -> Bundle:
        items = list(getattr(bundle, collection))
        items[index] = attrs.evolve(items[index], **changes)
        return attrs.evolve(bundle, **{collection: items})

    return apply


def add(collection: str, item: object) -> Callable[[Bundle], Bundle]:
    return lambda b: attrs.evolve(b, **{collection: (*getattr(b, collection), item)})


def participant(index: int, **changes: Any) -> Callable[[Bundle], Bundle]:
    meeting = BUNDLE.meetings[0]
    present = list(meeting.participants)
    present[index] = attrs.evolve(present[index], **changes)
    return edit("meetings", 0, participants=present)


def item(**changes: Any) -> Callable[[Bundle], Bundle]:
    return edit("plans", 0, items=(attrs.evolve(BUNDLE.plans[0].items[0], **changes),))


def family_members(*members: Person) -> Callable[[Bundle], Bundle]:
    return edit("families", 0, members=members, custody=())


class TestBundle:
    def test_a_bundle_whose_references_resolve_is_accepted(self) -> None:
        assert BUNDLE.family("f1").members == (MUM, KID)

    def test_an_empty_bundle_is_a_bundle(self) -> None:
        assert Bundle() == Bundle(areas=[], families=())

    def test_an_unknown_family_is_refused_naming_the_families(self) -> None:
        with pytest.raises(InvalidModelError) as caught:
            BUNDLE.family("f9")

        assert caught.value.field == "families"

    def test_the_versions_of_a_map_are_listed_oldest_first(self) -> None:
        first = BUNDLE.network_maps[0]
        later = first.redrawn(new_id=NetworkMapId("m2"), drawn_on=dt.date(2026, 6, 1))
        earlier = attrs.evolve(first, id=NetworkMapId("m0"), drawn_on=dt.date(2025, 6, 1))

        bundle = attrs.evolve(BUNDLE, network_maps=[later, first, earlier])

        assert [m.id for m in bundle.maps_of("f1")] == ["m0", "m1", "m2"]
        assert bundle.maps_of("f9") == ()

    def test_the_error_names_the_first_problem_and_counts_the_rest(self) -> None:
        family = attrs.evolve(BUNDLE.families[0], home_area=AreaId("south"))
        unit = attrs.evolve(BUNDLE.units[0], areas={AreaId("south")})

        error = assert_refused(
            lambda: attrs.evolve(BUNDLE, families=[family], units=[unit]),
            "families[0].home_area",
        )

        assert "1 more" in error.allowed

    def test_every_problem_is_listed_with_its_path(self) -> None:
        fields = attrs.asdict(BUNDLE, recurse=False)
        fields["areas"] = ()

        problems = reference_problems(**fields)

        assert [p.path for p in problems] == [
            "families[0].home_area",
            "units[0].areas",
            "meetings[1].area",
        ]

    @given(bundle=bundles())
    def test_a_generated_bundle_has_no_reference_problems(self, bundle: Bundle) -> None:
        assert reference_problems(**attrs.asdict(bundle, recurse=False)) == []
        assert attrs.evolve(bundle) == bundle

    @given(bundle=bundles())
    def test_in_a_generated_bundle_each_person_id_is_one_person(self, bundle: Bundle) -> None:
        members = [m for f in bundle.families for m in f.members]
        staff = {p.id for p in bundle.professionals}

        assert len({m.id for m in members}) == len(members)
        assert not staff & {m.id for m in members}


BROKEN: list[Any] = [
    pytest.param(lambda b: attrs.evolve(b, areas="north"), "areas", id="areas as text"),
    pytest.param(lambda b: attrs.evolve(b, plans=None), "plans", id="plans None"),
    pytest.param(
        lambda b: attrs.evolve(b, units=(*b.units, b.areas[0])), "units[1]", id="an area as a unit"
    ),
    pytest.param(add("areas", BUNDLE.areas[0]), "areas[1].id", id="an area twice"),
    pytest.param(
        add("consents", attrs.evolve(BUNDLE.consents[0], scopes={DataScope.HEALTH})),
        "consents[1].id",
        id="two consents with one id",
    ),
    pytest.param(
        edit("families", 0, home_area=AreaId("south")), "families[0].home_area", id="unknown area"
    ),
    pytest.param(
        add(
            "families",
            Family(
                id=FamilyId("f2"),
                members=(attrs.evolve(KID, name="Toinen"),),
                home_area=AreaId("north"),
            ),
        ),
        "families[1].members[0]",
        id="one person with two names",
    ),
    pytest.param(
        family_members(MUM, KID, Person(id=WORKER, name="Elmeri", birth_date=dt.date(1980, 1, 1))),
        "families[0].members[2].id",
        id="a family member with a professional's id",
    ),
    pytest.param(
        edit("units", 0, areas={AreaId("south")}), "units[0].areas", id="unit in unknown area"
    ),
    pytest.param(
        edit("professionals", 0, unit=UnitId("school")),
        "professionals[0].unit",
        id="professional of unknown unit",
    ),
    pytest.param(
        edit("network_maps", 0, family=FamilyId("f9")),
        "network_maps[0].family",
        id="map of unknown family",
    ),
    pytest.param(
        edit("network_maps", 0, drawn_with=(PersonId("p9"),)),
        "network_maps[0].drawn_with[0]",
        id="map drawn with a stranger",
    ),
    pytest.param(
        edit("network_maps", 0, drawn_with=(KID.id,), drawn_on=dt.date(2020, 5, 31)),
        "network_maps[0].drawn_with[0]",
        id="map drawn with someone not yet born",
    ),
    pytest.param(
        edit("network_maps", 0, focal_person=PersonId("p9")),
        "network_maps[0].focal_person",
        id="map centred on a stranger",
    ),
    pytest.param(
        edit(
            "network_maps",
            0,
            members=(
                attrs.evolve(
                    BUNDLE.network_maps[0].members[1], professional=ProfessionalId(PersonId("w9"))
                ),
            ),
        ),
        "network_maps[0].members[0].professional",
        id="map naming an unknown professional",
    ),
    pytest.param(
        edit(
            "concerns",
            0,
            worker=ProfessionalId(PersonId("w9")),
            assessments=tuple(
                attrs.evolve(a, assessor=ProfessionalId(PersonId("w9")))
                for a in BUNDLE.concerns[0].assessments
            ),
        ),
        "concerns[0].worker",
        id="concern of an unknown worker",
    ),
    pytest.param(
        edit("concerns", 0, family=FamilyId("f9")),
        "concerns[0].family",
        id="concern of unknown family",
    ),
    pytest.param(
        edit("concerns", 0, child=PersonId("p9")),
        "concerns[0].child",
        id="concern about a stranger",
    ),
    pytest.param(
        edit(
            "concerns",
            0,
            noticed_on=dt.date(2020, 5, 1),
            assessments=(attrs.evolve(BUNDLE.concerns[0].assessments[0], on=dt.date(2020, 5, 1)),),
        ),
        "concerns[0].noticed_on",
        id="concern about a child not yet born",
    ),
    pytest.param(
        edit("meetings", 0, family=FamilyId("f9")),
        "meetings[0].family",
        id="meeting with unknown family",
    ),
    pytest.param(
        edit("meetings", 1, area=AreaId("south")), "meetings[1].area", id="meeting in unknown area"
    ),
    pytest.param(
        edit("meetings", 0, concern=ConcernId("c9")),
        "meetings[0].concern",
        id="meeting on unknown concern",
    ),
    pytest.param(
        edit("meetings", 0, held_on=dt.date(2026, 1, 4)),
        "meetings[0].held_on",
        id="meeting before its concern was noticed",
    ),
    pytest.param(
        edit("meetings", 1, concern=ConcernId("c1")),
        "meetings[1].concern",
        id="area meeting about a family's concern",
    ),
    pytest.param(
        participant(3, person=PersonId("w9")),
        "meetings[0].participants[3].person",
        id="unknown worker in a meeting",
    ),
    pytest.param(
        participant(1, person=PersonId("p9")),
        "meetings[0].participants[1].person",
        id="a stranger as the child",
    ),
    pytest.param(
        participant(2, person=PersonId("n9")),
        "meetings[0].participants[2].person",
        id="close network member not on any map",
    ),
    pytest.param(
        participant(3, unit=UnitId("school")),
        "meetings[0].participants[3].unit",
        id="worker from an unknown unit",
    ),
    pytest.param(
        edit(
            "meetings",
            0,
            structural_issues=(
                attrs.evolve(BUNDLE.meetings[0].structural_issues[0], raised_by=PersonId("x9")),
            ),
        ),
        "meetings[0].structural_issues[0].raised_by",
        id="issue raised by a stranger",
    ),
    pytest.param(
        edit("plans", 0, meeting=MeetingId("d9")), "plans[0].meeting", id="plan of unknown meeting"
    ),
    pytest.param(
        edit("plans", 0, meeting=MeetingId("a1")),
        "plans[0].family",
        id="plan of a meeting without the family",
    ),
    pytest.param(
        edit("plans", 0, agreed_on=dt.date(2026, 1, 31)),
        "plans[0].agreed_on",
        id="plan agreed before its meeting",
    ),
    pytest.param(
        item(responsible=PersonId("x9")),
        "plans[0].items[0].responsible",
        id="a stranger responsible for an item",
    ),
    pytest.param(
        item(with_whom={PersonId("x9")}), "plans[0].items[0].with_whom", id="a stranger helping"
    ),
    pytest.param(
        edit("plans", 0, child_views=(View(person=PersonId("x9"), text="Hi"),)),
        "plans[0].child_views[0].person",
        id="a stranger's view as a child's",
    ),
    pytest.param(
        edit("plans", 0, dissents=(View(person=PersonId("x9"), text="No"),)),
        "plans[0].dissents[0].person",
        id="a stranger's dissent",
    ),
    pytest.param(
        edit("consents", 0, family=FamilyId("f9")),
        "consents[0].family",
        id="consent of unknown family",
    ),
    pytest.param(
        edit("consents", 0, subject=PersonId("p9")),
        "consents[0].subject",
        id="consent about a stranger",
    ),
    pytest.param(
        edit("consents", 0, given_by=KID.id, subject=MUM.id),
        "consents[0].given_by",
        id="consent by someone without custody",
    ),
    pytest.param(
        edit("consents", 0, units={UnitId("school")}),
        "consents[0].units",
        id="consent for unknown unit",
    ),
]


@pytest.mark.parametrize(("breaking", "field"), BROKEN)
def test_a_broken_reference_is_refused_naming_its_path(
    breaking: Callable[[Bundle], Bundle], field: str
) -> None:
    assert_refused(lambda: breaking(BUNDLE), field)
