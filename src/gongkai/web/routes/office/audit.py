"""The body's audit log: every write to its records, for its 负责人 and 单位管理员."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.access import permissions as can
from gongkai.errors import PermissionDenied
from gongkai.web import nav
from gongkai.web.deps import OfficeDep
from gongkai.web.templating import render

router = APIRouter()
nav.add(
    "office",
    "操作日志",
    "/office/{body_id}/audit",
    order=80,
    visible=lambda a, p: can.can_read_audit(a, p["body_id"]),
)


@router.get("/audit")
def audit(request: Request, o: OfficeDep):
    if not o.may(can.can_read_audit):
        raise PermissionDenied("操作日志仅供负责人和单位管理员查看")
    rows = o.svc.store.audit_log(key_prefix=f"{o.id}/", limit=200)
    return render(request, "office/audit.html", rows=rows)
