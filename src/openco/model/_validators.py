"""Reusable attrs validators that raise :class:`~openco.errors.InvalidModelError`.

Each validator names the class, the field, the value and what is allowed, so that a caller who
builds an object from user input can show the user exactly what to fix; and gives the refusal a
code with its message in Finnish, Swedish and English (:mod:`openco.model._messages`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Final, TypeVar, cast

import attrs

from openco.errors import InvalidModelError
from openco.model import _messages

Field = _messages.Field
"""A message parameter that names another field (shown in words)."""

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")

# A Finnish personal identity code (henkilötunnus): DDMMYY, the century sign (- + A-F U-Y), the
# individual number and the check character, in either case, standing on its own: at the start
# or after a character that is not a letter or digit, and not followed by one. (Anywhere at all
# would refuse about 1 in 1,000 UUIDs and 1 in 500 keys of 20 hex digits, whose a-f read as
# century signs.) Written without flags, \d or look-behind, so that the JSON Schema's ECMA-262
# pattern (made from _ID) reads it the same way.
_IDENTITY_CODE: Final = (
    r"(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}"
    r"[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Ya-y](?![A-Za-z0-9])"
)
# Ids end up in file names, URLs, logs and messages of openco and the systems around it, so
# they hold nothing a path could be made of: no / or \\, no "..", no NUL, no leading dot and no
# drive letter ("c:"); and they are pseudonymous record keys, never a personal identity code
# (data minimisation: an id is shown where a name or an identity code never is).
_ID: Final = re.compile(
    r"(?![A-Za-z]:)(?!.*\.\.)"
    rf"(?!(?:.*[^A-Za-z0-9])?{_IDENTITY_CODE})"
    r"[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}"
)
# The same pattern for ids shorter than an identity code (11 characters), where the
# look-ahead for one can never match: the long look-ahead is most of _ID's cost.
_IDENTITY_CODE_LENGTH: Final = 11
_SHORT_ID: Final = re.compile(r"(?![A-Za-z]:)(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._:@-]{0,9}")
_HAS_IDENTITY_CODE: Final = re.compile(rf"(?:^|[^A-Za-z0-9]){_IDENTITY_CODE}")
_ID_MAX: Final = 128
_ID_ALLOWED: Final = (
    "an id of 1-128 letters, digits or ._:@- starting with a letter or digit, "
    "without '..' or a drive letter such as 'c:'"
)
_NO_IDENTITY_CODE: Final = (
    "a pseudonymous record id, not one holding a personal identity code "
    "(DDMMYY, century sign, individual number, check character)"
)


def is_identifier(value: object) -> bool:
    """Whether *value* is an id: the one check behind every id field, in every reader.

    >>> [is_identifier(x) for x in ("f-17", "urn:oid:1.2.246", "../x", "a/b", "a..b", "c:x")]
    [True, True, False, False, False, False]

    An id is a pseudonymous record key: one that holds a personal identity code is no id.

    >>> [is_identifier(x) for x in ("150321A123B", "p-010203-9876", "f-1503219123")]
    [False, False, True]

    Only a code standing on its own counts, so that hex keys and UUIDs are not mistaken for one:

    >>> [is_identifier(x) for x in ("x150321a123b", "150321a123b7", "p:150321a123b@x")]
    [True, True, False]
    """
    # The length first: the pattern's look-ahead for ".." would read a 50 MB string to its end.
    if not isinstance(value, str):
        return False
    if len(value) < _IDENTITY_CODE_LENGTH:
        return _SHORT_ID.fullmatch(value) is not None
    return len(value) <= _ID_MAX and _ID.fullmatch(value) is not None


def set_repr(value: object) -> str:
    """The repr of a set field with its elements sorted by their own repr.

    A set's iteration order depends on its elements' hashes and on the order they were added
    in, so the plain repr of the same value could differ from one run (or one pickle round
    trip) to the next. Sorted, reprs, error messages and doctests are reproducible.

    >>> set_repr(frozenset({"b", "a"})), set_repr(frozenset())
    ("frozenset({'a', 'b'})", 'frozenset()')
    """
    if not isinstance(value, frozenset | set):
        return repr(value)
    if not value:
        return f"{type(value).__name__}()"
    return f"{type(value).__name__}({{{', '.join(sorted(map(repr, value)))}}})"


def fail(
    instance: object,
    field: str,
    value: object,
    allowed: str,
    code: str = "invalid",
    **params: object,
) -> InvalidModelError:
    """Build the error for *field* of *instance*; the caller raises it.

    *code* says what kind of refusal it is (a key of :data:`openco.model._messages.CODES`) and
    *params* fill its sentence; a value that is ``None`` is reported as ``"missing"``.
    """
    return fail_as(type(instance).__name__, field, value, allowed, code, **params)


def fail_as(
    owner: str, field: str, value: object, allowed: str, code: str = "invalid", **params: object
) -> InvalidModelError:
    """:func:`fail` for a class named *owner* (from a class method, before an instance exists)."""
    if value is None and code in _NONE_IS_MISSING:
        code = "missing"
    texts = _messages.render(owner, field, code, params)
    return InvalidModelError(owner, field, value, allowed, code, texts)


# The codes whose check never accepts None: there, None is a value the user did not give.
_NONE_IS_MISSING: Final = frozenset(
    {"identifier", "text", "date", "boolean", "choice", "list", "language_code", "whole_number"}
)


def _is_collection(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes)


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Convert *value* to a tuple, handing text and non-iterables on to :func:`collection`.

    Text is iterable, so ``tuple("p1")`` would silently become ``("p", "1")``, two valid ids.
    A converter cannot name the field, so it passes such a value on unchanged and the
    :func:`collection` validator refuses it with the field's name.
    """
    if type(value) is tuple:  # what the readers build: tuple() would return it unchanged
        return value
    if not _is_collection(value):
        return cast("tuple[T, ...]", value)
    return tuple(value)


