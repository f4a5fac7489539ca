"""The office dashboard: what is due, overdue, waiting past its period, late this year; the report date."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.reporting import STATUS_LABELS
from gongkai.web import nav
from gongkai.web.deps import OfficeDep
from gongkai.web.templating import render

router = APIRouter()
nav.add("office", "工作台", "/office/{body_id}/", order=10)


@router.get("/")
def dashboard(request: Request, o: OfficeDep):
    d = o.svc.dashboard.dashboard(o.actor, o.id)
    report = {
        "year": d.report_year,
        "due": d.report_due,
        "days_left": (d.report_due - d.today).days,
        "status": STATUS_LABELS[d.report_status],
        "status_code": d.report_status.value,
    }
    return render(
        request,
        "office/dashboard.html",
        counts=d.counts,
        lists=d.lists,
        report=report,
        month_start=d.today.replace(day=1),
    )
