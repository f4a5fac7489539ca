"""年度报告 pages, `/office/{body_id}/report/{year}`: the report built from the register, its narrative
sections 一、五、六 edited on the page, the preview in the national layout with the checks' findings, DOCX and
HTML downloads, and the report submitted and published by the date of 第四十九条."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from markupsafe import escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from gongkai.access import permissions as can
from gongkai.errors import GongkaiError
from gongkai.format import SECTIONS
from gongkai.org.model import BodyKind
from gongkai.service.base import FIRST_YEAR
from gongkai.web import flash, nav
from gongkai.web.deps import Office, OfficeDep
from gongkai.web.forms import Posted, form_of
from gongkai.web.routes.office.proactive_forms import parse_day
from gongkai.web.templating import render

router = APIRouter()
nav.add("office", "年度报告", "/office/{body_id}/report/", order=40)

NARRATIVE = (1, 5, 6)  # the sections the office writes; 二、三、四 come from the register
NARRATIVE_FIELDS = tuple(f"s{n}" for n in NARRATIVE)
DATE_FIELDS = ("submitted_on", "published_on")
# The preview is a page of its own (inline CSS of the national layout), shown in a frame of the report page.
PREVIEW_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
}


def _url(o: Office, year: int | None = None) -> str:
    return f"/office/{o.id}/report/" + (f"{year}" if year else "")


@router.get("/report/")
def current(o: OfficeDep):
    return RedirectResponse(_url(o, o.svc.annual.working_year()), status_code=303)


@router.get("/annual/")
def current_old_path(o: OfficeDep):
    return current(o)


@router.get("/report/{year:int}")
def report_page(request: Request, year: int, o: OfficeDep):
    return _page(request, o, year)


def _page(request, o, year, *, narrative_form=None, date_form=None, code=200):
    svc = o.svc
    standing = svc.annual.standing(o.actor, o.id, year)
    report = svc.annual.preview(o.actor, o.id, year)
    if narrative_form is None:
        narrative_form = form_of(
            {f"s{n}": standing.narrative.get(n, "") for n in NARRATIVE}, NARRATIVE_FIELDS
        )
    today = svc.annual.today()
    return render(
        request,
        "office/annual/report.html",
        status_code=code,
        title=f"{year}年度报告",
        year=year,
        years=list(range(today.year, FIRST_YEAR - 1, -1)),
        standing=standing,
        findings=report.findings,
        narrative_form=narrative_form,
        date_form=date_form or form_of(dict.fromkeys(DATE_FIELDS, today.isoformat()), DATE_FIELDS),
        headings={s.number: s.title for s in SECTIONS if s.number in NARRATIVE},
        government=BodyKind(o.body.kind) is BodyKind.GOVERNMENT,
        may_write=svc.approvals.may(o.actor, o.id, "submit") and not standing.final,
        may_sign=o.may(can.can_sign) and not standing.final,
        url=_url(o, year),
    )


@router.post("/report/{year:int}/narrative")
def save_narrative(request: Request, year: int, o: OfficeDep, values: Posted):
    form = form_of(values, NARRATIVE_FIELDS)
    htmx = bool(request.headers.get("hx-request"))
    try:
        o.svc.annual.save_narrative(o.actor, o.id, year, {n: values.get(f"s{n}", "") for n in NARRATIVE})
    except GongkaiError as e:
        if htmx:
            # htmx swaps only 2xx answers: the refusal is shown in place, the status stays in a header
            return HTMLResponse(
                f'<span class="error">{escape(e.message)}</span>', headers={"x-refused": str(e.http_status)}
            )
        return _page(request, o, year, narrative_form=form.failed(e), code=e.http_status)
    if htmx:
        return HTMLResponse("正文已保存。刷新页面后，预览和检查结果随之更新。")
    flash.flash(request, "正文已保存")
    return RedirectResponse(f"{_url(o, year)}#narrative", status_code=303)


@router.get("/report/{year:int}/preview")
def preview(year: int, o: OfficeDep):
    html = o.svc.annual.preview_html(o.actor, o.id, year)
    return HTMLResponse(html, headers=PREVIEW_HEADERS)


@router.get("/report/{year:int}/download.{fmt}")
def download(year: int, fmt: str, o: OfficeDep):
    f = o.svc.annual.file(o.actor, o.id, year, fmt)
    disposition = f"attachment; filename=\"report-{year}.{fmt}\"; filename*=UTF-8''{quote(f.name)}"
    headers = {"content-disposition": disposition}
    if fmt == "html":
        headers |= PREVIEW_HEADERS
    return Response(f.data, media_type=f.media_type, headers=headers)


@router.post("/report/{year:int}/submit")
def submit(request: Request, year: int, o: OfficeDep, values: Posted):
    """报送: to the government's disclosure office, with the day it was sent."""
    return _mark(request, o, year, values, o.svc.annual.submit, ("submitted_on", "报送日期"), "已报送")


@router.post("/report/{year:int}/publish")
def publish(request: Request, year: int, o: OfficeDep, values: Posted):
    """公开: published, with the day; the report is final from then on."""
    return _mark(request, o, year, values, o.svc.annual.publish, ("published_on", "公开日期"), "已公开")


def _mark(request, o, year, values, do, field, done):
    name, what = field
    form = form_of(values, DATE_FIELDS, **{what: name})
    try:
        day = parse_day(values.get(name), what)
        do(o.actor, o.id, year, on=day)
    except GongkaiError as e:
        return _page(request, o, year, date_form=form.failed(e), code=e.http_status)
    flash.flash(request, f"{year}年度报告{done}（{day.isoformat()}）")
    return RedirectResponse(_url(o, year), status_code=303)
