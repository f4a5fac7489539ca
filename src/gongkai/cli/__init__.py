"""The `gongkai` command: a thin face over the library (every command is a library call)."""

from __future__ import annotations

from gongkai.cli import chinese

chinese.install()

import typer  # noqa: E402  (after the Chinese help texts are in place)

from gongkai.cli import (  # noqa: E402, F401
    admin,
    aggregate,
    calendar,
    common,
    ledger,
    portal,
    records,
    register,
    render,
    report,
    reports,
    web,
)

app = typer.Typer(
    name="gongkai",
    help="政府信息公开：年度报告的读取、检查、导出与生成，依申请公开登记与期限计算。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (reports, render, aggregate, calendar, report, register, portal, web, admin):
    module.install(app)
common.guard(app)  # one Chinese line for every error of every command, never a traceback


def main() -> None:
    chinese.run(app)
