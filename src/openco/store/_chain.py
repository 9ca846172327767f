r"""Canonical JSON and the hash chain that makes a stored history tamper-evident.

Each stored record (and each document version) carries ``hash = SHA-256(prev + "\n" +
subject + "\n" + version + "\n" + body)`` in hex, where *prev* is the hash of the record
before it (:data:`GENESIS` for the first), *subject* the case id (or ``kind/id`` of a
document) and *body* the record's canonical JSON: keys sorted, no spaces, UTF-8. Changing,
removing, reordering or moving a record to another case changes a hash from there on.

>>> body = canonical({"b": 1, "a": "ä"})
>>> body
'{"a":"ä","b":1}'
>>> link(GENESIS, "c1", 1, body)[:16]
'71b016b9f99030b0'
"""

from __future__ import annotations

import hashlib
import json
from typing import Final

__all__ = ["GENESIS", "canonical", "link"]

GENESIS: Final = "0" * 64
"""The *prev* of the first record in a chain."""


def canonical(data: object) -> str:
    """The canonical JSON text of *data*: sorted keys, no whitespace, non-ASCII kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link(prev: str, subject: str, version: int, body: str) -> str:
    """The hash of the record *version* of *subject* whose canonical JSON is *body*."""
    text = f"{prev}\n{subject}\n{version}\n{body}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
