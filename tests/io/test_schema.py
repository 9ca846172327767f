"""The JSON Schemas agree with the loader, both ways, and the shipped copies are current."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import openco.io.document_schema as schema_module
from openco.errors import InvalidArgumentError, InvalidDocumentError
from openco.io import document_kinds, dumps, schema, schema_kinds
from openco.io import loads as openco_loads
from openco.io.document_schema import cross_field_rules, schema_text, stored_schema_text
from openco.process import Case
from openco.testing import cases
from openco.testing.conformance import mutate, read_options

ROOT = Path(__file__).resolve().parents[2]
KINDS = schema_kinds()


def load_tool() -> ModuleType:
    """tools/make_schemas.py, loaded by path (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("make_schemas", ROOT / "tools/make_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def strategy_for(kind: str) -> SearchStrategy[Any]:
    cls = document_kinds()[kind]
    return cases() if cls is Case else st.from_type(cls)


class TestTheShippedSchemas:
    def test_every_document_kind_has_a_schema(self) -> None:
        assert set(KINDS) == set(document_kinds())

    @pytest.mark.parametrize("kind", KINDS)
    def test_the_stored_copy_is_the_generated_schema(self, kind: str) -> None:
        """A model change that changes a schema must come with `python tools/make_schemas.py`."""
        assert stored_schema_text(kind) == schema_text(kind), (
            f"the stored schema of {kind!r} is out of date: run python tools/make_schemas.py"
        )

    def test_no_file_is_stale_and_the_docs_list_every_rule(self) -> None:
        assert load_tool().main(["--check"]) == 0, "run python tools/make_schemas.py"

    @pytest.mark.parametrize("kind", KINDS)
    def test_each_schema_passes_the_draft_2020_12_metaschema(self, kind: str) -> None:
        jsonschema.Draft202012Validator.check_schema(schema(kind))

    def test_an_unknown_kind_is_refused_with_the_kinds_allowed(self) -> None:
        with pytest.raises(InvalidArgumentError, match="one of area, bundle, case"):
            schema("nothing")

    def test_the_schema_returned_is_a_copy(self) -> None:
        schema("area")["title"] = "changed"

        assert schema("area")["title"] == "openco area document"


class TestGeneration:
    def test_a_validator_the_generator_does_not_know_stops_it(self) -> None:
        builder = schema_module._Builder()
        field = next(iter(__import__("attrs").fields(schema_module.CrossFieldRule)))

        with pytest.raises(TypeError, match="does not know"):
            builder.narrowed(
                schema_module.CrossFieldRule, field, {"type": "string"}, lambda *_: None
            )

    def test_every_documented_rule_names_a_class_and_field_or_a_kind(self) -> None:
        for kind in KINDS:
            for rule in cross_field_rules(kind):
                assert rule.where in KINDS or rule.where.count(".") == 1, rule


@pytest.mark.parametrize("kind", KINDS)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_document_dumps_writes_is_valid_under_its_schema(
    kind: str, data: st.DataObject
) -> None:
    value = data.draw(strategy_for(kind))

    text = dumps(value)

    errors = [e.message for e in validator(kind).iter_errors(json.loads(text))]
    assert not errors
    cls = document_kinds()[kind]
    assert openco_loads(text, cls, **read_options(cls)) == value  # the mutants start valid


@st.composite
def mutants(draw: st.DrawFn, document: Any) -> tuple[Any, Any]:
    """*document* with one change (a key dropped or added, a value replaced), and the new value.

    The suite's own mutation (openco.testing.conformance.mutate), driven by Hypothesis.
    """
    mutant, new, _ = mutate(document, draw(st.randoms(use_true_random=False)))
    return mutant, new


def is_structural(message: str) -> bool:
    """Whether the loader's message says the value has the wrong shape.

    A wrong type, enumeration value or date, a missing or unknown key: not an invariant or a
    reference.
    """
    return (
        message == "missing"
        or message.startswith(("unknown key", "wrong kind of JSON value", "a document is"))
        or ", expected " in message
    )


def documented(kind: str, path: str) -> bool:
    """Whether a cross-field rule of *kind* covers the value at *path* (or one it is inside)."""
    fields = {rule.where.rsplit(".", 1)[-1] for rule in cross_field_rules(kind)}
    steps = {step.split("[", 1)[0] for step in path.split(".")}
    return bool(fields & steps) or kind in {rule.where for rule in cross_field_rules(kind)}


@pytest.mark.parametrize("kind", KINDS)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_the_schema_and_the_loader_agree_on_every_mutant(kind: str, data: st.DataObject) -> None:
    """What the schema refuses, the loader refuses, and the other way round.

    A refusal by the loader alone is one of the documented cross-field rules.
    """
    cls = document_kinds()[kind]
    document = json.loads(dumps(data.draw(strategy_for(kind))))
    mutant, _ = data.draw(mutants(document))

    schema_errors = list(validator(kind).iter_errors(mutant))
    try:
        openco_loads(json.dumps(mutant), cls, **read_options(cls))
    except InvalidDocumentError as error:
        problems = error.problems
    else:
        problems = ()

    if schema_errors:
        assert problems, f"the schema refused, the loader accepted: {schema_errors[0].message}"
    elif problems and not schema_errors:
        for problem in problems:
            assert not is_structural(problem.message), f"only the loader refused: {problem}"
            assert documented(kind, problem.path), f"an undocumented rule refused: {problem}"
