"""The public portal's pages over the web foundation: the column of a body, search, applying with an
identity document, tracking, 补正, the answer and the rating; the office's confirmation and 指南; rate
limits, CSRF and headers."""

from __future__ import annotations

import re
from datetime import date as D

import pytest
from fastapi.testclient import TestClient

from gongkai.approval import Step
from gongkai.org.model import BodyProfile
from gongkai.proactive import Publication
from gongkai.register.events import event

from ..portal.samples import PERSON, pdf_bytes, png_bytes
from .conftest import csrf, post

pytestmark = pytest.mark.usefixtures("world")


@pytest.fixture(autouse=True)
def uploads(world, tmp_path):
    """Identity documents of these tests go to the test's own folder, never the working directory."""
    world.portal.data_dir = tmp_path / "uploads"
    return world.portal.data_dir


def _publish(svc, body, title, category="finance", summary="", text=""):
    pub_id = svc.store.add_publication(
        body, Publication(title, category, D(2026, 6, 1), summary, text=text), "测试"
    )
    svc.store.publish(body, pub_id, D(2026, 6, 10), "测试")
    return pub_id


def _apply(client: TestClient, body="edu", form=PERSON, upload=None):
    upload = upload or ("身份证.png", png_bytes(), "image/png")
    data = {"csrftoken": csrf(client), **{k: v for k, v in form.items() if v}}
    return client.post(f"/gk/{body}/apply", data=data, files={"id_document": upload})


def _code(html: str) -> str:
    return re.search(r'class="gk-code">([A-Z0-9-]+)<', html).group(1)


def test_the_column_of_a_body_shows_guide_rules_catalogue_and_reports(signed_in, world):
    _publish(world, "edu", "甲县教育局2026年部门预算", summary="收支总表。")
    _publish(world, "edu", "关于义务教育\n招生入学工作的通知", "announcement", text="适龄儿童于7月报名。")
    c = signed_in(None)
    home = c.get("/")
    assert home.status_code == 200 and 'href="/gk/edu/"' in home.text and "甲县教育局" in home.text
    col = c.get("/gk/edu/")
    assert "法定主动公开内容" in col.text and "甲县教育局2026年部门预算" in col.text
    guide = c.get("/gk/edu/guide")
    assert "依申请公开的程序" in guide.text and "第三十一条" in guide.text and "/gk/edu/apply" in guide.text
    assert "政府信息公开工作制度" in c.get("/gk/edu/rules").text
    found = c.get("/gk/edu/catalogue/", params={"q": "预算"})
    assert "共1条" in found.text and "甲县教育局2026年部门预算" in found.text
    assert "共1条" in c.get("/gk/edu/catalogue/", params={"q": "招生入学"}).text  # split across a line
    assert "共0条" in c.get("/gk/env/catalogue/", params={"q": "预算"}).text
    everywhere = c.get("/search", params={"q": "预算"})
    assert "共找到1条" in everywhere.text
    entry = c.get(re.search(r'href="(/gk/edu/catalogue/\d+)"', found.text).group(1))
    assert "索引号" in entry.text and "edu/2026-" in entry.text and "收支总表" in entry.text
    assert c.get("/gk/edu/reports/").status_code == 200
    assert c.get("/gk/edu/reports/2025.html").status_code == 404
    assert c.get("/gk/nosuch/").status_code == 404


def test_a_published_report_is_read_online_and_downloaded(signed_in, world):
    world.annual.publish(world_actor("reviewer"), "edu", 2025)
    c = signed_in(None)
    assert "2025年政府信息公开工作年度报告" in c.get("/gk/edu/reports/").text
    page = c.get("/gk/edu/reports/2025.html")
    assert page.status_code == 200 and "<table" in page.text
    assert "style-src 'sha256-" in page.headers["content-security-policy"]
    assert "script-src" not in page.headers["content-security-policy"]
    docx = c.get("/gk/edu/reports/2025.docx")
    assert docx.content[:2] == b"PK" and "filename*=UTF-8''" in docx.headers["content-disposition"]


