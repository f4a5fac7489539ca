"""A year of a bureau's register built through the service API, and a table-by-table dump to compare
databases with: requests with every common event kind, a voided event, a correction, a removed request,
section 二/四 records, approvals, publications and the annual report submitted and published."""

from __future__ import annotations

from datetime import date as D
from datetime import timedelta

from sqlalchemy import create_engine, inspect, select, table

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Step
from gongkai.proactive import Publication
from gongkai.register import Request, event
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.service import Services
from gongkai.store import Store

TODAY = D(2026, 1, 20)
BODY = "hbj"
CLERK = Actor("登记员甲", grants=frozenset({Grant(Role.CLERK, body_id=BODY)}))
REVIEWER = Actor("负责人乙", grants=frozenset({Grant(Role.REVIEWER, body_id=BODY)}))
SECRECY = Actor("保密员丙", grants=frozenset({Grant(Role.SECRECY, body_id=BODY)}))
TYPES = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org")
CHANNELS = ("in_person", "online", "fax")
KINDS = ("予以公开", "部分公开", "信息不存在", "另行制作", "重复申请，不予重复处理")


def services(url: str) -> Services:
    store = Store.open(url)
    store.add_body(BODY, "某县生态环境局", "管理员")
    return Services(store, today=lambda: TODAY)


def build_year(svc: Services, requests: int = 48) -> None:
    """A year of work: `requests` requests from January to December 2025 and everything around them."""
    rec = svc.requests.record
    for i in range(requests):
        got = D(2025, 1, 6) + timedelta(days=i * 7)
        case = f"2025-{i + 1:03d}"
        svc.requests.register(
            CLERK,
            BODY,
            Request(
                case,
                TYPES[i % 6],
                CHANNELS[i % 3],
                got,
                submitted_on=got,
                confirmed_on=None if i % 3 == 0 else got,
                content=f"第{i + 1}号申请：排污许可证及监测数据",
                applicant_name=f"申请人{i % 7}",
                applicant_contact=f"1380000{i:04d}",
            ),
        )
        day = got + timedelta(days=1)
        if i % 5 == 1:
            rec(CLERK, BODY, case, event("correction_requested", day, days=10, missing="描述"))
            rec(CLERK, BODY, case, event("correction_received", day + timedelta(days=3)))
        if i % 5 == 2:
            rec(CLERK, BODY, case, event("consultation_sent", day, party="第三方", party_name=f"甲公司{i}"))
            rec(CLERK, BODY, case, event("consultation_replied", day + timedelta(days=6)))
        if i % 5 == 3:
            rec(CLERK, BODY, case, event("fee_notified", day, method="pages", pages=120))
            rec(CLERK, BODY, case, event("fee_paid", day + timedelta(days=2)))
        if i % 7 == 4:
            late = got + timedelta(days=8)
            ext = {"days": 20, "approved_by": "办公室主任", "notified": late, "reason": "需调取档案"}
            rec(CLERK, BODY, case, event("extended", late, **ext, note="误记在本件"))
            v = svc.requests.get(CLERK, BODY, case)
            svc.requests.void(CLERK, BODY, case, v.log[-1].seq, "登记错误", v.version)
        if i % 11 == 5:
            v = svc.requests.get(CLERK, BODY, case)
            svc.requests.correct(CLERK, BODY, case, "核对原件", v.version, content=f"第{i + 1}号申请（更正）")
        if i == requests - 1:
            continue  # still open at year end: carried into 2026
        if i % 13 == 6:
            v = svc.requests.get(CLERK, BODY, case)
            svc.requests.remove(CLERK, BODY, case, "重复登记", v.version)
            continue
        answer = got + timedelta(days=14)
        if i % 4 == 0:  # through the approval of the answer
            a = svc.approvals.draft_answer(CLERK, BODY, case, kind=KINDS[i % 5], provision="电子邮件")
            for who, step in ((CLERK, Step.SUBMIT), (REVIEWER, Step.APPROVE)):
                a = svc.approvals.step(who, BODY, a.id, step, a.version)
            if a.secrecy:
                a = svc.approvals.step(SECRECY, BODY, a.id, Step.SECRECY_PASS, a.version)
            a = svc.approvals.step(REVIEWER, BODY, a.id, Step.SIGN, a.version)
            svc.approvals.step(CLERK, BODY, a.id, Step.RELEASE, a.version, on=answer)
        else:
            rec(CLERK, BODY, case, event("answered", answer, kind=KINDS[i % 5]))
    _records(svc)
    _publications(svc)
    svc.annual.save_narrative(CLERK, BODY, 2025, {1: "本年度依法办理申请。", 5: "人手不足。", 6: "无。"})
    svc.annual.submit(REVIEWER, BODY, 2025, on=D(2026, 1, 10))
    svc.annual.publish(REVIEWER, BODY, 2025, on=D(2026, 1, 15))


def _records(svc: Services) -> None:
    svc.records.add_document(
        CLERK,
        BODY,
        Document("normative_documents", D(2025, 3, 3), title="排污许可管理办法", number="某环规〔2025〕1号"),
    )
    svc.records.add_document(
        CLERK,
        BODY,
        Document("regulations", D(2024, 5, 6), D(2025, 9, 1), title="旧规章", number="某政令第3号"),
    )
    svc.records.set_counts(CLERK, BODY, YearlyCounts(2025, 37, 12, 3, None))
    svc.records.file_appeal(CLERK, BODY, AppealCase("reconsideration", D(2025, 4, 2), case_no="复2025-1"))
    svc.records.decide_appeal(CLERK, BODY, "复2025-1", D(2025, 6, 3), "corrected")
    svc.records.file_appeal(CLERK, BODY, AppealCase("litigation_direct", D(2025, 8, 11), case_no="诉2025-7"))


def _publications(svc: Services) -> None:
    for n, (title, category) in enumerate(
        (("某县大气污染防治方案", "行政规范性文件"), ("环评审批公示", "通知公告"))
    ):
        entry = svc.proactive.draft(CLERK, BODY, Publication(title, category, D(2025, 5 + n, 6)))
        a = entry.approval
        for who, step in ((CLERK, Step.SUBMIT), (REVIEWER, Step.APPROVE), (SECRECY, Step.SECRECY_PASS)):
            a = svc.approvals.step(who, BODY, a.id, step, a.version)
        a = svc.approvals.step(REVIEWER, BODY, a.id, Step.SIGN, a.version)
        svc.approvals.step(CLERK, BODY, a.id, Step.RELEASE, a.version, on=D(2025, 5 + n, 20))


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by its primary key (or by all columns when it has none)."""
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        out = {}
        with engine.connect() as c:
            for name in sorted(insp.get_table_names()):
                cols = [col["name"] for col in insp.get_columns(name)]
                key = insp.get_pk_constraint(name)["constrained_columns"] or cols
                t = table(name, *[_col(col) for col in cols])
                rows = c.execute(select(t).order_by(*[t.c[k] for k in key]))
                out[name] = [tuple(r) for r in rows]
        return out
    finally:
        engine.dispose()


def _col(name: str):
    from sqlalchemy import column

    return column(name)
