import datetime as dt
import itertools
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    AreaId,
    Custody,
    CustodyKind,
    Family,
    FamilyId,
    InterpreterNeed,
    Interpreting,
    Person,
    PersonId,
)
from openco.testing import custodies, families, interpreter_needs, people
from tests.model.refusal import (
    FEWER_EXAMPLES,
    Changes,
    assert_change_refused,
    assert_refused,
    change,
)

DAY = dt.date(2026, 3, 2)

MUM = Person(id=PersonId("p1"), name="Ilona", birth_date=dt.date(1990, 1, 2))
DAD = Person(id=PersonId("p2"), name="Kaapo", birth_date=dt.date(1988, 5, 5))
KID = Person(id=PersonId("p3"), name="Sointu", birth_date=dt.date(2021, 6, 1))
BIG_SISTER = Person(id=PersonId("p4"), name="Varpu", birth_date=dt.date(2005, 8, 8))
UNBORN = Person(id=PersonId("p5"), name="Vauva", birth_date=dt.date(2026, 9, 1))


def custody(child: Person, adult: Person, kind: CustodyKind) -> Custody:
    return Custody(child=child.id, adult=adult.id, kind=kind)


def make_family(*members: Person, custody: tuple[Custody, ...] = ()) -> Family:
    return Family(
        id=FamilyId("f1"), members=members, custody=custody, home_area=AreaId("vaaralampi")
    )


class TestCustodyKind:
    def test_only_a_parent_without_custody_is_not_a_custodian(self) -> None:
        assert {k for k in CustodyKind if not k.is_custodian} == {CustodyKind.NON_CUSTODIAL_PARENT}


class TestCustodians:
    def test_custodians_are_the_adults_with_custody_of_the_child(self) -> None:
        family = make_family(
            MUM,
            DAD,
            KID,
            custody=(
                custody(KID, MUM, CustodyKind.CUSTODIAL_PARENT),
                custody(KID, DAD, CustodyKind.NON_CUSTODIAL_PARENT),
            ),
        )

        assert family.custodians_of(KID.id) == (MUM.id,)
        assert family.is_custodian(MUM.id, KID.id)
        assert not family.is_custodian(DAD.id, KID.id)
        assert family.has_single_custodian(KID.id)

    def test_a_child_with_two_custodians_has_no_single_custodian(self) -> None:
        family = make_family(
            MUM,
            DAD,
            KID,
            custody=(
                custody(KID, MUM, CustodyKind.CUSTODIAL_PARENT),
                custody(KID, DAD, CustodyKind.OTHER_CUSTODIAN),
            ),
        )

        assert family.custodians_of(KID.id) == (MUM.id, DAD.id)
        assert not family.has_single_custodian(KID.id)

    def test_a_child_without_custody_relations_has_no_custodians(self) -> None:
        assert make_family(MUM, KID).custodians_of(KID.id) == ()

    def test_a_custodian_must_be_older_than_the_child(self) -> None:
        """A relation the wrong way round is a data-entry error, not a family."""
        relation = custody(MUM, KID, CustodyKind.CUSTODIAL_PARENT)

        assert_refused(lambda: make_family(MUM, KID, custody=(relation,)), "custody[0].adult")

    def test_twins_cannot_have_custody_of_each_other(self) -> None:
        twin = attrs.evolve(KID, id=PersonId("p6"))
        relation = custody(KID, twin, CustodyKind.OTHER_CUSTODIAN)

        assert_refused(lambda: make_family(KID, twin, custody=(relation,)), "custody[0].adult")

    @given(family=families())
    def test_every_custodian_is_an_older_member(self, family: Family) -> None:
        for relation in family.custody:
            adult, child = family.member(relation.adult), family.member(relation.child)
            assert adult.birth_date < child.birth_date
            if relation.kind.is_custodian:
                assert family.is_custodian(adult.id, child.id)


