"""`gongkai backup` and `gongkai restore` on both backends: a year of register data backed up, restored into
a fresh database, equals the original table by table, row by row; a restore refuses what it must."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import date as D
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests.store.year import BODY, build_year, dump, services

from gongkai.register import Request, event
from gongkai.store import Store
from gongkai.store.backup import BackupError, backup, inspect_backup, restore
from gongkai.store.db import make_engine, migrate


def test_a_year_restored_equals_the_original_row_by_row(db_url, fresh_url, tmp_path):
    svc = services(db_url)
    build_year(svc)
    svc.store.close()
    original = dump(db_url)
    assert len(original["requests"]) == 48 and len(original["request_events"]) > 100
    assert original["approvals"] and original["publications"] and original["appeal_cases"]

    file = tmp_path / "year.backup"
    info = backup(db_url, file)
    assert info.revision == "0004" or info.revision.isdigit()
    assert inspect_backup(file).kind == info.kind

    restore(fresh_url, file)
    restored = dump(fresh_url)
    assert restored.keys() == original.keys()
    for name, rows in original.items():
        assert restored[name] == rows, name

    # the restored register works: the same annual report comes out of it
    assert services_report(fresh_url) == services_report(db_url)


def services_report(url):
    from gongkai.store import Store

    store = Store.open(url)
    try:
        return store.annual_report(BODY, 2025).cells
    finally:
        store.close()


def test_restore_refuses_a_database_with_data_unless_forced(db_url, tmp_path):
    svc = services(db_url)
    build_year(svc, requests=3)
    svc.store.close()
    file = tmp_path / "b.backup"
    backup(db_url, file)
    before = dump(db_url)
    with pytest.raises(BackupError, match=r"目标数据库已有数据（.*requests表3行.*）.*--force"):
        restore(db_url, file)
    assert dump(db_url) == before
    restore(db_url, file, force=True)
    assert dump(db_url) == before


def test_restore_checks_the_kind_and_the_revision_of_the_file(backend, db_url, tmp_path):
    services(db_url).store.close()
    garbage = tmp_path / "garbage.bak"
    garbage.write_bytes(b"\x00\x01PK\x03\x04 not a backup" * 50)
    with pytest.raises(BackupError, match=r"garbage\.bak：不是gongkai的备份文件"):
        restore(db_url, garbage, force=True)
    with pytest.raises(BackupError, match=r"missing\.bak：备份文件不存在"):
        restore(db_url, tmp_path / "missing.bak", force=True)

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:  # a SQLite file, but not a register
        c.execute("CREATE TABLE t (x)")
    if backend == "sqlite":
        with pytest.raises(BackupError, match=r"other\.sqlite3：不是gongkai登记簿的备份"):
            restore(db_url, other, force=True)
        newer = tmp_path / "newer.sqlite3"
        backup(db_url, newer)
        with sqlite3.connect(newer) as c:
            c.execute("UPDATE alembic_version SET version_num = '0999'")
        with pytest.raises(BackupError, match=r"结构版本0999不是本程序所知的版本.*请先升级gongkai"):
            restore(db_url, newer, force=True)
    else:
        with pytest.raises(BackupError, match="是SQLite备份，不能恢复到PostgreSQL数据库"):
            restore(db_url, other, force=True)
        truncated = tmp_path / "truncated.dump"
        backup(db_url, truncated)
        truncated.write_bytes(truncated.read_bytes()[:300])
        with pytest.raises(BackupError, match=r"truncated\.dump：pg_dump归档已损坏"):
            restore(db_url, truncated, force=True)


def test_an_older_backup_is_restored_and_upgraded(tmp_path):
    """A backup made at the first released schema comes back at this version's schema."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    migrate(engine, "0001")
    engine.dispose()
    file = tmp_path / "old.backup"
    assert backup(url, file).revision == "0001"
    target = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    info = restore(target, file)
    assert info.revision == "0001" and info.upgraded_to is not None
    with sqlite3.connect(tmp_path / "new.sqlite3") as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == info.upgraded_to
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_commands_back_up_and_restore(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    services(url).store.close()
    gk = [str(Path(sys.executable).parent / "gongkai")]
    done = subprocess.run(
        [*gk, "backup", str(tmp_path / "a.bak"), "--db", url], capture_output=True, text=True
    )
    assert done.returncode == 0 and "已备份到" in done.stdout
    done = subprocess.run(
        [*gk, "restore", str(tmp_path / "a.bak"), "--db", url], capture_output=True, text=True
    )
    assert done.returncode == 1 and done.stderr.startswith("错误：目标数据库已有数据")
    done = subprocess.run(
        [*gk, "restore", str(tmp_path / "a.bak"), "--db", url, "--force"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "已由" in done.stdout


def test_a_backup_taken_while_the_office_writes_is_one_moment(db_url, fresh_url, tmp_path):
    """A writer appends events the whole time backups are taken: every backup restores to a register in
    which each request's version counts exactly its events (no half-written append), and nothing after."""
    store = Store.open(db_url)
    store.add_body("hbj", "某县生态环境局", "管理员")
    for n in range(3):
        store.add_request("hbj", Request(f"C{n}", "natural_person", "in_person", D(2025, 3, 3)), "登记员")
    stop, appended = threading.Event(), []

    def write():
        k = 0
        while not stop.is_set() and k < 400:
            case = f"C{k % 3}"
            ev = event("consultation_sent", D(2025, 3, 4), party="third_party", party_name=f"第{k}家")
            store.append("hbj", case, ev, store.get("hbj", case).version, "登记员")
            appended.append(k)
            k += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        files = []
        for i in range(3):
            files.append(tmp_path / f"b{i}.backup")
            backup(db_url, files[-1])
    finally:
        stop.set()
        writer.join()
        store.close()
    assert appended  # the writer did write while the backups were taken
    for file in files:
        restore(fresh_url, file, force=True)
        engine = create_engine(fresh_url)
        with engine.connect() as c:
            versions = dict(c.execute(text("SELECT id, version FROM requests")).all())
            events = dict(c.execute(text("SELECT request_id, count(*) FROM request_events GROUP BY 1")).all())
        engine.dispose()
        assert versions == events
