import datetime as dt
import importlib.metadata
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

import openco.testing as ot
from openco import model
from openco.model import (
    AreaId,
    Bundle,
    ConcernZone,
    ConsentGiver,
    CustodyKind,
    Family,
    FamilyId,
    ItemStatus,
    MeetingKind,
    MeetingRole,
    NetworkSector,
    PersonId,
    ServiceKind,
    UnitId,
)

ID = re.compile(r"(?![A-Za-z]:)(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}")
DAY = dt.date(2026, 3, 2)
SPRING = st.dates(dt.date(2026, 3, 1), dt.date(2026, 5, 31))

CLASS_OF: dict[Callable[[], SearchStrategy[Any]], type] = {
    ot.areas: model.Area,
    ot.bundles: model.Bundle,
    ot.concerns: model.Concern,
    ot.consents: model.Consent,
    ot.custodians_absences: model.CustodiansAbsent,
    ot.custodies: model.Custody,
    ot.families: model.Family,
    ot.interpreter_needs: model.InterpreterNeed,
    ot.meetings: model.Meeting,
    ot.member_ties: model.MemberTie,
    ot.network_maps: model.NetworkMap,
    ot.network_members: model.NetworkMember,
    ot.participants: model.Participant,
    ot.people: model.Person,
    ot.plan_items: model.PlanItem,
    ot.plans: model.Plan,
    ot.professionals: model.Professional,
    ot.recurrences: model.Recurrence,
    ot.service_units: model.ServiceUnit,
    ot.structural_issues: model.StructuralIssue,
    ot.views: model.View,
    ot.views_not_sought: model.ViewNotSought,
    ot.zone_assessments: model.ZoneAssessment,
}


def name_of(kind: Any) -> str:
    return str(kind.__name__)


def test_every_public_model_class_has_a_strategy() -> None:
    classes = {
        kind
        for kind in vars(model).values()
        if isinstance(kind, type) and attrs.has(kind) and kind.__module__.startswith("openco.")
    }

    assert set(CLASS_OF.values()) == classes
    assert set(ot.model.__all__) == {f.__name__ for f in CLASS_OF} | {"person_ids"}
    assert set(ot.model.__all__) <= set(ot.__all__)


@pytest.mark.parametrize("strategy", CLASS_OF, ids=name_of)
@given(data=st.data())
def test_with_no_arguments_a_strategy_builds_valid_values_of_its_class(
    strategy: Callable[[], SearchStrategy[Any]], data: st.DataObject
) -> None:
    value: Any = data.draw(strategy())

    assert attrs.evolve(value) == value
    assert type(value) is CLASS_OF[strategy]


@given(person_id=ot.person_ids())
def test_person_ids_are_ids(person_id: PersonId) -> None:
    assert ID.fullmatch(person_id)


