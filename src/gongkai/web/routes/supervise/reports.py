"""One body's report as the supervisor sees it: status, findings (cross-year carry-over included), the
tables in the national layout with unread cells flagged; and an uploaded file as it was received."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from gongkai.model.finding import Severity
from gongkai.service.supervision import BodyReport
from gongkai.web.deps import SupervisionDep
from gongkai.web.supervise_pages import chosen_year, laid_out
from gongkai.web.templating import render

router = APIRouter()

_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/plain; charset=utf-8",  # shown as text, never run as a page of this site
    ".htm": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
}


@router.get("/bodies/{body_id}")
def body_report(request: Request, sv: SupervisionDep, body_id: str, year: int | None = None):
    got = sv.svc.supervision.body_report(sv.actor, sv.id, chosen_year(sv, year), body_id)
    return _page(request, got)


@router.get("/uploads/{upload_id}")
def upload_report(request: Request, sv: SupervisionDep, upload_id: int):
    return _page(request, sv.svc.supervision.upload_report(sv.actor, sv.id, upload_id))


@router.get("/uploads/{upload_id}/file")
def upload_file(sv: SupervisionDep, upload_id: int):
    name, data = sv.svc.supervision.upload_file(sv.actor, sv.id, upload_id)
    return download(name, data, _TYPES.get(name[name.rfind(".") :].lower(), "application/octet-stream"))


def download(name: str, data: bytes, media_type: str) -> Response:
    """A file to save, its Chinese name kept (RFC 5987)."""
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


def _page(request: Request, got: BodyReport):
    flagged = {c for f in got.findings for c in f.cells}
    errors = sum(f.severity is Severity.ERROR for f in got.findings)
    return render(
        request,
        "supervise/report.html",
        entry=got.entry,
        report=got.report,
        findings=got.findings,
        errors=errors,
        warnings=len(got.findings) - errors,
        blank_count=len(got.blank_cells),
        previous_year=got.previous_year,
        preview=got.preview,
        upload=got.upload,
        sections=laid_out(got.report, flagged),
    )
