"""L19: the child's own view, or why it was not sought, is in the plan (Child Welfare Act §20).

The child whose case it is (the concern's child) is heard: a plan agreed when that child is 12
or over on the day of the agreement (:data:`~openco.model.HEARD_AGE`, the child's age from the
records) must hold the child's own view (``Plan.child_views``) or the reason it was not sought
(``Plan.views_not_sought``); so must a plan revised at a follow-up (``FollowUp.plan``). For a
younger child the plan may record either and is not refused without them: the child's age and
development decide how the view is found out.
"""

from __future__ import annotations

from openco.errors import Refusal
from openco.model.person import HEARD_AGE
from openco.model.plan import Plan
from openco.process.case import Case, StepTaken
from openco.process.details import FollowUp
from openco.process.participation import age_on
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["L19"]


def _check_child_view(
    case: Case, record: StepTaken, _settings: Settings, records: Records
) -> tuple[Refusal, ...]:
    plan = record.detail
    if isinstance(plan, FollowUp):
        plan = plan.plan  # a plan revised at the follow-up is agreed anew
    if not isinstance(plan, Plan):
        return NO
    family = records.family(case.family.id)
    if family is None:
        return NO  # W4 refuses a family the records do not know
    child = case.concern.child
    age = age_on(family, child, plan.agreed_on)
    if age is None or age < HEARD_AGE or plan.heard(child):
        return NO
    return (L19.refuse("no_view", child=child, age=age, on=plan.agreed_on),)


L19 = Rule(
    code="L19",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Lapsen oma näkemys tai syy sen selvittämättä jättämiseen kirjataan suunnitelmaan",
        "Barnets egen synpunkt, eller varför den inte utretts, registreras i planen",
        "The child's own view, or why it was not sought, is recorded in the plan",
    ),
    basis=(
        "Child Welfare Act (lastensuojelulaki 417/2007) §20: the child's wishes and views are "
        "found out and taken into account according to the child's age and development; they "
        "may be left unsought only where that would endanger the child's health or development "
        "or is otherwise manifestly unnecessary; a child of 12 or over is heard in a matter "
        "concerning them (Administrative Procedure Act §34)"
    ),
    source="Domain brief §6.5a (the child's participation) [GK]; issue #8 point 5",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "no_view": Labels(
            "Lapsi {child} on {age}-vuotias ({on}): kirjaa suunnitelmaan lapsen oma näkemys "
            "tai syy, miksi sitä ei selvitetty (LsL 20 §).",
            "Barnet {child} är {age} år ({on}): registrera barnets egen synpunkt i planen, "
            "eller varför den inte utreddes (BSL 20 §).",
            "The child {child} is {age} ({on}): record the child's own view in the plan, or "
            "why it was not sought (Child Welfare Act §20).",
        ),
    },
    check=_check_child_view,
)
