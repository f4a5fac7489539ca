"""`/`: the regions with their bodies and a search over every catalogue; `/search`; `/text-size` (适老化)."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.routes.portal.common import LARGE_COOKIE, page

router = APIRouter()


@router.get("/")
def home(request: Request, svc: Svc, _user: MaybeUser):
    regions = svc.store.regions()
    bodies = svc.store.bodies()
    by_region = {r.id: [b for b in bodies if b.region_id == r.id] for r in regions}
    loose = [b for b in bodies if b.region_id is None]
    latest, _ = svc.portal.catalogue(limit=8)
    return page(
        request,
        "portal/home.html",
        title="政府信息公开",
        regions=[r for r in regions if by_region[r.id]],
        by_region=by_region,
        loose=loose,
        latest=latest,
    )


@router.get("/search")
def search(request: Request, svc: Svc, _user: MaybeUser, q: str = "", offset: int = 0):
    rows, total = svc.portal.catalogue(query=q, limit=20, offset=max(0, offset)) if q.strip() else ([], 0)
    return page(
        request,
        "portal/search.html",
        title="检索",
        q=q,
        rows=rows,
        total=total,
        offset=offset,
    )


@router.get("/text-size")
def text_size(large: int = 0, next: str = "/"):
    """Switch the larger-text mode on or off, then back to the page (only a path of this site)."""
    target = urlsplit(next)
    back = next if not target.scheme and not target.netloc and next.startswith("/") else "/"
    r = RedirectResponse(back, status_code=303)
    if large:
        r.set_cookie(LARGE_COOKIE, "1", max_age=365 * 86400, samesite="lax", httponly=True)
    else:
        r.delete_cookie(LARGE_COOKIE)
    return r
