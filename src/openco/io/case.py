"""Case documents: a case is stored as its history, and read back by replaying it.

Everything else about a :class:`~openco.process.Case` (its stage, the meeting held, the plan
agreed …) follows from the history, so a ``case`` document holds only the history::

    {"schema_version": 1, "kind": "case", "data": {"history": [
        {"step": "notice", "actor": "w-teacher", "role": "worker", "on": "2026-02-02",
         "reason": null, "consents": [],
         "detail": {"type": "opening", "concern": {...}, "family": {...}, "unit": "daycare"}},
        ...]}}

Each record's *detail* carries a ``type`` naming its class in snake case (``opening``,
``zone_assessment``, ``meeting``, ``plan``, ``notification`` …), or is ``null``. Reading a case
replays the history under the workflow's rules, so a stored history that the rules would
refuse is reported as a problem at the record that breaks them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Final

import attrs

from openco.errors import (
    DocumentProblem,
    InvalidModelError,
    TransitionNotAllowedError,
    redacted,
)
from openco.io._compiled import structure
from openco.io._converter import converter, join_path, snake_case
from openco.io._strict import shown_key
from openco.model import Consent, PersonId
from openco.model.label import LabelledEnum
from openco.process import DEFAULT_WORKFLOW, Case, Records, StepTaken, Workflow, advance, replay
from openco.process.stages import ActorRole, Step

__all__ = ["case_data", "record_data", "structure_case"]

_RECORD_KEYS: Final = frozenset({"step", "actor", "role", "on", "reason", "detail", "consents"})


def _detail_types(workflow: Workflow) -> dict[str, type]:
    kinds: dict[str, type] = {}
    for types in workflow.details.values():
        for kind in types:
            if kind is not type(None):
                kinds[snake_case(kind.__name__)] = kind
    return kinds


def _unstructure_detail(detail: object) -> dict[str, Any] | None:
    if detail is None:
        return None
    kind = snake_case(type(detail).__name__)
    if isinstance(detail, enum.Enum):  # a Milestone, say: its stable value
        return {"type": kind, "value": detail.value}
    return {"type": kind, **converter.unstructure(detail)}


def record_data(record: StepTaken) -> dict[str, Any]:
    """One record of a case's history as plain JSON-ready values (an item of ``history``)."""
    return {
        "step": record.step.value,
        "actor": record.actor,
        "role": record.role.value,
        "on": record.on.isoformat(),
        "reason": record.reason,
        "detail": _unstructure_detail(record.detail),
        "consents": [converter.unstructure(c) for c in record.consents],
    }


def case_data(case: Case) -> dict[str, Any]:
    """The ``data`` of a case document: the history, as plain JSON-ready values."""
    return {"history": [record_data(record) for record in case.history]}


@attrs.frozen(kw_only=True)
class _RecordCore:
    """The plain fields of a record, read by the converter like any model class."""

    actor: PersonId
    role: ActorRole
    on: dt.date
    reason: str | None = None


def _detail(
    raw: object, path: str, details: dict[str, type]
) -> tuple[object, list[DocumentProblem]]:
    if raw is None:
        return None, []
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        return None, [DocumentProblem(path, "an object with a 'type', or null")]
    kind = details.get(raw["type"])
    if kind is None:
        expected = ", ".join(sorted(details))
        return None, [
            DocumentProblem(
                f"{path}.type",
                f"got {redacted(raw['type'], word=True)}, expected one of {expected}",
            )
        ]
    fields = {k: v for k, v in raw.items() if k != "type"}
    if issubclass(kind, enum.Enum):
        if set(fields) != {"value"}:
            return None, [DocumentProblem(path, "an enumerated detail has exactly a 'value'")]
        return structure(fields["value"], kind, f"{path}.value")
    return structure(fields, kind, path)


