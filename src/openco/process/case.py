"""A case: one worker's concern about a child, and everything done about it since.

A :class:`Case` is an immutable value. Its :attr:`Case.history` is the full record: one
:class:`StepTaken` per step, oldest first, the first being the :class:`Opening` made from the
concern. Every other field of the case (the stage, the latest zone assessment, the meeting held,
the plan agreed, the consents given …) follows from the history, so that
:func:`openco.process.workflow.replay` of the history gives back an equal case. New cases come
from :func:`openco.process.workflow.open_case`, later ones from
:func:`openco.process.workflow.advance`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import threading
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from openco.model import _validators as v
from openco.model.concern import Concern, ConcernZone, ZoneAssessment
from openco.model.consent import Consent, ConsentDecision
from openco.model.family import Family
from openco.model.ids import ConsentId, PersonId, ProfessionalId, UnitId
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting
from openco.model.plan import Plan
from openco.process.details import FollowUp, Handover, Invitation
from openco.process.stages import ActorRole

__all__ = [
    "REMEMBER_FROM",
    "Case",
    "Opening",
    "StepTaken",
    "fold",
    "merge_consent",
    "merge_consents",
    "new_case",
    "opening_history",
    "step_taken",
]


@attrs.frozen(kw_only=True)
class Opening:
    """The detail of a case's first record: the concern, the child's family and the unit.

    *unit* is the unit of the worker whose concern it is; it is the case's own unit, so that a
    professional of *another* unit is recognisable when data would be shared with them.
    """

    concern: Concern = attrs.field()
    family: Family = attrs.field()
    unit: UnitId = attrs.field(validator=v.identifier)

    @concern.validator
    def _check_concern(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Concern):
            raise v.fail(self, attribute.name, value, "a Concern")

    @family.validator
    def _check_family(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Family):
            raise v.fail(self, attribute.name, value, "a Family")


def _consents(value: tuple[Consent, ...] | list[Consent]) -> tuple[Consent, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen(kw_only=True, weakref_slot=False)
class StepTaken:
    """A step that was taken: what, by whom and in what role, on which day, why, and with what.

    *detail* is what the step records (a :class:`~openco.model.concern.ZoneAssessment`, a
    :class:`~openco.model.meeting.Meeting`, a :class:`~openco.model.plan.Plan`, a
    :class:`~openco.process.statutory.Notification` …; see
    :data:`openco.process.transitions.DEFAULT_DETAILS`). *consents* are consents the family
    gave at this step. Records are never changed; a correction is a new step.

    >>> from openco.process.stages import Step
    >>> r = StepTaken(step=Step.CLOSE, actor=PersonId("w1"), role=ActorRole.WORKER,
    ...               on=dt.date(2026, 9, 1), reason="The worry has eased")
    >>> r.step.label("fi"), r.meeting, r.plan
    ('päätä', None, None)
    """

    step: LabelledEnum = attrs.field()
    actor: PersonId = attrs.field(validator=v.identifier)
    role: ActorRole = attrs.field(validator=v.member_of(ActorRole))
    on: dt.date = attrs.field(validator=v.day)
    reason: str | None = attrs.field(default=None, validator=v.optional_text)
    detail: object = None
    consents: tuple[Consent, ...] = attrs.field(
        default=(), converter=_consents, validator=v.each(Consent, "a Consent")
    )

    @step.validator
    def _check_step(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, LabelledEnum):
            raise v.fail(self, attribute.name, value, "a Step (a LabelledEnum member)")

    @property
    def meeting(self) -> Meeting | None:
        """The meeting this step refers to (held, or held as the follow-up), if any."""
        detail = self.detail
        if isinstance(detail, Meeting):
            return detail
        if isinstance(detail, FollowUp):
            return detail.meeting
        return None

    @property
    def plan(self) -> Plan | None:
        """The plan this step refers to (agreed, or as it stood at the follow-up), if any."""
        detail = self.detail
        if isinstance(detail, Plan):
            return detail
        if isinstance(detail, FollowUp):
            return detail.plan
        return None

    @property
    def assessment(self) -> ZoneAssessment | None:
        """The zone assessment this step recorded, if any."""
        detail = self.detail
        return detail if isinstance(detail, ZoneAssessment) else None


_new: Final = object.__new__
_TAKEN_SET: Final = {a.name: StepTaken.__dict__[a.name].__set__ for a in attrs.fields(StepTaken)}
_IDS_SEEN: Final[set[str]] = set()
"""Actor ids a record has been built with: the id check gives the same answer again."""
_IDS_SEEN_MAX: Final = 4096


def step_taken(
    *,
    step: LabelledEnum,
    actor: PersonId,
    role: ActorRole,
    on: dt.date,
    reason: str | None,
    detail: object,
    consents: tuple[Consent, ...] | list[Consent],
) -> StepTaken:
    """``StepTaken(...)`` with these fields, for :func:`openco.process.advance`.

    The fields are checked as the class's validators check them; what they have accepted
    before (an actor id) is not checked again, and anything else unusual goes through the
    class itself, so that a bad field is refused with the very same error.
    """
    if (
        reason is None
        and type(on) is dt.date
        and type(role) is ActorRole
        and type(actor) is str
        and actor in _IDS_SEEN
        and isinstance(step, LabelledEnum)
        and type(consents) is tuple
        and (not consents or all(type(c) is Consent for c in consents))
    ):
        record: StepTaken = _new(StepTaken)
        _set_step(record, step)
        _set_actor(record, actor)
        _set_role(record, role)
        _set_on(record, on)
        _set_reason(record, None)
        _set_detail(record, detail)
        _set_record_consents(record, consents)
        return record
    record = StepTaken(
        step=step, actor=actor, role=role, on=on, reason=reason, detail=detail, consents=consents
    )
    if type(actor) is str:
        if len(_IDS_SEEN) >= _IDS_SEEN_MAX:
            _IDS_SEEN.clear()
        _IDS_SEEN.add(actor)
    return record


_set_step, _set_actor, _set_role, _set_on = (
    _TAKEN_SET["step"], _TAKEN_SET["actor"], _TAKEN_SET["role"], _TAKEN_SET["on"],
)  # fmt: skip
_set_reason, _set_detail, _set_record_consents = (
    _TAKEN_SET["reason"], _TAKEN_SET["detail"], _TAKEN_SET["consents"],
)  # fmt: skip


# --------------------------------------------------------------------------- the shared log

_LOCK: Final = threading.Lock()
"""Held while a log's answers are extended (two threads may read one case at once)."""


