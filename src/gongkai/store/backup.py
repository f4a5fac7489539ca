"""Backups of the register and their restore: one file per backup, consistent while the office works.

SQLite goes through the online backup API (one step, so the copy is one snapshot even while another
process writes); PostgreSQL through `pg_dump -Fc` and `pg_restore`. A restore checks what the file is
and which schema revision it holds, refuses to overwrite a database that holds data unless forced, runs in
one transaction (the target is either the backup or left as it was) and then brings the schema up to
this version of gongkai.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, table, text
from sqlalchemy.engine import make_url

from gongkai import atomic
from gongkai.store.db import alembic_config, database_url, make_engine
from gongkai.store.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
KIND_LABEL = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(StoreError):
    """A backup that cannot be made or restored; the database is as it was."""

    code = "store.backup"


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # sqlite, postgresql
    revision: str  # the schema revision the backup holds
    path: Path
    upgraded_to: str | None = None  # set by a restore that migrated an older backup


def backup(url: str | None, out: Path) -> BackupInfo:
    """Write a backup of the database at `url` to `out` (replaced atomically: never half a file)."""
    url = database_url(url)
    kind = _kind_of_url(url)
    out = Path(out)
    revision = _live_revision(url)
    with atomic.target(out, private=True) as tmp:  # personal data: readable by the owner only
        if kind == "sqlite":
            _sqlite_backup(_sqlite_path(url), tmp)
        else:
            _run(["pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", str(tmp), "-d", _libpq(url)], url)
    return BackupInfo(kind, revision, out)


def inspect_backup(path: Path) -> BackupInfo:
    """What a backup file holds (its kind and schema revision), checked before anything is restored."""
    kind = _sniff(Path(path))
    return BackupInfo(kind, _revision_in(kind, Path(path)), Path(path))


def _sniff(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise BackupError(f"{path}：备份文件不存在") from None
    except IsADirectoryError:
        raise BackupError(f"{path}：是一个目录，不是备份文件") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path}：不是gongkai的备份文件（应为SQLite数据库或pg_dump -Fc归档）")


def _revision_in(kind: str, path: Path) -> str:
    return _sqlite_file_revision(path) if kind == "sqlite" else _dump_revision(path)


def restore(url: str | None, src: Path, *, force: bool = False) -> BackupInfo:
    """Restore `src` into the database at `url`, then migrate it to this version's schema."""
    url = database_url(url)
    kind = _kind_of_url(url)
    found = _sniff(Path(src))
    if found != kind:
        raise BackupError(
            f"{src}：是{KIND_LABEL[found]}备份，不能恢复到{KIND_LABEL[kind]}数据库（请用同类数据库恢复）"
        )
    info = BackupInfo(kind, _revision_in(kind, Path(src)), Path(src))
    _check_revision(info)
    held = _rows_held(url)
    if held and not force:
        raise BackupError(f"目标数据库已有数据（{held}），恢复会覆盖它；确需覆盖请加 --force")
    if kind == "sqlite":
        _sqlite_restore(info.path, _sqlite_path(url))
    else:
        _pg_restore(info.path, url)
    from gongkai.store.repository import Store

    Store.open(url).close()  # the schema of this version; an old register's projections re-derived
    head = _head()
    return BackupInfo(kind, info.revision, info.path, head if head != info.revision else None)


# ---------------------------------------------------------------------------------------------- SQLite


def _sqlite_path(url: str) -> Path:
    name = make_url(url).database
    if not name or name == ":memory:":
        raise BackupError("内存中的SQLite数据库不能备份或恢复，请使用数据库文件")
    return Path(name)


def _sqlite_backup(path: Path, out: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path}：数据库文件不存在")
    with closing(sqlite3.connect(path, timeout=30)) as src, closing(sqlite3.connect(out)) as dst:
        src.backup(dst)  # all pages in one step: one consistent snapshot, writers in WAL mode go on
        dst.execute("PRAGMA journal_mode=DELETE")  # the backup is one self-contained file


def _sqlite_restore(src: Path, target: Path) -> None:
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}：目录不存在")
    with (
        closing(sqlite3.connect(f"file:{src}?mode=ro&immutable=1", uri=True)) as s,
        closing(sqlite3.connect(target, timeout=30)) as d,
    ):
        s.backup(d)  # the destination is replaced in one write transaction: all of it or nothing
        d.execute("PRAGMA journal_mode=WAL")


