"""Hostile mutations of valid openco documents, shared by the fuzz test and the long fuzz run.

Each mutation takes a valid document (as parsed JSON) and a :class:`random.Random`, and
returns the mutant's text and whether the loader must refuse it. The kinds are those of issue
11's security review: deep nesting, lone surrogates, duplicate keys, a string or an object
where a list belongs, NUL, overlong text, oversize documents, ids with path characters,
invalid UTF-8, counts over a limit, ids holding a personal identity code, and planted personal
data (which may be valid text, but must never appear in an error message).

``benchmarks/fuzz_loader.py`` imports this module, so it uses nothing but the standard
library and openco.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any, Final

from openco.limits import Limits

PLANTED: Final = "150321A123B Aino Virtanen"
"""Made-up personal data (an identity-code shape and a name) planted into documents."""
PLANTED_PARTS: Final = ("150321A123B", "Aino", "Virtanen")

# The fuzz's own reading of a Finnish personal identity code (DDMMYY, century sign, individual
# number, check character), apart from the model's, to find one in any message.
IDENTITY_CODE: Final = re.compile(
    r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d[-+A-FU-Y]\d{3}[0-9A-Y]", re.IGNORECASE
)
_CHECK: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def leaks(message: str) -> bool:
    """Whether *message* shows planted personal data or anything shaped like an identity code."""
    return any(part in message for part in PLANTED_PARTS) or bool(IDENTITY_CODE.search(message))


FUZZ_LIMITS: Final = Limits(
    string_length=200, document_bytes=200_000, members_per_map=40, ties_per_map=60
)
"""Small limits, so that mutants over them stay small and quick to make and read."""

Mutant = tuple["str | bytes", bool]


def locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to every value inside a JSON value, the value itself included."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += locations(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += locations(inner, (*path, index))
    return found


def _paths(document: Any, accept: Callable[[Any], bool]) -> list[tuple[Any, ...]]:
    return [p for p in locations(document) if p and accept(_get(document, p))]


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(document, path[:-1])[path[-1]] = value


def _data_paths(document: Any, accept: Callable[[Any], bool]) -> list[tuple[Any, ...]]:
    return [p for p in _paths(document, accept) if p[0] == "data" and len(p) > 1]


def _string_paths(document: Any) -> list[tuple[Any, ...]]:
    return _data_paths(document, lambda v: isinstance(v, str))


def deep(document: Any, rng: random.Random) -> Mutant:
    """A value wrapped in more arrays or objects than the depth limit allows."""
    levels = rng.choice([FUZZ_LIMITS.nesting_depth + 1, 200, 1_000, 5_000, 100_000])
    inner = json.dumps(_get(document, ("data",)))
    if rng.random() < 0.5:
        text = "[" * levels + inner + "]" * levels
    else:
        text = '{"a":' * levels + inner + "}" * levels
    return f'{{"schema_version": 1, "kind": "{document["kind"]}", "data": {text}}}', True


def lone_surrogate(document: Any, rng: random.Random) -> Mutant:
    """A lone surrogate in a string: escaped, raw in a str, or encoded in bytes."""
    path = rng.choice(_string_paths(document))
    _set(document, path, "\ud800" + _get(document, path))
    how = rng.choice(["escaped", "raw", "bytes"])
    if how == "escaped":
        return json.dumps(document), True
    text = json.dumps(document, ensure_ascii=False)
    if how == "raw":
        return text, True
    return text.encode("utf-8", "surrogatepass"), True


def duplicate_key(document: Any, rng: random.Random) -> Mutant:
    """An object with one of its keys twice (the second value differs)."""
    path = rng.choice([(), *_paths(document, lambda v: isinstance(v, dict) and bool(v))])
    target = _get(document, path)
    key = rng.choice(sorted(target))
    marker = "__duplicate_marker__"
    target[marker] = None
    text = json.dumps(document)
    again = json.dumps(key) + ": " + json.dumps(target[key])
    return text.replace(f'"{marker}": null', again, 1), True


def string_as_collection(document: Any, rng: random.Random) -> Mutant:
    """A string (sometimes one valid element of the list) where a list belongs."""
    paths = _data_paths(document, lambda v: isinstance(v, list))
    if not paths:
        return deep(document, rng)
    path = rng.choice(paths)
    items = _get(document, path)
    first = items[0] if items else None
    _set(document, path, first if isinstance(first, str) else "clinic")
    return json.dumps(document), True


def object_as_collection(document: Any, rng: random.Random) -> Mutant:
    """An object whose keys are the list's elements, where a list belongs."""
    paths = _data_paths(document, lambda v: isinstance(v, list))
    if not paths:
        return deep(document, rng)
    path = rng.choice(paths)
    items = _get(document, path)
    _set(document, path, {json.dumps(item): 1 for item in items} or {"a": 1})
    return json.dumps(document), True


