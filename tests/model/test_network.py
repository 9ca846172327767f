import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    ContactFrequency,
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
from openco.testing import member_ties, network_maps, network_members, person_ids
from tests.model.refusal import (
    FEWER_EXAMPLES,
    Changes,
    assert_change_refused,
    assert_refused,
    change,
)

GRAN = NetworkMember(
    id=PersonId("n1"),
    label="Mummo",
    sector=NetworkSector.RELATIVES,
    ring=Ring.INNER,
    tie=TieQuality.SUPPORTIVE,
    direction=SupportDirection.TO_FAMILY,
    support={SupportType.PRACTICAL, SupportType.EMOTIONAL},
)
NEIGHBOUR = NetworkMember(
    id=PersonId("n2"),
    label="Naapuri",
    sector=NetworkSector.FRIENDS_AND_NEIGHBOURS,
    ring=Ring.OUTER,
    tie=TieQuality.WEAK,
)
NURSE = NetworkMember(
    id=PersonId("n3"),
    label="Neuvolan terveydenhoitaja",
    sector=NetworkSector.PROFESSIONALS,
    ring=Ring.MIDDLE,
    tie=TieQuality.SUPPORTIVE,
    direction=SupportDirection.MUTUAL,
    support={SupportType.INFORMATIONAL},
    professional=ProfessionalId(PersonId("w1")),
)


def make_map(*members: NetworkMember, ties: tuple[MemberTie, ...] = ()) -> NetworkMap:
    return NetworkMap(
        id=NetworkMapId("m1"),
        family=FamilyId("f1"),
        drawn_on=dt.date(2026, 3, 2),
        drawn_with=(PersonId("p1"),),
        members=members,
        ties=ties,
    )


class TestEnumerations:
    def test_only_the_professionals_sector_is_formal(self) -> None:
        assert [s for s in NetworkSector if not s.is_informal] == [NetworkSector.PROFESSIONALS]

    def test_rings_are_numbered_from_the_centre_outwards(self) -> None:
        assert [r.number for r in (Ring.INNER, Ring.MIDDLE, Ring.OUTER)] == [1, 2, 3]


class TestNetworkMember:
    def test_a_member_gives_support_when_it_flows_to_the_family(self) -> None:
        assert GRAN.gives_support
        assert NURSE.gives_support
        assert not NEIGHBOUR.gives_support

    def test_a_member_in_the_professionals_sector_is_a_professional(self) -> None:
        assert NURSE.is_professional
        assert not GRAN.is_professional

    def test_a_member_has_no_support_and_no_direction_unless_said(self) -> None:
        assert (NEIGHBOUR.direction, NEIGHBOUR.support) == (SupportDirection.NONE, frozenset())

    @given(member=network_members())
    def test_support_types_are_recorded_only_where_support_reaches_the_family(
        self, member: NetworkMember
    ) -> None:
        assert member.gives_support or not member.support
        assert member.is_professional or member.professional is None


class TestMemberTie:
    def test_a_tie_is_the_same_whichever_end_is_named_first(self) -> None:
        one = MemberTie(a=PersonId("x"), b=PersonId("y"))
        other = MemberTie(a=PersonId("y"), b=PersonId("x"))

        assert one == other
        assert hash(one) == hash(other)
        assert (other.a, other.b) == ("x", "y")

    @given(ends=st.lists(person_ids(), min_size=2, max_size=2, unique=True))
    def test_the_ends_of_a_tie_are_stored_in_order(self, ends: list[PersonId]) -> None:
        first, second = ends

        tie = MemberTie(a=first, b=second)

        assert tie == MemberTie(a=second, b=first)
        assert tie.a < tie.b

    @given(tie=member_ties())
    def test_a_generated_tie_survives_reconstruction(self, tie: MemberTie) -> None:
        assert attrs.evolve(tie) == tie

    def test_a_tie_is_supportive_unless_said(self) -> None:
        assert MemberTie(a=PersonId("x"), b=PersonId("y")).quality is TieQuality.SUPPORTIVE


