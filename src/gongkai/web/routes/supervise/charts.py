"""The region's charts (ECharts, drawn by static/supervise-charts.js), each with its table."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.web import nav
from gongkai.web.deps import SupervisionDep
from gongkai.web.supervise_pages import chosen_year, year_choices
from gongkai.web.templating import render

router = APIRouter()
nav.add("supervise", "图表", "/supervise/{region_id}/charts", order=40)


@router.get("/charts")
def charts(request: Request, sv: SupervisionDep, year: int | None = None):
    year = chosen_year(sv, year)
    return render(
        request,
        "supervise/charts.html",
        year=year,
        years=year_choices(sv),
        charts=sv.svc.supervision.charts(sv.actor, sv.id, year),
    )
