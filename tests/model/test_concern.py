import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.model import (
    Concern,
    ConcernId,
    ConcernZone,
    FamilyId,
    GreySubzone,
    Need,
    OwnMeans,
    PersonId,
    ProfessionalId,
    ZoneAssessment,
)
from openco.testing import concerns, zone_assessments
from tests.model.refusal import (
    FEWER_EXAMPLES,
    Changes,
    assert_change_refused,
    assert_refused,
    change,
)

FEB = dt.date(2026, 2, 1)
MAR = dt.date(2026, 3, 2)
WORKER = ProfessionalId(PersonId("w1"))


def graded(
    zone: ConcernZone, on: dt.date = FEB, subzone: GreySubzone | None = None
) -> ZoneAssessment:
    return ZoneAssessment(
        on=on, assessor=WORKER, zone=zone, subzone=subzone, own_means=OwnMeans.GOOD
    )


def make_concern(*assessments: ZoneAssessment) -> Concern:
    return Concern(
        id=ConcernId("c1"),
        worker=WORKER,
        child=PersonId("p2"),
        family=FamilyId("f1"),
        noticed_on=FEB,
        assessments=assessments,
    )


class TestZones:
    def test_zones_are_ranked_from_no_concern_to_great_concern(self) -> None:
        assert [z.rank for z in ConcernZone] == [1, 2, 3, 4]
        assert ConcernZone.SMALL.rank < ConcernZone.GREY.rank

    @pytest.mark.parametrize(
        ("zone", "subzone", "step"),
        [
            (ConcernZone.NONE, None, 1),
            (ConcernZone.SMALL, None, 2),
            (ConcernZone.GREY, None, 3),
            (ConcernZone.GREY, GreySubzone.LOWER, 3),
            (ConcernZone.GREY, GreySubzone.UPPER, 4),
            (ConcernZone.GREAT, None, 5),
        ],
    )
    def test_the_five_step_scale_splits_the_grey_zone(
        self, zone: ConcernZone, subzone: GreySubzone | None, step: int
    ) -> None:
        assert graded(zone, subzone=subzone).step == step

    @given(first=zone_assessments(), second=zone_assessments())
    def test_the_five_step_scale_keeps_the_order_of_the_zones(
        self, first: ZoneAssessment, second: ZoneAssessment
    ) -> None:
        if first.zone.rank < second.zone.rank:
            assert first.step < second.step

    def test_an_assessment_needs_nothing_extra_unless_said(self) -> None:
        assessment = graded(ConcernZone.SMALL)

        assert (assessment.extra_resources, assessment.control) == (Need.NONE, Need.NONE)


class TestTrajectory:
    def test_the_current_grade_is_the_latest_assessment(self) -> None:
        concern = make_concern(graded(ConcernZone.SMALL), graded(ConcernZone.GREY, MAR))

        assert concern.current.on == MAR
        assert concern.zone is ConcernZone.GREY

    def test_regrading_appends_to_the_trajectory_and_keeps_the_original(self) -> None:
        concern = make_concern(graded(ConcernZone.SMALL))

        later = concern.regraded(graded(ConcernZone.GREY, MAR))

        assert [a.zone for a in later.assessments] == [ConcernZone.SMALL, ConcernZone.GREY]
        assert concern.zone is ConcernZone.SMALL

    def test_regrading_on_the_same_day_is_allowed(self) -> None:
        concern = make_concern(graded(ConcernZone.SMALL))

        assert concern.regraded(graded(ConcernZone.NONE)).zone is ConcernZone.NONE

    def test_a_grade_dated_before_the_latest_is_refused(self) -> None:
        concern = make_concern(graded(ConcernZone.SMALL, MAR))

        assert_refused(lambda: concern.regraded(graded(ConcernZone.GREY)), "assessments[1].on")

    def test_a_grade_by_another_worker_is_refused(self) -> None:
        """A concern holds only its own worker's gradings, never a colleague's.

        The zones describe the worker's own worry and own means (Eriksson & Arnkil).
        """
        concern = make_concern(graded(ConcernZone.SMALL))
        colleague = attrs.evolve(
            graded(ConcernZone.GREAT, MAR), assessor=ProfessionalId(PersonId("w2"))
        )

        error = assert_refused(lambda: concern.regraded(colleague), "assessments[1].assessor")

        assert "the concern's worker" in error.allowed

    @given(concern=concerns())
    def test_every_generated_grade_is_the_concerns_own_workers(self, concern: Concern) -> None:
        assert {a.assessor for a in concern.assessments} == {concern.worker}

    def test_a_strength_is_recorded_alongside_the_worries(self) -> None:
        concern = attrs.evolve(make_concern(graded(ConcernZone.SMALL)), worries=("Tired",))

        stronger = concern.with_strength("Loves drawing")

        assert (stronger.worries, stronger.strengths) == (("Tired",), ("Loves drawing",))

    @given(concern=concerns(), data=st.data())
    def test_a_later_grade_extends_any_trajectory(
        self, concern: Concern, data: st.DataObject
    ) -> None:
        """Regrading never loses history: the old trajectory is a prefix of the new one."""
        latest = concern.current.on
        assessment = data.draw(
            zone_assessments(dates=st.dates(min_value=latest), assessors=st.just(concern.worker))
        )

        later = concern.regraded(assessment)

        assert later.assessments[:-1] == concern.assessments
        assert later.current == assessment

    @given(concern=concerns())
    def test_a_generated_trajectory_runs_forward_from_when_it_was_noticed(
        self, concern: Concern
    ) -> None:
        days = [concern.noticed_on, *(a.on for a in concern.assessments)]

        assert days == sorted(days)
        assert attrs.evolve(concern) == concern