def test_an_application_online_from_form_to_rating(signed_in, world, app):
    applicant = signed_in(None)
    form = applicant.get("/gk/edu/apply")
    assert 'enctype="multipart/form-data"' in form.text and 'for="f-id_number"' in form.text
    bad = _apply(applicant, form={**PERSON, "id_number": "320811198506152310", "phone": ""})
    assert bad.status_code == 422 and "校验码" in bad.text and "用于联系和查询办理进度" in bad.text
    assert 'value="韦明远"' in bad.text  # what was typed stays
    wrong_type = _apply(applicant, upload=("id.png", b"MZ\x90\x00" + b"\x00" * 100, "image/png"))
    assert wrong_type.status_code == 422 and "不是PDF、JPG或PNG" in wrong_type.text
    done = _apply(applicant)
    assert done.status_code == 200 and "查询码只显示这一次" in done.text
    code = _code(done.text)
    case = re.search(r"<dt>申请编号</dt><dd>([^<]+)</dd>", done.text).group(1)

    clerk = signed_in("clerk_a")
    office = clerk.get("/office/edu/portal/")
    assert case in office.text and "待确认收到（1件）" in office.text
    scan = clerk.get("/office/edu/portal/identity", params={"case_no": case})
    assert scan.content == png_bytes() and scan.headers["content-type"] == "image/png"
    assert (
        signed_in("clerk_b").get("/office/edu/portal/identity", params={"case_no": case}).status_code == 403
    )
    r = post(clerk, "/office/edu/portal/confirm", {"case_no": case, "on": "2026-06-30"})
    assert r.status_code == 303
    world.requests.record(
        world_actor("clerk"),
        "edu",
        case,
        event("correction_requested", D(2026, 6, 30), days=10, missing="描述"),
    )

    t = post(applicant, "/track", {"code": code.lower(), "phone": "2468"})
    assert "待补正" in t.text and "补正告知书" in t.text and "在线补正" in t.text
    assert "韦明远" not in t.text and PERSON["id_number"] not in t.text
    t = post(
        applicant,
        "/track/correction",
        {"code": code, "phone": "2468", "text": "所需为2026年第二季度的分配表。"},
    )
    assert t.status_code == 200 and "办理中" in t.text and "所需为2026年第二季度的分配表。" in t.text

    release_answer(world, case)
    profile = BodyProfile(
        office_name="甲县教育局办公室",
        phone="0571-86120345",
        doc_prefix="甲教公开",
        reconsideration_body="甲县人民政府",
    )
    world.store.set_profile("edu", profile, "测试")
    r = post(clerk, "/office/edu/portal/deliver", {"case_no": case, "kind": "answer"})
    assert "已向网上申请人送达" in clerk.get(r.headers["location"]).text
    t = post(applicant, "/track", {"code": code, "phone": "2468"})
    assert "已答复" in t.text and "评价本次答复" in t.text
    download = re.search(r'action="(/track/download/\d+)"', t.text).group(1)
    assert post(applicant, download, {"code": code, "phone": "9999"}).status_code == 404
    doc = post(applicant, download, {"code": code, "phone": "2468"})
    assert doc.content[:2] == b"PK" and "no-store" in doc.headers["cache-control"]
    t = post(
        applicant, "/track/rate", {"code": code, "phone": "2468", "rating": "satisfied", "comment": "很及时"}
    )
    assert "您的评价" in t.text and "满意" in t.text
    assert "很及时" in clerk.get("/office/edu/portal/").text


def release_answer(svc, case: str) -> None:
    """The office answers 予以公开: drafted, reviewed, checked for secrets, signed and released."""
    a = svc.approvals.draft_answer(world_actor("clerk"), "edu", case, kind="予以公开", provision="网上获取")
    for who, step in (
        ("clerk", Step.SUBMIT),
        ("reviewer", Step.APPROVE),
        ("secrecy", Step.SECRECY_PASS),
        ("reviewer", Step.SIGN),
        ("clerk", Step.RELEASE),
    ):
        a = svc.approvals.step(world_actor(who), "edu", a.id, step, a.version)


