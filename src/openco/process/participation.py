"""Who makes "the family present" at a meeting, and how old a child is on a day, by the records.

The practice rule P13 (nothing about the family without the family) and the invariants of the
testing kit ask the same question: did the family take part? openco answers it from the
records, never from the roles a caller wrote on the meeting:

* the family is present when a **custodian** of the child takes part: a participant (in any
  role but a worker's) whom ``Family.custody`` in the records shows as a custodian of the
  child; a parent without custody alone never makes the family present (domain brief §6.5a);
* where the custodians are absent, the family is present when **the child**, aged 12 or over
  on the day of the meeting (:data:`~openco.model.HEARD_AGE`), takes part in the child's role
  and the meeting records why the custodians are absent
  (:attr:`Meeting.custodians_absent <openco.model.Meeting.custodians_absent>`).

>>> import datetime as dt
>>> from openco.model import (AbsenceReason, AreaId, Custody, CustodiansAbsent, CustodyKind,
...     Family, FamilyId, MeetingId, MeetingKind, Participant, Person)
>>> mum = Person(id=PersonId("mum"), name="Laura", birth_date=dt.date(1980, 1, 2))
>>> dad = Person(id=PersonId("dad"), name="Mikko", birth_date=dt.date(1979, 5, 6))
>>> kid = Person(id=PersonId("kid"), name="Eero", birth_date=dt.date(2013, 6, 1))
>>> family = Family(id=FamilyId("f1"), members=(mum, dad, kid), home_area=AreaId("a"),
...     custody=(Custody(child=kid.id, adult=mum.id, kind=CustodyKind.CUSTODIAL_PARENT),
...              Custody(child=kid.id, adult=dad.id, kind=CustodyKind.NON_CUSTODIAL_PARENT)))
>>> def meeting(*people, absent=None):
...     return Meeting(id=MeetingId("m1"), kind=MeetingKind.CLIENT_MEETING,
...         held_on=dt.date(2026, 3, 2), family=family.id, custodians_absent=absent,
...         participants=[Participant(person=p, role=r) for p, r in people])
>>> family_present(meeting((mum.id, MeetingRole.CUSTODIAN)), family=family, child=kid.id)
True
>>> family_present(meeting((dad.id, MeetingRole.PARENT)), family=family, child=kid.id)
False
>>> eero_alone = meeting((kid.id, MeetingRole.CHILD),
...     absent=CustodiansAbsent(reason=AbsenceReason.CHILD_ASKED))
>>> family_present(eero_alone, family=family, child=kid.id)  # Eero is 12 on the day
True
"""

from __future__ import annotations

import datetime as dt

from openco.model.family import Family
from openco.model.ids import PersonId
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting, MeetingRole
from openco.model.person import HEARD_AGE

__all__ = ["Presence", "age_on", "family_present", "presence"]


def age_on(family: Family, person: PersonId, day: dt.date) -> int | None:
    """*person*'s age in whole years on *day* by *family*'s records.

    ``None`` when the family has no such member or the member was not yet born on *day*.
    """
    for member in family.members:
        if member.id == person:
            born = member.birth_date
            if born > day:
                return None
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return None


class Presence(LabelledEnum):
    """How the family took part in a meeting, as the records show it."""

    CUSTODIAN = (
        "custodian",
        "lapsen huoltaja osallistui",
        "en vårdnadshavare för barnet deltog",
        "a custodian of the child took part",
    )
    CHILD = (
        "child",
        "12 vuotta täyttänyt lapsi osallistui, huoltajien poissaolon syy kirjattu",
        "barnet, som fyllt 12 år, deltog; skälet till vårdnadshavarnas frånvaro registrerat",
        "the child of 12 or over took part, the custodians' absence recorded",
    )
    PARENT_ALONE = (
        "parent_alone",
        "vain vanhempi, jolla ei ole huoltoa, osallistui",
        "bara en förälder utan vårdnad deltog",
        "only a parent without custody took part",
    )
    CHILD_TOO_YOUNG = (
        "child_too_young",
        "lapsi osallistui ilman huoltajaa, mutta on alle 12-vuotias",
        "barnet deltog utan vårdnadshavare men är under 12 år",
        "the child took part without a custodian but is under 12",
    )
    ABSENCE_NOT_RECORDED = (
        "absence_not_recorded",
        "lapsi osallistui ilman huoltajaa, eikä poissaolon syytä ole kirjattu",
        "barnet deltog utan vårdnadshavare och skälet till frånvaron är inte registrerat",
        "the child took part without a custodian and the reason is not recorded",
    )
    ABSENT = (
        "absent",
        "huoltaja ei osallistunut eikä lapsi",
        "varken en vårdnadshavare eller barnet deltog",
        "neither a custodian nor the child took part",
    )

    @property
    def is_present(self) -> bool:
        """Whether the family counts as present."""
        return self is Presence.CUSTODIAN or self is Presence.CHILD


def presence(meeting: Meeting, *, family: Family, child: PersonId) -> Presence:
    """How the family of *child* took part in *meeting*, judged by *family* as the records hold it.

    :attr:`Presence.CUSTODIAN` or :attr:`Presence.CHILD` when the family is present
    (:attr:`Presence.is_present`), otherwise why not. The child's age is taken on the day the
    meeting was held.
    """
    custodians = {c.adult for c in family.custody if c.child == child and c.kind.is_custodian}
    parents = {c.adult for c in family.custody if c.child == child}
    child_there = parent_there = False
    for participant in meeting.participants:
        role, person = participant.role, participant.person
        if role.is_professional:
            continue
        if person in custodians:
            return Presence.CUSTODIAN
        if person == child and role is MeetingRole.CHILD:
            child_there = True
        elif person in parents:
            parent_there = True
    if child_there:
        age = age_on(family, child, meeting.held_on)
        if age is None or age < HEARD_AGE:
            return Presence.CHILD_TOO_YOUNG
        return (
            Presence.CHILD
            if meeting.custodians_absent is not None
            else Presence.ABSENCE_NOT_RECORDED
        )
    return Presence.PARENT_ALONE if parent_there else Presence.ABSENT


def family_present(meeting: Meeting, *, family: Family, child: PersonId) -> bool:
    """Whether "the family" was present at *meeting* for *child*, by *family*'s records.

    True when a custodian of *child* (per ``family.custody``) took part in a role other than a
    worker's, or, with no custodian there and :attr:`Meeting.custodians_absent` recorded, when
    *child* took part in the child's role aged 12 or over on ``meeting.held_on``. A parent
    without custody alone never makes the family present.
    """
    return presence(meeting, family=family, child=child).is_present
