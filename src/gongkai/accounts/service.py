"""Users, their role grants, login with lockout, and password changes — every write in the audit log.

A user's grants become the `Actor` every service operation takes. The administrator manages everyone;
a 单位管理员 manages the users of their own body (office roles of that body only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.access import ROLE_LABELS, Actor, Grant, Role
from gongkai.access import permissions as can
from gongkai.access.roles import BODY_ROLES
from gongkai.accounts import passwords
from gongkai.accounts.models import UserGrantRow, UserRow
from gongkai.dates import as_utc
from gongkai.errors import ConflictError, GongkaiError, InputError, NotFoundError, PermissionDenied
from gongkai.store import Store
from gongkai.store.models import Body, RegionRow

MAX_FAILURES = 5  # wrong passwords in a row before the account is locked
LOCK_MINUTES = 15


#: Audit actions of signing in: the administrator's log lists them apart from the edits.
LOGIN_ACTIONS = ("login", "login_refused")


class LoginRefused(GongkaiError):
    """Wrong name or password, a locked or a disabled account: one message that says no more than needed."""

    code = "accounts.login"
    http_status = 401


@dataclass(frozen=True)
class User:
    id: int
    login: str
    display_name: str
    active: bool
    locked_until: datetime | None
    grants: frozenset[Grant]
    stamp: str  # changes with the password: sessions made before a change end

    @property
    def actor(self) -> Actor:
        return Actor(self.display_name, user_id=self.id, grants=self.grants)

    def grant_labels(self) -> list[str]:
        return [grant_label(g) for g in sorted(self.grants, key=_grant_key)]


def grant_label(g: Grant) -> str:
    where = g.body_id or g.region_id or ""
    return f"{ROLE_LABELS[g.role]}（{where}）" if where else ROLE_LABELS[g.role]


def _grant_key(g: Grant) -> tuple:
    return (g.body_id or "", g.region_id or "", g.role.value)


def _now() -> datetime:
    return datetime.now(UTC)


class AccountService:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = _now):
        self.store = store
        self.clock = clock

    # ------------------------------------------------------------------ reading
    def user(self, user_id: int) -> User | None:
        """The user of a session (None when gone or disabled), asked on every page: one query, the user
        with their grants as plain columns (not one ORM object per grant: a user with a role in fifty
        bodies cost 1.8 ms a page that way)."""
        G = UserGrantRow
        with self.store.Session() as s:
            rows = s.execute(
                select(UserRow, G.role, G.body_id, G.region_id)
                .outerjoin(G, G.user_id == UserRow.id)
                .where(UserRow.id == user_id)
            ).all()
            if not rows or not rows[0][0].active:
                return None
            return _make_user(rows[0][0], [r for r in rows if r.role is not None])

    def by_login(self, actor: Actor, login: str) -> User:
        with self.store.Session() as s:
            row = self._row(s, login)
            user = self._user(s, row)
        if not (can.can_administer(actor) or actor.user_id == user.id or self._manages_any(actor, user)):
            raise PermissionDenied(f"{actor.name}没有查看用户{login}的权限")
        return user

    def users(self, actor: Actor, body_id: str | None = None) -> list[User]:
        """Everyone (administrator) or the users holding a role in a body (its 单位管理员)."""
        if body_id is None:
            _require(can.can_administer(actor), actor, "管理用户")
        else:
            _require(can.can_manage_body(actor, body_id), actor, f"管理机关{body_id}的用户")
        with self.store.Session() as s:
            q = select(UserRow).order_by(UserRow.login)
            if body_id is not None:
                q = q.where(
                    UserRow.id.in_(select(UserGrantRow.user_id).where(UserGrantRow.body_id == body_id))
                )
            return [self._user(s, r) for r in s.scalars(q)]

    def _user(self, s: Session, row: UserRow) -> User:
        return _make_user(row, s.scalars(select(UserGrantRow).where(UserGrantRow.user_id == row.id)))

    @staticmethod
    def _row(s: Session, login: str) -> UserRow:
        row = s.scalar(select(UserRow).where(UserRow.login == login.strip()))
        if row is None:
            raise NotFoundError(f"用户{login}不存在", code="accounts.user", field="login")
        return row

    def _manages_any(self, actor: Actor, user: User) -> bool:
        return any(g.body_id and can.can_manage_body(actor, g.body_id) for g in user.grants)

    # ------------------------------------------------------------------ login
    def authenticate(self, login: str, password: str, address: str = "") -> User:
        """The user when the password is right; counts failures and locks the account after MAX_FAILURES.
        The failure count is committed before the refusal is raised. Every login and refused login of an
        account goes to the audit log with `address` (the client's); unknown names are not logged."""
        with self.store.Session.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.login == (login or "").strip()))
            ok = passwords.verify(row.password_hash if row else None, password or "")
            refusal = self._refusal(s, row, ok, password)
            user = None if refusal else self._user(s, row)
            if row is not None:
                action = "login_refused" if refusal else "login"
                after = {"address": address, **({"why": refusal.message} if refusal else {})}
                self.store.audit(s, "users", row.login, action, row.login, after=after)
        if refusal:
            raise refusal
        return user

    def _refusal(self, s: Session, row: UserRow | None, ok: bool, password: str) -> LoginRefused | None:
        if row is None:
            return LoginRefused("用户名或密码错误")
        now = self.clock()
        locked = as_utc(row.locked_until)
        if locked is not None and locked > now:
            minutes = max(1, int((locked - now).total_seconds() // 60) + 1)
            return LoginRefused(f"密码错误次数过多，账户已锁定，请{minutes}分钟后再试或联系管理员")
        if not row.active:
            return LoginRefused("账户已停用，请联系管理员")
        if not ok:
            row.failed_logins += 1
            if row.failed_logins < MAX_FAILURES:
                return LoginRefused("用户名或密码错误")
            row.locked_until, row.failed_logins = now + timedelta(minutes=LOCK_MINUTES), 0
            self.store.audit(s, "users", row.login, "lock", row.login, after={"minutes": LOCK_MINUTES})
            return LoginRefused(f"密码连续错误{MAX_FAILURES}次，账户已锁定{LOCK_MINUTES}分钟")
        if passwords.needs_rehash(row.password_hash):
            row.password_hash = passwords.hash_password(password)
        row.failed_logins, row.locked_until, row.last_login_at = 0, None, now
        return None

    # ------------------------------------------------------------------ writing
    def create_user(
        self,
        actor: Actor,
        login: str,
        display_name: str,
        password: str,
        grants: Iterable[Grant] = (),
        *,
        hashed: str | None = None,
    ) -> User:
        """A new user with their grants. `hashed`: an argon2 hash of `password` made before (the demo's
        accounts share one password and hash it once)."""
        grants = list(grants)
        if not grants:
            _require(can.can_administer(actor), actor, "新增用户")
        for g in grants:
            self._require_grant(actor, g)
        login, display_name = (login or "").strip(), (display_name or "").strip()
        if not login or len(login) > 64 or not all(c.isalnum() or c in "._-@" for c in login):
            raise InputError(
                "用户名须为1至64个字母、数字或 . _ - @", code="accounts.login_name", field="login"
            )
        if not display_name or len(display_name) > 100:
            raise InputError("姓名不能为空（最多100字）", code="accounts.display_name", field="display_name")
        passwords.check_password(password)
        hashed = hashed or passwords.hash_password(password)
        with self.store.Session.begin() as s:
            if s.scalar(select(UserRow.id).where(UserRow.login == login)) is not None:
                raise ConflictError(f"用户名{login}已被使用", field="login")
            now = self.clock()
            row = UserRow(
                login=login,
                display_name=display_name,
                password_hash=hashed,
                active=True,
                failed_logins=0,
                password_changed_at=now,
                created_at=now,
                created_by=actor.name,
            )
            s.add(row)
            s.flush()
            self.store.audit(
                s, "users", login, "create", actor.name, after={"login": login, "name": display_name}
            )
            for g in grants:
                self._add_grant(s, actor, row, g)
            return self._user(s, row)

    def grant(self, actor: Actor, login: str, grant: Grant) -> User:
        self._require_grant(actor, grant)
        with self.store.Session.begin() as s:
            row = self._row(s, login)
            if grant in self._user(s, row).grants:
                raise ConflictError(f"用户{login}已有{grant_label(grant)}角色", field="role")
            self._add_grant(s, actor, row, grant)
            return self._user(s, row)

    def revoke(self, actor: Actor, login: str, grant: Grant) -> User:
        self._require_grant(actor, grant)
        with self.store.Session.begin() as s:
            row = self._row(s, login)
            found = s.scalars(
                select(UserGrantRow).where(
                    UserGrantRow.user_id == row.id,
                    UserGrantRow.role == grant.role.value,
                    _is(UserGrantRow.body_id, grant.body_id),
                    _is(UserGrantRow.region_id, grant.region_id),
                )
            ).all()
            if not found:
                raise NotFoundError(f"用户{login}没有{grant_label(grant)}角色", field="role")
            for g in found:
                s.delete(g)
            self.store.audit(s, "user_grants", _grant_audit_key(grant, login), "delete", actor.name)
            s.flush()
            return self._user(s, row)

    def _add_grant(self, s: Session, actor: Actor, row: UserRow, g: Grant) -> None:
        if g.body_id and s.get(Body, g.body_id) is None:
            raise NotFoundError(f"机关{g.body_id}不存在", field="body_id")
        if g.region_id and s.get(RegionRow, g.region_id) is None:
            raise NotFoundError(f"地区{g.region_id}不存在", field="region_id")
        s.add(
            UserGrantRow(
                user_id=row.id,
                role=g.role.value,
                body_id=g.body_id if g.role in BODY_ROLES else None,
                region_id=g.region_id if g.role is Role.SUPERVISOR else None,
                created_at=self.clock(),
                created_by=actor.name,
            )
        )
        self.store.audit(
            s,
            "user_grants",
            _grant_audit_key(g, row.login),
            "create",
            actor.name,
            after={"role": g.role.value},
        )

    def _require_grant(self, actor: Actor, g: Grant) -> None:
        """Office roles: the administrator or the body's 单位管理员; other roles: the administrator."""
        if g.role in BODY_ROLES and g.body_id and can.can_manage_body(actor, g.body_id):
            return
        _require(can.can_administer(actor), actor, f"授予{grant_label(g)}")

    def change_password(self, user_id: int, old: str, new: str) -> User:
        """A user changes their own password (the old one is asked again)."""
        with self.store.Session.begin() as s:
            row = s.get(UserRow, user_id)
            if row is None:
                raise NotFoundError("用户不存在")
            if not passwords.verify(row.password_hash, old or ""):
                raise InputError("原密码不正确", code="accounts.password", field="old_password")
            if old == new:
                raise InputError("新密码不能与原密码相同", code="accounts.password", field="new_password")
            passwords.check_password(new, "new_password")
            self._set_password(s, row, new, row.login)
            return self._user(s, row)

    def set_password(self, actor: Actor, login: str, new: str) -> User:
        """An administrator (or the body's 单位管理员) sets a new password; the lock is lifted."""
        passwords.check_password(new)
        with self.store.Session.begin() as s:
            row = self._row(s, login)
            user = self._user(s, row)
            _require(can.can_administer(actor) or self._manages_any(actor, user), actor, f"重设{login}的密码")
            self._set_password(s, row, new, actor.name)
            return self._user(s, row)

    def _set_password(self, s: Session, row: UserRow, new: str, by: str) -> None:
        row.password_hash = passwords.hash_password(new)
        row.password_changed_at = self.clock()
        row.failed_logins, row.locked_until = 0, None
        self.store.audit(s, "users", row.login, "password", by)

    def set_active(self, actor: Actor, login: str, active: bool) -> User:
        with self.store.Session.begin() as s:
            row = self._row(s, login)
            _require(
                can.can_administer(actor) or self._manages_any(actor, self._user(s, row)),
                actor,
                f"停用或启用{login}",
            )
            if row.active != active:
                self.store.audit(
                    s, "users", login, "update", actor.name, {"active": row.active}, {"active": active}
                )
                row.active = active
            return self._user(s, row)


def _make_user(row: UserRow, grants: Iterable) -> User:
    """`grants`: UserGrantRow objects, or result rows with their role, body_id and region_id columns."""
    return User(
        row.id,
        row.login,
        row.display_name,
        row.active,
        as_utc(row.locked_until),
        frozenset(Grant(Role(g.role), g.body_id, g.region_id) for g in grants),
        row.password_hash[-16:],  # the session stamp
    )


def _is(column, value):
    return column.is_(None) if value is None else column == value


def _grant_audit_key(g: Grant, login: str) -> str:
    """Audit keys start with the body (or region) so a body's log shows its own users' changes."""
    where = g.body_id or (f"region:{g.region_id}" if g.region_id else "admin")
    return f"{where}/{login}"


def _require(allowed: bool, actor: Actor, what: str) -> None:
    if not allowed:
        raise PermissionDenied(f"{actor.name}没有{what}的权限", actor=actor.name)