def world_actor(role: str):
    from gongkai.access import Actor, Grant, Role

    names = {
        "clerk": ("登记员甲", Role.CLERK),
        "reviewer": ("负责人乙", Role.REVIEWER),
        "secrecy": ("保密员丙", Role.SECRECY),
    }
    name, r = names[role]
    return Actor(name, grants=frozenset({Grant(r, "edu")}))


def test_the_guide_is_edited_by_the_reviewer_only(signed_in):
    clerk = signed_in("clerk_a")
    sidenav = re.search(r'class="sidenav".*?</nav>', clerk.get("/office/edu/").text, re.S).group(0)
    assert "网上申请" in sidenav and "公开指南" not in sidenav
    page = clerk.get("/office/edu/portal/guide")
    assert "只有单位管理员或审核人" in page.text
    assert (
        post(
            clerk, "/office/edu/portal/guide", {"office_name": "x", "rules": "y", "version": "0"}
        ).status_code
        == 403
    )
    boss = signed_in("reviewer_a")
    form = boss.get("/office/edu/portal/guide")
    values = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', form.text))
    values.update(hours="工作日 8:30—17:30", rules="甲县教育局政府信息公开工作制度\n一、……", version="0")
    values.pop("csrftoken", None)
    assert post(boss, "/office/edu/portal/guide", values).status_code == 303
    assert "工作日 8:30—17:30" in signed_in(None).get("/gk/edu/guide").text
    stale = post(boss, "/office/edu/portal/guide", values)
    assert stale.status_code == 409 and "已被他人修改" in stale.text


def test_applying_and_tracking_are_rate_limited_per_client_and_resume(signed_in, app):
    app.state.portal_rates = {"apply": "2/minute", "track": "3/minute"}
    c = signed_in(None)
    for _ in range(3):
        assert post(c, "/track", {"code": "AAAAA", "phone": "1234"}).status_code == 404
    refused = post(c, "/track", {"code": "AAAAA", "phone": "1234"})
    assert refused.status_code == 429 and "操作过于频繁" in refused.text
    assert _apply(c).status_code == 200 and _apply(c).status_code == 200
    assert _apply(c).status_code == 429
    app.state.limiter.reset()  # the window passes
    assert post(c, "/track", {"code": "AAAAA", "phone": "1234"}).status_code == 404


def test_forms_need_the_csrf_token_and_pages_carry_security_headers(signed_in):
    c = signed_in(None)
    page = c.get("/gk/edu/apply")
    assert page.headers["x-frame-options"] == "DENY" and page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert '<html lang="zh-CN">' in page.text
    r = c.post(
        "/gk/edu/apply",
        data={"csrftoken": "forged", **PERSON},
        files={"id_document": ("a.png", png_bytes(), "image/png")},
    )
    assert r.status_code == 403
    r = c.post("/track", data={"code": "x", "phone": "1"})
    assert r.status_code == 403


def test_the_larger_text_mode_is_a_link_that_needs_no_script(signed_in):
    c = signed_in(None)
    assert "portal-large.css" not in c.get("/gk/edu/").text
    r = c.get("/text-size", params={"large": 1, "next": "/gk/edu/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/gk/edu/"
    assert "portal-large.css" in c.get("/gk/edu/").text and "标准字号" in c.get("/gk/edu/").text
    evil = c.get("/text-size", params={"large": 0, "next": "https://evil.example/"}, follow_redirects=False)
    assert evil.headers["location"] == "/"
    assert "portal-large.css" not in c.get("/gk/edu/").text


def test_a_pdf_identity_document_is_accepted(signed_in):
    c = signed_in(None)
    assert "查询码" in _apply(c, upload=("营业执照.pdf", pdf_bytes(), "application/pdf")).text
