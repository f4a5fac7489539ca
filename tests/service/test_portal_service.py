"""The portal's services on both backends: the 指南 edited by the office, the catalogue searched in Chinese,
an application made online and followed to its rated answer, the applicant's data kept to the office,
identity documents purged after the case closes."""

from __future__ import annotations

from datetime import date as D

import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Step
from gongkai.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from gongkai.org.model import BodyProfile, Region
from gongkai.portal import Guide
from gongkai.proactive import Publication
from gongkai.register.events import event
from gongkai.service import Services

from ..portal.samples import COMPANY, PERSON, pdf_bytes, png_bytes


def _actor(name, *roles, body="hbj"):
    return Actor(name, grants=frozenset(Grant(r, body_id=body) for r in roles))


CLERK = _actor("登记员许静", Role.CLERK)
REVIEWER = _actor("科长陶然", Role.REVIEWER)
SECRECY = _actor("保密员严谨", Role.SECRECY)
OUTSIDER = _actor("他局登记员", Role.CLERK, body="jyj")
SUPERVISOR = Actor("政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="320800")}))
ADMIN = Actor.operator("系统管理员")


class Clock:
    def __init__(self, day):
        self.day = day

    def __call__(self):
        return self.day


@pytest.fixture
def clock():
    return Clock(D(2025, 9, 15))


@pytest.fixture
def svc(store, clock, tmp_path):
    store.add_region(Region("320800", "淮安市", "city"), "管理员")
    profile = BodyProfile(office_name="淮安市生态环境局办公室", phone="0517-83662301", doc_prefix="淮环公开")
    store.add_body("hbj", "淮安市生态环境局", "管理员", "320800", profile=profile)
    store.add_body("jyj", "淮安市教育局", "管理员", "320800")
    return Services(store, today=clock, data_dir=tmp_path / "data")


# ---------------------------------------------------------------------------------------------- 指南


def test_the_guide_starts_from_the_profile_and_is_edited_by_the_reviewer(svc):
    g = svc.portal.guide("hbj")
    assert (
        g.version == 0
        and g.guide.office_name == "淮安市生态环境局办公室"
        and g.guide.phone == "0517-83662301"
    )
    edited = g.guide.with_changes(hours="周一至周五 8:30—12:00，14:00—17:30", fax="0517-83662399")
    with pytest.raises(PermissionDenied):
        svc.portal.save_guide(CLERK, "hbj", edited, g.rules, 0)
    with pytest.raises(PermissionDenied):
        svc.portal.save_guide(_actor("教育局负责人", Role.REVIEWER, body="jyj"), "hbj", edited, g.rules, 0)
    saved = svc.portal.save_guide(REVIEWER, "hbj", edited, g.rules + "\n六、本制度自2025年10月1日起施行。", 0)
    assert saved.version == 1 and saved.guide.fax == "0517-83662399" and saved.rules.endswith("起施行。")
    with pytest.raises(ConflictError):
        svc.portal.save_guide(REVIEWER, "hbj", Guide(office_name="旧稿"), g.rules, 0)
    with pytest.raises(InputError, match="制度不能为空"):
        svc.portal.save_guide(REVIEWER, "hbj", edited, "  ", 1)
    assert svc.portal.guide("jyj").version == 0  # another body still has its generated guide


# ---------------------------------------------------------------------------------------------- search

ENTRIES = [
    (
        "关于印发淮安市大气污染防治2025年度工作计划的通知",
        "planning",
        "明确年度PM2.5浓度下降目标和重点任务。",
        "",
    ),
    ("淮安市生态环境局2025年部门预算", "finance", "部门收支预算总表、财政拨款支出表。", "淮环财〔2025〕3号"),
    ("淮安市生态\n环境局机构职能", "organisation", "内设机构、\n职责和领导\n分工。", ""),
    (
        "关于开展2025年度排污许可证执法检查的公告",
        "enforcement",
        "检查对象为重点排污单位，\r\n检查时间为9月。",
        "",
    ),
]


def _publish(store, body, title, category, summary, number, on):
    pub_id = store.add_publication(body, Publication(title, category, D(2025, 8, 1), summary, number), "许静")
    store.publish(body, pub_id, on, "许静")
    return pub_id


@pytest.fixture
def catalogue(svc, store):
    ids = [_publish(store, "hbj", *e, D(2025, 8, 10 + i)) for i, e in enumerate(ENTRIES)]
    ids.append(
        _publish(store, "jyj", "淮安市教育局2025年部门预算", "finance", "教育经费。", "", D(2025, 8, 20))
    )
    store.add_publication("hbj", Publication("尚未发布的大气污染预算草稿", "finance", D(2025, 8, 1)), "许静")
    return ids


def _titles(svc, query, body="hbj", **kw):
    rows, total = svc.portal.catalogue(body, query, **kw)
    assert total == len(rows)
    return [r.title.replace("\n", "") for r in rows]


def test_the_catalogue_is_searched_in_chinese_on_published_entries_only(svc, catalogue):
    assert _titles(svc, "大气污染防治") == [ENTRIES[0][0]]  # a trigram query
    assert _titles(svc, "预算") == ["淮安市生态环境局2025年部门预算"]  # two characters; drafts never appear
    assert _titles(svc, "预算", body=None) == ["淮安市教育局2025年部门预算", "淮安市生态环境局2025年部门预算"]
    assert _titles(svc, "生态环境局机构") == ["淮安市生态环境局机构职能"]  # split across a line in the title
    assert _titles(svc, "领导分工") == ["淮安市生态环境局机构职能"]  # and in the summary
    assert _titles(svc, "重点排污单位") == [ENTRIES[3][0]]
    assert _titles(svc, "检查 9月") == [ENTRIES[3][0]]  # every term must occur
    assert _titles(svc, "淮环财〔2025〕3号") == ["淮安市生态环境局2025年部门预算"]  # the 文号
    assert _titles(svc, "pm2.5") == [ENTRIES[0][0]]  # Latin letters in any case
    assert _titles(svc, "%") == [] and _titles(svc, "水") == [] and _titles(svc, "土壤污染") == []
    assert _titles(svc, "2025", category="finance") == ["淮安市生态环境局2025年部门预算"]
    assert len(_titles(svc, "")) == 4  # no query: the body's whole published catalogue
    assert len(_titles(svc, "", body=None, region_id="320800")) == 5
    rows, total = svc.portal.catalogue("hbj", "2025", limit=2, offset=2)
    assert total == 3 and len(rows) == 1


def test_a_changed_entry_is_found_by_its_new_words(svc, store, catalogue):
    pub_id = store.add_publication(
        "hbj", Publication("饮用水源地名录", "announcement", D(2025, 8, 1)), "许静"
    )
    store.update_publication(
        "hbj", pub_id, Publication("集中式饮用水水源地名录", "announcement", D(2025, 8, 2)), "许静"
    )
    store.publish("hbj", pub_id, D(2025, 8, 25), "许静")
    assert _titles(svc, "集中式") == ["集中式饮用水水源地名录"]
    assert svc.portal.entry("hbj", pub_id).index_no.startswith("hbj/2025-")
    with pytest.raises(NotFoundError):
        svc.portal.entry(
            "hbj", store.add_publication("hbj", Publication("草稿", "other", D(2025, 8, 1)), "x")
        )


# ---------------------------------------------------------------------------------------------- applying


def test_an_application_made_online_is_followed_to_its_rated_answer(svc, clock, tmp_path):
    receipt = svc.portal.apply("hbj", PERSON, png_bytes(), "身份证正面.png")
    assert receipt.body_name == "淮安市生态环境局" and receipt.case_no.startswith("网申2025-")
    case = receipt.case_no
    # in the office's register: received online, awaiting confirmation, with the applicant's details
    pending = svc.portal.unconfirmed(CLERK, "hbj")
    assert [s.case_no for s in pending] == [case] and svc.portal.confirmed(CLERK, "hbj") == []
    view = svc.requests.get(CLERK, "hbj", case)
    assert view.request.applicant_name == "韦明远" and view.request.channel.value == "online"
    assert view.log[0].recorded_by == "网上申请"
    mime, scan = svc.portal.identity_document(CLERK, "hbj", case)
    assert mime == "image/png" and scan == png_bytes()
    with pytest.raises(PermissionDenied):
        svc.portal.identity_document(SUPERVISOR, "hbj", case)
    t = svc.portal.track(receipt.code, "2468")
    assert t.state_label == "已提交，待确认收到" and t.due_on is None and t.content == PERSON["content"]

    clock.day = D(2025, 9, 17)
    view = svc.portal.confirm(CLERK, "hbj", case)
    assert view.request.received_on == D(2025, 9, 17) == view.request.confirmed_on
    assert view.state.due == D(2025, 10, 21)  # 20 working days from confirmation, 国庆 skipped
    assert svc.portal.unconfirmed(CLERK, "hbj") == []
    assert [s.case_no for s in svc.portal.confirmed(CLERK, "hbj")] == [case]
    with pytest.raises(InputError, match="已于2025-09-17确认收到"):
        svc.portal.confirm(CLERK, "hbj", case)

    clock.day = D(2025, 9, 19)
    svc.requests.record(
        CLERK, "hbj", case, event("correction_requested", D(2025, 9, 19), days=10, missing="description")
    )
    t = svc.portal.track(receipt.code.lower(), "13951782468")
    assert t.awaiting_correction and t.notices[0].kind == "补正告知书" and "10个工作日" in t.notices[0].text
    clock.day = D(2025, 9, 24)
    t = svc.portal.answer_correction(receipt.code, "2468", "所需信息为清江浦区2025年7—9月的资金分配表。")
    assert t.state == "in_progress" and t.corrections == [
        (D(2025, 9, 24), "所需信息为清江浦区2025年7—9月的资金分配表。")
    ]
    log = svc.requests.get(CLERK, "hbj", case).log
    assert log[-1].event.type.value == "correction_received" and log[-1].recorded_by == "申请人（网上补正）"
    with pytest.raises(InputError, match="不需要补正"):
        svc.portal.answer_correction(receipt.code, "2468", "再补一次")

    with pytest.raises(InputError, match="答复作出后"):
        svc.portal.rate(receipt.code, "2468", "满意")
    with pytest.raises(InputError, match="尚未签发"):
        svc.portal.deliver(CLERK, "hbj", case, "答复书")
    clock.day = D(2025, 10, 9)
    a = svc.approvals.draft_answer(CLERK, "hbj", case, kind="予以公开", provision="以电子邮件发送分配表")
    a = svc.approvals.step(CLERK, "hbj", a.id, Step.SUBMIT, a.version)
    a = svc.approvals.step(REVIEWER, "hbj", a.id, Step.APPROVE, a.version)
    a = svc.approvals.step(SECRECY, "hbj", a.id, Step.SECRECY_PASS, a.version)
    a = svc.approvals.step(REVIEWER, "hbj", a.id, Step.SIGN, a.version)
    svc.approvals.step(CLERK, "hbj", a.id, Step.RELEASE, a.version)
    d = svc.portal.deliver(CLERK, "hbj", case, "答复书")
    assert d.doc_no.startswith("淮环公开〔2025〕") and d.kind == "答复书"
    t = svc.portal.track(receipt.code, "2468")
    assert t.state_label == "已答复" and t.closed_on == D(2025, 10, 9) and t.may_rate
    assert [x.kind for x in t.notices] == ["补正告知书", "答复书"] and t.downloads[0].id == d.id
    filename, docx = svc.portal.download(receipt.code, "2468", d.id)
    assert filename.endswith("答复书.docx") and docx[:2] == b"PK"
    with pytest.raises(NotFoundError):
        svc.portal.download(receipt.code, "2468", d.id + 99)

    t = svc.portal.rate(receipt.code, "2468", "基本满意", "答复及时，但表格为扫描件。")
    assert t.rating == "基本满意" and not t.may_rate
    with pytest.raises(ConflictError, match="只能评价一次"):
        svc.portal.rate(receipt.code, "2468", "满意")
    assert [(r.case_no, r.rating, r.comment) for r in svc.portal.ratings(CLERK, "hbj")] == [
        (case, "基本满意", "答复及时，但表格为扫描件。")
    ]
    with pytest.raises(PermissionDenied):
        svc.portal.ratings(SUPERVISOR, "hbj")  # comments may name people: the body's staff only
    summaries = svc.portal.rating_summaries(SUPERVISOR, "320800", 2025)
    assert [(s.body_id, s.total, s.mostly) for s in summaries] == [("hbj", 1, 1), ("jyj", 0, 0)]
    assert "满意率（含基本满意）为100%" in svc.portal.report_sentence(REVIEWER, "hbj", 2025)
    with pytest.raises(PermissionDenied):
        svc.portal.rating_summaries(OUTSIDER, "320800")


def test_a_wrong_code_or_phone_learns_nothing(svc):
    receipt = svc.portal.apply("hbj", COMPANY, pdf_bytes(), "营业执照.pdf")
    other_last = "Y" if receipt.code.endswith("Z") else "Z"  # a code differing in one character
    for code, phone in (
        (receipt.code, "6528"),
        (receipt.code[:-1] + other_last, "6527"),
        ("", "6527"),
        (receipt.code, ""),
    ):
        with pytest.raises(NotFoundError) as e:
            svc.portal.track(code, phone)
        assert str(e.value) == "查询码或电话号码后四位不正确"
    assert svc.portal.track(receipt.code, "0517-83916527").case_no == receipt.case_no


def test_a_refused_application_leaves_nothing_behind(svc, tmp_path):
    with pytest.raises(InputError, match="不是PDF、JPG或PNG"):
        svc.portal.apply("hbj", PERSON, b"<html>not an image</html>", "id.png")
    with pytest.raises(InputError, match="请上传身份证明"):
        svc.portal.apply("hbj", PERSON, None)
    with pytest.raises(InputError, match="证件号码"):
        svc.portal.apply("hbj", {**PERSON, "id_number": "320811198506152310"}, png_bytes(), "id.png")
    with pytest.raises(NotFoundError):
        svc.portal.apply("nosuch", PERSON, png_bytes(), "id.png")
    assert svc.requests.list(CLERK, "hbj").total == 0
    assert not list((tmp_path / "data").glob("identity/*"))


def test_identity_documents_are_purged_a_set_time_after_the_case_closes(svc, clock, tmp_path):
    open_case = svc.portal.apply("hbj", PERSON, png_bytes(), "a.png")
    closed = svc.portal.apply("hbj", COMPANY, pdf_bytes(), "b.pdf")
    clock.day = D(2025, 9, 16)
    svc.portal.confirm(CLERK, "hbj", closed.case_no)
    clock.day = D(2025, 9, 18)
    svc.requests.record(CLERK, "hbj", closed.case_no, event("withdrawn", D(2025, 9, 18)))
    with pytest.raises(PermissionDenied):
        svc.portal.purge(CLERK, days=30)
    assert svc.portal.purge(ADMIN, days=30, as_of=D(2025, 10, 17)) == []  # 29 days after closing
    assert svc.portal.purge(ADMIN, days=30, as_of=D(2025, 10, 18)) == [f"hbj/{closed.case_no}"]
    with pytest.raises(NotFoundError, match="已按期删除"):
        svc.portal.identity_document(CLERK, "hbj", closed.case_no)
    assert svc.portal.identity_document(CLERK, "hbj", open_case.case_no)[1] == png_bytes()
    assert len(list((tmp_path / "data").glob("identity/*"))) == 1
    assert svc.portal.purge(ADMIN, days=30, as_of=D(2026, 1, 1)) == []  # nothing twice


def test_only_published_annual_reports_are_public(svc, clock):
    clock.day = D(2026, 1, 20)
    svc.annual.save_narrative(CLERK, "hbj", 2025, {1: "2025年，本局坚持以公开为常态。"})
    assert svc.portal.reports("hbj") == []
    with pytest.raises(NotFoundError, match="2025年度报告尚未公开"):
        svc.portal.report("hbj", 2025)
    svc.annual.publish(REVIEWER, "hbj", 2025)
    assert svc.portal.reports("hbj") == [(2025, D(2026, 1, 20))]
    report = svc.portal.report("hbj", 2025)
    assert report.year == 2025 and "以公开为常态" in report.sections[1]