def to_frozenset(value: Iterable[T]) -> frozenset[T]:
    """Convert *value* to a frozenset, as :func:`to_tuple` (unhashable elements are passed on)."""
    if type(value) is frozenset:  # what the readers build: frozenset() would return it unchanged
        return value
    if not _is_collection(value):
        return cast("frozenset[T]", value)
    try:
        return frozenset(value)
    except TypeError:  # an unhashable element: let the validator name the field
        return cast("frozenset[T]", value)


def collection(kind: type[tuple[Any, ...] | frozenset[Any]], what: str) -> Validator:
    """The converter made a *kind* of it: a collection of *what*, not text or a single value.

    Put it first among the field's validators, so that the others can iterate.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise fail(
                instance,
                attribute.name,
                value,
                f"a list, tuple or set of {what}, not text or a single value",
                "list",
            )

    return check


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id, as :func:`is_identifier`: 1-128 letters, digits and ``._:@-``, no path."""
    if not is_identifier(value):
        raise _not_an_id(type(instance).__name__, attribute.name, value, _ID_ALLOWED)


def identifiers(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
    """Every element is an id, as :func:`identifier`."""
    for index, element in enumerate(value):
        if not is_identifier(element):
            field = f"{attribute.name}[{index}]"
            raise _not_an_id(type(instance).__name__, field, element, "an id")


def _not_an_id(owner: str, field: str, value: object, allowed: str) -> InvalidModelError:
    """The refusal of an id: code ``identity_code`` if it holds a personal identity code.

    The message then says to use a pseudonymous record id; like every message, it shows the
    value only masked (:func:`openco.errors.redacted`).

    >>> error = _not_an_id("Person", "id", "p-150321a123b", "an id")
    >>> error.code, "use a pseudonymous record id" in error.message("en")
    ('identity_code', True)
    >>> str(error)[:46]
    "Person.id: got 'x-999999x999…' (13 characters,"
    """
    if isinstance(value, str) and len(value) <= _ID_MAX and _HAS_IDENTITY_CODE.search(value):
        return fail_as(owner, field, value, _NO_IDENTITY_CODE, "identity_code")
    return fail_as(owner, field, value, allowed, "identifier")


def optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an id, as :func:`identifier`."""
    if value is not None:
        identifier(instance, attribute, value)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Text that is not empty or only white space, and holds no NUL character.

    NUL ends a string in C and in many databases and file formats: text with one would be cut
    short, or refused, by the systems openco's data goes on to.
    """
    if not isinstance(value, str) or not value.strip():
        raise fail(instance, attribute.name, value, "a non-empty text", "text")
    if "\x00" in value or not _is_utf8(value):
        raise fail(
            instance,
            attribute.name,
            value,
            "a text without NUL characters or lone surrogates",
            "text",
        )


def _is_utf8(value: str) -> bool:
    """Whether *value* can be written as UTF-8: a lone surrogate (U+D800 to U+DFFF) cannot."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or non-empty text."""
    if value is not None:
        text(instance, attribute, value)


def day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (a :class:`datetime.date`, not a :class:`datetime.datetime`)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise fail(instance, attribute.name, value, "a datetime.date", "date")


def optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a calendar date."""
    if value is not None:
        day(instance, attribute, value)


def boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``True`` or ``False``."""
    if not isinstance(value, bool):
        raise fail(instance, attribute.name, value, "True or False", "boolean")


def member_of(enum_type: type) -> Validator:
    """A member of *enum_type*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            options = ", ".join(m.value for m in enum_type)  # type: ignore[attr-defined]
            raise fail(
                instance,
                attribute.name,
                value,
                f"a {enum_type.__name__}: {options}",
                "choice",
                options=enum_type,
            )

    return check


def optional_member_of(enum_type: type) -> Validator:
    """``None`` or a member of *enum_type*."""
    inner = member_of(enum_type)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def each(kind: type | tuple[type, ...], what: str, check: Validator | None = None) -> Validator:
    """Every element is a *kind* (described as *what*) and passes *check*, if given."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
        for index, element in enumerate(value):
            if not isinstance(element, kind) or (isinstance(element, bool) and kind is not bool):
                raise fail(instance, f"{attribute.name}[{index}]", element, what, "element")
            if check is not None:
                try:
                    check(instance, attribute, element)
                except InvalidModelError as error:
                    raise fail(
                        instance, f"{attribute.name}[{index}]", element, error.allowed, error.code
                    ) from None

    return validate


def unique(key: Callable[[Any], Hashable], what: str) -> Validator:
    """No two elements share ``key(element)`` (described as *what*, e.g. ``"id"``)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
        seen: set[Hashable] = set()
        for index, element in enumerate(value):
            k = key(element)
            if k in seen:
                raise fail(
                    instance,
                    f"{attribute.name}[{index}].{what}",
                    k,
                    f"a {what} not used before in {attribute.name}",
                    "unique",
                )
            seen.add(k)

    return validate


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
    """At least one element."""
    if not tuple(value):
        raise fail(instance, attribute.name, value, "at least one element", "non_empty")


def not_after(limit_field: str) -> Validator:
    """``None`` or a date not after the date in *limit_field* of the same object."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        limit = getattr(instance, limit_field)
        if value is not None and limit is not None and value > limit:
            raise fail(
                instance,
                attribute.name,
                value,
                f"a date on or before {limit_field}",
                "not_after",
                limit=Field(limit_field),
            )

    return validate


def not_before(limit_field: str) -> Validator:
    """``None`` or a date not before the date in *limit_field* of the same object."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        limit = getattr(instance, limit_field)
        if value is not None and limit is not None and value < limit:
            raise fail(
                instance,
                attribute.name,
                value,
                f"a date on or after {limit_field} ({limit})",
                "not_before",
                limit=Field(limit_field),
            )

    return validate
