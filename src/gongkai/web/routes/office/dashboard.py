"""The office dashboard: what is due, overdue, waiting past its period, late this year; the report date."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.register.types import State
from gongkai.reporting import STATUS_LABELS, due_date
from gongkai.store import RequestQuery
from gongkai.web import nav
from gongkai.web.deps import OfficeDep
from gongkai.web.templating import render

router = APIRouter()
nav.add("office", "工作台", "/office/{body_id}/", order=10)


@router.get("/")
def dashboard(request: Request, o: OfficeDep):
    svc, a, b = o.svc, o.actor, o.id
    today = svc.requests.today()
    few = {"limit": 8}
    lists = {
        "due3": svc.requests.due_within(a, b, 3, **few),
        "due5": svc.requests.due_within(a, b, 5, **few),
        "overdue": svc.requests.overdue(a, b, **few),
        "waiting": svc.requests.waiting_past(a, b, **few),
        "late": svc.requests.late_answers(a, b, today.year, **few),
    }
    month_start = today.replace(day=1)
    month = {
        "received": svc.requests.list(
            a, b, RequestQuery(received_from=month_start, received_to=today, limit=1)
        ).total,
        "closed": svc.requests.list(
            a, b, RequestQuery(closed_from=month_start, closed_to=today, limit=1)
        ).total,
        "open": svc.requests.list(a, b, RequestQuery(states=_OPEN, limit=1)).total,
    }
    year = today.year - 1
    due = due_date(o.body.kind, year)
    status = svc.annual.status(a, b, year)
    report = {
        "year": year,
        "due": due,
        "days_left": (due - today).days,
        "status": STATUS_LABELS[status],
        "status_code": status.value,
    }
    return render(
        request, "office/dashboard.html", lists=lists, month=month, report=report, month_start=month_start
    )


_OPEN = tuple(s.value for s in State if not s.closed)