INVALID_ASSESSMENT: list[Any] = [
    pytest.param(change(on=None), "on", id="date None"),
    pytest.param(change(zone="grey"), "zone", id="zone as text"),
    pytest.param(change(zone=ConcernZone.GREY, subzone="upper"), "subzone", id="subzone as text"),
    pytest.param(
        change(zone=ConcernZone.SMALL, subzone=GreySubzone.LOWER),
        "subzone",
        id="subzone outside the grey zone",
    ),
    pytest.param(change(own_means="good"), "own_means", id="own means as text"),
    pytest.param(change(extra_resources=3), "extra_resources", id="extra resources a number"),
    pytest.param(change(control=None), "control", id="control None"),
    pytest.param(change(note=""), "note", id="note empty"),
    pytest.param(change(assessor=None), "assessor", id="no assessor"),
    pytest.param(change(assessor="w 1"), "assessor", id="assessor not an id"),
    pytest.param(change(note=1), "note", id="note not text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_ASSESSMENT)
@FEWER_EXAMPLES
@given(assessment=zone_assessments())
def test_an_invalid_assessment_is_refused_naming_the_field(
    assessment: ZoneAssessment, changes: Changes, field: str
) -> None:
    assert_change_refused(assessment, changes, field)


def graded_on(*days: dt.date) -> Changes:
    """The concern graded (by its own worker) on *days*."""
    return lambda concern: {
        "noticed_on": FEB,
        "assessments": tuple(
            attrs.evolve(graded(ConcernZone.SMALL, d), assessor=concern.worker) for d in days
        ),
    }


def graded_by_a_colleague(concern: Concern) -> dict[str, Any]:
    colleague = ProfessionalId(PersonId("w1" if concern.worker != "w1" else "w2"))
    return {"assessments": (attrs.evolve(concern.current, assessor=colleague),)}


INVALID_CONCERN: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(worker="w 1"), "worker", id="worker not an id"),
    pytest.param(change(child=None), "child", id="child None"),
    pytest.param(change(family="/f"), "family", id="family not an id"),
    pytest.param(change(noticed_on="2026-02-01"), "noticed_on", id="noticed on as text"),
    pytest.param(change(assessments=()), "assessments", id="never graded"),
    pytest.param(change(assessments=graded(ConcernZone.GREY)), "assessments", id="one grade"),
    pytest.param(change(assessments=("grey",)), "assessments[0]", id="grade as text"),
    pytest.param(graded_on(dt.date(2026, 1, 31)), "assessments[0].on", id="graded before noticed"),
    pytest.param(graded_on(MAR, FEB), "assessments[1].on", id="grades out of order"),
    pytest.param(graded_by_a_colleague, "assessments[0].assessor", id="a colleague's grade"),
    pytest.param(change(worries="Tired"), "worries", id="worries as one text"),
    pytest.param(change(worries=("Tired", " ")), "worries[1]", id="a blank worry"),
    pytest.param(change(worries=(1,)), "worries[0]", id="a worry not text"),
    pytest.param(change(strengths=None), "strengths", id="strengths None"),
    pytest.param(change(strengths=("",)), "strengths[0]", id="an empty strength"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_CONCERN)
@FEWER_EXAMPLES
@given(concern=concerns(dates=st.dates(min_value=dt.date(2026, 2, 2))))
def test_an_invalid_concern_is_refused_naming_the_field(
    concern: Concern, changes: Changes, field: str
) -> None:
    assert_change_refused(concern, changes, field)
