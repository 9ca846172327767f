"""A store and an in-memory model of it, driven side by side by Hypothesis.

The model is a dict from case id to the list of records it should hold. Rules append the
next step (through either of two connections), append with a stale version, retry the last
append, try a step the workflow refuses, and read; after every rule the versions, the
histories and the access log must agree with the model, and at the end every chain verifies.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

import openco.store
from openco.errors import ConcurrencyError, StoreError, TransitionNotAllowedError
from openco.process import StepTaken
from openco.store import Store
from tests.store.builders import WORKER, case_id, sample_cases, sample_records
from tests.store.conftest import StepClock, new_schema
from tests.store.postgres_server import PostgresServer
from tests.store.workers import refused_step

SCRIPTS = sample_cases()[:5]
INDEX = st.integers(min_value=0, max_value=len(SCRIPTS) - 1)
AT = dt.datetime(2026, 6, 2, 8, 30, tzinfo=dt.UTC)


class StoreMachine(RuleBasedStateMachine):
    """Rules on the store, mirrored on the model; invariants compare the two."""

    new_url: Callable[[], str]

    def __init__(self) -> None:
        super().__init__()
        url = self.new_url()
        self.store = openco.store.open(url, records=sample_records(), clock=StepClock())
        self.other = openco.store.open(url, records=sample_records(), clock=StepClock())
        self.model: dict[str, list[StepTaken]] = {}
        self.reads: dict[str, int] = {}
        self.tags = 0

    def tag(self) -> str:
        self.tags += 1
        return f"t{self.tags}"

    def stores(self, via_other: bool) -> Store:
        return self.other if via_other else self.store

    @rule(index=INDEX, via_other=st.booleans())
    def append_the_next_step(self, index: int, via_other: bool) -> None:
        script = SCRIPTS[index]
        have = self.model.setdefault(case_id(script), [])
        if len(have) >= len(script.history):
            return
        record = attrs.evolve(script.history[len(have)], reason=self.tag())

        version = self.stores(via_other).append(case_id(script), record, expected_version=len(have))

        have.append(record)
        assert version == len(have)

    @rule(index=INDEX, behind=st.integers(min_value=1, max_value=3), via_other=st.booleans())
    def append_with_a_stale_version(self, index: int, behind: int, via_other: bool) -> None:
        script = SCRIPTS[index]
        have = self.model.get(case_id(script), [])
        expected = len(have) - behind
        if expected < 0:
            return
        record = attrs.evolve(script.history[expected], reason=self.tag())

        with pytest.raises(ConcurrencyError) as caught:
            self.stores(via_other).append(case_id(script), record, expected_version=expected)

        assert (caught.value.expected, caught.value.actual) == (expected, len(have))

    @rule(index=INDEX, via_other=st.booleans())
    def retry_the_last_append(self, index: int, via_other: bool) -> None:
        have = self.model.get(case_id(SCRIPTS[index]), [])
        if not have:
            return

        version = self.stores(via_other).append(
            case_id(SCRIPTS[index]), have[-1], expected_version=len(have) - 1
        )

        assert version == len(have)

    @rule(index=INDEX)
    def try_a_refused_step(self, index: int) -> None:
        script = SCRIPTS[index]
        have = self.model.get(case_id(script), [])
        if not have:
            return

        with pytest.raises(TransitionNotAllowedError):
            self.store.append(
                case_id(script), refused_step(script, self.tag()), expected_version=len(have)
            )

    @rule(index=INDEX, via_other=st.booleans())
    def read(self, index: int, via_other: bool) -> None:
        cid = case_id(SCRIPTS[index])
        have = self.model.get(cid, [])
        if not have:
            with pytest.raises(StoreError):
                self.stores(via_other).read(cid, reader=WORKER, purpose="model", at=AT)
            return

        stored = self.stores(via_other).read(cid, reader=WORKER, purpose="model", at=AT)

        self.reads[cid] = self.reads.get(cid, 0) + 1
        assert stored.case.history == tuple(have)
        assert stored.version == len(have)

    @invariant()
    def versions_and_logs_agree_with_the_model(self) -> None:
        for cid, have in self.model.items():
            assert self.other.version(cid) == len(have)
            assert len(self.store.access_log(case_id=cid)) == self.reads.get(cid, 0)

    def teardown(self) -> None:
        report = self.store.verify()
        self.store.close()
        self.other.close()
        assert report.ok, report.breaks


SETTINGS = settings(
    max_examples=15,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture
def new_url(request: pytest.FixtureRequest, store_url: str) -> Callable[[], str]:
    """Fresh, migrated stores for every Hypothesis example, on the engine under test."""
    if store_url.startswith("postgresql"):
        server: PostgresServer = request.getfixturevalue("postgres")
        return lambda: new_schema(server)
    template = Path(store_url)
    openco.store.open(template).close()
    folder = Path(tempfile.mkdtemp(dir=template.parent))

    def copy() -> str:
        target = Path(tempfile.mkstemp(suffix=".sqlite", dir=folder)[1])
        shutil.copyfile(template, target)
        return str(target)

    return copy


def test_the_store_behaves_like_its_model(new_url: Callable[[], str]) -> None:
    machine = type("Machine", (StoreMachine,), {"new_url": staticmethod(new_url)})

    run_state_machine_as_test(machine, settings=SETTINGS)
