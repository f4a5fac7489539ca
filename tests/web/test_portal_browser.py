"""End to end in Debian's chromium at a phone's width (375 px): a person finds the 指南, searches the
catalogue, applies with an ID scan and gets a code; the office confirms and asks for a 补正; the applicant
answers it online; the office answers (signed) and delivers the 答复书; the applicant downloads it and
rates it. Screenshots go to /tmp/shots-portal/."""

from __future__ import annotations

import re
from datetime import date as D
from pathlib import Path

import pytest

from gongkai.org.model import BodyProfile
from gongkai.proactive import Publication
from gongkai.register.events import event

from ..portal.samples import PERSON, png_bytes
from .conftest import PASSWORD
from .test_portal_pages import release_answer, world_actor

SHOTS = Path("/tmp/shots-portal")
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def office_ready(world, tmp_path):
    world.portal.data_dir = tmp_path / "uploads"
    profile = BodyProfile(
        office_name="甲县教育局办公室",
        address="甲县城关镇文昌路6号",
        phone="0571-86120345",
        doc_prefix="甲教公开",
        reconsideration_body="甲县人民政府",
        court="甲县人民法院",
    )
    world.store.set_profile("edu", profile, "测试")
    for title, summary in (
        ("甲县教育局2026年部门预算", "部门收支预算总表和财政拨款支出表。"),
        ("关于义务教育\n招生入学工作的通知", "适龄儿童入学报名时间和材料。"),
    ):
        pub = Publication(title, "finance", D(2026, 6, 1), summary)
        pub_id = world.store.add_publication("edu", pub, "测试")
        world.store.publish("edu", pub_id, D(2026, 6, 8), "测试")
    return world


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_apply_follow_and_rate_on_a_phone(browser, live_server, office_ready, tmp_path):
    svc, url = office_ready, live_server.url
    person = browser.new_context(locale="zh-CN", viewport=PHONE, accept_downloads=True)
    p = person.new_page()
    p.goto(f"{url}/")
    assert p.locator("html").get_attribute("lang") == "zh-CN"
    _no_sideways_scroll(p)
    _shot(p, "01-home")
    p.get_by_role("link", name="甲县教育局", exact=True).click()
    p.get_by_role("link", name="公开指南", exact=True).click()
    assert p.get_by_text("依申请公开的程序").is_visible()
    _no_sideways_scroll(p)
    _shot(p, "02-guide")

    p.get_by_role("link", name="法定主动公开内容", exact=True).click()
    p.get_by_label("关键词").fill("招生入学")
    p.get_by_label("关键词").press("Enter")
    assert p.get_by_role("link", name=re.compile("招生入学工作的通知")).is_visible()
    _shot(p, "03-search")

    p.get_by_role("link", name="依申请公开", exact=True).click()
    p.get_by_label("姓名或名称").fill(PERSON["name"])
    p.get_by_label("证件号码或统一社会信用代码").fill(PERSON["id_number"])
    scan = tmp_path / "身份证.png"
    scan.write_bytes(png_bytes())
    p.get_by_label("身份证明文件").set_input_files(str(scan))
    p.get_by_label("联系电话").fill(PERSON["phone"])
    p.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(PERSON["content"])
    p.get_by_label("获取信息的方式").select_option("electronic")
    p.get_by_label("获取信息的途径").select_option("online")
    _no_sideways_scroll(p)
    _shot(p, "04-apply-form")
    p.get_by_role("button", name="提交申请").click()
    code = p.locator(".gk-code").inner_text().strip()
    assert len(code) == 23
    _shot(p, "05-receipt")

    office = browser.new_context(locale="zh-CN", viewport=PHONE)
    o = office.new_page()
    o.goto(f"{url}/login?next=/office/edu/portal/")
    o.get_by_label("用户名").fill("clerk_a")
    o.get_by_label("密码").fill(PASSWORD)
    o.get_by_role("button", name="登录").click()
    o.goto(f"{url}/office/edu/portal/")
    assert o.get_by_text("待确认收到（1件）").is_visible()
    _shot(o, "06-office-pending")
    o.get_by_role("button", name="确认收到").click()
    assert o.get_by_text("已确认收到申请").is_visible()
    case = svc.portal.confirmed(world_actor("clerk"), "edu")[0].case_no
    svc.requests.record(
        world_actor("clerk"),
        "edu",
        case,
        event("correction_requested", D(2026, 6, 30), days=10, missing="描述"),
    )
    o.get_by_label("文书").first.select_option("correction")
    o.get_by_role("button", name="送达").first.click()
    assert o.get_by_text("已向网上申请人送达补正告知书").is_visible()
    _shot(o, "07-office-delivered-correction")

    p.goto(f"{url}/track")
    p.get_by_label("查询码").fill(code.lower())
    p.get_by_label("联系电话后四位").fill("2468")
    p.get_by_role("button", name="查询").click()
    assert p.get_by_text("待补正").first.is_visible()
    p.get_by_label("补正内容").fill("所需为2026年第二季度清江浦区的资金分配表。")
    _shot(p, "08-correction")
    p.get_by_role("button", name="提交补正").click()
    assert p.get_by_text("办理中").is_visible()

    release_answer(svc, case)
    o.goto(f"{url}/office/edu/portal/")
    o.get_by_label("文书").first.select_option("answer")
    o.get_by_role("button", name="送达").first.click()
    assert o.get_by_text("已向网上申请人送达").is_visible()

    p.goto(f"{url}/track")
    p.get_by_label("查询码").fill(code)
    p.get_by_label("联系电话后四位").fill("2468")
    p.get_by_role("button", name="查询").click()
    assert p.get_by_text("已答复").first.is_visible()
    with p.expect_download() as got:
        p.get_by_role("button", name="答复书").click()
    assert got.value.suggested_filename.endswith("答复书.docx")
    assert Path(got.value.path()).read_bytes()[:2] == b"PK"
    p.get_by_label("满意", exact=True).check()
    p.get_by_label("意见和建议（选填）").fill("答复及时，下载方便。")
    _shot(p, "09-rate")
    p.get_by_role("button", name="提交评价").click()
    assert p.get_by_text("感谢您的评价").is_visible()
    _shot(p, "10-rated")

    p.get_by_role("link", name="大字版").click()
    p.get_by_role("link", name="标准字号").wait_for()
    assert p.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    p.goto(f"{url}/gk/edu/guide")
    _no_sideways_scroll(p)
    _shot(p, "11-large-text-guide")
    assert [r.rating for r in svc.portal.ratings(world_actor("clerk"), "edu")] == ["满意"]
    person.close()
    office.close()
