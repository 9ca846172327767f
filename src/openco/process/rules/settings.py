"""The parameters of the practice rules that a municipality may set."""

from __future__ import annotations

import attrs

from openco.errors import InvalidModelError

__all__ = ["Settings"]


@attrs.frozen(kw_only=True)
class Settings:
    """The parameters of the practice rules, which a municipality may set.

    The legal deadlines (the 7th working day, three months) are not settings: they are the law.
    Nor can a setting make a rule impossible to satisfy or lengthen a legal time limit, so each
    is checked when the settings are built:

    * *without_delay_working_days* is 0 or 1: "without delay" (Child Welfare Act §25, §25a) is
      a legal term that local practice may shorten but not lengthen;
    * *facilitators* is 2 to 4: an anticipation dialogue needs an interviewer and a recorder,
      and more than four facilitators would outnumber the family in the meeting;
    * *follow_up_after_months* and *area_meetings_per_year* are 1 or more (0 would put the
      follow-up on the day itself or never hold an area meeting); the others are 0 or more.

    >>> Settings(without_delay_working_days=5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    openco.errors.InvalidModelError: Settings.without_delay_working_days: got 5, allowed: ...

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
        low, high = _BOUNDS.get(attribute.name, (0, None))
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < low
            or (high is not None and value > high)
        ):
            allowed = f"a whole number from {low}" + (f" to {high}" if high is not None else "")
            raise InvalidModelError("Settings", attribute.name, value, allowed)


_BOUNDS: dict[str, tuple[int, int | None]] = {
    "without_delay_working_days": (0, 1),
    "facilitators": (2, 4),
    "follow_up_after_months": (1, None),
    "area_meetings_per_year": (1, None),
}
"""The range of each setting that no rule makes impossible (the others: 0 or more)."""
