"""The request pages on SQLite and PostgreSQL: register, record events, errors beside their fields, the
answer through 拟稿 → 审核 → 保密审查 → 签发, the 答复书 as DOCX, the list's filters, voiding."""

from __future__ import annotations

import io
from urllib.parse import quote

import docx
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from tests.web.conftest import ADMIN, post

from gongkai.dates import in_beijing

CASE = "甲教公开〔2026〕7号"
URL = f"/office/edu/requests/{quote(CASE, safe='')}"


def register(c, **over):
    form = {
        "case_no": CASE,
        "applicant_type": "natural_person",
        "channel": "in_person",
        "received_on": "2026-06-01",
        "content": "某学校校舍安全鉴定报告",
        "applicant_name": "张伟",
        "applicant_contact": "13900001111",
        **over,
    }
    return post(c, "/office/edu/requests", form)


def errors(html: str) -> dict[str, str]:
    """The error shown beside each field: {field name: message}."""
    out = {}
    for div in HTMLParser(html).css(".field.has-error"):
        control = div.css_first("input, select, textarea")
        name = control.attributes.get("name") if control else div.css_first("legend").text()
        out[name] = div.css_first(".error").text()
    return out


def test_registering_shows_errors_beside_the_fields(signed_in):
    c = signed_in("clerk_a")
    r = register(c, case_no="", channel="")
    assert r.status_code == 422
    assert errors(r.text) == {"case_no": "请填写案号", "channel": "请填写申请渠道"}
    assert 'value="某学校校舍安全鉴定报告"' not in r.text and "某学校校舍安全鉴定报告" in r.text  # kept
    r = register(c, received_on="2026-07-20")
    assert r.status_code == 422 and "晚于今天" in errors(r.text)["received_on"]
    r = register(c)
    assert r.status_code == 303 and r.headers["location"] == URL
    page = c.get(URL)
    assert "已登记申请" in page.text and "答复期限2026-06-30" in page.text  # 20 working days (端午 6/19)
    assert "张伟" in page.text  # the applicant, for the body's own staff
    assert register(c).status_code in (400, 409, 422)  # the same case number twice


def test_a_correction_round_and_its_errors(signed_in, world):
    c = signed_in("clerk_a")
    register(c)
    r = post(
        c, f"{URL}/events", {"type": "correction_requested", "date": "2026-06-03", "missing.description": "1"}
    )
    assert r.status_code == 422 and "补正期限" in errors(r.text)["days"]
    assert "open" in HTMLParser(r.text).css_first("details.action[open]").attributes
    r = post(
        c,
        f"{URL}/events",
        {"type": "correction_requested", "date": "2026-06-03", "days": "10", "missing.description": "1"},
    )
    assert r.status_code == 303
    view = world.requests.get(ADMIN, "edu", CASE)
    assert view.stored.state.state.value == "awaiting_correction"
    assert view.events[-1].missing == ("description",)
    r = post(c, f"{URL}/events", {"type": "correction_received", "date": "2026-06-10"})
    assert r.status_code == 303
    page = c.get(URL).text
    assert "收到补正" in page and "需补正的内容：申请公开的政府信息的名称" in page
    r = post(
        c, f"{URL}/events", {"type": "extended", "date": "2026-06-12", "days": "20", "notified": "2026-06-12"}
    )
    assert r.status_code == 422 and "批准人" in errors(r.text)["approved_by"]


