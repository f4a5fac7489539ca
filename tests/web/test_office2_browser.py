"""In a real browser: a clerk drafts a 行政规范性文件, the 负责人 approves, the 保密审查员 clears it, the
负责人 signs, the clerk publishes, and section 二 of the year's report counts it; the narrative is edited
and the DOCX downloaded (and read back); a user of another body is refused. Screenshots go to
/tmp/shots-office2/."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from tests.web.conftest import PASSWORD

SHOTS = Path("/tmp/shots-office2")
BASE = "/office/edu/proactive/"


def _user(browser, server, login: str):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.goto(f"{server.url}/login")
    page.fill("#f-login", login)
    page.fill("#f-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _take(page, server, pub_url: str, button: str) -> None:
    page.goto(server.url + pub_url)
    page.click(f"button:has-text('{button}')")
    page.wait_for_load_state()
    assert page.locator(".flash-ok, .flash").first.is_visible()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_normative_document_through_every_role_into_the_report(live_server, browser, tmp_path):
    clerk = _user(browser, live_server, "clerk_a")
    clerk.goto(f"{live_server.url}/office/edu/report/2026")
    s2_before = clerk.frame_locator("iframe.report-preview").locator(
        "[data-cell='active.normative_documents.issued']"
    )
    assert s2_before.inner_text() == ""

    clerk.goto(live_server.url + BASE)
    clerk.click("text=新建信息")
    clerk.fill("#f-title", "甲县中小学课后服务管理办法")
    clerk.select_option("#f-category", "normative_documents")
    clerk.fill("#f-formed_on", "2026-06-15")
    clerk.fill("#f-doc_number", "甲教规〔2026〕5号")
    clerk.fill("#f-issued_on", "2026-06-12")
    clerk.fill("#f-summary", "规范课后服务的内容、收费与安全管理。")
    _shot(clerk, "proactive-new")
    clerk.click("button:has-text('保存为拟稿')")
    clerk.wait_for_url("**/proactive/*")
    pub_url = clerk.url.replace(live_server.url, "")
    assert "甲教规〔2026〕5号" in clerk.content()
    clerk.click("button:has-text('送审')")
    clerk.wait_for_load_state()
    assert clerk.locator("button:has-text('审核通过')").count() == 0  # not the clerk's step

    reviewer = _user(browser, live_server, "reviewer_a")
    _take(reviewer, live_server, pub_url, "审核通过")
    assert reviewer.locator("button:has-text('保密审查通过')").count() == 0
    secrecy = _user(browser, live_server, "secrecy_a")
    secrecy.goto(live_server.url + pub_url)
    _shot(secrecy, "proactive-secrecy")
    _take(secrecy, live_server, pub_url, "保密审查通过")
    _take(reviewer, live_server, pub_url, "签发")
    clerk.goto(live_server.url + pub_url)
    clerk.fill("#f-on", "2026-06-29")
    clerk.click("button:has-text('发布')")
    clerk.wait_for_load_state()
    assert "已发布" in clerk.locator("#status").inner_text()
    _shot(clerk, "proactive-published")

    clerk.goto(live_server.url + BASE)
    assert clerk.locator("[data-cell='active.normative_documents.issued']").inner_text() == "1"
    _shot(clerk, "proactive-catalogue")
    clerk.goto(f"{live_server.url}/office/edu/report/2026")
    cell = clerk.frame_locator("iframe.report-preview").locator(
        "[data-cell='active.normative_documents.issued']"
    )
    assert cell.inner_text() == "1"

    clerk.fill("#f-s1", "2026年，甲县教育局依法推进主动公开，发布行政规范性文件1件。")
    clerk.fill("#f-s5", "课后服务信息公开的及时性有待提高。")
    clerk.click("button:has-text('保存正文')")
    clerk.wait_for_selector("#narrative-saved:has-text('已保存')")  # saved in place (htmx)
    clerk.reload()
    _shot(clerk, "annual-report")
    with clerk.expect_download() as dl:
        clerk.click("text=下载 DOCX")
    path = tmp_path / "report.docx"
    dl.value.save_as(path)
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2026年，甲县教育局依法推进主动公开，发布行政规范性文件1件。" in text
    assert "课后服务信息公开的及时性有待提高。" in text
    (SHOTS / "annual-report.docx").write_bytes(path.read_bytes())

    outsider = _user(browser, live_server, "clerk_b")
    response = outsider.goto(live_server.url + pub_url)
    assert response.status == 403 and "不是甲县教育局的工作人员" in outsider.content()
    response = outsider.goto(f"{live_server.url}/office/edu/report/2026")
    assert response.status == 403
    _shot(outsider, "refused")
    for p in (clerk, reviewer, secrecy, outsider):
        p.context.close()