def merge_consent(before: Consent | None, consent: Consent) -> Consent:
    """The state of a declaration after *consent*, a copy given later than *before*.

    The latest copy is the state, except that a withdrawal is final (the earliest withdrawal
    stays) and a refusal or prohibition is not undone by a copy that says "given".
    """
    if before is None:
        return consent
    withdrawn = [d for d in (before.withdrawn_on, consent.withdrawn_on) if d is not None]
    decision = consent.decision
    if before.decision is not ConsentDecision.GIVEN and decision is ConsentDecision.GIVEN:
        decision = before.decision
    return attrs.evolve(
        consent, withdrawn_on=min(withdrawn) if withdrawn else None, decision=decision
    )


def merge_consents(
    states: Mapping[ConsentId, Consent], consents: Iterable[Consent]
) -> dict[ConsentId, Consent]:
    """A copy of *states* (latest state by id) with *consents*, given later, taken in."""
    merged = dict(states)
    for consent in consents:
        merged[consent.id] = merge_consent(merged.get(consent.id), consent)
    return merged


REMEMBER_FROM: Final = 32
"""A history at least this long remembers where the records rules ask for are; a shorter one is
walked again when asked (it costs as little, and a short case holds no memory for them)."""


class _Log:
    """The records of a case and of the cases advanced from it: a list only ever appended to.

    A case sees the first *n* records of its log. Advancing the newest case of a log appends
    to the same list, so a step costs the same however long the history is; advancing an
    older case again starts a new log with a copy of its records. The log also remembers the
    answers to the questions rules ask of a history (where the records of some steps are, who
    has acted …), each found once for every record and extended as the log grows.
    """

    __slots__ = ("_found", "records")

    def __init__(self, records: list[StepTaken]) -> None:
        self.records = records
        self._found: dict[object, tuple[list[int], Any]] | None = None

    def positions(self, key: object, matches: Callable[[StepTaken], bool], upto: int) -> list[int]:
        """The positions (ascending) of the records that *matches*, at least below *upto*."""
        if upto < REMEMBER_FROM:
            records = self.records
            return [i for i in range(upto) if matches(records[i])]
        entry = self._found.get(key) if self._found is not None else None
        if entry is None or entry[0][0] < upto:
            with _LOCK:
                if self._found is None:
                    self._found = {}
                entry = self._found.get(key)
                if entry is None:
                    entry = self._found[key] = ([0], [])
                scanned, found = entry
                records = self.records
                found.extend(i for i in range(scanned[0], upto) if matches(records[i]))
                scanned[0] = max(scanned[0], upto)
        found_positions: list[int] = entry[1]
        return found_positions

    def actor_roles(self, upto: int) -> dict[tuple[PersonId, ActorRole], int]:
        """Each (actor, role) of the records, with its first position, at least below *upto*."""
        if upto < REMEMBER_FROM:
            first: dict[tuple[PersonId, ActorRole], int] = {}
            for i, record in enumerate(itertools.islice(self.records, upto)):
                first.setdefault((record.actor, record.role), i)
            return first
        entry = self._found.get("actors") if self._found is not None else None
        if entry is None or entry[0][0] < upto:
            with _LOCK:
                if self._found is None:
                    self._found = {}
                entry = self._found.get("actors")
                if entry is None:
                    entry = self._found["actors"] = ([0], {})
                scanned, firsts = entry
                records = self.records
                for i in range(scanned[0], upto):
                    record = records[i]
                    firsts.setdefault((record.actor, record.role), i)
                scanned[0] = max(scanned[0], upto)
        found: dict[tuple[PersonId, ActorRole], int] = entry[1]
        return found


