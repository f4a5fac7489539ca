"""Login, logout, lockout, password change, CSRF and rate limits — on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import PASSWORD, csrf, login, post, settings

from gongkai.accounts import MAX_FAILURES


def test_login_lands_on_the_users_office_and_logout_ends_the_session(signed_in):
    c = signed_in(None)
    r = c.get("/office/edu/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/office/edu/"
    r = login(c, "clerk_a")
    assert r.status_code == 303 and r.headers["location"] == "/office/edu/"
    page = c.get("/office/edu/")
    assert page.status_code == 200 and "甲县教育局" in page.text and "登记员甲" in page.text
    assert post(c, "/logout").status_code == 303
    assert c.get("/office/edu/", follow_redirects=False).status_code == 303


def test_login_follows_next_but_never_off_site(signed_in):
    c = signed_in(None)
    r = post(c, "/login", {"login": "reviewer_a", "password": PASSWORD, "next": "/office/edu/audit"})
    assert r.headers["location"] == "/office/edu/audit"
    c2 = signed_in(None)
    r = post(c2, "/login", {"login": "reviewer_a", "password": PASSWORD, "next": "//evil.example/x"})
    assert r.headers["location"] == "/office/edu/"


def test_wrong_password_is_refused_in_chinese_and_locks_after_repeated_failures(signed_in, world):
    c = signed_in(None)
    r = login(c, "clerk_a", "wrong-password")
    assert r.status_code == 401 and "用户名或密码错误" in r.text
    assert login(c, "no_such_user", "whatever1").status_code == 401  # the same answer for an unknown name
    for _ in range(MAX_FAILURES - 2):
        login(c, "clerk_a", "wrong-password")
    r = login(c, "clerk_a", "wrong-password")
    assert r.status_code == 401 and "已锁定" in r.text
    r = login(c, "clerk_a")  # the right password no longer helps
    assert r.status_code == 401 and "已锁定" in r.text
    assert any(a.action == "lock" and a.row_key == "clerk_a" for a in world.store.audit_log(table="users"))
    # the administrator lifts the lock by setting a new password
    admin = signed_in("admin")
    r = post(admin, "/admin/users/clerk_a/password", {"password": "a-new-password-1"})
    assert r.status_code == 303
    assert login(signed_in(None), "clerk_a", "a-new-password-1").status_code == 303


def test_every_login_and_refused_login_of_an_account_is_in_the_audit_log(signed_in, world):
    c = signed_in(None)
    before = len(world.store.audit_log(table="users"))
    assert login(c, "reviewer_a", "wrong-password").status_code == 401
    assert login(c, "nobody_here", "wrong-password").status_code == 401
    assert login(c, "reviewer_a").status_code == 303
    log = world.store.audit_log(table="users")  # newest first
    new = log[: len(log) - before]
    got = sorted((a.row_key, a.action, a.by, (a.after or {}).get("why")) for a in new)
    assert got == [
        ("reviewer_a", "login", "reviewer_a", None),
        ("reviewer_a", "login_refused", "reviewer_a", "用户名或密码错误"),
    ]  # an unknown name is not written down: the log is not a list of guesses
    assert {(a.after or {}).get("address") for a in new} == {"testclient"}


def test_password_change_checks_the_old_one_and_ends_other_sessions(signed_in):
    c = signed_in("clerk_a")
    other = signed_in("clerk_a")
    r = post(
        c, "/account/password", {"old_password": "bad", "new_password": "x" * 9, "new_password2": "x" * 9}
    )
    assert r.status_code == 422 and "原密码不正确" in r.text
    r = post(
        c, "/account/password", {"old_password": PASSWORD, "new_password": "short", "new_password2": "short"}
    )
    assert r.status_code == 422 and "密码至少8个字符" in r.text
    r = post(
        c,
        "/account/password",
        {"old_password": PASSWORD, "new_password": "long-enough-1", "new_password2": "x"},
    )
    assert r.status_code == 422 and "两次输入的新密码不一致" in r.text
    new = "long-enough-1"
    r = post(c, "/account/password", {"old_password": PASSWORD, "new_password": new, "new_password2": new})
    assert r.status_code == 303
    assert c.get("/office/edu/").status_code == 200  # this session goes on
    assert other.get("/office/edu/", follow_redirects=False).status_code == 303  # the other one ended
    assert login(signed_in(None), "clerk_a", new).status_code == 303


def test_forms_without_the_csrf_token_are_refused(signed_in):
    c = signed_in("clerk_a")
    r = c.post("/account/password", data={"old_password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.text and "表单已过期" in r.text
    r = c.post("/logout", data={"csrftoken": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    fresh = TestClient(c.app)  # the login form itself is protected too (no login CSRF)
    fresh.get("/login")
    r = fresh.post("/login", data={"login": "clerk_a", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    # a token from another browser does not fit this one's cookie
    r = c.post("/logout", data={"csrftoken": csrf(fresh)}, follow_redirects=False)
    assert r.status_code == 403


def test_logins_from_one_address_are_rate_limited(world):
    from gongkai.web.app import create_app

    c = TestClient(create_app(settings(login_rate="3/minute"), world))
    for _ in range(3):
        assert login(c, "clerk_a", "wrong-password").status_code == 401
    r = login(c, "clerk_a")
    assert r.status_code == 429 and "操作过于频繁" in r.text


def test_a_disabled_user_cannot_sign_in_and_their_session_ends(signed_in):
    c = signed_in("clerk_b")
    admin = signed_in("admin")
    assert post(admin, "/admin/users/clerk_b/active", {"active": "0"}).status_code == 303
    assert c.get("/office/env/", follow_redirects=False).status_code == 303
    r = login(signed_in(None), "clerk_b")
    assert r.status_code == 401 and "已停用" in r.text
