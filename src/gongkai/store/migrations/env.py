"""Alembic environment of the register store, run from code (`gongkai.store.db.migrate`).

The caller passes an open connection in `config.attributes["connection"]`; no alembic.ini is needed.
"""

from alembic import context
from sqlalchemy import create_engine

import gongkai.accounts.models  # noqa: F401  (the accounts' tables in the metadata)
from gongkai.store import search
from gongkai.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # e.g. `alembic -x url=...` by hand
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
            "sqlalchemy.url"
        )
        with create_engine(url).begin() as conn:
            _migrate(conn)
    else:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=search.include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
