"""What the 主动公开 and 年度报告 pages ask of the service: section 二 from the catalogue and the entered
decision counts, the 第二十六条 late list, the report's standing against 第四十九条, its preview with the
checks and its files. On both backends."""

from __future__ import annotations

import io
from datetime import date as D
from decimal import Decimal

import docx
import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Step
from gongkai.errors import InputError, PermissionDenied
from gongkai.proactive import Publication
from gongkai.register.active import Document, YearlyCounts
from gongkai.reporting import ReportStatus
from gongkai.service import Services
from gongkai.store.errors import StoreError

TODAY = D(2026, 1, 12)
EDU = frozenset({Grant(Role.CLERK, body_id="edu"), Grant(Role.REVIEWER, body_id="edu")})
OFFICE = Actor("登记员兼负责人", grants=EDU | {Grant(Role.SECRECY, body_id="edu")})
GOV_CLERK = Actor("县政府登记员", grants=frozenset({Grant(Role.CLERK, body_id="gov")}))


@pytest.fixture
def svc(store):
    store.add_body("edu", "某县教育局", "管理员", kind="department")
    store.add_body("gov", "某县人民政府", "管理员", kind="government")
    return Services(store, today=lambda: TODAY)


def _publish(svc, pub: Publication, on: D) -> int:
    entry = svc.proactive.draft(OFFICE, "edu", pub)
    a = entry.approval
    for step in (Step.SUBMIT, Step.APPROVE, Step.SECRECY_PASS, Step.SIGN):
        a = svc.approvals.step(OFFICE, "edu", a.id, step, a.version)
    svc.approvals.step(OFFICE, "edu", a.id, Step.RELEASE, a.version, on=on)
    return entry.row.id


def _cells(tables) -> dict:
    return {cid: v for t in tables for r in t.rows for cid, v in r.cells}


def test_section_two_counts_the_catalogue_and_the_entered_decisions(svc):
    svc.records.add_document(OFFICE, "edu", Document("normative_documents", D(2023, 3, 1), title="旧办法"))
    first = _publish(
        svc, Publication("某县中小学学籍管理办法", "行政规范性文件", D(2025, 3, 3)), D(2025, 3, 20)
    )
    _publish(
        svc, Publication("某县校车安全管理规定", "规章", D(2025, 4, 1), doc_number="某政令1号"), D(2025, 4, 9)
    )
    _publish(svc, Publication("招生工作通知", "通知公告", D(2025, 5, 6)), D(2025, 5, 8))  # not section 二
    svc.proactive.repeal(OFFICE, "edu", first, D(2025, 11, 30))
    svc.records.set_counts(OFFICE, "edu", YearlyCounts(2025, 37, 5, 2, Decimal("12.5")))

    tables = svc.proactive.section_two(OFFICE, "edu", 2025)
    assert tables[0].heading == "第二十条第（一）项"
    assert [r.label for r in tables[0].rows] == ["规章", "行政规范性文件"]
    cells = _cells(tables)
    assert (cells["active.normative_documents.issued"], cells["active.normative_documents.repealed"]) == (
        1,
        1,
    )
    assert cells["active.normative_documents.in_force"] == 1  # the 2023 one; this year's was repealed
    assert (cells["active.regulations.issued"], cells["active.regulations.in_force"]) == (1, 1)
    assert cells["active.licensing.decisions"] == 37 and cells["active.penalties.decisions"] == 5
    assert cells["active.coercive_measures.decisions"] == 2 and cells["active.fees.amount"] == Decimal("12.5")
    # the same figures are what the report prints
    report = svc.annual.preview(OFFICE, "edu", 2025)
    assert all(report.cells[k] == v for k, v in cells.items())
    assert _cells(svc.proactive.section_two(OFFICE, "edu", 2024))["active.normative_documents.in_force"] == 1
    with pytest.raises(PermissionDenied):
        svc.proactive.section_two(GOV_CLERK, "edu", 2025)


def test_the_late_list_and_the_category_filter(svc):
    _publish(svc, Publication("及时发布的通知", "通知公告", D(2025, 12, 1)), D(2025, 12, 5))
    _publish(svc, Publication("迟发的规划", "规划计划", D(2025, 10, 9)), D(2025, 12, 1))
    svc.proactive.draft(OFFICE, "edu", Publication("未发布的预算说明", "财政预决算", D(2025, 11, 3)))
    late = {e.row.title: e for e in svc.proactive.late(OFFICE, "edu")}
    assert set(late) == {"迟发的规划", "未发布的预算说明"}
    # 20 working days from 10月9日, 10月11日 (Saturday) a 调休 working day: 11月5日; published 18 days late
    assert late["迟发的规划"].publish_by == D(2025, 11, 5) and late["迟发的规划"].late_days == 18
    assert late["未发布的预算说明"].row.status == "draft" and late["未发布的预算说明"].late_days > 0
    plans, total = svc.proactive.catalogue(OFFICE, "edu", category="planning")
    assert total == 1 and plans[0].row.title == "迟发的规划"


