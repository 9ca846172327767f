"""openco documents: JSON text in and out, versioned and checked.

A document is a JSON object with three keys::

    {"schema_version": 1, "kind": "family", "data": {...}}

*kind* names the class of *data* in snake case (``family``, ``network_map``, ``bundle`` …);
*data* holds the object's fields under their Python names. Dates are ISO strings
(``"2026-03-02"``), enumerations their stable values (``"grey"``), sets sorted lists. Keys
that openco does not know are refused rather than dropped, so that a typo never loses data.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar

import attrs

import openco.model
from openco.errors import DocumentProblem, InvalidDocumentError
from openco.io._converter import converter, join_path, problems_of, snake_case, structure
from openco.io.case import case_data, structure_case
from openco.model import Bundle, Family, Person, reference_problems
from openco.process import DEFAULT_WORKFLOW, Case, Records, Workflow

__all__ = [
    "SCHEMA_VERSION",
    "document_kinds",
    "dumps",
    "iter_loads",
    "kind_of",
    "loads",
    "to_document",
]

T = TypeVar("T")

SCHEMA_VERSION: Final = 1
"""The version of the document format this openco writes and reads."""

# Every public attrs class of the model is a document kind, so a new class cannot be left out.
_MODEL_KINDS: Final[tuple[type, ...]] = tuple(
    kind
    for kind in (getattr(openco.model, name) for name in openco.model.__all__)
    if isinstance(kind, type) and attrs.has(kind)
)


_CASE_KIND: Final = "case"


_KINDS: dict[str, type] = {snake_case(cls.__name__): cls for cls in _MODEL_KINDS}
_KINDS[_CASE_KIND] = Case


def document_kinds() -> dict[str, type]:
    """Every document *kind* openco reads, with the class it stands for.

    >>> document_kinds()["network_map"].__name__
    'NetworkMap'
    """
    return dict(_KINDS)


def kind_of(cls: type) -> str:
    """The document *kind* of *cls*.

    >>> from openco.model import Family
    >>> kind_of(Family)
    'family'

    Raises:
        TypeError: *cls* is not a class openco writes documents of.
    """
    kind = snake_case(cls.__name__)
    if _KINDS.get(kind) is not cls:
        raise TypeError(f"{cls.__name__} is not an openco document kind")
    return kind


class _GcPaused:
    """Pause the cyclic GC while many small objects are built; it costs 2-5x on bulk loads."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()


