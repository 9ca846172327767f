"""What the embedding system's registers say about people: the facts the rules judge by.

A rule that judges a person asks the records who they are (their unit and its kind and data
controller, their profession, whether they are a mandated notifier or a trained facilitator,
who has custody of a child), never a flag the caller sets on the step. :class:`Records` is one
read-only value holding them; the workflow's functions take it as ``records=``. Build it once
per request (or keep one per day) from the registers the embedding system already holds.

>>> import datetime as dt
>>> from openco.model import (AreaId, Custody, CustodyKind, Family, FamilyId, Person,
...     Professional, ServiceKind, ServiceUnit)
>>> unit = ServiceUnit(id=UnitId("u-daycare"), name="Päiväkoti Vaara",
...     kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION, areas={AreaId("vaaralampi")})
>>> teacher = Professional(id=ProfessionalId("w-teacher"), name="Sari", unit=unit.id,
...     profession="early childhood teacher", mandated_notifier=True)
>>> records = Records(professionals=[teacher], units=[unit])
>>> records.unit_of(PersonId("w-teacher")).controller.value
'municipality'
>>> records.professional(PersonId("w-stranger")) is None
True
>>> Records(professionals=[teacher])  # doctest: +ELLIPSIS
Traceback (most recent call last):
  ...
openco.errors.InvalidModelError: Records.professionals[0].unit: got 'x-xxxxxxx' (masked), ...
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from openco.errors import InvalidModelError
from openco.model import _validators as v
from openco.model.family import Family
from openco.model.ids import FamilyId, PersonId, ProfessionalId, UnitId
from openco.model.service import Professional, ServiceUnit

__all__ = ["Records"]


def _by_id(value: object, kind: type, what: str) -> dict[Any, Any]:
    if isinstance(value, Mapping):
        value = value.values()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidModelError("Records", what, value, f"a collection of {kind.__name__} objects")
    found: dict[Any, Any] = {}
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            raise InvalidModelError("Records", f"{what}[{index}]", item, f"a {kind.__name__}")
        key = getattr(item, "id")  # noqa: B009 - every kind here has an id
        if key in found:
            raise InvalidModelError("Records", f"{what}[{index}].id", key, "an id not used before")
        found[key] = item
    return found


def _professionals(
    value: Iterable[Professional] | Mapping[Any, Professional],
) -> Mapping[ProfessionalId, Professional]:
    return types.MappingProxyType(_by_id(value, Professional, "professionals"))


def _units(
    value: Iterable[ServiceUnit] | Mapping[Any, ServiceUnit],
) -> Mapping[UnitId, ServiceUnit]:
    return types.MappingProxyType(_by_id(value, ServiceUnit, "units"))


def _families(value: Iterable[Family] | Mapping[Any, Family]) -> Mapping[FamilyId, Family]:
    return types.MappingProxyType(_by_id(value, Family, "families"))


@attrs.frozen(kw_only=True, eq=False)
class Records:
    """The professionals, units (with their data controllers) and families the rules judge by.

    Each collection may be given as any iterable of the model's values (or a mapping whose
    values they are); the record keeps them by id. Every professional's unit must be among
    *units*. Only what the cases at hand need must be there: a person the records do not know
    is refused with a reason, never guessed.

    Raises:
        InvalidModelError: an item is of the wrong type, an id is used twice, or a
            professional's unit is not among *units*.
    """

    professionals: Mapping[ProfessionalId, Professional] = attrs.field(
        factory=dict, converter=_professionals
    )
    units: Mapping[UnitId, ServiceUnit] = attrs.field(factory=dict, converter=_units)
    families: Mapping[FamilyId, Family] = attrs.field(factory=dict, converter=_families)

    def __attrs_post_init__(self) -> None:
        for index, professional in enumerate(self.professionals.values()):
            if professional.unit not in self.units:
                raise v.fail(
                    self,
                    f"professionals[{index}].unit",
                    professional.unit,
                    "the id of a unit in units",
                )

    def professional(self, person: PersonId) -> Professional | None:
        """The professional with id *person*, or ``None`` if the records do not know one."""
        # Ids are plain text at run time: no ProfessionalId(...) call on this hot path.
        found: Professional | None = self.professionals.get(person)  # type: ignore[call-overload]
        return found

    def unit(self, unit: UnitId | None) -> ServiceUnit | None:
        """The unit with id *unit*, or ``None``."""
        return None if unit is None else self.units.get(unit)

    def unit_of(self, person: PersonId) -> ServiceUnit | None:
        """The unit *person* works in, or ``None`` if they are not a known professional."""
        professional = self.professionals.get(person)  # type: ignore[call-overload]
        return None if professional is None else self.units[professional.unit]

    def family(self, family: FamilyId) -> Family | None:
        """The family with id *family* as the records hold it now, or ``None``."""
        return self.families.get(family)

    def with_family(self, family: Family) -> Records:
        """A copy that also holds (or now holds this version of) *family*."""
        families = dict(self.families)
        families[family.id] = family
        return Records(professionals=self.professionals, units=self.units, families=families)
