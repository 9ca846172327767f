"""The store's contract, run against SQLite and a real PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable

import attrs
import pytest
import sqlalchemy as sa

import openco.store
from openco.errors import (
    ConcurrencyError,
    InvalidArgumentError,
    OpencoError,
    StoreError,
    TransitionNotAllowedError,
)
from openco.model import AreaId, Family, PersonId, UnitId
from openco.process import Stage, Step, StepTaken, obligations
from openco.store import Reader, Store
from openco.store._schema import ACCESS_LOG, CASES, RECORDS
from tests.store.builders import ON, WORKER, case_id, sample_cases, sample_records

AT = dt.datetime(2026, 6, 2, 8, 30, tzinfo=dt.UTC)
Opener = Callable[[], Store]
REGISTERS = sample_records()


def raw(store: Store) -> sa.Engine:
    """The store's engine, to look at (or tamper with) what is stored beneath the API."""
    return store._engine


def count(store: Store, table: sa.Table) -> int:
    with raw(store).connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)


class TestAppendAndRead:
    def test_every_stored_case_reads_back_equal_and_replays(self, store: Store) -> None:
        cases = sample_cases()

        for case in cases:
            assert store.add(case) == case_id(case)

        fresh = openco.store.open(
            store._engine.url.render_as_string(hide_password=False),
            records=REGISTERS,
            clock=store._clock,
        )  # no cache
        for case in cases:
            stored = fresh.read(case_id(case), reader=WORKER, purpose="test", at=AT)
            assert stored.case == case
            assert stored.version == len(case.history)
        fresh.close()

    def test_records_are_appended_one_at_a_time_with_the_version_read(self, store: Store) -> None:
        case = sample_cases()[0]
        cid = case_id(case)

        versions = [
            store.append(cid, record, expected_version=n) for n, record in enumerate(case.history)
        ]

        assert versions == list(range(1, len(case.history) + 1))
        assert store.version(cid) == len(case.history)

    def test_save_appends_what_a_case_gained_since_it_was_read(self, store: Store) -> None:
        case = sample_cases()[0]
        first = attrs.evolve(case, history=case.history[:1])
        store.add(first)

        version = store.save(case, expected_version=1)

        assert version == len(case.history)
        assert store.read(case_id(case), reader=WORKER, basis="test", at=AT).case == case

    def test_a_batch_is_written_whole(self, store: Store) -> None:
        cases = sample_cases()[:5]

        versions = store.append_batch((case_id(c), c.history, 0) for c in cases)

        assert versions == [len(c.history) for c in cases]
        assert len(store) == 5

    def test_a_batch_with_one_refused_item_writes_nothing(self, store: Store) -> None:
        good, bad = sample_cases()[:2]
        refused = (*bad.history[:1], attrs.evolve(bad.history[0], step=Step.CLOSE, detail=None))

        with pytest.raises(TransitionNotAllowedError):
            store.append_batch([(case_id(good), good.history, 0), (case_id(bad), refused, 0)])

        assert len(store) == 0
        assert count(store, RECORDS) == 0

    def test_reading_an_unknown_case_is_a_store_error(self, store: Store) -> None:
        with pytest.raises(StoreError, match="no such case"):
            store.read("c-none", reader=WORKER, purpose="test", at=AT)


