"""In a real browser (Debian's chromium, headless, through Playwright): sign in, see the office, sign out."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.conftest import PASSWORD

SHOTS = Path("/tmp/shots-web")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_clerk_signs_in_sees_the_office_and_signs_out(live_server, page):
    page.goto(f"{live_server.url}/office/edu/")
    assert page.url.endswith("/login?next=/office/edu/")
    page.fill("#f-login", "clerk_a")
    page.fill("#f-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/office/edu/")
    assert page.locator("h1").inner_text() == "工作台"
    assert "甲县教育局" in page.locator(".contextbar").inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "foundation-dashboard.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(SHOTS / "foundation-dashboard-375.png"), full_page=True)
    page.click("text=退出")
    page.wait_for_url("**/login")
    assert "已退出登录" in page.content()
    page.goto(f"{live_server.url}/office/env/")  # another body's page, signed out: the login again
    assert "/login" in page.url
