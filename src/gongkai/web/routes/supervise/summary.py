"""The regional summary in the national layout, and its XLSX and DOCX downloads."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.errors import InputError
from gongkai.web import nav
from gongkai.web.deps import SupervisionDep
from gongkai.web.routes.supervise.reports import download
from gongkai.web.supervise_pages import chosen_year, tables_html, year_choices
from gongkai.web.templating import render

router = APIRouter()
nav.add("supervise", "区域汇总", "/supervise/{region_id}/summary", order=20)

_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@router.get("/summary")
def summary(request: Request, sv: SupervisionDep, year: int | None = None):
    year = chosen_year(sv, year)
    page = {"year": year, "years": year_choices(sv)}
    try:
        got = sv.svc.supervision.summary(sv.actor, sv.id, year)
    except InputError as e:  # nothing reported yet: said on the page, with the year picker
        return render(request, "supervise/summary.html", error=e.message, **page)
    entries = sv.svc.supervision.bodies(sv.actor, sv.id, year)
    links = {e.name: _link(sv.id, e, year) for e in entries}
    flagged = {c for f in got.report.findings for c in f.cells if f.rule.startswith(("sum.", "value."))}
    return render(
        request,
        "supervise/summary.html",
        summary=got,
        links=links,
        tables=tables_html(got.report, flagged),
        **page,
    )


@router.get("/summary.{fmt}")
def summary_download(sv: SupervisionDep, fmt: str, year: int | None = None):
    name, data = sv.svc.supervision.summary_file(sv.actor, sv.id, chosen_year(sv, year), fmt)
    return download(name, data, _TYPES[fmt])


def _link(region_id: str, entry, year: int) -> str | None:
    if entry.upload_id is not None:
        return f"/supervise/{region_id}/uploads/{entry.upload_id}"
    if entry.body_id is not None:
        return f"/supervise/{region_id}/bodies/{entry.body_id}?year={year}"
    return None