class _History:
    """A case's view of its log: the first *n* records, and what follows from them.

    Immutable from outside: the records below *n* never change. The history as a tuple is
    made when first asked for and kept; the latest state of each consent is carried forward
    from the view before, once some rule has asked for it.
    """

    __slots__ = ("_log", "_n", "_states", "_tuple")
    _tuple: tuple[StepTaken, ...]

    def __init__(self, log: _Log, n: int, states: dict[ConsentId, Consent] | None = None) -> None:
        self._log = log
        self._n = n
        self._states = states

    @classmethod
    def of(cls, records: tuple[StepTaken, ...]) -> _History:
        """The view of a new log holding *records*."""
        view = cls(_Log(list(records)), len(records))
        view._tuple = records
        return view

    def __reduce__(self) -> tuple[Any, ...]:
        return (_History.of, (self.records,))

    def __len__(self) -> int:
        return self._n

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _History):
            return NotImplemented
        if other._log is self._log:
            return other._n == self._n
        return other._n == self._n and other.records == self.records

    def __hash__(self) -> int:
        return hash(self.records)

    def __repr__(self) -> str:
        return repr(self.records)

    @property
    def records(self) -> tuple[StepTaken, ...]:
        """The history as a tuple (made once)."""
        try:
            return self._tuple
        except AttributeError:
            records = self._log.records
            n = self._n
            found = tuple(records) if len(records) == n else tuple(records[:n])
            self._tuple = found
            return found

    def _own(self) -> Iterable[StepTaken]:
        """The records of this view, without making them a tuple."""
        return itertools.islice(self._log.records, self._n)

    def at(self, index: int) -> StepTaken:
        """The record at *index* (negative: from the end)."""
        n = self._n
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        return self._log.records[index]

    def last(self) -> StepTaken:
        """The latest record."""
        return self._log.records[self._n - 1]

    def then(self, record: StepTaken) -> _History:
        """The view with *record* appended: in place if this view is the log's newest."""
        log, n = self._log, self._n
        records = log.records
        if len(records) == n:
            records.append(record)
            if records[n] is not record:  # another case took position n first
                log = _Log([*records[:n], record])
        else:
            log = _Log([*records[:n], record])
        states = self._states
        if states is not None and record.consents:
            states = merge_consents(states, record.consents)
        view: _History = _new(_History)
        _set_log(view, log)
        _set_n(view, n + 1)
        _set_states(view, states)
        return view

    def states(self) -> Mapping[ConsentId, Consent]:
        """The latest state of each consent given in these records, by id, in first order."""
        states = self._states
        if states is None:
            states = merge_consents({}, (c for r in self._own() for c in r.consents))
            self._states = states  # kept, and carried forward from step to step
        return types.MappingProxyType(states)

    def consents(self) -> tuple[Consent, ...]:
        """Every consent given in these records, in order."""
        return tuple(c for r in self._own() for c in r.consents)

    def positions(self, key: object, matches: Callable[[StepTaken], bool]) -> list[int]:
        """The positions of the records that *matches* (ascending; later ones may follow)."""
        return self._log.positions(key, matches, self._n)

    def actor_roles(self) -> list[tuple[PersonId, ActorRole]]:
        """Each actor and role of these records, once, in order."""
        n = self._n
        return [found for found, first in self._log.actor_roles(n).items() if first < n]

    def latest(self, positions: list[int]) -> StepTaken | None:
        """The latest record of this view among *positions* (ascending), if any."""
        n = self._n
        if not positions:
            return None
        if positions[-1] < n:
            return self._log.records[positions[-1]]
        i = bisect.bisect_left(positions, n)
        return self._log.records[positions[i - 1]] if i else None

    def first(self, positions: list[int]) -> StepTaken | None:
        """The first record of this view among *positions* (ascending), if any."""
        if positions and positions[0] < self._n:
            return self._log.records[positions[0]]
        return None


