"""The store: case histories kept durably, concurrently and accountably.

A :class:`Store` keeps each case as the history of its :class:`~openco.process.StepTaken`
records, written through :mod:`openco.io` and read back with
:func:`~openco.process.replay`; the documents those records refer to as versioned documents;
and, per case, its stage and the due dates of its open duties (the projection behind
:meth:`Store.worklist`). Every record carries a hash chained to the one before
(:meth:`Store.verify`), every read is logged (:meth:`Store.access_log`), and nothing in the
API changes or deletes a record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self, TypeVar

import attrs
import sqlalchemy as sa

from openco.errors import (
    ConcurrencyError,
    InvalidArgumentError,
    InvalidDocumentError,
    Refusal,
    StoreError,
)
from openco.io import kind_of, loads, to_document
from openco.io.case import record_data, structure_case
from openco.model import DataScope, Meeting, PersonId, Plan, UnitId
from openco.process import (
    DEFAULT_WORKFLOW,
    ActorRole,
    Case,
    Duty,
    Flag,
    FollowUp,
    Invitation,
    Opening,
    Records,
    StatutoryBasis,
    StepTaken,
    Workflow,
    advance,
    flags,
    may_disclose,
    obligations,
    replay,
)
from openco.store._chain import GENESIS, canonical, link
from openco.store._engine import make_engine, migrate, writing
from openco.store._schema import (
    ACCESS_LOG,
    CASE_PERSONS,
    CASES,
    DOCUMENTS,
    DUTIES,
    RECORDS,
    RETENTION,
)
from openco.store.retention import DEFAULT_RETENTION, Expired, Retention, years_after

__all__ = [
    "Access",
    "CaseView",
    "ChainBreak",
    "Reader",
    "Store",
    "StoredCase",
    "Verification",
    "Withheld",
    "WorkItem",
    "open_store",
    "scope_of",
]

T = TypeVar("T")

_ID: Final = re.compile(r"[A-Za-z0-9._:@/-]{1,128}")
_TEXT_MAX: Final = 1000
# Far enough ahead that every open duty is listed, whatever its reminder window (P16).
_HORIZON: Final = dt.date(9000, 1, 1)
_RETRIES: Final = 5


def _check_id(function: str, argument: str, value: object) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidArgumentError(
            function, argument, value, "an id of 1-128 letters, digits or ._:@/-"
        )
    return value


def _optional_text(function: str, argument: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > _TEXT_MAX:
        raise InvalidArgumentError(
            function, argument, value, f"a non-empty text of at most {_TEXT_MAX} characters"
        )
    return value


def _reader_person(value: object) -> PersonId:
    return PersonId(_check_id("Reader", "person", value))


def _reader_unit(value: object) -> UnitId | None:
    return None if value is None else UnitId(_check_id("Reader", "unit", value))


@attrs.frozen(kw_only=True)
class Reader:
    """Who reads: a person, and the unit they read for (their organisation's unit).

    >>> Reader(person=PersonId("w1"), unit=UnitId("daycare"))
    Reader(person='w1', unit='daycare')
    """

    person: PersonId = attrs.field(converter=_reader_person)
    unit: UnitId | None = attrs.field(default=None, converter=_reader_unit)


@attrs.frozen(kw_only=True)
class StoredCase:
    """A case as stored: its id, its version (the number of records) and the case itself."""

    case_id: str
    version: int
    case: Case


@attrs.frozen(kw_only=True)
class Access:
    """One line of the access log: who did what with which case or document, when and why.

    *action* is ``"read"`` (a case), ``"document"`` (a document), ``"worklist"`` (the case
    appeared in a worklist) or ``"view"`` (a consent-aware view); *outcome* is ``"shown"``,
    or ``"withheld"`` when a view held parts back.
    """

    seq: int
    at: dt.datetime
    reader: PersonId
    reader_unit: UnitId | None
    action: str
    case_id: str | None
    kind: str | None
    doc_id: str | None
    doc_version: int | None
    purpose: str | None
    basis: str | None
    outcome: str


@attrs.frozen(kw_only=True)
class WorkItem:
    """A duty due in a stored case: a line of an area's worklist."""

    case_id: str
    area: str
    stage: str
    due: dt.date
    rule: str
    duty: Duty
    owed_by: PersonId | None
    owed_by_role: ActorRole
    ref: str | None


@attrs.frozen(kw_only=True)
class ChainBreak:
    """Where a hash chain breaks: the case (or ``kind/id`` of a document), version, problem."""

    subject: str
    version: int
    problem: str

    def __str__(self) -> str:
        return f"{self.subject} at version {self.version}: {self.problem}"


@attrs.frozen(kw_only=True)
class Verification:
    """What :meth:`Store.verify` checked, and the first break of each broken chain."""

    records: int
    documents: int
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        """Whether every chain is whole."""
        return not self.breaks


# The statements of the write path, built once: SQLAlchemy then reuses their compiled form
# instead of building and hashing a new statement for every append.
_HEAD = sa.select(CASES.c.version, CASES.c.head).where(CASES.c.case_id == sa.bindparam("cid"))
_HEAD_LOCKED = _HEAD.with_for_update()
_INSERT_RECORDS = sa.insert(RECORDS)
_INSERT_CASE = sa.insert(CASES)
_INSERT_PERSONS = sa.insert(CASE_PERSONS)
_INSERT_DUTIES = sa.insert(DUTIES)
_INSERT_DOCUMENT = sa.insert(DOCUMENTS)
_UPDATE_CASE = sa.update(CASES).where(
    CASES.c.case_id == sa.bindparam("cid"), CASES.c.version == sa.bindparam("was")
)
_DELETE_DUTIES = sa.delete(DUTIES).where(DUTIES.c.case_id == sa.bindparam("cid"))
_LATEST_DOCUMENT = (
    sa.select(DOCUMENTS.c.version, DOCUMENTS.c.body, DOCUMENTS.c.hash)
    .where(DOCUMENTS.c.kind == sa.bindparam("k"), DOCUMENTS.c.doc_id == sa.bindparam("d"))
    .order_by(DOCUMENTS.c.version.desc())
    .limit(1)
)
_BODIES = (
    sa.select(RECORDS.c.body)
    .where(RECORDS.c.case_id == sa.bindparam("cid"), RECORDS.c.version <= sa.bindparam("upto"))
    .order_by(RECORDS.c.version)
)


@attrs.frozen(kw_only=True)
class _Prepared:
    """A write worked out before the lock: valid while the case is at *version*, *head*."""

    version: int
    head: str
    new_head: str
    case: Case
    rows: list[dict[str, Any]]
    duties: list[dict[str, Any]]
    documents: dict[tuple[str, str], tuple[str, dt.date]]


_SCOPES: Final[tuple[tuple[type, DataScope], ...]] = (
    (Meeting, DataScope.MEETING),
    (Invitation, DataScope.MEETING),
    (Plan, DataScope.PLAN),
    (FollowUp, DataScope.PLAN),
)


def scope_of(record: StepTaken) -> DataScope:
    """The data a record discloses: its meeting, its plan, or else the concern itself.

    >>> from openco.process import ActorRole, Step
    >>> scope_of(StepTaken(step=Step.CLOSE, actor=PersonId("w1"), role=ActorRole.WORKER,
    ...                    on=dt.date(2026, 9, 1))).value
    'concern'
    """
    for kind, scope in _SCOPES:
        if isinstance(record.detail, kind):
            return scope
    return DataScope.CONCERN


@attrs.frozen(kw_only=True)
class Withheld:
    """A record a view held back: its version, its step, the data it holds, and why."""

    version: int
    step: str
    scope: DataScope
    reasons: tuple[Refusal, ...]


@attrs.frozen(kw_only=True)
class CaseView:
    """What a reader may see of a case: all of it (*full*), or the records they may see.

    *shown* are the records disclosed to the reader, oldest first; *withheld* the others,
    each with the reasons (:func:`openco.process.may_disclose`'s refusals). *flags* are the
    rules' flags (:func:`openco.process.flags`) on the records shown, where every record a
    flag rests on is shown too.
    """

    case_id: str
    version: int
    full: bool
    shown: tuple[StepTaken, ...]
    withheld: tuple[Withheld, ...]
    flags: tuple[Flag, ...] = ()


def _utc_text(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _referred(record: StepTaken) -> Iterator[tuple[object, dt.date]]:
    """The documents *record* refers to, with the day they were recorded."""
    detail = record.detail
    if isinstance(detail, Opening):
        yield detail.concern, record.on
        yield detail.family, record.on
    elif isinstance(detail, Meeting | Plan):
        yield detail, record.on
    elif isinstance(detail, FollowUp):
        if detail.meeting is not None:
            yield detail.meeting, record.on
        if detail.plan is not None:
            yield detail.plan, record.on
    for consent in record.consents:
        yield consent, record.on


class Store:
    """Cases kept in a database; open one with :func:`open_store` (``openco.store.open``).

    Writing: :meth:`append` (records, conditional on the version read), :meth:`add` (a new
    case), :meth:`save` (the new records of a case), :meth:`append_batch` (many, in one
    transaction), :meth:`put_document`. Reading, always with a stated reader and a purpose or
    statutory basis, and logged: :meth:`read`, :meth:`document`, :meth:`worklist`. Checking:
    :meth:`verify`, :meth:`access_log`, :meth:`expired`.
    """

    def __init__(
        self,
        engine: sa.Engine,
        *,
        records: Records | Callable[[], Records] | None = None,
        workflow: Workflow = DEFAULT_WORKFLOW,
        clock: Callable[[], dt.datetime] | None = None,
        cache_size: int = 4096,
    ) -> None:
        self._engine = engine
        self.workflow = workflow
        self._records = records
        self._clock = clock
        self._cache: OrderedDict[str, tuple[int, str, Case]] = OrderedDict()
        # The duty rows this store last wrote for a case, by the head hash they go with: an
        # append that leaves a case's duties as they were then writes none.
        self._duties: OrderedDict[str, tuple[str, list[dict[str, Any]]]] = OrderedDict()
        self._cache_size = cache_size
        self._pg = engine.dialect.name == "postgresql"

    # --- life cycle -----------------------------------------------------------------------

    def records(self) -> Records:
        """The registers the store's workflow judges steps by (see :func:`open_store`).

        Raises:
            InvalidArgumentError: the store was opened without records.
        """
        found = self._records() if callable(self._records) else self._records
        if not isinstance(found, Records):
            raise InvalidArgumentError(
                "open",
                "records",
                found,
                "the registers steps are judged by (openco.process.Records, or a function "
                "returning them): appending and reading cases need them",
            )
        return found

    @property
    def engine_name(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Close the store's connections."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        url = self._engine.url.render_as_string(hide_password=True)
        return f"<Store {url}>"

    # --- writing --------------------------------------------------------------------------

    def append(
        self,
        case_id: str,
        records: StepTaken | Sequence[StepTaken],
        *,
        expected_version: int,
    ) -> int:
        """Append *records* to the case *case_id*, which must be at *expected_version*.

        The records are checked by the store's workflow first, against the case as stored: a
        refused step raises and nothing is written. Version 0 means a new case, whose first
        record is its opening. Appending records that are already stored right after
        *expected_version* (a retried request) writes nothing and returns the same version.

        Returns:
            The case's new version (the number of its records).

        Raises:
            ConcurrencyError: the case is no longer at *expected_version*; nothing was written.
            TransitionNotAllowedError: the workflow refuses a record; nothing was written.
            InvalidArgumentError: a bad case id, version or record.
        """
        items = [self._item("append", case_id, records, expected_version)]
        return self._write(items)[0]

    def append_batch(self, batch: Iterable[tuple[str, Sequence[StepTaken], int]]) -> list[int]:
        """Append to many cases in one transaction: all of it is written, or none.

        *batch* holds ``(case_id, records, expected_version)``; each case at most once.
        Returns the new versions in the order given.

        Raises:
            ConcurrencyError, TransitionNotAllowedError, InvalidArgumentError: as
                :meth:`append`, for the first item that fails; nothing was written.
        """
        items = [self._item("append_batch", c, r, v) for c, r, v in batch]
        if len({item[0] for item in items}) != len(items):
            raise InvalidArgumentError(
                "append_batch", "batch", "a case twice", "each case at most once per batch"
            )
        return self._write(items)

    def add(self, case: Case) -> str:
        """Store a new case (all its history); its id is its concern's id, returned.

        Raises:
            ConcurrencyError: a case with that id is already stored (and differs).
        """
        case_id = str(case.concern.id)
        self.append(case_id, case.history, expected_version=0)
        return case_id

    def save(self, case: Case, *, expected_version: int) -> int:
        """Store the records of *case* after the first *expected_version* ones.

        *case* is a stored case (read at *expected_version*) taken further with
        :func:`~openco.process.advance`. Returns the new version.

        Raises:
            ConcurrencyError: another writer got there first; nothing was written.
            InvalidArgumentError: *case* does not start with the stored history.
        """
        if (
            not isinstance(expected_version, int)
            or isinstance(expected_version, bool)
            or not 0 <= expected_version <= len(case.history)
        ):
            raise InvalidArgumentError(
                "save",
                "expected_version",
                expected_version,
                f"a version from 0 to the case's {len(case.history)} records",
            )
        case_id = str(case.concern.id)
        cached = self._cache.get(case_id)
        if cached is not None and cached[0] == expected_version:
            prefix = cached[2].history
            if case.history[:expected_version] != prefix:
                raise InvalidArgumentError(
                    "save", "case", case_id, "a case that starts with the stored history"
                )
        return self.append(
            case_id, case.history[expected_version:], expected_version=expected_version
        )

    def put_document(self, obj: object, *, recorded_on: dt.date, case_id: str | None = None) -> int:
        """Keep *obj* (a family, a professional, a unit, a network map …) as a document.

        A new version is written only if *obj* differs from the latest one. Returns the
        document's version.

        Raises:
            InvalidArgumentError: *obj* has no ``id`` or is no openco document kind.
        """
        if case_id is not None:
            _check_id("put_document", "case_id", case_id)
        kind, doc_id = self._document_kind(obj)
        body = canonical(to_document(obj))
        for attempt in range(_RETRIES):
            try:
                with writing(self._engine.connect()) as conn, conn.begin():
                    return self._put_document(conn, kind, doc_id, body, recorded_on, case_id)
            except sa.exc.IntegrityError:
                if attempt == _RETRIES - 1:
                    raise
        raise AssertionError  # pragma: no cover - the loop returns or raises

    @staticmethod
    def _document_kind(obj: object) -> tuple[str, str]:
        try:
            kind = kind_of(type(obj))
        except TypeError:
            raise InvalidArgumentError(
                "put_document", "obj", type(obj).__name__, "an openco model object"
            ) from None
        doc_id = getattr(obj, "id", None)
        if not isinstance(doc_id, str):
            raise InvalidArgumentError(
                "put_document", "obj", kind, "an object with an id (family, unit, map …)"
            )
        return kind, doc_id

    def _item(
        self, function: str, case_id: object, records: object, expected: object
    ) -> tuple[str, tuple[StepTaken, ...], int]:
        case_id = _check_id(function, "case_id", case_id)
        if isinstance(records, StepTaken):
            records = (records,)
        if not isinstance(records, Sequence) or not records:
            raise InvalidArgumentError(function, "records", records, "one StepTaken or more")
        for record in records:
            if not isinstance(record, StepTaken):
                raise InvalidArgumentError(
                    function, "records", type(record).__name__, "StepTaken records"
                )
        if not isinstance(expected, int) or isinstance(expected, bool) or expected < 0:
            raise InvalidArgumentError(
                function, "expected_version", expected, "a version: a whole number >= 0"
            )
        return case_id, tuple(records), expected

    def _write(self, items: list[tuple[str, tuple[StepTaken, ...], int]]) -> list[int]:
        # Everything that needs no lock is done before the write transaction: serialising the
        # records, replaying the case, the workflow's check, the duties and the documents. The
        # transaction then only checks that the case is still where it was and writes.
        bodies = {case_id: [canonical(record_data(r)) for r in rs] for case_id, rs, _ in items}
        prepared = {
            case_id: self._prepare(case_id, records, expected, bodies[case_id])
            for case_id, records, expected in items
        }
        # One order for every writer, so that two batches cannot deadlock on PostgreSQL.
        order = sorted(range(len(items)), key=lambda i: items[i][0])
        for attempt in range(_RETRIES):
            done: dict[str, tuple[int, str, Case | None]] = {}
            prepared_now: dict[str, list[dict[str, Any]] | None] = {}
            try:
                with writing(self._engine.connect()) as conn, conn.begin():
                    for index in order:
                        case_id, records, expected = items[index]
                        done[case_id], prepared_now[case_id] = self._append_in(
                            conn, case_id, records, expected, bodies[case_id], prepared[case_id]
                        )
                break
            except sa.exc.IntegrityError:
                # Another writer inserted the same new case or document version between our
                # read and our insert (PostgreSQL): try again, which reads what they wrote.
                if attempt == _RETRIES - 1:
                    raise
        for case_id, (version, head, case) in done.items():
            if case is not None:
                self._remember(case_id, version, head, case)
                duties = prepared_now[case_id]
                if duties is not None:
                    self._duties[case_id] = (head, duties)
                    self._duties.move_to_end(case_id)
                    while len(self._duties) > self._cache_size:
                        self._duties.popitem(last=False)
        return [done[case_id][0] for case_id, _, _ in items]

    def _remember(self, case_id: str, version: int, head: str, case: Case) -> None:
        self._cache[case_id] = (version, head, case)
        self._cache.move_to_end(case_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _head(self, conn: sa.Connection, case_id: str, *, lock: bool) -> tuple[int, str]:
        query = _HEAD_LOCKED if lock and self._pg else _HEAD
        row = conn.execute(query, {"cid": case_id}).first()
        return (int(row[0]), str(row[1])) if row is not None else (0, GENESIS)

    def _prepare(
        self, case_id: str, records: tuple[StepTaken, ...], expected: int, bodies: list[str]
    ) -> _Prepared | None:
        """The write, worked out on the case as it stands now; ``None`` if it has moved on.

        A case this store wrote or read last is taken from the cache without asking the
        database, and a new case is assumed new: the write transaction checks both (the
        version and the head hash) and works the write out again if they were wrong.
        """
        cached = self._cache.get(case_id)
        if expected == 0 and cached is None:
            return self._compute(None, case_id, records, bodies, 0, GENESIS)
        if cached is not None and cached[0] == expected:
            return self._compute(None, case_id, records, bodies, expected, cached[1])
        with self._engine.connect() as conn, conn.begin():
            actual, head = self._head(conn, case_id, lock=False)
            if actual != expected:
                return None
            return self._compute(conn, case_id, records, bodies, actual, head)

    def _compute(  # noqa: PLR0917 - the case at its head, and what to append
        self,
        conn: sa.Connection | None,
        case_id: str,
        records: tuple[StepTaken, ...],
        bodies: list[str],
        actual: int,
        head: str,
    ) -> _Prepared:
        case = self._case_at(conn, case_id, actual, head) if actual else None  # conn: if uncached
        registers = self.records()
        case = self._checked(case, records, registers)  # raises if the workflow refuses a step
        rows, prev = [], head
        for version, (record, body) in enumerate(zip(records, bodies, strict=True), actual + 1):
            digest = link(prev, case_id, version, body)
            rows.append(
                {
                    "case_id": case_id,
                    "version": version,
                    "step": record.step.value,
                    "actor": record.actor,
                    "on": record.on,
                    "body": body,
                    "prev": prev,
                    "hash": digest,
                }
            )
            prev = digest
        duties = [
            {
                "case_id": case_id,
                "seq": seq,
                "area": case.family.home_area,
                "due": o.due,
                "rule": o.rule,
                "duty": o.duty.value,
                "owed_by": o.owed_by,
                "owed_by_role": o.owed_by_role.value,
                "ref": o.ref,
            }
            for seq, o in enumerate(
                obligations(case, today=_HORIZON, workflow=self.workflow, records=registers)
            )
        ]
        documents: dict[tuple[str, str], tuple[str, dt.date]] = {}
        for record in records:
            for obj, on in _referred(record):
                key = self._document_kind(obj)
                if key not in documents:
                    documents[key] = (canonical(to_document(obj)), on)
        return _Prepared(
            version=actual, head=head, new_head=prev, case=case, rows=rows, duties=duties,
            documents=documents,
        )  # fmt: skip

    def _append_in(  # noqa: PLR0917 - one item of a write, as _write holds it
        self,
        conn: sa.Connection,
        case_id: str,
        records: tuple[StepTaken, ...],
        expected: int,
        bodies: list[str],
        prepared: _Prepared | None,
    ) -> tuple[tuple[int, str, Case | None], list[dict[str, Any]] | None]:
        """Write one item; its (version, head, case) and the duty rows now stored for it."""
        actual, head = self._head(conn, case_id, lock=True)
        if actual != expected:
            if actual >= expected + len(records) and self._stored(conn, case_id, expected, bodies):
                return (expected + len(records), "", None), None
            raise ConcurrencyError(case_id, expected, actual)
        if prepared is None or (prepared.version, prepared.head) != (actual, head):
            prepared = self._compute(conn, case_id, records, bodies, actual, head)
        case = prepared.case
        conn.execute(_INSERT_RECORDS, prepared.rows)
        version = actual + len(records)
        values = {
            "version": version,
            "head": prepared.new_head,
            "stage": case.stage.value,
            "area": case.family.home_area,
            "unit": case.unit,
            "contact": case.contact,
            "family": case.family.id,
            "child": case.child,
            "opened_on": case.opened_on,
            "last_on": case.last_on,
        }
        if actual == 0:
            conn.execute(_INSERT_CASE, {"case_id": case_id, **values})
            members = {m.id for m in case.family.members}
            conn.execute(
                _INSERT_PERSONS, [{"person_id": p, "case_id": case_id} for p in sorted(members)]
            )
        else:
            conn.execute(_UPDATE_CASE, {"cid": case_id, "was": actual, **values})
        if actual == 0 or self._duties.get(case_id) != (head, prepared.duties):
            if actual:
                conn.execute(_DELETE_DUTIES, {"cid": case_id})
            if prepared.duties:
                conn.execute(_INSERT_DUTIES, prepared.duties)
        for (kind, doc_id), (body, on) in prepared.documents.items():
            self._put_document(conn, kind, doc_id, body, on, case_id)
        return (version, prepared.new_head, case), prepared.duties

    def _checked(
        self, case: Case | None, records: tuple[StepTaken, ...], registers: Records
    ) -> Case:
        """The case after *records*, each checked by the workflow (which raises if refused)."""
        start = 0
        if case is None:
            # A new case's opening: the day it is dated is the writer's, not checked here.
            case = replay(records[:1], workflow=self.workflow, records=registers, today=dt.date.max)
            start = 1
        for r in records[start:]:
            case = advance(case, r.step, actor=r.actor, on=r.on, role=r.role,
                           reason=r.reason, detail=r.detail, consents=r.consents,
                           workflow=self.workflow, records=registers)  # fmt: skip
        return case

    def _stored(self, conn: sa.Connection, case_id: str, after: int, bodies: list[str]) -> bool:
        """Whether the records after version *after* are exactly *bodies* (a retry)."""
        stored = conn.execute(
            sa.select(RECORDS.c.body)
            .where(
                RECORDS.c.case_id == case_id,
                RECORDS.c.version > after,
                RECORDS.c.version <= after + len(bodies),
            )
            .order_by(RECORDS.c.version)
        ).scalars()
        return list(stored) == bodies

    def _put_document(  # noqa: PLR0917 - a document's row, in the table's order
        self,
        conn: sa.Connection,
        kind: str,
        doc_id: str,
        body: str,
        on: dt.date,
        case_id: str | None,
    ) -> int:
        latest = conn.execute(_LATEST_DOCUMENT, {"k": kind, "d": doc_id}).first()
        if latest is not None and latest[1] == body:
            return int(latest[0])
        version, prev = (latest[0] + 1, latest[2]) if latest is not None else (1, GENESIS)
        conn.execute(
            _INSERT_DOCUMENT,
            {
                "kind": kind,
                "doc_id": doc_id,
                "version": version,
                "case_id": case_id,
                "recorded_on": on,
                "body": body,
                "prev": prev,
                "hash": link(prev, f"{kind}/{doc_id}", version, body),
            },
        )
        return int(version)

    # --- reading --------------------------------------------------------------------------

    def _when(self, function: str, at: dt.datetime | None) -> str:
        if at is None and self._clock is not None:
            at = self._clock()
        if not isinstance(at, dt.datetime) or at.tzinfo is None or at.utcoffset() is None:
            raise InvalidArgumentError(
                function,
                "at",
                at,
                "a timezone-aware datetime, or a store opened with a clock "
                "(openco.store.open(..., clock=system_clock))",
            )
        return _utc_text(at)

    def _access(
        self,
        function: str,
        reader: object,
        purpose: str | None,
        basis: str | None,
        at: dt.datetime | None,
    ) -> dict[str, Any]:
        """The log line's common part; refuses a read with no reader, purpose or basis."""
        if not isinstance(reader, Reader):
            raise InvalidArgumentError(
                function, "reader", reader, "a Reader: who reads, and for which unit"
            )
        purpose = _optional_text(function, "purpose", purpose)
        basis = _optional_text(function, "basis", basis)
        if purpose is None and basis is None:
            raise InvalidArgumentError(
                function, "purpose", None, "a purpose or a statutory basis for the read"
            )
        return {
            "at": self._when(function, at),
            "reader": reader.person,
            "reader_unit": reader.unit,
            "purpose": purpose,
            "basis": basis,
        }

    def read(
        self,
        case_id: str,
        *,
        reader: Reader,
        purpose: str | None = None,
        basis: str | None = None,
        at: dt.datetime | None = None,
    ) -> StoredCase:
        """The whole case *case_id*, read by *reader* for *purpose* (or under *basis*).

        The read is logged (who, when, which case, why) in the same transaction that reads
        the case: no read escapes the log. The full case is for the case's own workers; others
        should use a consent-aware view.

        Raises:
            InvalidArgumentError: no reader, no purpose or basis, or no time (*at* or a clock).
            StoreError: no such case, or its stored history no longer replays.
        """
        case_id = _check_id("read", "case_id", case_id)
        line = self._access("read", reader, purpose, basis, at)
        with writing(self._engine.connect()) as conn, conn.begin():
            stored = self._load(conn, case_id)
            conn.execute(
                sa.insert(ACCESS_LOG).values(
                    action="read", case_id=case_id, outcome="shown", **line
                )
            )
        return stored

    def view(
        self,
        case_id: str,
        *,
        reader: Reader,
        purpose: str | None = None,
        basis: StatutoryBasis | None = None,
        at: dt.datetime | None = None,
    ) -> CaseView:
        """What *reader* may see of *case_id*, judged by consent and statutory basis; logged.

        The case's own workers (professionals whose unit in the store's records is the
        case's unit) see it whole. Anyone else sees the records they took themselves and
        those whose data (the concern, a meeting, a plan) a consent in scope on the day of
        the read, or the stated statutory *basis*, discloses to their unit (to them, if the
        records know no unit of theirs); the rest is withheld with the reasons. The reader's
        unit is the records', never the one the caller states.

        Raises:
            InvalidArgumentError: no reader, no purpose or basis, no time.
            StoreError: no such case.
        """
        case_id = _check_id("view", "case_id", case_id)
        if basis is not None and not isinstance(basis, StatutoryBasis):
            raise InvalidArgumentError("view", "basis", basis, "a StatutoryBasis, or None")
        stated = None if basis is None else f"{basis.provision.value}: {basis.reason}"
        line = self._access("view", reader, purpose, stated, at)
        day = dt.datetime.fromisoformat(line["at"]).date() if at is None else at.date()
        registers = self.records()
        with writing(self._engine.connect()) as conn, conn.begin():
            stored = self._load(conn, case_id)
            case = stored.case
            home = registers.unit_of(reader.person)
            full = home is not None and home.id == case.unit
            judged: dict[DataScope, tuple[Refusal, ...]] = {}
            shown: list[StepTaken] = []
            withheld: list[Withheld] = []
            for version, record in enumerate(case.history, 1):
                if full or record.actor == reader.person:
                    shown.append(record)
                    continue
                scope = scope_of(record)
                if scope not in judged:
                    answer = may_disclose(
                        case, records=registers, on=day, scopes=(scope,), basis=basis,
                        **({"unit": home.id} if home is not None else {"person": reader.person}),
                    )  # fmt: skip
                    judged[scope] = () if answer.allowed else answer.reasons
                if judged[scope]:
                    withheld.append(Withheld(version=version, step=record.step.value,
                                             scope=scope, reasons=judged[scope]))  # fmt: skip
                else:
                    shown.append(record)
            conn.execute(
                sa.insert(ACCESS_LOG).values(
                    action="view", case_id=case_id,
                    outcome="withheld" if withheld else "shown", **line,
                )
            )  # fmt: skip
        hidden = {w.version - 1 for w in withheld}
        visible = tuple(
            f
            for f in flags(case, records=registers, workflow=self.workflow)
            if f.record not in hidden and not hidden.intersection(f.refers_to)
        )
        return CaseView(case_id=case_id, version=stored.version, full=full,
                        shown=tuple(shown), withheld=tuple(withheld), flags=visible)  # fmt: skip

    def _load(self, conn: sa.Connection, case_id: str) -> StoredCase:
        row = conn.execute(
            sa.select(CASES.c.version, CASES.c.head).where(CASES.c.case_id == case_id)
        ).first()
        if row is None:
            raise StoreError(f"case {case_id!r}", "no such case in the store")
        case = self._case_at(conn, case_id, row[0], row[1])
        return StoredCase(case_id=case_id, version=row[0], case=case)

    def _case_at(self, conn: sa.Connection | None, case_id: str, version: int, head: str) -> Case:
        """The case at *version* with *head*: from the cache, or read (*conn*) and replayed."""
        cached = self._cache.get(case_id)
        if cached is not None and cached[0] == version and cached[1] == head:
            self._cache.move_to_end(case_id)
            return cached[2]
        if conn is None:  # pragma: no cover - _prepare passes no connection only on a cache hit
            raise AssertionError(case_id)
        bodies = conn.execute(_BODIES, {"cid": case_id, "upto": version}).scalars()
        case = self.replay_bodies(case_id, list(bodies))
        self._remember(case_id, version, head, case)
        return case

    def replay_bodies(self, case_id: str, bodies: Sequence[str]) -> Case:
        """The case whose stored records are *bodies* (canonical JSON), replayed.

        Raises:
            StoreError: the records do not replay under the store's workflow.
        """
        history = [json.loads(body) for body in bodies]
        # The records were checked when they were appended and are dated up to their last day:
        # they are replayed under the store's workflow and registers, with no "today" to pass.
        case, problems = structure_case(
            {"history": history}, workflow=self.workflow, records=self.records(), today=dt.date.max
        )
        if case is None:
            shown = "; ".join(str(p) for p in problems[:3])
            raise StoreError(f"case {case_id!r}", f"the stored history does not replay: {shown}")
        return case

    def document(
        self,
        cls: type[T],
        doc_id: str,
        *,
        reader: Reader,
        version: int | None = None,
        purpose: str | None = None,
        basis: str | None = None,
        at: dt.datetime | None = None,
    ) -> T:
        """The document *doc_id* of class *cls* (its latest *version* unless given), logged.

        Raises:
            StoreError: no such document (or version).
        """
        try:
            kind = kind_of(cls)
        except TypeError:
            raise InvalidArgumentError("document", "cls", cls, "an openco document class") from None
        doc_id = _check_id("document", "doc_id", doc_id)
        line = self._access("document", reader, purpose, basis, at)
        query = sa.select(DOCUMENTS.c.version, DOCUMENTS.c.body, DOCUMENTS.c.case_id).where(
            DOCUMENTS.c.kind == kind, DOCUMENTS.c.doc_id == doc_id
        )
        if version is not None:
            query = query.where(DOCUMENTS.c.version == version)
        with writing(self._engine.connect()) as conn, conn.begin():
            row = conn.execute(query.order_by(DOCUMENTS.c.version.desc()).limit(1)).first()
            if row is None:
                raise StoreError(f"{kind} {doc_id!r}", "no such document (or version) stored")
            conn.execute(
                sa.insert(ACCESS_LOG).values(
                    action="document",
                    case_id=row[2],
                    kind=kind,
                    doc_id=doc_id,
                    doc_version=row[0],
                    outcome="shown",
                    **line,
                )
            )
        try:
            return loads(row[1], cls)
        except InvalidDocumentError as error:  # pragma: no cover - only a tampered store
            raise StoreError(
                f"{kind} {doc_id!r}", f"the stored document is invalid: {error}"
            ) from None

    def version(self, case_id: str) -> int:
        """The version of *case_id* (0 if no such case); reveals nothing else, not logged."""
        case_id = _check_id("version", "case_id", case_id)
        with self._engine.connect() as conn, conn.begin():
            found = conn.execute(
                sa.select(CASES.c.version).where(CASES.c.case_id == case_id)
            ).scalar()
        return int(found or 0)

    def __len__(self) -> int:
        with self._engine.connect() as conn, conn.begin():
            return int(conn.execute(sa.select(sa.func.count()).select_from(CASES)).scalar() or 0)

    def worklist(
        self,
        area: str,
        *,
        until: dt.date,
        reader: Reader,
        since: dt.date | None = None,
        purpose: str | None = None,
        basis: str | None = None,
        at: dt.datetime | None = None,
    ) -> tuple[WorkItem, ...]:
        """Every open duty in *area* due on or before *until*, earliest first: one query.

        Overdue duties are listed too, unless *since* limits the list to duties due on or after
        it ("this week": *since* Monday, *until* Sunday). Each case that appears is logged as
        read by *reader* (it is use of the family's data).
        """
        area = _check_id("worklist", "area", area)
        for name, day in (("until", until), ("since", since)):
            if (name == "until" or day is not None) and (
                not isinstance(day, dt.date) or isinstance(day, dt.datetime)
            ):
                raise InvalidArgumentError("worklist", name, day, "a datetime.date")
        line = self._access("worklist", reader, purpose, basis, at)
        query = (
            sa.select(DUTIES, CASES.c.stage)
            .join(CASES, CASES.c.case_id == DUTIES.c.case_id)
            .where(DUTIES.c.area == area, DUTIES.c.due <= until)
            .order_by(DUTIES.c.due, DUTIES.c.case_id, DUTIES.c.seq)
        )
        if since is not None:
            query = query.where(DUTIES.c.due >= since)
        with writing(self._engine.connect()) as conn, conn.begin():
            rows = conn.execute(query).all()
            items = tuple(
                WorkItem(
                    case_id=r.case_id,
                    area=r.area,
                    stage=r.stage,
                    due=r.due,
                    rule=r.rule,
                    duty=Duty(r.duty),
                    owed_by=r.owed_by,
                    owed_by_role=ActorRole(r.owed_by_role),
                    ref=r.ref,
                )
                for r in rows
            )
            cases = sorted({item.case_id for item in items})
            if cases:
                conn.execute(
                    sa.insert(ACCESS_LOG),
                    [
                        {
                            "action": "worklist",
                            "case_id": c,
                            "kind": None,
                            "doc_id": None,
                            "doc_version": None,
                            "outcome": "shown",
                            **line,
                        }
                        for c in cases
                    ],
                )
        return items

    # --- accountability -------------------------------------------------------------------

    def access_log(
        self,
        *,
        person: str | None = None,
        case_id: str | None = None,
        since: dt.datetime | None = None,
    ) -> tuple[Access, ...]:
        """The log of reads: of *person*'s data (a client's extract), or of one case.

        *person* is a family member whose cases are found through the store (a child, a
        parent); *since* limits the extract (the Client Data Act gives older log data only
        for a special reason). Oldest first.
        """
        if (person is None) == (case_id is None):
            raise InvalidArgumentError(
                "access_log", "person", person, "exactly one of person or case_id"
            )
        query = sa.select(ACCESS_LOG).order_by(ACCESS_LOG.c.seq)
        if person is not None:
            person = _check_id("access_log", "person", person)
            cases = sa.select(CASE_PERSONS.c.case_id).where(CASE_PERSONS.c.person_id == person)
            query = query.where(ACCESS_LOG.c.case_id.in_(cases))
        else:
            query = query.where(ACCESS_LOG.c.case_id == _check_id("access_log", "case_id", case_id))
        if since is not None:
            query = query.where(ACCESS_LOG.c.at >= self._when("access_log", since))
        with self._engine.connect() as conn, conn.begin():
            rows = conn.execute(query).all()
        return tuple(
            Access(
                seq=r.seq,
                at=dt.datetime.fromisoformat(r.at),
                reader=r.reader,
                reader_unit=r.reader_unit,
                action=r.action,
                case_id=r.case_id,
                kind=r.kind,
                doc_id=r.doc_id,
                doc_version=r.doc_version,
                purpose=r.purpose,
                basis=r.basis,
                outcome=r.outcome,
            )
            for r in rows
        )

    def verify(self) -> Verification:
        """Check every hash chain; report the first broken record of each broken chain.

        A chain breaks where a record's hash does not match its content and the hash before
        it, where a version is missing or repeated, or where a case's head (its version and
        last hash) does not match its last record (a record removed from the end).
        """
        breaks: list[ChainBreak] = []
        records = documents = 0
        with self._engine.connect() as conn, conn.begin():
            heads = {
                r[0]: (r[1], r[2])
                for r in conn.execute(sa.select(CASES.c.case_id, CASES.c.version, CASES.c.head))
            }
            rows = conn.execution_options(yield_per=2000).execute(
                sa.select(
                    RECORDS.c.case_id,
                    RECORDS.c.version,
                    RECORDS.c.body,
                    RECORDS.c.prev,
                    RECORDS.c.hash,
                ).order_by(RECORDS.c.case_id, RECORDS.c.version)
            )
            seen: dict[str, tuple[int, str]] = {}
            for subject, version, body, prev, digest in rows:
                records += 1
                problem = _check_link(seen, subject, subject, version, body, prev, digest)
                if problem is not None:
                    breaks.append(problem)
            for case_id, (version, head) in heads.items():
                last = seen.get(case_id)
                if last is None:
                    breaks.append(
                        ChainBreak(subject=case_id, version=1, problem="no records stored")
                    )
                elif last[0] >= 0 and last != (version, head):
                    breaks.append(
                        ChainBreak(
                            subject=case_id,
                            version=last[0] + 1 if last[0] < version else version,
                            problem=f"the case's head says version {version}, "
                            f"the chain ends at {last[0]}",
                        )
                    )
            breaks.extend(
                ChainBreak(
                    subject=case_id,
                    version=1,
                    problem="records of a case the store does not list",
                )
                for case_id in sorted(set(seen) - set(heads))
            )
            docs = conn.execution_options(yield_per=2000).execute(
                sa.select(
                    DOCUMENTS.c.kind,
                    DOCUMENTS.c.doc_id,
                    DOCUMENTS.c.version,
                    DOCUMENTS.c.body,
                    DOCUMENTS.c.prev,
                    DOCUMENTS.c.hash,
                ).order_by(DOCUMENTS.c.kind, DOCUMENTS.c.doc_id, DOCUMENTS.c.version)
            )
            seen = {}
            for kind, doc_id, version, body, prev, digest in docs:
                documents += 1
                subject = f"{kind}/{doc_id}"
                problem = _check_link(seen, subject, subject, version, body, prev, digest)
                if problem is not None:
                    breaks.append(problem)
        return Verification(records=records, documents=documents, breaks=tuple(breaks))

    # --- retention ------------------------------------------------------------------------

    def retention(self) -> dict[str, Retention]:
        """The retention rules in force: openco's defaults, overridden by the stored ones."""
        rules = dict(DEFAULT_RETENTION)
        with self._engine.connect() as conn, conn.begin():
            for kind, years, basis in conn.execute(sa.select(RETENTION)):
                rules[kind] = Retention(kind=kind, years=years, basis=basis)
        return rules

    def set_retention(self, rule: Retention) -> None:
        """Keep records of ``rule.kind`` for ``rule.years`` (stored: it is the store's data)."""
        if not isinstance(rule, Retention):
            raise InvalidArgumentError("set_retention", "rule", rule, "a Retention")
        with writing(self._engine.connect()) as conn, conn.begin():
            conn.execute(sa.delete(RETENTION).where(RETENTION.c.kind == rule.kind))
            conn.execute(
                sa.insert(RETENTION).values(kind=rule.kind, years=rule.years, basis=rule.basis)
            )

    def expired(self, today: dt.date) -> tuple[Expired, ...]:
        """What has passed its retention on *today*: closed cases, and documents kept apart.

        Nothing is deleted: the list is for the data controller's decision.
        """
        if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
            raise InvalidArgumentError("expired", "today", today, "a datetime.date")
        rules = self.retention()
        case_rule = rules["case"]
        final = sorted(stage.value for stage in self.workflow.final)
        found: list[Expired] = []
        with self._engine.connect() as conn, conn.begin():
            cases = conn.execute(
                sa.select(CASES.c.case_id, CASES.c.last_on)
                .where(CASES.c.stage.in_(final))
                .order_by(CASES.c.case_id)
            )
            for case_id, last_on in cases:
                since = years_after(last_on, case_rule.years)
                if since <= today:
                    found.append(
                        Expired(kind="case", id=case_id, since=since, basis=case_rule.basis)
                    )
            documents = conn.execute(
                sa.select(
                    DOCUMENTS.c.kind, DOCUMENTS.c.doc_id, sa.func.max(DOCUMENTS.c.recorded_on)
                )
                .where(DOCUMENTS.c.case_id.is_(None))
                .group_by(DOCUMENTS.c.kind, DOCUMENTS.c.doc_id)
                .order_by(DOCUMENTS.c.kind, DOCUMENTS.c.doc_id)
            )
            for kind, doc_id, latest in documents:
                rule = rules.get(kind, case_rule)
                since = years_after(latest, rule.years)
                if since <= today:
                    found.append(Expired(kind=kind, id=doc_id, since=since, basis=rule.basis))
        return tuple(found)


def _check_link(  # noqa: PLR0917 - one link's fields, in the order of the table's columns
    seen: dict[str, tuple[int, str]],
    key: str,
    subject: str,
    version: int,
    body: str,
    prev: str,
    digest: str,
) -> ChainBreak | None:
    """Check one link of *subject*'s chain; ``seen`` holds each chain's last good link.

    A broken chain is marked with version -1, so that only its first break is reported.
    """
    last_version, last_hash = seen.get(key, (0, GENESIS))
    if last_version < 0:
        return None
    problem = None
    if version != last_version + 1:
        problem = f"version {last_version + 1} is missing (found {version})"
        version = last_version + 1
    elif prev != last_hash:
        problem = "it does not point at the record before it"
    elif link(prev, subject, version, body) != digest:
        problem = "its content does not match its hash"
    if problem is not None:
        seen[key] = (-1, "")
        return ChainBreak(subject=subject, version=version, problem=problem)
    seen[key] = (version, digest)
    return None


def open_store(
    target: str | Path,
    *,
    records: Records | Callable[[], Records] | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
    clock: Callable[[], dt.datetime] | None = None,
) -> Store:
    """Open (creating or upgrading its schema) the store at *target*.

    *target* is an SQLite file (a path, or ``sqlite:///path``) or a PostgreSQL URL
    (``postgresql://user@host/db``). *records* are the registers (units, professionals,
    families) every step is judged by, as in :mod:`openco.process`: a
    :class:`~openco.process.Records`, or a function that returns the current ones; appending
    and reading cases need them, checking chains and logs do not. A stored history is replayed
    with them, so they must keep everyone it names (a worker who has left stays in the
    register). *clock* gives the time of each logged read when the
    call does not pass ``at=`` (e.g. :func:`openco.store.clock.system_clock`).

    Raises:
        StoreError: the database is another kind, or was written by a newer openco.
        MissingDependencyError: PostgreSQL without psycopg installed.
    """
    engine = make_engine(target)
    try:
        migrate(engine)
    except Exception:
        engine.dispose()
        raise
    return Store(engine, records=records, workflow=workflow, clock=clock)
