"""The 主动公开 pages: the catalogue and its filters, a record drafted and sent through 拟稿 → 审核 →
保密审查 → 签发 → 发布 by the role each step needs, the 第二十六条 flag, the decision counts, and section
二 following. On both backends; a user of another body is refused every page."""

from __future__ import annotations

import re

from tests.web.conftest import post

BASE = "/office/edu/proactive/"


def _draft(c, **over):
    data = {
        "title": "甲县义务教育阶段招生入学实施办法",
        "category": "normative_documents",
        "formed_on": "2026-06-22",
        "issued_on": "2026-06-19",
        "doc_number": "甲教规〔2026〕3号",
        "channel": "政府网站",
        "summary": "明确学区划分与入学顺序",
        **over,
    }
    r = post(c, BASE + "new", data)
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rstrip("/").rsplit("/", 1)[1])


def _step(c, pub_id, step, **extra):
    page = c.get(f"{BASE}{pub_id}").text
    version = re.search(r'data-version="(\d+)"', page).group(1)
    return post(c, f"{BASE}{pub_id}/step", {"step": step, "version": version, **extra})


def _cell(html, cell_id):
    return re.search(rf'data-cell="{re.escape(cell_id)}">([^<]*)<', html).group(1)


def test_a_normative_document_goes_through_every_role_and_feeds_section_two(signed_in):
    clerk, reviewer, secrecy = signed_in("clerk_a"), signed_in("reviewer_a"), signed_in("secrecy_a")
    before = clerk.get(BASE).text
    assert _cell(before, "active.normative_documents.issued") == ""  # no documents kept yet: blank
    pub_id = _draft(clerk)
    page = clerk.get(f"{BASE}{pub_id}").text
    assert "甲教规〔2026〕3号" in page and 'value="submit"' in page and 'value="approve"' not in page

    assert _step(clerk, pub_id, "submit").status_code == 303
    page = reviewer.get(f"{BASE}{pub_id}").text
    assert 'value="approve"' in page and 'value="return"' in page and 'value="secrecy_pass"' not in page
    # a clerk who posts the reviewer's step is refused, in Chinese, beside the step
    r = _step(clerk, pub_id, "approve")
    assert r.status_code == 403 and "没有审核通过的权限" in r.text
    assert _step(reviewer, pub_id, "approve").status_code == 303
    r = _step(reviewer, pub_id, "sign")
    assert r.status_code == 422 and "当前为“待保密审查”，不能“签发”" in r.text
    assert _step(secrecy, pub_id, "secrecy_pass").status_code == 303
    assert _step(reviewer, pub_id, "sign").status_code == 303
    r = _step(clerk, pub_id, "release", on="2026-06-29")
    assert r.status_code == 303
    page = clerk.get(f"{BASE}{pub_id}").text
    assert "edu/2026-" in page and "2026-06-29" in page and "现行有效" in page
    for who in ("登记员甲", "负责人乙", "保密员丙"):
        assert who in page  # the history of who did what

    after = clerk.get(BASE).text
    assert _cell(after, "active.normative_documents.issued") == "1"
    assert _cell(after, "active.normative_documents.in_force") == "1"
    r = post(clerk, f"{BASE}{pub_id}/repeal", {"on": "2026-06-30"})
    assert r.status_code == 303
    after = clerk.get(BASE).text
    assert _cell(after, "active.normative_documents.repealed") == "1"
    assert _cell(after, "active.normative_documents.in_force") == "0"