def _record(
    raw: object, path: str, steps: dict[str, LabelledEnum], details: dict[str, type]
) -> tuple[StepTaken | None, list[DocumentProblem]]:
    if not isinstance(raw, dict):
        return None, [DocumentProblem(path, "a record is a JSON object")]
    problems: list[DocumentProblem] = []
    unknown = sorted(map(shown_key, set(raw) - _RECORD_KEYS))
    if unknown:
        problems.append(DocumentProblem(path, f"unknown key(s): {', '.join(unknown)}"))
    step = steps.get(raw["step"]) if isinstance(raw.get("step"), str) else None
    if "step" not in raw:
        problems.append(DocumentProblem(f"{path}.step", "missing"))
    elif step is None:
        expected = ", ".join(steps)
        problems.append(
            DocumentProblem(
                f"{path}.step",
                f"got {redacted(raw['step'], word=True)}, expected one of {expected}",
            )
        )
    core_data = {k: raw[k] for k in ("actor", "role", "on", "reason") if k in raw}
    core, found = structure(core_data, _RecordCore, path)
    problems += found
    detail, found = _detail(raw.get("detail"), f"{path}.detail", details)
    problems += found
    consents, found = structure(raw.get("consents", []), tuple[Consent, ...], f"{path}.consents")
    problems += found
    if problems or step is None or core is None:
        return None, problems
    try:
        record = StepTaken(step=step, actor=core.actor, role=core.role, on=core.on,
                           reason=core.reason, detail=detail, consents=consents)  # fmt: skip
    except InvalidModelError as error:
        return None, [DocumentProblem(join_path(path, error.field), str(error))]
    return record, []


def structure_case(
    data: object,
    *,
    workflow: Workflow = DEFAULT_WORKFLOW,
    records: Records | None = None,
    today: dt.date | None = None,
) -> tuple[Case | None, list[DocumentProblem]]:
    """The case whose history *data* holds, or the problems found.

    The history is replayed under *workflow* and judged by *records* (the registers of the
    people it names), and no record may be dated after *today*; both are required, as for
    :func:`openco.process.replay`.
    """
    if not isinstance(data, dict):
        return None, [DocumentProblem("", "a case is a JSON object with a history")]
    problems: list[DocumentProblem] = []
    if records is None or today is None:
        return None, [
            DocumentProblem(
                "",
                "a case is judged by the records and a day: pass records= (openco.process."
                "Records) and today=",
            )
        ]
    unknown = sorted(map(shown_key, set(data) - {"history"}))
    if unknown:
        problems.append(DocumentProblem("", f"unknown key(s): {', '.join(unknown)}"))
    history = data.get("history")
    if not isinstance(history, list) or not history:
        problems.append(DocumentProblem("history", "a non-empty list of records"))
        return None, problems
    # The opening record's step is NOTICE in every workflow (open_case makes it).
    kinds = {step.value: step for step in (Step.NOTICE, *workflow.steps)}
    details = _detail_types(workflow)
    taken: list[StepTaken] = []
    for index, raw in enumerate(history):
        record, found = _record(raw, f"history[{index}]", kinds, details)
        problems += found
        if record is not None:
            taken.append(record)
    if problems:
        return None, problems
    return _replayed(taken, workflow, records, today)


def _replayed(
    taken: list[StepTaken], workflow: Workflow, records: Records, today: dt.date
) -> tuple[Case | None, list[DocumentProblem]]:
    """The case *taken* makes, judged step by step, or the first refusal with its path."""
    case: Case | None = None
    for index, record in enumerate(taken):
        try:
            if case is None:
                case = replay((record,), workflow=workflow, records=records, today=today)
            elif record.on > today:
                return None, [DocumentProblem(f"history[{index}].on", f"{record.on} is after "
                                              f"today ({today})")]  # fmt: skip
            else:
                case = advance(case, record.step, actor=record.actor, on=record.on,
                               role=record.role, reason=record.reason, detail=record.detail,
                               consents=record.consents, workflow=workflow,
                               records=records)  # fmt: skip
        except TransitionNotAllowedError as error:
            reasons = "; ".join(r.message("en") for r in error.reasons) or str(error)
            return None, [DocumentProblem(f"history[{index}]", f"refused: {reasons}")]
    return case, []
