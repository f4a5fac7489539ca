"""Benchmark: `gongkai backup` and `gongkai restore` of a large register, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/backup.py                       # 100,000 requests, both backends
    .venv/bin/python benchmarks/backup.py --requests 20000 --backend sqlite

The register is bulk-loaded as benchmarks/register.py does, then backed up, restored into a fresh
database and checked (the same number of requests and events). Prints the seconds and the file size.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from gongkai.store import Store
from gongkai.store.backup import backup, restore

_spec = importlib.util.spec_from_file_location("register_bench", Path(__file__).with_name("register.py"))
register_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(register_bench)


def _counts(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return tuple(c.scalar(text(f"SELECT count(*) FROM {t}")) for t in ("requests", "request_events"))
    finally:
        engine.dispose()


def bench(name: str, url: str, fresh: str, requests, events, folder: Path) -> dict:
    store = Store.open(url)
    store.add_body(register_bench.BODY, "基准测试机关", actor="bench")
    load = register_bench.load_sqlite if name == "sqlite" else register_bench.load_postgres
    load(store, requests, events)
    store.close()
    file = folder / f"{name}.backup"
    t = time.perf_counter()
    backup(url, file)
    backup_s = time.perf_counter() - t
    t = time.perf_counter()
    restore(fresh, file)
    restore_s = time.perf_counter() - t
    assert _counts(fresh) == _counts(url) == (len(requests), len(events))
    return {
        "backend": name,
        "backup_s": round(backup_s, 2),
        "restore_s": round(restore_s, 2),
        "file_mb": round(file.stat().st_size / 1e6, 1),
    }


def _pg_database(admin, label: str) -> str:
    name = f"gongkai_bench_{label}_{secrets.token_hex(4)}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument(
        "--pg-admin-url",
        default=os.environ.get("PG_ADMIN_URL", "postgresql+psycopg://postgres@localhost:5432/test"),
    )
    args = ap.parse_args(argv)
    requests, events = register_bench.generate(args.requests, 2021, 5)
    results = []
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        if args.backend in ("sqlite", "both"):
            urls = (f"sqlite:///{folder / 'a.sqlite3'}", f"sqlite:///{folder / 'b.sqlite3'}")
            results.append(bench("sqlite", *urls, requests, events, folder))
        if args.backend in ("postgresql", "both"):
            admin = create_engine(args.pg_admin_url, isolation_level="AUTOCOMMIT")
            names = [_pg_database(admin, "a"), _pg_database(admin, "b")]
            base = args.pg_admin_url.rsplit("/", 1)[0]
            try:
                results.append(bench("postgresql", *(f"{base}/{n}" for n in names), requests, events, folder))
            finally:
                with admin.connect() as c:
                    for n in names:
                        c.execute(text(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)'))
                admin.dispose()
    print(f"backup and restore of {len(requests):,} requests and {len(events):,} events:")
    for r in results:
        print(
            f"  {r['backend']:<11} backup {r['backup_s']:>6.2f}s   restore {r['restore_s']:>6.2f}s   "
            f"file {r['file_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
