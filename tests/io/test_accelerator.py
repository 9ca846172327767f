"""The msgspec accelerator accepts a text iff the strict path does, with an equal object.

The side door would be a text the accelerator reads that the strict path refuses (or reads as
another object). The properties below give the accelerator, and ``loads`` with and without it,
valid documents of every kind drawn by :mod:`openco.testing`, each hostile mutation of
``tests/io/hostile.py``, the same mutants rewritten in openco's own canonical form (so that
they reach msgspec's decoder and the re-encoding check), and valid but non-canonical forms;
under the default limits and under low ones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.io.hostile import FUZZ_LIMITS, MUTATIONS, _string_paths, mutant

from openco.errors import InvalidDocumentError
from openco.io import (
    _accelerator,
    accelerator_enabled,
    document_kinds,
    dumps,
    iter_loads,
    kind_of,
    load_documents,
    loads,
    use_accelerator,
)
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import (
    AreaId,
    Bundle,
    Family,
    FamilyId,
    NetworkMap,
    NetworkMapId,
    Person,
    PersonId,
    ServiceUnit,
)
from openco.process import Case

pytestmark = pytest.mark.skipif(
    not _accelerator.available(), reason="msgspec is not installed: pip install 'openco[fast]'"
)

MODEL_KINDS = sorted(
    (cls for cls in document_kinds().values() if cls is not Case), key=lambda c: c.__name__
)
LIMITS = [
    DEFAULT_LIMITS,
    FUZZ_LIMITS,
    Limits(nesting_depth=8),
    Limits(string_length=8),
    Limits(members_per_map=2, ties_per_map=1, professionals_per_family=1),
]

Outcome = tuple[str, object]


def family(born: dt.date = dt.date(2000, 1, 1)) -> Family:
    person = Person(id=PersonId("p1"), name="A", birth_date=born)
    return Family(id=FamilyId("f1"), members=[person], home_area=AreaId("a1"))


def strict(text: str | bytes, cls: type, limits: Limits, **kwargs: Any) -> Outcome:
    """What ``loads`` gives on the strict path alone: the object, or the error's message."""
    was = use_accelerator(False)
    try:
        return "read", loads(text, cls, limits=limits, **kwargs)
    except InvalidDocumentError as error:
        return "refused", str(error)
    finally:
        use_accelerator(was)


def accelerated(text: str | bytes, cls: type, limits: Limits, **kwargs: Any) -> Outcome:
    was = use_accelerator(True)
    try:
        return "read", loads(text, cls, limits=limits, **kwargs)
    except InvalidDocumentError as error:
        return "refused", str(error)
    finally:
        use_accelerator(was)


def fast_read(text: str | bytes, cls: type, limits: Limits) -> object | None:
    """The accelerator's own answer, before any fallback."""
    was = use_accelerator(True)
    try:
        return _accelerator.read(text, {kind_of(cls): cls}, limits)
    finally:
        use_accelerator(was)


def check_same(text: str | bytes, cls: type, limits: Limits) -> object | None:
    """The oracle: the accelerator reads only what the strict path reads, as the same object."""
    expected = strict(text, cls, limits)
    fast = fast_read(text, cls, limits)
    if fast is not None:
        assert expected[0] == "read", f"side door: the strict path refused {text!r:.300}"
        assert type(fast) is type(expected[1])
        assert fast == expected[1]
    assert accelerated(text, cls, limits) == expected
    return fast


