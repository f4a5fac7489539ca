"""`gongkai calendar` (official schedules) and `gongkai deadline` (the due date of a case file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.cli.common import ActorOption, DbOption, actor, friendly, integer, out, print_json

calendar_app = typer.Typer(
    help="节假日安排：载入国务院办公厅公布的新一年安排、查看工作日。", no_args_is_help=True
)


def install(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
    app.command("deadline")(deadline)


def _services(db: str | None):
    """The store when there is one (a database URL, or ./gongkai.sqlite3); the packaged calendar otherwise."""
    from gongkai.service import Services
    from gongkai.store.db import DEFAULT_URL, database_url

    if database_url(db) == DEFAULT_URL and not Path("gongkai.sqlite3").exists():
        return None
    return Services.open(db)


@calendar_app.command("load")
@friendly
def calendar_load(
    file: Annotated[Path, typer.Argument(help="节假日安排 JSON 文件（格式见 docs/register.md）")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """载入一年的节假日安排（放假日与调休上班日），检查其合理性，并重新计算受影响的答复期限。"""
    from gongkai.register.calendar import load_schedule
    from gongkai.service import Services

    schedule = load_schedule(file)
    rev, moved = Services.open(db).calendar.load(actor(as_actor), schedule)
    out.print(
        f"已载入{schedule.year}年节假日安排（第{rev}版，放假{len(schedule.holidays)}天，"
        f"调休上班{len(schedule.workdays)}天）：{schedule.source}",
        markup=False,
    )
    if moved:
        out.print(f"重新计算后答复期限变化的申请{len(moved)}件：")
        for m in moved:
            out.print(f"  {m.body_id} 申请{m.case_no}：{m.before or '—'} → {m.after or '—'}", markup=False)
    else:
        out.print("没有申请的答复期限因此变化。")


@calendar_app.command("show")
@friendly
def calendar_show(
    year: Annotated[str, typer.Argument(help="年份")],
    db: DbOption = None,
) -> None:
    """列出一年的放假日与调休上班日（尚未载入的年份显示按法定节假日推算的暂定安排）。"""
    from gongkai.register.calendar import default_calendar

    svc = _services(db)
    cal = svc.calendar.calendar() if svc else default_calendar()
    s = cal.schedule(integer(year, "年份", 2004, 2100))
    t = Table(title=f"{s.year}年节假日安排{'（暂定）' if s.provisional else ''}（来源：{s.source}）")
    for col in ("日期", "类别", "节日"):
        t.add_column(col)
    rows = [(d, "放假", n) for d, n in s.holidays.items()] + [
        (d, "调休上班", n) for d, n in s.workdays.items()
    ]
    for d, kind, name in sorted(rows):
        t.add_row(d.isoformat(), kind, name)
    out.print(t)


@friendly
def deadline(
    case: Annotated[Path, typer.Argument(help='申请的 JSON：{"received": "YYYY-MM-DD", "events": [...]}')],
    calendar: Annotated[
        list[Path] | None, typer.Option("--calendar", help="另外使用的节假日安排文件，可多次给出")
    ] = None,
    db: DbOption = None,
) -> None:
    """计算答复期限：输出 {"due": "YYYY-MM-DD", "explanation": [...]}，逐步说明计算过程；
    涉及尚未载入节假日安排的年份时另有 "provisional": true 和 "warnings"。"""
    from gongkai.register.calendar import default_calendar, load_schedule
    from gongkai.service.calendar import deadline_for_case, read_case_file

    svc = _services(db)
    cal = svc.calendar.calendar() if svc else default_calendar()
    for f in calendar or []:
        cal = cal.with_schedule(load_schedule(f))
    print_json(deadline_for_case(read_case_file(case), cal, str(case)).to_dict())