class TestOptions:
    @given(ot.people(ids=st.just(PersonId("p1")), birth_dates=st.just(DAY)))
    def test_people_take_their_ids_and_birth_dates_from_the_strategies_given(
        self, person: model.Person
    ) -> None:
        assert (person.id, person.birth_date) == ("p1", DAY)

    @given(ot.custodies(kind=st.just(CustodyKind.OTHER_CUSTODIAN)))
    def test_custodies_take_their_kind(self, custody: model.Custody) -> None:
        assert custody.kind is CustodyKind.OTHER_CUSTODIAN

    @given(ot.families(min_size=3, max_size=4, home_area=st.just(AreaId("north"))))
    def test_families_have_the_sizes_and_area_asked_for(self, family: Family) -> None:
        assert 3 <= len(family.members) <= 4
        assert family.home_area == "north"

    @given(ot.families(min_children=2, max_children=2, on=DAY))
    def test_families_have_the_children_asked_for_on_the_day(self, family: Family) -> None:
        assert len(family.children_on(DAY)) == 2

    @given(
        on=st.dates() | st.sampled_from([dt.date(2028, 2, 29), dt.date(2026, 3, 1)]), data=st.data()
    )
    def test_families_count_children_right_on_any_day(
        self, on: dt.date, data: st.DataObject
    ) -> None:
        """Leap days and the first and last years of the calendar included."""
        family = data.draw(ot.families(min_children=1, max_children=1, min_size=3, on=on))

        assert len(family.children_on(on)) == 1

    @given(ot.families(max_children=0, on=DAY, min_size=2))
    def test_families_without_children_have_only_adults_and_the_unborn(
        self, family: Family
    ) -> None:
        assert family.children_on(DAY) == ()

    @given(
        ot.families(
            min_children=1,
            on=DAY,
            birth_dates=st.dates(dt.date(1980, 1, 1), dt.date(2030, 12, 31)),
            language=st.just("sv"),
        )
    )
    def test_families_filter_birth_dates_for_children(self, family: Family) -> None:
        assert family.children_on(DAY)
        assert all(
            dt.date(1980, 1, 1) <= m.birth_date <= dt.date(2030, 12, 31) for m in family.members
        )
        assert family.language == "sv"

    @given(ot.families(min_children=1, max_children=1, on=dt.date(1, 6, 1), min_size=3))
    def test_families_handle_the_first_years_of_the_calendar(self, family: Family) -> None:
        """Before year 19 nobody is an adult yet: the others are not yet born."""
        assert len(family.children_on(dt.date(1, 6, 1))) == 1

    @given(
        ot.service_units(
            areas=st.sampled_from([AreaId("a"), AreaId("b")]),
            max_areas=1,
            kind=st.just(ServiceKind.NGO),
        )
    )
    def test_service_units_serve_the_areas_asked_for(self, unit: model.ServiceUnit) -> None:
        assert len(unit.areas) == 1
        assert unit.areas <= {"a", "b"}
        assert unit.kind is ServiceKind.NGO

    @given(ot.professionals(unit=st.just(UnitId("clinic"))))
    def test_professionals_work_in_the_unit_asked_for(self, worker: model.Professional) -> None:
        assert worker.unit == "clinic"

    @given(ot.network_members(sector=st.just(NetworkSector.PROFESSIONALS), dates=SPRING))
    def test_network_members_are_in_the_sector_asked_for(self, member: model.NetworkMember) -> None:
        assert member.is_professional
        assert member.known_since is None or member.known_since.month in (3, 4, 5)

    @given(ot.member_ties(ids=st.sampled_from([PersonId("x"), PersonId("y")])))
    def test_member_ties_join_the_ids_asked_for(self, tie: model.MemberTie) -> None:
        assert (tie.a, tie.b) == ("x", "y")

    @given(ot.network_maps(family=st.just(FamilyId("f1")), min_size=2, max_size=4, dates=SPRING))
    def test_network_maps_have_the_sizes_family_and_dates_asked_for(
        self, nmap: model.NetworkMap
    ) -> None:
        assert 2 <= len(nmap.members) <= 4
        assert nmap.family == "f1"
        assert nmap.drawn_on.month in (3, 4, 5)

    @given(ot.zone_assessments(zone=st.just(ConcernZone.GREY), dates=st.just(DAY)))
    def test_zone_assessments_have_the_zone_and_date_asked_for(
        self, assessment: model.ZoneAssessment
    ) -> None:
        assert (assessment.zone, assessment.on) == (ConcernZone.GREY, DAY)

    @given(
        ot.concerns(
            family=st.just(FamilyId("f1")), min_assessments=2, max_assessments=3, dates=SPRING
        )
    )
    def test_concerns_have_the_trajectories_asked_for(self, concern: model.Concern) -> None:
        assert 2 <= len(concern.assessments) <= 3
        assert concern.family == "f1"
        assert all(a.on.month in (3, 4, 5) for a in concern.assessments)

    @given(ot.participants(role=st.just(MeetingRole.RECORDER)))
    def test_participants_take_the_role_asked_for(self, participant: model.Participant) -> None:
        assert participant.role is MeetingRole.RECORDER

    @given(ot.structural_issues(dates=st.just(DAY)))
    def test_structural_issues_are_raised_on_the_dates_asked_for(
        self, issue: model.StructuralIssue
    ) -> None:
        assert issue.raised_on == DAY

    @given(
        ot.meetings(kind=st.just(MeetingKind.AREA_MEETING), min_size=2, max_size=3, dates=SPRING)
    )
    def test_meetings_have_the_kind_and_size_asked_for(self, meeting: model.Meeting) -> None:
        assert meeting.kind is MeetingKind.AREA_MEETING
        assert 2 <= len(meeting.participants) <= 3
        assert meeting.area is not None
        assert meeting.held_on.month in (3, 4, 5)

    @given(ot.plan_items(status=st.just(ItemStatus.OPEN), dates=st.just(DAY)))
    def test_open_plan_items_have_no_outcome(self, item: model.PlanItem) -> None:
        assert item.outcome is None
        assert item.due in (None, DAY)

    @given(ot.plans(family=st.just(FamilyId("f1")), min_size=1, max_size=2, dates=SPRING))
    def test_plans_have_the_items_and_family_asked_for(self, plan: model.Plan) -> None:
        assert 1 <= len(plan.items) <= 2
        assert plan.family == "f1"
        assert plan.agreed_on.month in (3, 4, 5)

    @given(
        ot.consents(family=st.just(FamilyId("f1")), giver=st.just(ConsentGiver.SELF), dates=SPRING)
    )
    def test_consents_given_by_the_subject_themself(self, consent: model.Consent) -> None:
        assert consent.given_by == consent.subject
        assert consent.family == "f1"
        assert consent.valid_from.month in (3, 4, 5)

    @given(
        ot.bundles(
            min_families=2,
            max_families=2,
            dates=SPRING,
            birth_dates=st.dates(dt.date(1970, 1, 1), dt.date(2025, 12, 31)),
        )
    )
    def test_bundles_have_the_families_and_dates_asked_for(self, bundle: Bundle) -> None:
        assert len(bundle.families) == 2
        assert all(
            dt.date(1970, 1, 1) <= m.birth_date <= dt.date(2025, 12, 31)
            for f in bundle.families
            for m in f.members
        )
        events = [
            *(m.drawn_on for m in bundle.network_maps),
            *(c.noticed_on for c in bundle.concerns),
            *(m.held_on for m in bundle.meetings),
            *(c.valid_from for c in bundle.consents),
        ]
        assert all(day.month in (3, 4, 5) for day in events)


