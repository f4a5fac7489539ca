"""Login, logout and the user's own account (password change)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from gongkai.accounts import User
from gongkai.errors import GongkaiError
from gongkai.web.deps import MaybeUser, SignedIn, Svc
from gongkai.web.flash import flash
from gongkai.web.forms import Form, Posted, form_of
from gongkai.web.templating import places, render

router = APIRouter()


def _safe_next(target: str | None) -> str | None:
    """Only a path of this site (never //host or a scheme): no open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def landing(request: Request, user: User) -> str:
    """Where a user starts: their only body or region, else the list of their places."""
    found = places(request, user)
    return found[0][0] if len(found) == 1 else "/account"


@router.get("/login")
def login_page(request: Request, user: MaybeUser, next: str | None = None):
    if user is not None:
        return RedirectResponse(_safe_next(next) or landing(request, user), status_code=303)
    return render(request, "auth/login.html", form=Form(), next=_safe_next(next) or "")


@router.post("/login")
def login(request: Request, values: Posted, svc: Svc):
    form = form_of(values, ("login", "password"))
    nxt = _safe_next(values.get("next"))
    limiter, settings = request.app.state.limiter, request.app.state.settings
    address = request.client.host if request.client else "-"
    try:
        limiter.check(settings.login_rate, "login", address)
        user = svc.accounts.authenticate(values.get("login", ""), values.get("password", ""), address)
    except GongkaiError as e:
        form.values.pop("password", None)
        form.message = e.message
        return render(request, "auth/login.html", status_code=e.http_status, form=form, next=nxt or "")
    request.session.clear()  # a fresh session at login
    request.session.update(uid=user.id, stamp=user.stamp)
    request.state.user = user
    return RedirectResponse(nxt or landing(request, user), status_code=303)


@router.post("/logout")
def logout(request: Request):
    request.session.clear()
    flash(request, "已退出登录", "info")
    return RedirectResponse("/login", status_code=303)


@router.get("/account")
def account(request: Request, user: SignedIn):
    return render(request, "auth/account.html", form=Form(), account=user)


@router.post("/account/password")
def change_password(
    request: Request,
    values: Posted,
    user: SignedIn,
    svc: Svc,
):
    form = form_of(values, ("old_password", "new_password", "new_password2"))
    form.values = {}  # passwords are never sent back
    if values.get("new_password") != values.get("new_password2"):
        form.errors["new_password2"] = "两次输入的新密码不一致"
        return render(request, "auth/account.html", status_code=422, form=form, account=user)
    try:
        user = svc.accounts.change_password(
            user.id, values.get("old_password", ""), values.get("new_password", "")
        )
    except GongkaiError as e:
        return render(
            request, "auth/account.html", status_code=e.http_status, form=form.failed(e), account=user
        )
    request.session.update(stamp=user.stamp)  # this session stays; others made before end
    flash(request, "密码已修改")
    return RedirectResponse("/account", status_code=303)
