"""The supervisor's start page (a placeholder the supervisor pages replace): the region's bodies."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.web import nav
from gongkai.web.deps import SupervisionDep
from gongkai.web.templating import render

router = APIRouter()
nav.add("supervise", "概况", "/supervise/{region_id}/", order=10)


@router.get("/")
def overview(request: Request, sv: SupervisionDep):
    bodies = sv.svc.store.bodies(sv.svc.store.region_tree(sv.id))
    return render(request, "supervise/overview.html", bodies=bodies)
