"""The parameters of the practice rules that a municipality may set."""

from __future__ import annotations

import attrs

from openco.errors import InvalidModelError

__all__ = ["Settings"]


@attrs.frozen(kw_only=True)
class Settings:
    """The parameters of the practice rules, which a municipality may set.

    The legal deadlines (the 7th working day, three months) are not settings: they are the law.

    Attributes:
        take_up_within_working_days: how soon a concern is taken up with the family after the
            worker has assessed it (P11).
        follow_up_after_months: when continuing with own means is followed up (P14).
        reminder_days: how many days ahead plan items come onto the worklist (P16).
        without_delay_working_days: how many working days after the criteria were met a joint
            contact still counts as made "without delay" (L2).
        facilitators: how many facilitators an anticipation dialogue has (P14).
        area_meetings_per_year: how often an area's actors meet (P17).
    """

    take_up_within_working_days: int = attrs.field(default=10)
    follow_up_after_months: int = attrs.field(default=3)
    reminder_days: int = attrs.field(default=14)
    without_delay_working_days: int = attrs.field(default=1)
    facilitators: int = attrs.field(default=2)
    area_meetings_per_year: int = attrs.field(default=2)

    @take_up_within_working_days.validator
    @follow_up_after_months.validator
    @reminder_days.validator
    @without_delay_working_days.validator
    @facilitators.validator
    @area_meetings_per_year.validator
    def _check_count(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidModelError("Settings", attribute.name, value, "a whole number >= 0")
