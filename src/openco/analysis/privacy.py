"""Pseudonyms and coarsened ages for data that leaves the case system.

Exports for analysts are pseudonymised by default. A :class:`Pseudonymizer` turns an id into
a stable keyed pseudonym (HMAC-SHA256 under a key only the data controller holds): the same
person gets the same pseudonym in every export made with one key, so tables can be joined, and
without the key a pseudonym cannot be turned back into the id, nor checked against a guessed
one. Each kind of id (:class:`IdKind`: family, person, professional, unit, map) has its own
key, derived from the one key, so the pseudonym of a family id says nothing about a person
with the same id text, and tables of different kinds cannot be joined on pseudonyms. Dates
are coarsened to the month (:meth:`Privacy.date`) and birth dates become age bands
(:func:`age_band`). Names go out only on explicit opt-in (:meth:`Privacy.identified`).

The key is never derived from the data: it comes from the data controller (a key file, an
environment variable) or is drawn at random (:func:`new_key`) and kept by them.

Concern zones never appear in family-level output: nothing in :mod:`openco.analysis` reads a
:class:`~openco.model.ZoneAssessment` (the tests check every export of a bundle with
concerns).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from typing import Final

import attrs

from openco.errors import InvalidArgumentError

__all__ = [
    "DEFAULT_AGE_BANDS",
    "MIN_KEY_BYTES",
    "IdKind",
    "Privacy",
    "Pseudonymizer",
    "age_band",
    "new_key",
]

MIN_KEY_BYTES: Final = 16
"""The shortest key accepted: 128 bits."""

DEFAULT_AGE_BANDS: Final[tuple[int, ...]] = (0, 3, 7, 13, 18, 25, 30, 40, 50, 65)
"""Lower bounds of the default age bands: 0-2, 3-6, 7-12, 13-17, 18-24, ..., 65+.

The child bands follow the services: child health clinic and day care (0-2, 3-6), primary
school (7-12), teenagers (13-17); 18-24 is the age of aftercare.
"""


_DOMAIN: Final = b"openco pseudonym v2\x00"


class IdKind(enum.Enum):
    """The kinds of id that are pseudonymised, each under its own derived key."""

    FAMILY = "family"
    PERSON = "person"
    PROFESSIONAL = "professional"
    UNIT = "unit"
    MAP = "map"


def new_key() -> bytes:
    """A fresh random key: 32 random bytes as 64 hex digits (ASCII), as openco writes it.

    >>> len(new_key()), new_key() != new_key()
    (64, True)
    """
    return secrets.token_hex(32).encode("ascii")


def _key(instance: object, attribute: attrs.Attribute[bytes], value: object) -> None:
    if not isinstance(value, bytes) or len(value) < MIN_KEY_BYTES:
        shown = f"{len(value)} bytes" if isinstance(value, bytes) else type(value).__name__
        raise InvalidArgumentError(
            type(instance).__name__, attribute.name, shown, f"bytes, {MIN_KEY_BYTES} or more"
        )


@attrs.frozen
class Pseudonymizer:
    """Stable keyed pseudonyms: ``prefix`` + the first *length* hex digits of HMAC-SHA256.

    The id is hashed under a key of its own kind: HMAC-SHA256 of the id under
    HMAC-SHA256(*key*, ``"openco pseudonym v2" NUL kind``). The key is never shown in the
    repr. With the default 20 hex digits (80 bits), two of a million ids collide with a
    probability of about 4e-13.

    >>> p = Pseudonymizer(b"a key of sixteen+ bytes")
    >>> p("a0001-f00001") == p("a0001-f00001"), p("a0001-f00001") != p("a0001-f00002")
    (True, True)
    >>> p("a0001-f00001", kind=IdKind.FAMILY) != p("a0001-f00001", kind=IdKind.PERSON)
    True
    >>> p("a0001-f00001")
    'p-a74925dfef2bd36194ff'
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

    def __call__(self, value: str, *, kind: IdKind = IdKind.PERSON) -> str:
        """The pseudonym of *value*, an id of the given *kind* (a person's by default)."""
        return self.prefix + _hmac_hex(self.key, kind, value)[: self.length]

    @property
    def _keys(self) -> dict[IdKind, bytes]:
        return _derived_keys(self.key)


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


_DERIVED: dict[bytes, dict[IdKind, bytes]] = {}
_PREPARED: dict[tuple[bytes, IdKind], _Prepared] = {}
_REMEMBERED: Final = 1 << 16
"""Pseudonyms remembered per key and kind (a professional's id recurs in every table)."""


@attrs.frozen
class _Prepared:
    """HMAC-SHA256 under one derived key, its inner and outer pads hashed once (RFC 2104)."""

    inner: hashlib._Hash
    outer: hashlib._Hash
    seen: dict[str, str]

    @classmethod
    def of(cls, key: bytes) -> _Prepared:
        # The derived keys are 32 bytes, shorter than SHA-256's 64-byte block: padded, not hashed.
        padded = key.ljust(64, b"\0")
        inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))
        return cls(inner, outer, {})


