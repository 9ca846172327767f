"""People, and the ages that the law draws its lines at."""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from openco.model import _validators as v
from openco.model.ids import PersonId

__all__ = [
    "AFTERCARE_AGE_LIMIT",
    "CHILD_AGE_LIMIT",
    "HEARD_AGE",
    "OWN_APPLICATION_AGE",
    "Person",
]

CHILD_AGE_LIMIT: Final = 18
"""A person under this age is a child (Child Welfare Act, UN CRC)."""

OWN_APPLICATION_AGE: Final = 12
"""From this age a child may apply for child welfare on their own (Child Welfare Act §26)."""

HEARD_AGE: Final = 12
"""From this age a child is heard in a matter concerning them (Administrative Procedure Act §34;
Child Welfare Act §20): a plan is not agreed without the child's view or the reason it was not
sought, and with the custodians absent the child alone makes the family present."""

AFTERCARE_AGE_LIMIT: Final = 25
"""Aftercare for a young person lasts until this age (raised from 21 in 2020)."""


@attrs.frozen(kw_only=True)
class Person:
    """A person: a family member, a close-network member or a professional.

    The name is for people to read; use pseudonyms where the data leaves the case system.
    Ages are computed for a date passed in, never for "today".

    >>> p = Person(id=PersonId("child-1"), name="Aino", birth_date=dt.date(2021, 6, 1))
    >>> p.age_on(dt.date(2025, 5, 31)), p.age_on(dt.date(2025, 6, 1))
    (3, 4)
    >>> p.is_child_on(dt.date(2039, 5, 31)), p.is_child_on(dt.date(2039, 6, 1))
    (True, False)
    >>> leap = Person(id=PersonId("child-2"), name="Aino", birth_date=dt.date(2008, 2, 29))
    >>> leap.is_child_on(dt.date(2026, 2, 28)), leap.is_child_on(dt.date(2026, 3, 1))
    (True, False)
    """

    id: PersonId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    birth_date: dt.date = attrs.field(validator=v.day)

    def age_on(self, day: dt.date) -> int:
        """Age in whole years on *day* (someone born on 29 February turns a year older on 1 March).

        Raises:
            InvalidModelError: *day* is before the birth date.
        """
        if day < self.birth_date:
            raise v.fail(
                self, "birth_date", self.birth_date, f"a date on or before {day}", "born_later"
            )
        born = self.birth_date
        # Compare (month, day) rather than adding years to the birth date: dateutil's
        # relativedelta moves 29 February to the 28th in common years, a day early.
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_child_on(self, day: dt.date) -> bool:
        """Whether the person is under 18 on *day*."""
        return self.age_on(day) < CHILD_AGE_LIMIT

    def can_apply_for_child_welfare_on(self, day: dt.date) -> bool:
        """Whether the person is a child of 12 or over on *day*, who may apply on their own."""
        return OWN_APPLICATION_AGE <= self.age_on(day) < CHILD_AGE_LIMIT

    def is_in_aftercare_age_on(self, day: dt.date) -> bool:
        """Whether the person is 18-24 on *day*, the age of aftercare."""
        return CHILD_AGE_LIMIT <= self.age_on(day) < AFTERCARE_AGE_LIMIT
