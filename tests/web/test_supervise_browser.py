"""End to end in Debian's chromium: a county's 政务公开办 signs in, uploads a body's published PDF, sees
its findings and the regional sum move, downloads the XLSX, and cannot edit any body's register; the
office of another county sees nothing of this one. Screenshots in /tmp/shots-supervise/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import shared_or_skip
from tests.web.conftest import PASSWORD

from gongkai.format.spec import Version
from gongkai.samples import consistent_report

SHOTS = Path("/tmp/shots-supervise")
TOTAL = "requests.received.total"


@pytest.fixture
def county(world):
    """甲县教育局 published its 2024 report on the platform; the PDF of another county's government is
    uploaded as a body of 甲县 that is not on the platform."""
    edu = consistent_report(seed=91, version=Version.V2021, year=2024)
    edu.body, edu.title = "甲县教育局", "甲县教育局2024年政府信息公开工作年度报告"
    world.store.save_report("edu", 2024, "负责人", published_on=date(2025, 1, 20), snapshot=edu.to_dict())
    return edu


def sign_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def summed(page, cell_id: str) -> str:
    return page.inner_text(f'td[data-cell="{cell_id}"]').strip()


def test_a_supervisor_uploads_a_published_pdf_and_follows_the_region(
    live_server, page, browser, county, tmp_path
):
    pdf = shared_or_skip() / "corpus" / "pdf" / "hongze-2024.pdf"
    base = live_server.url
    sign_in(page, base, "super_1")

    page.goto(f"{base}/supervise/r1/?year=2024")
    assert page.inner_text("h1").startswith("甲县")
    assert page.locator("#reminders").is_visible()
    shot(page, "01-dashboard")

    page.goto(f"{base}/supervise/r1/summary?year=2024")
    assert summed(page, TOTAL) == str(county.cells[TOTAL])

    page.goto(f"{base}/supervise/r1/upload?year=2024")
    page.select_option("select[name=year]", "2024")
    page.set_input_files("input[name=file]", str(pdf))
    page.select_option("select[name=kind]", "government")
    page.fill("input[name=published_on]", "2025-03-20")
    shot(page, "02-upload-form")
    page.click("form[enctype] button[type=submit]")
    page.wait_for_url(f"{base}/supervise/r1/uploads/*", timeout=60_000)  # htmx follows HX-Redirect
    assert "已上传并读取淮安市洪泽区人民政府2024年度报告" in page.inner_text(".flash")
    findings = page.inner_text("#findings")
    assert "cell.blank" in findings  # the old single （六） row: the 2021 sub-rows unread …
    blank = page.locator('td[data-cell="requests.other.no_correction.total"]')
    assert blank.inner_text().strip() == "空" and "blank" in blank.get_attribute("class")  # … and flagged
    uploaded = int(page.inner_text(f'td[data-cell="{TOTAL}"]'))
    shot(page, "03-uploaded-report")

    page.goto(f"{base}/supervise/r1/summary?year=2024")
    assert summed(page, TOTAL) == str(county.cells[TOTAL] + uploaded)  # the sum moved
    assert summed(page, "requests.other.no_correction.total") == "空"
    shot(page, "04-summary")
    with page.expect_download() as got:
        page.click("a[href*='summary.xlsx']")
    path = tmp_path / "summary.xlsx"
    got.value.save_as(path)
    sheet = openpyxl.load_workbook(path)["各机关"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[2] == TOTAL)
    assert row[-1] == county.cells[TOTAL] + uploaded

    page.goto(f"{base}/supervise/r1/charts?year=2024")
    page.wait_for_selector(".chart canvas")
    shot(page, "05-charts")

    # no form that writes a register, and the register refuses the supervisor
    page.goto(f"{base}/supervise/r1/bodies/edu?year=2024")
    assert page.locator("form[method=post]:not([action='/logout'])").count() == 0
    shot(page, "06-body-report")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    refused = page.request.post(f"{base}/office/edu/annual/", form={"csrftoken": token, "section_1": "改写"})
    assert refused.status in (403, 404, 405)
    page.goto(f"{base}/office/edu/")
    assert "没有权限" in page.content()

    # the office of another county
    other = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    p2 = other.new_page()
    sign_in(p2, base, "super_2")
    response = p2.goto(f"{base}/supervise/r1/summary?year=2024")
    assert response.status == 403
    shot(p2, "07-other-region-refused")
    p2.goto(f"{base}/supervise/r2/?year=2024")
    assert "洪泽" not in p2.content() and "甲县教育局" not in p2.content()
    other.close()
