"""Case documents: a case is written as its history and read back by replaying it."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openco.errors import InvalidDocumentError
from openco.io import dumps, loads
from openco.process import Case
from openco.testing.workflow import cases, good_case, make_cast

GOOD = good_case(make_cast())
RECORDS = make_cast().records
FAR_FUTURE = dt.date(2100, 1, 1)  # the reader's 'today': later than every record


class TestTheRecords:
    def test_a_case_is_not_read_without_the_records_and_the_day(self) -> None:
        """A stored history is judged by the registers and the reader's day, never alone."""
        with pytest.raises(InvalidDocumentError, match="records"):
            loads(dumps(GOOD), Case)

    def test_a_history_dated_after_today_is_refused(self) -> None:
        with pytest.raises(InvalidDocumentError, match="after today"):
            loads(dumps(GOOD), Case, records=RECORDS, today=GOOD.history[3].on)


class TestRoundTrip:
    def test_the_good_path_reads_back_equal(self) -> None:
        assert loads(dumps(GOOD), Case, records=RECORDS, today=FAR_FUTURE) == GOOD

    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(case=cases())
    def test_any_case_reads_back_equal_to_what_was_written(self, case: Case) -> None:
        text = dumps(case)

        assert loads(text, Case, records=RECORDS, today=FAR_FUTURE) == case
        assert dumps(loads(text, Case, records=RECORDS, today=FAR_FUTURE)) == text

    def test_only_the_history_is_written(self) -> None:
        data = json.loads(dumps(GOOD))["data"]

        assert set(data) == {"history"}
        assert len(data["history"]) == len(GOOD.history)

    def test_each_detail_names_its_type(self) -> None:
        history = json.loads(dumps(GOOD))["data"]["history"]

        assert history[0]["detail"]["type"] == "opening"
        assert history[1]["detail"]["type"] == "zone_assessment"


def _history() -> list[dict[str, Any]]:
    history: list[dict[str, Any]] = json.loads(dumps(GOOD))["data"]["history"]
    return history


def _problems(history: list[Any]) -> tuple[str, ...]:
    document = {"schema_version": 1, "kind": "case", "data": {"history": history}}
    with pytest.raises(InvalidDocumentError) as caught:
        loads(json.dumps(document), Case, records=RECORDS, today=FAR_FUTURE)
    return caught.value.paths


class TestProblems:
    def test_an_unknown_step_role_or_detail_type_is_reported_at_its_path(self) -> None:
        history = _history()
        history[1]["step"] = "levitate"
        history[2]["role"] = "boss"
        history[3]["detail"]["type"] = "horoscope"

        assert set(_problems(history)) == {
            "data.history[1].step",
            "data.history[2].role",
            "data.history[3].detail.type",
        }

    def test_a_bad_value_inside_a_detail_is_reported_inside_it(self) -> None:
        history = _history()
        history[1]["detail"]["zone"] = "purple"

        assert _problems(history) == ("data.history[1].detail.zone",)

    def test_a_history_the_rules_refuse_is_reported_at_the_refused_record(self) -> None:
        history = _history()
        history[4] = copy.deepcopy(history[8])

        (path,) = _problems(history)
        assert path == "data.history[4]"

    def test_an_empty_history_is_refused(self) -> None:
        assert _problems([]) == ("data.history",)

    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_a_broken_history_raises_only_invalid_document_errors(
        self, data: st.DataObject
    ) -> None:
        history = _history()
        index = data.draw(st.integers(0, len(history) - 1))
        key = data.draw(st.sampled_from(sorted(history[index])))
        history[index][key] = data.draw(
            st.none() | st.integers() | st.text(max_size=5) | st.just({"type": "plan"})
        )
        document = {"schema_version": 1, "kind": "case", "data": {"history": history}}

        try:
            read = loads(json.dumps(document), Case, records=RECORDS, today=FAR_FUTURE)
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            problems = ()
            assert loads(dumps(read), Case, records=RECORDS, today=FAR_FUTURE) == read
        assert all(p.path.startswith("data.history") for p in problems)
