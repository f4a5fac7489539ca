"""Upload of a published report of a body not on the platform: read through the readers, its findings
shown and unread cells flagged on the report page it leads to.

The form posts through htmx, so the CSRF token travels in the x-csrftoken header: asgi-csrf 0.11 cannot
read a multipart body with python-multipart ≥ 0.0.26 (simonw/asgi-csrf#38), and an older python-multipart
has known CVEs. A browser without JavaScript is told so on the form."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gongkai.errors import GongkaiError, InputError
from gongkai.org.model import BODY_KIND_LABELS, BodyKind
from gongkai.web import nav
from gongkai.web.deps import SupervisionDep
from gongkai.web.flash import flash
from gongkai.web.forms import Form, form_of
from gongkai.web.supervise_pages import chosen_year, year_choices
from gongkai.web.templating import render

router = APIRouter()
nav.add("supervise", "上传报告", "/supervise/{region_id}/upload", order=30)

FIELDS = ("year", "file", "body_name", "kind", "region", "published_on")
_KINDS = [(k.value, BODY_KIND_LABELS[k]) for k in BodyKind if k is not BodyKind.OFFICE]


@router.get("/upload")
def upload_form(request: Request, sv: SupervisionDep, year: int | None = None):
    year = chosen_year(sv, year)
    form = form_of({"year": str(year), "region": sv.id, "kind": BodyKind.DEPARTMENT.value}, FIELDS)
    return _form_page(request, sv, form, year)


@router.post("/upload")
async def upload(request: Request, sv: SupervisionDep):
    posted = await request.form()
    values = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrftoken"}
    form = form_of(values, FIELDS, 报告年度="year", 公开日期="published_on")
    file = posted.get("file")
    year = _int(values.get("year"), sv)
    htmx = request.headers.get("hx-request") == "true"
    try:
        if not isinstance(file, UploadFile) or not file.filename:
            raise InputError("请选择要上传的报告文件", code="supervise.file", field="file")
        got = sv.svc.supervision.upload(
            sv.actor,
            values.get("region") or sv.id,
            year,
            file.filename,
            await file.read(),
            body_name=values.get("body_name") or None,
            kind=values.get("kind") or None,
            published_on=_date(values.get("published_on")),
        )
    except GongkaiError as e:
        # htmx swaps only successful responses: the form comes back as 200 with the error beside its field
        status = 200 if htmx else e.http_status
        return _form_page(request, sv, form.failed(e), year, status_code=status)
    blanks = len(got.blank_cells)
    note = f"，{blanks}个单元格未能读取（已标出，保持空白）" if blanks else ""
    flash(request, f"已上传并读取{got.entry.name}{year}年度报告{note}")
    target = f"/supervise/{sv.id}/uploads/{got.upload.id}"
    if htmx:
        return Response(headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _form_page(request: Request, sv: SupervisionDep, form: Form, year: int, status_code: int = 200):
    regions = sv.svc.store.region_tree(sv.id)
    names = {r.id: r.name for r in sv.svc.store.regions()}
    return render(
        request,
        "supervise/upload.html",
        status_code=status_code,
        form=form,
        year=year,
        year_options=[(str(y), f"{y}年度") for y in year_choices(sv)],
        kind_options=_KINDS,
        region_options=[(r, names[r]) for r in regions],
        uploads=sv.svc.supervision.uploads(sv.actor, sv.id, year),
    )


def _int(text: str | None, sv) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        return chosen_year(sv, None)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"公开日期“{text}”不是有效日期", code="input.date", field="published_on") from None
