"""Declarations of will about a person's data: consents, refused consents and prohibitions.

A :class:`Consent` is what the client (or their legal representative) declared about sharing
their data with named units or people: that it may be shared (a consent, *luovutuslupa*),
that they were asked and refused, or that it must not be shared (a prohibition, *kielto*). The
Kanta will-declaration service stores the same two kinds of document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import ConsentId, FamilyId, PersonId, UnitId
from openco.model.label import LabelledEnum

__all__ = ["Consent", "ConsentDecision", "ConsentGiver", "DataScope"]


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


class ConsentDecision(LabelledEnum):
    """What a declaration says: may be shared, consent refused, or sharing forbidden."""

    GIVEN = ("given", "suostumus annettu", "samtycke givet", "consent given")
    REFUSED = ("refused", "suostumuksesta kieltäydytty", "samtycke vägrat", "consent refused")
    PROHIBITED = (
        "prohibited",
        "luovutus kielletty (kielto)",
        "utlämnande förbjudet (förbud)",
        "disclosure forbidden (prohibition)",
    )


def _people(value: Iterable[PersonId]) -> frozenset[PersonId]:
    return v.to_frozenset(value)


def _scopes(value: Iterable[DataScope]) -> frozenset[DataScope]:
    return v.to_frozenset(value)


def _units(value: Iterable[UnitId]) -> frozenset[UnitId]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class Consent:
    """Consent given by *given_by* to share *scopes* of *subject*'s data with *units*.

    A child who understands the matter consents personally (``giver=SELF``); otherwise a
    custodian does. *judged_capable* records the worker's judgement of whether the child can
    understand the matter (``None``: not judged; the workflow then takes a child of 12 or over
    as able). A consent is valid from *valid_from* up to and including *valid_until*, unless
    withdrawn earlier; a withdrawal is a new value, made with :meth:`withdrawn`, and ends the
    consent whatever copy is passed later. *decision* says whether the data may be shared
    (``GIVEN``), the client was asked and refused (``REFUSED``) or forbade the sharing
    (``PROHIBITED``, a *kielto*: it blocks the sharing until withdrawn). The recipients are
    *units* and, for a person outside any unit such as a parent without custody, *people*.

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
        validator=[v.collection(frozenset, "unit ids"), v.identifiers],
    )
    valid_from: dt.date = attrs.field(validator=v.day)
    valid_until: dt.date | None = attrs.field(
        default=None, validator=[v.optional_day, v.not_before("valid_from")]
    )
    withdrawn_on: dt.date | None = attrs.field(
        default=None, validator=[v.optional_day, v.not_before("valid_from")]
    )
    decision: ConsentDecision = attrs.field(
        default=ConsentDecision.GIVEN, validator=v.member_of(ConsentDecision)
    )
    people: frozenset[PersonId] = attrs.field(
        repr=v.set_repr,
        default=frozenset(),
        converter=_people,
        validator=[v.collection(frozenset, "person ids"), v.identifiers],
    )
    judged_capable: bool | None = attrs.field(default=None)

    @people.validator
    def _check_recipients(self, _attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        if not value and not self.units:
            raise v.fail(
                self, "units", self.units, "at least one unit (or a person in people)", "non_empty"
            )

    @judged_capable.validator
    def _check_judgement(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, bool):
            raise v.fail(self, attribute.name, value, "None, True or False", "boolean")

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
        """Whether *scope* of the subject's data may be shared with *unit* on *on*.

        Only a consent that was given covers anything; a refused consent or a prohibition
        never does.
        """
        return (
            self.decision is ConsentDecision.GIVEN
            and self.is_valid_on(on)
            and unit in self.units
            and scope in self.scopes
        )

    def names(self, recipient: str) -> bool:
        """Whether *recipient* (a unit's or a person's id) is among the recipients."""
        return recipient in self.units or recipient in self.people

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
