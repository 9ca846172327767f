"""Plans agreed in a meeting: what is done next, by whom, with whom and by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import FamilyId, MeetingId, PersonId, PlanId, PlanItemId
from openco.model.label import LabelledEnum

__all__ = ["ItemStatus", "Plan", "PlanItem", "View"]


class ItemStatus(LabelledEnum):
    """Where a plan item stands."""

    OPEN = ("open", "avoin", "öppen", "open")
    DONE = ("done", "tehty", "gjord", "done")
    DROPPED = ("dropped", "luovuttu", "slopad", "dropped")


def _people(value: Iterable[PersonId]) -> frozenset[PersonId]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class PlanItem:
    """One thing the plan says is done next.

    *responsible* may be anyone who took part: a family member, a close-network member or a
    professional. *outcome* says how it went, once the item is done or dropped.
    """

    id: PlanItemId = attrs.field(validator=v.identifier)
    what: str = attrs.field(validator=v.text)
    responsible: PersonId = attrs.field(validator=v.identifier)
    with_whom: frozenset[PersonId] = attrs.field(
        repr=v.set_repr,
        default=frozenset(),
        converter=_people,
        validator=[v.collection(frozenset, "person ids"), v.identifiers],
    )
    due: dt.date | None = attrs.field(default=None, validator=v.optional_day)
    status: ItemStatus = attrs.field(default=ItemStatus.OPEN, validator=v.member_of(ItemStatus))
    outcome: str | None = attrs.field(default=None, validator=v.optional_text)

    @with_whom.validator
    def _check_with_whom(self, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        if self.responsible in value:
            raise v.fail(self, attribute.name, self.responsible, "people other than responsible")

    @outcome.validator
    def _check_outcome(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and self.status is ItemStatus.OPEN:
            raise v.fail(self, attribute.name, value, "None while the item is open")

    @property
    def people(self) -> frozenset[PersonId]:
        """The responsible person and everyone they do it with."""
        return self.with_whom | {self.responsible}

    def is_overdue_on(self, day: dt.date) -> bool:
        """Whether the item is still open after its due date."""
        return self.status is ItemStatus.OPEN and self.due is not None and day > self.due


@attrs.frozen(kw_only=True)
class View:
    """A participant's own view, in their own words: the child's view, or a dissent."""

    person: PersonId = attrs.field(validator=v.identifier)
    text: str = attrs.field(validator=v.text)


def _items(value: Iterable[PlanItem]) -> tuple[PlanItem, ...]:
    return v.to_tuple(value)


def _views(value: Iterable[View]) -> tuple[View, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Plan:
    """A plan made with the family in a meeting, to be followed up on *follow_up_on*.

    Views that differ from the plan are kept in *dissents*, and each child's own view in
    *child_views*: the plan records every voice, not only the agreement.

    >>> plan = Plan(
    ...     id=PlanId("plan-1"), meeting=MeetingId("m1"), family=FamilyId("f1"),
    ...     agreed_on=dt.date(2026, 4, 14), follow_up_on=dt.date(2026, 7, 14),
    ...     items=(PlanItem(id=PlanItemId("i1"), what="Fetch Aino from day care on Tuesdays",
    ...                     responsible=PersonId("n1"), due=dt.date(2026, 4, 21)),),
    ... )
    >>> done = plan.with_item_status(PlanItemId("i1"), ItemStatus.DONE, outcome="Every week")
    >>> done.items[0].status.value, plan.items[0].status.value
    ('done', 'open')
    """

    id: PlanId = attrs.field(validator=v.identifier)
    meeting: MeetingId = attrs.field(validator=v.identifier)
    family: FamilyId = attrs.field(validator=v.identifier)
    agreed_on: dt.date = attrs.field(validator=v.day)
    items: tuple[PlanItem, ...] = attrs.field(
        default=(),
        converter=_items,
        validator=[
            v.collection(tuple, "PlanItem objects"),
            v.each(PlanItem, "a PlanItem"),
            v.unique(lambda i: i.id, "id"),
        ],
    )
    follow_up_on: dt.date | None = attrs.field(default=None, validator=v.optional_day)
    child_views: tuple[View, ...] = attrs.field(
        default=(),
        converter=_views,
        validator=[v.collection(tuple, "View objects"), v.each(View, "a View")],
    )
    dissents: tuple[View, ...] = attrs.field(
        default=(),
        converter=_views,
        validator=[v.collection(tuple, "View objects"), v.each(View, "a View")],
    )

    @follow_up_on.validator
    def _check_follow_up(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and isinstance(value, dt.date) and value <= self.agreed_on:
            raise v.fail(self, attribute.name, value, f"a date after agreed_on ({self.agreed_on})")

    @property
    def people(self) -> frozenset[PersonId]:
        """Everyone named in an item, as responsible or as a helper."""
        return frozenset(p for item in self.items for p in item.people)

    def item(self, item: PlanItemId) -> PlanItem:
        """The item with id *item*.

        Raises:
            InvalidModelError: no item has that id.
        """
        for i in self.items:
            if i.id == item:
                return i
        raise v.fail(self, "items", item, "the id of an item of this plan")

    def with_item_status(
        self, item: PlanItemId, status: ItemStatus, *, outcome: str | None = None
    ) -> Plan:
        """A copy in which *item* has *status* (and *outcome*).

        Raises:
            InvalidModelError: no item has that id, or the outcome does not fit the status.
        """
        target = self.item(item)
        changed = attrs.evolve(target, status=status, outcome=outcome)
        return attrs.evolve(self, items=tuple(changed if i is target else i for i in self.items))

    def open_items(self) -> tuple[PlanItem, ...]:
        """Items not yet done or dropped."""
        return tuple(i for i in self.items if i.status is ItemStatus.OPEN)
