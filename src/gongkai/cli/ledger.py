"""`register import` and `register export`: the 台账 as CSV files or an XLSX workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.common import ActorOption, BodyOption, DbOption, actor, friendly, out, services
from gongkai.cli.register import register_app


@register_app.command("export")
@friendly
def export(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="输出文件：.xlsx（一个工作簿）或 .csv（每张表一个文件）")],
    private: Annotated[bool, typer.Option("--private", help="包含申请人姓名、证件号码和联系方式")] = False,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """导出台账：申请与事件（含状态、答复期限、办结日期、逾期），以及第二、四部分的记录。"""
    written = services(db).ledger.export(actor(as_actor), body, file, private=private)
    out.print("已导出台账：" + "、".join(str(p) for p in written), markup=False)


@register_app.command("import")
@friendly
def import_(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="台账文件：.xlsx，或 .csv（同名的记录表一并读取）")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """导入台账；任何一行有误则全部不导入，并指出文件、行号和案号。"""
    n = services(db).ledger.import_(actor(as_actor), body, file)
    out.print(
        f"已导入{n['requests']}件申请、{n['events']}个事件、{n['documents']}件文件、"
        f"{n['counts']}个年度的数据、{n['appeals']}件复议诉讼案件"
    )


@register_app.command("records-import")
@friendly
def records_import(
    body: BodyOption,
    kind: Annotated[
        str, typer.Argument(help="documents（规章和规范性文件）、counts（年度数据）或 appeals（复议诉讼）")
    ],
    file: Annotated[Path, typer.Argument(help="CSV 或 XLSX 文件（列名见 docs/register.md）")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """从 CSV 或 XLSX 导入第二、四部分的一类记录；任何一行有误则全部不导入。"""
    n = services(db).ledger.import_records(actor(as_actor), body, kind, file)
    out.print(f"已导入{n}条记录")
