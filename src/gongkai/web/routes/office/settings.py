"""本机关设置, for the body's 单位管理员: the details its documents print, and its users and their roles."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from gongkai.access import ROLE_LABELS, Grant, Role
from gongkai.access import permissions as can
from gongkai.access.roles import BODY_ROLES
from gongkai.errors import GongkaiError, InputError, PermissionDenied
from gongkai.org import BodyProfile
from gongkai.org.model import PROFILE_LABELS
from gongkai.web import nav
from gongkai.web.deps import OfficeDep
from gongkai.web.flash import flash
from gongkai.web.forms import Form, Posted, form_of
from gongkai.web.templating import render

router = APIRouter()
nav.add(
    "office",
    "本机关设置",
    "/office/{body_id}/settings",
    order=90,
    visible=lambda a, p: can.can_manage_body(a, p["body_id"]),
)
ROLES = [(r.value, ROLE_LABELS[r]) for r in Role if r in BODY_ROLES]


def _require_manager(o) -> None:
    if not o.may(can.can_manage_body):
        raise PermissionDenied("本机关设置仅供单位管理员使用")


def _page(
    request: Request, o, *, profile_form: Form | None = None, user_form: Form | None = None, status=200
):
    profile = o.svc.org.profile(o.actor, o.id)
    return render(
        request,
        "office/settings.html",
        status_code=status,
        profile_form=profile_form or Form(profile.to_dict()),
        user_form=user_form or Form(),
        labels=PROFILE_LABELS,
        users=o.svc.accounts.users(o.actor, o.id),
        roles=ROLES,
    )


@router.get("/settings")
def settings(request: Request, o: OfficeDep):
    _require_manager(o)
    return _page(request, o)


@router.post("/settings/profile")
def save_profile(request: Request, values: Posted, o: OfficeDep):
    _require_manager(o)
    form = form_of(values, BodyProfile.field_names())
    try:
        o.svc.org.set_profile(
            o.actor, o.id, BodyProfile(**{k: values.get(k, "").strip() for k in BodyProfile.field_names()})
        )
    except GongkaiError as e:
        return _page(request, o, profile_form=form.failed(e), status=e.http_status)
    flash(request, "已保存本机关资料")
    return RedirectResponse(f"/office/{o.id}/settings", status_code=303)


def _role(value: str) -> Role:
    if value not in dict(ROLES):
        raise InputError("请选择角色", code="web.role", field="role")
    return Role(value)


@router.post("/settings/users")
def add_user(request: Request, values: Posted, o: OfficeDep):
    _require_manager(o)
    form = form_of(values, ("login", "display_name", "password", "role"))
    try:
        grant = Grant(_role(values.get("role", "")), body_id=o.id)
        o.svc.accounts.create_user(
            o.actor,
            values.get("login", ""),
            values.get("display_name", ""),
            values.get("password", ""),
            [grant],
        )
    except GongkaiError as e:
        form.values.pop("password", None)
        return _page(request, o, user_form=form.failed(e), status=e.http_status)
    flash(request, f"已新增用户{values.get('login')}")
    return RedirectResponse(f"/office/{o.id}/settings", status_code=303)


@router.post("/settings/users/{login}/roles")
def change_role(request: Request, login: str, values: Posted, o: OfficeDep):
    """Grant (`action=grant`) or revoke a role of this body."""
    _require_manager(o)
    grant = Grant(_role(values.get("role", "")), body_id=o.id)
    if values.get("action") == "revoke":
        o.svc.accounts.revoke(o.actor, login, grant)
    else:
        o.svc.accounts.grant(o.actor, login, grant)
    flash(request, f"已更新{login}的角色")
    return RedirectResponse(f"/office/{o.id}/settings", status_code=303)


@router.post("/settings/users/{login}/password")
def reset_password(request: Request, login: str, values: Posted, o: OfficeDep):
    _require_manager(o)
    form = form_of(values, ("password",))
    form.values = {}
    try:
        o.svc.accounts.set_password(o.actor, login, values.get("password", ""))
    except GongkaiError as e:
        return _page(request, o, user_form=form.failed(e), status=e.http_status)
    flash(request, f"已重设{login}的密码")
    return RedirectResponse(f"/office/{o.id}/settings", status_code=303)
