"""L19: the child's participation in the plan (Child Welfare Act §20).

"The child's wishes and views are found out and taken into account according to age and
maturity; a child of 12 or over is heard in matters concerning them" (domain brief §6.5a).
Issue #8 point 5: "every plan records the child's own view or why it was not sought, and for a
child of 12 or over the plan is not agreed without one of them".
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.process.test_family_present import WORKER, case_of, twelve_year_old_cast

from openco.errors import Refusal, RuleConfigurationError, TransitionNotAllowedError
from openco.model import (
    HEARD_AGE,
    Consent,
    ConsentGiver,
    ConsentId,
    Family,
    NoViewReason,
    Person,
    PersonId,
    Plan,
    PlanId,
    View,
    ViewNotSought,
)
from openco.process import (
    DEFAULT_WORKFLOW,
    RULES,
    ActorRole,
    FollowUp,
    Settings,
    Step,
    StepTaken,
    advance,
    open_case,
)
from openco.testing import families, plans
from openco.testing.workflow import Attempt, Cast, good_path, make_cast

L19 = RULES["L19"]


def l19(cast: Cast, plan: Plan) -> tuple[Refusal, ...]:
    """What L19 says of agreeing *plan* in the cast's case, judged by the cast's records."""
    assert L19.check is not None
    record = StepTaken(
        step=Step.AGREE_PLAN, actor=WORKER, role=ActorRole.WORKER, on=plan.agreed_on, detail=plan
    )
    return L19.check(case_of(cast.family, cast.child), record, Settings(), cast.records)


def the_plan(cast: Cast, **changes: object) -> Plan:
    plan = next(a.detail for a in good_path(cast) if a.step is Step.AGREE_PLAN)
    assert isinstance(plan, Plan)
    return attrs.evolve(plan, **changes)  # type: ignore[arg-type]


class TestTheBasis:
    def test_quotes_section_20(self) -> None:
        assert "Child Welfare Act (lastensuojelulaki 417/2007) §20" in L19.basis
        assert "a child of 12 or over is heard" in L19.basis

    def test_is_a_legal_rule_a_municipality_cannot_switch_off(self) -> None:
        with pytest.raises(RuleConfigurationError):
            DEFAULT_WORKFLOW.configured(disabled=["L19"])

    def test_guards_the_agreement_of_a_plan_and_its_revision_at_a_follow_up(self) -> None:
        rows = [t for t in DEFAULT_WORKFLOW.transitions if L19 in t.rules]
        assert sorted({row.step.value for row in rows}) == ["agree_plan", "follow_up"]


class TestAPlanRevisedAtTheFollowUp:
    """A plan revised at the follow-up is agreed anew: §20 asks the child's view again."""

    def test_a_revised_plan_for_a_twelve_year_old_without_her_view_is_refused(self) -> None:
        cast = twelve_year_old_cast()
        revised = the_plan(cast, child_views=(), views_not_sought=())
        record = StepTaken(
            step=Step.FOLLOW_UP,
            actor=WORKER,
            role=ActorRole.WORKER,
            on=revised.agreed_on,
            detail=FollowUp(plan=revised),
        )
        assert L19.check is not None

        (refusal,) = L19.check(case_of(cast.family, cast.child), record, Settings(), cast.records)

        assert refusal.key == "no_view"
        assert "LsL 20 §" in refusal.message("fi")

    def test_a_revised_plan_with_her_view_passes(self) -> None:
        cast = twelve_year_old_cast()
        revised = the_plan(
            cast, child_views=(View(person=cast.child, text="I want to keep the Tuesdays"),)
        )
        record = StepTaken(
            step=Step.FOLLOW_UP,
            actor=WORKER,
            role=ActorRole.WORKER,
            on=revised.agreed_on,
            detail=FollowUp(plan=revised),
        )
        assert L19.check is not None

        assert L19.check(case_of(cast.family, cast.child), record, Settings(), cast.records) == ()


