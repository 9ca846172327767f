"""The one cattrs converter behind every openco document, and its error translation."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from openco.errors import DocumentProblem, InvalidModelError, redacted
from openco.io._strict import shown_key
from openco.model.label import LabelledEnum

__all__ = [
    "converter",
    "fast_converter",
    "join_path",
    "problems_of",
    "snake_case",
    "structure",
]


def _structure_str(value: object, _: type) -> str:
    # cattrs' default would turn 3 into "3"; a document with a number for a name is wrong.
    if not isinstance(value, str):
        raise _WrongTypeError(value, "a string")
    return value


def _structure_int(value: object, _: type) -> int:
    # int("2"), int(2.7) and int(True) all succeed: only a JSON integer is a whole number.
    if not isinstance(value, int) or isinstance(value, bool):
        raise _WrongTypeError(value, "a whole number")
    return value


def _structure_bool(value: object, _: type) -> bool:
    # bool("false") is True: only JSON's own true and false are accepted.
    if not isinstance(value, bool):
        raise _WrongTypeError(value, "true or false")
    return value


_DATE: Final = "an ISO date string such as 2026-03-02"
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: object, _: type) -> dt.date:
    # YYYY-MM-DD only, as dumps writes and the JSON Schema says: Python 3.11's fromisoformat
    # would also take 20260302 and week dates such as 2026-W10-1.
    if not isinstance(value, str) or _ISO_DAY.fullmatch(value) is None:
        raise _WrongTypeError(value, _DATE)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _WrongTypeError(value, _DATE) from None


def _collection_hook(
    converter: cattrs.Converter,
    kind: Any,  # noqa: ANN401 - a type form such as frozenset[AreaId]
) -> Callable[[object, type], Any]:
    """Structure a tuple or frozenset from a JSON array only.

    cattrs would iterate any iterable: a string where a set belongs became its characters
    (``"clinic"`` -> ``c, i, l, n``), an object its keys.
    """
    is_set = getattr(kind, "__origin__", None) is frozenset
    if converter.detailed_validation:
        # cattrs' own hooks for the two, kept for their detailed error paths.
        base = converter._structure_frozenset if is_set else converter._structure_tuple  # noqa: SLF001

        def structure(value: object, _: type) -> Any:  # noqa: ANN401 - the collection
            if type(value) is not list:
                raise _WrongTypeError(value, "a JSON array")
            return base(value, kind)

        return structure
    # The fast converter: one list comprehension with the element's hook, looked up once.
    element = kind.__args__[0]
    make = frozenset if is_set else tuple
    hooks: list[Callable[[object, type], Any]] = []

    def fast(value: object, _: type) -> Any:  # noqa: ANN401 - the collection
        if type(value) is not list:
            raise _WrongTypeError(value, "a JSON array")
        if not hooks:
            hooks.append(converter.get_structure_hook(element))
        hook = hooks[0]
        return make([hook(item, element) for item in value])

    return fast


def _newtype_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:  # noqa: ANN401 - a NewType
    """The hook of the type an id NewType stands for, without cattrs' wrapper per value."""
    base = kind
    while hasattr(base, "__supertype__"):
        base = base.__supertype__
    return converter.get_structure_hook(base)


def _is_collection(kind: object) -> bool:
    origin = getattr(kind, "__origin__", None)
    args = getattr(kind, "__args__", ())
    return origin is frozenset or (origin is tuple and args[-1:] == (Ellipsis,))


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    options = ", ".join(str(m.value) for m in kind)
    # A dict lookup: calling the enum class costs ten times as much, per value.
    members = {m.value: m for m in kind}

    def structure(value: object, _: type) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _WrongTypeError(value, f"one of {options}", word=True) from None

    return structure


def _unstructure_set(value: frozenset[Any]) -> list[Any]:
    # Sets come out sorted, so that the same value always gives the same document.
    items = [converter.unstructure(v) for v in value]
    return sorted(items, key=str)


