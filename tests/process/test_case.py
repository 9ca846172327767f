"""Cases and their history records."""

from __future__ import annotations

import datetime as dt
import pickle
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from openco.errors import InvalidModelError
from openco.model import Meeting, PersonId, Plan, ZoneAssessment
from openco.process import (
    DEFAULT_WORKFLOW,
    ActorRole,
    Case,
    Opening,
    Step,
    StepTaken,
    advance,
    consent_states,
    open_case,
    replay,
)
from openco.process import case as case_module
from openco.process.details import Handover, Preparation
from openco.testing.histories import long_path
from openco.testing.workflow import cases, good_case, make_cast

CAST = make_cast()
RECORDS = CAST.records
TODAY = dt.date(2100, 1, 1)


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


class TestSharedHistory:
    """A case shares its records with the case it was advanced from; nothing shows it."""

    def test_two_steps_from_one_case_leave_three_cases_intact(self) -> None:
        case = good_case(steps=4)  # continuing
        before = case.history
        first = advance(
            case, Step.PROPOSE_MEETING, actor=CAST.worker, on=case.last_on, records=RECORDS
        )
        again = attrs.evolve(case.assessment, on=case.last_on)
        second = advance(
            case, Step.REASSESS, actor=CAST.worker, on=case.last_on, records=RECORDS, detail=again
        )

        assert case.history == before
        assert len(case.history) == len(before)
        assert first.history[:-1] == before == second.history[:-1]
        assert (first.history[-1].step, second.history[-1].step) == (
            Step.PROPOSE_MEETING,
            Step.REASSESS,
        )
        assert replay(first.history, records=RECORDS, today=TODAY) == first
        assert replay(second.history, records=RECORDS, today=TODAY) == second

    def test_equal_to_the_same_case_built_from_its_fields(self) -> None:
        case = good_case()
        fields: dict[str, Any] = {
            str(a.alias): getattr(case, str(a.alias)) for a in attrs.fields(Case)
        }

        built = Case(**fields)

        assert built == case
        assert hash(built) == hash(case)
        assert repr(built) == repr(case)
        assert repr(case).startswith("Case(history=(StepTaken(")
        assert attrs.evolve(case, stage=case.stage) == case

    def test_consents_given_apart_from_the_history_are_kept(self) -> None:
        case = good_case()
        assert case.consents

        without = attrs.evolve(case, consents=())

        assert without.consents == ()
        assert dict(without.consent_states()) == {}
        assert without != case
        assert attrs.evolve(without, consents=case.consents) == case

    @given(case=cases())
    @settings(max_examples=60)
    def test_the_answers_kept_agree_with_the_history(self, case: Case) -> None:
        self._check_answers(case)

    @pytest.mark.parametrize("cycles", [3, 9])  # 30 and 66 records: walked, then remembered
    def test_a_long_case_remembers_the_same_answers(self, cycles: int) -> None:
        case = open_case(CAST.concern, family=CAST.family, on=CAST.opened_on, records=RECORDS)
        for attempt in long_path(CAST, cycles=cycles):
            case = attempt.apply(case)
            self._check_answers(case)

    @staticmethod
    def _check_answers(case: Case) -> None:
        history = case.history
        for step in DEFAULT_WORKFLOW.steps:
            found = [r for r in history if r.step is step]
            assert case.first_of(step) is (found[0] if found else None)
            assert case.latest_of(step) is (found[-1] if found else None)
        for kind in (ZoneAssessment, Preparation, Meeting, Plan, Handover):
            found = [r for r in history if isinstance(r.detail, kind)]
            assert case.latest_with(kind) is (found[-1] if found else None)
        assert case.actors(besides=ActorRole.FACILITATOR) == {
            r.actor for r in history if r.role is not ActorRole.FACILITATOR
        }
        assert case.actors() == {r.actor for r in history}
        assert case.consent_states() == consent_states(case.consents)
        assert case.last_on == history[-1].on


class TestLinearCost:
    """Advancing and replaying a case cost the same per record however long the history is.

    Counted, not timed: the interpreter's operations (every Python-level walk of a history
    shows up), the logs made (a copy of the records) and the histories made into tuples.
    """

    @staticmethod
    def _build(cycles: int) -> Case:
        case = open_case(CAST.concern, family=CAST.family, on=CAST.opened_on, records=RECORDS)
        for attempt in long_path(CAST, cycles=cycles):
            case = attempt.apply(case)
        return case

    @staticmethod
    def _operations(work: Callable[[], object]) -> int:
        count = 0

        def trace(frame: FrameType, event: str, _arg: object) -> Any:
            nonlocal count
            if event == "call":
                frame.f_trace_opcodes = True
            elif event == "opcode":
                count += 1
            return trace

        sys.settrace(trace)
        try:
            work()
        finally:
            sys.settrace(None)
        return count

    def test_replay_and_advance_grow_linearly(self) -> None:
        short, long = self._build(10), self._build(40)
        records = len(long.history) / len(short.history)

        def replayed(case: Case) -> Callable[[], object]:
            return lambda: replay(case.history, records=RECORDS, today=TODAY)

        grew = self._operations(replayed(long)) / self._operations(replayed(short))
        assert grew < records * 1.05
        grew = self._operations(lambda: self._build(40)) / self._operations(lambda: self._build(10))
        assert grew < records * 1.05

    def test_no_step_copies_or_materialises_the_history(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        case = self._build(5)
        history = case.history
        logs = tuples = 0
        make_log = case_module._Log.__init__
        materialise: Callable[[object], tuple[StepTaken, ...]] = vars(case_module._History)[
            "records"
        ].fget

        def counted_log(self: object, records: list[StepTaken]) -> None:
            nonlocal logs
            logs += 1
            make_log(self, records)  # type: ignore[arg-type]

        def counted_tuple(self: object) -> tuple[StepTaken, ...]:
            nonlocal tuples
            tuples += 1
            return materialise(self)

        monkeypatch.setattr(case_module._Log, "__init__", counted_log)
        monkeypatch.setattr(case_module._History, "records", property(counted_tuple))

        again = replay(history, records=RECORDS, today=TODAY)
        for attempt in long_path(CAST, cycles=3)[-6:]:
            again = attempt.apply(again)

        assert (logs, tuples) == (1, 0)  # the opening's log; no history walked as a tuple
