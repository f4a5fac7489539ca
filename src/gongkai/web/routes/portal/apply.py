"""The online application (第二十九条): a form that works without JavaScript, and the receipt with the
tracking code, shown once."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.datastructures import UploadFile
from starlette.requests import Request

from gongkai.errors import GongkaiError, LimitExceeded
from gongkai.portal.application import (
    APPLICANT_KIND_LABELS,
    FORM_LABELS,
    ORGANISATION_TYPE_LABELS,
    PERSON_ID_TYPES,
    ApplicationInvalid,
)
from gongkai.portal.documents import MAX_BYTES
from gongkai.register.types import DELIVERY_LABELS, ID_TYPE_LABELS, MEDIUM_LABELS
from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.forms import Form
from gongkai.web.routes.portal.common import limit, page

router = APIRouter(prefix="/gk/{body_id}/apply")
FIELDS = (*FORM_LABELS, "id_document")
CHOICES = {
    "kinds": [(k.value, label) for k, label in APPLICANT_KIND_LABELS.items()],
    "org_types": list(ORGANISATION_TYPE_LABELS.items()),
    "id_types": [(t.value, ID_TYPE_LABELS[t]) for t in PERSON_ID_TYPES],
    "media": [(k.value, v) for k, v in MEDIUM_LABELS.items()],
    "deliveries": [(k.value, v) for k, v in DELIVERY_LABELS.items()],
}


def _form_page(request: Request, svc, body_id: str, form: Form, status_code: int = 200):
    org = svc.store.body(body_id)
    return page(
        request,
        "portal/apply.html",
        status_code=status_code,
        title=f"{org.name} · 网上申请",
        org=org,
        tab="apply",
        form=form,
        max_mb=MAX_BYTES // 1048576,
        **CHOICES,
    )


@router.get("")
def apply_form(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    return _form_page(
        request, svc, body_id, Form({"kind": "person", "id_type": "resident_id"}, fields=FIELDS)
    )


@router.post("")
async def apply(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    svc.store.body(body_id)
    limit(request, "apply")
    if int(request.headers.get("content-length") or 0) > MAX_BYTES + 256 * 1024:
        raise LimitExceeded(
            f"提交的内容过大（身份证明文件最大{MAX_BYTES // 1048576} MB）", code="portal.upload.size"
        )
    posted = await request.form()
    values = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrftoken"}
    upload = posted.get("id_document")
    data, filename = b"", ""
    if isinstance(upload, UploadFile) and upload.filename:
        data, filename = await upload.read(MAX_BYTES + 1), upload.filename
    form = Form(values, fields=FIELDS)
    try:
        receipt = svc.portal.apply(body_id, values, data, filename)
    except ApplicationInvalid as e:
        form.errors.update(e.problems)
        return _form_page(request, svc, body_id, form, 422)
    except GongkaiError as e:
        return _form_page(request, svc, body_id, form.failed(e), e.http_status)
    org = svc.store.body(body_id)
    return page(request, "portal/receipt.html", title="申请已提交", org=org, tab="apply", receipt=receipt)
