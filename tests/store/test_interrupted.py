"""A process killed (SIGKILL) in the middle of an import of a large 台账, or of writing a report, leaves the
database as it was: every import is one transaction, so nothing of it is committed, the database opens,
and the same import then runs to the end. A report killed before its file is renamed leaves no file.

The subprocess is the real `gongkai` command, with one store method wrapped (by the runner below, not by
gongkai) to say "I am half-way" in a file and wait there, so the kill lands mid-transaction every time.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date as D
from datetime import timedelta
from pathlib import Path

import pytest
from tests.store.year import BODY, build_year, dump, services

from gongkai.access import Actor
from gongkai.register import Request, event
from gongkai.service import Services
from gongkai.store import Store

BIG = 200  # requests in the 台账 (and documents in the records sheet)
RUNNER = """
import functools, importlib, os, sys, time
module, _, attr = os.environ["HALT_AT"].partition(":")
owner, name = attr.split(".")
cls = getattr(importlib.import_module(module), owner)
original, calls = getattr(cls, name), [0]

@functools.wraps(original)
def halting(*args, **kw):
    calls[0] += 1
    if calls[0] == int(os.environ["HALT_AFTER"]):
        open(os.environ["HALT_MARK"], "w").close()  # half-way: the test kills us now
        time.sleep(600)
    return original(*args, **kw)

setattr(cls, name, halting)
from gongkai.cli import main
sys.argv = ["gongkai", *sys.argv[1:]]
main()
"""


@pytest.fixture
def register(db_url):
    """The database: a small year of one body's work, and an empty second body to import into."""
    svc = services(db_url)
    build_year(svc, requests=4)
    svc.store.add_body("big", "某县自然资源局", "管理员")
    svc.store.close()
    return db_url


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory) -> Path:
    """A 台账 of BIG requests with their events, exported from a register of its own."""
    tmp = tmp_path_factory.mktemp("ledger")
    store = Store.open(f"sqlite:///{tmp / 'source.sqlite3'}")
    store.add_body("big", "某县自然资源局", "管理员")
    with store.unit() as s:
        for i in range(BIG):
            got = D(2025, 1, 2) + timedelta(days=i % 300)
            answer = event("answered", got + timedelta(days=5), kind="予以公开")
            req = Request(f"Z{i:05d}", "natural_person", "online", got, confirmed_on=got, content=f"第{i}件")
            store.add_request("big", req, "登记员", [answer], session=s)
    path = tmp / "台账.csv"
    Services(store).ledger.export(Actor.operator("管理员"), "big", path)
    store.close()
    return path


@pytest.fixture(scope="module")
def big_documents(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "文件.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类型", "标题", "文号", "制发日期", "废止日期"])
        for i in range(BIG):
            w.writerow(["行政规范性文件", f"管理办法{i}", f"某资规〔2025〕{i + 1}号", "2025-03-03", ""])
    return path


def _gongkai_halting(args: list[str], url: str, halt_at: str, after: int, mark: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "GONGKAI_DATABASE_URL": url,
        "GONGKAI_USER": "导入员",
        "HALT_AT": halt_at,
        "HALT_AFTER": str(after),
        "HALT_MARK": str(mark),
    }
    return subprocess.Popen([sys.executable, "-c", RUNNER, *args], env=env, stderr=subprocess.PIPE)


def _kill_when_half_way(proc: subprocess.Popen, mark: Path) -> None:
    deadline = time.monotonic() + 300
    while not mark.exists():
        if proc.poll() is not None:
            raise AssertionError(f"ended before half-way: {proc.stderr.read().decode()}")
        assert time.monotonic() < deadline, "never reached half-way"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(60) == -signal.SIGKILL


def _opens_and_is_sound(url: str) -> None:
    Store.open(url).close()  # opens, and its schema is current
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert c.execute("PRAGMA foreign_key_check").fetchall() == []


IMPORTS = {
    "register import": ("gongkai.store.requests:RequestStore.add_request", "big_ledger", []),
    "register records-import": (
        "gongkai.store.records:RecordStore.add_document",
        "big_documents",
        ["documents"],
    ),
}


@pytest.mark.parametrize("command", IMPORTS)
def test_an_import_killed_half_way_leaves_the_database_as_it_was(command, register, tmp_path, request):
    halt_at, fixture, extra = IMPORTS[command]
    file = request.getfixturevalue(fixture)
    args = [*command.split(), "--body", "big", *extra, str(file)]
    before = dump(register)
    mark = tmp_path / "half-way"
    _kill_when_half_way(_gongkai_halting(args, register, halt_at, BIG // 2, mark), mark)

    assert dump(register) == before
    _opens_and_is_sound(register)
    done = subprocess.run(  # the same import, not killed, now runs to the end
        [sys.executable, "-c", RUNNER, *args],
        env={**os.environ, "GONGKAI_DATABASE_URL": register, "HALT_AT": halt_at, "HALT_AFTER": "0"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    after = dump(register)
    table = "requests" if command == "register import" else "documents"
    assert len(after[table]) == len(before[table]) + BIG


def test_a_report_killed_before_its_file_is_whole_leaves_no_file(register, tmp_path):
    out = tmp_path / "2025年度报告.docx"
    args = ["report", "--body", BODY, "--year", "2025", "--out", str(out)]
    before = dump(register)
    mark = tmp_path / "half-way"
    _kill_when_half_way(_gongkai_halting(args, register, "gongkai.atomic:os.fsync", 1, mark), mark)
    assert not out.exists()  # never half a document under the name asked for
    assert dump(register) == before
    _opens_and_is_sound(register)
