"""Assertions the model tests share: a refused value names its field, and the error pickles."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import settings

from openco.errors import InvalidModelError
from openco.model._messages import CODES

_PROFILE = settings.default or settings()
FEWER_EXAMPLES = settings(max_examples=max(4, _PROFILE.max_examples // 5))
"""For the many tests that refuse one bad value in a generated object: the refusal hardly depends
on the object, so a fifth of the profile's examples (the profile is loaded by conftest first)."""

Changes = Callable[[Any], dict[str, Any]]
"""Field changes to try on an object, computed from the object (e.g. "adult = its child")."""


def change(**changes: Any) -> Changes:
    """Changes that do not depend on the object they are applied to."""
    return lambda _: changes


def assert_refused(build: Callable[[], object], field: str) -> InvalidModelError:
    """*build* raises an InvalidModelError naming *field*, which survives a pickle round trip."""
    with pytest.raises(InvalidModelError) as caught:
        build()
    error = caught.value
    assert error.field == field, str(error)
    assert error.allowed
    assert str(error).startswith(f"{error.owner}.{field}: got ")
    # A coded message in Finnish, Swedish and English for the person who typed the value.
    assert error.code in CODES, error.code
    assert error.code != "invalid", f"{error.owner}.{field} has no code of its own"
    assert error.texts is not None
    assert len({error.message(language) for language in ("fi", "sv", "en")}) == 3
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.args, str(copy)) == (type(error), error.args, str(error))
    assert (copy.code, copy.texts) == (error.code, error.texts)
    return error


def assert_change_refused(value: Any, changes: Changes, field: str) -> InvalidModelError:
    """Evolving *value* by *changes* is refused, naming *field*."""
    return assert_refused(lambda: attrs.evolve(value, **changes(value)), field)
