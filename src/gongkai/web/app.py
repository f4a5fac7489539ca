"""The application factory: `create_app()` (uvicorn: `gongkai.web.app:create_app`, factory=True).

Middleware, outermost first: security headers → CSRF (asgi-csrf: a token in a signed cookie and in every
form) → sessions (Starlette's signed cookie) → one database session for the reads of a GET
(gongkai.web.reads) → the routes of every area (`gongkai.web.routes.ROUTERS`).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
from asgi_csrf import asgi_csrf
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.middleware.sessions import SessionMiddleware
from starlette.staticfiles import StaticFiles

from gongkai.service import Services
from gongkai.store.db import POOL_SIZE
from gongkai.web import errors
from gongkai.web.ratelimit import RateLimiter
from gongkai.web.reads import SharedReads
from gongkai.web.security import SecurityHeaders
from gongkai.web.settings import Settings

STATIC = Path(__file__).parent / "static"
THREADS = POOL_SIZE


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    from gongkai.web.routes import ROUTERS

    settings = settings or Settings.from_env()
    app = FastAPI(
        title="政府信息公开工作平台", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan
    )
    app.state.settings = settings
    app.state.services = services or Services.open(settings.database_url)
    app.state.limiter = RateLimiter(settings.redis_url)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(SharedReads, sessions=app.state.services.store.Session)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="gongkai_session",
        max_age=settings.session_hours * 3600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(
        _csrf,
        signing_secret=settings.secret_key,
        cookie_secure=settings.secure_cookies,
        always_protect={"/login"},
        send_csrf_failed=_csrf_refused,
    )
    app.add_middleware(SecurityHeaders)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    # The threads that run the pages and their reads: no more than the store keeps connections for
    # (gongkai.store.db.POOL_SIZE); the pages are CPU work, so more threads would only queue for the GIL.
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def _csrf(app, **kw):
    return asgi_csrf(app, **kw)


async def _csrf_refused(scope, send, message_id):
    body = errors.csrf_failed_page("表单已过期或来源不明（CSRF 校验失败）。请返回上一页，刷新后重新提交。")
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", b"text/html; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    dependant: Dependant  # with the dependencies of the routers it was included through


def routes(app: FastAPI) -> list[RouteInfo]:
    """Every path operation of the application, flattened (FastAPI ≥ 0.137 keeps included routers as a
    tree in `app.routes`; `iter_route_contexts` is its public way through it)."""
    return [
        RouteInfo(c.path, frozenset(c.methods or ()), c.dependant)
        for c in iter_route_contexts(app.routes)
        if isinstance(c.original_route, APIRoute)
    ]