_set_log: Final = _History.__dict__["_log"].__set__
_set_n: Final = _History.__dict__["_n"].__set__
_set_states: Final = _History.__dict__["_states"].__set__


def _history(value: tuple[StepTaken, ...] | _History) -> _History:
    if type(value) is _History:
        return value
    return _History.of(value if type(value) is tuple else tuple(value))  # type: ignore[arg-type]


def _history_key(value: _History) -> tuple[StepTaken, ...]:
    return value.records


def _consents_or_derived(
    value: tuple[Consent, ...] | list[Consent] | None,
) -> tuple[Consent, ...] | None:
    return None if value is None else _consents(value)


def _steps_in(steps: tuple[LabelledEnum, ...]) -> Callable[[StepTaken], bool]:
    if len(steps) == 1:
        (only,) = steps
        return lambda record: record.step is only
    wanted = frozenset(steps)
    return lambda record: record.step in wanted


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Case:
    """A case as it stands after its history; build it with ``open_case`` and ``advance``.

    Besides the :attr:`history` and the :attr:`stage`, a case keeps what its rules need at
    hand, each field the latest value recorded in the history: the contact worker and unit
    (changed by a hand-over), the latest zone assessment recorded (by anyone; the contact
    worker's own are :attr:`own_assessments`), the family's agreement to a meeting
    (:attr:`invitation`, with the close network they chose), the meeting held, the plan agreed
    and every consent given (:attr:`consents`; unless given, those of the history's records).

    The zone is the worker's own self-assessment: it is kept in the case for the worker and the
    rules, and no function of :mod:`openco.process` shows it as a label of the family.

    A case advanced from another shares its records with it (they never change), so a step
    costs the same however long the history is. Rules ask the history through the methods
    that answer from what the case has already worked out (:meth:`first_of`,
    :meth:`latest_of`, :meth:`latest_with`, :meth:`actors`, :meth:`consent_states`,
    :attr:`last_on`) rather than walking :attr:`history` at every step.
    """

    _history: _History = attrs.field(alias="history", converter=_history, eq=_history_key)
    stage: LabelledEnum
    concern: Concern
    family: Family
    unit: UnitId
    contact: ProfessionalId
    assessment: ZoneAssessment
    invitation: Invitation | None = None
    meeting: Meeting | None = None
    plan: Plan | None = None
    _consents: tuple[Consent, ...] | None = attrs.field(
        alias="consents", default=None, converter=_consents_or_derived
    )

    def __attrs_post_init__(self) -> None:
        # Consents that are those of the history are kept as "the history's": equal either way.
        if self._consents is not None and self._consents == self._history.consents():
            object.__setattr__(self, "_consents", None)

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{a.alias}={getattr(self, a.alias)!r}" for a in attrs.fields(type(self))
        )
        return f"{type(self).__qualname__}({fields})"

    @property
    def history(self) -> tuple[StepTaken, ...]:
        """Every record, oldest first; the first is the opening."""
        return self._history.records

    @property
    def consents(self) -> tuple[Consent, ...]:
        """Every consent given, in order (those recorded on the history's steps)."""
        own = self._consents
        return self._history.consents() if own is None else own

    def consent_states(self) -> Mapping[ConsentId, Consent]:
        """The latest state of each consent of :attr:`consents`, by id (read-only).

        The same as :func:`openco.process.consent_states` of :attr:`consents`, worked out
        once and carried forward from step to step.
        """
        own = self._consents
        if own is None:
            return self._history.states()
        return types.MappingProxyType(merge_consents({}, own))

    def first_of(self, *steps: LabelledEnum) -> StepTaken | None:
        """The earliest record of any of *steps*, or ``None``."""
        view = self._history
        return view.first(view.positions(("steps", steps), _steps_in(steps)))

    def latest_of(self, *steps: LabelledEnum) -> StepTaken | None:
        """The latest record of any of *steps*, or ``None``."""
        view = self._history
        return view.latest(view.positions(("steps", steps), _steps_in(steps)))

    def latest_with(self, kind: type) -> StepTaken | None:
        """The latest record whose detail is a *kind* (e.g. ``Preparation``), or ``None``."""
        view = self._history
        return view.latest(
            view.positions(("detail", kind), lambda record: isinstance(record.detail, kind))
        )

    def actors(self, *, besides: ActorRole | None = None) -> frozenset[PersonId]:
        """Everyone who took a step, leaving out steps taken only in the role *besides*."""
        return frozenset(
            person for person, role in self._history.actor_roles() if role is not besides
        )

    @property
    def child(self) -> PersonId:
        """The child the concern is about."""
        return self.concern.child

    @property
    def own_assessments(self) -> tuple[ZoneAssessment, ...]:
        """The contact worker's own grading history, oldest first.

        The concern's worker starts with the concern's gradings. A worker who takes the case
        over starts a history of their own: the previous worker's gradings describe the
        previous worker's worry and means, not theirs (zones of concern, Eriksson & Arnkil).
        """
        own = list(self.concern.assessments) if self.concern.worker == self.contact else []
        for record in self.history[1:]:
            detail = record.detail
            if isinstance(detail, Handover):
                own = []
            elif isinstance(detail, ZoneAssessment) and detail.assessor == self.contact:
                own.append(detail)
        return tuple(own)

    @property
    def zone(self) -> ConcernZone | None:
        """The zone of the contact worker's own latest assessment (never the family's label).

        ``None`` after a hand-over, until the receiving worker has graded their own concern.
        """
        own = self.own_assessments
        return own[-1].zone if own else None

    @property
    def opened_on(self) -> dt.date:
        """The day the case was opened."""
        return self._history.at(0).on

    @property
    def last_on(self) -> dt.date:
        """The day of the latest record."""
        view = self._history
        return view._log.records[view._n - 1].on  # noqa: SLF001 - asked at every step

    @property
    def trajectory(self) -> tuple[ZoneAssessment, ...]:
        """Every zone assessment, oldest first: the concern's own, then those of the steps."""
        later = tuple(r.detail for r in self.history if isinstance(r.detail, ZoneAssessment))
        return (*self.concern.assessments, *later)

    def records_of(self, *steps: LabelledEnum) -> tuple[StepTaken, ...]:
        """The records of any of *steps*, oldest first."""
        return tuple(r for r in self.history if r.step in steps)


