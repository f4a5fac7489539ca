"""Fixtures of the web tests: an application over a store on each backend, a small world of regions,
bodies and users (one per role), clients signed in as any of them, and a live server for the browser.

    def test_x(signed_in):
        c = signed_in("clerk_a")                 # a TestClient with its session
        r = c.get("/office/edu/")
        r = post(c, "/office/edu/…", {"field": "value"})   # with the CSRF token
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import date

import pytest
from argon2 import profiles
from fastapi.testclient import TestClient

from gongkai.access import Actor, Grant, Role
from gongkai.accounts import passwords
from gongkai.org import BodyKind, BodyProfile, Region, RegionLevel
from gongkai.service import Services
from gongkai.web.app import create_app
from gongkai.web.settings import Settings

TODAY = date(2026, 6, 30)
PASSWORD = "correct-horse-9"
ADMIN = Actor.operator("测试管理员")

#: login -> (display name, grants): two bodies in one county, a third body in another county.
USERS = {
    "clerk_a": ("登记员甲", [Grant(Role.CLERK, "edu")]),
    "reviewer_a": ("负责人乙", [Grant(Role.REVIEWER, "edu")]),
    "secrecy_a": ("保密员丙", [Grant(Role.SECRECY, "edu")]),
    "badmin_a": ("单位管理员丁", [Grant(Role.BODY_ADMIN, "edu")]),
    "clerk_b": ("他局登记员", [Grant(Role.CLERK, "env")]),
    "clerk_c": ("外县登记员", [Grant(Role.CLERK, "far")]),
    "super_1": ("本县政务公开办", [Grant(Role.SUPERVISOR, region_id="r1")]),
    "super_2": ("外县政务公开办", [Grant(Role.SUPERVISOR, region_id="r2")]),
    "admin": ("系统管理员", [Grant(Role.ADMIN)]),
    "nobody": ("无角色用户", []),
}


@pytest.fixture(scope="session", autouse=True)
def cheap_hashes():
    """argon2-cffi's test profile: the same code paths, milliseconds instead of half a second."""
    passwords.use_parameters(profiles.CHEAPEST)


@pytest.fixture
def svc(store):
    return Services(store, today=lambda: TODAY)


@pytest.fixture
def world(svc):
    s = svc.store
    s.add_region(Region("r1", "甲县", RegionLevel.COUNTY), "测试")
    s.add_region(Region("r2", "乙县", RegionLevel.COUNTY), "测试")
    profile = BodyProfile(
        office_name="局办公室",
        address="甲县人民路1号",
        phone="0570-1234567",
        doc_prefix="甲教公开",
        reconsideration_body="甲县人民政府",
        court="甲县人民法院",
    )
    s.add_body("edu", "甲县教育局", "测试", "r1", kind=BodyKind.DEPARTMENT, profile=profile)
    s.add_body("env", "甲县环境局", "测试", "r1", kind=BodyKind.DEPARTMENT)
    s.add_body("far", "乙县教育局", "测试", "r2", kind=BodyKind.DEPARTMENT)
    for login, (name, grants) in USERS.items():
        svc.accounts.create_user(ADMIN, login, name, PASSWORD, grants)
    return svc


def settings(**kw) -> Settings:
    return Settings(secret_key="test-secret-key", **kw)


@pytest.fixture
def app(world):
    return create_app(settings(), world)


def csrf(client: TestClient) -> str:
    """The CSRF token of the client's session (asgi-csrf puts the same value in its cookie and forms)."""
    if "csrftoken" not in client.cookies:
        client.get("/login")
    return client.cookies["csrftoken"]


def post(client: TestClient, url: str, data: dict | None = None, **kw):
    return client.post(url, data={"csrftoken": csrf(client), **(data or {})}, follow_redirects=False, **kw)


def login(client: TestClient, name: str, password: str = PASSWORD):
    return post(client, "/login", {"login": name, "password": password})


@pytest.fixture
def signed_in(app):
    clients = []

    def make(name: str | None) -> TestClient:
        c = TestClient(app)
        clients.append(c)
        if name is not None:
            r = login(c, name)
            assert r.status_code == 303, r.text
        return c

    yield make
    for c in clients:
        c.close()


# ---------------------------------------------------------------------------------------------- live


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a thread of the test process, on a free port of 127.0.0.1."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("测试服务器未能启动")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def live_server(app):
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, driven by Playwright (which downloads no browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
