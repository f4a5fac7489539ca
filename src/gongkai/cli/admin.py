"""`gongkai backup` and `gongkai restore`: the register's database saved to one file and brought back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.common import DbOption, friendly, out


def install(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)


@friendly
def backup(
    file: Annotated[Path, typer.Argument(help="备份文件（SQLite 为数据库副本，PostgreSQL 为 pg_dump 归档）")],
    db: DbOption = None,
) -> None:
    """备份登记簿数据库；系统照常使用时也可备份，备份是同一时刻的完整副本。"""
    from gongkai.store.backup import backup as run

    info = run(db, file)
    out.print(f"已备份到{info.path}（{info.kind}，结构版本{info.revision}）", markup=False)


@friendly
def restore(
    file: Annotated[Path, typer.Argument(help="由 gongkai backup 生成的备份文件")],
    force: Annotated[bool, typer.Option("--force", help="目标数据库已有数据时仍然覆盖")] = False,
    db: DbOption = None,
) -> None:
    """由备份文件恢复登记簿数据库；目标已有数据时须加 --force，恢复后自动升级到本程序的结构版本。"""
    from gongkai.store.backup import restore as run

    info = run(db, file, force=force)
    upgraded = f"，已升级到结构版本{info.upgraded_to}" if info.upgraded_to else ""
    out.print(f"已由{info.path}恢复（结构版本{info.revision}{upgraded}）", markup=False)