def test_standing_counts_down_to_the_due_date_of_article_49(svc):
    dept = svc.annual.standing(OFFICE, "edu", 2025)
    assert dept.status is ReportStatus.NOT_STARTED and dept.label == "未开始"
    assert (dept.due, dept.days_left) == (D(2026, 1, 31), 19)
    gov = svc.annual.standing(GOV_CLERK, "gov", 2025)
    assert (gov.due, gov.days_left) == (D(2026, 3, 31), 78)
    old = svc.annual.standing(OFFICE, "edu", 2024)
    assert old.status is ReportStatus.OVERDUE and old.days_left == -346
    assert svc.annual.working_year() == 2025

    svc.annual.save_narrative(OFFICE, "edu", 2025, {1: "一、总体情况正文", 5: "存在问题", 6: "其他事项"})
    assert svc.annual.standing(OFFICE, "edu", 2025).narrative[5] == "存在问题"
    svc.annual.submit(OFFICE, "edu", 2025, on=D(2026, 1, 8))
    s = svc.annual.standing(OFFICE, "edu", 2025)
    assert s.status is ReportStatus.SUBMITTED and s.submitted_on == D(2026, 1, 8) and not s.final
    svc.annual.publish(OFFICE, "edu", 2025, on=D(2026, 1, 10))
    s = svc.annual.standing(OFFICE, "edu", 2025)
    assert s.status is ReportStatus.PUBLISHED and s.published_on == D(2026, 1, 10) and s.final
    with pytest.raises(StoreError, match="已于2026-01-10公开"):
        svc.annual.save_narrative(OFFICE, "edu", 2025, {1: "改"})
    with pytest.raises(PermissionDenied):
        svc.annual.submit(GOV_CLERK, "gov", 2025)  # a clerk does not submit: the 负责人 does


def test_preview_html_carries_the_findings_and_the_files_the_narrative(svc):
    svc.records.set_counts(OFFICE, "edu", YearlyCounts(2025, 8, 3, 1, Decimal("0")))
    html = svc.annual.preview_html(OFFICE, "edu", 2025)
    assert "某县教育局2025年政府信息公开工作年度报告" in html
    assert "附件：检查发现的问题" in html and "缺少“一、总体情况”" in html
    svc.annual.save_narrative(OFFICE, "edu", 2025, {1: "本年度我局全面推进政务公开。", 5: "问题与改进。"})
    html = svc.annual.preview_html(OFFICE, "edu", 2025)
    assert "本年度我局全面推进政务公开。" in html and "缺少“一、总体情况”" not in html

    f = svc.annual.file(OFFICE, "edu", 2025, "docx")
    assert f.name == "某县教育局2025年政府信息公开工作年度报告.docx" and "wordprocessingml" in f.media_type
    doc = docx.Document(io.BytesIO(f.data))
    assert any(p.text == "本年度我局全面推进政务公开。" for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "8" in cells and "3" in cells
    page = svc.annual.file(OFFICE, "edu", 2025, "html")
    assert page.media_type.startswith("text/html") and "问题与改进。" in page.data.decode("utf-8")
    assert "附件：检查发现的问题" not in page.data.decode("utf-8")
    with pytest.raises(InputError, match="不支持的下载格式“pdf”"):
        svc.annual.file(OFFICE, "edu", 2025, "pdf")
    with pytest.raises(PermissionDenied):
        svc.annual.file(GOV_CLERK, "edu", 2025, "docx")


def test_a_published_entry_keeps_its_approval_history(svc):
    pub_id = _publish(svc, Publication("某县教育收费公示", "财政预决算", D(2025, 12, 29)), D(2026, 1, 5))
    assert svc.proactive.entry(OFFICE, "edu", pub_id).approval is None  # nothing left to approve
    done = svc.proactive.history(OFFICE, "edu", pub_id)
    assert [s.step for s in done.steps] == [
        Step.SUBMIT,
        Step.APPROVE,
        Step.SECRECY_PASS,
        Step.SIGN,
        Step.RELEASE,
    ]
    assert done.by(Step.SECRECY_PASS) == "登记员兼负责人"
    with pytest.raises(PermissionDenied):
        svc.proactive.history(GOV_CLERK, "edu", pub_id)