class TestNetworkMap:
    def test_members_are_found_by_ring_and_by_sector(self) -> None:
        nmap = make_map(GRAN, NEIGHBOUR, NURSE)

        assert nmap.in_ring(Ring.INNER) == (GRAN,)
        assert nmap.in_sector(NetworkSector.PROFESSIONALS) == (NURSE,)
        assert nmap.member(NEIGHBOUR.id) is NEIGHBOUR

    def test_an_unknown_member_is_refused_naming_the_members(self) -> None:
        with pytest.raises(InvalidModelError) as caught:
            make_map(GRAN).member(PersonId("n9"))

        assert caught.value.field == "members"

    def test_a_member_is_added_with_ties_to_the_others(self) -> None:
        nmap = make_map(GRAN)
        tie = MemberTie(a=NEIGHBOUR.id, b=GRAN.id)

        bigger = nmap.with_member(NEIGHBOUR, tie)

        assert bigger.members == (GRAN, NEIGHBOUR)
        assert bigger.ties == (tie,)
        assert nmap.members == (GRAN,)

    def test_a_tie_to_someone_not_on_the_map_is_refused(self) -> None:
        tie = MemberTie(a=GRAN.id, b=PersonId("n9"))

        assert_refused(lambda: make_map(GRAN).with_member(NEIGHBOUR, tie), "ties[0].b")

    def test_a_redrawn_map_is_a_later_version_with_the_same_members(self) -> None:
        nmap = make_map(GRAN, NEIGHBOUR)

        later = nmap.redrawn(new_id=NetworkMapId("m2"), drawn_on=dt.date(2026, 9, 1))

        assert (later.id, later.drawn_on) == ("m2", dt.date(2026, 9, 1))
        assert (later.family, later.members) == (nmap.family, nmap.members)

    @pytest.mark.parametrize("day", [dt.date(2026, 3, 2), dt.date(2026, 1, 1)])
    def test_a_map_cannot_be_redrawn_on_or_before_its_date(self, day: dt.date) -> None:
        nmap = make_map(GRAN)

        assert_refused(lambda: nmap.redrawn(new_id=NetworkMapId("m2"), drawn_on=day), "drawn_on")

    @given(nmap=network_maps())
    def test_the_rings_split_the_members_between_them(self, nmap: NetworkMap) -> None:
        by_ring = [m for ring in Ring for m in nmap.in_ring(ring)]
        by_sector = [m for sector in NetworkSector for m in nmap.in_sector(sector)]

        assert sorted(by_ring, key=id) == sorted(nmap.members, key=id)
        assert sorted(by_sector, key=id) == sorted(nmap.members, key=id)

    @given(nmap=network_maps())
    def test_a_generated_map_ties_only_its_own_members(self, nmap: NetworkMap) -> None:
        ids = {m.id for m in nmap.members}

        assert attrs.evolve(nmap) == nmap
        assert len(ids) == len(nmap.members)
        assert all({t.a, t.b} <= ids for t in nmap.ties)
        assert len({(t.a, t.b) for t in nmap.ties}) == len(nmap.ties)