# Called as from untyped code, where a value passed for a strategy is not caught by mypy.
untyped: Any = ot

IMPOSSIBLE: list[Any] = [
    pytest.param(lambda: untyped.people(ids="p1"), id="a value where a strategy is due"),
    pytest.param(lambda: untyped.people(birth_dates=DAY), id="a date where a strategy is due"),
    pytest.param(
        lambda: untyped.custodies(kind=CustodyKind.OTHER_CUSTODIAN), id="a kind, not a strategy"
    ),
    pytest.param(lambda: untyped.families(min_size=0), id="a family of nobody"),
    pytest.param(lambda: untyped.families(min_size=3, max_size=2), id="min_size above max_size"),
    pytest.param(lambda: untyped.families(min_size=True), id="a boolean size"),
    pytest.param(lambda: untyped.families(max_size=2.5), id="a fractional size"),
    pytest.param(lambda: untyped.families(min_children=1), id="children without the day"),
    pytest.param(
        lambda: untyped.families(max_children=1), id="a limit on children without the day"
    ),
    pytest.param(
        lambda: untyped.families(min_children=2, max_children=1, on=DAY),
        id="min_children above max",
    ),
    pytest.param(lambda: untyped.families(min_children=7, on=DAY), id="more children than members"),
    pytest.param(lambda: untyped.families(min_children=-1, on=DAY), id="negative children"),
    pytest.param(
        lambda: untyped.families(on=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
        id="a datetime as the day",
    ),
    pytest.param(lambda: untyped.families(home_area=AreaId("a")), id="an area, not a strategy"),
    pytest.param(lambda: untyped.service_units(max_areas=0), id="a unit in no area"),
    pytest.param(lambda: untyped.professionals(unit=UnitId("u")), id="a unit, not a strategy"),
    pytest.param(lambda: untyped.network_members(dates=[DAY]), id="a list, not a strategy"),
    pytest.param(lambda: untyped.member_ties(ids=["a", "b"]), id="ids as a list"),
    pytest.param(lambda: untyped.network_maps(min_size=-1), id="a map of fewer than nobody"),
    pytest.param(lambda: untyped.network_maps(min_size=3, max_size=2), id="map min above max"),
    pytest.param(
        lambda: untyped.zone_assessments(zone=ConcernZone.GREY), id="a zone, not a strategy"
    ),
    pytest.param(lambda: untyped.concerns(min_assessments=0), id="a concern never graded"),
    pytest.param(
        lambda: untyped.concerns(min_assessments=3, max_assessments=2),
        id="assessments min above max",
    ),
    pytest.param(lambda: untyped.participants(role="child"), id="a role as text"),
    pytest.param(lambda: untyped.structural_issues(dates=DAY), id="issue dates as a date"),
    pytest.param(lambda: untyped.meetings(min_size=0), id="a meeting of nobody"),
    pytest.param(lambda: untyped.meetings(min_size=5, max_size=4), id="meeting min above max"),
    pytest.param(lambda: untyped.plan_items(status=ItemStatus.DONE), id="a status, not a strategy"),
    pytest.param(lambda: untyped.plans(min_size=-2), id="negative items"),
    pytest.param(lambda: untyped.plans(min_size=2, max_size=1), id="items min above max"),
    pytest.param(lambda: untyped.consents(giver=ConsentGiver.SELF), id="a giver, not a strategy"),
    pytest.param(
        lambda: untyped.bundles(min_families=4, max_families=3), id="families min above max"
    ),
    pytest.param(lambda: untyped.bundles(max_families=-1), id="negative families"),
    pytest.param(lambda: untyped.bundles(dates=DAY), id="bundle dates as a date"),
]


@pytest.mark.parametrize("make", IMPOSSIBLE)
def test_impossible_options_are_refused_when_the_strategy_is_made(
    make: Callable[[], object],
) -> None:
    """Hypothesis' API style: an eager InvalidArgument, not an error on the first draw."""
    with pytest.raises(InvalidArgument):
        make()


class TestFromType:
    """The hypothesis entry point registers these strategies for st.from_type()."""

    def test_openco_is_registered_as_a_hypothesis_plugin(self) -> None:
        hooks = importlib.metadata.entry_points(group="hypothesis")

        assert "openco.testing._plugin:_hypothesis_setup_hook" in {h.value for h in hooks}

    @pytest.mark.parametrize("kind", sorted(CLASS_OF.values(), key=name_of), ids=name_of)
    @given(data=st.data())
    def test_from_type_builds_valid_values(self, kind: type, data: st.DataObject) -> None:
        value: Any = data.draw(st.from_type(kind))

        assert attrs.evolve(value) == value
        assert type(value) is kind

    @given(data=st.data())
    def test_from_type_builds_ids_for_every_id_type(self, data: st.DataObject) -> None:
        for id_type in (model.AreaId, model.FamilyId, model.PersonId, model.ProfessionalId):
            assert ID.fullmatch(data.draw(st.from_type(id_type)))

    @given(
        st.builds(
            lambda family, area: (family, area),
            family=st.from_type(Family),
            area=st.from_type(AreaId),
        )
    )
    def test_inferred_arguments_use_the_registered_strategies(
        self, pair: tuple[Family, str]
    ) -> None:
        family, area = pair

        assert isinstance(family, Family)
        assert ID.fullmatch(area)