class _WrongTypeError(ValueError):
    """A JSON value of the wrong shape; the message says what was expected."""

    def __init__(self, value: object, expected: str, *, word: bool = False) -> None:
        super().__init__(value, expected)
        self.value = value
        self.expected = expected
        self.word = word

    def __str__(self) -> str:
        return f"got {redacted(self.value, word=self.word)}, expected {self.expected}"


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook_factory(_is_collection, lambda t: _collection_hook(conv, t))
    conv.register_structure_hook_factory(
        lambda t: hasattr(t, "__supertype__"), lambda t: _newtype_hook(conv, t)
    )
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, LabelledEnum), _enum_hook
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", t) is frozenset, _unstructure_set
    )
    return conv


converter: Final = _make_converter(detailed=True)
"""The converter for every openco value: dates as ISO strings, enums by stable value,
sets as sorted lists, unknown keys refused. Its errors say where every problem is."""

fast_converter: Final = _make_converter(detailed=False)
"""The same rules without cattrs' detailed validation: several times faster on valid input.

Documents are read with this one first; only when it fails does :data:`converter` read the
document again, to find and place every problem.
"""


_NOTE_PREFIXES: Final = ("Structuring class ", "Structuring ")


def _step(notes: Iterable[object]) -> str:
    """The path step a cattrs note describes: ``.name`` or ``[index]``."""
    for note in notes:
        name = getattr(note, "name", None)
        if name is not None:
            return f".{name}"
        index = getattr(note, "index", None)
        if index is not None:
            return f"[{index}]"
        text = str(note)
        if " @ attribute " in text:
            return "." + text.rsplit(" @ attribute ", 1)[1]
        if " @ index " in text:
            return f"[{text.rsplit(' @ index ', 1)[1]}]"
    return ""


def _join(path: str, step: str) -> str:
    joined = f"{path}{step}"
    return joined.removeprefix(".")


def problems_of(error: BaseException, path: str = "") -> list[DocumentProblem]:  # noqa: PLR0911 - one return per kind of error
    """Every problem inside a cattrs structuring error, each with its JSON path."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[DocumentProblem] = []
        for sub in error.exceptions:
            found.extend(problems_of(sub, _join(path, _step(getattr(sub, "__notes__", ())))))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(map(shown_key, error.extra_fields)))
        return [DocumentProblem(path, f"unknown key(s): {keys}")]
    if isinstance(error, KeyError):
        return [DocumentProblem(path, "missing")]
    if isinstance(error, InvalidModelError):
        return [
            DocumentProblem(
                _join(path, f".{error.field}"),
                f"got {redacted(error.value)}, allowed: {error.allowed}",
            )
        ]
    if isinstance(error, _WrongTypeError):
        return [DocumentProblem(path, str(error))]
    if isinstance(error, TypeError | AttributeError):
        # cattrs met a JSON value of another shape than the type needs (a list for an object).
        return [DocumentProblem(path, "wrong kind of JSON value for this field")]
    return [DocumentProblem(path, str(error) or type(error).__name__)]


def snake_case(name: str) -> str:
    """A class name as a document kind or detail type: ``NetworkMap`` -> ``network_map``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def join_path(base: str, step: str) -> str:
    """*step* below *base* in a JSON path: ``join_path("data", "[0]")`` is ``data[0]``."""
    if not base or not step:
        return base or step
    return f"{base}{step}" if step.startswith("[") else f"{base}.{step}"


def structure(
    data: object,
    kind: Any,  # noqa: ANN401 - a class or a type form such as tuple[Consent, ...]
    path: str = "",
) -> tuple[Any, list[DocumentProblem]]:
    """*data* as a *kind*, or the problems found, each with its path below *path*.

    The fast converter reads valid data; only when it fails does the detailed one read the
    data again, to find and place every problem.
    """
    with contextlib.suppress(Exception):
        return fast_converter.structure(data, kind), []
    try:
        return converter.structure(data, kind), []
    except Exception as error:  # noqa: BLE001 - every structuring error becomes a problem
        return None, [
            DocumentProblem(join_path(path, p.path), p.message) for p in problems_of(error)
        ]