def nul(document: Any, rng: random.Random) -> Mutant:
    """A NUL character somewhere in a string."""
    path = rng.choice(_string_paths(document))
    value: str = _get(document, path)
    cut = rng.randrange(len(value) + 1)
    _set(document, path, value[:cut] + "\x00" + value[cut:])
    return json.dumps(document), True


def long_text(document: Any, rng: random.Random) -> Mutant:
    """A string longer than the text limit."""
    path = rng.choice(_string_paths(document))
    _set(document, path, "Aino " * (FUZZ_LIMITS.string_length // 5 + rng.randrange(1, 50)))
    return json.dumps(document), True


def oversize(document: Any, rng: random.Random) -> Mutant:
    """A document padded with white space past the size limit."""
    padding = " " * (FUZZ_LIMITS.document_bytes + rng.randrange(1, 1_000))
    return json.dumps(document) + padding, True


CRAFTED_IDS: Final = (
    "../../x",
    "a/b",
    "/etc/passwd",
    "a\\b",
    "..",
    "a..b",
    "c:x",
    "C:\\x",
    "a\x00b",
    ".hidden",
)


def path_id(document: Any, rng: random.Random) -> Mutant:
    """An id (any key ending in ``id``, or a reference to one) with path characters."""
    paths = _data_paths(document, lambda v: isinstance(v, str))
    ids = [p for p in paths if isinstance(p[-1], str) and p[-1] in {"id", "family", "home_area"}]
    if not ids:
        return deep(document, rng)
    _set(document, rng.choice(ids), rng.choice(CRAFTED_IDS))
    return json.dumps(document), True


def identity_code(rng: random.Random) -> str:
    """A generated, well-formed personal identity code, in upper or lower case."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
    individual = rng.randint(900, 999)  # never given to real people
    check = _CHECK[int(f"{day:02d}{month:02d}{year:02d}{individual:03d}") % 31]
    code = f"{day:02d}{month:02d}{year:02d}{rng.choice('-+AFUY')}{individual:03d}{check}"
    return code.lower() if rng.random() < 0.3 else code


def identity_code_id(document: Any, rng: random.Random) -> Mutant:
    """An id holding a personal identity code (alone or inside a longer key): never an id."""
    paths = _data_paths(document, lambda v: isinstance(v, str))
    ids = [p for p in paths if isinstance(p[-1], str) and p[-1] in {"id", "family", "home_area"}]
    if not ids:
        return deep(document, rng)
    code = identity_code(rng)
    _set(document, rng.choice(ids), rng.choice([code, f"p-{code}", f"asiakas:{code}.1"]))
    return json.dumps(document), True


def invalid_utf8(document: Any, rng: random.Random) -> Mutant:
    """Bytes that are not UTF-8 inside a string."""
    text = json.dumps(document).encode()
    where = text.rfind(b'"', 0, rng.randrange(1, len(text)))
    bad = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"])
    return text[: where + 1] + bad + text[where + 1 :], True


def too_many(document: Any, rng: random.Random) -> Mutant:
    """More list elements than a count limit allows (members or ties of a map)."""
    paths = _data_paths(
        document, lambda v: isinstance(v, list) and bool(v) and isinstance(v[0], dict)
    )
    in_map = document["kind"] == "network_map"
    maps = [p for p in paths if p[-1] in {"members", "ties"} and (in_map or "network_maps" in p)]
    if not maps:
        return oversize(document, rng)
    path = rng.choice(maps)
    items = _get(document, path)
    limit = FUZZ_LIMITS.members_per_map if path[-1] == "members" else FUZZ_LIMITS.ties_per_map
    _set(document, path, (items * (limit // len(items) + 2))[: limit + rng.randrange(1, 20)])
    return json.dumps(document), True


def planted(document: Any, rng: random.Random) -> Mutant:
    """Personal data put into any string: may be valid (a name), but never in an error."""
    path = rng.choice(_string_paths(document))
    _set(document, path, rng.choice([PLANTED, PLANTED.upper(), PLANTED.split()[0]]))
    return json.dumps(document), False


MUTATIONS: Final[dict[str, Callable[[Any, random.Random], Mutant]]] = {
    "deep": deep,
    "lone_surrogate": lone_surrogate,
    "duplicate_key": duplicate_key,
    "string_as_collection": string_as_collection,
    "object_as_collection": object_as_collection,
    "nul": nul,
    "long_text": long_text,
    "oversize": oversize,
    "path_id": path_id,
    "identity_code_id": identity_code_id,
    "invalid_utf8": invalid_utf8,
    "too_many": too_many,
    "planted": planted,
}
"""Every kind of mutation, by name. All but ``planted`` must be refused."""


def mutant(document: Any, kind: str, rng: random.Random) -> Mutant:
    """A mutant of (a deep copy of) *document*, made by the mutation *kind*."""
    return MUTATIONS[kind](json.loads(json.dumps(document)), rng)
