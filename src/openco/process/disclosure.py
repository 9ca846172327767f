"""Whether identifying data of a case may reach a unit or a person on a day, and why.

Every person who hears about the family learns identifying data: a professional taking part
in a meeting (facilitators included), a worker or unit receiving a hand-over, a professional
named responsible for a plan item, a unit consulted or invited, a parent without custody.
Each needs a consent in scope (its data scopes, its recipients, its validity on the day the
disclosure happens) or a stated statutory basis for that recipient. :func:`may_disclose`
answers the question for one recipient; rule L7 asks it for everyone a step would tell, and
an embedding system (or openco's store) can ask it before it shows a case to someone.

The latest state of a declaration counts: consents are kept by id, and a withdrawal recorded
on any step ends the consent for every later disclosure, whatever copy is passed afterwards.
A refused consent covers nothing; a prohibition (*kielto*) blocks the disclosure to the
recipients it names until withdrawn, unless a statutory basis is stated for that recipient. A
child's own declaration counts only when the child can give it (the worker's judgement
recorded on it, or by default 12 years or over on the day); then the child's, not the
custodian's, consent is needed. A parent without custody takes part only with a custodian's
consent naming them, and the child's as well when the child can give it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from openco.errors import Refusal
from openco.model.consent import Consent, ConsentDecision, ConsentGiver, DataScope
from openco.model.family import Family
from openco.model.ids import ConsentId, PersonId, UnitId
from openco.model.label import LabelledEnum
from openco.model.person import CHILD_AGE_LIMIT
from openco.process.case import Case, merge_consents
from openco.process.details import StatutoryBasis
from openco.process.records import Records

if TYPE_CHECKING:
    from openco.process.rules.rule import Rule

__all__ = [
    "CAPABLE_AGE",
    "Disclosure",
    "DisclosureGrounds",
    "Judge",
    "child_can_decide",
    "consent_states",
    "may_disclose",
    "refusals_for",
]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_SELF: Final = ConsentGiver.SELF
_PROHIBITED: Final = ConsentDecision.PROHIBITED
_REFUSED: Final = ConsentDecision.REFUSED

CAPABLE_AGE: Final = 12
"""The age from which a child is taken as able to consent for themself, unless the worker has
recorded another judgement (Child Welfare Act §20, Administrative Procedure Act §34)."""


class DisclosureGrounds(LabelledEnum):
    """Why a disclosure may (or may not) happen."""

    SAME_UNIT = ("same_unit", "sama yksikkö", "samma enhet", "the case's own unit")
    CONSENT = ("consent", "suostumus", "samtycke", "consent")
    STATUTORY_BASIS = ("statutory_basis", "lakiperuste", "laglig grund", "statutory basis")
    NONE = ("none", "ei perustetta", "ingen grund", "no grounds")


@attrs.frozen(kw_only=True)
class Disclosure:
    """The answer to "may *recipient* receive these data of the case on *on*?", with the why.

    *recipient* is a unit's id or a person's; *consents* are the ids of the consents that
    cover it; *basis* the statutory basis relied on; *across_controllers* whether the data
    would leave the case unit's data controller (``None`` if a unit is unknown or the
    recipient is a person); *reasons* the coded refusals (empty when *allowed*).
    """

    allowed: bool
    recipient: str
    on: dt.date
    scopes: frozenset[DataScope]
    grounds: DisclosureGrounds
    consents: tuple[ConsentId, ...] = ()
    basis: StatutoryBasis | None = None
    across_controllers: bool | None = None
    reasons: tuple[Refusal, ...] = ()


def consent_states(consents: Iterable[Consent]) -> Mapping[ConsentId, Consent]:
    """The latest state of each declaration, by id, from copies given in order.

    The latest copy of a consent is its state, except that a withdrawal is final: the
    earliest withdrawal any copy records stays, so an older copy passed again does not revive
    the consent, and a refusal or prohibition recorded for an id is not undone by a copy
    that says "given".

    >>> from openco.model import FamilyId
    >>> given = Consent(id=ConsentId("k1"), family=FamilyId("f"), subject=PersonId("c"),
    ...     given_by=PersonId("m"), giver=ConsentGiver.CUSTODIAN, scopes={DataScope.CONCERN},
    ...     units={UnitId("clinic")}, valid_from=dt.date(2026, 3, 1))
    >>> state = consent_states([given, given.withdrawn(on=dt.date(2026, 4, 1)), given])
    >>> state[ConsentId("k1")].withdrawn_on
    datetime.date(2026, 4, 1)
    """
    return merge_consents({}, consents)


def _age_on(family: Family, person: PersonId, day: dt.date) -> int | None:
    for member in family.members:
        if member.id == person:
            birth = member.birth_date
            return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return None


def child_can_decide(consent: Consent, family: Family, day: dt.date) -> bool:
    """Whether the subject may decide on their own data on *day*, per this declaration.

    The worker's judgement recorded on the declaration decides; without one, a child of
    :data:`CAPABLE_AGE` or over (and every adult) can.
    """
    if consent.judged_capable is not None:
        return consent.judged_capable
    age = _age_on(family, consent.subject, day)
    return age is not None and (age >= CAPABLE_AGE or age >= CHILD_AGE_LIMIT)


class _Judged:
    """The consents that bear on one recipient: covering, prohibiting, refusing, or why none."""

    __slots__ = ("blocked", "covered", "invalid", "refused")

    def __init__(
        self,
        covered: tuple[ConsentId, ...],
        blocked: tuple[ConsentId, ...],
        refused: tuple[ConsentId, ...],
        invalid: str | None,
    ) -> None:
        self.covered = covered
        self.blocked = blocked
        self.refused = refused
        self.invalid = invalid


class Judge:
    """The disclosures of one step, judged by the same case, records, family and consents.

    What does not depend on the recipient (whose consent counts for the child on a day) is
    worked out once, and a recipient judged twice (two facilitators of one unit) is answered
    from the first judgement. For a rule that checks many recipients; the answers are those
    of :func:`refusals_for`.
    """

    __slots__ = ("_ages", "_custodians", "_seen", "case", "family", "records", "states")

    def __init__(
        self,
        case: Case,
        records: Records,
        family: Family,
        states: Mapping[ConsentId, Consent],
    ) -> None:
        self.case = case
        self.records = records
        self.family = family
        self.states = states
        self._custodians: frozenset[PersonId] | None = None
        self._ages: dict[tuple[PersonId, dt.date], int | None] = {}
        self._seen: dict[tuple[object, ...], tuple[Refusal, ...]] = {}

    def refusals(
        self,
        *,
        on: dt.date,
        scopes: frozenset[DataScope],
        unit: UnitId | None = None,
        person: PersonId | None = None,
        basis: StatutoryBasis | None = None,
    ) -> tuple[Refusal, ...]:
        """The refusals of :func:`may_disclose` alone (empty: allowed)."""
        key = (unit, person, scopes, on, id(basis))
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._judge(on, scopes, unit, person, basis)
        return found

    def _judge(
        self,
        on: dt.date,
        scopes: frozenset[DataScope],
        unit: UnitId | None,
        person: PersonId | None,
        basis: StatutoryBasis | None,
    ) -> tuple[Refusal, ...]:
        case = self.case
        if unit is not None and (unit == case.unit or _basis_covers(basis, unit, self.records)):
            return ()
        recipient = str(unit if unit is not None else person)
        judged = self.consents(recipient, scopes, on)
        if judged.covered and not judged.blocked and person is None:
            return ()
        return _refusals(self, judged, recipient, scopes, on, basis, unit, person)

    def custodian(self, adult: PersonId) -> bool:
        """Whether *adult* has custody of the case's child (per the family)."""
        custodians = self._custodians
        if custodians is None:
            custodians = frozenset(self.family.custodians_of(self.case.concern.child))
            self._custodians = custodians
        return adult in custodians

    def age(self, person: PersonId, day: dt.date) -> int | None:
        """*person*'s age on *day*, ``None`` if they are not a member of the family."""
        key = (person, day)
        ages = self._ages
        if key in ages:
            return ages[key]
        age = ages[key] = _age_on(self.family, person, day)
        return age

    def can_decide(self, consent: Consent, day: dt.date) -> bool:
        """:func:`child_can_decide` for *consent* on *day*."""
        if consent.judged_capable is not None:
            return consent.judged_capable
        age = self.age(consent.subject, day)
        return age is not None and (age >= CAPABLE_AGE or age >= CHILD_AGE_LIMIT)

    def counts(self, consent: Consent, day: dt.date, *, agreement: bool = False) -> str | None:
        """``None`` if *consent* is a valid declaration for the case's child, else why not.

        With *agreement* (a parent without custody taking part) a custodian's declaration
        counts even where the child can decide: both are needed then.
        """
        case = self.case
        if consent.subject != case.concern.child or consent.family != case.family.id:
            return "other_subject"
        capable = self.can_decide(consent, day)
        if consent.giver is _SELF:
            return None if capable else "child_not_capable"
        if not self.custodian(consent.given_by):
            return "not_custodian"
        return "child_decides" if capable and not agreement else None

    def consents(
        self,
        recipient: str,
        scopes: frozenset[DataScope],
        on: dt.date,
        *,
        giver: ConsentGiver | None = None,
        agreement: bool = False,
    ) -> _Judged:
        """The consents in their latest state that bear on *recipient* on *on*."""
        covered: list[ConsentId] = []
        blocked: list[ConsentId] = []
        refused: list[ConsentId] = []
        invalid: str | None = None
        missing = set(scopes)
        for consent in self.states.values():
            if not consent.names(recipient) or not consent.is_valid_on(on):
                continue
            why = self.counts(consent, on, agreement=agreement)
            if why is not None:
                invalid = invalid or why
                continue
            if giver is not None and consent.giver is not giver:
                continue
            decision = consent.decision
            if decision is _PROHIBITED:
                blocked.append(consent.id)
            elif decision is _REFUSED:
                refused.append(consent.id)
            elif consent.scopes & missing:
                covered.append(consent.id)
                missing -= consent.scopes
        return _Judged(
            tuple(covered) if not missing else (), tuple(blocked), tuple(refused), invalid
        )


