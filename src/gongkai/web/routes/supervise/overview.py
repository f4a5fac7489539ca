"""The supervisor's start page: the region's bodies with their report status and deadline, and the
reminders as the deadlines approach."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.web import nav
from gongkai.web.deps import SupervisionDep
from gongkai.web.supervise_pages import chosen_year, year_choices
from gongkai.web.templating import render

router = APIRouter()
nav.add("supervise", "概况", "/supervise/{region_id}/", order=10)


@router.get("/")
def overview(request: Request, sv: SupervisionDep, year: int | None = None):
    year = chosen_year(sv, year)
    entries = sv.svc.supervision.bodies(sv.actor, sv.id, year)
    counts = Counter(e.status.value for e in entries)
    return render(
        request,
        "supervise/overview.html",
        year=year,
        years=year_choices(sv),
        entries=entries,
        counts=counts,
        reminders=sv.svc.supervision.reminders(sv.actor, sv.id, year),
    )