def _hmac_hex(key: bytes, kind: IdKind, value: str) -> str:
    """``hmac.new(derived key of kind, value, sha256).hexdigest()``, faster and remembered.

    Pseudonymising a country's tables hashes millions of ids: the pads are hashed once per
    key (``copy()`` of a prepared hash instead of a new HMAC object per id), and the last
    ids of each kind are remembered.
    """
    prepared = _PREPARED.get((key, kind))
    if prepared is None:
        if len(_PREPARED) >= 8 * len(IdKind):  # a handful of keys per process at most
            _PREPARED.clear()
        prepared = _PREPARED[key, kind] = _Prepared.of(_derived_keys(key)[kind])
    seen = prepared.seen
    digest = seen.get(value)
    if digest is None:
        inner = prepared.inner.copy()
        inner.update(value.encode("utf-8"))
        outer = prepared.outer.copy()
        outer.update(inner.digest())
        digest = outer.hexdigest()
        if len(seen) >= _REMEMBERED:
            seen.clear()
        seen[value] = digest
    return digest


def _derived_keys(key: bytes) -> dict[IdKind, bytes]:
    """One key per kind of id, derived from *key* (kept for the last few keys used)."""
    found = _DERIVED.get(key)
    if found is None:
        found = {
            kind: hmac.new(key, _DOMAIN + kind.value.encode("ascii"), hashlib.sha256).digest()
            for kind in IdKind
        }
        if len(_DERIVED) >= 8:  # noqa: PLR2004 - a handful of keys per process at most
            _DERIVED.clear()
        _DERIVED[key] = found
    return found


@attrs.frozen(kw_only=True)
class Privacy:
    """How an export shows people: pseudonymised (the default) or identified (opt-in).

    Build one with :meth:`pseudonymised` or :meth:`identified`; every export function takes
    one, so no export can leave without a decision. Pseudonymised exports also show dates by
    the month only (*coarse_dates*), unless the caller asks for days.

    >>> privacy = Privacy.pseudonymised(b"a key of sixteen+ bytes")
    >>> privacy.person("a0001-f00001-n1").startswith("p-"), privacy.names
    (True, False)
    >>> privacy.family("a0001-f00001") != privacy.person("a0001-f00001")
    True
    >>> import datetime as dt
    >>> privacy.date(dt.date(2026, 2, 17))
    '2026-02'
    >>> Privacy.identified(names=True).person("a0001-f00001-n1")
    'a0001-f00001-n1'
    >>> Privacy.identified().date(dt.date(2026, 2, 17))
    '2026-02-17'
    """

    pseudonyms: Pseudonymizer | None
    names: bool = False
    coarse_dates: bool = False

    @classmethod
    def pseudonymised(cls, key: bytes, *, length: int = 20, coarse_dates: bool = True) -> Privacy:
        """Keyed pseudonyms instead of ids, no names, dates by the month (unless told)."""
        return cls(
            pseudonyms=Pseudonymizer(key, length=length), names=False, coarse_dates=coarse_dates
        )

    @classmethod
    def identified(cls, *, names: bool = False) -> Privacy:
        """Real ids, and names too if *names* is true: only for use inside the case system."""
        return cls(pseudonyms=None, names=names)

    def shown(self, value: str, kind: IdKind) -> str:
        """How the id *value* of the given *kind* is shown."""
        return value if self.pseudonyms is None else self.pseudonyms(value, kind=kind)

    def person(self, person: str) -> str:
        """How a person's id (a family member, a member of a network map) is shown."""
        return self.shown(person, IdKind.PERSON)

    def family(self, family: str) -> str:
        """How a family's id is shown."""
        return self.shown(family, IdKind.FAMILY)

    def professional(self, professional: str) -> str:
        """How a professional's id is shown."""
        return self.shown(professional, IdKind.PROFESSIONAL)

    def unit(self, unit: str) -> str:
        """How a service unit's id is shown, for exports that hide units too.

        openco's own exports show unit and area ids as they are: they name services, not
        people (see the security page).
        """
        return self.shown(unit, IdKind.UNIT)

    def map(self, network_map: str) -> str:
        """How a network map's id is shown (map ids often hold the family's id)."""
        return self.shown(network_map, IdKind.MAP)

    def date(self, day: dt.date) -> str:
        """*day* as ``YYYY-MM`` if dates are coarsened, else as ``YYYY-MM-DD``."""
        return f"{day.year:04d}-{day.month:02d}" if self.coarse_dates else day.isoformat()

    def name(self, name: str) -> str | None:
        """*name* if names were opted in, else ``None``."""
        return name if self.names else None
