"""After a full demo year (every body's requests, online applications with 补正, answers and ratings),
no public page shows an applicant's name, identity number, telephone, e-mail or address: the portal is
crawled from `/` by following every link a visitor can follow, annual reports in DOCX included."""

from __future__ import annotations

import io
import re
import zipfile
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from gongkai.demo import build
from gongkai.demo_portal import APPLICANTS, build_portal
from gongkai.service import Services
from gongkai.web.app import create_app

from .conftest import settings

PRIVATE_AREAS = ("/office", "/supervise", "/admin", "/login", "/logout", "/account", "/static")
MAX_PAGES = 1500


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GONGKAI_DATA_DIR", str(folder / "uploads"))  # the demo's identity scans stay here
        build(url, extra=[build_portal])
    svc = Services.open(url, data_dir=folder / "uploads")
    yield svc
    svc.store.close()


def _personal(svc: Services) -> set[str]:
    """Every applicant's name, identity number, telephone, e-mail and address in the register."""
    values = set()
    for b in svc.store.bodies():
        for r in svc.store.requests(b.id, include_deleted=True):
            values |= {r.applicant_name, r.id_number, r.applicant_contact, r.email, r.address}
    return {v for v in values if v and len(v) >= 2}


def _text(response) -> str:
    if response.headers.get("content-type", "").startswith("application/vnd.openxmlformats"):
        with zipfile.ZipFile(io.BytesIO(response.content)) as z:
            return re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))
    return response.text


def _links(page: str, base: str) -> list[str]:
    out = []
    for href in re.findall(r'href="([^"#]+)"', page):
        href = href.replace("&amp;", "&")
        parts = urlsplit(urljoin(base, href))
        if parts.netloc not in ("", "testserver") or parts.path.startswith(PRIVATE_AREAS):
            continue
        if parts.path == "/text-size":
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def test_no_public_page_shows_an_applicants_personal_data(demo):
    personal = _personal(demo)
    online = {a.form["name"] for a in APPLICANTS} | {a.form["id_number"] for a in APPLICANTS}
    assert online <= personal and len(personal) > 100  # the scan looks for the demo's real applicants
    seen, queue, found = set(), ["/", "/track", "/search?q=预算", "/search?q=规划条件"], []
    with TestClient(create_app(settings(), demo)) as client:
        while queue and len(seen) < MAX_PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            r = client.get(path)
            assert r.status_code == 200, path
            text = _text(r)
            found += [(path, v) for v in personal if v in text]
            if "html" in r.headers.get("content-type", ""):
                queue += [p for p in _links(text, path) if p not in seen]
    kinds = {re.sub(r"/\d+(\.\w+)?$", "/N", p.split("?")[0]) for p in seen}
    assert {"/gk/yx-zrj/guide", "/gk/yx-zrj/rules", "/gk/yx-zrj/catalogue/N", "/gk/yx-zrj/reports/N"} <= kinds
    assert any(p.endswith(".docx") for p in seen) and len(seen) > 60
    assert found == []
