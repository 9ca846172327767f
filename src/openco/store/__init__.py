"""Case histories kept durably, concurrently and accountably: SQLite or PostgreSQL.

``openco.store.open("cases.sqlite")`` opens (creating) an embedded SQLite store;
``openco.store.open("postgresql://…")`` a shared PostgreSQL one (``openco[postgres]``). Both
keep the same schema through SQLAlchemy Core, migrated by Alembic, and behave the same: one
contract, tested against both engines (docs/store.md).

This package sits above :mod:`openco.process` and :mod:`openco.io` and is, with the CLI, the
only part of openco that does I/O. It needs ``openco[store]``.
"""

from openco.errors import MissingDependencyError as _MissingDependencyError

try:
    import sqlalchemy as _sqlalchemy  # noqa: F401 - only to say which extra is missing
except ImportError:  # pragma: no cover - the tests run with the extra installed
    raise _MissingDependencyError("openco.store", "SQLAlchemy", "store") from None

from openco.store.clock import system_clock as system_clock
from openco.store.retention import DEFAULT_RETENTION as DEFAULT_RETENTION
from openco.store.retention import Expired as Expired
from openco.store.retention import Retention as Retention
from openco.store.store import Access as Access
from openco.store.store import CaseView as CaseView
from openco.store.store import ChainBreak as ChainBreak
from openco.store.store import Reader as Reader
from openco.store.store import Store as Store
from openco.store.store import StoredCase as StoredCase
from openco.store.store import Verification as Verification
from openco.store.store import Withheld as Withheld
from openco.store.store import WorkItem as WorkItem
from openco.store.store import open_store as open  # noqa: A004 - openco.store.open is the name the docs promise

__all__ = [
    "DEFAULT_RETENTION",
    "Access",
    "CaseView",
    "ChainBreak",
    "Expired",
    "Reader",
    "Retention",
    "Store",
    "StoredCase",
    "Verification",
    "Withheld",
    "WorkItem",
    "open",
    "system_clock",
]
