"""The routes of the application, one router per area. An area is a package whose modules each define a
`router` (and add their navigation items); `area_routers` collects them, so a new page is a new module
in its area — nothing else to touch. A new area is one more line in ROUTERS."""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import APIRouter


def area_routers(package: str, path: list[str]) -> list[APIRouter]:
    """The `router` of every module of an area package, in module-name order."""
    out = []
    for info in sorted(pkgutil.iter_modules(path), key=lambda i: i.name):
        module = importlib.import_module(f"{package}.{info.name}")
        if isinstance(getattr(module, "router", None), APIRouter):
            out.append(module.router)
    return out


def _routers() -> list[APIRouter]:
    from gongkai.web.routes import admin, auth, office, portal, public, supervise

    return [portal.router, public.router, auth.router, office.router, supervise.router, admin.router]


ROUTERS = _routers()