class TestATwelveYearOld:
    def test_a_plan_for_a_twelve_year_old_without_her_view_or_a_reason_is_refused(self) -> None:
        cast = twelve_year_old_cast()  # Aino is 12 on the day the plan is agreed

        (refusal,) = l19(cast, the_plan(cast))

        assert (refusal.rule, refusal.key) == ("L19", "no_view")
        assert refusal.param("age") == 12
        assert "LsL 20 §" in refusal.message("fi")
        assert "BSL 20 §" in refusal.message("sv")
        assert "record the child's own view in the plan" in refusal.message("en")

    def test_her_own_view_in_her_own_words_will_do(self) -> None:
        cast = twelve_year_old_cast()
        plan = the_plan(cast, child_views=(View(person=cast.child, text="I want to walk alone"),))

        assert l19(cast, plan) == ()

    @pytest.mark.parametrize("reason", list(NoViewReason), ids=lambda r: r.value)
    def test_a_recorded_reason_why_it_was_not_sought_will_do(self, reason: NoViewReason) -> None:
        cast = twelve_year_old_cast()
        not_sought = ViewNotSought(child=cast.child, reason=reason, explanation="She said no")
        plan = the_plan(cast, views_not_sought=(not_sought,))

        assert l19(cast, plan) == ()

    def test_her_mothers_view_is_not_hers(self) -> None:
        cast = twelve_year_old_cast()
        plan = the_plan(cast, child_views=(View(person=cast.custodian, text="She is fine"),))

        assert [r.key for r in l19(cast, plan)] == ["no_view"]

    def test_a_siblings_view_does_not_stand_for_hers(self) -> None:
        cast = twelve_year_old_cast()
        brother = Person(id=PersonId("p-bro"), name="Eero", birth_date=dt.date(2016, 1, 1))
        family = cast.family.with_member(brother)
        cast = attrs.evolve(cast, family=family, records=cast.records.with_family(family))
        plan = the_plan(cast, child_views=(View(person=brother.id, text="I like football"),))

        assert [r.key for r in l19(cast, plan)] == ["no_view"]

    def test_the_age_is_taken_on_the_day_the_plan_is_agreed(self) -> None:
        cast = twelve_year_old_cast()  # Aino was born on 1 June 2013
        eleven = the_plan(cast, agreed_on=dt.date(2025, 5, 31), follow_up_on=None)
        twelve = attrs.evolve(eleven, agreed_on=dt.date(2025, 6, 1))

        assert l19(cast, eleven) == ()
        assert [r.key for r in l19(cast, twelve)] == ["no_view"]

    def test_through_the_workflow_a_twelve_year_olds_plan_needs_her_view(self) -> None:
        cast = twelve_year_old_cast()
        path = list(good_path(cast))
        # At 12 Aino decides on disclosure herself (L7): she consents too, and takes part.
        agree_to_meet = next(i for i, a in enumerate(path) if a.step is Step.AGREE_TO_MEET)
        given = path[agree_to_meet].consents[0]
        hers = attrs.evolve(
            given, id=ConsentId("k-aino"), given_by=cast.child, giver=ConsentGiver.SELF
        )
        assert isinstance(hers, Consent)
        path[agree_to_meet] = attrs.evolve(path[agree_to_meet], consents=(given, hers))
        case = open_case(cast.concern, family=cast.family, on=cast.opened_on, records=cast.records)
        for attempt in path:
            if attempt.step is Step.AGREE_PLAN:
                break
            case = attempt.apply(case)
        agree: Attempt = next(a for a in path if a.step is Step.AGREE_PLAN)
        assert isinstance(agree.detail, Plan)

        with pytest.raises(TransitionNotAllowedError) as error:
            agree.apply(case)
        assert [(r.rule, r.key) for r in error.value.reasons] == [("L19", "no_view")]

        heard = attrs.evolve(
            agree.detail, child_views=(View(person=cast.child, text="Gran can fetch me"),)
        )
        agreed = advance(
            case, Step.AGREE_PLAN, actor=agree.actor, on=agree.on, detail=heard,
            records=cast.records,
        )  # fmt: skip
        assert agreed.plan == heard


class TestAYoungerChild:
    def test_a_plan_for_a_four_year_old_is_agreed_without_either(self) -> None:
        """§20: according to the child's age and development; 12 is where hearing is owed."""
        cast = make_cast()  # Aino was born in 2021

        assert l19(cast, the_plan(cast)) == ()

    def test_her_view_may_still_be_recorded(self) -> None:
        cast = make_cast()
        not_sought = ViewNotSought(child=cast.child, reason=NoViewReason.AGE_OR_DEVELOPMENT)

        assert l19(cast, the_plan(cast, views_not_sought=(not_sought,))) == ()


class TestTheModel:
    def test_another_reason_needs_words(self) -> None:
        with pytest.raises(ValueError, match="explanation"):
            ViewNotSought(child=PersonId("p-child"), reason=NoViewReason.OTHER)

    def test_one_reason_per_child(self) -> None:
        cast = make_cast()
        twice = (ViewNotSought(child=cast.child, reason=NoViewReason.UNNECESSARY),) * 2
        with pytest.raises(ValueError, match="views_not_sought"):
            the_plan(cast, views_not_sought=twice)


DAY = dt.date(2026, 3, 20)


@st.composite
def family_plans(draw: st.DrawFn) -> tuple[Family, PersonId, Plan]:
    """A family, the child whose case it is, and a plan agreed on DAY about the family."""
    family = draw(families(min_size=2, min_children=1, on=DAY))
    child = draw(st.sampled_from([m.id for m in family.children_on(DAY)]))
    plan = draw(plans())
    others = [m.id for m in family.members]
    views = draw(st.lists(st.sampled_from(others), max_size=2))
    not_sought = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
    plan = attrs.evolve(
        plan,
        id=PlanId("plan-1"),
        family=family.id,
        agreed_on=DAY,
        follow_up_on=None,
        child_views=tuple(View(person=p, text="A view") for p in views),
        views_not_sought=tuple(
            ViewNotSought(child=p, reason=NoViewReason.CHILD_DECLINED) for p in not_sought
        ),
    )
    return family, child, plan


@given(family_plans())
def test_for_every_family_and_plan_l19_refuses_exactly_a_twelve_year_olds_unheard_plan(
    drawn: tuple[Family, PersonId, Plan],
) -> None:
    """L19 refuses iff the child is 12+ on the day and neither her view nor a reason is there."""
    family, child, plan = drawn
    cast = attrs.evolve(
        make_cast(), family=family, child=child, records=make_cast().records.with_family(family)
    )
    heard = child in {v.person for v in plan.child_views} | {n.child for n in plan.views_not_sought}
    owed = family.member(child).age_on(DAY) >= HEARD_AGE

    assert bool(l19(cast, plan)) == (owed and not heard)