class TestChildren:
    def test_children_are_members_under_18_who_are_born(self) -> None:
        family = make_family(MUM, BIG_SISTER, KID, UNBORN)

        assert family.children_on(DAY) == (KID,)
        assert family.children_on(dt.date(2023, 8, 7)) == (BIG_SISTER, KID)
        assert family.children_on(dt.date(2026, 9, 1)) == (KID, UNBORN)

    @given(family=families(), day=st.dates())
    def test_children_on_a_day_are_the_born_members_under_18(
        self, family: Family, day: dt.date
    ) -> None:
        children = family.children_on(day)

        assert set(children) <= set(family.members)
        assert all(c.birth_date <= day and c.age_on(day) < 18 for c in children)
        others = set(family.members) - set(children)
        assert all(o.birth_date > day or o.age_on(day) >= 18 for o in others)


class TestMembers:
    def test_a_member_is_found_by_id(self) -> None:
        assert make_family(MUM, KID).member(KID.id) is KID

    def test_an_unknown_member_is_refused_naming_the_members(self) -> None:
        with pytest.raises(InvalidModelError) as caught:
            make_family(MUM).member(PersonId("nobody"))

        assert caught.value.field == "members"

    def test_a_member_is_added_with_their_custody(self) -> None:
        family = make_family(MUM)

        bigger = family.with_member(KID, custody(KID, MUM, CustodyKind.CUSTODIAL_PARENT))

        assert bigger.members == (MUM, KID)
        assert bigger.custodians_of(KID.id) == (MUM.id,)
        assert family.members == (MUM,)

    def test_adding_a_member_whose_id_is_taken_is_refused(self) -> None:
        twin = attrs.evolve(KID, name="Toinen")

        assert_refused(lambda: make_family(MUM, KID).with_member(twin), "members[2].id")

    def test_the_family_language_is_finnish_unless_said(self) -> None:
        assert make_family(MUM).language == "fi"

    @given(family=families(), person=people())
    def test_adding_a_new_person_keeps_everyone_else(self, family: Family, person: Person) -> None:
        taken = {m.id for m in family.members}
        unused = next(f"new{n}" for n in itertools.count() if f"new{n}" not in taken)
        fresh = attrs.evolve(person, id=PersonId(unused))

        bigger = family.with_member(fresh)

        assert bigger.members == (*family.members, fresh)
        assert bigger.custody == family.custody


class TestFamilyIsValid:
    @given(family=families())
    def test_a_generated_family_survives_reconstruction(self, family: Family) -> None:
        assert attrs.evolve(family) == family

    def test_members_and_custody_may_be_given_as_lists(self) -> None:
        relation = custody(KID, MUM, CustodyKind.CUSTODIAL_PARENT)

        family = Family(
            id=FamilyId("f1"), members=[MUM, KID], custody=[relation], home_area=AreaId("a")
        )

        assert (family.members, family.custody) == ((MUM, KID), (relation,))


