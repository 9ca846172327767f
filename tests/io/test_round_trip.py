"""Every public model class round-trips through openco.io unchanged (property tests)."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import openco.model
from openco.io import document_kinds, dumps, kind_of, loads
from openco.testing import model as strategies

MODEL_CLASSES = sorted(
    (
        kind
        for kind in vars(openco.model).values()
        if isinstance(kind, type) and attrs.has(kind) and kind.__module__.startswith("openco.")
    ),
    key=lambda kind: kind.__name__,
)


def strategy_for(kind: type) -> SearchStrategy[Any]:
    """The openco.testing strategy whose values are of *kind*."""
    return st.from_type(kind)


def test_every_public_model_class_is_a_document_kind() -> None:
    assert set(MODEL_CLASSES) <= set(document_kinds().values())


@pytest.mark.parametrize("kind", MODEL_CLASSES, ids=lambda k: k.__name__)
@given(data=st.data())
def test_a_value_reads_back_equal_to_what_was_written(kind: type, data: st.DataObject) -> None:
    value = data.draw(strategy_for(kind))

    text = dumps(value)

    assert loads(text, kind) == value
    assert dumps(loads(text, kind)) == text


@given(bundle=strategies.bundles())
def test_a_bundle_document_names_its_kind_and_version(bundle: openco.model.Bundle) -> None:
    document = json.loads(dumps(bundle))

    assert document["kind"] == kind_of(openco.model.Bundle) == "bundle"
    assert document["schema_version"] == 1
    assert set(document["data"]) == {f.name for f in attrs.fields(openco.model.Bundle)}
