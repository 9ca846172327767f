import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    FamilyId,
    ItemStatus,
    MeetingId,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
    Recurrence,
    View,
)
from openco.testing import plan_items, plans, views
from tests.model.refusal import (
    FEWER_EXAMPLES,
    Changes,
    assert_change_refused,
    assert_refused,
    change,
)

AGREED = dt.date(2026, 4, 14)
FETCH = PlanItem(
    id=PlanItemId("i1"),
    what="Fetch Sointu from day care on Tuesdays",
    responsible=PersonId("n1"),
    with_whom={PersonId("p1")},
    due=dt.date(2026, 4, 21),
)
CALL = PlanItem(id=PlanItemId("i2"), what="Call the clinic", responsible=PersonId("w1"))


def make_plan(*items: PlanItem) -> Plan:
    return Plan(
        id=PlanId("plan-1"),
        meeting=MeetingId("m1"),
        family=FamilyId("f1"),
        agreed_on=AGREED,
        follow_up_on=dt.date(2026, 7, 14),
        items=items,
    )


class TestPlanItem:
    def test_the_people_of_an_item_are_the_responsible_and_the_helpers(self) -> None:
        assert FETCH.people == {"n1", "p1"}
        assert CALL.people == {"w1"}

    def test_an_open_item_is_overdue_only_after_its_due_date(self) -> None:
        assert not FETCH.is_overdue_on(dt.date(2026, 4, 21))
        assert FETCH.is_overdue_on(dt.date(2026, 4, 22))

    def test_a_done_item_or_one_without_a_due_date_is_never_overdue(self) -> None:
        done = attrs.evolve(FETCH, status=ItemStatus.DONE)

        assert not done.is_overdue_on(dt.date(2030, 1, 1))
        assert not CALL.is_overdue_on(dt.date(2030, 1, 1))

    @given(item=plan_items(), day=st.dates())
    def test_an_item_is_overdue_exactly_when_open_and_past_its_end(
        self, item: PlanItem, day: dt.date
    ) -> None:
        end = item.due if item.starts_on is None else item.ends_on()
        past_end = end is not None and day > end

        assert item.is_overdue_on(day) == (item.status is ItemStatus.OPEN and past_end)

    @given(item=plan_items(), day=st.dates())
    def test_an_item_is_never_overdue_while_it_runs(self, item: PlanItem, day: dt.date) -> None:
        """An ongoing or recurring item is not late while it runs (issue #8 point 6)."""
        if item.is_running_on(day):
            assert not item.is_overdue_on(day)


TUESDAYS = PlanItem(
    id=PlanItemId("i3"),
    what="Grandmother fetches Sointu from day care",
    responsible=PersonId("n1"),
    starts_on=dt.date(2026, 4, 14),
    until=dt.date(2026, 6, 30),
    recurrence=Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=TU"),
)
CLUB = PlanItem(
    id=PlanItemId("i4"),
    what="Sointu goes to the parish afternoon club",
    responsible=PersonId("p1"),
    starts_on=dt.date(2026, 4, 20),
    until=dt.date(2026, 5, 29),
)


