"""Store tests run against both backends: a SQLite file and a throwaway PostgreSQL database.

PostgreSQL is expected on localhost:5432 (user postgres, trust auth); PG_ADMIN_URL overrides it.
"""

import os
import secrets

import pytest
from sqlalchemy import create_engine, text

from gongkai.store import Store
from gongkai.store.models import Base

ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgresql+psycopg://postgres@localhost:5432/test")


@pytest.fixture(scope="session")
def pg_url():
    name = f"gongkai_test_{secrets.token_hex(4)}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_store(pg_url):
    store = Store.open(pg_url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.fixture
def db_url(backend, tmp_path, request):
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite3'}"
    url = request.getfixturevalue("pg_url")
    request.getfixturevalue("pg_store")  # migrated once per session
    eng = create_engine(url)
    with eng.begin() as c:  # a clean slate for every test
        names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    eng.dispose()
    return url


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def body(store):
    store.add_body("shj", "某市生态环境局", actor="管理员")
    return "shj"
