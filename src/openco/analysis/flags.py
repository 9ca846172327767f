"""Plain flags an embedding system can show next to a network map, each with its threshold.

A flag is a prompt for a conversation with the family, not a finding about them: it says which
simple rule a map meets and with what threshold, so a worker can see why it was raised. The
thresholds are configurable (:class:`FlagThresholds`); the defaults are:

==========================  ==========================================================
flag                        raised when
==========================  ==========================================================
``no_inner_support``        fewer than 1 member on the inner ring has a supportive tie
``very_small``              the family's own (informal) network has fewer than 4 people
``professional_heavy``      professionals outnumber informal supporters (ratio > 1.0)
``single_supporter``        one person gives 100 % of the support the family receives
==========================  ==========================================================
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from openco.analysis.measures import MapMeasures
from openco.errors import InvalidArgumentError
from openco.model import LabelledEnum

__all__ = ["DEFAULT_THRESHOLDS", "Flag", "FlagKind", "FlagThresholds", "flags_for"]


class FlagKind(LabelledEnum):
    """What a flag is about."""

    NO_INNER_SUPPORT = (
        "no_inner_support",
        "sisimmällä kehällä ei tukevaa suhdetta",
        "inget stödjande band i innersta cirkeln",
        "no supportive tie on the inner ring",
    )
    VERY_SMALL = (
        "very_small",
        "hyvin pieni verkosto",
        "mycket litet nätverk",
        "very small network",
    )
    PROFESSIONAL_HEAVY = (
        "professional_heavy",
        "ammattilaisia enemmän kuin läheisiä tukijoita",
        "fler yrkespersoner än närstående som stöder",
        "more professionals than informal supporters",
    )
    SINGLE_SUPPORTER = (
        "single_supporter",
        "kaikki tuki yhdeltä ihmiseltä",
        "allt stöd från en person",
        "all support from one person",
    )


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, value, "a whole number >= 0"
        )


def _ratio(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not value >= 0:
        raise InvalidArgumentError(type(instance).__name__, attribute.name, value, "a number >= 0")


def _share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, value, "a share above 0 and at most 1"
        )


@attrs.frozen(kw_only=True)
class FlagThresholds:
    """The thresholds of the four flags.

    >>> FlagThresholds(min_informal_size=5).min_informal_size
    5
    >>> FlagThresholds(single_supporter_share=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    openco.errors.InvalidArgumentError: FlagThresholds(single_supporter_share=0): allowed: ...
    """

    min_inner_supportive: int = attrs.field(default=1, validator=_count)
    """``no_inner_support``: raised when fewer inner-ring members have a supportive tie."""
    min_informal_size: int = attrs.field(default=4, validator=_count)
    """``very_small``: raised when the informal network has fewer people."""
    max_professional_ratio: float = attrs.field(default=1.0, validator=_ratio)
    """``professional_heavy``: raised when professionals > ratio x informal supporters."""
    single_supporter_share: float = attrs.field(default=1.0, validator=_share)
    """``single_supporter``: raised when one supporter gives at least this share of support."""

    def raised(
        self,
        *,
        inner_supportive: int,
        informal: int,
        professional: int,
        informal_supporters: int,
        top_supporter_share: float | None,
    ) -> tuple[bool, bool, bool, bool]:
        """Which flags the given numbers raise, in :class:`FlagKind` order."""
        return (
            inner_supportive < self.min_inner_supportive,
            informal < self.min_informal_size,
            professional > self.max_professional_ratio * informal_supporters,
            top_supporter_share is not None and top_supporter_share >= self.single_supporter_share,
        )


DEFAULT_THRESHOLDS: Final = FlagThresholds()


@attrs.frozen(kw_only=True)
class Flag:
    """A raised flag: what it is about, what was observed and the threshold it crossed."""

    kind: FlagKind
    observed: float
    threshold: float
    rule: str
    """The rule in words, threshold included, e.g. "fewer than 4 informal members"."""

    def __str__(self) -> str:
        return f"{self.kind.label()}: {self.rule} (observed {self.observed:g})"


def flags_for(
    measures: MapMeasures, *, thresholds: FlagThresholds = DEFAULT_THRESHOLDS
) -> tuple[Flag, ...]:
    """The flags *measures* raise, in :class:`FlagKind` order.

    >>> from openco.analysis.measures import measure_map
    >>> from openco.synthetic import generate_network_maps
    >>> nmap = next(generate_network_maps(families=1, seed=4))
    >>> for flag in flags_for(measure_map(nmap), thresholds=FlagThresholds(min_informal_size=5)):
    ...     print(flag)
    very small network: fewer than 5 informal members (observed 4)
    """
    flow = measures.flow
    raised = thresholds.raised(
        inner_supportive=measures.inner_supportive,
        informal=measures.informal,
        professional=measures.professional,
        informal_supporters=flow.informal_supporters,
        top_supporter_share=flow.top_supporter_share,
    )
    t = thresholds
    candidates = (
        Flag(
            kind=FlagKind.NO_INNER_SUPPORT,
            observed=measures.inner_supportive,
            threshold=t.min_inner_supportive,
            rule=f"fewer than {t.min_inner_supportive} supportive ties on the inner ring",
        ),
        Flag(
            kind=FlagKind.VERY_SMALL,
            observed=measures.informal,
            threshold=t.min_informal_size,
            rule=f"fewer than {t.min_informal_size} informal members",
        ),
        Flag(
            kind=FlagKind.PROFESSIONAL_HEAVY,
            observed=measures.professional,
            threshold=t.max_professional_ratio * flow.informal_supporters,
            rule=(
                f"more than {t.max_professional_ratio:g} professionals per informal supporter "
                f"({flow.informal_supporters} informal supporters)"
            ),
        ),
        Flag(
            kind=FlagKind.SINGLE_SUPPORTER,
            observed=flow.top_supporter_share or 0.0,
            threshold=t.single_supporter_share,
            rule=f"one person gives at least {t.single_supporter_share:.0%} of the support",
        ),
    )
    return tuple(flag for flag, up in zip(candidates, raised, strict=True) if up)