INVALID_MEMBER: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(label=" "), "label", id="label blank"),
    pytest.param(change(sector="relatives"), "sector", id="sector as text"),
    pytest.param(change(ring=1), "ring", id="ring as a number"),
    pytest.param(change(tie=None), "tie", id="tie None"),
    pytest.param(change(direction="mutual"), "direction", id="direction as text"),
    pytest.param(change(support="emotional"), "support", id="support as text"),
    pytest.param(change(support=None), "support", id="support None"),
    pytest.param(
        change(direction=SupportDirection.MUTUAL, support=["emotional"]),
        "support[0]",
        id="a support type as text",
    ),
    pytest.param(
        change(direction=SupportDirection.NONE, support={SupportType.PRACTICAL}),
        "support",
        id="support without direction",
    ),
    pytest.param(
        change(direction=SupportDirection.FROM_FAMILY, support={SupportType.PRACTICAL}),
        "support",
        id="support flowing from the family",
    ),
    pytest.param(
        change(sector=NetworkSector.PROFESSIONALS, professional="-"),
        "professional",
        id="professional not an id",
    ),
    pytest.param(
        change(sector=NetworkSector.RELATIVES, professional="w1"),
        "professional",
        id="professional outside the professionals sector",
    ),
    pytest.param(change(frequency="daily"), "frequency", id="frequency as text"),
    pytest.param(
        change(known_since=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
        "known_since",
        id="known since a datetime",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_MEMBER)
@FEWER_EXAMPLES
@given(member=network_members())
def test_an_invalid_network_member_is_refused_naming_the_field(
    member: NetworkMember, changes: Changes, field: str
) -> None:
    assert_change_refused(member, changes, field)


INVALID_TIE: list[Any] = [
    pytest.param(change(a=""), "a", id="a empty"),
    pytest.param(change(b=None), "b", id="b None"),
    pytest.param(lambda t: {"b": t.a}, "b", id="a tie to oneself"),
    pytest.param(change(quality="weak"), "quality", id="quality as text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_TIE)
@FEWER_EXAMPLES
@given(tie=member_ties())
def test_an_invalid_tie_is_refused_naming_the_field(
    tie: MemberTie, changes: Changes, field: str
) -> None:
    assert_change_refused(tie, changes, field)


def gran_and_neighbour_with(*ties: MemberTie) -> Changes:
    return change(members=(GRAN, NEIGHBOUR), ties=ties)


INVALID_MAP: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(family="f 1"), "family", id="family not an id"),
    pytest.param(change(drawn_on="2026-03-02"), "drawn_on", id="drawn on as text"),
    pytest.param(change(drawn_with=()), "drawn_with", id="drawn with nobody"),
    pytest.param(change(drawn_with="p1"), "drawn_with", id="drawn with as text"),
    pytest.param(change(drawn_with=("p1", "")), "drawn_with[1]", id="drawn with a non-id"),
    pytest.param(change(drawn_with=("p1", "p1")), "drawn_with[1].person", id="drawer twice"),
    pytest.param(change(members=GRAN, ties=()), "members", id="a single member for members"),
    pytest.param(change(members=(GRAN, "n2"), ties=()), "members[1]", id="member as an id"),
    pytest.param(change(members=(GRAN, GRAN), ties=()), "members[1].id", id="member twice"),
    pytest.param(gran_and_neighbour_with(1), "ties[0]", id="tie not a MemberTie"),  # type: ignore[arg-type]
    pytest.param(
        gran_and_neighbour_with(MemberTie(a=GRAN.id, b=PersonId("zz"))),
        "ties[0].b",
        id="tie to someone not on the map",
    ),
    pytest.param(
        gran_and_neighbour_with(MemberTie(a=PersonId("a0"), b=GRAN.id)),
        "ties[0].a",
        id="tie from someone not on the map",
    ),
    pytest.param(
        gran_and_neighbour_with(
            MemberTie(a=GRAN.id, b=NEIGHBOUR.id), MemberTie(a=NEIGHBOUR.id, b=GRAN.id)
        ),
        "ties[1].pair",
        id="the same tie both ways",
    ),
    pytest.param(change(ties="n1"), "ties", id="ties as text"),
    pytest.param(change(focal_person=""), "focal_person", id="focal person not an id"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_MAP)
@FEWER_EXAMPLES
@given(nmap=network_maps(max_size=5))
def test_an_invalid_map_is_refused_naming_the_field(
    nmap: NetworkMap, changes: Changes, field: str
) -> None:
    assert_change_refused(nmap, changes, field)


def test_support_and_frequency_are_optional() -> None:
    assert (NEIGHBOUR.frequency, NEIGHBOUR.known_since) == (None, None)
    assert ContactFrequency.DAILY.label("fi") == "päivittäin"
