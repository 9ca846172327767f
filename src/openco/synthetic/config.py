"""The knobs of the synthetic population, with defaults from Finnish figures.

Defaults follow the population the performance baselines were measured on
(``docs/synthetic.md`` lists the sources): 1-4 children per family, 22 % single-guardian
families, a named close network of 3-20 people (10 % name exactly 3), about one professional
per 60 families, areas of about 2,000 families served by five units each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Final

import attrs

from openco.errors import InvalidArgumentError

__all__ = ["DEFAULT_CONFIG", "PopulationConfig"]

_KINDS: Final = ("relatives", "friends", "neighbours")
_UNITS: Final = 5


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, value, "a whole number of at least 1"
        )


def _share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, value, "a share between 0 and 1"
        )


def _weights(count: int | None = None) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Relative weights: numbers >= 0 with a positive sum (exactly *count* of them if given)."""
    wanted = "a tuple of weights >= 0 with a positive sum"
    if count is not None:
        wanted = f"a tuple of {count} weights >= 0 with a positive sum"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        ok = (
            isinstance(value, tuple)
            and (len(value) == count if count is not None else len(value) > 0)
            and all(_is_number(w) and w >= 0 for w in value)
            and sum(value) > 0
        )
        if not ok:
            raise InvalidArgumentError(type(instance).__name__, attribute.name, value, wanted)

    return check


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _three_shares(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    ok = (
        isinstance(value, tuple)
        and len(value) == len(_KINDS)
        and all(_is_number(w) and 0 <= w <= 1 for w in value)
    )
    if not ok:
        raise InvalidArgumentError(
            type(instance).__name__,
            attribute.name,
            value,
            "a tuple of three shares between 0 and 1 (relatives, friends, neighbours)",
        )


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidArgumentError(type(instance).__name__, attribute.name, value, "a date")


@attrs.frozen(kw_only=True)
class PopulationConfig:
    """How the synthetic population is drawn. Every field has a sensible default.

    Weights are relative (they need not sum to 1). ``children_weights[k]`` is the weight of
    ``k + 1`` children; ``professionals_weights[k]`` the weight of ``k`` professionals.

    >>> PopulationConfig().families_per_area
    2000
    >>> PopulationConfig(families_per_area=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    openco.errors.InvalidArgumentError: PopulationConfig(families_per_area=0): allowed: ...
    """

    reference_date: dt.date = attrs.field(default=dt.date(2026, 1, 1), validator=_day)
    """The "today" of the population: ages and map dates are counted back from it."""
    families_per_area: int = attrs.field(default=2000, validator=_positive)
    families_per_professional: int = attrs.field(default=60, validator=_positive)
    areas_per_municipality: int = attrs.field(default=30, validator=_positive)
    children_weights: tuple[float, ...] = attrs.field(
        default=(0.40, 0.38, 0.15, 0.07), validator=_weights()
    )
    single_guardian_share: float = attrs.field(default=0.22, validator=_share)
    exactly_three_share: float = attrs.field(default=0.10, validator=_share)
    """Share of families naming exactly 3 people; the rest name 4 + NegBin(2, 2/7), capped."""
    max_network_size: int = attrs.field(default=20, validator=_positive)
    kind_weights: tuple[float, ...] = attrs.field(
        default=(0.45, 0.35, 0.20), validator=_weights(len(_KINDS))
    )
    """Relatives, friends, neighbours (friends and neighbours share one sector on the map)."""
    tie_probability_within: tuple[float, ...] = attrs.field(
        default=(0.50, 0.35, 0.25), validator=_three_shares
    )
    """Chance that two named people of the same kind (relatives, friends, neighbours) know
    each other."""
    tie_probability_across: float = attrs.field(default=0.05, validator=_share)
    professionals_weights: tuple[float, ...] = attrs.field(
        default=(0.08, 0.45, 0.30, 0.12, 0.03, 0.013, 0.007), validator=_weights()
    )
    """0-6 professionals per family: 8 % none, 75 % one or two, 5 % four or more."""
    unit_weights: tuple[float, ...] = attrs.field(
        default=(0.26, 0.31, 0.21, 0.19, 0.03), validator=_weights(_UNITS)
    )
    """The five units serving an area: child health clinic, day care, school welfare, family
    social work, and the municipality's shared family counselling. A family's professionals are
    drawn from them with these weights, and staff is split over them the same way."""
    facilitator_share: float = attrs.field(default=0.10, validator=_share)
    anticipation_dialogue_share: float = attrs.field(default=0.30, validator=_share)
    """Share of families with two or more professionals who hold an anticipation dialogue."""
    follow_up_share: float = attrs.field(default=0.60, validator=_share)
    client_meeting_share: float = attrs.field(default=0.15, validator=_share)
    """Share of families with two or more professionals who hold an ordinary client meeting."""
    area_meetings: int = attrs.field(default=2, validator=_positive)
    area_meeting_attendance: float = attrs.field(default=0.85, validator=_share)
    """Chance that a unit sends someone to an area meeting."""
    swedish_share: float = attrs.field(default=0.05, validator=_share)
    concern_share: float = attrs.field(default=0.12, validator=_share)
    """Share of families with a worker where a worker has a concern about a child (drawn from
    its own random stream, so the rest of the population does not depend on it)."""


DEFAULT_CONFIG: Final = PopulationConfig()