class TestOngoingAndRecurringItems:
    """Plan items that recur or run for a while (issue #8 point 6).

    The plan's "when" is not always one deadline (Domain §3.5: what / who / with whom / when).
    """

    def test_an_ongoing_item_is_not_overdue_while_it_runs(self) -> None:
        assert CLUB.is_running_on(dt.date(2026, 5, 4))
        assert not CLUB.is_overdue_on(dt.date(2026, 5, 4))

    def test_an_ongoing_item_still_open_after_it_ended_is_overdue(self) -> None:
        assert not CLUB.is_overdue_on(dt.date(2026, 5, 29))
        assert CLUB.is_overdue_on(dt.date(2026, 5, 30))

    def test_an_ongoing_item_has_no_next_date_while_it_runs_but_its_start_before(self) -> None:
        assert CLUB.next_occurrence_on(dt.date(2026, 4, 1)) == dt.date(2026, 4, 20)
        assert CLUB.next_occurrence_on(dt.date(2026, 5, 4)) is None

    def test_a_recurring_item_shows_its_next_occurrence(self) -> None:
        assert TUESDAYS.next_occurrence_on(dt.date(2026, 4, 15)) == dt.date(2026, 4, 21)
        assert not TUESDAYS.is_overdue_on(dt.date(2026, 4, 15))

    def test_a_recurring_item_ends_on_until(self) -> None:
        assert TUESDAYS.ends_on() == dt.date(2026, 6, 30)
        assert TUESDAYS.next_occurrence_on(dt.date(2026, 7, 1)) is None

    def test_a_counted_recurring_item_ends_on_its_last_occurrence(self) -> None:
        four = attrs.evolve(
            TUESDAYS, until=None, recurrence=Recurrence.from_rrule("FREQ=WEEKLY;COUNT=4")
        )

        assert four.ends_on() == dt.date(2026, 5, 5)
        assert four.is_overdue_on(dt.date(2026, 5, 6))

    def test_a_recurring_item_without_an_end_is_never_overdue(self) -> None:
        endless = attrs.evolve(TUESDAYS, until=None)

        assert endless.ends_on() is None
        assert not endless.is_overdue_on(dt.date(2099, 1, 1))

    def test_a_done_item_has_no_next_occurrence(self) -> None:
        done = attrs.evolve(TUESDAYS, status=ItemStatus.DONE)

        assert done.next_occurrence_on(dt.date(2026, 4, 15)) is None
        assert not done.is_running_on(dt.date(2026, 4, 15))

    @given(item=plan_items(), day=st.dates())
    def test_the_next_occurrence_is_never_before_the_day_asked(
        self, item: PlanItem, day: dt.date
    ) -> None:
        found = item.next_occurrence_on(day)

        assert found is None or found >= day

    @given(item=plan_items(), day=st.dates())
    def test_an_item_runs_only_between_its_start_and_its_end(
        self, item: PlanItem, day: dt.date
    ) -> None:
        if item.is_running_on(day):
            end = item.ends_on()
            assert item.starts_on is not None
            assert item.starts_on <= day
            assert end is None or day <= end


class TestItemStatus:
    def test_marking_an_item_done_changes_that_item_only(self) -> None:
        plan = make_plan(FETCH, CALL)

        done = plan.with_item_status(PlanItemId("i1"), ItemStatus.DONE, outcome="Every week")

        assert done.item(PlanItemId("i1")).status is ItemStatus.DONE
        assert done.item(PlanItemId("i1")).outcome == "Every week"
        assert done.item(PlanItemId("i2")) == CALL
        assert plan.item(PlanItemId("i1")) == FETCH
        assert done.open_items() == (CALL,)

    def test_an_item_may_be_dropped_without_an_outcome(self) -> None:
        dropped = make_plan(FETCH).with_item_status(PlanItemId("i1"), ItemStatus.DROPPED)

        assert dropped.open_items() == ()

    def test_an_outcome_for_an_open_item_is_refused(self) -> None:
        plan = make_plan(FETCH)

        assert_refused(
            lambda: plan.with_item_status(PlanItemId("i1"), ItemStatus.OPEN, outcome="Soon"),
            "outcome",
        )

    def test_an_unknown_item_is_refused_naming_the_items(self) -> None:
        with pytest.raises(InvalidModelError) as caught:
            make_plan(FETCH).with_item_status(PlanItemId("i9"), ItemStatus.DONE)

        assert caught.value.field == "items"

    @given(plan=plans(min_size=1), data=st.data())
    def test_a_status_change_touches_one_item_and_keeps_the_rest(
        self, plan: Plan, data: st.DataObject
    ) -> None:
        item = data.draw(st.sampled_from(plan.items))
        status = data.draw(st.sampled_from(ItemStatus))

        changed = plan.with_item_status(item.id, status)

        assert changed.item(item.id).status is status
        assert [i.id for i in changed.items] == [i.id for i in plan.items]
        assert [i for i in changed.items if i.id != item.id] == [
            i for i in plan.items if i.id != item.id
        ]
        assert attrs.evolve(changed, items=plan.items) == plan


class TestPlan:
    def test_the_people_of_a_plan_are_everyone_named_in_an_item(self) -> None:
        assert make_plan(FETCH, CALL).people == {"n1", "p1", "w1"}

    def test_a_plan_records_the_views_of_children_and_dissents(self) -> None:
        plan = attrs.evolve(
            make_plan(CALL),
            child_views=[View(person=PersonId("p2"), text="I want to go to football")],
            dissents=[View(person=PersonId("p1"), text="Tuesdays do not suit")],
        )

        assert [v.person for v in (*plan.child_views, *plan.dissents)] == ["p2", "p1"]

    @given(plan=plans())
    def test_a_generated_plan_is_followed_up_after_it_is_agreed(self, plan: Plan) -> None:
        assert attrs.evolve(plan) == plan
        assert plan.follow_up_on is None or plan.follow_up_on > plan.agreed_on
        assert len({i.id for i in plan.items}) == len(plan.items)


