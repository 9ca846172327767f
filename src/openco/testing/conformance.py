"""A conformance suite: example documents, valid and invalid, for other implementations.

A system that reads or writes openco documents without openco (a Java case system, a .NET
integration) can check itself against the suite: it should accept every valid document and
refuse every invalid one, ideally at the paths listed. The suite is made here from the
strategies of :mod:`openco.testing` and from the loader's own refusals: each valid document is
one :func:`openco.io.dumps` wrote, each invalid one a valid document with one change
(:func:`mutate`) that :func:`openco.io.loads` refuses, with the problems it reports. The same
*seed* gives the same suite, byte for byte, with the same versions of openco and Hypothesis.

>>> suite = conformance_cases(kinds=("area",), valid_per_kind=1, invalid_per_kind=2)
>>> [(case.file, case.valid) for case in suite]
[('area/valid-01.json', True), ('area/invalid-01.json', False), ('area/invalid-02.json', False)]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from openco.errors import DocumentProblem, InvalidDocumentError
from openco.io import SCHEMA_VERSION, document_kinds, dumps, loads
from openco.limits import DEFAULT_LIMITS
from openco.model import Area, AreaId, Bundle
from openco.process import Case, Records
from openco.testing.workflow import cases, make_cast

__all__ = [
    "CASE_RECORDS_FILE",
    "CASE_TODAY",
    "ODD_VALUES",
    "SCHEMA_VERSION",
    "ConformanceCase",
    "case_records",
    "conformance_cases",
    "manifest",
    "mutate",
    "read_options",
]

ODD_VALUES: Final[tuple[Any, ...]] = (
    None, True, False, 0, 1, -1, 1.5, "", " ", "\u3000", "x", "p-1", "p-1\n", "-p", "grey",
    "none", "2026-02-28", "2026-02-29", "2028-02-29", "20260302", "2026-W10-1", "2026-3-2",
    "\x00", "x\x00", "a" * 129, "a" * (DEFAULT_LIMITS.string_length + 1), "c:x", "a..b",
    [], ["x"], ["x", "x"], {}, {"type": "opening"},
)  # fmt: skip
"""Values a mutant puts somewhere: every JSON type, and strings at the edges of what the
loader accepts (dates in other ISO forms, a day that does not exist, white space only, a
newline after an id, NUL, text longer than an id or than the strict loader's limit, ids that
look like paths)."""

_UNKNOWN_KEY: Final = "nickname"

CASE_TODAY: Final = dt.date(2100, 1, 1)
"""The day a case document of the suite is read on: after every record in it."""

CASE_RECORDS_FILE: Final = "case/records.json"
"""The bundle of units, professionals and families the suite's case documents are judged by."""


def case_records() -> Bundle:
    """The registers the suite's cases are judged by, as a bundle ``openco check`` can read.

    The cases are those of :func:`~openco.testing.workflow.cases`, told with the people and
    units of :func:`~openco.testing.workflow.make_cast`.
    """
    records = make_cast().records
    areas = sorted({a for unit in records.units.values() for a in unit.areas})
    return Bundle(
        areas=[Area(id=AreaId(a), name=a.capitalize(), municipality="Rovaniemi") for a in areas],
        units=records.units.values(),
        professionals=records.professionals.values(),
        families=records.families.values(),
    )


def read_options(cls: type) -> dict[str, Any]:
    """What :func:`openco.io.loads` needs besides the text: records and a day, for a case."""
    if cls is not Case:
        return {}
    bundle = case_records()
    records = Records(
        professionals=bundle.professionals, units=bundle.units, families=bundle.families
    )
    return {"records": records, "today": CASE_TODAY}


JsonPath = tuple[str | int, ...]


