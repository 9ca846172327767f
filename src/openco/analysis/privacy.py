"""Pseudonyms and coarsened ages for data that leaves the case system.

Exports for analysts are pseudonymised by default. A :class:`Pseudonymizer` turns an id into
a stable keyed pseudonym (HMAC-SHA256 under a key only the data controller holds): the same
person gets the same pseudonym in every export made with one key, so tables can be joined, and
without the key a pseudonym cannot be turned back into the id, nor checked against a guessed
one. Birth dates become age bands (:func:`age_band`). Names go out only on explicit opt-in
(:meth:`Privacy.identified`).

Concern zones never appear in family-level output: nothing in :mod:`openco.analysis` reads a
:class:`~openco.model.ZoneAssessment` (the tests check every export of a bundle with
concerns).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from typing import Final

import attrs

from openco.errors import InvalidArgumentError

__all__ = [
    "DEFAULT_AGE_BANDS",
    "MIN_KEY_BYTES",
    "Privacy",
    "Pseudonymizer",
    "age_band",
]

MIN_KEY_BYTES: Final = 16
"""The shortest key accepted: 128 bits."""

DEFAULT_AGE_BANDS: Final[tuple[int, ...]] = (0, 3, 7, 13, 18, 25, 30, 40, 50, 65)
"""Lower bounds of the default age bands: 0-2, 3-6, 7-12, 13-17, 18-24, ..., 65+.

The child bands follow the services: child health clinic and day care (0-2, 3-6), primary
school (7-12), teenagers (13-17); 18-24 is the age of aftercare.
"""


def _key(instance: object, attribute: attrs.Attribute[bytes], value: object) -> None:
    if not isinstance(value, bytes) or len(value) < MIN_KEY_BYTES:
        shown = f"{len(value)} bytes" if isinstance(value, bytes) else type(value).__name__
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, shown, f"bytes, {MIN_KEY_BYTES} or more"
        )


@attrs.frozen
class Pseudonymizer:
    """Stable keyed pseudonyms: ``prefix`` + the first *length* hex digits of HMAC-SHA256.

    The key is never shown in the repr. With the default 20 hex digits (80 bits), two of a
    million ids collide with a probability of about 4e-13.

    >>> p = Pseudonymizer(b"a key of sixteen+ bytes")
    >>> p("a0001-f00001") == p("a0001-f00001"), p("a0001-f00001") != p("a0001-f00002")
    (True, True)
    >>> p("a0001-f00001")
    'p-28907a7f6d9887f9c5f4'
    >>> Pseudonymizer(b"short")
    Traceback (most recent call last):
    ...
    openco.errors.InvalidArgumentError: Pseudonymizer(key='5 bytes'): allowed: bytes, 16 or more
    """

    key: bytes = attrs.field(validator=_key, repr=False)
    length: int = attrs.field(default=20, kw_only=True)
    prefix: str = attrs.field(default="p-", kw_only=True)

    @length.validator
    def _check_length(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 16 <= value <= 64:  # noqa: PLR2004 - the bounds are stated in the message
            raise InvalidArgumentError(
                type(self).__name__, attribute.name, value, "16 to 64 hex digits"
            )

    def __call__(self, value: str) -> str:
        """The pseudonym of *value*."""
        digest = hmac.new(self.key, value.encode("utf-8"), hashlib.sha256).hexdigest()
        return self.prefix + digest[: self.length]


def age_band(birth_date: dt.date, *, on: dt.date, bands: Sequence[int] = DEFAULT_AGE_BANDS) -> str:
    """The age band of someone born on *birth_date*, on the day *on*.

    Raises:
        InvalidArgumentError: *on* is before the birth date, or *bands* is not an increasing
            sequence starting at 0.

    >>> import datetime as dt
    >>> age_band(dt.date(2021, 6, 1), on=dt.date(2025, 5, 31))
    '3-6'
    >>> age_band(dt.date(1950, 1, 1), on=dt.date(2026, 1, 1))
    '65+'
    """
    if list(bands) != sorted(set(bands)) or not bands or bands[0] != 0:
        raise InvalidArgumentError(
            "age_band", "bands", tuple(bands), "increasing lower bounds starting at 0"
        )
    if on < birth_date:
        raise InvalidArgumentError("age_band", "on", on, f"a day on or after {birth_date}")
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    for low, high in zip(bands, [*bands[1:], None], strict=True):
        if high is None:
            return f"{low}+"
        if age < high:
            return f"{low}-{high - 1}"
    raise AssertionError  # pragma: no cover - the last band is open-ended


@attrs.frozen(kw_only=True)
class Privacy:
    """How an export shows people: pseudonymised (the default) or identified (opt-in).

    Build one with :meth:`pseudonymised` or :meth:`identified`; every export function takes
    one, so no export can leave without a decision.

    >>> privacy = Privacy.pseudonymised(b"a key of sixteen+ bytes")
    >>> privacy.person("a0001-f00001-n1").startswith("p-"), privacy.names
    (True, False)
    >>> Privacy.identified(names=True).person("a0001-f00001-n1")
    'a0001-f00001-n1'
    """

    pseudonyms: Pseudonymizer | None
    names: bool = False

    @classmethod
    def pseudonymised(cls, key: bytes, *, length: int = 20) -> Privacy:
        """Keyed pseudonyms instead of ids, no names."""
        return cls(pseudonyms=Pseudonymizer(key, length=length), names=False)

    @classmethod
    def identified(cls, *, names: bool = False) -> Privacy:
        """Real ids, and names too if *names* is true: only for use inside the case system."""
        return cls(pseudonyms=None, names=names)

    def person(self, person: str) -> str:
        """How *person* (a person's or family's id) is shown."""
        return person if self.pseudonyms is None else self.pseudonyms(person)

    def name(self, name: str) -> str | None:
        """*name* if names were opted in, else ``None``."""
        return name if self.names else None