INVALID_ITEM: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(what=""), "what", id="what empty"),
    pytest.param(change(responsible=None), "responsible", id="nobody responsible"),
    pytest.param(change(with_whom="p1"), "with_whom", id="helpers as one text"),
    pytest.param(change(with_whom=[""]), "with_whom[0]", id="a helper not an id"),
    pytest.param(
        lambda item: {"with_whom": {item.responsible}},
        "with_whom",
        id="the responsible person as their own helper",
    ),
    pytest.param(change(due="2026-05-01"), "due", id="due as text"),
    pytest.param(change(status="done", outcome=None), "status", id="status as text"),
    pytest.param(
        change(status=ItemStatus.OPEN, outcome="Went well"), "outcome", id="outcome while open"
    ),
    pytest.param(change(status=ItemStatus.DONE, outcome=""), "outcome", id="outcome empty"),
    pytest.param(
        change(starts_on=AGREED, due=AGREED, until=None, recurrence=None),
        "due",
        id="a due date for an ongoing item",
    ),
    pytest.param(
        change(starts_on=None, due=None, until=AGREED, recurrence=None),
        "until",
        id="until without a start",
    ),
    pytest.param(
        change(starts_on=AGREED, due=None, until=dt.date(2026, 4, 13), recurrence=None),
        "until",
        id="until before the start",
    ),
    pytest.param(
        change(starts_on=None, due=None, until=None, recurrence=TUESDAYS.recurrence),
        "recurrence",
        id="a recurrence without a start",
    ),
    pytest.param(
        change(starts_on=AGREED, due=None, until=None, recurrence="FREQ=WEEKLY"),
        "recurrence",
        id="a recurrence as rrule text",
    ),
    pytest.param(
        change(
            starts_on=AGREED,
            due=None,
            until=dt.date(2026, 6, 30),
            recurrence=Recurrence.from_rrule("FREQ=DAILY;COUNT=3"),
        ),
        "recurrence",
        id="a count and an until",
    ),
    pytest.param(
        change(starts_on="2026-04-14", due=None, until=None, recurrence=None),
        "starts_on",
        id="start as text",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_ITEM)
@FEWER_EXAMPLES
@given(item=plan_items())
def test_an_invalid_plan_item_is_refused_naming_the_field(
    item: PlanItem, changes: Changes, field: str
) -> None:
    assert_change_refused(item, changes, field)


INVALID_VIEW: list[Any] = [
    pytest.param(change(person="p 2"), "person", id="person not an id"),
    pytest.param(change(text="\t"), "text", id="text blank"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_VIEW)
@FEWER_EXAMPLES
@given(view=views())
def test_an_invalid_view_is_refused_naming_the_field(
    view: View, changes: Changes, field: str
) -> None:
    assert_change_refused(view, changes, field)


INVALID_PLAN: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(meeting=None), "meeting", id="meeting None"),
    pytest.param(change(family=""), "family", id="family empty"),
    pytest.param(change(agreed_on=None), "agreed_on", id="agreed on None"),
    pytest.param(change(items=FETCH), "items", id="one item for items"),
    pytest.param(change(items=("i1",)), "items[0]", id="an item as an id"),
    pytest.param(change(items=(FETCH, FETCH)), "items[1].id", id="the same item twice"),
    pytest.param(
        lambda plan: {"follow_up_on": plan.agreed_on}, "follow_up_on", id="follow-up the same day"
    ),
    pytest.param(
        change(agreed_on=AGREED, follow_up_on=dt.date(2026, 4, 1)),
        "follow_up_on",
        id="follow-up before the agreement",
    ),
    pytest.param(
        change(follow_up_on=dt.datetime(2026, 7, 1, tzinfo=dt.UTC)),
        "follow_up_on",
        id="follow-up a datetime",
    ),
    pytest.param(change(child_views=("Fine",)), "child_views[0]", id="a child's view as text"),
    pytest.param(change(dissents="No"), "dissents", id="dissents as one text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_PLAN)
@FEWER_EXAMPLES
@given(plan=plans(max_size=3))
def test_an_invalid_plan_is_refused_naming_the_field(
    plan: Plan, changes: Changes, field: str
) -> None:
    assert_change_refused(plan, changes, field)