class TestConcurrency:
    def test_of_two_writers_who_read_the_same_version_exactly_one_wins(
        self, open_store: Opener
    ) -> None:
        case = sample_cases()[0]
        cid, k = case_id(case), 2
        one, two = open_store(), open_store()
        one.append(cid, case.history[:k], expected_version=0)
        mine = case.history[k]
        theirs = attrs.evolve(mine, reason="another worker's note")

        assert two.append(cid, theirs, expected_version=k) == k + 1
        with pytest.raises(ConcurrencyError) as caught:
            one.append(cid, mine, expected_version=k)

        assert (caught.value.case_id, caught.value.expected, caught.value.actual) == (cid, k, k + 1)
        assert count(one, RECORDS) == k + 1
        stored = one.read(cid, reader=WORKER, purpose="test", at=AT)
        assert stored.case.history[k] == theirs

    def test_two_writers_opening_the_same_case_one_is_refused(self, open_store: Opener) -> None:
        case = sample_cases()[1]
        one, two = open_store(), open_store()
        one.add(case)
        other = attrs.evolve(case.history[0], reason="opened twice")

        with pytest.raises(ConcurrencyError) as caught:
            two.append(case_id(case), other, expected_version=0)

        assert caught.value.actual == len(case.history)

    def test_a_retried_append_is_harmless(self, store: Store) -> None:
        case = sample_cases()[0]
        cid = case_id(case)
        store.append(cid, case.history[:2], expected_version=0)

        assert store.append(cid, case.history[:2], expected_version=0) == 2
        assert store.append(cid, case.history[2], expected_version=2) == 3
        assert store.append(cid, case.history[2], expected_version=2) == 3
        assert count(store, RECORDS) == 3

    def test_a_refused_step_never_reaches_the_store(self, store: Store) -> None:
        case = sample_cases()[0]
        cid = case_id(case)
        store.append(cid, case.history[0], expected_version=0)
        close = StepTaken(step=Step.CLOSE, actor=PersonId("w1"), role=case.history[0].role, on=ON)

        with pytest.raises(TransitionNotAllowedError):
            store.append(cid, close, expected_version=1)

        assert store.version(cid) == 1
        assert count(store, RECORDS) == 1

    def test_concurrency_errors_carry_both_versions_and_pickle(self) -> None:
        error = ConcurrencyError("c1", 3, 4)

        again = pickle.loads(pickle.dumps(error))

        assert isinstance(again, ConcurrencyError)
        assert isinstance(again, OpencoError)
        assert (again.case_id, again.expected, again.actual) == ("c1", 3, 4)
        assert "expected version 3" in str(again)


class TestBadInput:
    @pytest.mark.parametrize(
        "bad", ["", "x'; DROP TABLE openco_records; --", "a" * 129, "c\n1", "c 1", 7, None]
    )
    def test_crafted_case_ids_are_refused(self, store: Store, bad: object) -> None:
        case = sample_cases()[0]

        with pytest.raises(InvalidArgumentError, match="case_id"):
            store.append(bad, case.history, expected_version=0)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [-1, True, "0", 1.0])
    def test_an_expected_version_is_a_whole_number(self, store: Store, bad: object) -> None:
        case = sample_cases()[0]

        with pytest.raises(InvalidArgumentError, match="expected_version"):
            store.append(case_id(case), case.history, expected_version=bad)  # type: ignore[arg-type]

    def test_records_must_be_records(self, store: Store) -> None:
        with pytest.raises(InvalidArgumentError, match="records"):
            store.append("c1", ["not a record"], expected_version=0)  # type: ignore[list-item]
        with pytest.raises(InvalidArgumentError, match="records"):
            store.append("c1", [], expected_version=0)

    def test_an_unknown_database_is_refused(self) -> None:
        with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
            openco.store.open("mysql://x@y/z")

    def test_the_api_has_no_way_to_change_or_delete_a_record(self) -> None:
        names = {n for n in dir(Store) if not n.startswith("_")}

        assert not {n for n in names if n.startswith(("update", "delete", "remove", "erase"))}


class TestHashChain:
    def test_an_untouched_store_verifies(self, store: Store) -> None:
        for case in sample_cases()[:5]:
            store.add(case)

        report = store.verify()

        assert report.ok
        assert report.records == sum(len(c.history) for c in sample_cases()[:5])
        assert report.documents > 0

    def test_a_changed_record_is_reported_at_that_record(self, store: Store) -> None:
        case = sample_cases()[0]
        cid = case_id(case)
        store.add(case)
        with raw(store).begin() as conn:
            body = conn.execute(
                sa.select(RECORDS.c.body).where(RECORDS.c.case_id == cid, RECORDS.c.version == 2)
            ).scalar_one()
            conn.execute(
                sa.update(RECORDS)
                .where(RECORDS.c.case_id == cid, RECORDS.c.version == 2)
                .values(body=body.replace('"on":"', '"on":"1', 1))
            )

        report = store.verify()

        assert [(b.subject, b.version) for b in report.breaks] == [(cid, 2)]
        assert "content" in report.breaks[0].problem

    def test_a_removed_last_record_is_reported(self, store: Store) -> None:
        case = sample_cases()[0]
        cid, last = case_id(case), len(sample_cases()[0].history)
        store.add(case)
        with raw(store).begin() as conn:
            conn.execute(
                sa.delete(RECORDS).where(RECORDS.c.case_id == cid, RECORDS.c.version == last)
            )

        report = store.verify()

        assert [(b.subject, b.version) for b in report.breaks] == [(cid, last)]

    def test_a_removed_middle_record_is_reported_where_the_gap_is(self, store: Store) -> None:
        case = sample_cases()[0]
        cid = case_id(case)
        store.add(case)
        with raw(store).begin() as conn:
            conn.execute(sa.delete(RECORDS).where(RECORDS.c.case_id == cid, RECORDS.c.version == 2))

        report = store.verify()

        assert [(b.subject, b.version) for b in report.breaks] == [(cid, 2)]
        assert "missing" in report.breaks[0].problem

    def test_a_record_moved_to_another_case_is_reported(self, store: Store) -> None:
        one, two = sample_cases()[:2]
        store.add(one)
        store.add(two)
        with raw(store).begin() as conn:
            conn.execute(
                sa.update(RECORDS)
                .where(RECORDS.c.case_id == case_id(one), RECORDS.c.version == 1)
                .values(case_id="moved")
            )

        subjects = {b.subject for b in store.verify().breaks}

        assert subjects == {case_id(one), "moved"}


