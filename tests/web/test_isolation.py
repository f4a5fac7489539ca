"""Every route of the application, called as a user who may not see it, answers 403 or 404.

The routes are enumerated from `app.routes`, so a route added later is tested too; and a route under
/office/ or /supervise/ or /admin/ that does not carry its area's check fails `unprotected_routes`.
"""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from tests.web.conftest import post, settings

from gongkai.web.app import create_app, routes
from gongkai.web.deps import administrator, office, supervision

AREAS = {"/office/": office, "/supervise/": supervision, "/admin": administrator}
#: Values for the other path parameters: existing-looking ids, so a route must refuse before looking.
FILL = {
    "case_no": "2026-001",
    "login": "clerk_a",
    "seq": "1",
    "approval_id": "1",
    "pub_id": "1",
    "year": "2025",
}


def _calls(dependant) -> set:
    out = {dependant.call}
    for d in dependant.dependencies:
        out |= _calls(d)
    return out


def unprotected_routes(app: FastAPI) -> list[str]:
    """Routes of a protected area whose dependencies do not include the area's check."""
    bad = []
    for r in routes(app):
        for prefix, check in AREAS.items():
            if r.path.startswith(prefix) and check not in _calls(r.dependant):
                bad.append(f"{sorted(r.methods)} {r.path}")
    return bad


def _url(path: str, **given) -> str:
    def fill(m):
        name = m.group(1).split(":")[0]
        return given.get(name) or FILL.get(name, "1")

    return re.sub(r"\{([^}]+)\}", fill, path)


def _routes(app, prefix):
    return [(m, r.path) for r in routes(app) if r.path.startswith(prefix) for m in r.methods]


def _call(client, method, url):
    if method == "GET":
        return client.get(url, follow_redirects=False)
    return post(client, url, {})


def test_every_area_route_carries_its_check(app):
    assert unprotected_routes(app) == []
    assert len(_routes(app, "/office/")) >= 3  # the enumeration sees the routes


def test_an_unprotected_office_route_is_caught(world):
    app = create_app(settings(), world)

    @app.get("/office/{body_id}/leak")
    def leak(body_id: str):
        return {"body": body_id}

    assert unprotected_routes(app) == ["['GET'] /office/{body_id}/leak"]


@pytest.mark.parametrize("outsider", ["clerk_b", "clerk_c", "super_2", "nobody"])
def test_office_routes_refuse_users_of_other_bodies(app, signed_in, outsider):
    c = signed_in(outsider)
    for method, path in _routes(app, "/office/"):
        r = _call(c, method, _url(path, body_id="edu"))
        assert r.status_code in (403, 404), f"{method} {path} as {outsider}: {r.status_code}"
        assert "没有权限" in r.text or "不存在" in r.text or "不是" in r.text
        # the refusal may name the body (its name is public), but shows neither its bar nor its menu
        assert 'class="contextbar"' not in r.text and "sidenav" not in r.text, f"{method} {path}"


def test_office_routes_send_strangers_to_the_login(app, signed_in):
    c = signed_in(None)
    for method, path in _routes(app, "/office/"):
        r = _call(c, method, _url(path, body_id="edu"))
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), f"{method} {path}"


@pytest.mark.parametrize("outsider", ["clerk_a", "super_2", "badmin_a"])
def test_supervisor_routes_refuse_others(app, signed_in, outsider):
    c = signed_in(outsider)
    for method, path in _routes(app, "/supervise/"):
        r = _call(c, method, _url(path, region_id="r1"))
        assert r.status_code in (403, 404), f"{method} {path} as {outsider}: {r.status_code}"


@pytest.mark.parametrize("outsider", ["clerk_a", "badmin_a", "super_1"])
def test_admin_routes_refuse_everyone_but_the_administrator(app, signed_in, outsider):
    c = signed_in(outsider)
    for method, path in _routes(app, "/admin"):
        r = _call(c, method, _url(path))
        assert r.status_code == 403, f"{method} {path} as {outsider}: {r.status_code}"


def test_staff_and_supervisors_reach_their_own_pages(signed_in):
    assert signed_in("clerk_a").get("/office/edu/").status_code == 200
    assert signed_in("admin").get("/office/edu/").status_code == 200
    assert signed_in("super_1").get("/supervise/r1/").status_code == 200
    assert signed_in("super_1").get("/office/edu/").status_code == 403  # supervisors read via /supervise/
    assert signed_in("clerk_a").get("/office/nowhere/").status_code == 404
