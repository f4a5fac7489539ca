"""Following an online application: the code and the telephone's last four digits, then the status, the
due date, the notices, the 补正 answered online, the documents to download, and the rating.

The code never goes into a URL (it would sit in logs and histories): every step is a form post carrying
the code and the digits, counted against the client's tracking rate.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from gongkai.errors import GongkaiError
from gongkai.portal.documents import MAX_BYTES
from gongkai.portal.ratings import RATING_LABELS
from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.forms import Form
from gongkai.web.routes.portal.common import limit, page

router = APIRouter(prefix="/track")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RATINGS = [(r.value, label) for r, label in RATING_LABELS.items()]


def _form(request: Request, form: Form, status_code: int = 200):
    return page(request, "portal/track_form.html", status_code=status_code, title="查询办理进度", form=form)


def _view(request: Request, svc, code: str, phone: str, form: Form | None = None, status_code: int = 200):
    t = svc.portal.track(code, phone)
    return page(
        request,
        "portal/track.html",
        status_code=status_code,
        title=f"办理进度 · {t.case_no}",
        t=t,
        code=code,
        phone=phone,
        ratings=RATINGS,
        form=form or Form(fields=("text", "rating", "comment", "id_document")),
    )


async def _posted(request: Request) -> tuple[dict, UploadFile | None]:
    limit(request, "track")
    posted = await request.form()
    values = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrftoken"}
    upload = posted.get("id_document")
    return values, upload if isinstance(upload, UploadFile) and upload.filename else None


@router.get("")
def track_form(request: Request, _user: MaybeUser):
    return _form(request, Form(fields=("code", "phone")))


@router.post("")
async def track(request: Request, svc: Svc, _user: MaybeUser):
    values, _ = await _posted(request)
    try:
        return _view(request, svc, values.get("code", ""), values.get("phone", ""))
    except GongkaiError as e:
        return _form(request, Form(values, fields=("code", "phone")).failed(e), e.http_status)


@router.post("/correction")
async def correction(request: Request, svc: Svc, _user: MaybeUser):
    values, upload = await _posted(request)
    code, phone = values.get("code", ""), values.get("phone", "")
    data = await upload.read(MAX_BYTES + 1) if upload else None
    form = Form(values, fields=("text", "id_document"))
    try:
        svc.portal.answer_correction(
            code, phone, values.get("text", ""), data, upload.filename if upload else ""
        )
    except GongkaiError as e:
        return _view(request, svc, code, phone, form.failed(e), e.http_status)
    return _view(request, svc, code, phone, Form(fields=form.fields, message=""), 200)


@router.post("/rate")
async def rate(request: Request, svc: Svc, _user: MaybeUser):
    values, _ = await _posted(request)
    code, phone = values.get("code", ""), values.get("phone", "")
    form = Form(values, fields=("rating", "comment"))
    try:
        svc.portal.rate(code, phone, values.get("rating", ""), values.get("comment", ""))
    except GongkaiError as e:
        return _view(request, svc, code, phone, form.failed(e), e.http_status)
    return _view(request, svc, code, phone)


@router.post("/download/{download_id}")
async def download(request: Request, svc: Svc, download_id: int, _user: MaybeUser):
    values, _ = await _posted(request)
    filename, data = svc.portal.download(values.get("code", ""), values.get("phone", ""), download_id)
    disposition = f"attachment; filename=\"document.docx\"; filename*=UTF-8''{quote(filename)}"
    return Response(
        data, media_type=DOCX, headers={"content-disposition": disposition, "cache-control": "no-store"}
    )