class TestAccessLog:
    def test_a_read_without_a_reader_is_refused_and_not_logged(self, store: Store) -> None:
        case = sample_cases()[0]
        store.add(case)

        with pytest.raises(InvalidArgumentError, match="reader"):
            store.read(case_id(case), reader=None, purpose="x", at=AT)  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError, match="purpose"):
            store.read(case_id(case), reader=WORKER, at=AT)

        assert store.access_log(case_id=case_id(case)) == ()

    def test_a_read_without_a_time_is_refused_when_no_clock_was_injected(
        self, store_url: str
    ) -> None:
        with openco.store.open(store_url, records=REGISTERS) as store:
            case = sample_cases()[0]
            store.add(case)

            with pytest.raises(InvalidArgumentError, match="timezone-aware"):
                store.read(case_id(case), reader=WORKER, purpose="x")
            with pytest.raises(InvalidArgumentError, match="timezone-aware"):
                store.read(case_id(case), reader=WORKER, purpose="x", at=dt.datetime(2026, 1, 1))  # noqa: DTZ001 - the point

    def test_every_read_path_is_logged_with_who_when_what_and_why(self, store: Store) -> None:
        case = next(c for c in sample_cases() if obligations(c, today=ON, records=REGISTERS))
        cid = case_id(case)
        store.add(case)
        nurse = Reader(person=PersonId("nurse"), unit=UnitId("clinic"))

        store.read(cid, reader=WORKER, purpose="follow-up", at=AT)
        store.document(Family, case.family.id, reader=nurse, basis="SHL 41 §", at=AT)
        store.worklist(
            case.family.home_area, until=dt.date(2100, 1, 1), reader=WORKER, purpose="weekly"
        )

        log = store.access_log(case_id=cid)
        assert [(a.action, a.reader, a.purpose, a.basis) for a in log] == [
            ("read", "w-reader", "follow-up", None),
            ("document", "nurse", None, "SHL 41 §"),
            ("worklist", "w-reader", "weekly", None),
        ]
        assert log[0].at == AT
        assert log[1].kind == "family"
        assert log[1].doc_version == 1
        assert log[2].at.tzinfo is not None  # from the injected clock

    def test_a_client_log_extract_lists_the_reads_of_their_cases_only(self, store: Store) -> None:
        mine, other = sample_cases()[:2]
        store.add(mine)
        store.add(other)
        store.read(case_id(mine), reader=WORKER, purpose="a", at=AT)
        store.read(case_id(other), reader=WORKER, purpose="b", at=AT)

        extract = store.access_log(person=mine.child)

        assert [(a.case_id, a.purpose) for a in extract] == [(case_id(mine), "a")]
        parent = next(m.id for m in mine.family.members if m.id != mine.child)
        assert store.access_log(person=parent) == extract
        later = AT + dt.timedelta(days=1)
        assert store.access_log(person=mine.child, since=later) == ()