INVALID_CUSTODY: list[Any] = [
    pytest.param(change(child=""), "child", id="child not an id"),
    pytest.param(change(adult="-"), "adult", id="adult not an id"),
    pytest.param(lambda c: {"adult": c.child}, "adult", id="adult is the child"),
    pytest.param(change(kind="custodial_parent"), "kind", id="kind as text"),
    pytest.param(change(kind=None), "kind", id="kind None"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_CUSTODY)
@FEWER_EXAMPLES
@given(relation=custodies())
def test_an_invalid_custody_is_refused_naming_the_field(
    relation: Custody, changes: Changes, field: str
) -> None:
    assert_change_refused(relation, changes, field)


def mum_and_kid_with(*relations: Custody) -> Changes:
    """Changes that make any family Mum and Kid, with *relations* for custody."""
    return change(members=(MUM, KID), custody=relations)


INVALID_FAMILY: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(members=()), "members", id="no members"),
    pytest.param(change(members=None), "members", id="members None"),
    pytest.param(change(members="p1"), "members", id="members as text"),
    pytest.param(change(members=MUM), "members", id="a single person for members"),
    pytest.param(change(members=(MUM, 1)), "members[1]", id="a member not a Person"),
    pytest.param(change(members=(MUM, MUM)), "members[1].id", id="the same id twice"),
    pytest.param(change(custody=None), "custody", id="custody None"),
    pytest.param(change(custody=(1,)), "custody[0]", id="custody not a Custody"),
    pytest.param(
        mum_and_kid_with(
            Custody(child=KID.id, adult=PersonId("x"), kind=CustodyKind.CUSTODIAL_PARENT),
        ),
        "custody[0].adult",
        id="custody of an unknown adult",
    ),
    pytest.param(
        mum_and_kid_with(
            Custody(child=PersonId("x"), adult=MUM.id, kind=CustodyKind.CUSTODIAL_PARENT),
        ),
        "custody[0].child",
        id="custody of an unknown child",
    ),
    pytest.param(
        mum_and_kid_with(
            custody(KID, MUM, CustodyKind.CUSTODIAL_PARENT),
            custody(KID, MUM, CustodyKind.OTHER_CUSTODIAN),
        ),
        "custody[1].child and adult",
        id="two relations for one pair",
    ),
    pytest.param(
        mum_and_kid_with(custody(MUM, KID, CustodyKind.CUSTODIAL_PARENT)),
        "custody[0].adult",
        id="custodian younger than the child",
    ),
    pytest.param(change(home_area=""), "home_area", id="home area empty"),
    pytest.param(change(home_area=None), "home_area", id="home area None"),
    pytest.param(change(language="FI"), "language", id="language upper case"),
    pytest.param(change(language="finnish"), "language", id="language a name"),
    pytest.param(change(language=""), "language", id="language empty"),
    pytest.param(change(language=None), "language", id="language None"),
    pytest.param(change(interpreter_needs=None), "interpreter_needs", id="needs None"),
    pytest.param(
        change(interpreter_needs=("ar",)), "interpreter_needs[0]", id="a need as a language"
    ),
    pytest.param(
        change(interpreter_needs=(InterpreterNeed(person=PersonId("x9-stranger"), language="ar"),)),
        "interpreter_needs[0].person",
        id="an interpreter for a stranger",
    ),
    pytest.param(
        lambda family: {
            "interpreter_needs": (
                InterpreterNeed(person=family.members[0].id, language="ar"),
                InterpreterNeed(person=family.members[0].id, language="so"),
            )
        },
        "interpreter_needs[1].person and kind",
        id="two spoken languages for one person",
    ),
]


class TestInterpreterNeeds:
    """Administrative Procedure Act §26: the authority arranges interpreting.

    It does so when a party does not know Finnish or Swedish, or cannot be understood because
    of a disability or illness.
    """

    def test_a_member_who_needs_an_interpreter_is_recorded_with_language_and_kind(self) -> None:
        need = InterpreterNeed(person=MUM.id, language="fse", kind=Interpreting.SIGN)

        family = attrs.evolve(make_family(MUM, KID), interpreter_needs=(need,))

        assert family.interpreter_needs_of(MUM.id) == (need,)
        assert family.interpreter_needs_of(KID.id) == ()

    def test_one_person_may_need_two_kinds_of_interpreting(self) -> None:
        needs = (
            InterpreterNeed(person=MUM.id, language="fse", kind=Interpreting.SIGN),
            InterpreterNeed(person=MUM.id, language="fi", kind=Interpreting.WRITING),
        )

        family = attrs.evolve(make_family(MUM, KID), interpreter_needs=needs)

        assert len(family.interpreter_needs_of(MUM.id)) == 2

    @given(family=families())
    def test_every_generated_need_is_a_members(self, family: Family) -> None:
        members = {m.id for m in family.members}
        assert {n.person for n in family.interpreter_needs} <= members


INVALID_NEED: list[Any] = [
    pytest.param(change(person=""), "person", id="person empty"),
    pytest.param(change(language="Arabic"), "language", id="language a name"),
    pytest.param(change(language=None), "language", id="language missing"),
    pytest.param(change(kind="sign"), "kind", id="kind as text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_NEED)
@FEWER_EXAMPLES
@given(need=interpreter_needs())
def test_an_invalid_interpreter_need_is_refused_naming_the_field(
    need: InterpreterNeed, changes: Changes, field: str
) -> None:
    assert_change_refused(need, changes, field)


@pytest.mark.parametrize(("changes", "field"), INVALID_FAMILY)
@FEWER_EXAMPLES
@given(family=families())
def test_an_invalid_family_is_refused_naming_the_field(
    family: Family, changes: Changes, field: str
) -> None:
    assert_change_refused(family, changes, field)
