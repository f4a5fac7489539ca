"""Jinja2 pages: every page gets the user, the navigation of its area, the flash messages and the CSRF
token (`{{ csrf_input() }}` inside every form, first)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from gongkai.access import ROLE_LABELS
from gongkai.dates import in_beijing
from gongkai.web import audit_labels, flash, nav

TEMPLATES = Path(__file__).parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES))
env = templates.env
env.auto_reload = False  # the templates ship with the package: no stat() of every template on every page
env.globals["ROLE_LABELS"] = ROLE_LABELS
env.globals["AUDIT_ACTIONS"] = audit_labels.ACTIONS
env.globals["AUDIT_RECORDS"] = audit_labels.RECORDS
env.filters["beijing"] = in_beijing  # stored moments are UTC; people read Beijing time
# |tojson keeps Chinese as it is (the audit log's values are read by people); <, >, & and ' are still
# escaped by Jinja, so the output stays safe inside HTML and <script>.
env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


def csrf_token(request: Request) -> str:
    get = request.scope.get("csrftoken")
    return get() if get else ""


#: Context keys the layout owns: a page passing one of them would silently replace the layout's.
LAYOUT_KEYS = frozenset({"user", "nav", "places", "names", "flashes", "csrf_token", "csrf_input", "now"})


def render(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
    if clash := LAYOUT_KEYS & ctx.keys():
        raise TypeError(f"render({name!r}): {sorted(clash)} belong to the layout; name them otherwise")
    user = getattr(request.state, "user", None)
    params = dict(request.path_params)
    area = ctx.pop("area", None) or _area(request.url.path)
    token = csrf_token(request)
    context = {
        "user": user,
        "area": area,
        "nav": nav.links(area, user.actor if user else None, request.url.path, **params) if area else [],
        "places": places(request, user),
        "names": names(request),
        "flashes": flash.pop(request),
        "csrf_token": token,
        "csrf_input": lambda: Markup(f'<input type="hidden" name="csrftoken" value="{token}">'),
        "today": request.app.state.services.requests.today(),
        "now": datetime.now(UTC),
        "body": getattr(request.state, "body", None),
        "region": getattr(request.state, "region", None),
        **ctx,
    }
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _area(path: str) -> str | None:
    first = path.strip("/").split("/", 1)[0]
    return first if first in ("office", "supervise", "admin") else None


_NAMES: dict[str, tuple[float, dict[str, str]]] = {}


def names(request: Request) -> dict[str, str]:
    """Names of bodies and regions by id (cached a minute: they rarely change)."""
    store = request.app.state.services.store
    hit = _NAMES.get(id(store))
    if hit is None or time.monotonic() - hit[0] > 60:
        found = {r.id: r.name for r in store.regions()} | {b.id: b.name for b in store.bodies()}
        hit = _NAMES[id(store)] = (time.monotonic(), found)
    return hit[1]


def places(request: Request, user) -> list[tuple[str, str]]:
    """Where the user may work: each body, each region supervised, the administration."""
    if user is None:
        return []
    out, seen, known = [], set(), names(request)
    for g in sorted(user.grants, key=lambda g: (g.body_id or "", g.region_id or "")):
        if g.body_id and ("o", g.body_id) not in seen:
            seen.add(("o", g.body_id))
            out.append((f"/office/{g.body_id}/", known.get(g.body_id, g.body_id)))
        elif g.region_id and ("s", g.region_id) not in seen:
            seen.add(("s", g.region_id))
            out.append((f"/supervise/{g.region_id}/", "主管：" + known.get(g.region_id, g.region_id)))
    if user.actor.is_admin:
        out.append(("/admin/", "系统管理"))
    return out
