"""P13 and "the family present": a custodian of the child by the records, or the child of 12+.

Domain brief §6.5a: a parent without custody "does not alone make 'the family present'"; issue #8
point 5: "'The family present' means a custodian of the child (or, where the custodians are
absent, the child aged 12 or over with the reason recorded)". Child Welfare Act §20 and
Administrative Procedure Act §34: a child of 12 or over is heard in a matter concerning them.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import Refusal, TransitionNotAllowedError
from openco.model import (
    HEARD_AGE,
    AbsenceReason,
    Concern,
    ConcernId,
    ConcernZone,
    CustodiansAbsent,
    Family,
    ItemStatus,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    OwnMeans,
    Participant,
    Person,
    PersonId,
    ProfessionalId,
    UnitId,
    ZoneAssessment,
)
from openco.process import (
    RULES,
    ActorRole,
    Case,
    FollowUp,
    Opening,
    Presence,
    Settings,
    Stage,
    Step,
    StepTaken,
    advance,
    family_present,
    presence,
)
from openco.process.rules.practice.family_present import is_revision
from openco.testing import families
from openco.testing.workflow import Cast, good_case, good_path, make_cast

P13 = RULES["P13"]
DAY = dt.date(2026, 3, 20)
WORKER = ProfessionalId(PersonId("w-teacher"))


def twelve_year_old_cast() -> Cast:
    """The invented cast, with Aino born so that she is 12 in the spring of 2026."""
    cast = make_cast()
    aino = attrs.evolve(cast.family.member(cast.child), birth_date=dt.date(2013, 6, 1))
    members = tuple(aino if m.id == aino.id else m for m in cast.family.members)
    family = attrs.evolve(cast.family, members=members)
    return attrs.evolve(cast, family=family, records=cast.records.with_family(family))


def case_of(family: Family, child: PersonId) -> Case:
    """A case about *child* of *family* whose meeting has been agreed (built directly)."""
    concern = Concern(
        id=ConcernId("c-1"),
        worker=WORKER,
        child=child,
        family=family.id,
        noticed_on=dt.date(2000, 1, 1),
        assessments=(
            ZoneAssessment(
                on=dt.date(2000, 1, 1),
                assessor=WORKER,
                zone=ConcernZone.GREY,
                own_means=OwnMeans.RUNNING_OUT,
            ),
        ),
    )
    opening = StepTaken(
        step=Step.NOTICE,
        actor=WORKER,
        role=ActorRole.WORKER,
        on=concern.noticed_on,
        detail=Opening(concern=concern, family=family, unit=UnitId("u-1")),
    )
    return Case(
        history=(opening,),
        stage=Stage.MEETING_AGREED,
        concern=concern,
        family=family,
        unit=UnitId("u-1"),
        contact=WORKER,
        assessment=concern.current,
    )


def meeting(
    family: Family,
    *people: tuple[PersonId, MeetingRole],
    on: dt.date = DAY,
    absent: CustodiansAbsent | None = None,
) -> Meeting:
    participants = [Participant(person=p, role=r) for p, r in people]
    participants.append(Participant(person=WORKER, role=MeetingRole.INITIATOR, unit=UnitId("u-1")))
    return Meeting(
        id=MeetingId("m-1"),
        kind=MeetingKind.CLIENT_MEETING,
        held_on=on,
        family=family.id,
        participants=participants,
        custodians_absent=absent,
    )


def p13(cast: Cast, held: Meeting) -> tuple[Refusal, ...]:
    """What P13 says of holding *held* in the cast's case, judged by the cast's records."""
    assert P13.check is not None
    record = StepTaken(
        step=Step.HOLD_MEETING, actor=WORKER, role=ActorRole.WORKER, on=held.held_on, detail=held
    )
    return P13.check(case_of(cast.family, cast.child), record, Settings(), cast.records)


ASKED = CustodiansAbsent(reason=AbsenceReason.CHILD_ASKED)


class TestACustodianMakesTheFamilyPresent:
    def test_the_basis_says_a_parent_without_custody_alone_is_not_the_family(self) -> None:
        assert "a parent without custody alone is not the family" in P13.basis

    def test_the_mother_with_custody_makes_the_family_present(self) -> None:
        cast = make_cast()
        held = meeting(cast.family, (cast.custodian, MeetingRole.CUSTODIAN))

        assert p13(cast, held) == ()

    def test_a_custodian_recorded_in_the_parent_role_still_counts_the_records_decide(
        self,
    ) -> None:
        cast = make_cast()
        held = meeting(cast.family, (cast.custodian, MeetingRole.PARENT))

        assert presence(held, family=cast.family, child=cast.child) is Presence.CUSTODIAN
        assert p13(cast, held) == ()

    def test_the_father_without_custody_alone_is_refused(self) -> None:
        """Domain brief §6.5a: such a parent 'does not alone make the family present'."""
        cast = make_cast()
        held = meeting(cast.family, (cast.parent, MeetingRole.PARENT))

        (refusal,) = p13(cast, held)

        assert (refusal.rule, refusal.key) == ("P13", "parent_alone")
        assert "vanhempi, jolla ei ole lapsen" in refusal.message("fi")
        assert "förälder utan vårdnad" in refusal.message("sv")
        assert "Only a parent without custody" in refusal.message("en")

    def test_someone_called_a_custodian_whom_the_records_do_not_show_as_one_is_not(
        self,
    ) -> None:
        cast = make_cast()
        held = meeting(cast.family, (cast.close_network[0], MeetingRole.CUSTODIAN))

        assert [r.key for r in p13(cast, held)] == ["family_absent"]

    def test_the_whole_workflow_refuses_a_meeting_with_the_father_alone(self) -> None:
        cast = make_cast()
        hold = next(a for a in good_path(cast) if a.step is Step.HOLD_MEETING)
        assert isinstance(hold.detail, Meeting)
        only_dad = attrs.evolve(
            hold.detail,
            participants=(
                Participant(person=cast.parent, role=MeetingRole.PARENT),
                *(p for p in hold.detail.participants if not p.role.is_family),
            ),
            speaking_order=(),
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                good_case(cast, steps=7),
                hold.step,
                actor=hold.actor,
                on=hold.on,
                detail=only_dad,
                records=cast.records,
            )

        assert ("P13", "parent_alone") in {(r.rule, r.key) for r in error.value.reasons}

    def test_a_follow_up_meeting_with_the_father_alone_is_refused(self) -> None:
        cast = make_cast()
        case = good_case(cast, steps=9)
        follow = next(a for a in good_path(cast) if a.step is Step.FOLLOW_UP)
        held = meeting(cast.family, (cast.parent, MeetingRole.PARENT), on=follow.on)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.FOLLOW_UP,
                actor=cast.worker,
                on=follow.on,
                detail=FollowUp(meeting=attrs.evolve(held, id=MeetingId("m-follow"))),
                records=cast.records,
            )

        assert ("P13", "parent_alone") in {(r.rule, r.key) for r in error.value.reasons}


class TestAPlanRevisedAtTheFollowUp:
    """Nothing about the family without the family: a plan is not changed behind their backs."""

    def test_a_plan_revised_without_a_follow_up_meeting_is_refused(self) -> None:
        cast = make_cast()
        case = good_case(cast, steps=9)
        follow = next(a for a in good_path(cast) if a.step is Step.FOLLOW_UP)
        assert case.plan is not None
        first = case.plan.items[0]
        revised = attrs.evolve(
            case.plan, items=(attrs.evolve(first, what="Fetch her on Thursdays instead"),)
        )

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.FOLLOW_UP,
                actor=cast.worker,
                on=follow.on,
                detail=FollowUp(plan=revised, note="Changed the day by phone"),
                records=cast.records,
            )

        (refusal,) = [r for r in error.value.reasons if r.rule == "P13"]
        assert refusal.key == "revised_without_meeting"
        assert "seurantapalaverissa perheen kanssa" in refusal.message("fi")
        assert "uppföljningsmöte med familjen" in refusal.message("sv")
        assert "agreed in a follow-up meeting with the family" in refusal.message("en")

    def test_recording_how_the_items_went_is_no_revision(self) -> None:
        cast = make_cast()
        case = good_case(cast, steps=9)
        follow = next(a for a in good_path(cast) if a.step is Step.FOLLOW_UP)
        assert case.plan is not None
        done = case.plan.with_item_status(
            case.plan.items[0].id, ItemStatus.DONE, outcome="Every Tuesday"
        )

        after = advance(
            case,
            Step.FOLLOW_UP,
            actor=cast.worker,
            on=follow.on,
            detail=FollowUp(plan=done, note="Mornings are calmer"),
            records=cast.records,
        )

        assert after.stage is Stage.FOLLOWED_UP
        assert not is_revision(case.plan, done)

    @given(
        what=st.text(
            st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20
        ).filter(str.strip)
    )
    def test_changing_what_an_item_says_is_a_revision(self, what: str) -> None:
        cast = make_cast()
        plan = good_case(cast, steps=9).plan
        assert plan is not None
        first = plan.items[0]
        changed = attrs.evolve(plan, items=(attrs.evolve(first, what=what), *plan.items[1:]))

        assert is_revision(plan, changed) == (what != first.what)

    def test_a_follow_up_with_only_a_note_needs_no_meeting(self) -> None:
        cast = make_cast()
        case = good_case(cast, steps=9)
        follow = next(a for a in good_path(cast) if a.step is Step.FOLLOW_UP)

        after = advance(
            case,
            Step.FOLLOW_UP,
            actor=cast.worker,
            on=follow.on,
            detail=FollowUp(note="Mornings are calmer"),
            records=cast.records,
        )

        assert after.stage is Stage.FOLLOWED_UP


class TestTheChildOfTwelveWithTheCustodiansAbsent:
    def test_a_twelve_year_old_heard_without_custodians_with_the_reason_recorded_will_do(
        self,
    ) -> None:
        """Issue #8: 'the child aged 12 or over with the reason recorded'."""
        cast = twelve_year_old_cast()
        held = meeting(cast.family, (cast.child, MeetingRole.CHILD), absent=ASKED)

        assert presence(held, family=cast.family, child=cast.child) is Presence.CHILD
        assert p13(cast, held) == ()

    def test_without_the_reason_recorded_the_meeting_is_refused(self) -> None:
        cast = twelve_year_old_cast()
        held = meeting(cast.family, (cast.child, MeetingRole.CHILD))

        (refusal,) = p13(cast, held)

        assert refusal.key == "absence_not_recorded"
        assert "kirjaa, miksi huoltajat eivät ole mukana" in refusal.message("fi")
        assert "registrera varför" in refusal.message("sv")
        assert "record why the custodians are not there" in refusal.message("en")

    def test_a_child_of_four_alone_is_refused_even_with_a_reason(self) -> None:
        cast = make_cast()  # Aino was born in 2021
        held = meeting(cast.family, (cast.child, MeetingRole.CHILD), absent=ASKED)

        (refusal,) = p13(cast, held)

        assert refusal.key == "child_too_young"
        assert "alle 12-vuotias" in refusal.message("fi")
        assert "under 12 år" in refusal.message("sv")
        assert "is under 12" in refusal.message("en")

    def test_the_age_is_taken_on_the_day_of_the_meeting(self) -> None:
        cast = twelve_year_old_cast()  # Aino turns 13 on 1 June 2026, 12 on 1 June 2025
        day_before = meeting(
            cast.family, (cast.child, MeetingRole.CHILD), on=dt.date(2025, 5, 31), absent=ASKED
        )
        birthday = attrs.evolve(day_before, held_on=dt.date(2025, 6, 1))

        assert [r.key for r in p13(cast, day_before)] == ["child_too_young"]
        assert p13(cast, birthday) == ()

    def test_a_sibling_of_twelve_does_not_stand_for_the_child_whose_case_it_is(self) -> None:
        cast = make_cast()
        sibling = Person(id=PersonId("p-sis"), name="Ella", birth_date=dt.date(2010, 2, 2))
        family = cast.family.with_member(sibling)
        cast = attrs.evolve(cast, family=family, records=cast.records.with_family(family))
        held = meeting(family, (sibling.id, MeetingRole.CHILD), absent=ASKED)

        assert [r.key for r in p13(cast, held)] == ["family_absent"]

    def test_a_custodian_at_the_meeting_leaves_no_room_for_an_absence(self) -> None:
        cast = make_cast()
        with pytest.raises(ValueError, match="custodians_absent"):
            meeting(cast.family, (cast.custodian, MeetingRole.CUSTODIAN), absent=ASKED)

    def test_another_reason_needs_words(self) -> None:
        with pytest.raises(ValueError, match="explanation"):
            CustodiansAbsent(reason=AbsenceReason.OTHER)


