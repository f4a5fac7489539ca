"""The store on SQLite and PostgreSQL: events, projections, conflicts, soft deletion, reports."""

import threading
from datetime import date as D
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from gongkai.errors import InputError
from gongkai.model import Report
from gongkai.register import (
    Channel,
    Projection,
    Request,
    WorkflowError,
    event,
    report_from_projections,
)
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.calendar import parse_schedule
from gongkai.store import ConflictError, NotFound, RequestQuery, Store, StoreError, search
from gongkai.store.models import AuditRow, Base, EventRow


def req(case, received, kind="natural_person", channel=Channel.ONLINE):
    return Request(case, kind, channel, received, content="申请公开某项目环评文件", applicant_name="张三")


def test_migrations_match_the_models(store):
    with store.engine.connect() as c:
        ctx = MigrationContext.configure(c, opts={"include_object": search.include_object})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_migrate_is_idempotent(db_url, store):
    Store.open(db_url).close()  # a second upgrade to head changes nothing and raises nothing


def test_request_life_and_projection(store, body):
    r = store.add_request(body, req("2025-001", D(2025, 1, 20)), actor="李四")
    assert r.version == 1 and r.state.due == D(2025, 2, 21) and r.events[0].type == "received"
    r = store.append(
        body, "2025-001", event("consultation_sent", D(2025, 1, 22), party="third_party"), 1, "李四"
    )
    r = store.append(body, "2025-001", event("consultation_replied", D(2025, 2, 10)), r.version, "李四")
    assert r.version == 3 and r.state.due == D(2025, 3, 6)
    row = store.requests(body)[0]
    assert (row.state, row.due_on, row.closed_on, row.updated_by) == (
        "in_progress",
        D(2025, 3, 6),
        None,
        "李四",
    )
    r = store.append(
        body, "2025-001", event("answered", D(2025, 3, 5), outcome="partially_granted"), 3, "王五"
    )
    row = store.requests(body)[0]
    assert (row.state, row.closed_on, row.outcome, row.version) == (
        "answered",
        D(2025, 3, 5),
        "partially_granted",
        4,
    )
    again = store.get(body, "2025-001")
    assert [e.type.value for e in again.events] == [
        "received",
        "consultation_sent",
        "consultation_replied",
        "answered",
    ]
    assert again.request.applicant_name == "张三" and again.state.outcome == "partially_granted"


def test_refused_event_writes_nothing(store, body):
    store.add_request(body, req("2025-002", D(2025, 3, 3)), actor="李四")
    with pytest.raises(WorkflowError, match=r"申请2025-002：.*只能登记"):
        store.append(body, "2025-002", event("fee_paid", D(2025, 3, 5)), 1, "李四")
    got = store.get(body, "2025-002")
    assert got.version == 1 and len(got.events) == 1
    with store.Session() as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) == 1


def test_stale_version_is_a_conflict_and_loses_nothing(db_url, body):
    a, b = Store.open(db_url), Store.open(db_url)
    try:
        a.add_request(body, req("2025-003", D(2025, 3, 3)), actor="甲")
        seen_by_b = b.get(body, "2025-003").version
        a.append(body, "2025-003", event("extended", D(2025, 3, 20), days=10, approved_by="主任"), 1, "甲")
        with pytest.raises(ConflictError, match=r"申请2025-003：已被他人修改.*甲"):
            b.append(body, "2025-003", event("answered", D(2025, 3, 21), outcome="granted"), seen_by_b, "乙")
        got = a.get(body, "2025-003")
        assert [e.type.value for e in got.events] == ["received", "extended"] and got.version == 2
        assert got.state.extended_days == 10
    finally:
        a.close()
        b.close()


def test_concurrent_appends_one_wins(db_url, body):
    stores = [Store.open(db_url) for _ in range(2)]
    stores[0].add_request(body, req("2025-004", D(2025, 3, 3)), actor="甲")
    barrier = threading.Barrier(2)
    results = []

    def work(i):
        barrier.wait()
        try:
            stores[i].append(
                body, "2025-004", event("answered", D(2025, 3, 10 + i), outcome="granted"), 1, f"u{i}"
            )
            results.append("ok")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert sorted(results) == ["conflict", "ok"]
    s = Store.open(db_url)
    got = s.get(body, "2025-004")
    s.close()
    assert got.version == 2 and [e.type.value for e in got.events] == ["received", "answered"]


