"""One-time messages shown on the next page (after a redirect): kept in the signed session cookie."""

from __future__ import annotations

from starlette.requests import Request


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """kind: ok | error | info."""
    request.session.setdefault("flash", []).append([kind, message])
    request.session["flash"] = request.session["flash"][-5:]


def pop(request: Request) -> list[tuple[str, str]]:
    if "session" not in request.scope:
        return []
    return [tuple(x) for x in request.session.pop("flash", [])]
