"""`gongkai serve` (the web application under uvicorn) and `gongkai user` (accounts and roles)."""

from __future__ import annotations

import os
import secrets
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.cli.common import ActorOption, DbOption, actor, err, friendly, out, services
from gongkai.errors import InputError

user_app = typer.Typer(help="用户与角色：新增用户、授予或撤销角色、重设密码。", no_args_is_help=True)

DEMO_DB = Path("gongkai-demo.sqlite3")


def install(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")


@friendly
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="工作进程数（PostgreSQL 时可多个）")] = 1,
    demo: Annotated[
        bool, typer.Option("--demo", help=f"先在 {DEMO_DB} 建立演示数据库（一个县、其机关、一年半的申请）")
    ] = False,
    db: DbOption = None,
) -> None:
    """启动网页应用（uvicorn）：机关工作人员登录办理依申请公开、主动公开和年度报告。"""
    import uvicorn

    from gongkai.store.db import database_url

    _check_listen(host, port, workers)

    if demo:
        from gongkai.demo import ACCOUNTS, PASSWORD, build

        url = f"sqlite:///{DEMO_DB.resolve()}"
        for p in DEMO_DB.parent.glob(DEMO_DB.name + "*"):
            p.unlink()
        build(url, extra=demo_extras())
        os.environ["GONGKAI_DATABASE_URL"] = url
        _print_accounts(ACCOUNTS, PASSWORD)
    elif db:
        os.environ["GONGKAI_DATABASE_URL"] = db
    url = database_url(os.environ.get("GONGKAI_DATABASE_URL"))
    if workers > 1 and url.startswith("sqlite"):
        err.print("提示：SQLite 适合单个工作进程；多个工作进程请使用 PostgreSQL（GONGKAI_DATABASE_URL）。")
    if not os.environ.get("GONGKAI_SECRET_KEY"):
        # One key for all workers of this run (sessions end when the server restarts).
        os.environ["GONGKAI_SECRET_KEY"] = secrets.token_urlsafe(32)
    from gongkai.store import Store

    Store.open(url).close()  # migrate once, before the workers start
    out.print(f"网页应用地址：http://{host}:{port}/  （按 Ctrl+C 停止）", markup=False)
    uvicorn.run(
        "gongkai.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers if workers > 1 else None,
        log_level="warning",
    )


def demo_extras() -> list:
    """What each part of the application adds to the demo county, after the register's year and a half."""
    from gongkai.demo_portal import build_portal
    from gongkai.demo_proactive import proactive_in_progress
    from gongkai.demo_supervision import uploads

    return [proactive_in_progress, uploads, build_portal]


def _check_listen(host: str, port: int, workers: int) -> None:
    """Refuse an address the server could not listen on, in one line, before anything is built."""
    if not 1 <= port <= 65535:
        raise InputError(f"端口 {port} 无效，应在 1—65535 之间", field="--port")
    if workers < 1:
        raise InputError(f"工作进程数 {workers} 无效，至少为 1", field="--workers")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError, ValueError):
        raise InputError(f"监听地址“{host!r}”无效：不是本机的 IP 地址或主机名", field="--host") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as e:
            raise InputError(
                f"无法在 {host}:{port} 上监听（{e.strerror}），端口可能已被占用", field="--port"
            ) from None


def _print_accounts(accounts, password: str) -> None:
    t = Table(title=f"演示账户（密码均为 {password}）")
    for col in ("用户名", "姓名", "角色", "首页"):
        t.add_column(col)
    for a in accounts:
        t.add_row(a.login, a.name, a.roles, a.home)
    out.print(t)


def _read_password(password: str | None) -> str:
    if password:
        return password
    first = typer.prompt("密码", hide_input=True)
    if typer.prompt("再次输入密码", hide_input=True) != first:
        raise InputError("两次输入的密码不一致", code="accounts.password")
    return first


Role_ = Annotated[
    str | None,
    typer.Option(
        "--role",
        help="角色：clerk 登记员、reviewer 审核人、secrecy 保密审查员、body_admin 单位管理员、"
        "supervisor 主管部门、admin 系统管理员",
    ),
]
Body_ = Annotated[str | None, typer.Option("--body", help="机关编号（机关角色）")]
Region_ = Annotated[str | None, typer.Option("--region", help="地区编号（主管部门角色）")]
Password_ = Annotated[str | None, typer.Option("--password", help="密码（不填时提示输入）")]


def _grant(role: str | None, body: str | None, region: str | None):
    from gongkai.access import Grant, Role

    try:
        r = Role(role)
    except ValueError:
        raise InputError(f"角色“{role}”无效，应为 {', '.join(x.value for x in Role)} 之一") from None
    return Grant(r, body_id=body, region_id=region)


@user_app.command("add")
@friendly
def user_add(
    login: Annotated[str, typer.Argument(help="用户名")],
    name: Annotated[str, typer.Option("--name", help="姓名")],
    role: Role_ = None,
    body: Body_ = None,
    region: Region_ = None,
    password: Password_ = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """新增用户（可同时授予一个角色）。"""
    grants = [_grant(role, body, region)] if role else []
    user = services(db).accounts.create_user(actor(as_actor), login, name, _read_password(password), grants)
    roles = "、".join(user.grant_labels())
    out.print(f"已新增用户{user.login}（{user.display_name}）{'：' + roles if roles else ''}", markup=False)


@user_app.command("grant")
@friendly
def user_grant(
    login: Annotated[str, typer.Argument(help="用户名")],
    role: Role_ = None,
    body: Body_ = None,
    region: Region_ = None,
    revoke: Annotated[bool, typer.Option("--revoke", help="撤销该角色")] = False,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """授予（或 --revoke 撤销）用户的角色。"""
    accounts = services(db).accounts
    g = _grant(role, body, region)
    user = (accounts.revoke if revoke else accounts.grant)(actor(as_actor), login, g)
    out.print(f"用户{user.login}的角色：{'、'.join(user.grant_labels()) or '无'}", markup=False)


@user_app.command("passwd")
@friendly
def user_passwd(
    login: Annotated[str, typer.Argument(help="用户名")],
    password: Password_ = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """重设用户的密码（同时解除锁定）。"""
    services(db).accounts.set_password(actor(as_actor), login, _read_password(password))
    out.print(f"已重设用户{login}的密码", markup=False)


@user_app.command("list")
@friendly
def user_list(db: DbOption = None, as_actor: ActorOption = None) -> None:
    """列出全部用户及其角色。"""
    t = Table(title="用户")
    for col in ("用户名", "姓名", "角色", "状态"):
        t.add_column(col)
    for u in services(db).accounts.users(actor(as_actor)):
        t.add_row(u.login, u.display_name, "、".join(u.grant_labels()), "正常" if u.active else "已停用")
    out.print(t)
