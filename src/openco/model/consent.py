"""Consent to share a person's data with named units, for named purposes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import ConsentId, FamilyId, PersonId, UnitId
from openco.model.label import LabelledEnum

__all__ = ["Consent", "ConsentGiver", "DataScope"]


class DataScope(LabelledEnum):
    """What may be shared under a consent."""

    CONCERN = (
        "concern",
        "huoli ja sen perusteet",
        "oron och dess grunder",
        "the concern and its grounds",
    )
    NETWORK_MAP = ("network_map", "verkostokartta", "nätverkskarta", "network map")
    MEETING = ("meeting", "palaverin kulku", "mötets förlopp", "meeting notes")
    PLAN = ("plan", "suunnitelma", "plan", "plan")
    HEALTH = ("health", "terveystiedot", "hälsouppgifter", "health data")
    EDUCATION = (
        "education",
        "varhaiskasvatus- ja koulutiedot",
        "uppgifter om dagvård och skola",
        "early education and school data",
    )


class ConsentGiver(LabelledEnum):
    """Who gave the consent: the person themself, or their legal representative."""

    SELF = ("self", "henkilö itse", "personen själv", "the person themself")
    CUSTODIAN = ("custodian", "huoltaja", "vårdnadshavare", "custodian")


def _scopes(value: Iterable[DataScope]) -> frozenset[DataScope]:
    return v.to_frozenset(value)


def _units(value: Iterable[UnitId]) -> frozenset[UnitId]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class Consent:
    """Consent given by *given_by* to share *scopes* of *subject*'s data with *units*.

    A child who understands the matter consents personally (``giver=SELF``); otherwise a
    custodian does. A consent is valid from *valid_from* up to and including *valid_until*,
    unless withdrawn earlier; a withdrawal is a new value, made with :meth:`withdrawn`.

    >>> consent = Consent(
    ...     id=ConsentId("k1"), family=FamilyId("f1"), subject=PersonId("p2"),
    ...     given_by=PersonId("p1"), giver=ConsentGiver.CUSTODIAN,
    ...     scopes={DataScope.CONCERN, DataScope.PLAN}, units={UnitId("clinic")},
    ...     valid_from=dt.date(2026, 3, 10), valid_until=dt.date(2027, 3, 10),
    ... )
    >>> consent.covers(UnitId("clinic"), DataScope.PLAN, on=dt.date(2026, 5, 1))
    True
    >>> consent.withdrawn(on=dt.date(2026, 4, 1)).is_valid_on(dt.date(2026, 5, 1))
    False
    """

    id: ConsentId = attrs.field(validator=v.identifier)
    family: FamilyId = attrs.field(validator=v.identifier)
    subject: PersonId = attrs.field(validator=v.identifier)
    given_by: PersonId = attrs.field(validator=v.identifier)
    giver: ConsentGiver = attrs.field(validator=v.member_of(ConsentGiver))
    scopes: frozenset[DataScope] = attrs.field(
        repr=v.set_repr,
        converter=_scopes,
        validator=[
            v.collection(frozenset, "DataScope members"),
            v.non_empty,
            v.each(DataScope, f"a DataScope: {', '.join(DataScope.values())}"),
        ],
    )
    units: frozenset[UnitId] = attrs.field(
        repr=v.set_repr,
        converter=_units,
        validator=[v.collection(frozenset, "unit ids"), v.non_empty, v.identifiers],
    )
    valid_from: dt.date = attrs.field(validator=v.day)
    valid_until: dt.date | None = attrs.field(
        default=None, validator=[v.optional_day, v.not_before("valid_from")]
    )
    withdrawn_on: dt.date | None = attrs.field(
        default=None, validator=[v.optional_day, v.not_before("valid_from")]
    )

    @giver.validator
    def _check_giver(self, attribute: attrs.Attribute[Any], value: ConsentGiver) -> None:
        if value is ConsentGiver.SELF and self.given_by != self.subject:
            raise v.fail(
                self,
                attribute.name,
                value,
                "custodian when given_by is not the subject",
                "consent_giver",
            )
        if value is ConsentGiver.CUSTODIAN and self.given_by == self.subject:
            raise v.fail(
                self, attribute.name, value, "self when given_by is the subject", "consent_giver"
            )

    def is_valid_on(self, day: dt.date) -> bool:
        """Whether the consent is in force on *day*."""
        if day < self.valid_from:
            return False
        if self.valid_until is not None and day > self.valid_until:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on

    def covers(self, unit: UnitId, scope: DataScope, *, on: dt.date) -> bool:
        """Whether *scope* of the subject's data may be shared with *unit* on *on*."""
        return self.is_valid_on(on) and unit in self.units and scope in self.scopes

    def withdrawn(self, *, on: dt.date) -> Consent:
        """A copy withdrawn from *on* onwards.

        Raises:
            InvalidModelError: it was already withdrawn, or *on* is before it was valid.
        """
        if self.withdrawn_on is not None:
            raise v.fail(
                self,
                "withdrawn_on",
                self.withdrawn_on,
                "None (not yet withdrawn)",
                "already_withdrawn",
            )
        return attrs.evolve(self, withdrawn_on=on)
