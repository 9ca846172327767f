"""openco documents: JSON in and out, through one cattrs converter.

This layer may import :mod:`openco.model` and :mod:`openco.process`; the domain layers never
import it.
"""

from openco.io._accelerator import accelerator_enabled as accelerator_enabled
from openco.io._accelerator import use_accelerator as use_accelerator
from openco.io.document import SCHEMA_VERSION as SCHEMA_VERSION
from openco.io.document import document_kinds as document_kinds
from openco.io.document import dumps as dumps
from openco.io.document import iter_loads as iter_loads
from openco.io.document import kind_of as kind_of
from openco.io.document import load_documents as load_documents
from openco.io.document import loads as loads
from openco.io.document import read_json as read_json
from openco.io.document import to_document as to_document
from openco.io.document_schema import CrossFieldRule as CrossFieldRule
from openco.io.document_schema import cross_field_rules as cross_field_rules
from openco.io.document_schema import schema as schema
from openco.io.document_schema import schema_kinds as schema_kinds
from openco.io.network_csv import decode_csv as decode_csv
from openco.io.network_csv import read_network_maps as read_network_maps

__all__ = [
    "SCHEMA_VERSION",
    "CrossFieldRule",
    "accelerator_enabled",
    "cross_field_rules",
    "decode_csv",
    "document_kinds",
    "dumps",
    "iter_loads",
    "kind_of",
    "load_documents",
    "loads",
    "read_json",
    "read_network_maps",
    "schema",
    "schema_kinds",
    "to_document",
    "use_accelerator",
]