def _nodes(value: Any, path: JsonPath = ()) -> list[tuple[JsonPath, Any]]:  # noqa: ANN401 - JSON
    """Every value inside a JSON document, with its path."""
    found = [(path, value)]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _nodes(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _nodes(inner, (*path, index))
    return found


def _shown(path: JsonPath) -> str:
    text = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
    return text.removeprefix(".") or "the document"


def _replaced(document: Any, path: JsonPath, new: Any) -> Any:  # noqa: ANN401 - JSON
    if not path:
        return new
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


def mutate(document: Any, rng: random.Random) -> tuple[Any, Any, str]:  # noqa: ANN401 - JSON
    """*document* (parsed JSON) with one change, the new value, and the change in words.

    The change drops a key of an object, adds an unknown key, puts another value of the same
    document somewhere (an id where a date is wanted, an object of another class), or puts
    one of :data:`ODD_VALUES` there. *document* itself is left unchanged.

    >>> mutant, new, change = mutate({"id": "a1", "name": "Aino"}, random.Random(9))
    >>> change
    'replaced id with "2026-02-29"'
    >>> mutant
    {'id': '2026-02-29', 'name': 'Aino'}
    """
    every = _nodes(document)
    path, value = rng.choice(every)
    how = rng.choice(("drop", "add", "replace", "swap"))
    if how in ("drop", "add") and isinstance(value, dict):
        copy = dict(value)
        if how == "drop" and copy:
            key = rng.choice(sorted(copy))
            del copy[key]
            return _replaced(document, path, copy), copy, f"dropped {_shown((*path, key))}"
        new = rng.choice(ODD_VALUES)
        copy[_UNKNOWN_KEY] = new
        change = f"added {_shown((*path, _UNKNOWN_KEY))} = {json.dumps(new)}"
        return _replaced(document, path, copy), copy, change
    new = rng.choice(every)[1] if how == "swap" else rng.choice(ODD_VALUES)
    change = f"replaced {_shown(path)} with {_brief(new)}"
    return _replaced(document, path, new), new, change


def _brief(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else f"{text[:57]}..."  # noqa: PLR2004 - a readable length


@attrs.frozen
class ConformanceCase:
    """One document of the suite: where it is written, its kind, and what a reader must say.

    *problems* are the problems ``openco check`` reports for an invalid document, each with
    the JSON path of the value at fault; *change* says how it was made from a valid one. A
    case document is read with the records of :func:`case_records` on :data:`CASE_TODAY`
    (``openco check --records case/records.json --today 2100-01-01``).
    """

    file: str
    kind: str
    valid: bool
    text: str
    problems: tuple[DocumentProblem, ...] = ()
    change: str = ""


def _strategy(kind: str) -> SearchStrategy[Any]:
    cls = document_kinds()[kind]
    return cases() if cls is Case else st.from_type(cls)


def _examples(strategy: SearchStrategy[Any], count: int, seed: int) -> list[Any]:
    """*count* values of *strategy*, the same ones for the same *seed*."""
    found: list[Any] = []

    @hypothesis_seed(seed)
    @settings(
        database=None,
        max_examples=count * 3,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:  # noqa: ANN401 - any document's value
        found.append(value)

    collect()
    return found


def _kind_seed(kind: str, seed: int) -> int:
    # A stable number per kind (Python's own str hash changes from run to run).
    return zlib.crc32(f"{seed}:{kind}".encode())


def _refusal(text: str, cls: type) -> tuple[DocumentProblem, ...]:
    try:
        loads(text, cls, **read_options(cls))
    except InvalidDocumentError as error:
        return tuple(error.problems)
    return ()


def _kind_cases(kind: str, *, seed: int, valid: int, invalid: int) -> list[ConformanceCase]:
    cls = document_kinds()[kind]
    texts: list[str] = []
    for value in _examples(_strategy(kind), valid, _kind_seed(kind, seed)):
        text = dumps(value, indent=2)
        if text not in texts:
            texts.append(text)
    # Hypothesis starts with its simplest values; every few of them are more alike than not.
    texts = texts[:: max(1, len(texts) // max(valid, 1))][:valid]
    found = [
        ConformanceCase(f"{kind}/valid-{n:02d}.json", kind, valid=True, text=text)
        for n, text in enumerate(texts, start=1)
    ]
    rng = random.Random(_kind_seed(kind, seed))  # noqa: S311 - examples, not secrets
    documents = [json.loads(text) for text in texts]
    made: set[str] = set()
    tries = 0
    while len(made) < invalid and documents and tries < invalid * 20:
        tries += 1
        mutant, _, change = mutate(rng.choice(documents), rng)
        if not isinstance(mutant, dict) or mutant.get("kind") != kind:
            # The kind is how a reader tells which document it holds: a mutant with another
            # kind, or none, is a document of no kind in this suite's sense.
            continue
        text = json.dumps(mutant, indent=2, ensure_ascii=False)
        problems = _refusal(text, cls)
        if not problems or text in made:
            continue
        made.add(text)
        name = f"{kind}/invalid-{len(made):02d}.json"
        found.append(ConformanceCase(name, kind, valid=False, text=text, problems=problems,
                                     change=change))  # fmt: skip
    return found


def conformance_cases(
    *,
    seed: int = 0,
    kinds: Iterable[str] | None = None,
    valid_per_kind: int = 3,
    invalid_per_kind: int = 12,
) -> tuple[ConformanceCase, ...]:
    """The suite's documents for *kinds* (every document kind if ``None``), made from *seed*.

    Each kind has up to *valid_per_kind* valid documents and *invalid_per_kind* invalid ones
    (fewer if the strategies repeat themselves).
    """
    chosen = sorted(document_kinds()) if kinds is None else list(kinds)
    found: list[ConformanceCase] = []
    for kind in chosen:
        found += _kind_cases(kind, seed=seed, valid=valid_per_kind, invalid=invalid_per_kind)
    return tuple(found)


def manifest(suite: Sequence[ConformanceCase], *, seed: int) -> dict[str, Any]:
    """The suite's index, ``manifest.json``: every file, its kind, and what a reader must say.

    >>> case = ConformanceCase("area/invalid-01.json", "area", False, "{}",
    ...                        (DocumentProblem("data.name", "missing"),), "dropped data.name")
    >>> manifest([case], seed=0)["cases"][0]["problems"]
    [{'path': 'data.name', 'message': 'missing'}]
    """
    entries: list[dict[str, Any]] = []
    for case in suite:
        entry: dict[str, Any] = {"file": case.file, "kind": case.kind, "valid": case.valid}
        if document_kinds()[case.kind] is Case:
            entry |= {"records": CASE_RECORDS_FILE, "today": CASE_TODAY.isoformat()}
        if not case.valid:
            entry["change"] = case.change
            entry["problems"] = [{"path": p.path, "message": p.message} for p in case.problems]
        entries.append(entry)
    return {"schema_version": SCHEMA_VERSION, "seed": seed, "cases": entries}