_SET: Final = {a.name: Case.__dict__[a.name].__set__ for a in attrs.fields(Case)}
_set_history, _set_stage, _set_concern, _set_family = (
    _SET["_history"], _SET["stage"], _SET["concern"], _SET["family"],
)  # fmt: skip
_set_unit, _set_contact, _set_assessment, _set_invitation = (
    _SET["unit"], _SET["contact"], _SET["assessment"], _SET["invitation"],
)  # fmt: skip
_set_meeting, _set_plan, _set_consents = _SET["meeting"], _SET["plan"], _SET["_consents"]


def new_case(  # noqa: PLR0917 - every field of a case
    history: _History,
    stage: LabelledEnum,
    concern: Concern,
    family: Family,
    unit: UnitId,
    contact: ProfessionalId,
    assessment: ZoneAssessment,
    invitation: Invitation | None,
    meeting: Meeting | None,
    plan: Plan | None,
    consents: tuple[Consent, ...] | None,
) -> Case:
    """A case from fields the workflow has checked (for :mod:`openco.process.workflow`).

    The slots are set directly: the fields come from a case and a record already checked.
    """
    case: Case = _new(Case)
    _set_history(case, history)
    _set_stage(case, stage)
    _set_concern(case, concern)
    _set_family(case, family)
    _set_unit(case, unit)
    _set_contact(case, contact)
    _set_assessment(case, assessment)
    _set_invitation(case, invitation)
    _set_meeting(case, meeting)
    _set_plan(case, plan)
    _set_consents(case, consents)
    return case