def test_an_answer_goes_through_review_secrecy_and_signature_and_counts_in_the_report(signed_in, world):
    clerk, reviewer, secrecy = signed_in("clerk_a"), signed_in("reviewer_a"), signed_in("secrecy_a")
    register(clerk)
    before = world.store.annual_report("edu", 2026).cells["requests.granted.total"]
    r = post(clerk, f"{URL}/answer", {"kind": ""})
    assert r.status_code == 422 and errors(r.text)["kind"] == "请选择答复类型或办理结果"
    assert post(clerk, f"{URL}/answer", {"kind": "provided", "provision": "电子邮件发送"}).status_code == 303

    def step(client, name, **extra):
        page = HTMLParser(client.get(URL).text)
        form = page.css_first("form.approval-form")
        assert form is not None, "no approval buttons"
        buttons = [b.attributes["value"] for b in form.css("button[name=step]")]
        assert name in buttons, buttons
        version = form.css_first("input[name=version]").attributes["value"]
        action = form.attributes["action"]
        return post(client, action, {"step": name, "version": version, **extra})

    assert step(clerk, "submit").status_code == 303
    assert (
        HTMLParser(clerk.get(URL).text).css_first("form.approval-form") is None
    )  # nothing for the clerk now
    approval = world.approvals.for_answer(ADMIN, "edu", CASE)
    r = post(
        clerk,
        f"/office/edu/requests/{quote(CASE, safe='')}/approval/{approval.id}",
        {"step": "approve", "version": str(approval.version)},
    )
    assert r.status_code == 403  # a clerk does not approve
    r = step(reviewer, "return")
    assert r.status_code == 422 and errors(r.text)["comment"] == "退回修改须写明意见"
    assert step(reviewer, "approve").status_code == 303
    assert "待保密审查" in reviewer.get(URL).text  # 予以公开 discloses: a 保密审查 first
    assert step(secrecy, "secrecy_pass").status_code == 303
    assert step(reviewer, "sign").status_code == 303
    r = step(clerk, "release", on="2026-06-20")
    assert r.status_code == 303
    view = world.requests.get(ADMIN, "edu", CASE)
    assert view.stored.state.state.value == "answered" and view.events[-1].signed_by == "负责人乙"
    assert world.store.annual_report("edu", 2026).cells["requests.granted.total"] == before + 1
    # the 答复书, generated from the register and numbered
    r = post(clerk, f"{URL}/notices", {"kind": "answer", "provision": "电子邮件发送"})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert "答复书.docx" in r.headers["content-disposition"].replace("%E7%AD%94%E5%A4%8D%E4%B9%A6", "答复书")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "张伟" in text and "政府信息公开申请答复书" in text


def test_the_list_filters_searches_and_pages(signed_in):
    c = signed_in("clerk_a")
    for i in range(1, 28):
        register(
            c,
            case_no=f"甲教公开〔2026〕{i}号",
            content="校舍" if i % 2 else "招生",
            applicant_type="natural_person" if i < 20 else "commercial",
        )
    r = c.get("/office/edu/requests")
    assert "共 <strong>27</strong> 件" in r.text and "第1页 / 共2页" in r.text
    assert ">甲教公开〔2026〕2号<" not in r.text  # the two registered first are on page 2 (newest first)
    page2 = c.get("/office/edu/requests?offset=25").text
    assert ">甲教公开〔2026〕2号<" in page2 and ">甲教公开〔2026〕1号<" in page2
    assert "共 <strong>14</strong> 件" in c.get("/office/edu/requests?q=校舍").text
    assert "共 <strong>8</strong> 件" in c.get("/office/edu/requests?applicant_type=commercial").text
    assert "共 <strong>0</strong> 件" in c.get("/office/edu/requests?outcome=granted").text
    assert "共 <strong>27</strong> 件" in c.get("/office/edu/requests?state=in_progress&year=2026").text
    r = c.get("/office/edu/requests?q=校舍", headers={"hx-request": "true"})
    assert r.text.lstrip().startswith("<p") and "<html" not in r.text  # htmx gets the rows only
    r = c.get("/office/edu/requests?year=1990")
    assert r.status_code == 422 and "年度1990无效" in r.text


def test_voiding_an_event_needs_a_reason(signed_in, world):
    c = signed_in("clerk_a")
    register(c)
    post(c, f"{URL}/events", {"type": "withdrawn", "date": "2026-06-05"})
    r = post(c, f"{URL}/void", {"seq": "2", "reason": ""})
    assert r.status_code == 422 and errors(r.text)["reason"] == "作废须写明理由"
    assert post(c, f"{URL}/void", {"seq": "2", "reason": "误登记"}).status_code == 303
    view = world.requests.get(ADMIN, "edu", CASE)
    assert view.stored.state.state.value == "in_progress" and view.stored.log[-1].void_reason == "误登记"
    r = post(c, f"{URL}/correct", {"content": "更正后的内容", "reason": ""})
    assert r.status_code == 422 and errors(r.text)["reason"] == "更正须写明理由"
    assert post(c, f"{URL}/correct", {"content": "更正后的内容", "reason": "笔误"}).status_code == 303
    page = c.get(URL).text
    assert "更正后的内容" in page
    recorded = in_beijing(view.stored.log[0].recorded_at).strftime("%Y-%m-%d %H:%M")
    assert f"登记于 {recorded}" in page  # stored in UTC, shown in Beijing time like every log page
