from __future__ import annotations

import datetime as dt
import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis.plan_load import Party, area_plan_loads, plan_load, plan_loads
from openco.errors import InvalidArgumentError
from openco.model import (
    AreaId,
    Custody,
    CustodyKind,
    Family,
    FamilyId,
    ItemStatus,
    MeetingId,
    Person,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
)
from tests.analysis.builders import example_map
from tests.analysis.strategies import QUICK

MUM, KID = PersonId("mum"), PersonId("kid")


def family(family_id: str = "f1", area: str = "north") -> Family:
    return Family(
        id=FamilyId(family_id),
        members=(
            Person(id=MUM, name="Laura", birth_date=dt.date(1990, 1, 2)),
            Person(id=KID, name="Aino", birth_date=dt.date(2020, 5, 1)),
        ),
        custody=(Custody(child=KID, adult=MUM, kind=CustodyKind.CUSTODIAL_PARENT),),
        home_area=AreaId(area),
    )


def item(k: int, responsible: str, *helpers: str, done: bool = False) -> PlanItem:
    return PlanItem(
        id=PlanItemId(f"i{k}"),
        what=f"Item {k}",
        responsible=PersonId(responsible),
        with_whom={PersonId(h) for h in helpers},
        status=ItemStatus.DONE if done else ItemStatus.OPEN,
        outcome="Done" if done else None,
    )


def plan(*items: PlanItem, family_id: str = "f1", plan_id: str = "p1") -> Plan:
    return Plan(
        id=PlanId(plan_id),
        meeting=MeetingId("m1"),
        family=FamilyId(family_id),
        agreed_on=dt.date(2026, 4, 1),
        items=items,
    )


def example_plan() -> Plan:
    return plan(
        item(1, "mum", "gran"),  # family, with the close network
        item(2, "gran"),  # close network
        item(3, "w1", "mum"),  # a professional (known by id), with the family
        item(4, "stranger"),  # nobody we know
        item(5, "nurse", done=True),  # a professional on the map
    )


class TestPlanLoad:
    def test_who_is_responsible_and_who_takes_part(self) -> None:
        load = plan_load(
            example_plan(), family=family(), network=example_map(), professionals=[PersonId("w1")]
        )

        assert load.items == 5
        assert dict(load.responsible) == {
            Party.FAMILY: 1, Party.CLOSE_NETWORK: 1, Party.PROFESSIONALS: 2, Party.UNKNOWN: 1,
        }  # fmt: skip
        assert dict(load.involved) == {
            Party.FAMILY: 2, Party.CLOSE_NETWORK: 2, Party.PROFESSIONALS: 2, Party.UNKNOWN: 1,
        }  # fmt: skip
        assert load.open_responsible[Party.PROFESSIONALS] == 1
        assert load.open_responsible.total == 4
        assert load.shared_items == 2
        assert load.network_share == 0.2

    def test_without_a_map_the_close_network_is_unknown(self) -> None:
        load = plan_load(example_plan(), family=family())

        assert load.responsible[Party.CLOSE_NETWORK] == 0
        assert load.responsible[Party.UNKNOWN] == 4

    def test_a_family_member_stays_family_even_if_also_on_the_map(self) -> None:
        nmap = example_map()
        gran = nmap.members[0]
        mum_on_map = attrs.evolve(gran, id=MUM)
        on_map = attrs.evolve(nmap, members=(mum_on_map, *nmap.members[1:]), ties=())

        load = plan_load(plan(item(1, "mum")), family=family(), network=on_map)

        assert load.responsible[Party.FAMILY] == 1

    def test_the_family_and_map_must_be_the_plans(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            plan_load(example_plan(), family=family("f2"))
        assert caught.value.argument == "family"

        with pytest.raises(InvalidArgumentError) as caught:
            plan_load(
                example_plan(),
                family=family(),
                network=attrs.evolve(example_map(), family=FamilyId("f2")),
            )
        assert caught.value.argument == "network"

    def test_an_empty_plan_has_no_shares(self) -> None:
        load = plan_load(plan(), family=family())

        assert load.items == 0
        assert load.network_share == 0.0


class TestAreaPlanLoads:
    def test_adds_up_plans_per_area_of_the_families(self) -> None:
        families = [family("f1", "north"), family("f2", "north"), family("f3", "south")]
        plans = [
            example_plan(),
            plan(item(1, "mum"), family_id="f2", plan_id="p2"),
            plan(item(1, "kid"), item(2, "mum"), family_id="f3", plan_id="p3"),
        ]

        rows = area_plan_loads(
            plans, families=families, maps=[example_map()], professionals=[PersonId("w1")]
        )

        assert [(r.area, r.families, r.plans, r.items) for r in rows] == [
            ("north", 2, 2, 6),
            ("south", 1, 1, 2),
        ]
        assert rows[0].responsible[Party.FAMILY] == 2
        assert rows[1].responsible.share(Party.FAMILY) == 1.0

    def test_the_latest_map_before_the_plan_is_used(self) -> None:
        old = example_map()
        newer = attrs.evolve(
            old.redrawn(new_id="m2", drawn_on=dt.date(2026, 3, 30)),  # type: ignore[arg-type]
            members=old.members[1:],
            ties=old.ties[2:],
        )  # gran is no longer on it
        after_plan = old.redrawn(new_id="m3", drawn_on=dt.date(2026, 6, 1))  # type: ignore[arg-type]

        [load] = plan_loads([example_plan()], families=[family()], maps=[old, after_plan, newer])

        assert load.responsible[Party.CLOSE_NETWORK] == 0  # gran is unknown on the newer map

    def test_every_plan_needs_its_family(self) -> None:
        with pytest.raises(InvalidArgumentError):
            plan_loads([example_plan()], families=[family("f2")])


@QUICK
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["mum", "kid", "gran", "aunt", "nurse", "w1", "x"]),
            st.sets(st.sampled_from(["mum", "gran", "w1", "y"]), max_size=3),
        ),
        max_size=8,
    )
)
def test_responsibility_shares_sum_to_one(items: list[tuple[str, set[str]]]) -> None:
    built = [item(k, who, *(h - {who})) for k, (who, h) in enumerate(items)]

    load = plan_load(
        plan(*built), family=family(), network=example_map(), professionals=[PersonId("w1")]
    )

    assert load.responsible.total == len(built)
    if built:
        assert math.fsum(load.responsible.shares().values()) == pytest.approx(1.0)
    assert all(load.involved[p] <= load.items for p in Party)
    assert load.shared_items <= load.items