def _basis_covers(basis: StatutoryBasis | None, unit: UnitId | None, records: Records) -> bool:
    if basis is None or unit is None or unit not in basis.units:
        return False
    found = records.unit(unit)
    return found is not None and found.kind.is_social_services


def may_disclose(
    case: Case,
    *,
    records: Records,
    on: dt.date,
    unit: UnitId | None = None,
    person: PersonId | None = None,
    scopes: Iterable[DataScope] = (DataScope.CONCERN,),
    basis: StatutoryBasis | None = None,
    consents: Iterable[Consent] = (),
) -> Disclosure:
    """May *unit* (or *person*) receive *scopes* of the case's identifying data on *on*?

    The answer weighs the consents of the case and *consents* (given now) in their latest
    state, any prohibition naming the recipient, and *basis*, a statutory basis stated for
    this disclosure. Data staying in the case's own unit is no disclosure. A person is a
    parent without custody or anyone else outside the units: they need a custodian's consent
    naming them, and the child's too when the child can decide.

    Raises:
        ValueError: neither or both of *unit* and *person* are given.
    """
    if (unit is None) == (person is None):
        raise ValueError("may_disclose: give exactly one of unit= and person=")
    wanted = frozenset(scopes)
    family = records.family(case.family.id) or case.family
    states = case.consent_states()
    if consents:
        states = merge_consents(states, consents)
    judge = Judge(case, records, family, states)
    recipient = str(unit if unit is not None else person)
    across: bool | None = None
    if unit is not None:
        if unit == case.unit:
            return Disclosure(
                allowed=True, recipient=recipient, on=on, scopes=wanted,
                grounds=DisclosureGrounds.SAME_UNIT, across_controllers=False,
            )  # fmt: skip
        own, other = records.unit(case.unit), records.unit(unit)
        across = None if own is None or other is None else not own.same_controller(other)
    judged = judge.consents(recipient, wanted, on)
    if _basis_covers(basis, unit, records):
        return Disclosure(
            allowed=True, recipient=recipient, on=on, scopes=wanted,
            grounds=DisclosureGrounds.STATUTORY_BASIS, basis=basis, across_controllers=across,
        )  # fmt: skip
    reasons = _refusals(judge, judged, recipient, wanted, on, basis, unit, person)
    if reasons:
        return Disclosure(
            allowed=False, recipient=recipient, on=on, scopes=wanted,
            grounds=DisclosureGrounds.NONE, across_controllers=across, reasons=reasons,
        )  # fmt: skip
    covered = judged.covered or tuple(c.id for c in states.values() if c.names(recipient))
    return Disclosure(
        allowed=True, recipient=recipient, on=on, scopes=wanted,
        grounds=DisclosureGrounds.CONSENT, consents=covered, across_controllers=across,
    )  # fmt: skip


