"""End to end in chromium: a clerk registers a request, sends a 补正, records the correction and asks for
sign-off; the 审核人 approves and signs; the clerk releases the answer and downloads the 答复书; the year's
report counts it; a user of another body is refused. Screenshots of the pages go to /tmp/shots-web/."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote

import docx
import pytest
from tests.web.conftest import PASSWORD

SHOTS = Path("/tmp/shots-web")
CASE = "甲教公开〔2026〕15号"
ROW = "requests.unavailable.not_held.total"


def sign_in(page, url, login):
    page.goto(f"{url}/login")
    page.fill("#f-login", login)
    page.fill("#f-password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def take_step(page, label):
    page.click(f"form.approval-form button:has-text('{label}')")
    page.wait_for_load_state()
    assert f"已{label}" in page.locator(".flash").first.inner_text()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_request_from_registration_to_the_downloaded_answer(live_server, browser, world):
    url = live_server.url
    before = world.store.annual_report("edu", 2026).cells[ROW]
    clerk = browser.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = clerk.new_page()
    sign_in(page, url, "clerk_a")
    page.click("nav.sidenav >> text=依申请公开")
    page.click("text=登记新申请")
    page.fill("#f-case_no", CASE)
    page.select_option("#f-applicant_type", "natural_person")
    page.select_option("#f-channel", "online")
    page.fill("#f-received_on", "2026-06-22")
    page.fill("#f-content", "2025年度城区学校招生划片范围")
    page.fill("#f-applicant_name", "王芳")
    shot(page, "request-new")
    page.click("form button[type=submit]:has-text('登记')")
    page.wait_for_url("**/requests/*")
    assert "已登记申请" + CASE in page.locator(".flash").first.inner_text()
    assert "王芳" in page.content()

    # a 补正: first without its period (the error beside the field), then with it
    page.click("details.action summary:has-text('发出补正通知')")
    page.fill("#correction_requested-date", "2026-06-23")
    page.check("input[name='missing.description']")
    page.click("button:has-text('登记发出补正通知')")
    assert "补正期限" in page.locator(".field.has-error .error").first.inner_text()
    page.fill("#correction_requested-days", "10")
    page.click("button:has-text('登记发出补正通知')")
    page.wait_for_load_state()
    assert page.locator(".state").inner_text() == "待补正"
    page.click("details.action summary:has-text('收到补正')")
    page.fill("#correction_received-date", "2026-06-26")
    page.click("button:has-text('登记收到补正')")
    page.wait_for_load_state()
    assert page.locator(".state").inner_text() == "办理中"

    # the answer: drafted and sent for review
    page.select_option("#f-kind", "not_exist")
    page.fill("#f-explanation", "经检索，本机关未制作或获取该信息。")
    page.click("button:has-text('保存拟稿')")
    page.wait_for_load_state()
    take_step(page, "送审")
    shot(page, "request-detail-submitted")

    # the 审核人 approves and signs (this answer discloses nothing: no 保密审查)
    reviewer = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    rpage = reviewer.new_page()
    sign_in(rpage, url, "reviewer_a")
    rpage.goto(page.url)
    take_step(rpage, "审核通过")
    take_step(rpage, "签发")
    reviewer.close()

    # the clerk releases it and downloads the 答复书
    page.reload()
    page.fill("#f-on", "2026-06-29")
    take_step(page, "发布")
    assert page.locator(".state").inner_text() == "已答复"
    shot(page, "request-detail-answered")
    with page.expect_download() as dl:
        page.click("ul.notices li:has-text('答复书') button")
    path = dl.value.path()
    assert dl.value.suggested_filename.endswith("答复书.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(Path(path).read_bytes())).paragraphs)
    assert "王芳" in text and "答复书" in text
    assert world.store.annual_report("edu", 2026).cells[ROW] == before + 1  # the year's report counts it

    page.goto(f"{url}/office/edu/requests?q=招生")
    assert CASE in page.content()
    shot(page, "request-list")
    page.set_viewport_size({"width": 375, "height": 800})
    shot(page, "request-list-375")
    clerk.close()

    # a user of another body is refused
    other = browser.new_context(locale="zh-CN")
    opage = other.new_page()
    sign_in(opage, url, "clerk_b")
    response = opage.goto(f"{url}/office/edu/requests/{quote(CASE, safe='')}")
    assert response.status == 403 and "没有权限" in opage.content()
    shot(opage, "refused")
    other.close()
