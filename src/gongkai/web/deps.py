"""Dependencies of the routes: the services, the signed-in user and their Actor, and the checks of each
area — staff of the body for `/office/{body_id}/…`, supervisor of the region for `/supervise/{region_id}/…`,
administrator for `/admin/…`. The area routers apply these to every route they hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from starlette.requests import Request

from gongkai.access import Actor, Role
from gongkai.access import permissions as can
from gongkai.accounts import User
from gongkai.errors import GongkaiError, PermissionDenied
from gongkai.org import Region
from gongkai.service import Services
from gongkai.store.models import Body


class LoginRequired(GongkaiError):
    """No signed-in user: the web answers with a redirect to /login."""

    code = "web.login_required"
    http_status = 401


def services(request: Request) -> Services:
    return request.app.state.services


def current_user(request: Request) -> User | None:
    """The signed-in user, or None. A session made before a password change, or of a disabled user, ends."""
    if "user" in request.state._state:
        return request.state.user
    user = None
    uid = request.session.get("uid")
    if uid is not None:
        user = request.app.state.services.accounts.user(uid)
        if user is None or request.session.get("stamp") != user.stamp:
            request.session.clear()
            user = None
    request.state.user = user
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired("请先登录")
    return user


SignedIn = Annotated[User, Depends(require_user)]


def actor(user: SignedIn) -> Actor:
    return user.actor


@dataclass(frozen=True)
class Office:
    """The body an office page is about, and who is acting in it."""

    body: Body
    actor: Actor
    svc: Services

    @property
    def id(self) -> str:
        return self.body.id

    @property
    def roles(self) -> frozenset[Role]:
        return self.actor.roles_for_body(self.body.id)

    def may(self, predicate) -> bool:
        """E.g. office.may(can.can_sign)."""
        return predicate(self.actor, self.body.id)


def office(body_id: str, request: Request, user: SignedIn) -> Office:
    """Staff of the body only (404 for an unknown body, 403 for anyone else)."""
    svc = services(request)
    body = svc.store.body(body_id)
    if not can.is_staff(user.actor, body_id):
        raise PermissionDenied(f"{user.display_name}不是{body.name}的工作人员，不能查看该页面")
    request.state.body = body
    return Office(body, user.actor, svc)


@dataclass(frozen=True)
class Supervision:
    region: Region
    actor: Actor
    svc: Services

    @property
    def id(self) -> str:
        return self.region.id


def supervision(region_id: str, request: Request, user: SignedIn) -> Supervision:
    """Supervisors of the region (or of a region above it) and the administrator."""
    svc = services(request)
    regions = {r.id: r for r in svc.store.regions()}
    if region_id not in regions:
        from gongkai.errors import NotFoundError

        raise NotFoundError(f"地区{region_id}不存在")
    if not can.can_supervise(user.actor, region_id, svc.store.region_chain(region_id)):
        raise PermissionDenied(f"{user.display_name}不是{regions[region_id].name}的主管部门")
    request.state.region = regions[region_id]
    return Supervision(regions[region_id], user.actor, svc)


def administrator(user: SignedIn) -> Actor:
    if not can.can_administer(user.actor):
        raise PermissionDenied(f"{user.display_name}不是系统管理员")
    return user.actor


def rate_limit_writes(request: Request, user: SignedIn) -> None:
    """Form posts per user (the area routers add it to their POST routes)."""
    if request.method == "POST":
        request.app.state.limiter.check(request.app.state.settings.write_rate, "write", str(user.id))


# The dependencies as annotated types, for route signatures: `def page(request: Request, o: OfficeDep)`.
Svc = Annotated[Services, Depends(services)]
MaybeUser = Annotated[User | None, Depends(current_user)]
OfficeDep = Annotated[Office, Depends(office)]
SupervisionDep = Annotated[Supervision, Depends(supervision)]
AdminDep = Annotated[Actor, Depends(administrator)]
