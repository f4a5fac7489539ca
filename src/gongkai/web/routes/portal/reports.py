"""政府信息公开年报: each published year, as HTML in the national layout and as DOCX."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import quote

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.routes.portal.common import page
from gongkai.write import html as html_writer
from gongkai.write import to_bytes

router = APIRouter(prefix="/gk/{body_id}/reports")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("/")
def reports(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    org = svc.store.body(body_id)
    return page(
        request,
        "portal/reports.html",
        title=f"{org.name} · 年度报告",
        org=org,
        tab="reports",
        reports=svc.portal.reports(body_id),
    )


@router.get("/{year}.html")
def report_html(svc: Svc, body_id: str, year: int):
    """The report as one printable page of the national layout. Its stylesheet is inline, so the page's
    CSP allows exactly that stylesheet by its hash (still no inline script)."""
    text = html_writer.render(svc.portal.report(body_id, year))
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in styles
    )
    csp = (
        f"default-src 'none'; style-src {hashes}; img-src 'self' data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(text, headers={"content-security-policy": csp})


@router.get("/{year}.docx")
def report_docx(svc: Svc, body_id: str, year: int):
    org = svc.store.body(body_id)
    data = to_bytes(svc.portal.report(body_id, year), "docx")
    name = f"{org.name}{year}年政府信息公开工作年度报告.docx"
    return Response(data, media_type=DOCX, headers={"content-disposition": _attachment(name)})


def _attachment(name: str) -> str:
    return f"attachment; filename=\"report.docx\"; filename*=UTF-8''{quote(name)}"
