"""The service API: the acting user's permissions, what the register refuses beyond the workflow, and a
fixed clock for 'today'."""

from __future__ import annotations

from datetime import date as D
from decimal import Decimal

import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.errors import InputError, PermissionDenied
from gongkai.org import Region
from gongkai.register import Request, event
from gongkai.service import Services
from gongkai.store import Store

TODAY = D(2025, 6, 30)
CLERK = Actor("登记员甲", grants=frozenset({Grant(Role.CLERK, body_id="edu")}))
OTHER = Actor("他局登记员", grants=frozenset({Grant(Role.CLERK, body_id="env")}))
SUPERVISOR = Actor("政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="3208")}))
FAR = Actor("外市公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="9999")}))


@pytest.fixture
def svc(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    store.add_region(Region("3208", "某市", "city"), "管理员")
    store.add_region(Region("9999", "外市", "city"), "管理员")
    store.add_region(Region("320812", "某区", "county", parent_id="3208"), "管理员")
    store.add_body("edu", "某区教育局", "管理员", region="320812")
    store.add_body("env", "某区环境局", "管理员", region="320812")
    s = Services(store, today=lambda: TODAY)
    yield s
    store.close()


def req(case="2025-001", received=D(2025, 3, 3), **kw):
    base = {"content": "某校扩建批复", "applicant_name": "张三", "applicant_contact": "13800000000"}
    return Request(case, "natural_person", "in_person", received, submitted_on=received, **{**base, **kw})


def test_isolation_between_bodies_and_supervisors(svc):
    svc.requests.register(CLERK, "edu", req())
    for call in (
        lambda: svc.requests.get(OTHER, "edu", "2025-001"),
        lambda: svc.requests.list(OTHER, "edu"),
        lambda: svc.requests.register(OTHER, "edu", req("2025-002")),
        lambda: svc.requests.record(
            OTHER, "edu", "2025-001", event("answered", D(2025, 3, 10), outcome="granted")
        ),
        lambda: svc.requests.get(FAR, "edu", "2025-001"),
        lambda: svc.requests.record(SUPERVISOR, "edu", "2025-001", event("withdrawn", D(2025, 3, 10))),
        lambda: svc.reports.annual(OTHER, "edu", 2025),
    ):
        with pytest.raises(PermissionDenied):
            call()
    seen = svc.requests.get(SUPERVISOR, "edu", "2025-001")
    assert not seen.personal and seen.request.applicant_name == "" and seen.request.applicant_contact == ""
    assert seen.request.content == "某校扩建批复"
    own = svc.requests.get(CLERK, "edu", "2025-001")
    assert own.personal and own.request.applicant_name == "张三"
    assert svc.reports.annual(SUPERVISOR, "edu", 2025).cells["requests.received.total"] == 1


def test_dates_the_register_refuses(svc):
    with pytest.raises(InputError, match=r"晚于今天（北京时间2025-06-30）"):
        svc.requests.register(CLERK, "edu", req(received=D(2025, 7, 1)))
    with pytest.raises(InputError, match="早于2019年"):
        svc.requests.register(CLERK, "edu", req(received=D(2018, 7, 2)))
    svc.requests.register(CLERK, "edu", req())
    with pytest.raises(InputError, match="晚于今天"):
        svc.requests.record(CLERK, "edu", "2025-001", event("answered", D(2052, 3, 10), outcome="granted"))
    with pytest.raises(InputError, match="早于收到日期2025-03-03"):
        svc.requests.record(CLERK, "edu", "2025-001", event("answered", D(2025, 3, 1), outcome="granted"))
    with pytest.raises(InputError, match="年度2026无效"):
        svc.reports.annual(CLERK, "edu", 2026)
    assert svc.requests.get(CLERK, "edu", "2025-001").version == 1


def test_what_each_event_must_record(svc):
    svc.requests.register(CLERK, "edu", req())
    bad = [
        (event("correction_requested", D(2025, 3, 4)), "补正期限"),
        (event("extended", D(2025, 3, 20), days=5), "批准人"),
        (event("extended", D(2025, 3, 20), days=5, approved_by="主任"), "告知申请人的日期"),
        (event("extended", D(2025, 3, 20), days=5, approved_by="主任", notified=D(2025, 3, 20)), "延期理由"),
        (event("consultation_sent", D(2025, 3, 5)), "征求意见对象"),
        (event("explanation_requested", D(2025, 3, 5)), "说明理由的期限"),
        (event("fee_notified", D(2025, 3, 5), amount=100), "收费方式"),
        (event("fee_notified", D(2025, 3, 5), method="pages"), "页数"),
    ]
    for ev, message in bad:
        with pytest.raises(InputError, match=message):
            svc.requests.record(CLERK, "edu", "2025-001", ev)
    # a 补正 without items asks for what 第二十九条 finds missing
    v = svc.requests.record(CLERK, "edu", "2025-001", event("correction_requested", D(2025, 3, 4), days=10))
    assert v.events[-1].missing == ("identity", "form")


def test_fees_as_109_hao_computes_them(svc):
    for i in range(1, 12):
        svc.requests.register(CLERK, "edu", req(f"Q{i}", D(2025, 3, i)))
    with pytest.raises(InputError, match="当月为第3件申请"):
        svc.requests.record(
            CLERK, "edu", "Q3", event("fee_notified", D(2025, 3, 5), method="count", ordinal=4)
        )
    with pytest.raises(InputError, match="免收费用"):
        svc.requests.record(CLERK, "edu", "Q3", event("fee_notified", D(2025, 3, 5), method="按件计收"))
    with pytest.raises(InputError, match="应收100元，与通知金额150元不符"):
        svc.requests.record(
            CLERK, "edu", "Q11", event("fee_notified", D(2025, 3, 12), method="count", amount=150)
        )
    v = svc.requests.record(CLERK, "edu", "Q11", event("fee_notified", D(2025, 3, 12), method="count"))
    assert v.events[-1].amount == Decimal(100) and v.events[-1].ordinal == 11
    v = svc.requests.record(
        CLERK,
        "edu",
        "Q10",
        event("fee_notified", D(2025, 3, 12), method="pages", pages=45, amount=100, reason="减免"),
    )
    assert v.events[-1].amount == Decimal(100) and v.state.state.value == "awaiting_fee"


def test_work_lists(svc):
    svc.requests.register(CLERK, "edu", req("A", D(2025, 5, 6)))  # due 2025-06-04: overdue on 6/30
    svc.requests.register(CLERK, "edu", req("B", D(2025, 6, 16)))  # due 2025-07-14
    svc.requests.register(CLERK, "edu", req("C", D(2025, 6, 3)))
    svc.requests.record(
        CLERK, "edu", "C", event("correction_requested", D(2025, 6, 4), days=5, missing="身份证明")
    )
    assert [s.case_no for s in svc.requests.overdue(CLERK, "edu").items] == ["A"]
    assert [s.case_no for s in svc.requests.waiting_past(CLERK, "edu").items] == ["C"]
    assert [s.case_no for s in svc.requests.due_within(CLERK, "edu", 5).items] == ["A"]
    assert [s.case_no for s in svc.requests.due_within(CLERK, "edu", 10).items] == ["A", "B"]  # B due 7/14
    with pytest.raises(InputError, match="工作日数99无效"):
        svc.requests.due_within(CLERK, "edu", 99)
