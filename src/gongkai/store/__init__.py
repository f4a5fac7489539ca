"""The register store: SQLAlchemy 2 models, Alembic migrations, repositories and CSV import/export.

SQLite by default (an embedded file); GONGKAI_DATABASE_URL points at PostgreSQL.
"""

from gongkai.store.db import database_url, make_engine, migrate
from gongkai.store.errors import ConflictError, NotFound, StoreError
from gongkai.store.repository import LoggedEvent, Moved, RequestQuery, Store, StoredRequest

__all__ = [
    "ConflictError",
    "LoggedEvent",
    "Moved",
    "NotFound",
    "RequestQuery",
    "Store",
    "StoreError",
    "StoredRequest",
    "database_url",
    "make_engine",
    "migrate",
]
