"""Every error becomes a Chinese page (or, for htmx, a Chinese fragment); never a traceback.

GongkaiError → its `http_status` (PermissionDenied 403, NotFoundError 404, InputError 422, conflicts 409);
a missing login → redirect to /login; unknown pages, wrong methods and malformed parameters → 404/405/422;
anything else → 500 with the details in the server log only.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from gongkai.errors import GongkaiError
from gongkai.web.deps import LoginRequired
from gongkai.web.templating import render, templates

log = logging.getLogger("gongkai.web")

TITLES = {
    400: "请求有误",
    401: "请先登录",
    403: "没有权限",
    404: "页面不存在",
    405: "不支持该操作",
    409: "记录已被他人修改",
    413: "内容过大",
    422: "填写有误",
    429: "操作过于频繁",
    500: "系统内部错误",
}
HTTP_MESSAGES = {
    404: "您要找的页面不存在，或您没有查看它的权限。",
    405: "该页面不支持这种操作。",
}


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    title = TITLES.get(status, "出错了")
    if request.headers.get("hx-request"):
        return HTMLResponse(f'<div class="flash flash-error" role="alert">{_esc(message)}</div>', status)
    try:
        return render(
            request,
            "error.html",
            status_code=status,
            area="none",
            title=title,
            message=message,
            status=status,
        )
    except Exception:  # the page itself failed (e.g. the database is down): plain text in Chinese
        log.exception("error page failed")
        return HTMLResponse(f"<!doctype html><title>{title}</title><p>{_esc(message)}</p>", status)


def _esc(s: str) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


async def on_gongkai_error(request: Request, e: GongkaiError):
    if isinstance(e, LoginRequired):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return error_page(request, e.http_status, e.message)


async def on_http_error(request: Request, e: HTTPException):
    message = HTTP_MESSAGES.get(e.status_code) or TITLES.get(e.status_code, "请求无法处理")
    return error_page(request, e.status_code, message)


async def on_validation_error(request: Request, e: RequestValidationError):
    where = "、".join(str(err.get("loc", ["?"])[-1]) for err in e.errors()[:3])
    return error_page(request, 422, f"请求参数有误（{where}）")


async def on_database_error(request: Request, e: SQLAlchemyError):
    log.exception("database error", exc_info=e)
    return error_page(request, 500, "数据库操作失败，请稍后再试；问题持续时请联系系统管理员。")


async def on_unexpected(request: Request, e: Exception):
    log.exception("unexpected error", exc_info=e)
    return error_page(request, 500, "系统出现意外错误，已记录。请稍后再试；问题持续时请联系系统管理员。")


def install(app) -> None:
    app.add_exception_handler(GongkaiError, on_gongkai_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(SQLAlchemyError, on_database_error)
    app.add_exception_handler(Exception, on_unexpected)


def csrf_failed_page(message: str) -> bytes:
    """The page asgi-csrf sends when a form comes without its token (it runs outside the app)."""
    t = templates.env.get_template("csrf_failed.html")
    return t.render(message=message).encode()
