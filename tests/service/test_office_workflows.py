"""What an office releases goes through 拟稿 → 审核 → (保密审查) → 签发 → 发布; the catalogue's 第二十六条
timeliness; the annual report drafted, submitted and published. On both backends."""

from __future__ import annotations

from datetime import date as D

import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Stage, Step
from gongkai.errors import ConflictError, InputError, PermissionDenied
from gongkai.proactive import Publication
from gongkai.register import Request
from gongkai.service import Services

TODAY = D(2025, 6, 30)


def _actor(name, *roles, body="edu"):
    return Actor(name, grants=frozenset(Grant(r, body_id=body) for r in roles))


CLERK = _actor("登记员甲", Role.CLERK)
REVIEWER = _actor("负责人乙", Role.REVIEWER)
SECRECY = _actor("保密员丙", Role.SECRECY)
OTHER = _actor("他局负责人", Role.REVIEWER, body="env")


@pytest.fixture
def svc(store):
    store.add_body("edu", "某区教育局", "管理员", kind="department")
    store.add_body("env", "某区环境局", "管理员")
    return Services(store, today=lambda: TODAY)


def _request(svc, case="2025-001", received=D(2025, 6, 2)):
    svc.requests.register(
        CLERK,
        "edu",
        Request(case, "natural_person", "in_person", received, content="x", submitted_on=received),
    )


def test_an_answer_released_after_review_secrecy_and_signature(svc):
    _request(svc)
    a = svc.approvals.draft_answer(CLERK, "edu", "2025-001", kind="予以公开", provision="邮寄纸质文本")
    assert a.stage is Stage.DRAFT and a.secrecy  # 予以公开 discloses: a 保密审查 first
    with pytest.raises(PermissionDenied):
        svc.approvals.step(CLERK, "edu", a.id, Step.APPROVE, a.version)  # a clerk does not approve
    a = svc.approvals.step(CLERK, "edu", a.id, Step.SUBMIT, a.version)
    with pytest.raises(InputError, match="退回修改须写明意见"):
        svc.approvals.step(REVIEWER, "edu", a.id, Step.RETURN, a.version)
    a = svc.approvals.step(REVIEWER, "edu", a.id, Step.RETURN, a.version, "请写明邮寄地址")
    assert a.stage is Stage.DRAFT and a.steps[-1].comment == "请写明邮寄地址"
    a = svc.approvals.draft_answer(CLERK, "edu", "2025-001", kind="予以公开", provision="邮寄至申请人地址")
    a = svc.approvals.step(CLERK, "edu", a.id, Step.SUBMIT, a.version)
    a = svc.approvals.step(REVIEWER, "edu", a.id, Step.APPROVE, a.version)
    assert a.stage is Stage.SECRECY
    with pytest.raises(PermissionDenied):
        svc.approvals.step(REVIEWER, "edu", a.id, Step.SECRECY_PASS, a.version)
    with pytest.raises(InputError, match="当前为“待保密审查”，不能“签发”"):
        svc.approvals.step(REVIEWER, "edu", a.id, Step.SIGN, a.version)
    a = svc.approvals.step(SECRECY, "edu", a.id, Step.SECRECY_PASS, a.version)
    stale = a.version
    a = svc.approvals.step(REVIEWER, "edu", a.id, Step.SIGN, a.version)
    with pytest.raises(ConflictError):
        svc.approvals.step(CLERK, "edu", a.id, Step.RELEASE, stale)
    assert svc.requests.get(CLERK, "edu", "2025-001").state.state.value == "in_progress"  # not yet released
    a = svc.approvals.step(CLERK, "edu", a.id, Step.RELEASE, a.version, on=D(2025, 6, 20))
    assert a.stage is Stage.RELEASED
    got = svc.requests.get(CLERK, "edu", "2025-001")
    assert got.state.outcome == "granted" and got.state.closed_on == D(2025, 6, 20)
    assert got.events[-1].signed_by == "负责人乙"
    with pytest.raises(PermissionDenied):
        svc.approvals.get(OTHER, "edu", a.id)


