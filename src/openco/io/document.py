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
from typing import Any, Final, NoReturn, TypeVar

import attrs

import openco.model
from openco.errors import DocumentProblem, InvalidDocumentError, LimitExceededError, redacted
from openco.io import _accelerator
from openco.io._compiled import Unexpected, encode, structure, writer
from openco.io._converter import converter, join_path, snake_case
from openco.io._strict import ParseError, nesting_depth, parse, shown_key
from openco.io.case import case_data, structure_case
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import Bundle, Family, Person, reference_problems
from openco.process import DEFAULT_WORKFLOW, Case, Records, Workflow

__all__ = [
    "SCHEMA_VERSION",
    "document_kinds",
    "dumps",
    "iter_loads",
    "kind_of",
    "load_documents",
    "loads",
    "read_json",
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
_KIND_OF: Final[dict[type, str]] = {cls: kind for kind, cls in _KINDS.items()}


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
    kind = _KIND_OF.get(cls)
    if kind is None:
        raise TypeError(f"{cls.__name__} is not an openco document kind")
    return kind


class _GcPaused:
    """Pause the cyclic GC while many small objects are built; it costs 2-5x on bulk loads.

    Readers pause it for the whole of one document (parsing builds as many objects as
    structuring), and never across a ``yield``.
    """

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
    cls = type(obj)
    if indent is None and cls is not Case:
        kind = _KIND_OF.get(cls)
        if kind is not None:
            try:
                data = writer(cls)(obj)
            except (Unexpected, TypeError, AttributeError, KeyError, ValueError):
                pass  # a value of an unexpected type: the general path below writes it
            else:
                return f'{{"schema_version": {SCHEMA_VERSION}, "kind": "{kind}", "data": {data}}}'
        return encode(to_document(obj))
    return json.dumps(to_document(obj), ensure_ascii=False, indent=indent)


def _future_births(obj: object, today: dt.date, path: str = "") -> Iterator[DocumentProblem]:
    """Every person in *obj* born after *today*."""
    if isinstance(obj, Person):
        if obj.birth_date > today:
            # The birth date itself is personal data: the message says only that it is late.
            yield DocumentProblem(join_path(path, "birth_date"), f"a date after today ({today})")
    elif isinstance(obj, Family):
        for index, person in enumerate(obj.members):
            yield from _future_births(person, today, join_path(path, f"members[{index}]"))
    elif isinstance(obj, Bundle):
        for index, family in enumerate(obj.families):
            yield from _future_births(family, today, join_path(path, f"families[{index}]"))


def _accelerated(
    text: str | bytes, kinds: dict[str, type], today: dt.date | None, limits: Limits
) -> object | None:
    """The object msgspec reads from *text* exactly as the strict path would, else ``None``.

    See :mod:`openco.io._accelerator`; the one check left to do here is *today*'s.
    """
    obj = _accelerator.read(text, kinds, limits)
    if obj is not None and today is not None and any(_future_births(obj, today)):
        return None  # the strict path refuses it, with its message
    return obj


def _envelope(raw: object, kind: str) -> tuple[object, list[DocumentProblem]]:
    problems: list[DocumentProblem] = []
    if not isinstance(raw, dict):
        return None, [DocumentProblem("", "a document is a JSON object")]
    unknown = sorted(map(shown_key, set(raw) - {"schema_version", "kind", "data"}))
    if unknown:
        problems.append(DocumentProblem("", f"unknown key(s): {', '.join(unknown)}"))
    version = raw.get("schema_version")
    if "schema_version" not in raw:
        problems.append(DocumentProblem("schema_version", "missing"))
    elif version != SCHEMA_VERSION or isinstance(version, bool):
        problems.append(
            DocumentProblem(
                "schema_version", f"got {redacted(version)}, this openco reads {SCHEMA_VERSION}"
            )
        )
    if "kind" not in raw:
        problems.append(DocumentProblem("kind", "missing"))
    elif raw["kind"] != kind:
        # A word of openco's vocabulary is shown as it is; anything else could be data.
        got = raw["kind"]
        problems.append(
            DocumentProblem("kind", f"got {redacted(got, word=True)}, expected {kind!r}")
        )
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
    unknown = sorted(map(shown_key, set(data) - set(fields)))
    if unknown:
        problems.append(DocumentProblem("", f"unknown key(s): {', '.join(unknown)}"))
    parts: dict[str, Any] = {}
    for name, annotation in fields.items():
        part, found = structure(data.get(name, []), annotation, name)
        parts[name] = part
        problems.extend(found)
    if problems:
        return None, problems
    references = reference_problems(**parts)
    if references:
        return None, references
    return Bundle(**parts), []


def read_json(text: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> object:
    """The JSON value of *text*, read as strictly as :func:`loads` reads a document.

    For a reader that must look at a document before it knows its kind (``openco check``
    reads the envelope first). Over a limit, not UTF-8, a lone surrogate, a NUL, a key twice
    in one object, or nested too deeply: each is an :class:`InvalidDocumentError`, never a
    crash.

    >>> read_json('{"kind": "area"}')
    {'kind': 'area'}
    >>> read_json('{"kind": "area", "kind": "family"}')
    Traceback (most recent call last):
    ...
    openco.errors.InvalidDocumentError: 1 problem in the document:
      $: the key kind appears twice in one object
    """
    try:
        return parse(text, limits)
    except ParseError as error:
        raise InvalidDocumentError([error.problem]) from error.limit


def loads(
    text: str | bytes,
    cls: type[T],
    *,
    today: dt.date | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
    records: Records | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> T:
    """Read an openco document of *cls* from *text*.

    The text is read strictly (see ``docs/io.md``): over a limit of *limits*, not UTF-8, a lone
    surrogate, a NUL, a key twice in one object, text where a list belongs — each is a problem
    of the document, never a crash. Messages show values only :func:`~openco.errors.redacted`.

    Args:
        text: the JSON text.
        cls: the class the document must hold, e.g. :class:`~openco.model.Family`.
        today: if given, people born after this date are refused (openco never reads the clock).
        workflow: for a :class:`~openco.process.Case`, the workflow whose rules its history is
            replayed under (a municipality's own variant, say).
        records: for a :class:`~openco.process.Case` (required there, with *today*), the
            registers its history is judged by (:class:`~openco.process.Records`); no record
            may be dated after *today*.
        limits: the most the document may hold (:data:`~openco.limits.DEFAULT_LIMITS`).

    Raises:
        InvalidDocumentError: the text is not a valid document of *cls*; its ``problems`` list
            every problem found, each with its JSON path below ``data``. When a limit is
            exceeded, the error's ``__cause__`` is the
            :class:`~openco.errors.LimitExceededError`, and the message names the option that
            raises the limit.

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
    with _GcPaused():
        obj = _accelerated(text, {kind: cls}, today, limits)
        if obj is not None:
            return obj  # type: ignore[return-value]  # the accelerator read a cls
        try:
            raw = parse(text, limits)
        except ParseError as error:
            raise InvalidDocumentError([error.problem]) from error.limit
        return _from_json(raw, cls, kind, today, workflow, records, limits)


def _from_json(  # noqa: PLR0917 - private; loads() and load_documents() pass them on
    raw: object,
    cls: type[T],
    kind: str,
    today: dt.date | None,
    workflow: Workflow,
    records: Records | None,
    limits: Limits,
) -> T:
    """The object of the parsed document *raw*, or :class:`InvalidDocumentError`."""
    data, problems = _envelope(raw, kind)
    if problems:
        _refuse(problems, raw, limits)
    limit = _counted(cls, data, limits)
    if limit is not None:
        where, exceeded = limit
        raise InvalidDocumentError(
            [DocumentProblem(join_path("data", where), str(exceeded))]
        ) from exceeded
    obj, problems = _structure(data, cls, workflow, records, today)
    if obj is not None and today is not None:
        problems = list(_future_births(obj, today))
    if problems or obj is None:
        _refuse(_prefixed(problems, "data"), raw, limits)
    return obj


def load_documents(
    texts: Iterable[str | bytes],
    *,
    kinds: Iterable[type] | None = None,
    today: dt.date | None = None,
    workflow: Workflow = DEFAULT_WORKFLOW,
    records: Records | None = None,
    limits: Limits = DEFAULT_LIMITS,
    on_error: Callable[[int, InvalidDocumentError], None] | None = None,
) -> Iterator[object]:
    """Read many documents of any kind, each as :func:`loads` reads it, lazily and in bulk.

    The bulk path for readers of whole populations (``openco analyse``): one strict parse per
    text (the kind is read from the envelope, not parsed twice), the model's validation on,
    and the cyclic GC paused while each object is built. Blank texts are skipped. *kinds*, if
    given, are the classes accepted; a document of another kind is a problem. Errors are
    numbered and handled as in :func:`iter_loads`.

    >>> from openco.model import Area
    >>> area = '{"schema_version": 1, "kind": "area", "data": {"id": "a", "name": "A", "municipality": "M"}}'
    >>> [type(d).__name__ for d in load_documents([area, "", area])]
    ['Area', 'Area']
    """  # noqa: E501 - a doctest's input is one line
    accepted = dict(_KINDS) if kinds is None else {kind_of(cls): cls for cls in kinds}
    for number, text in enumerate(texts, start=1):
        if not text.strip():
            continue
        try:
            with _GcPaused():
                obj = _load_any(text, accepted, today, workflow, records, limits)
        except InvalidDocumentError as error:
            if on_error is None:
                raise InvalidDocumentError(
                    DocumentProblem(f"line {number}: {p.path}", p.message) for p in error.problems
                ) from error.__cause__
            on_error(number, error)
        else:
            yield obj


def _load_any(  # noqa: PLR0917 - private; load_documents() passes them on
    text: str | bytes,
    accepted: dict[str, type],
    today: dt.date | None,
    workflow: Workflow,
    records: Records | None,
    limits: Limits,
) -> object:
    """The object of the document *text* of any kind in *accepted*, or InvalidDocumentError."""
    obj = _accelerated(text, accepted, today, limits)
    if obj is not None:
        return obj
    try:
        raw = parse(text, limits)
    except ParseError as error:
        raise InvalidDocumentError([error.problem]) from error.limit
    named = raw.get("kind") if isinstance(raw, dict) else None
    cls = accepted.get(named) if isinstance(named, str) else None
    if cls is None or not isinstance(named, str):
        expected = ", ".join(sorted(accepted))
        got = redacted(named, word=True)
        _refuse([DocumentProblem("kind", f"got {got}, expected one of {expected}")], raw, limits)
    return _from_json(raw, cls, named, today, workflow, records, limits)


def _refuse(problems: list[DocumentProblem], raw: object, limits: Limits) -> NoReturn:
    """Raise the document's problems; nesting over the limit first, as the one problem."""
    depth = nesting_depth(raw)
    error = limits.exceeded("nesting_depth", depth)
    if error is not None:
        raise InvalidDocumentError([DocumentProblem("", str(error))]) from error
    raise InvalidDocumentError(problems)


def _items(data: object, key: str) -> list[Any]:
    """``data[key]`` if it is a list of objects' worth of data, else an empty list."""
    items = data.get(key) if isinstance(data, dict) else None
    return items if isinstance(items, list) else []


def _map_counts(
    data: object, limits: Limits, path: str = ""
) -> tuple[str, LimitExceededError] | None:
    members = _items(data, "members")
    for name, items in (("members_per_map", members), ("ties_per_map", _items(data, "ties"))):
        error = limits.exceeded(name, len(items))
        if error is not None:
            return join_path(path, "members" if name == "members_per_map" else "ties"), error
    # A map cannot name more professionals than it has members: count only when it could.
    if len(members) > limits.professionals_per_family:
        named = {
            # A value that is no string (unhashable, say) is refused later; here its own.
            pro if isinstance(pro := m.get("professional"), str) else ("#", index)
            for index, m in enumerate(members)
            if isinstance(m, dict) and m.get("professional") is not None
        }
        error = limits.exceeded("professionals_per_family", len(named))
        if error is not None:
            return join_path(path, "members"), error
    return None


def _bundle_counts(data: object, limits: Limits) -> tuple[str, LimitExceededError] | None:
    maps = _items(data, "network_maps")
    for index, nmap in enumerate(maps):
        found = _map_counts(nmap, limits, f"network_maps[{index}]")
        if found is not None:
            return found
    professionals_of: dict[object, set[object]] = {}
    families_of: dict[object, set[object]] = {}
    for nmap in maps:
        if not isinstance(nmap, dict):
            continue
        family = nmap.get("family")
        for member in _items(nmap, "members"):
            professional = member.get("professional") if isinstance(member, dict) else None
            if isinstance(professional, str) and isinstance(family, str):
                professionals_of.setdefault(family, set()).add(professional)
                families_of.setdefault(professional, set()).add(family)
    counts = (
        ("professionals_per_family", professionals_of),
        ("families_per_professional", families_of),
        ("units_per_area", _units_of(data)),
    )
    for name, groups in counts:
        for group in groups.values():
            error = limits.exceeded(name, len(group))
            if error is not None:
                return "network_maps" if name != "units_per_area" else "units", error
    return None


def _units_of(data: object) -> dict[object, set[object]]:
    units_of: dict[object, set[object]] = {}
    for index, unit in enumerate(_items(data, "units")):
        areas = unit.get("areas") if isinstance(unit, dict) else None
        # An id that is no string (a list, say: unhashable) is refused later; here it counts
        # as a unit of its own.
        ident = unit.get("id") if isinstance(unit, dict) else None
        key = ident if isinstance(ident, str) else ("#", index)
        for area in areas if isinstance(areas, list) else ():
            if isinstance(area, str):
                units_of.setdefault(area, set()).add(key)
    return units_of


def _counted(cls: type, data: object, limits: Limits) -> tuple[str, LimitExceededError] | None:
    """The first count in *data* over a limit, with its path, before anything is built."""
    if cls is openco.model.NetworkMap:
        return _map_counts(data, limits)
    if cls is Bundle:
        return _bundle_counts(data, limits)
    if cls is Case:
        error = limits.exceeded("records_per_case", len(_items(data, "history")))
        return None if error is None else ("history", error)
    return None


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
    limits: Limits = DEFAULT_LIMITS,
    on_error: Callable[[int, InvalidDocumentError], None] | None = None,
) -> Iterator[T]:
    """Read JSON Lines: one document of *cls* per non-blank line, lazily.

    Each line is read with :func:`loads` (with the same *limits*: a line is one document). A
    bad line raises :class:`InvalidDocumentError` whose paths start with ``line N:`` (counting
    from 1), unless *on_error* is given, in which case it is called with the line number and
    the error and reading goes on with the next line: every bad line is reported.

    >>> from openco.model import Area
    >>> good = '{"schema_version": 1, "kind": "area", "data": {"id": "a", "name": "A", "municipality": "M"}}'
    >>> bad = []
    >>> areas = list(iter_loads([good, "[[[", good], Area, on_error=lambda n, e: bad.append(n)))
    >>> len(areas), bad
    (2, [2])
    """  # noqa: E501 - a doctest's input is one line
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield loads(line, cls, today=today, workflow=workflow, records=records, limits=limits)
        except InvalidDocumentError as error:
            if on_error is None:
                raise InvalidDocumentError(
                    DocumentProblem(f"line {number}: {p.path}", p.message) for p in error.problems
                ) from error.__cause__
            on_error(number, error)
