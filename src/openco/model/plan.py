"""Plans agreed in a meeting: what is done next, by whom, with whom and by when.

A plan item is one of three kinds, told apart by its dates:

* a **one-off** item, done once, by its *due* date (if it has one);
* an **ongoing** item, which runs from *starts_on* until *until* (a club attended, a support
  given through the spring);
* a **recurring** item, which happens on the dates of its :class:`~openco.model.Recurrence`
  from *starts_on* (until *until*, or for the recurrence's *count*): "grandmother fetches Aino
  on Tuesdays".

An ongoing or recurring item is not overdue while it runs; it is overdue only if it is still
open after it has ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import FamilyId, MeetingId, PersonId, PlanId, PlanItemId
from openco.model.label import LabelledEnum
from openco.model.recurrence import Recurrence

__all__ = ["ItemStatus", "NoViewReason", "Plan", "PlanItem", "View", "ViewNotSought"]


class ItemStatus(LabelledEnum):
    """Where a plan item stands."""

    OPEN = ("open", "avoin", "öppen", "open")
    DONE = ("done", "tehty", "gjord", "done")
    DROPPED = ("dropped", "luovuttu", "slopad", "dropped")


def _people(value: Iterable[PersonId]) -> frozenset[PersonId]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class PlanItem:
    """One thing the plan says is done next: once, ongoing, or recurring.

    *responsible* may be anyone who took part: a family member, a close-network member or a
    professional. *outcome* says how it went, once the item is done or dropped.

    A one-off item may have a *due* date. An ongoing item runs from *starts_on* until *until*;
    a recurring item happens on the dates of *recurrence* from *starts_on* (to *until* if
    given). *due* is only for one-off items.

    >>> tuesdays = PlanItem(
    ...     id=PlanItemId("i1"), what="Grandmother fetches Aino from day care",
    ...     responsible=PersonId("n-gran"), starts_on=dt.date(2026, 4, 14),
    ...     recurrence=Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=TU"),
    ...     until=dt.date(2026, 6, 30),
    ... )
    >>> tuesdays.next_occurrence_on(dt.date(2026, 4, 15))
    datetime.date(2026, 4, 21)
    >>> tuesdays.is_overdue_on(dt.date(2026, 5, 1)), tuesdays.is_overdue_on(dt.date(2026, 7, 1))
    (False, True)
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
    starts_on: dt.date | None = attrs.field(default=None, validator=v.optional_day)
    until: dt.date | None = attrs.field(default=None, validator=v.optional_day)
    recurrence: Recurrence | None = attrs.field(default=None)

    @due.validator
    def _check_due(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and self.starts_on is not None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "None for an ongoing or recurring item (one with starts_on): it ends on until",
                "due_with_start",
            )

    @until.validator
    def _check_until(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if self.starts_on is None:
            raise v.fail(
                self, attribute.name, value, "None unless the item has starts_on", "needs_start"
            )
        if isinstance(value, dt.date) and value < self.starts_on:
            raise v.fail(
                self,
                attribute.name,
                value,
                f"a date on or after starts_on ({self.starts_on})",
                "not_before",
                limit=v.Field("starts_on"),
            )

    @recurrence.validator
    def _check_recurrence(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, Recurrence):
            raise v.fail(self, attribute.name, value, "None or a Recurrence", "element")
        if self.starts_on is None:
            raise v.fail(
                self, attribute.name, value, "None unless the item has starts_on", "needs_start"
            )
        if value.count is not None and self.until is not None:
            raise v.fail(
                self,
                attribute.name,
                value,
                "a recurrence without a count when the item has until (RFC 5545: COUNT or "
                "UNTIL, not both)",
                "count_with_until",
            )

    @with_whom.validator
    def _check_with_whom(self, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        if self.responsible in value:
            raise v.fail(
                self,
                attribute.name,
                self.responsible,
                "people other than responsible",
                "helper_is_responsible",
            )

    @outcome.validator
    def _check_outcome(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and self.status is ItemStatus.OPEN:
            raise v.fail(
                self, attribute.name, value, "None while the item is open", "outcome_while_open"
            )

    @property
    def people(self) -> frozenset[PersonId]:
        """The responsible person and everyone they do it with."""
        return self.with_whom | {self.responsible}

    @property
    def is_recurring(self) -> bool:
        """Whether the item happens again and again (it has a recurrence)."""
        return self.recurrence is not None

    @property
    def is_ongoing(self) -> bool:
        """Whether the item runs continuously from *starts_on* (no recurrence)."""
        return self.starts_on is not None and self.recurrence is None

    def ends_on(self) -> dt.date | None:
        """The last day of the item: its due date, its *until*, or its counted last occurrence.

        ``None`` when the item has no end: a one-off item without a due date, or an ongoing or
        recurring item with neither *until* nor a count.
        """
        if self.starts_on is None:
            return self.due
        if self.recurrence is not None and self.recurrence.count is not None:
            return self.recurrence.last_on(self.starts_on)
        return self.until

    def is_running_on(self, day: dt.date) -> bool:
        """Whether an open ongoing or recurring item has started and not yet ended on *day*."""
        if self.status is not ItemStatus.OPEN or self.starts_on is None or day < self.starts_on:
            return False
        end = self.ends_on()
        return end is None or day <= end

    def next_occurrence_on(self, day: dt.date) -> dt.date | None:
        """The date the open item next falls on, on or after *day*.

        A recurring item's next occurrence; an ongoing item's start if it has not started yet
        (while it runs it has no single next date, so ``None``); a one-off item's due date if
        that is not yet past. ``None`` when the item is done or dropped or nothing is left.
        """
        if self.status is not ItemStatus.OPEN:
            return None
        if self.recurrence is not None and self.starts_on is not None:
            return self.recurrence.next_on(self.starts_on, day, until=self.until)
        if self.starts_on is not None:
            return self.starts_on if day <= self.starts_on else None
        return self.due if self.due is not None and day <= self.due else None

    def is_overdue_on(self, day: dt.date) -> bool:
        """Whether the item is still open after it should have ended.

        A one-off item is overdue after its due date. An ongoing or recurring item is never
        overdue while it runs; it is overdue once it has ended (after *until*, or after its
        last occurrence) and is still open.
        """
        if self.status is not ItemStatus.OPEN:
            return False
        end = self.ends_on()
        return end is not None and day > end


@attrs.frozen(kw_only=True)
class View:
    """A participant's own view, in their own words: the child's view, or a dissent."""

    person: PersonId = attrs.field(validator=v.identifier)
    text: str = attrs.field(validator=v.text)


class NoViewReason(LabelledEnum):
    """Why a plan holds no view of the child's own (Child Welfare Act §20).

    The child's wishes and view are found out and taken into account according to the child's
    age and development; they may be left unsought only where finding them out would endanger
    the child's health or development, or is otherwise manifestly unnecessary. A child may also
    decline to give a view.
    """

    AGE_OR_DEVELOPMENT = (
        "age_or_development",
        "lapsen ikä tai kehitystaso",
        "barnets ålder eller utvecklingsnivå",
        "the child's age or development",
    )
    CHILD_DECLINED = (
        "child_declined",
        "lapsi ei halunnut kertoa näkemystään",
        "barnet ville inte ge sin synpunkt",
        "the child did not want to give a view",
    )
    WOULD_ENDANGER = (
        "would_endanger",
        "selvittäminen vaarantaisi lapsen terveyden tai kehityksen",
        "utredningen skulle äventyra barnets hälsa eller utveckling",
        "finding it out would endanger the child's health or development",
    )
    UNNECESSARY = (
        "unnecessary",
        "selvittäminen on muuten ilmeisen tarpeetonta",
        "utredningen är annars uppenbart onödig",
        "finding it out is otherwise manifestly unnecessary",
    )
    OTHER = ("other", "muu syy", "annat skäl", "another reason")


@attrs.frozen(kw_only=True)
class ViewNotSought:
    """Why the plan holds no view of *child*'s own: a reason and, if need be, words.

    *explanation* is required when the reason is :attr:`NoViewReason.OTHER`.

    >>> ViewNotSought(child=PersonId("p2"), reason=NoViewReason.AGE_OR_DEVELOPMENT).reason.value
    'age_or_development'
    """

    child: PersonId = attrs.field(validator=v.identifier)
    reason: NoViewReason = attrs.field(validator=v.member_of(NoViewReason))
    explanation: str | None = attrs.field(default=None, validator=v.optional_text)

    @explanation.validator
    def _check_explanation(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.reason is NoViewReason.OTHER:
            raise v.fail(
                self, attribute.name, value, "a text when the reason is 'other'", "explain_other"
            )


def _items(value: Iterable[PlanItem]) -> tuple[PlanItem, ...]:
    return v.to_tuple(value)


def _views(value: Iterable[View]) -> tuple[View, ...]:
    return v.to_tuple(value)


def _not_sought(value: Iterable[ViewNotSought]) -> tuple[ViewNotSought, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Plan:
    """A plan made with the family in a meeting, to be followed up on *follow_up_on*.

    Views that differ from the plan are kept in *dissents*, and each child's own view in
    *child_views*: the plan records every voice, not only the agreement. Where a child's view
    was not sought (or the child did not give one), *views_not_sought* records why (Child
    Welfare Act §20); the workflow does not agree a plan for a child of 12 or over without one
    or the other (rule L19).

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
    views_not_sought: tuple[ViewNotSought, ...] = attrs.field(
        default=(),
        converter=_not_sought,
        validator=[
            v.collection(tuple, "ViewNotSought objects"),
            v.each(ViewNotSought, "a ViewNotSought"),
            v.unique(lambda n: n.child, "child"),
        ],
    )

    @follow_up_on.validator
    def _check_follow_up(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and isinstance(value, dt.date) and value <= self.agreed_on:
            raise v.fail(
                self,
                attribute.name,
                value,
                f"a date after agreed_on ({self.agreed_on})",
                "after",
                limit=v.Field("agreed_on"),
            )

    def heard(self, child: PersonId) -> bool:
        """Whether the plan records *child*'s own view, or why it was not sought."""
        return any(view.person == child for view in self.child_views) or any(
            n.child == child for n in self.views_not_sought
        )

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
        raise v.fail(self, "items", item, "the id of an item of this plan", "unknown_item")

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
