"""Engines and migrations. The default store is an embedded SQLite file; GONGKAI_DATABASE_URL (or an
explicit URL) points at PostgreSQL, e.g. postgresql+psycopg://user@host/db."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from gongkai.errors import InputError
from gongkai.store.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_URL = "sqlite:///gongkai.sqlite3"


def database_url(url: str | None = None) -> str:
    url = url or os.environ.get("GONGKAI_DATABASE_URL") or DEFAULT_URL
    if url.startswith("postgresql://"):  # the driver gongkai ships with
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        backend = None
    if backend not in ("sqlite", "postgresql"):  # refused here, before a missing driver is imported
        shown = url.split("@")[-1][:60]  # never the password
        raise InputError(
            f"数据库地址“{shown}”无效：应为 sqlite:///文件名 或 postgresql://用户@主机/数据库",
            code="store.url",
        )
    return url


POOL_SIZE = 20


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):
            # The driver's own transaction handling starts a transaction only at the first write, so
            # the reads before it (version check, event log) could see different commits. Transactions
            # are begun here instead, as SQLAlchemy documents for pysqlite.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            # One snapshot per transaction (WAL): a writer whose snapshot another commit has overtaken
            # is refused at its first write ("database is locked"), which the store reports as a
            # conflict — never a half-seen event log.
            conn.exec_driver_sql("BEGIN")

        return engine
    # A connection per request thread of a web worker (gongkai.web.app.THREADS) stays open: a pool smaller
    # than the threads closes its overflow connections as they come back, and each new PostgreSQL
    # connection costs a backend process — under load that churn took more CPU than the pages.
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=10)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


#: The newest revision that added projection columns to requests: a register older than it has its
#: projections re-derived from the event logs when it is upgraded (`Store.open`).
PROJECTIONS_ADDED = "0003"


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (None: no gongkai schema yet)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head", then: Callable[[Connection], None] | None = None) -> None:
    """Bring the schema up to `revision` (idempotent); `then` runs in the same transaction."""
    _alembic(engine, command.upgrade, revision, then)


def downgrade(engine: Engine, revision: str) -> None:
    _alembic(engine, command.downgrade, revision)


def _alembic(engine: Engine, step, revision: str, then=None) -> None:
    """One transaction for the whole migration. SQLite alters a table by rebuilding it (a new table, the
    rows copied, the old one dropped), which enforced foreign keys refuse while other rows refer to it:
    they are off during the migration, as SQLite documents, and checked before it commits."""
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # outside a transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                step(cfg, revision)
                if then is not None:
                    then(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreError(
                            f"数据库结构升级后表{broken[0][0]}有{len(broken)}行引用不存在的记录，已撤销升级"
                        )
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")
