"""Per-class writer functions, generated once as Python source: the fast path of ``dumps``.

:func:`writer` compiles, for an attrs class of the model, one function that turns an object
straight into the JSON text that ``json.dumps(converter.unstructure(obj), ensure_ascii=False)``
writes, byte for byte: the same keys in the same order, the same string escapes (the json
module's own ``encode_basestring``), dates as ``YYYY-MM-DD``, enumerations by their stable
value, sets as sorted lists. It reads attributes directly and writes each field with one
inline expression, where cattrs' unstructure calls a hook per value and then the json encoder
walks the dicts it built.

A value of an unexpected type (an int where a string belongs, a bool where an int belongs …)
makes the generated function raise :class:`Unexpected` (or a ``TypeError``/``AttributeError``/
``KeyError`` from the expression); the caller then takes the general path, so the text is
always the general path's text.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import json.encoder
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from openco.errors import DocumentProblem
from openco.io._converter import _ISO_DAY, converter, fast_converter
from openco.io._converter import structure as structure_slowly
from openco.model.label import LabelledEnum

__all__ = ["Unexpected", "encode", "reader", "structure", "writer"]

encode: Final[Callable[[object], str]] = json.JSONEncoder(
    ensure_ascii=False, check_circular=False
).encode
"""``json.dumps(value, ensure_ascii=False)`` without building an encoder per call."""

# The exact string encoder json.dumps(ensure_ascii=False) uses (the C one where it exists).
_STRING: Final = json.encoder.encode_basestring
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Unexpected(Exception):  # noqa: N818 - a signal to take the general path, not a failure
    """A value the compiled writer has no exact expression for."""


def _unexpected(*_: object) -> str:
    raise Unexpected


def _is_optional(kind: Any) -> Any:  # noqa: ANN401 - a type form
    """``X`` for ``X | None`` (or ``Optional[X]``), else ``None``."""
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(kind)) == 2:  # noqa: PLR2004 - X and None
            return args[0]
    return None


def _base(kind: Any) -> Any:  # noqa: ANN401 - a type form
    """The type a NewType stands for (ids are NewTypes of str)."""
    while hasattr(kind, "__supertype__"):
        kind = kind.__supertype__
    return kind


class _Module:
    """The globals, the counter and the function names of one generated module."""

    prefix = "_f"

    def __init__(self, names: dict[str, object]) -> None:
        self.names = names
        self.count = 0
        self.functions: dict[type, str] = {}

    def function(self, cls: type) -> str:
        """The name of the generated function of *cls*."""
        if cls not in self.functions:
            self.functions[cls] = f"{self.prefix}{len(self.functions)}_{cls.__name__}"
        return self.functions[cls]

    def bind(self, value: object) -> str:
        """A new global name holding *value*."""
        self.count += 1
        name = f"_g{self.count}"
        self.names[name] = value
        return name

    def var(self) -> str:
        """A new local variable name."""
        self.count += 1
        return f"_v{self.count}"


class _Source(_Module):
    """The globals and the counter of one generated writer module."""

    prefix = "_w"

    def __init__(self) -> None:
        super().__init__(
            {
                "_s": _STRING,
                "_iso": dt.date.isoformat,
                "_unexpected": _unexpected,
                "_enc": encode,
                "_comma": ", ",
                "_null": "null",
                "_true": "true",
                "_false": "false",
                "_repr": int.__repr__,
                "_int": int,
                "_str": str,
                "_sorted": sorted,
            }
        )


def _enum_table(src: _Source, kind: type[enum.Enum]) -> str:
    return src.bind({member: _STRING(member.value) for member in kind})


def _expression(src: _Source, kind: Any, value: str, pending: list[type]) -> str:  # noqa: ANN401, C901, PLR0911 - a type form; one return per kind of type
    """A Python expression (without string literals) for the JSON text of *value*."""
    inner = _is_optional(kind)
    if inner is not None:
        var = src.var()
        return f"(_null if ({var} := {value}) is None else {_expression(src, inner, var, pending)})"
    kind = _base(kind)
    if kind is str:
        return f"_s({value})"
    if kind is bool:
        return f"(_true if {value} is True else _false if {value} is False else _unexpected())"
    if kind is int:
        return f"(_repr({value}) if type({value}) is _int else _unexpected())"
    if kind is dt.date:
        return f"(_q + _iso({value}) + _q)"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"{_enum_table(src, kind)}[{value}]"
    if isinstance(kind, type) and attrs.has(kind):
        pending.append(kind)
        return f"{src.function(kind)}({value})"
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004 - X, ...
        var = src.var()
        element = _expression(src, args[0], var, pending)
        return f"(_lb + _comma.join([{element} for {var} in {value}]) + _rb)"
    if origin is frozenset and len(args) == 1:
        element_kind = _base(args[0])
        var = src.var()
        if element_kind is str:
            # sorted(key=str) of strings is sorted(): the order of the unstructured values.
            return f"(_lb + _comma.join([_s({var}) for {var} in _sorted({value})]) + _rb)"
        if isinstance(element_kind, type) and issubclass(element_kind, enum.Enum):
            values = src.bind({member: member.value for member in element_kind})
            return (
                f"(_lb + _comma.join([_s({var}) for {var} in "
                f"_sorted([{values}[{var}] for {var} in {value}])]) + _rb)"
            )
    # Anything else: cattrs' own hook for the type, then the json encoder.
    hook = src.bind(converter.get_unstructure_hook(kind))
    return f"_enc({hook}({value}))"


def _fstring_literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _class_source(src: _Source, cls: type, pending: list[type]) -> str:
    fields = attrs.fields(attrs.resolve_types(cls))
    parts: list[str] = []
    for index, field in enumerate(fields):
        if not _NAME.fullmatch(field.name):
            raise ValueError(field.name)  # never: attrs field names are identifiers
        key = json.dumps(field.name)
        literal = ("{" if index == 0 else ", ") + key + ": "
        expression = _expression(src, field.type, f"o.{field.name}", pending)
        parts.append(_fstring_literal(literal) + "{" + expression + "}")
    body = "".join(parts) + "}}" if fields else "{{}}"
    return f"def {src.function(cls)}(o):\n    return f'{body}'\n"


def _compile(root: type) -> dict[type, Callable[[Any], str]]:
    src = _Source()
    src.names.update({"_q": '"', "_lb": "[", "_rb": "]"})
    pending = [root]
    done: dict[type, str] = {}
    while pending:
        cls = pending.pop()
        if cls in done:
            continue
        done[cls] = _class_source(src, cls, pending)
    namespace = dict(src.names)
    exec(compile("".join(done.values()), f"<openco writer {root.__name__}>", "exec"), namespace)  # noqa: S102 - source generated above from the classes' own fields
    return {cls: namespace[src.function(cls)] for cls in done}  # type: ignore[misc]


_WRITERS: dict[type, Callable[[Any], str]] = {}


def writer(cls: type) -> Callable[[Any], str]:
    """The compiled writer of the attrs class *cls* (compiled on first use, then cached)."""
    found = _WRITERS.get(cls)
    if found is None:
        try:
            found = _compile(cls)[cls]
        except Exception:  # noqa: BLE001 - no writer: the general path writes every value
            found = _unexpected
        _WRITERS[cls] = found
    return found


# Readers -------------------------------------------------------------------------------------
#
# One function per attrs class that structures a JSON object holding *every* field of the
# class (as openco writes them), checking each value inline exactly as the fast converter's
# hooks do (a string is a str, a whole number an int but not a bool, a date a YYYY-MM-DD
# string, an enumeration one of its values, a collection a JSON array), then calls the class,
# whose converters and validators run as always. Anything else (a key missing, so that a
# default applies; a key unknown; a value of the wrong kind; a validator's refusal) raises, and
# the caller structures the data again through cattrs, which accepts what is valid and reports
# every problem with its path. The compiled reader never accepts what cattrs refuses: every
# check below is the same test as, or a stricter one than, the hook it stands for.


class _Readers(_Module):
    """The globals of one generated reader module."""

    prefix = "_r"

    def __init__(self) -> None:
        super().__init__(
            {
                "_unexpected": _unexpected,
                "_str": str,
                "_int": int,
                "_list": list,
                "_dict": dict,
                "_tuple": tuple,
                "_frozenset": frozenset,
                "_is_day": _ISO_DAY.fullmatch,
                "_day": dt.date.fromisoformat,
            }
        )


def _read(src: _Readers, kind: Any, value: str, pending: list[type]) -> str:  # noqa: ANN401, PLR0911 - a type form; one return per kind of type
    """A Python expression that is *value* (a plain name) structured as *kind*, or raises."""
    inner = _is_optional(kind)
    if inner is not None:
        return f"(None if {value} is None else {_read(src, inner, value, pending)})"
    kind = _base(kind)
    if kind is str:
        return f"({value} if type({value}) is _str else _unexpected())"
    if kind is int:
        return f"({value} if type({value}) is _int else _unexpected())"
    if kind is bool:
        return f"({value} if {value} is True or {value} is False else _unexpected())"
    if kind is dt.date:
        return f"(_day({value}) if type({value}) is _str and _is_day({value}) else _unexpected())"
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return f"{src.bind({member.value: member for member in kind})}[{value}]"
    if isinstance(kind, type) and attrs.has(kind) and _readable(kind):
        pending.append(kind)
        return f"{src.function(kind)}({value})"
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    is_tuple = origin is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004 - X, ...
    if is_tuple or (origin is frozenset and len(args) == 1):
        var = src.var()
        element = _read(src, args[0], var, pending)
        make = "_tuple" if is_tuple else "_frozenset"
        return (
            f"({make}([{element} for {var} in {value}]) "
            f"if type({value}) is _list else _unexpected())"
        )
    # Anything else: the fast converter's own hook for the type.
    hook = src.bind(fast_converter.get_structure_hook(kind))
    return f"{hook}({value}, {src.bind(kind)})"


def _readable(cls: type) -> bool:
    """Whether a reader can be compiled for *cls*: every field set by its own name."""
    return all(f.init and f.alias == f.name and _NAME.fullmatch(f.name) for f in attrs.fields(cls))


def _reader_source(src: _Readers, cls: type, pending: list[type]) -> str:
    fields = attrs.fields(attrs.resolve_types(cls))
    lines = [
        f"def {src.function(cls)}(o):",
        # Every field's key is read below (a KeyError if one is missing): with as many keys
        # as fields, the object has no other key.
        f"    if type(o) is not _dict or len(o) != {len(fields)}:",
        "        _unexpected()",
    ]
    arguments = []
    for field in fields:
        var = src.var()
        lines.append(f"    {var} = o[{field.name!r}]")
        arguments.append(f"{field.name}={_read(src, field.type, var, pending)}")
    lines.append(f"    return {src.bind(cls)}({', '.join(arguments)})")
    return "\n".join(lines) + "\n"


def _compile_readers(root: type) -> dict[type, Callable[[Any], Any]]:
    src = _Readers()
    pending = [root]
    done: dict[type, str] = {}
    while pending:
        cls = pending.pop()
        if cls not in done:
            done[cls] = _reader_source(src, cls, pending)
    namespace = dict(src.names)
    exec(compile("".join(done.values()), f"<openco reader {root.__name__}>", "exec"), namespace)  # noqa: S102 - source generated above from the classes' own fields
    return {cls: namespace[src.function(cls)] for cls in done}  # type: ignore[misc]


_READERS: dict[type, Callable[[Any], Any] | None] = {}


def reader(cls: type) -> Callable[[Any], Any] | None:
    """The compiled reader of *cls* (compiled on first use), or ``None`` if it has none."""
    try:
        return _READERS[cls]
    except KeyError:
        pass
    found = None
    if isinstance(cls, type) and attrs.has(cls) and _readable(cls):
        try:
            found = _compile_readers(cls)[cls]
        except Exception:  # noqa: BLE001 - a type cattrs has no hook for (Case's object fields)
            found = None
    _READERS[cls] = found
    return found


def structure(
    data: object,
    kind: Any,  # noqa: ANN401 - a class or a type form such as tuple[Consent, ...]
    path: str = "",
) -> tuple[Any, list[DocumentProblem]]:
    """*data* as a *kind*, or the problems found, each with its path below *path*.

    The compiled reader of *kind* reads data that holds every field; anything else, and
    anything it refuses, goes to cattrs (:func:`openco.io._converter.structure`), which reads
    what is valid and finds and places every problem.
    """
    if isinstance(kind, type):
        read = _READERS[kind] if kind in _READERS else reader(kind)
        if read is not None:
            try:
                return read(data), []
            except Exception:  # noqa: BLE001, S110 - cattrs reads it again, reporting every problem
                pass
    elif typing.get_origin(kind) is tuple and type(data) is list:
        # tuple[X, ...] of a class with a reader: the parts of a bundle.
        element, *rest = typing.get_args(kind)
        read = reader(element) if rest == [Ellipsis] and isinstance(element, type) else None
        if read is not None:
            try:
                return tuple([read(item) for item in data]), []
            except Exception:  # noqa: BLE001, S110 - cattrs reads it again, reporting every problem
                pass
    return structure_slowly(data, kind, path)