_STATE_DETAILS: Final = (ZoneAssessment, Meeting, Plan, Invitation, FollowUp, Handover)
_CHANGES_STATE: Final = frozenset(_STATE_DETAILS)


def fold(case: Case, record: StepTaken, target: LabelledEnum) -> Case:
    """The case after *record*, which the rules have accepted, moving to *target*.

    The new case shares the records of *case* (appending to its log when *case* is the
    newest of it), so a step costs the same however long the history is.
    """
    detail = record.detail
    history = case._history.then(record)  # noqa: SLF001 - the workflow builds cases
    consents = case._consents  # noqa: SLF001
    if consents is not None and record.consents:
        consents = (*consents, *record.consents)
    new: Case = _new(Case)
    _set_history(new, history)
    _set_stage(new, target)
    _set_concern(new, case.concern)
    _set_family(new, case.family)
    _set_consents(new, consents)
    if type(detail) not in _CHANGES_STATE and not isinstance(detail, _STATE_DETAILS):
        # Most steps change only the stage and the history: keep every other field as it is.
        _set_unit(new, case.unit)
        _set_contact(new, case.contact)
        _set_assessment(new, case.assessment)
        _set_invitation(new, case.invitation)
        _set_meeting(new, case.meeting)
        _set_plan(new, case.plan)
        return new
    assessment, invitation = case.assessment, case.invitation
    meeting, plan = case.meeting, case.plan
    contact, unit = case.contact, case.unit
    if isinstance(detail, ZoneAssessment):
        assessment = detail
    elif isinstance(detail, Meeting):
        meeting = detail
    elif isinstance(detail, Plan):
        plan = detail
    elif isinstance(detail, Invitation):
        invitation = detail
    elif isinstance(detail, FollowUp):
        meeting = detail.meeting or meeting
        plan = detail.plan or plan
    elif isinstance(detail, Handover):
        contact, unit = detail.to, detail.unit
    _set_unit(new, unit)
    _set_contact(new, contact)
    _set_assessment(new, assessment)
    _set_invitation(new, invitation)
    _set_meeting(new, meeting)
    _set_plan(new, plan)
    return new


def opening_history(record: StepTaken) -> _History:
    """The history of a new case, *record* its opening (for :mod:`openco.process.workflow`)."""
    return _History.of((record,))
