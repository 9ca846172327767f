from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from openco.analysis.change import compare_maps, map_history
from openco.errors import InvalidArgumentError
from openco.model import FamilyId, NetworkMap, NetworkMapId, PersonId, SupportType
from tests.analysis.builders import D, Q, R, S, T, example_map, member
from tests.analysis.strategies import QUICK, network_maps


def later(nmap: NetworkMap, **changes: Any) -> NetworkMap:
    redrawn = nmap.redrawn(new_id=NetworkMapId("m2"), drawn_on=nmap.drawn_on + dt.timedelta(90))
    return attrs.evolve(redrawn, **changes)


class TestCompareMaps:
    def test_the_network_that_grew_around_the_child_after_the_plan(self) -> None:
        before = example_map()
        by_id = {m.id: m for m in before.members}
        after = later(
            before,
            members=(
                by_id[PersonId("gran")],
                attrs.evolve(by_id[PersonId("aunt")], ring=R.INNER, tie=Q.SUPPORTIVE),
                attrs.evolve(
                    by_id[PersonId("friend")],
                    direction=D.MUTUAL,
                    support={T.PRACTICAL, T.EMOTIONAL},
                ),
                attrs.evolve(by_id[PersonId("nurse")], ring=R.OUTER),
                member("coach", S.SCHOOL_WORK_HOBBIES, R.MIDDLE, Q.SUPPORTIVE, D.TO_FAMILY,
                       T.PRACTICAL),
            ),  # the neighbour is gone
            ties=before.ties[:2],
        )  # fmt: skip

        change = compare_maps(before, after)

        assert change.kept == ("aunt", "friend", "gran", "nurse")
        assert (change.lost, change.gained, change.size_change) == (("neighbour",), ("coach",), 0)
        assert [(m.member, m.inward) for m in change.ring_moves] == [
            ("aunt", True),
            ("nurse", False),
        ]
        assert [m.member for m in change.moved_inward] == ["aunt"]
        assert [(t.member, t.before, t.after) for t in change.tie_changes] == [
            ("aunt", Q.WEAK, Q.SUPPORTIVE)
        ]
        assert [(d.member, d.after) for d in change.direction_changes] == [("friend", D.MUTUAL)]
        assert [(s.member, s.kind) for s in change.support_gained] == [
            ("coach", SupportType.PRACTICAL),
            ("friend", SupportType.EMOTIONAL),
        ]
        assert change.support_lost == ()
        assert change.summary()["moved_inward"] == 1
        assert not change.is_unchanged

    def test_a_sector_shift_is_reported(self) -> None:
        before = example_map()
        after = later(
            before,
            members=tuple(
                attrs.evolve(m, sector=S.RELATIVES) if m.id == "neighbour" else m
                for m in before.members
            ),
        )

        [shift] = compare_maps(before, after).sector_shifts

        assert (shift.member, shift.before, shift.after) == (
            "neighbour",
            S.FRIENDS_AND_NEIGHBOURS,
            S.RELATIVES,
        )

    def test_maps_of_two_families_are_not_compared(self) -> None:
        other = attrs.evolve(example_map(), family=FamilyId("f2"))

        with pytest.raises(InvalidArgumentError) as caught:
            compare_maps(example_map(), other)

        assert caught.value.argument == "after"

    def test_the_later_map_comes_second(self) -> None:
        with pytest.raises(InvalidArgumentError):
            compare_maps(later(example_map()), example_map())

    def test_only_maps_are_compared(self) -> None:
        with pytest.raises(InvalidArgumentError):
            compare_maps(example_map(), "m2")  # type: ignore[arg-type]


class TestMapHistory:
    def test_compares_each_version_with_the_next_in_date_order(self) -> None:
        first = example_map()
        second = later(first)
        third = attrs.evolve(
            second.redrawn(new_id=NetworkMapId("m3"), drawn_on=dt.date(2026, 12, 1)),
            members=second.members[:3],
            ties=second.ties[:2],
        )

        history = map_history([third, first, second])

        assert [(c.before, c.after) for c in history] == [("m1", "m2"), ("m2", "m3")]
        assert history[0].is_unchanged
        assert history[1].lost == ("neighbour", "nurse")

    def test_one_family_only(self) -> None:
        with pytest.raises(InvalidArgumentError):
            map_history([example_map(), attrs.evolve(example_map(), family=FamilyId("f2"))])


@QUICK
@given(network_maps())
def test_comparing_a_map_with_itself_shows_no_change(nmap: NetworkMap) -> None:
    change = compare_maps(nmap, nmap)

    assert change.is_unchanged
    assert change.kept == tuple(sorted(m.id for m in nmap.members))
    assert set(change.summary().values()) <= {0, len(nmap.members)}


@QUICK
@given(network_maps(), network_maps())
def test_kept_lost_and_gained_partition_both_maps(one: NetworkMap, two: NetworkMap) -> None:
    change = compare_maps(one, later(two))

    assert sorted(change.kept + change.lost) == sorted(m.id for m in one.members)
    assert sorted(change.kept + change.gained) == sorted(m.id for m in two.members)
    assert len(change.moved_inward) + len(change.moved_outward) == len(change.ring_moves)
