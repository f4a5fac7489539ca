"""What the portal's pages share: the layout's context (the larger-text mode), the rate limits of applying
and tracking, the body of a column."""

from __future__ import annotations

import re

from starlette.requests import Request

from gongkai.proactive import CATEGORY_LABELS, Category
from gongkai.web.templating import env, render

LARGE_COOKIE = "gk_large"  # 适老化: the larger-text mode, chosen by a link (no JavaScript needed)

#: Requests per client address; `app.state.portal_rates` overrides them (tests, benchmarks).
RATES = {"apply": "10/hour", "track": "60/minute"}

CATEGORIES = [(c.value, CATEGORY_LABELS[c]) for c in Category]


_BROKEN = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def joined(text: str) -> str:
    """A title as one line: the line breaks a pasted document left between Chinese characters go."""
    return _BROKEN.sub("", str(text or ""))


env.filters["joined"] = joined


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limit(request: Request, what: str) -> None:
    """Count one request of this client against the portal's rate for `what` (429 past it)."""
    rates = getattr(request.app.state, "portal_rates", None) or {}
    request.app.state.limiter.check(rates.get(what, RATES[what]), f"portal-{what}", client_key(request))


def page(request: Request, name: str, status_code: int = 200, **ctx):
    large = request.cookies.get(LARGE_COOKIE) == "1"
    return render(
        request,
        name,
        status_code=status_code,
        large=large,
        here=_here(request),
        categories=CATEGORIES,
        category_labels={c.value: label for c, label in CATEGORY_LABELS.items()},
        **ctx,
    )


def _here(request: Request) -> str:
    """Where the larger-text switch returns to: this page, or after a form post the page of that form
    (the tracking steps post to /track/…, whose page is /track)."""
    path = request.url.path
    if request.method == "GET":
        return path + (f"?{request.url.query}" if request.url.query else "")
    return "/track" if path.startswith("/track") else path
