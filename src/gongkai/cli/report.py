"""`gongkai report`: the annual report of a body, generated from its register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.common import ActorOption, BodyOption, DbOption, actor, friendly, out, services
from gongkai.errors import InputError
from gongkai.format.spec import REQUESTS_2021


def install(app: typer.Typer) -> None:
    app.command("report")(report)


OUTPUTS = (".json", ".docx", ".html", ".md", ".txt")
HEADLINE = {"received": "新收", "brought_forward": "上年结转", "total": "办结", "carried_forward": "结转下年"}


@friendly
def report(
    body: BodyOption,
    year: Annotated[str, typer.Option("--year", help="报告年度")],
    out_file: Annotated[Path, typer.Option("--out", help="输出文件：.json、.docx、.html、.md 或 .txt")],
    narrative: Annotated[
        Path | None, typer.Option("--narrative", help="第一、五、六部分的文字（文本或 JSON）")
    ] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """由登记簿生成机关某年度的政府信息公开工作年度报告。"""
    from gongkai.write import narrative as narrative_io
    from gongkai.write import write_report

    if out_file.suffix.lower() not in OUTPUTS:
        raise InputError(f"{out_file.name}：输出格式应为 {'、'.join(OUTPUTS)} 之一", code="input.file")
    text = narrative_io.read_narrative(narrative) if narrative else None
    svc = services(db)
    rep = svc.reports.annual(actor(as_actor), body, year, narrative=text)
    write_report(rep, out_file)
    total = {row: rep.cells.get(REQUESTS_2021.cell_id(row, "total")) for row in HEADLINE}
    figures = "，".join(f"{label}{total[row]}件" for row, label in HEADLINE.items())
    out.print(f"已生成{rep.body}{rep.year}年度报告：{out_file}（{figures}）", markup=False)
    for f in rep.findings:
        out.print(f"  提示：{f.rule}：{f.message}", markup=False, soft_wrap=True)
