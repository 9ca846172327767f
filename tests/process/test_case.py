"""Cases and their history records."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from openco.errors import InvalidModelError
from openco.model import PersonId
from openco.process import ActorRole, Opening, Step, StepTaken
from openco.testing.workflow import good_case, make_cast

CAST = make_cast()


class TestStepTaken:
    def test_names_the_meeting_plan_and_assessment_it_refers_to(self) -> None:
        case = good_case()
        held, agreed, assessed = case.history[8], case.history[9], case.history[1]

        assert (held.meeting, held.plan) == (case.meeting, None)
        assert (agreed.plan, agreed.meeting) == (case.plan, None)
        assert assessed.assessment is not None

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("actor", ""),
            ("role", "worker"),
            ("on", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
            ("reason", " "),
            ("step", "close"),
            ("consents", ["not a consent"]),
        ],
    )
    def test_refuses_malformed_fields_naming_them(self, field: str, value: object) -> None:
        fields: dict[str, object] = {
            "step": Step.CLOSE,
            "actor": PersonId("w-1"),
            "role": ActorRole.WORKER,
            "on": dt.date(2026, 1, 1),
        }
        fields[field] = value

        with pytest.raises(InvalidModelError, match=field):
            StepTaken(**fields)  # type: ignore[arg-type]

    def test_pickles(self) -> None:
        record = good_case().history[8]

        assert pickle.loads(pickle.dumps(record)) == record


class TestCase:
    def test_remembers_the_trajectory_of_zone_assessments(self) -> None:
        case = good_case()

        assert [a.on for a in case.trajectory] == [
            dt.date(2026, 2, 2),
            dt.date(2026, 2, 3),
            dt.date(2026, 3, 2),
        ]

    def test_finds_records_of_steps(self) -> None:
        case = good_case()

        assert [r.step for r in case.records_of(Step.ASSESS, Step.REASSESS)] == [
            Step.ASSESS,
            Step.REASSESS,
        ]

    def test_pickles_and_compares_equal(self) -> None:
        case = good_case()

        assert pickle.loads(pickle.dumps(case)) == case

    def test_knows_its_child_and_days(self) -> None:
        case = good_case()

        assert case.child == CAST.child
        assert (case.opened_on, case.last_on) == (dt.date(2026, 2, 2), dt.date(2026, 6, 18))


def test_an_opening_needs_a_concern_and_a_family() -> None:
    with pytest.raises(InvalidModelError, match="concern"):
        Opening(concern="c-1", family=CAST.family, unit=CAST.unit)  # type: ignore[arg-type]
    with pytest.raises(InvalidModelError, match="family"):
        Opening(concern=CAST.concern, family="f-1", unit=CAST.unit)  # type: ignore[arg-type]
