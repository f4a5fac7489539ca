"""Migrations from the first released schema (0001), holding an office's data, to the newest and back, on
both backends: every row survives each step, the projections a later schema added are re-derived from
the event logs when the store opens, and SQLite's table rebuilds keep every foreign key.

The 0001 database is written with raw SQL, as gongkai 0001 wrote it; what the migrated store then says is
compared with the same requests registered afresh at the newest schema.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from gongkai.register import Request, event
from gongkai.store import Store
from gongkai.store.db import alembic_config, downgrade, make_engine, migrate

AT = datetime(2025, 4, 30, 9, 30, tzinfo=UTC)
STAMP = {"created_at": AT, "created_by": "登记员甲"}
#: (case, applicant type, received, events as (type, date, data), the projection 0001 stored)
CASES = [
    (
        "2025-001",
        "natural_person",
        date(2025, 3, 3),
        [("answered", date(2025, 3, 20), {"outcome": "granted"})],
    ),
    (  # answered after its due date: the `late` flag 0003 added must come out True
        "2025-002",
        "commercial",
        date(2025, 3, 3),
        [("answered", date(2025, 4, 21), {"outcome": "unavailable.not_held"})],
    ),
    (
        "2025-003",
        "research",
        date(2025, 4, 1),
        [
            ("consultation_sent", date(2025, 4, 2), {"party": "third_party", "party_name": "甲公司"}),
            ("consultation_replied", date(2025, 4, 9), {"party_name": "甲公司"}),
        ],
    ),
    ("2025-004", "other_org", date(2025, 4, 7), []),
]
PROJECTION = ("state", "due_on", "wait_until", "closed_on", "outcome", "answer_kind", "late", "provisional")
REVISIONS = [
    r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
]


def _insert(c, table: str, **values) -> None:
    cols = ", ".join(f'"{k}"' for k in values)
    c.execute(text(f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join(":" + k for k in values)})'), values)


def _first_schema_with_data(url: str) -> None:
    """A register as gongkai 0001 kept it: two bodies, requests with logs, section 二 and 四 records."""
    engine = make_engine(url)
    migrate(engine, "0001")
    with engine.begin() as c:
        _insert(c, "bodies", id="hbj", name="某县生态环境局", region="某县", **STAMP)
        _insert(c, "bodies", id="zrj", name="某县自然资源局", region=None, **STAMP)
        for n, (case, kind, got, events) in enumerate(CASES, 1):
            closed = events[-1][1] if events and events[-1][0] == "answered" else None
            _insert(
                c,
                "requests",
                id=n,
                body_id="hbj",
                case_no=case,
                applicant_type=kind,
                applicant_name=f"申请人{n}",
                applicant_contact=f"1380000000{n}",
                channel="in_person",
                received_on=got,
                content=f"第{n}件申请的内容",
                seeded=False,
                state="answered" if closed else "in_progress",
                due_on=None,
                closed_on=closed,
                outcome=events[-1][2]["outcome"] if closed else None,
                version=1 + len(events),
                **STAMP,
            )
            for seq, (type_, on, data) in enumerate([("received", got, {}), *events], 1):
                _insert(
                    c,
                    "request_events",
                    request_id=n,
                    body_id="hbj",
                    seq=seq,
                    type=type_,
                    event_on=on,
                    amount=None,
                    data=json.dumps(data, ensure_ascii=False),
                    recorded_at=AT,
                    recorded_by="登记员甲",
                )
        _insert(
            c,
            "documents",
            body_id="hbj",
            kind="normative_documents",
            title="排污许可办法",
            number="某环规〔2025〕1号",
            issued_on=date(2025, 3, 3),
            repealed_on=None,
            **STAMP,
        )
        _insert(
            c,
            "yearly_counts",
            body_id="hbj",
            year=2025,
            licensing=37,
            penalties=12,
            coercive_measures=3,
            fees_amount="1.2500",
            **STAMP,
        )
        for n, case_no in enumerate(("复2025-1", "", "复2025-1"), 1):  # 0003 makes them one per number
            _insert(
                c,
                "appeal_cases",
                id=n,
                body_id="hbj",
                case_no=case_no,
                kind="reconsideration",
                filed_on=date(2025, 4, n),
                decided_on=None,
                result=None,
                **STAMP,
            )
        _insert(
            c,
            "audit_log",
            table_name="requests",
            row_key="hbj/2025-001",
            action="update",
            before=json.dumps({"content": "旧"}),
            after=json.dumps({"content": "新"}),
            at=AT,
            by="登记员甲",
        )
    engine.dispose()


def _rows(url: str, table: str, columns: str) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2"))]
    finally:
        engine.dispose()


#: What every revision keeps of the 0001 rows (columns that exist from 0001 to the newest).
KEPT = {
    "bodies": "id, name, created_by",
    "requests": "id, case_no, applicant_type, applicant_name, received_on, content, closed_on, outcome",
    "request_events": "request_id, seq, type, event_on, recorded_by",
    "documents": "body_id, title, number, issued_on",
    "yearly_counts": "body_id, year, licensing, penalties, coercive_measures, fees_amount",
    "appeal_cases": "id, body_id, kind, filed_on",
    "audit_log": "table_name, row_key, action, by",
}


def _kept(url: str) -> dict[str, list[tuple]]:
    return {table: _rows(url, table, cols) for table, cols in KEPT.items()}


def _foreign_keys_hold(url: str) -> None:
    if not url.startswith("sqlite"):
        return  # PostgreSQL enforces them on every statement
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def _declared_foreign_keys(url: str) -> set[tuple]:
    engine = make_engine(url)
    try:
        insp = inspect(engine)
        return {
            (t, tuple(fk["constrained_columns"]), fk["referred_table"])
            for t in insp.get_table_names()
            for fk in insp.get_foreign_keys(t)
        }
    finally:
        engine.dispose()


def _model_foreign_keys() -> set[tuple]:
    from gongkai.store.models import Base

    return {
        (t.name, tuple(c.name for c in fk.columns), fk.referred_table.name)
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_key_constraints
    }


def _step(url: str, revision: str, down: bool = False) -> None:
    engine = make_engine(url)
    try:
        (downgrade if down else migrate)(engine, revision)
    finally:
        engine.dispose()


def test_the_revisions_are_one_line_from_0001():
    assert REVISIONS[0] == "0001" and len(REVISIONS) == len(set(REVISIONS)) >= 4


def test_from_the_first_schema_to_the_newest_and_back(fresh_url):
    url = fresh_url
    _first_schema_with_data(url)
    first = _kept(url)
    assert len(first["requests"]) == 4 and len(first["request_events"]) == 8
    for rev in REVISIONS[1:]:
        _step(url, rev)
        now = _kept(url)
        assert {t: now[t] for t in KEPT if t != "appeal_cases"} == {
            t: first[t] for t in KEPT if t != "appeal_cases"
        }
        assert now["appeal_cases"] == first["appeal_cases"], rev
        _foreign_keys_hold(url)

    assert _declared_foreign_keys(url) == _model_foreign_keys()  # the rebuilt tables still declare them
    assert _rows(url, "appeal_cases", "id, case_no") == [(1, "复2025-1"), (2, "未编号-2"), (3, "复2025-1-3")]
    for rev in reversed(REVISIONS[:-1]):  # and back down to 0001, one step at a time
        _step(url, rev, down=True)
        assert _kept(url) == {**first, "appeal_cases": _kept(url)["appeal_cases"]}
        _foreign_keys_hold(url)
    assert "approvals" not in inspect(make_engine(url)).get_table_names()


def test_projections_are_re_derived_when_an_old_register_is_opened(fresh_url, tmp_path):
    _first_schema_with_data(fresh_url)
    migrated = Store.open(fresh_url)  # upgrades to the newest schema, then re-derives
    afresh = Store.open(f"sqlite:///{tmp_path / 'afresh.sqlite3'}")
    afresh.add_body("hbj", "某县生态环境局", "管理员")
    for n, (case, kind, got, events) in enumerate(CASES, 1):
        logged = [event(t, on, **data) for t, on, data in events]
        req = Request(case, kind, "in_person", got, content=f"第{n}件申请的内容", submitted_on=got)
        afresh.add_request("hbj", req, "登记员甲", logged)
    try:
        for case, *_ in CASES:
            old, new = migrated.get("hbj", case), afresh.get("hbj", case)
            assert old.state == new.state, case
        got = {r.case_no: {k: getattr(r, k) for k in PROJECTION} for r in migrated.requests("hbj")}
        want = {r.case_no: {k: getattr(r, k) for k in PROJECTION} for r in afresh.requests("hbj")}
        assert got == want
        assert got["2025-002"]["late"] is True and got["2025-004"]["due_on"] == date(2025, 5, 7)
        cells = [r.annual_report("hbj", 2025).cells for r in (migrated, afresh)]
        assert [{k: v for k, v in c.items() if k.startswith("requests.")} for c in cells] == [
            {k: v for k, v in cells[1].items() if k.startswith("requests.")}
        ] * 2
    finally:
        migrated.close()
        afresh.close()
