"""L8: the case is about a child (under 18) of the family."""

from __future__ import annotations

import datetime as dt

from openco.errors import Refusal
from openco.model.person import CHILD_AGE_LIMIT
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["L8", "check_opening"]


L8 = Rule(
    code="L8",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Lapsi on alle 18-vuotias perheen jäsen",
        "Ett barn är en familjemedlem under 18 år",
        "A child is a family member under 18",
    ),
    basis=(
        "Child Welfare Act §6 (a child is under 18), §26 (a child of 12 may apply), §75 "
        "(aftercare until 25)"
    ),
    source="THL [S38]; Lapsiasiavaltuutettu [S58]; domain brief §6.1",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "not_child": Labels(
            "{child} ei ole alle 18-vuotias päivänä {on}.",
            "{child} är inte under 18 år den {on}.",
            "{child} is not under 18 on {on}.",
        ),
        "not_member": Labels(
            "{child} ei ole perheen {family} jäsen.",
            "{child} är inte medlem i familjen {family}.",
            "{child} is not a member of the family {family}.",
        ),
        "other_family": Labels(
            "Huoli koskee perhettä {concern_family}, ei perhettä {family}.",
            "Oron gäller familjen {concern_family}, inte familjen {family}.",
            "The concern is about the family {concern_family}, not the family {family}.",
        ),
    },
)


def check_opening(
    case: Case, _record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    """The L8 check of a new case: the concern is about a child of the given family."""
    concern, family = case.concern, case.family
    if concern.family != family.id:
        return (L8.refuse("other_family", concern_family=concern.family, family=family.id),)
    members = {m.id: m for m in family.members}
    child = members.get(concern.child)
    if child is None:
        return (L8.refuse("not_member", child=concern.child, family=family.id),)
    if not _is_child_on(child.birth_date, concern.noticed_on):
        return (L8.refuse("not_child", child=concern.child, on=concern.noticed_on),)
    return NO


def _is_child_on(birth: dt.date, day: dt.date) -> bool:
    """Born by *day* and under 18 on it (as ``Person.is_child_on``, without relativedelta)."""
    if birth > day:
        return False
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return years < CHILD_AGE_LIMIT