ROLES = st.sampled_from([r for r in MeetingRole if not r.is_professional])


@st.composite
def family_meetings(draw: st.DrawFn) -> tuple[Family, PersonId, Meeting]:
    """A family, one of its children whose case it is, and a meeting with some of its members."""
    family = draw(families(min_size=2, min_children=1, on=DAY))
    child = draw(st.sampled_from([m.id for m in family.children_on(DAY)]))
    chosen = draw(st.lists(st.sampled_from(family.members), unique_by=lambda m: m.id))
    people = [(m.id, draw(ROLES)) for m in chosen]
    roles = {r for _, r in people}
    absence = None
    if MeetingRole.CUSTODIAN not in roles and draw(st.booleans()):
        absence = CustodiansAbsent(reason=draw(st.sampled_from(AbsenceReason)), explanation="x")
    return family, child, meeting(family, *people, on=DAY, absent=absence)


@given(family_meetings())
def test_for_every_family_and_meeting_the_family_is_present_exactly_as_the_records_say(
    drawn: tuple[Family, PersonId, Meeting],
) -> None:
    """P13 accepts iff a custodian in the records takes part, or the child of 12+ as below.

    A custodian counts in any role but a worker's. Otherwise the child whose case it is, 12 or
    over on the day, takes part as the child with the custodians' absence recorded; a parent
    without custody never makes the family present alone.
    """
    family, child, held = drawn
    custodians = set(family.custodians_of(child))
    custodian_there = any(
        p.person in custodians for p in held.participants if not p.role.is_professional
    )
    child_heard = (
        held.custodians_absent is not None
        and held.role_of(child) is MeetingRole.CHILD
        and family.member(child).age_on(DAY) >= HEARD_AGE
    )

    assert family_present(held, family=family, child=child) == (custodian_there or child_heard)