def _sqlite_file_revision(path: Path) -> str:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)) as c:
            ok = c.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise BackupError(f"{path}：SQLite备份已损坏（{ok}）")
            row = c.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as e:
        if "alembic_version" in str(e):
            raise BackupError(f"{path}：不是gongkai登记簿的备份（没有结构版本）") from None
        raise BackupError(f"{path}：SQLite备份已损坏（{e}）") from None
    if row is None:
        raise BackupError(f"{path}：不是gongkai登记簿的备份（没有结构版本）")
    return row[0]


# ---------------------------------------------------------------------------------------------- PostgreSQL


def _libpq(url: str) -> str:
    """The URL libpq tools take (no SQLAlchemy driver; the password goes through PGPASSWORD)."""
    u = make_url(url)
    return u.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _run(argv: list[str], url: str, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    password = make_url(url).password
    if password:
        env["PGPASSWORD"] = str(password)
    try:
        done = subprocess.run(argv, capture_output=True, env=env, **kw)
    except FileNotFoundError:
        raise BackupError(f"找不到{argv[0]}，请安装PostgreSQL客户端（postgresql-client）") from None
    if done.returncode != 0:
        detail = next((line for line in done.stderr.decode(errors="replace").splitlines() if line), "")
        raise BackupError(f"{argv[0]}失败：{detail.strip()}")
    return done


def _dump_revision(path: Path) -> str:
    done = subprocess.run(
        ["pg_restore", "--data-only", "--table=alembic_version", "-f", "-", str(path)], capture_output=True
    )
    if done.returncode != 0:
        raise BackupError(f"{path}：pg_dump归档已损坏，无法读取")
    m = re.search(r"^COPY \S*alembic_version .*FROM stdin;\n([^\n\\]+)\n", done.stdout.decode(), re.M)
    if not m:
        raise BackupError(f"{path}：不是gongkai登记簿的备份（没有结构版本）")
    return m.group(1).strip()


def _pg_restore(src: Path, url: str) -> None:
    """Drop what the target holds and load the dump, all in one transaction of psql."""
    engine = make_engine(url)
    try:
        names = inspect(engine).get_table_names()
    finally:
        engine.dispose()
    with tempfile.TemporaryDirectory(prefix="gongkai-restore-") as d:
        drop, script = Path(d) / "drop.sql", Path(d) / "restore.sql"
        drop.write_text(
            "SET client_min_messages = warning;\n"
            + "".join(f'DROP TABLE IF EXISTS "{n}" CASCADE;\n' for n in names),
            encoding="utf-8",
        )
        _run(["pg_restore", "--no-owner", "--no-privileges", "-f", str(script), str(src)], url)
        psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
        _run([*psql, "-f", str(drop), "-f", str(script), "-d", _libpq(url)], url)


# ---------------------------------------------------------------------------------------------- both


def _kind_of_url(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in KIND_LABEL:
        raise BackupError(f"数据库地址“{url.split(':', 1)[0]}:…”的类型不受支持（应为sqlite或postgresql）")
    return backend


def _live_revision(url: str) -> str:
    if url.startswith("sqlite") and not _sqlite_path(url).is_file():
        raise BackupError(f"{_sqlite_path(url)}：数据库文件不存在")
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            if "alembic_version" not in inspect(c).get_table_names():
                raise BackupError("数据库中没有gongkai登记簿（没有结构版本），无可备份")
            return c.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def _head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _check_revision(info: BackupInfo) -> None:
    """A backup from a newer gongkai (a revision this version does not know) is refused."""
    script = ScriptDirectory.from_config(alembic_config())
    known = {r.revision for r in script.walk_revisions()}
    if info.revision not in known:
        raise BackupError(
            f"{info.path}：备份的数据库结构版本{info.revision}不是本程序所知的版本"
            f"（本程序最新为{_head()}），请先升级gongkai再恢复"
        )


def _rows_held(url: str) -> str:
    """What the target holds ("" when it has no data): the tables with rows and their counts."""
    if url.startswith("sqlite") and not _sqlite_path(url).exists():
        return ""
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            names = [n for n in inspect(c).get_table_names() if n != "alembic_version"]
            counts = {n: c.scalar(select(func.count()).select_from(table(n))) for n in names}
    finally:
        engine.dispose()
    return "、".join(f"{n}表{k}行" for n, k in counts.items() if k)
