"""Places kept for the 主动公开 and 年度报告 pages (their own modules replace this one)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request

from gongkai.web import nav
from gongkai.web.templating import render

router = APIRouter()
nav.add("office", "主动公开", "/office/{body_id}/proactive/", order=30)
nav.add("office", "年度报告", "/office/{body_id}/annual/", order=40)


@router.get("/proactive/")
def proactive(request: Request):
    return render(request, "placeholder.html", title="主动公开")


@router.get("/annual/")
def annual(request: Request):
    return render(request, "placeholder.html", title="年度报告")