def test_corrections_keep_history(store, body):
    store.add_request(body, req("2025-005", D(2025, 3, 3)), actor="甲")
    r = store.update_request(body, "2025-005", 1, "乙", reason="内容登记有误", content="更正后的内容")
    assert r.version == 2 and store.get(body, "2025-005").request.content == "更正后的内容"
    with pytest.raises(StoreError, match="须说明理由"):
        store.update_request(body, "2025-005", 2, "乙", content="再改")
    r = store.append(body, "2025-005", event("extended", D(2025, 3, 20), days=5, approved_by="主任"), 2, "乙")
    assert r.state.due == D(2025, 4, 8)
    r = store.void_event(body, "2025-005", 2, 3, "乙", "延期系误登记")
    assert r.state.due == D(2025, 3, 31) and r.log[1].voided and r.log[1].void_reason == "延期系误登记"
    assert [e.type.value for e in r.events] == ["received"]  # the state ignores the voided event
    with pytest.raises(StoreError, match=r"已于.*作废"):
        store.void_event(body, "2025-005", 2, 4, "乙", "再次作废")
    with pytest.raises(StoreError, match="收到申请不能作废"):
        store.void_event(body, "2025-005", 1, 4, "乙", "x")
    # a later correction of the receipt date replays the log against it
    r = store.update_request(
        body,
        "2025-005",
        4,
        "丙",
        reason="收到日期有误",
        received_on=D(2025, 3, 4),
        confirmed_on=D(2025, 3, 4),
    )
    assert r.state.due == D(2025, 4, 1) and r.log[0].event.date == D(2025, 3, 4)
    store.delete_request(body, "2025-005", 5, "丙", reason="重复登记")
    with pytest.raises(NotFound, match="2025-005"):
        store.get(body, "2025-005")
    assert store.get(body, "2025-005", removed=True).removed
    assert store.requests(body) == []
    kept = store.requests(body, include_deleted=True)
    assert len(kept) == 1 and kept[0].deleted_by == "丙"
    history = store.history(body, "2025-005")
    assert [(a.action, a.by) for a in history] == [
        ("update", "乙"),
        ("void", "乙"),
        ("update", "丙"),
        ("delete", "丙"),
    ]
    assert (
        history[0].before == {"content": "申请公开某项目环评文件"}
        and history[0].after["reason"] == "内容登记有误"
    )
    assert history[1].before["type"] == "extended" and history[3].after == {"reason": "重复登记"}
    with pytest.raises(StoreError, match="字段received不能修改"):
        store.update_request(body, "2025-006", 1, "乙", reason="x", received=D(2025, 1, 1))


def test_a_void_that_breaks_the_log_is_refused(store, body):
    store.add_request(
        body,
        req("2025-009", D(2025, 3, 3)),
        actor="甲",
        events=[
            event("correction_requested", D(2025, 3, 4), days=10),
            event("correction_received", D(2025, 3, 10)),
        ],
    )
    with pytest.raises(WorkflowError, match="作废第2个事件后事件记录不再成立"):
        store.void_event(body, "2025-009", 2, 1, "乙", "误登记")
    assert store.get(body, "2025-009").version == 1


def test_duplicate_case_and_unknown_body(store, body):
    store.add_request(body, req("2025-007", D(2025, 3, 3)), actor="甲")
    with pytest.raises(StoreError, match="同一案号"):
        store.add_request(body, req("2025-007", D(2025, 3, 4)), actor="甲")
    with pytest.raises(NotFound, match="机关nope不存在"):
        store.add_request("nope", req("2025-008", D(2025, 3, 4)), actor="甲")


def test_overdue(store, body):
    store.add_request(body, req("A", D(2025, 3, 3)), actor="甲")  # due 2025-03-31
    store.add_request(body, req("B", D(2025, 3, 10)), actor="甲")  # due 2025-04-08 (Qingming 4/4 off)
    store.add_request(
        body, req("C", D(2025, 3, 3)), actor="甲", events=[event("correction_requested", D(2025, 3, 4))]
    )
    store.add_request(
        body,
        req("D", D(2025, 3, 3)),
        actor="甲",
        events=[event("answered", D(2025, 3, 5), outcome="granted")],
    )
    assert [r.case_no for r in store.overdue(body, D(2025, 4, 1))] == ["A"]
    assert [r.case_no for r in store.overdue(body, D(2025, 4, 9))] == ["A", "B"]


