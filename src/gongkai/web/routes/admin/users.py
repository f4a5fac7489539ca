"""Users and their roles: the administrator creates users, grants and revokes roles, resets passwords."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from gongkai.access import ROLE_LABELS, Grant, Role
from gongkai.access.roles import BODY_ROLES
from gongkai.accounts.service import LOGIN_ACTIONS
from gongkai.errors import GongkaiError, InputError
from gongkai.web import nav
from gongkai.web.deps import AdminDep, Svc
from gongkai.web.flash import flash
from gongkai.web.forms import Form, Posted, form_of
from gongkai.web.templating import render

router = APIRouter()
nav.add("admin", "用户与角色", "/admin/", order=10)
nav.add("admin", "操作日志", "/admin/audit", order=90)

USER_FIELDS = ("login", "display_name", "password", "role", "where")


def parse_grant(role: str, where: str) -> Grant:
    """A grant from the form: the role and its place ("body:ID", "region:ID", or nothing for admin)."""
    try:
        r = Role(role)
    except ValueError:
        raise InputError("请选择角色", code="web.role", field="role") from None
    kind, _, ident = (where or "").partition(":")
    if r in BODY_ROLES and kind != "body":
        raise InputError(f"{ROLE_LABELS[r]}须选择机关", code="web.role", field="where")
    if r is Role.SUPERVISOR and kind != "region":
        raise InputError("主管部门须选择地区", code="web.role", field="where")
    return Grant(r, body_id=ident if kind == "body" else None, region_id=ident if kind == "region" else None)


def _choices(svc) -> dict:
    return {
        "roles": [(r.value, ROLE_LABELS[r]) for r in Role],
        "where_choices": [(f"region:{r.id}", f"地区：{r.name}") for r in svc.store.regions()]
        + [(f"body:{b.id}", f"机关：{b.name}") for b in svc.store.bodies()],
    }


@router.get("/")
def users(request: Request, actor: AdminDep, svc: Svc):
    return render(
        request,
        "admin/users.html",
        users=svc.accounts.users(actor),
        form=Form(),
        **_choices(svc),
    )


@router.post("/users")
def create_user(
    request: Request,
    values: Posted,
    actor: AdminDep,
    svc: Svc,
):
    form = form_of(values, USER_FIELDS, body_id="where", region_id="where")
    try:
        grants = [parse_grant(values.get("role", ""), values.get("where", ""))] if values.get("role") else []
        user = svc.accounts.create_user(
            actor, values.get("login", ""), values.get("display_name", ""), values.get("password", ""), grants
        )
    except GongkaiError as e:
        form.values.pop("password", None)
        form.failed(e)
        return render(
            request,
            "admin/users.html",
            status_code=e.http_status,
            users=svc.accounts.users(actor),
            form=form,
            **_choices(svc),
        )
    flash(request, f"已新增用户{user.login}（{user.display_name}）")
    return RedirectResponse(f"/admin/users/{user.login}", status_code=303)


@router.get("/users/{login}")
def user_page(request: Request, login: str, actor: AdminDep, svc: Svc):
    return _user_page(request, svc, actor, login, Form())


def _user_page(request, svc, actor, login, form, status=200):
    return render(
        request,
        "admin/user.html",
        status_code=status,
        account=svc.accounts.by_login(actor, login),
        form=form,
        **_choices(svc),
    )


@router.post("/users/{login}/grants")
def add_grant(
    request: Request,
    login: str,
    values: Posted,
    actor: AdminDep,
    svc: Svc,
):
    form = form_of(values, ("role", "where"), body_id="where", region_id="where")
    try:
        svc.accounts.grant(actor, login, parse_grant(values.get("role", ""), values.get("where", "")))
    except GongkaiError as e:
        return _user_page(request, svc, actor, login, form.failed(e), e.http_status)
    flash(request, "已授予角色")
    return RedirectResponse(f"/admin/users/{login}", status_code=303)


@router.post("/users/{login}/grants/revoke")
def revoke_grant(
    request: Request,
    login: str,
    values: Posted,
    actor: AdminDep,
    svc: Svc,
):
    svc.accounts.revoke(actor, login, parse_grant(values.get("role", ""), values.get("where", "")))
    flash(request, "已撤销角色")
    return RedirectResponse(f"/admin/users/{login}", status_code=303)


@router.post("/users/{login}/password")
def reset_password(
    request: Request,
    login: str,
    values: Posted,
    actor: AdminDep,
    svc: Svc,
):
    form = form_of(values, ("password",))
    form.values = {}
    try:
        svc.accounts.set_password(actor, login, values.get("password", ""))
    except GongkaiError as e:
        return _user_page(request, svc, actor, login, form.failed(e), e.http_status)
    flash(request, f"已重设{login}的密码（账户锁定同时解除）")
    return RedirectResponse(f"/admin/users/{login}", status_code=303)


@router.post("/users/{login}/active")
def set_active(
    request: Request,
    login: str,
    values: Posted,
    actor: AdminDep,
    svc: Svc,
):
    active = values.get("active") == "1"
    svc.accounts.set_active(actor, login, active)
    flash(request, f"已{'启用' if active else '停用'}用户{login}")
    return RedirectResponse(f"/admin/users/{login}", status_code=303)


@router.get("/audit")
def audit(request: Request, svc: Svc, logins: bool = False):
    # the logins of a busy day would push the edits out of the last 300 rows: they are listed apart
    if logins:
        rows = svc.store.audit_log(limit=300, actions=LOGIN_ACTIONS)
    else:
        rows = svc.store.audit_log(limit=300, skip_actions=LOGIN_ACTIONS)
    return render(request, "admin/audit.html", rows=rows, logins=logins)
