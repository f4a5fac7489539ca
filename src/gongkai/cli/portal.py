"""`gongkai portal`: the public portal's housekeeping — identity documents deleted after their case closes,
and the 社会评议 summary a report may quote."""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli.common import ActorOption, BodyOption, DbOption, actor, friendly, out, services

portal_app = typer.Typer(help="政府信息公开门户：身份证明的到期删除、社会评议汇总。", no_args_is_help=True)

DataDirOption = Annotated[
    str | None,
    typer.Option("--data-dir", envvar="GONGKAI_DATA_DIR", help="上传文件的存放目录（默认 ./gongkai-data）"),
]


def install(app: typer.Typer) -> None:
    app.add_typer(portal_app, name="portal")


@portal_app.command("purge")
@friendly
def purge(
    days: Annotated[
        int | None,
        typer.Option("--days", help="结案后保留天数（默认取 GONGKAI_ID_RETENTION_DAYS，否则180天）"),
    ] = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_actor: ActorOption = None,
) -> None:
    """删除结案超过保留期限的网上申请身份证明文件。"""
    from gongkai.service import Services
    from gongkai.store import Store

    svc = Services(Store.open(db), data_dir=data_dir)
    gone = svc.portal.purge(actor(as_actor), days)
    for case in gone:
        out.print(f"已删除身份证明：{case}")
    out.print(f"共删除{len(gone)}件申请的身份证明")


@portal_app.command("ratings")
@friendly
def ratings(
    body: BodyOption,
    year: Annotated[int, typer.Option("--year", help="年度")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """某机关某年度的社会评议汇总（可引用于年度报告第一部分）。"""
    out.print(services(db).portal.report_sentence(actor(as_actor), body, year))
