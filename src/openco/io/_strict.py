r"""Strict JSON text in: size, UTF-8, duplicate keys, NUL, lone surrogates, text length, depth.

:func:`parse` is the one way openco turns text into JSON values. It refuses, as problems of the
document rather than as crashes:

* a document over :attr:`~openco.limits.Limits.document_bytes` (checked before anything else);
* text that is not UTF-8, or holds a lone surrogate (raw, or escaped as ``"\ud800"``);
* an object with the same key twice (the standard library keeps the last one silently);
* a NUL character anywhere (escaped as ``"\u0000"``);
* a text longer than :attr:`~openco.limits.Limits.string_length`;
* nesting deeper than :attr:`~openco.limits.Limits.nesting_depth`, or deeper than the parser
  can go (its ``RecursionError`` never escapes).

The checks that would cost a walk over every value run only when a cheap test on the text
says they could fail: no ``\u`` escape in the text means no escaped NUL or surrogate, a text
shorter than the length limit holds no string over it. Depth is bounded on the way in by the
classes the values are structured into (no openco document nests 32 levels; a test keeps that
true), so :func:`nesting_depth` is measured exactly only when structuring fails, when the
caller asks for a lower limit, or when the parser gives up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Final

from openco.errors import DocumentProblem, LimitExceededError, redacted
from openco.limits import Limits

__all__ = [
    "SCHEMA_DEPTH",
    "ParseError",
    "as_text",
    "check_depth",
    "nesting_depth",
    "parse",
    "shown_key",
]

SCHEMA_DEPTH: Final = 16
"""No openco document nests deeper than this (tests/io/test_strict.py checks every kind)."""


class ParseError(Exception):
    """The text cannot be read; :attr:`problem` says why, :attr:`limit` which limit, if any."""

    def __init__(self, problem: DocumentProblem, limit: LimitExceededError | None = None) -> None:
        super().__init__(problem, limit)
        self.problem = problem
        self.limit = limit


_KEY: Final = re.compile(r"[a-z][a-z0-9_]{0,39}")


def shown_key(key: str) -> str:
    """A JSON key for a message: as it is if it looks like a field name, else :func:`redacted`.

    Unknown keys are mostly misspelt field names (``"nmae"``), which the reader needs to see;
    anything else could be data put where a key belongs.

    >>> shown_key("nmae"), shown_key("Aino Virtanen")
    ('nmae', "'Xxxx Xxxxxxx…' (13 characters, masked)")
    """
    return key if _KEY.fullmatch(key) else redacted(key)  # the same words as redacted(word=True)


def _over(limits: Limits, name: str, value: int) -> ParseError:
    error = limits.exceeded(name, value)
    assert error is not None  # noqa: S101 - the callers checked
    return ParseError(DocumentProblem("", str(error)), error)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # Called by the C scanner for every object: keep it to one dict() and one comparison.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return obj


_DECODER: Final = json.JSONDecoder(object_pairs_hook=_pairs)


def _walk(value: object) -> Iterator[tuple[str, str]]:
    """Every string in *value* (keys too), with its JSON path; iterative, so any depth is safe."""
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, dict):
            for key, child in item.items():
                inner = f"{path}.{key}" if path else str(key)
                yield path, key
                stack.append((inner, child))
        elif isinstance(item, list):
            stack.extend((f"{path}[{index}]", child) for index, child in enumerate(item))


def _is_surrogate(char: str) -> bool:
    return "\ud800" <= char <= "\udfff"


def _text_problems(value: object, limits: Limits, *, escapes: bool, long: bool) -> None:
    for path, text in _walk(value):
        if escapes and "\x00" in text:
            raise ParseError(DocumentProblem(path, "a NUL character, which no openco text holds"))
        if escapes and any(map(_is_surrogate, text)):
            raise ParseError(
                DocumentProblem(path, "a lone surrogate (\\ud800-\\udfff), which is not text")
            )
        if long and len(text) > limits.string_length:
            error = limits.exceeded("string_length", len(text))
            assert error is not None  # noqa: S101 - just compared
            raise ParseError(DocumentProblem(path, str(error)), error)


def nesting_depth(value: object) -> int:
    """How deeply arrays and objects nest in *value*: 0 for a scalar, 1 for ``[]``, and so on."""
    deepest = 0
    stack: list[tuple[int, object]] = [(0, value)]
    while stack:
        depth, item = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth + 1)
            stack.extend((depth + 1, child) for child in item)
    return deepest


def _text_depth(text: str) -> int:
    """The deepest nesting in JSON *text*, brackets inside strings not counted; no parsing."""
    # Escaped backslashes first, then escaped quotes: what is left of the quotes delimits
    # strings, and every other character but brackets can go.
    plain = text.replace("\\\\", "").replace('\\"', "")
    depth = deepest = 0
    for index, part in enumerate(plain.split('"')):
        if index % 2:
            continue  # inside a string
        for char in part:
            if char in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in "]}":
                depth -= 1
    return deepest


def check_depth(value: object, limits: Limits) -> None:
    """Raise :class:`ParseError` if *value* nests deeper than the limit."""
    depth = nesting_depth(value)
    if depth > limits.nesting_depth:
        raise _over(limits, "nesting_depth", depth)


def as_text(text: str | bytes, limits: Limits) -> str:
    """*text* as a string, refused if it is over the size limit or not UTF-8."""
    if len(text) > limits.document_bytes:
        raise _over(limits, "document_bytes", len(text))
    if isinstance(text, bytes | bytearray):
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError as error:
            where = f"byte {error.start:,}"
            raise ParseError(
                DocumentProblem("", f"not UTF-8 text ({where} cannot be read)")
            ) from None
    if not text.isascii():
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as error:
            where = f"character {error.start:,}"
            raise ParseError(
                DocumentProblem("", f"not UTF-8 text (a lone surrogate at {where})")
            ) from None
        if size > limits.document_bytes:
            raise _over(limits, "document_bytes", size)
    return text


def parse(text: str | bytes, limits: Limits) -> object:
    """The JSON value of *text*, read strictly (see the module docstring).

    Raises:
        ParseError: the text is over a limit or is not strict JSON.
    """
    text = as_text(text, limits)
    try:
        value = _DECODER.decode(text)
    except _DuplicateKeyError as error:
        raise ParseError(
            DocumentProblem("", f"the key {shown_key(error.key)} appears twice in one object")
        ) from None
    except RecursionError:
        depth = _text_depth(text)
        if depth > limits.nesting_depth:
            raise _over(limits, "nesting_depth", depth) from None
        raise ParseError(
            DocumentProblem("", f"nested {depth:,} levels deep, deeper than the JSON parser reads")
        ) from None
    except ValueError as error:  # JSONDecodeError: the message says where, never what
        raise ParseError(DocumentProblem("", f"not JSON: {error}")) from None
    escapes = "\\u" in text
    long = len(text) > limits.string_length
    if escapes or long:
        _text_problems(value, limits, escapes=escapes, long=long)
    if limits.nesting_depth < SCHEMA_DEPTH:
        check_depth(value, limits)
    return value