class TestProjection:
    def test_the_worklist_lists_every_open_duty_of_the_area_due_by_the_day(
        self, store: Store
    ) -> None:
        cases = sample_cases()
        for case in cases:
            store.add(case)
        area = cases[0].family.home_area
        until = dt.date(2026, 7, 3)
        expected = sorted(
            (o.due, case_id(c), o.rule, o.ref)
            for c in cases
            if c.family.home_area == area
            for o in obligations(c, today=dt.date(9000, 1, 1), records=REGISTERS)
            if o.due <= until
        )

        items = store.worklist(area, until=until, reader=WORKER, purpose="weekly", at=AT)

        assert sorted((i.due, i.case_id, i.rule, i.ref) for i in items) == expected
        assert items
        assert [i.due for i in items] == sorted(i.due for i in items)

    def test_since_limits_the_worklist_to_duties_due_from_that_day(self, store: Store) -> None:
        for case in sample_cases():
            store.add(case)
        area = sample_cases()[0].family.home_area
        every = store.worklist(area, until=dt.date(2100, 1, 1), reader=WORKER, purpose="x", at=AT)
        middle = every[len(every) // 2].due

        later = store.worklist(
            area, since=middle, until=dt.date(2100, 1, 1), reader=WORKER, purpose="x", at=AT
        )

        assert later == tuple(i for i in every if i.due >= middle)

    def test_the_projection_follows_each_append(self, store: Store) -> None:
        case = next(c for c in sample_cases() if c.stage is Stage.CLOSED)
        cid = case_id(case)
        store.append(cid, case.history[:1], expected_version=0)
        open_duties = store.worklist(
            case.family.home_area, until=dt.date(2100, 1, 1), reader=WORKER, purpose="x", at=AT
        )

        store.append(cid, case.history[1:], expected_version=1)
        after = store.worklist(
            case.family.home_area, until=dt.date(2100, 1, 1), reader=WORKER, purpose="x", at=AT
        )

        assert [i for i in after if i.case_id == cid] == []
        assert open_duties or after == ()


class TestDocuments:
    def test_the_documents_a_case_refers_to_are_kept_and_read_back(self, store: Store) -> None:
        case = sample_cases()[0]
        store.add(case)

        family = store.document(Family, case.family.id, reader=WORKER, purpose="x", at=AT)

        assert family == case.family

    def test_a_changed_document_gets_a_new_version_an_unchanged_one_does_not(
        self, store: Store
    ) -> None:
        family = sample_cases()[0].family
        moved = attrs.evolve(family, home_area=AreaId("elsewhere"))

        first = store.put_document(family, recorded_on=ON)
        same = store.put_document(family, recorded_on=ON)
        second = store.put_document(moved, recorded_on=ON)

        assert (first, same, second) == (1, 1, 2)
        old = store.document(Family, family.id, version=1, reader=WORKER, purpose="x", at=AT)
        assert old == family
        assert store.document(Family, family.id, reader=WORKER, purpose="x", at=AT) == moved

    def test_an_object_without_an_id_is_refused(self, store: Store) -> None:
        with pytest.raises(InvalidArgumentError, match="obj"):
            store.put_document("text", recorded_on=ON)


class TestRetention:
    def test_closed_cases_past_their_retention_are_listed_and_kept(self, store: Store) -> None:
        closed = [c for c in sample_cases() if c.stage is Stage.CLOSED]
        for case in sample_cases():
            store.add(case)

        listed = store.expired(dt.date(2100, 1, 1))

        assert {e.id for e in listed} == {case_id(c) for c in closed}
        assert store.expired(ON) == ()
        assert len(store) == len(sample_cases())

    def test_retention_is_data_the_controller_configures(self, store: Store) -> None:
        closed = next(c for c in sample_cases() if c.stage is Stage.CLOSED)
        store.add(closed)
        store.set_retention(openco.store.Retention(kind="case", years=1, basis="local decision"))

        listed = store.expired(closed.last_on.replace(year=closed.last_on.year + 1))

        assert [(e.id, e.basis) for e in listed] == [(case_id(closed), "local decision")]
        assert store.retention()["case"].years == 1

    def test_a_retention_is_whole_years(self) -> None:
        with pytest.raises(InvalidArgumentError, match="years"):
            openco.store.Retention(kind="case", years=-1, basis="x")


def test_the_access_log_and_records_tables_are_what_the_api_writes(store: Store) -> None:
    case = sample_cases()[0]
    store.add(case)
    store.read(case_id(case), reader=WORKER, purpose="x", at=AT)

    assert count(store, CASES) == 1
    assert count(store, ACCESS_LOG) == 1
