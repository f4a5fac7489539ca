"""A body's 政府信息公开 column: its home, the 指南 and the 制度."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.portal import GUIDE_LABELS
from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.routes.portal.common import page

router = APIRouter(prefix="/gk/{body_id}")


def _column(request: Request, svc, body_id: str, tab: str, template: str, **ctx):
    org = svc.store.body(body_id)
    return page(request, template, title=f"{org.name} · 政府信息公开", org=org, tab=tab, **ctx)


@router.get("/")
def column(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    latest, total = svc.portal.catalogue(body_id, limit=6)
    reports = svc.portal.reports(body_id)
    return _column(
        request,
        svc,
        body_id,
        "home",
        "portal/column.html",
        guide=svc.portal.guide(body_id, _apply_url(request, body_id)),
        latest=latest,
        total=total,
        reports=reports[:3],
    )


@router.get("/guide")
def guide(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    view = svc.portal.guide(body_id, _apply_url(request, body_id))
    return _column(request, svc, body_id, "guide", "portal/guide.html", view=view, labels=GUIDE_LABELS)


@router.get("/rules")
def rules(request: Request, svc: Svc, body_id: str, _user: MaybeUser):
    view = svc.portal.guide(body_id)
    return _column(request, svc, body_id, "rules", "portal/rules.html", view=view)


def _apply_url(request: Request, body_id: str) -> str:
    return str(request.base_url).rstrip("/") + f"/gk/{body_id}/apply"