def to_document(obj: object) -> dict[str, Any]:
    """The document of *obj* as plain JSON-ready Python data (dicts, lists, strings, bools).

    >>> from openco.model import Area, AreaId
    >>> to_document(Area(id=AreaId("vaaralampi"), name="Vaaralampi", municipality="Rovaniemi"))
    {'schema_version': 1, 'kind': 'area', 'data': {'id': 'vaaralampi', 'name': 'Vaaralampi', 'municipality': 'Rovaniemi'}}
    """  # noqa: E501 - a doctest's output is one line
    kind = kind_of(type(obj))
    with _GcPaused():
        data = case_data(obj) if isinstance(obj, Case) else converter.unstructure(obj)
        return {"schema_version": SCHEMA_VERSION, "kind": kind, "data": data}


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Write *obj* as an openco JSON document.

    The same value always gives the same text: keys keep the field order, sets are sorted.

    >>> from openco.model import Area, AreaId
    >>> dumps(Area(id=AreaId("ounasrinne"), name="Ounasrinne", municipality="Rovaniemi"))
    '{"schema_version": 1, "kind": "area", "data": {"id": "ounasrinne", "name": "Ounasrinne", "municipality": "Rovaniemi"}}'
    """  # noqa: E501 - a doctest's output is one line
    return json.dumps(to_document(obj), ensure_ascii=False, indent=indent)


def _future_births(obj: object, today: dt.date, path: str = "") -> Iterator[DocumentProblem]:
    """Every person in *obj* born after *today*."""
    if isinstance(obj, Person):
        if obj.birth_date > today:
            yield DocumentProblem(
                join_path(path, "birth_date"), f"{obj.birth_date} is after today ({today})"
            )
    elif isinstance(obj, Family):
        for index, person in enumerate(obj.members):
            yield from _future_births(person, today, join_path(path, f"members[{index}]"))
    elif isinstance(obj, Bundle):
        for index, family in enumerate(obj.families):
            yield from _future_births(family, today, join_path(path, f"families[{index}]"))


def _envelope(raw: object, kind: str) -> tuple[object, list[DocumentProblem]]:
    problems: list[DocumentProblem] = []
    if not isinstance(raw, dict):
        return None, [DocumentProblem("", "a document is a JSON object")]
    unknown = sorted(set(raw) - {"schema_version", "kind", "data"})
    if unknown:
        problems.append(DocumentProblem("", f"unknown key(s): {', '.join(unknown)}"))
    version = raw.get("schema_version")
    if "schema_version" not in raw:
        problems.append(DocumentProblem("schema_version", "missing"))
    elif version != SCHEMA_VERSION or isinstance(version, bool):
        problems.append(
            DocumentProblem(
                "schema_version", f"got {version!r}, this openco reads {SCHEMA_VERSION}"
            )
        )
    if "kind" not in raw:
        problems.append(DocumentProblem("kind", "missing"))
    elif raw["kind"] != kind:
        problems.append(DocumentProblem("kind", f"got {raw['kind']!r}, expected {kind!r}"))
    if "data" not in raw:
        problems.append(DocumentProblem("data", "missing"))
    return raw.get("data"), problems


def _prefixed(problems: Iterable[DocumentProblem], prefix: str) -> list[DocumentProblem]:
    return [DocumentProblem(join_path(prefix, p.path), p.message) for p in problems]


def _structure_bundle(data: object) -> tuple[Bundle | None, list[DocumentProblem]]:
    """A bundle is structured part by part, so that every broken reference can be listed."""
    if not isinstance(data, dict):
        return None, [DocumentProblem("", "wrong kind of JSON value for this field")]
    # resolve_types: the annotations are strings (PEP 563) until something resolves them, and
    # in a fresh process nothing may have done so before the first bundle is read.
    fields: dict[str, Any] = {f.name: f.type for f in attrs.fields(attrs.resolve_types(Bundle))}
    problems: list[DocumentProblem] = []
    unknown = sorted(set(data) - set(fields))
    if unknown:
        problems.append(DocumentProblem("", f"unknown key(s): {', '.join(unknown)}"))
    parts: dict[str, Any] = {}
    for name, annotation in fields.items():
        try:
            parts[name] = converter.structure(data.get(name, []), annotation)
        except Exception as error:  # noqa: BLE001 - every structuring error becomes a problem
            problems.extend(_prefixed(problems_of(error), name))
    if problems:
        return None, problems
    references = reference_problems(**parts)
    if references:
        return None, references
    return Bundle(**parts), []


def loads(
    text: str | bytes,
    cls: type[T],
    *,
    today: dt.date | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
    records: Records | None = None,
) -> T:
    """Read an openco document of *cls* from *text*.

    Args:
        text: the JSON text.
        cls: the class the document must hold, e.g. :class:`~openco.model.Family`.
        today: if given, people born after this date are refused (openco never reads the clock).
        workflow: for a :class:`~openco.process.Case`, the workflow whose rules its history is
            replayed under (a municipality's own variant, say).
        records: for a :class:`~openco.process.Case` (required there, with *today*), the
            registers its history is judged by (:class:`~openco.process.Records`); no record
            may be dated after *today*.

    Raises:
        InvalidDocumentError: the text is not a valid document of *cls*; its ``problems`` list
            every problem found, each with its JSON path below ``data``.

    >>> from openco.model import Area
    >>> text = ('{"schema_version": 1, "kind": "area", "data": '
    ...         '{"id": "vaaralampi", "name": "Vaaralampi", "municipality": "Rovaniemi"}}')
    >>> area = loads(text, Area)
    >>> area.name
    'Vaaralampi'
    >>> loads('{"schema_version": 1, "kind": "area", "data": {"id": "x", "name": 5}}', Area)
    Traceback (most recent call last):
    ...
    openco.errors.InvalidDocumentError: 2 problems in the document:
      data.name: got 5, expected a string
      data.municipality: missing
    """
    kind = kind_of(cls)
    try:
        raw = json.loads(text)
    except (ValueError, TypeError) as error:
        raise InvalidDocumentError([DocumentProblem("", f"not JSON: {error}")]) from None
    data, problems = _envelope(raw, kind)
    if problems:
        raise InvalidDocumentError(problems)
    with _GcPaused():
        obj, problems = _structure(data, cls, workflow, records, today)
    if obj is not None and today is not None:
        problems = list(_future_births(obj, today))
    if problems or obj is None:
        raise InvalidDocumentError(_prefixed(problems, "data"))
    return obj


def _structure(
    data: object,
    cls: type[T],
    workflow: Workflow,
    records: Records | None = None,
    today: dt.date | None = None,
) -> tuple[T | None, list[DocumentProblem]]:
    if cls is Bundle:
        return _structure_bundle(data)  # type: ignore[return-value]  # cls is Bundle here
    if cls is Case:
        return structure_case(data, workflow=workflow, records=records, today=today)  # type: ignore[return-value]  # cls is Case
    return structure(data, cls)


def iter_loads(
    lines: Iterable[str | bytes],
    cls: type[T],
    *,
    today: dt.date | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
    records: Records | None = None,
    on_error: Callable[[int, InvalidDocumentError], None] | None = None,
) -> Iterator[T]:
    """Read JSON Lines: one document of *cls* per non-blank line, lazily.

    Each line is read with :func:`loads`. A bad line raises :class:`InvalidDocumentError`
    whose paths start with ``line N:`` (counting from 1), unless *on_error* is given, in which
    case it is called with the line number and the error and reading goes on.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield loads(line, cls, today=today, workflow=workflow, records=records)
        except InvalidDocumentError as error:
            if on_error is None:
                raise InvalidDocumentError(
                    DocumentProblem(f"line {number}: {p.path}", p.message) for p in error.problems
                ) from None
            on_error(number, error)
