"""openco documents: JSON in and out, through one cattrs converter.

This layer may import :mod:`openco.model` and :mod:`openco.process`; the domain layers never
import it.
"""

from openco.io.document import SCHEMA_VERSION as SCHEMA_VERSION
from openco.io.document import document_kinds as document_kinds
from openco.io.document import dumps as dumps
from openco.io.document import iter_loads as iter_loads
from openco.io.document import kind_of as kind_of
from openco.io.document import loads as loads
from openco.io.document import read_json as read_json
from openco.io.document import to_document as to_document
from openco.io.network_csv import read_network_maps as read_network_maps

__all__ = [
    "SCHEMA_VERSION",
    "document_kinds",
    "dumps",
    "iter_loads",
    "kind_of",
    "loads",
    "read_json",
    "read_network_maps",
    "to_document",
]
