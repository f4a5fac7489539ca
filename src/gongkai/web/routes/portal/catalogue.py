"""法定主动公开内容: a body's published catalogue, searched in Chinese, and each entry."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.routes.portal.common import CATEGORIES, joined, page

router = APIRouter(prefix="/gk/{body_id}/catalogue")
PAGE = 20


@router.get("/")
def catalogue(
    request: Request,
    svc: Svc,
    body_id: str,
    _user: MaybeUser,
    q: str = "",
    category: str = "",
    offset: int = 0,
):
    org = svc.store.body(body_id)
    category = category if category in dict(CATEGORIES) else ""
    rows, total = svc.portal.catalogue(
        body_id, q, category=category or None, limit=PAGE, offset=max(0, offset)
    )
    return page(
        request,
        "portal/catalogue.html",
        title=f"{org.name} · 法定主动公开内容",
        org=org,
        tab="catalogue",
        rows=rows,
        total=total,
        q=q,
        category=category,
        offset=max(0, offset),
        limit=PAGE,
    )


@router.get("/{pub_id}")
def entry(request: Request, svc: Svc, body_id: str, pub_id: int, _user: MaybeUser):
    org = svc.store.body(body_id)
    row = svc.portal.entry(body_id, pub_id)
    return page(request, "portal/entry.html", title=joined(row.title), org=org, tab="catalogue", row=row)