class TestCloseNetworkFromTheCase:
    """Issue #8 point 6: without a network map, the case's records say who is close network.

    The family chose whom to invite (Domain §8.4 rule 15: the close network is invited with the
    family's agreement), and the meetings record who took part as a close-network member.
    """

    def test_the_invited_grandmother_counts_as_close_network_without_a_map(self) -> None:
        from openco.testing import good_case, make_cast  # noqa: PLC0415 - the workflow's cast

        cast = make_cast()
        case = good_case(cast, steps=9)
        assert case.plan is not None

        without_case = plan_load(case.plan, family=cast.family)
        with_case = plan_load(case.plan, case=case)

        assert without_case.responsible[Party.UNKNOWN] == len(case.plan.items)
        assert with_case.responsible[Party.CLOSE_NETWORK] == 1
        assert with_case.responsible[Party.PROFESSIONALS] == 1
        assert with_case.responsible[Party.UNKNOWN] == 0

    def test_a_map_given_wins_over_the_case(self) -> None:
        from openco.testing import good_case, make_cast  # noqa: PLC0415 - the workflow's cast

        cast = make_cast()
        case = good_case(cast, steps=9)
        assert case.plan is not None
        empty_map = attrs.evolve(example_map(), family=cast.family.id, members=(), ties=())

        load = plan_load(case.plan, case=case, network=empty_map)

        assert load.responsible[Party.CLOSE_NETWORK] == 0

    def test_a_case_of_another_family_is_refused(self) -> None:
        from openco.testing import good_case  # noqa: PLC0415 - the workflow's cast

        with pytest.raises(InvalidArgumentError) as caught:
            plan_load(plan(item(1, "mum")), case=good_case(steps=9))

        assert caught.value.argument == "case"

    def test_neither_a_family_nor_a_case_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            plan_load(plan(item(1, "mum")))

        assert caught.value.argument == "family"

    def test_many_plans_are_read_with_their_cases_where_no_map_is_given(self) -> None:
        from openco.testing import good_case, make_cast  # noqa: PLC0415 - the workflow's cast

        cast = make_cast()
        case = good_case(cast, steps=9)
        assert case.plan is not None

        [load] = plan_loads([case.plan], families=[cast.family], cases=[case])

        assert load.responsible[Party.CLOSE_NETWORK] == 1
