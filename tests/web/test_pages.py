"""The pages of the foundation on SQLite and PostgreSQL: health, home, errors in Chinese, security
headers, the dashboard, the audit log, the administration of users and roles."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from tests.web.conftest import ADMIN, USERS, csrf, login, post

from gongkai.register import Request


def test_health_home_and_security_headers(signed_in):
    c = signed_in(None)
    r = c.get("/healthz")
    assert r.status_code == 200 and r.text == "ok"
    r = c.get("/")
    assert r.status_code == 200 and 'lang="zh-CN"' in r.text and "甲县教育局" in r.text and "乙县" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text  # no inline script anywhere
    assert c.get("/static/vendor/htmx/htmx.min.js").status_code == 200  # `make assets` ran
    assert c.get("/static/vendor/echarts/echarts.min.js").status_code == 200


def test_errors_are_chinese_pages(signed_in):
    c = signed_in("clerk_a")
    r = c.get("/no/such/page")
    assert r.status_code == 404 and "页面不存在" in r.text and "Traceback" not in r.text
    r = c.get("/office/env/")
    assert r.status_code == 403 and "没有权限" in r.text and "不是甲县环境局的工作人员" in r.text
    r = c.put("/healthz", headers={"x-csrftoken": csrf(c)})
    assert r.status_code == 405 and "不支持该操作" in r.text


def test_dashboard_counts_what_is_due(world, signed_in):
    clerk = world.accounts.user(world.accounts.by_login(ADMIN, "clerk_a").id).actor
    for i, received in enumerate((date(2026, 5, 6), date(2026, 6, 1), date(2026, 6, 24)), 1):
        world.requests.register(
            clerk,
            "edu",
            Request(f"2026-00{i}", "natural_person", "in_person", received, content=f"申请内容{i}"),
        )
    r = signed_in("clerk_a").get("/office/edu/")
    assert r.status_code == 200
    tiles = {
        a.attributes["href"].split("view=")[1]: int(a.css_first(".num").text())
        for a in HTMLParser(r.text).css("a.tile")
    }
    # on 6/30: 5/6 is overdue; 6/1 is due today (端午 6/19 is a holiday); the due-soon lists count the
    # overdue one too; 6/24 is due in July
    assert tiles == {"overdue": 1, "due3": 2, "due5": 2, "waiting": 0, "late": 0}
    assert "2026-001" in r.text and "申请内容1" in r.text
    assert "2025年度报告" in r.text and "2026-01-31" in r.text


def test_the_audit_log_is_for_the_reviewer_and_body_admin(signed_in):
    assert signed_in("clerk_a").get("/office/edu/audit").status_code == 403
    r = signed_in("reviewer_a").get("/office/edu/audit")
    assert r.status_code == 200 and "edu/reviewer_a" in r.text  # the grant of the body's own user
    assert "env/clerk_b" not in r.text  # nothing of another body
    assert signed_in("badmin_a").get("/office/edu/audit").status_code == 200


def test_the_administrator_creates_a_user_with_a_role(signed_in, world):
    admin = signed_in("admin")
    r = admin.get("/admin/")
    assert r.status_code == 200 and all(login in r.text for login in USERS)
    r = post(admin, "/admin/users", {"login": "new_clerk", "display_name": "新登记员", "password": "short"})
    assert r.status_code == 422 and "密码至少8个字符" in r.text and 'value="new_clerk"' in r.text

    def create(login="new_clerk", where="body:env"):
        form = {"login": login, "display_name": "新登记员", "password": "long-enough-1", "role": "clerk"}
        return post(admin, "/admin/users", {**form, "where": where})

    r = create(login="clerk_a")
    assert r.status_code == 409 and "用户名clerk_a已被使用" in r.text
    r = create(where="")
    assert r.status_code == 422 and "登记员须选择机关" in r.text
    r = create()
    assert r.status_code == 303 and r.headers["location"] == "/admin/users/new_clerk"
    grants = HTMLParser(admin.get("/admin/users/new_clerk").text).css("li.grant")
    assert [" ".join(li.text().split()[:2]) for li in grants] == ["登记员 甲县环境局"]
    newcomer = signed_in(None)
    assert login(newcomer, "new_clerk", "long-enough-1").status_code == 303
    assert newcomer.get("/office/env/").status_code == 200 and newcomer.get("/office/edu/").status_code == 403
    r = post(admin, "/admin/users/new_clerk/grants", {"role": "reviewer", "where": "body:env"})
    assert r.status_code == 303
    r = post(admin, "/admin/users/new_clerk/grants/revoke", {"role": "clerk", "where": "body:env"})
    assert r.status_code == 303
    assert [g.role.value for g in world.accounts.by_login(ADMIN, "new_clerk").grants] == ["reviewer"]
    keys = [(a.table_name, a.row_key, a.action) for a in world.store.audit_log(key_prefix="env/new_clerk")]
    assert ("user_grants", "env/new_clerk", "delete") in keys and (
        "user_grants",
        "env/new_clerk",
        "create",
    ) in keys
    edits = admin.get("/admin/audit").text
    assert "new_clerk" in edits and "新登记员" in edits  # Chinese values as they are, not \u escapes
    logins = admin.get("/admin/audit?logins=1").text  # signing in is listed apart from the edits
    assert ">登录<" in logins and "new_clerk" in logins and "testclient" in logins
    assert ">登录<" not in edits and ">新建<" in edits and ">新建<" not in logins
    assert "账户权限 env/new_clerk" in edits and "时间（北京时间）" in edits  # in words, in Beijing time


def test_account_page_lists_the_users_places(signed_in):
    r = signed_in("admin").get("/account")
    assert r.status_code == 200 and "系统管理" in r.text
    r = signed_in("super_1").get("/login", follow_redirects=False)  # signed in already: to their region
    assert r.headers["location"] == "/supervise/r1/"


def test_the_body_admin_keeps_the_details_and_the_users_of_the_body(signed_in, world):
    assert signed_in("clerk_a").get("/office/edu/settings").status_code == 403
    badmin = signed_in("badmin_a")
    page = badmin.get("/office/edu/settings")
    assert page.status_code == 200 and "clerk_a" in page.text and "clerk_b" not in page.text
    assert 'value="甲教公开"' in page.text  # the profile as stored
    r = post(badmin, "/office/edu/settings/profile", {"doc_prefix": "甲教信公", "office_name": "局办公室"})
    assert r.status_code == 303
    assert world.org.profile(ADMIN, "edu").doc_prefix == "甲教信公"
    assert any(a.row_key == "edu" and a.action == "update" for a in world.store.audit_log(table="bodies"))
    r = post(
        badmin, "/office/edu/settings/users", {"login": "edu_new", "display_name": "新人", "password": "x"}
    )
    assert r.status_code == 422 and "请选择角色" in r.text
    r = post(
        badmin,
        "/office/edu/settings/users",
        {"login": "edu_new", "display_name": "新人", "password": "long-enough-1", "role": "clerk"},
    )
    assert r.status_code == 303
    assert post(badmin, "/office/edu/settings/users/edu_new/roles", {"role": "secrecy"}).status_code == 303
    r = post(badmin, "/office/edu/settings/users/edu_new/roles", {"role": "clerk", "action": "revoke"})
    assert r.status_code == 303
    assert [g.role.value for g in world.accounts.by_login(ADMIN, "edu_new").grants] == ["secrecy"]
    # a body admin cannot reach a user of another body
    assert (
        post(badmin, "/office/edu/settings/users/clerk_b/password", {"password": "long-enough-2"}).status_code
        == 403
    )
    assert (
        post(badmin, "/office/edu/settings/users/edu_new/password", {"password": "long-enough-2"}).status_code
        == 303
    )
    assert login(signed_in(None), "edu_new", "long-enough-2").status_code == 303


def test_a_page_reads_through_one_connection_and_a_post_writes_in_its_own(signed_in, world):
    """gongkai.web.reads: every read of a GET shares one pooled connection; a form post keeps its own
    transactions, and what it wrote is on the next page."""
    from sqlalchemy import event as sa_event

    seen = []

    def count(*_):
        seen.append(1)

    c = signed_in("clerk_a")
    sa_event.listen(world.store.engine, "checkout", count)
    try:
        for path in ("/office/edu/", "/office/edu/requests"):
            seen.clear()
            assert c.get(path).status_code == 200
            assert len(seen) == 1, (path, len(seen))
        form = {
            "case_no": "2026-077",
            "applicant_type": "natural_person",
            "applicant_name": "王五",
            "channel": "post",
            "received_on": "2026-06-29",
            "content": "申请公开某校舍改造工程的验收报告",
        }
        seen.clear()
        r = post(c, "/office/edu/requests", form)
        assert r.status_code == 303, r.text
        assert len(seen) > 1  # the post did not share a session: its writes committed on their own
        assert "2026-077" in c.get("/office/edu/requests").text
    finally:
        sa_event.remove(world.store.engine, "checkout", count)
