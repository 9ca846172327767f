"""How long each kind of record is kept, as data a municipality configures.

A :class:`Retention` says how many years a kind of record is kept and on what basis. The
store keeps the rules in its database (:meth:`openco.store.Store.set_retention`);
:meth:`openco.store.Store.expired` lists what has passed its time. Nothing is deleted by
openco: destroying records is the data controller's decision, taken and recorded outside it.

The defaults are openco's reading of the rules, to be confirmed by the controller's records
manager (docs/store.md, interpretation table): a closed case and the documents it refers to
12 years after the case's last record; a document kept outside any case 12 years after its
latest version.

>>> DEFAULT_RETENTION["case"].years
12
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

import attrs

from openco.errors import InvalidArgumentError

__all__ = ["DEFAULT_RETENTION", "Expired", "Retention", "years_after"]

_BASIS: Final = (
    "Client Data Act 703/2023, retention of social welfare client documents; openco's "
    "default, to be confirmed by the data controller"
)


def _years(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 200:  # noqa: PLR2004
        raise InvalidArgumentError("Retention", "years", value, "a whole number of years 0-200")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 1000:  # noqa: PLR2004
        raise InvalidArgumentError(
            "Retention", "basis", value, "a non-empty text of at most 1000 characters"
        )
    return value


@attrs.frozen(kw_only=True)
class Retention:
    """Records of *kind* (``"case"``, ``"family"``, ``"network_map"`` …) are kept *years*.

    For ``"case"`` the years run from the last record of a closed case (the documents the case
    refers to go with it); for any other kind from the latest version of a document kept
    outside a case.
    """

    kind: str
    years: int = attrs.field(converter=_years)
    basis: str = attrs.field(converter=_text)


@attrs.frozen(kw_only=True)
class Expired:
    """A record past its retention: *kind* and *id*, and the day its time ran out."""

    kind: str
    id: str
    since: dt.date
    basis: str


def years_after(day: dt.date, years: int) -> dt.date:
    """*day* moved *years* on (29 February becomes 28 February in a common year).

    >>> years_after(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


DEFAULT_RETENTION: Final[Mapping[str, Retention]] = {
    "case": Retention(kind="case", years=12, basis=_BASIS),
}
"""openco's defaults; every other kind outside a case is kept as long as ``"case"``."""