def test_calendar_load_recomputes_provisional_due_dates(store, body):
    from gongkai.register.holidays import provisional_holidays

    r = store.add_request(body, req("2026-901", D(2026, 12, 21)), actor="甲")
    assert r.state.due == D(2027, 1, 19) and r.state.provisional
    assert store.search(body, RequestQuery(provisional=True))[1] == 1
    sched = parse_schedule(
        {
            "year": 2027,
            "source": "测试",
            "holidays": [
                *({"name": n, "date": d.isoformat()} for d, n in provisional_holidays(2027).items()),
                {"name": "元旦", "date": "2027-01-04"},
            ],
            "workdays": [{"name": "春节", "date": "2027-02-20"}],
        }
    )
    rev, moved = store.load_calendar(sched, actor="管理员")
    assert rev == 1 and [(m.case_no, m.before, m.after) for m in moved] == [
        ("2026-901", D(2027, 1, 19), D(2027, 1, 20))
    ]
    got = store.get(body, "2026-901")
    assert not got.state.provisional and store.search(body, RequestQuery(provisional=True))[1] == 0
    # a second Store on the same database sees the loaded year too
    other = Store(store.engine)
    assert not other.calendar().schedule(2027).provisional and other.calendar().is_workday(D(2027, 2, 20))


def test_annual_report_from_the_store_matches_the_domain(store, body):
    cases = [
        ("N1", "natural_person", D(2024, 12, 20), [event("answered", D(2025, 1, 8), outcome="granted")]),
        ("N2", "natural_person", D(2025, 2, 10), [event("answered", D(2025, 2, 20), outcome="granted")]),
        (
            "C1",
            "commercial",
            D(2025, 3, 3),
            [event("answered", D(2025, 3, 10), outcome="withheld.state_secret")],
        ),
        ("R1", "research", D(2025, 12, 22), []),
        (
            "L1",
            "legal_services",
            D(2025, 6, 2),
            [event("correction_requested", D(2025, 6, 4), days=10), event("abandoned", D(2025, 7, 30))],
        ),
        (
            "S1",
            "social_welfare",
            D(2025, 5, 6),
            [event("fee_notified", D(2025, 5, 7), amount="200"), event("fee_paid", D(2025, 5, 12))],
        ),
        ("O1", "other_org", D(2025, 4, 1), [event("withdrawn", D(2025, 4, 2))]),
    ]
    for case, kind, rec, evs in cases:
        store.add_request(body, req(case, rec, kind), actor="甲", events=evs)
    store.add_document(body, Document("regulations", D(2025, 2, 1), title="甲规章"), "甲")
    store.add_document(
        body, Document("normative_documents", D(2024, 2, 1), D(2025, 8, 1), title="乙文件"), "甲"
    )
    store.set_counts(
        body, YearlyCounts(2025, licensing=1234, penalties=56, coercive_measures=7, fees_amount="3.5"), "甲"
    )
    store.set_counts(
        body, YearlyCounts(2025, licensing=1235, penalties=56, coercive_measures=7, fees_amount="3.5"), "乙"
    )
    store.add_appeal(body, AppealCase("reconsideration", D(2025, 4, 1), case_no="复1"), "甲")
    store.decide_appeal(body, "复1", D(2025, 6, 1), "corrected", "乙")

    r = store.annual_report(body, 2025, narrative={1: "本机关认真贯彻条例。", 6: "无其他事项。"})
    c = r.cells
    assert r.body == "某市生态环境局" and r.year == 2025
    assert c["requests.received.total"] == 6 and c["requests.brought_forward.total"] == 1
    assert c["requests.granted.natural_person"] == 2
    assert c["requests.other.no_correction.legal_services"] == 1
    assert c["requests.other.other.other_org"] == 1
    assert c["requests.carried_forward.research"] == 1 and c["requests.carried_forward.social_welfare"] == 1
    assert c["active.regulations.in_force"] == 1 and c["active.normative_documents.repealed"] == 1
    assert c["active.licensing.decisions"] == 1235 and c["active.fees.amount"] == Decimal("3.5")
    assert c["appeals.reconsideration.corrected"] == 1 and c["appeals.litigation_direct.total"] == 0
    assert "200元" in r.sections[6] and r.sections[6].endswith("无其他事项。")

    # the SQL tally equals the pure reference implementation
    events = store.events_of(body)
    projections = []
    from gongkai.register import derive

    for row in store.requests(body):
        st = derive(row.received_on, events[row.id], store.calendar())
        projections.append(Projection(row.applicant_type, row.received_on, st.closed_on, st.outcome))
    for year in (2024, 2025, 2026):
        from_sql = _request_cells(store.annual_report(body, year))
        assert from_sql == _request_cells(report_from_projections(projections, year))
        assert any(from_sql.values())


def _request_cells(r: Report):
    return {k: v for k, v in r.cells.items() if k.startswith("requests.")}


