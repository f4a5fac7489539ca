"""The public face: `/` (a placeholder listing regions and bodies; the portal replaces it) and /healthz."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from starlette.requests import Request

from gongkai.web.deps import MaybeUser, Svc
from gongkai.web.templating import render

router = APIRouter()


@router.get("/healthz", response_class=PlainTextResponse)
def healthz() -> str:
    return "ok"


@router.get("/")
def home(request: Request, svc: Svc, _user: MaybeUser):
    regions = svc.store.regions()
    bodies = svc.store.bodies()
    by_region = {r.id: [b for b in bodies if b.region_id == r.id] for r in regions}
    loose = [b for b in bodies if b.region_id is None]
    return render(request, "public/home.html", regions=regions, by_region=by_region, loose=loose)