def canonical(text: str | bytes) -> str | None:
    """*text* rewritten as openco writes JSON (raw UTF-8, ", " and ": "), if it is JSON."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except (ValueError, RecursionError):
        return None


def non_canonical(document: dict[str, Any], rng: random.Random) -> list[str]:
    """Valid forms of *document* that openco does not write: each must go the strict way."""
    data = document["data"]
    reordered = dict(reversed(list(data.items()))) if isinstance(data, dict) else data
    texts = [
        json.dumps(document),  # non-ASCII escaped
        json.dumps(document, separators=(",", ":")),
        json.dumps({**document, "data": reordered}, ensure_ascii=False),
        json.dumps({"kind": document["kind"], **document}, ensure_ascii=False),
    ]
    if isinstance(data, dict) and data:
        dropped = dict(data)
        dropped.pop(rng.choice(sorted(dropped)))  # a default applies, or "missing"
        texts.append(json.dumps({**document, "data": dropped}, ensure_ascii=False))
        texts.append(json.dumps({**document, "data": {**data, "extra": 1}}, ensure_ascii=False))
    return texts


def objects() -> st.SearchStrategy[object]:
    return st.sampled_from(MODEL_KINDS).flatmap(st.from_type)


def test_the_accelerator_has_a_decoder_for_the_everyday_kinds() -> None:
    decoded = {cls for cls in document_kinds().values() if _accelerator._decoder(cls)}

    assert {Family, NetworkMap, Person} <= decoded
    assert not decoded & {Bundle, Case, ServiceUnit}  # the strict path reads these


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)
@given(obj=objects(), limits=st.sampled_from(LIMITS))
def test_a_valid_document_is_read_alike_and_by_msgspec_when_it_can(
    obj: object, limits: Limits
) -> None:
    text = dumps(obj)

    fast = check_same(text, type(obj), limits)

    if limits is DEFAULT_LIMITS and _accelerator._decoder(type(obj)) is not None:
        assert fast == obj  # it is used, and loses nothing
    assert check_same(text.encode("utf-8"), type(obj), limits) == fast


@settings(
    max_examples=150,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    deadline=None,
)
@given(
    obj=objects(),
    kind=st.sampled_from(sorted(MUTATIONS)),
    limits=st.sampled_from([FUZZ_LIMITS, DEFAULT_LIMITS]),
    rng=st.randoms(use_true_random=False),
)
def test_a_hostile_mutant_is_refused_or_read_alike(
    obj: object, kind: str, limits: Limits, rng: random.Random
) -> None:
    document = json.loads(dumps(obj))
    assume(_string_paths(document))  # the mutations work on a text (an empty bundle has none)
    text, _ = mutant(document, kind, rng)

    check_same(text, type(obj), limits)
    rewritten = canonical(text)
    if rewritten is not None:
        check_same(rewritten, type(obj), limits)  # the same mutant, in openco's own form


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(obj=objects(), rng=st.randoms(use_true_random=False))
def test_a_valid_but_non_canonical_text_goes_the_strict_way(
    obj: object, rng: random.Random
) -> None:
    for text in non_canonical(json.loads(dumps(obj)), rng):
        if text != dumps(obj):
            assert fast_read(text, type(obj), DEFAULT_LIMITS) is None
            check_same(text, type(obj), DEFAULT_LIMITS)


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace('"data": {', '"data": {"id": "x", ', 1), id="key twice"),
        pytest.param(lambda t: t.replace('"f1"', '"f\\u00001"', 1), id="NUL"),
        pytest.param(lambda t: t.replace('"f1"', '"f\\ud8001"', 1), id="escaped surrogate"),
        pytest.param(lambda t: t.replace('"f1"', '"\\u0066\\u0031"', 1), id="escaped ASCII"),
        pytest.param(lambda t: t.replace('"schema_version": 1', '"schema_version": 2'), id="v2"),
        pytest.param(lambda t: t.replace('"kind": "family"', '"kind": "area"'), id="kind"),
        pytest.param(lambda t: t + " ", id="trailing space"),
        pytest.param(lambda t: t[:-1] + ', "x": 1}', id="envelope key"),
    ],
)
def test_texts_msgspec_reads_but_openco_refuses_or_writes_otherwise(variant: Any) -> None:
    text = variant(dumps(family()))

    assert fast_read(text, Family, DEFAULT_LIMITS) is None
    check_same(text, Family, DEFAULT_LIMITS)


def test_today_is_checked_after_the_accelerator_as_before() -> None:
    text = dumps(family(dt.date(2026, 5, 1)))

    assert fast_read(text, Family, DEFAULT_LIMITS) == family(dt.date(2026, 5, 1))
    for today in (dt.date(2026, 4, 30), dt.date(2026, 5, 1)):
        assert accelerated(text, Family, DEFAULT_LIMITS, today=today) == strict(
            text, Family, DEFAULT_LIMITS, today=today
        )
    assert accelerated(text, Family, DEFAULT_LIMITS, today=dt.date(2026, 4, 30))[0] == "refused"


def test_counts_over_a_limit_go_the_strict_way_and_are_refused() -> None:
    empty = NetworkMap(
        id=NetworkMapId("m1"),
        family=FamilyId("f1"),
        drawn_on=dt.date(2026, 1, 1),
        drawn_with=(PersonId("p1"),),
    )
    nmap = json.loads(dumps(empty))
    member: dict[str, object] = {
        "id": "n1", "label": "A", "sector": "relatives", "ring": "inner", "tie": "supportive",
        "direction": "none", "support": [], "professional": None, "frequency": None,
        "known_since": None,
    }  # fmt: skip
    nmap["data"]["members"] = [member, {**member, "id": "n2"}, {**member, "id": "n3"}]
    text = json.dumps(nmap, ensure_ascii=False)
    low = Limits(members_per_map=2)

    assert fast_read(text, NetworkMap, DEFAULT_LIMITS) is not None
    assert fast_read(text, NetworkMap, low) is None
    assert check_same(text, NetworkMap, low) is None
    assert "--max-members-per-map" in str(strict(text, NetworkMap, low)[1])


def read_all(
    lines: list[str | bytes], *, accelerated: bool
) -> tuple[list[object], list[tuple[int, str]], list[Family], list[tuple[int, str]]]:
    """What load_documents and iter_loads read of *lines*, and the errors they report."""
    was = use_accelerator(accelerated)
    try:
        bad: list[tuple[int, str]] = []
        read = list(load_documents(lines, on_error=lambda n, e: bad.append((n, str(e)))))
        bad_lines: list[tuple[int, str]] = []
        families = list(
            iter_loads(lines, Family, on_error=lambda n, e: bad_lines.append((n, str(e))))
        )
    finally:
        use_accelerator(was)
    return read, bad, families, bad_lines


def test_the_bulk_readers_give_the_same_objects_and_errors_in_both_modes() -> None:
    rng = random.Random(11)  # noqa: S311 - a repeatable test, not a secret
    document = json.loads(dumps(family()))
    lines: list[str | bytes] = []
    for kind in sorted(MUTATIONS):
        lines += [dumps(family()), mutant(document, kind, rng)[0]]
    results = [read_all(lines, accelerated=True), read_all(lines, accelerated=False)]

    assert results[0] == results[1]
    assert len(results[0][0]) >= len(MUTATIONS)


def test_the_switch_and_the_environment_variable() -> None:
    was = use_accelerator(False)
    try:
        assert not accelerator_enabled()
        assert use_accelerator(True) is False
        assert accelerator_enabled()
    finally:
        use_accelerator(was)
    environment = {**os.environ, _accelerator.ENVIRONMENT: "1"}
    code = "import openco.io; print(openco.io.accelerator_enabled())"
    off = subprocess.run(  # noqa: S603 - this Python, a fixed program
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )

    assert off.stdout.strip() == "False"


def test_an_attrs_class_field_order_is_what_the_writer_writes() -> None:
    """The canonical text is the writer's: keys in field order (msgspec writes them sorted)."""
    text = dumps(family())

    assert list(json.loads(text)["data"]) == [f.name for f in attrs.fields(Family)]