def test_an_answer_that_discloses_nothing_needs_no_secrecy_review(svc):
    _request(svc)
    a = svc.approvals.draft_answer(CLERK, "edu", "2025-001", kind="信息不存在")
    a = svc.approvals.step(CLERK, "edu", a.id, Step.SUBMIT, a.version)
    a = svc.approvals.step(REVIEWER, "edu", a.id, Step.APPROVE, a.version)
    assert a.stage is Stage.SIGN
    with pytest.raises(InputError, match="须先要求申请人说明理由"):
        svc.approvals.draft_answer(CLERK, "edu", "2025-001", outcome="not_handled.excessive")


def test_the_catalogue_and_its_timeliness(svc, store):
    entry = svc.proactive.draft(
        CLERK,
        "edu",
        Publication("某区义务教育招生办法", "行政规范性文件", D(2025, 5, 6), doc_number="某教规〔2025〕1号"),
    )
    assert entry.row.status == "draft" and entry.publish_by == D(2025, 6, 4)
    assert entry.late and entry.late_days == 18  # unpublished on 6/30: 18 working days past 6/4
    a = entry.approval
    for who, step in (
        (CLERK, Step.SUBMIT),
        (REVIEWER, Step.APPROVE),
        (SECRECY, Step.SECRECY_PASS),
        (REVIEWER, Step.SIGN),
    ):
        a = svc.approvals.step(who, "edu", a.id, step, a.version)
    assert svc.proactive.entry(CLERK, "edu", entry.row.id).row.status == "approving"
    a = svc.approvals.step(CLERK, "edu", a.id, Step.RELEASE, a.version, on=D(2025, 6, 3))
    e = svc.proactive.entry(CLERK, "edu", entry.row.id)
    assert e.row.status == "published" and e.row.index_no == f"edu/2025-{entry.row.id:05d}" and not e.late
    cells = store.annual_report("edu", 2025).cells
    assert (
        cells["active.normative_documents.issued"] == 1 and cells["active.normative_documents.in_force"] == 1
    )
    svc.proactive.repeal(CLERK, "edu", entry.row.id, D(2025, 6, 28))
    cells = store.annual_report("edu", 2025).cells
    assert (
        cells["active.normative_documents.repealed"] == 1
        and cells["active.normative_documents.in_force"] == 0
    )
    late = svc.proactive.draft(CLERK, "edu", Publication("某通知", "通知公告", D(2025, 4, 1)))
    assert [e.row.title for e in svc.proactive.late(CLERK, "edu")] == [late.row.title]


def test_the_annual_report_drafted_submitted_and_published(svc):
    _request(svc, received=D(2025, 3, 3))
    assert svc.annual.status(CLERK, "edu", 2025).value == "not_started"
    svc.annual.save_narrative(CLERK, "edu", 2025, {1: "本年度依法办理。", 5: "人手不足。", 6: "无。"})
    assert svc.annual.status(CLERK, "edu", 2025).value == "draft"
    preview = svc.annual.preview(CLERK, "edu", 2025)
    assert preview.sections[1] == "本年度依法办理。" and preview.cells["requests.received.total"] == 1
    with pytest.raises(PermissionDenied):
        svc.annual.submit(CLERK, "edu", 2025)
    svc.annual.submit(REVIEWER, "edu", 2025)
    assert svc.annual.status(REVIEWER, "edu", 2025).value == "submitted"
    svc.annual.publish(REVIEWER, "edu", 2025, on=D(2025, 6, 29))
    assert svc.annual.status(CLERK, "edu", 2025).value == "published"
    with pytest.raises(Exception, match="已于2025-06-29公开"):
        svc.annual.save_narrative(CLERK, "edu", 2025, {1: "改"})
    _request(svc, "2025-002", D(2025, 6, 3))  # the published report is final: later work does not change it
    assert svc.annual.preview(CLERK, "edu", 2025).cells["requests.received.total"] == 1