def test_seed_from_a_published_report(store, body):
    published = Report.blank("2021", year=2023, body="某市生态环境局")
    for col, n in zip(
        ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"),
        (3, 1, 0, 0, 2, 0),
        strict=True,
    ):
        published.cells[f"requests.carried_forward.{col}"] = n
    published.cells["requests.carried_forward.total"] = 6
    carry = store.seed(body, published.to_dict(), actor="管理员")
    assert carry["natural_person"] == 3
    with pytest.raises(StoreError, match="已导入"):
        store.seed(body, published, actor="管理员")
    # answer one carried request in 2024, leave the rest open
    store.append(
        body, "结转2023-natural_person-0001", event("answered", D(2024, 1, 15), outcome="granted"), 1, "甲"
    )
    store.add_request(body, req("2024-001", D(2024, 3, 1), "commercial"), actor="甲")
    r24 = store.annual_report(body, 2024)
    assert r24.cells["requests.brought_forward.total"] == 6
    assert r24.cells["requests.brought_forward.legal_services"] == 2
    assert r24.cells["requests.granted.natural_person"] == 1
    assert r24.cells["requests.carried_forward.total"] == 6
    assert store.annual_report(body, 2023).cells["requests.carried_forward.total"] == 6  # the published one
    with pytest.raises(StoreError, match="2024年起"):
        store.annual_report(body, 2022)
    assert all(not r.seeded for r in store.overdue(body, D(2026, 6, 1)))
    assert [r.case_no for r in store.overdue(body, D(2024, 12, 1))] == [
        "2024-001"
    ]  # placeholders have no due


def test_fee_by_count_uses_the_applicants_month(store, body):
    for i in range(1, 13):  # twelve requests from the same applicant in March 2025
        r = Request(
            f"F-{i:02d}",
            "natural_person",
            Channel.ONLINE,
            D(2025, 3, i),
            applicant_name="钱七",
            applicant_contact="138",
        )
        store.add_request(body, r, actor="甲")
    store.add_request(
        body,
        Request("F-other", "natural_person", Channel.ONLINE, D(2025, 3, 5), applicant_name="孙八"),
        actor="甲",
    )
    store.add_request(
        body,
        Request(
            "F-april",
            "natural_person",
            Channel.ONLINE,
            D(2025, 4, 1),
            applicant_name="钱七",
            applicant_contact="138",
        ),
        actor="甲",
    )
    assert store.fee_for(body, "F-10", "count") == (10, Decimal(0))
    assert store.fee_for(body, "F-11", "count") == (11, Decimal(100))
    assert store.fee_for(body, "F-other", "count") == (1, Decimal(0))
    assert store.fee_for(body, "F-april", "count") == (1, Decimal(0))
    assert store.fee_for(body, "F-01", "pages", pages=150) == (0, Decimal(1700))
    r = store.append(
        body, "F-12", event("fee_notified", D(2025, 3, 13), amount="100", method="count"), 1, "甲"
    )
    store.append(body, "F-12", event("fee_paid", D(2025, 3, 14)), r.version, "甲")
    assert store.fees_collected(body, 2025) == Decimal(100)


def test_regions_bodies_profiles_and_document_numbers(store):
    from gongkai.org import BodyProfile, Region

    store.add_region(Region("3208", "某市", "city"), actor="管理员")
    store.add_region(Region("320812", "某区", "county", parent_id="3208"), actor="管理员")
    with pytest.raises(NotFound, match="9999"):
        store.add_region(Region("320899", "某县", "county", parent_id="9999"), actor="管理员")
    store.add_body("qgov", "某区人民政府", "管理员", region="320812", kind="人民政府")
    store.add_body("qedu", "某区教育局", "管理员", region="320812", kind="department")
    with pytest.raises(InputError, match=r"机关类型“ministry”无效.*人民政府（government）"):
        store.add_body("x", "某部", "管理员", kind="ministry")
    assert store.region_tree("3208") == ["3208", "320812"]
    assert [b.id for b in store.bodies(store.region_tree("3208"))] == ["qedu", "qgov"]
    profile = BodyProfile(office_name="某区教育局办公室", phone="0517-8000001", doc_prefix="某教公开")
    store.set_profile("qedu", profile, actor="王五")
    assert store.body("qedu").doc_prefix == "某教公开" and store.body("qgov").kind == "government"
    assert [store.next_doc_number("qedu", 2025) for _ in range(3)] == [1, 2, 3]
    assert store.next_doc_number("qedu", 2026) == 1 and store.next_doc_number("qgov", 2025) == 1
    with store.Session() as s:
        audit = s.scalars(
            select(AuditRow).where(AuditRow.table_name == "bodies", AuditRow.action == "update")
        ).all()
    assert len(audit) == 1 and audit[0].after["phone"] == "0517-8000001" and audit[0].by == "王五"
