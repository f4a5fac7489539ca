"""The office's side of the portal, `/office/{body_id}/portal/…`: online applications to confirm (第三十一条),
their identity documents, documents delivered to online applicants, the applicants' ratings, and the
政府信息公开指南 and 制度 (edited by the body's administrator or reviewer)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gongkai.access import permissions as can
from gongkai.dates import parse_date
from gongkai.errors import GongkaiError
from gongkai.portal import GUIDE_LABELS, Guide
from gongkai.web import flash, nav
from gongkai.web.deps import OfficeDep
from gongkai.web.forms import Form, Posted
from gongkai.web.templating import render
from gongkai.write.notices import NoticeKind
from gongkai.write.notices.kinds import KIND_LABELS

router = APIRouter(prefix="/portal")
nav.add("office", "网上申请", "/office/{body_id}/portal/", order=35)
nav.add(
    "office",
    "公开指南",
    "/office/{body_id}/portal/guide",
    order=36,
    visible=lambda actor, params: can.can_edit_guide(actor, params.get("body_id", "")),
)

#: What may be delivered to an online applicant from the office's page.
DELIVERABLE = [
    (k.value, KIND_LABELS[k])
    for k in (NoticeKind.ANSWER, NoticeKind.CORRECTION, NoticeKind.EXTENSION, NoticeKind.FEE)
]


@router.get("/")
def online(request: Request, o: OfficeDep):
    svc, a, b = o.svc, o.actor, o.id
    pending = svc.portal.unconfirmed(a, b)
    recent = svc.portal.confirmed(a, b, limit=30)
    return render(
        request,
        "office/portal.html",
        title="网上申请",
        pending=pending,
        recent=recent,
        ratings=svc.portal.ratings(a, b),
        summary=svc.portal.rating_summary(a, b, svc.portal.today().year),
        deliverable=DELIVERABLE,
        today=svc.portal.today(),
    )


@router.post("/confirm")
def confirm(request: Request, o: OfficeDep, form: Posted):
    case = form.get("case_no", "")
    try:
        on = parse_date(form["on"]) if form.get("on") else None
        view = o.svc.portal.confirm(o.actor, o.id, case, on)
        flash.flash(
            request,
            f"已确认收到申请{case}，收到日期{view.request.received_on}，答复期限{view.state.due}",
            "ok",
        )
    except GongkaiError as e:
        flash.flash(request, str(e), "error")
    return RedirectResponse(f"/office/{o.id}/portal/", status_code=303)


@router.post("/deliver")
def deliver(request: Request, o: OfficeDep, form: Posted):
    case = form.get("case_no", "")
    try:
        d = o.svc.portal.deliver(o.actor, o.id, case, form.get("kind", ""))
        flash.flash(request, f"已向网上申请人送达{d.kind}（{d.doc_no}）", "ok")
    except GongkaiError as e:
        flash.flash(request, str(e), "error")
    return RedirectResponse(f"/office/{o.id}/portal/", status_code=303)


@router.get("/identity")
def identity(o: OfficeDep, case_no: str):
    mime, data = o.svc.portal.identity_document(o.actor, o.id, case_no)
    return Response(
        data, media_type=mime, headers={"cache-control": "no-store", "content-disposition": "inline"}
    )


@router.get("/guide")
def guide_form(request: Request, o: OfficeDep):
    view = o.svc.portal.guide(o.id)
    form = Form({**view.guide.to_dict(), "rules": view.rules, "version": str(view.version)}, fields=_FIELDS)
    return _guide_page(request, o, form)


@router.post("/guide")
def guide_save(request: Request, o: OfficeDep, form: Posted):
    f = Form(dict(form), fields=_FIELDS)
    try:
        guide = Guide(**{k: form.get(k, "") for k in Guide.field_names()})
        version = int(form.get("version") or 0) if str(form.get("version") or "0").isdigit() else -1
        o.svc.portal.save_guide(o.actor, o.id, guide, form.get("rules", ""), version)
    except GongkaiError as e:
        return _guide_page(request, o, f.failed(e), e.http_status)
    flash.flash(request, "政府信息公开指南和制度已保存，门户网站即时更新", "ok")
    return RedirectResponse(f"/office/{o.id}/portal/guide", status_code=303)


_FIELDS = (*Guide.field_names(), "rules")
_LONG = {"organisation", "procedure", "fees", "remedies"}


def _guide_page(request: Request, o, form: Form, status_code: int = 200):
    return render(
        request,
        "office/portal_guide.html",
        status_code=status_code,
        title="政府信息公开指南",
        form=form,
        labels=GUIDE_LABELS,
        long=_LONG,
        may_edit=o.may(can.can_edit_guide),
    )