def test_a_return_needs_a_comment_and_errors_stand_beside_their_field(signed_in):
    clerk, reviewer = signed_in("clerk_a"), signed_in("reviewer_a")
    r = post(clerk, BASE + "new", {"title": "", "category": "announcement", "formed_on": "2026-02-30"})
    assert r.status_code == 422 and "形成日期“2026-02-30”无效" in r.text
    r = post(clerk, BASE + "new", {"title": "", "category": "announcement", "formed_on": "2026-06-01"})
    assert r.status_code == 422 and re.search(r'id="e-title">信息名称不能为空', r.text)
    r = post(clerk, BASE + "new", {"title": "通知", "category": "announcement", "formed_on": "2026-07-01"})
    assert r.status_code == 422 and re.search(r'id="e-formed_on">形成日期2026-07-01晚于今天', r.text)
    pub_id = _draft(clerk, title="暑期校外培训提示", category="announcement")
    _step(clerk, pub_id, "submit")
    r = _step(reviewer, pub_id, "return")
    assert r.status_code == 422 and re.search(r'id="e-comment">退回修改须写明意见', r.text)
    assert _step(reviewer, pub_id, "return", comment="请补充咨询电话").status_code == 303
    page = clerk.get(f"{BASE}{pub_id}").text
    assert "请补充咨询电话" in page and ">修改</a>" in page
    r = post(clerk, f"{BASE}{pub_id}/edit", {"title": "暑期校外培训风险提示", "category": "announcement",
                                              "formed_on": "2026-06-22", "channel": "政府网站"})  # fmt: skip
    assert r.status_code == 303
    assert "暑期校外培训风险提示" in clerk.get(f"{BASE}{pub_id}").text


def test_the_late_flag_filters_and_decision_counts(signed_in):
    clerk = signed_in("clerk_a")
    late_id = _draft(clerk, title="甲县教育事业发展规划", category="planning", formed_on="2026-04-01")
    _draft(clerk, title="近日的通知", category="announcement", formed_on="2026-06-26")
    page = clerk.get(BASE).text
    assert "未在20个工作日内公开（第二十六条）" in page
    late_section = page.split('id="late-title"')[1].split("</section>")[0]
    assert "甲县教育事业发展规划" in late_section and "近日的通知" not in late_section
    assert 'id="late-flag"' in clerk.get(f"{BASE}{late_id}").text
    page = clerk.get(BASE, params={"category": "announcement"}).text
    catalogue = page.split('id="catalogue"')[1].split("</table>")[0]
    assert "近日的通知" in catalogue and "甲县教育事业发展规划" not in catalogue
    page = clerk.get(BASE, params={"q": "规划"}).text
    assert "甲县教育事业发展规划" in page.split('id="catalogue"')[1].split("</table>")[0]

    r = post(clerk, BASE + "counts", {"year": "2026", "licensing": "46", "penalties": "7",
                                      "coercive_measures": "", "fees_amount": "3.25"})  # fmt: skip
    assert r.status_code == 303
    page = clerk.get(BASE + "?year=2026").text
    assert (
        _cell(page, "active.licensing.decisions") == "46" and _cell(page, "active.penalties.decisions") == "7"
    )
    assert (
        _cell(page, "active.coercive_measures.decisions") == ""
        and _cell(page, "active.fees.amount") == "3.2500"
    )
    r = post(clerk, BASE + "counts", {"year": "2026", "licensing": "四十"})
    assert r.status_code == 422 and "行政许可处理决定数应为0至10000000之间的整数" in r.text


def test_other_bodies_and_secrecy_only_users_are_refused(signed_in):
    clerk = signed_in("clerk_a")
    pub_id = _draft(clerk)
    other = signed_in("clerk_b")
    for url in (BASE, BASE + "new", f"{BASE}{pub_id}", f"{BASE}{pub_id}/edit"):
        assert other.get(url).status_code == 403, url
    posts = {
        BASE + "new": {"title": "x"},
        f"{BASE}{pub_id}/step": {"step": "submit", "version": "1"},
        BASE + "counts": {"year": "2026", "licensing": "1"},
    }
    for url, data in posts.items():
        assert post(other, url, data).status_code == 403, url
    assert signed_in("clerk_c").get(f"{BASE}{pub_id}").status_code == 403
    assert signed_in(None).get(BASE, follow_redirects=False).status_code == 303  # to /login
    secrecy = signed_in("secrecy_a")
    assert secrecy.get(BASE).status_code == 200 and secrecy.get(BASE + "new").status_code == 403
    assert "/office/env/proactive/" not in clerk.get(BASE).text


def test_step_times_are_shown_in_beijing_time():
    from datetime import UTC, datetime

    from gongkai.web.routes.office.proactive import beijing_time

    assert beijing_time(datetime(2026, 6, 30, 23, 30)) == "2026-07-01 07:30"  # SQLite: naive UTC
    assert beijing_time(datetime(2026, 6, 30, 1, 5, tzinfo=UTC)) == "2026-06-30 09:05"
