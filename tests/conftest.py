"""Shared test fixtures: where the real reports are (../shared beside the checkout), and a store on each
backend — a SQLite file and a throwaway PostgreSQL database (localhost:5432, user postgres, trust auth;
PG_ADMIN_URL overrides)."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_or_skip() -> Path:
    """The real reports. CI always has them; a fresh clone alone does not, and is told so plainly."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"真实报告目录 {SHARED} 不存在（全新克隆时正常；CI 中总是存在）")
    return SHARED


def gold_cases(*parts: str) -> list[tuple[Path, Path]]:
    """(report file, gold file) pairs from ../shared, or [] when the folder is absent."""
    gold_dir = SHARED.joinpath(*parts)
    report_dir = gold_dir.parent / ("pdf" if parts[0] == "corpus" else "seeds")
    if not gold_dir.is_dir():
        return []
    out = []
    for g in sorted(gold_dir.glob("*.json")):
        name = json.loads(g.read_text())["file"]
        out.append((report_dir / name, g))
    return out


# ---------------------------------------------------------------------------------------------- stores

from gongkai.store import Store  # noqa: E402
from gongkai.store.models import Base  # noqa: E402

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