def refusals_for(
    case: Case,
    records: Records,
    family: Family,
    states: Mapping[ConsentId, Consent],
    *,
    on: dt.date,
    scopes: frozenset[DataScope],
    unit: UnitId | None = None,
    person: PersonId | None = None,
    basis: StatutoryBasis | None = None,
) -> tuple[Refusal, ...]:
    """The refusals of :func:`may_disclose` alone (empty: allowed).

    For a rule that checks many recipients of one step: *family* is the records' family and
    *states* the :func:`consent_states` of the case and the step, both computed once. A
    :class:`Judge` answers many such questions for one step faster.
    """
    return Judge(case, records, family, states).refusals(
        on=on, scopes=scopes, unit=unit, person=person, basis=basis
    )


def _refusals(  # noqa: PLR0911, PLR0917 - one reason per way a disclosure fails
    judge: Judge,
    judged: _Judged,
    recipient: str,
    scopes: frozenset[DataScope],
    on: dt.date,
    basis: StatutoryBasis | None,
    unit: UnitId | None,
    person: PersonId | None,
) -> tuple[Refusal, ...]:
    l7 = _l7()
    case = judge.case
    if judged.blocked:
        return (l7.refuse("prohibited", recipient=recipient, on=on),)
    if person is not None:
        # A parent without custody: a custodian's agreement, and the child's too where the
        # child can decide.
        custodian_side = judge.consents(
            recipient, scopes, on, giver=ConsentGiver.CUSTODIAN, agreement=True
        )
        if not custodian_side.covered:
            return (l7.refuse("parent", recipient=recipient),)
        if (
            _child_capable_now(judge, on)
            and not judge.consents(recipient, scopes, on, giver=ConsentGiver.SELF).covered
        ):
            return (l7.refuse("parent_child", recipient=recipient),)
        return ()
    if judged.covered:
        return ()
    if basis is not None and unit is not None:
        key = "basis_recipient" if unit not in basis.units else "basis_provision"
        return (l7.refuse(key, recipient=recipient, provision=basis.provision),)
    if judged.refused:
        return (l7.refuse("refused", recipient=recipient),)
    if judged.invalid == "child_not_capable":
        return (l7.refuse("child_not_capable", recipient=recipient, child=case.concern.child),)
    if judged.invalid == "child_decides":
        return (l7.refuse("child_decides", recipient=recipient, child=case.concern.child),)
    return (l7.refuse("consent", recipient=recipient, scopes=scopes, on=on),)


def _l7() -> Rule:
    from openco.process.rules.legal.disclosure import L7  # noqa: PLC0415 - the rule imports us

    return L7


def _child_capable_now(judge: Judge, on: dt.date) -> bool:
    """Whether the case's child can decide on *on*: the latest recorded judgement, else age."""
    child = judge.case.concern.child
    judgement: bool | None = None
    for consent in judge.states.values():
        if consent.subject == child and consent.judged_capable is not None:
            judgement = consent.judged_capable
    if judgement is not None:
        return judgement
    age = judge.age(child, on)
    return age is not None and age >= CAPABLE_AGE
