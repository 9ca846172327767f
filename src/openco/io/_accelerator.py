"""msgspec as an optional accelerator of the readers, never looser than the strict path.

When msgspec is installed (``pip install 'openco[fast]'``) and not switched off, a document
text is first decoded by a ``msgspec.json.Decoder`` of its class, which checks the JSON types
and calls the class's validators in C. The object is accepted only if

1. the text is exactly the text openco itself writes for that object: the canonical envelope
   (``{"schema_version": 1, "kind": "…", "data": ``) and, for the data, byte for byte what the
   compiled writer of the class writes back from the decoded object. So no key is twice, no
   key is unknown or missing, no value has another form (a string where a list belongs, an
   escape where openco writes the character, white space where it writes none …);
2. the text passes the strict reader's text checks that a canonical text could still fail: its
   size and UTF-8 (the same function as the strict path), no escaped NUL, no text longer than
   the string limit, a nesting limit no lower than the classes' own depth bound;
3. the counts of :mod:`openco.limits` hold on the object, as the strict path counts them.

Anything else (msgspec refuses, the text is not canonical, a limit is over, the class has no
msgspec decoder) returns ``None``, and the caller reads the text again on the strict path,
which accepts or refuses it, with every message, exactly as without msgspec. A canonical text
decodes, on both paths, to the same values passed to the same validators, so both paths accept
the same texts and give equal objects (``tests/io/test_accelerator.py`` checks it on valid and
hostile documents).

``OPENCO_NO_ACCELERATOR=1`` in the environment, or :func:`use_accelerator` ``(False)``,
switches it off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Final

from openco.io._compiled import writer
from openco.io._strict import SCHEMA_DEPTH, ParseError, as_text
from openco.limits import Limits
from openco.model import Bundle, NetworkMap
from openco.process import Case

__all__ = ["ENVIRONMENT", "accelerator_enabled", "available", "read", "use_accelerator"]

_msgspec: ModuleType | None
try:  # pragma: no cover - which branch runs depends on the installed extras
    import msgspec as _msgspec
except ImportError:  # pragma: no cover
    _msgspec = None

ENVIRONMENT: Final = "OPENCO_NO_ACCELERATOR"
"""The environment variable that, set to anything but ``""`` or ``"0"``, switches it off."""

_PREFIX: Final = '{"schema_version": 1, "kind": "'
_DATA: Final = '", "data": '

_state = {"on": _msgspec is not None and os.environ.get(ENVIRONMENT, "") in {"", "0"}}


def available() -> bool:
    """Whether msgspec is installed."""
    return _msgspec is not None


def accelerator_enabled() -> bool:
    """Whether ``loads``, ``iter_loads`` and ``load_documents`` try msgspec first now.

    True when msgspec is installed (``pip install 'openco[fast]'``), the environment variable
    ``OPENCO_NO_ACCELERATOR`` was not set (to anything but ``0``) when openco was imported, and
    :func:`use_accelerator` has not switched it off. Either way the same texts are accepted,
    as equal objects, and refused with the same messages (``docs/io.md``).
    """
    return _state["on"]


def use_accelerator(on: bool) -> bool:
    """Switch the msgspec accelerator of the readers on or off, for the whole process.

    Args:
        on: ``True`` to try msgspec first (it stays off if msgspec is not installed),
            ``False`` for the strict path alone.

    Returns:
        Whether it was on before, to switch it back:

        >>> was = use_accelerator(False)
        >>> accelerator_enabled()
        False
        >>> _ = use_accelerator(was)
    """
    was = _state["on"]
    _state["on"] = on and _msgspec is not None
    return was


# Kinds the accelerator never reads: a bundle's references and a case's replayed history are
# checked by the strict path only (and msgspec has no decoder for their classes anyway).
_STRICT_ONLY: Final[frozenset[type]] = frozenset({Bundle, Case})

_DECODERS: dict[type, Callable[[str], Any] | None] = {}


def _decoder(cls: type) -> Callable[[str], Any] | None:
    try:
        return _DECODERS[cls]
    except KeyError:
        pass
    found: Callable[[str], Any] | None = None
    if cls not in _STRICT_ONLY and _msgspec is not None:
        try:
            found = _msgspec.json.Decoder(cls).decode
        except (TypeError, ValueError, NotImplementedError):
            found = None  # a type msgspec cannot decode into: always the strict path
    _DECODERS[cls] = found
    return found


def _strings_within(text: str, limit: int) -> bool:
    """Whether no JSON string in *text* (valid JSON, no backslash) is longer than *limit*."""
    # Without a backslash no quote is escaped: every odd part between quotes is a string
    # (keys too), exactly as it decodes.
    return max(map(len, text.split('"')[1::2]), default=0) <= limit


def _counts_hold(obj: object, limits: Limits) -> bool:
    """The strict path's counts (``document._counted``) on the object: none is over."""
    if type(obj) is not NetworkMap:
        return True  # the strict path counts maps, bundles and cases only
    members = obj.members
    if limits.exceeded("members_per_map", len(members)) is not None:
        return False
    if limits.exceeded("ties_per_map", len(obj.ties)) is not None:
        return False
    if len(members) > limits.professionals_per_family:
        named = {m.professional for m in members if m.professional is not None}
        return limits.exceeded("professionals_per_family", len(named)) is None
    return True


def _decodable(
    text: str | bytes, kinds: Mapping[str, type], limits: Limits
) -> tuple[str, type, Callable[[str], Any]] | None:
    """The data part of a canonical envelope, its class and decoder; ``None`` if there is none.

    ``None`` also where a check of the strict reader's text could fail on a canonical text.
    """
    try:
        text = as_text(text, limits)  # the strict path's size and UTF-8 checks
    except ParseError:
        return None
    end = text.find('"', len(_PREFIX))
    if end < 0 or not text.startswith(_PREFIX) or not text.startswith(_DATA, end):
        return None
    cls = kinds.get(text[len(_PREFIX) : end])
    decode = None if cls is None else _decoder(cls)
    if decode is None or cls is None or text[-1] != "}":
        return None
    if "\\u0000" in text or limits.nesting_depth < SCHEMA_DEPTH:
        return None  # the strict path refuses NUL; depth under the classes' bound is measured
    long = len(text) > limits.string_length
    if long and ("\\" in text or not _strings_within(text, limits.string_length)):
        return None  # a text over the limit may be in it: the strict path measures each
    return text[end + len(_DATA) : -1], cls, decode


def read(text: str | bytes, kinds: Mapping[str, type], limits: Limits) -> object | None:
    """The object of *text* if msgspec reads it exactly as the strict path would, else ``None``.

    *kinds* maps the document kinds accepted to their classes.
    """
    found = _decodable(text, kinds, limits) if _state["on"] else None
    if found is None:
        return None
    body, cls, decode = found
    try:
        obj = decode(body)
        written = writer(cls)(obj)
    except Exception:  # noqa: BLE001 - any refusal or surprise: the strict path reads it
        return None
    if written != body or type(obj) is not cls or not _counts_hold(obj, limits):
        return None
    return obj
