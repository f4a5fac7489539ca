"""Commands over published reports: parse, check, export, rules, demo."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gongkai.check import RULES
from gongkai.cli.batch import (
    JobsOption,
    MemoryOption,
    TimeoutOption,
    budget_of,
    each_outcome,
    examine_all,
    expand_paths,
    fail,
)
from gongkai.cli.common import friendly
from gongkai.examine import Outcome
from gongkai.export import Failed, write_csv, write_parquet, write_xlsx
from gongkai.model.finding import Severity

out = Console(markup=False)  # file names may hold "[…]": styles are given as Text

Files = Annotated[
    list[Path], typer.Argument(help="报告文件（文本、Markdown、HTML、DOCX、PDF）或目录", show_default=False)
]


def install(app: typer.Typer) -> None:
    app.command("parse")(parse)
    app.command("check")(check)
    app.command("export")(export)
    app.command("rules")(rules)
    app.command("demo")(demo)


@friendly
def parse(
    files: Files,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 列表，每个文件一个对象")] = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="每读完一个文件输出一行 JSON（不含跨年度检查）")
    ] = False,
    jobs: JobsOption = 1,
    timeout: TimeoutOption = 60.0,
    memory: MemoryOption = 2048,
) -> None:
    """读取年度报告，输出各单元格的数值（按单元格编号）及发现的问题。

    每个文件在单独的进程中读取，受时间和内存上限约束：一个文件出问题只影响它自己。

    退出码：0 全部读取成功；1 有文件无法读取；2 用法错误。
    """
    budget = budget_of(jobs, timeout, memory)
    if jsonl:
        failed = False
        for o in each_outcome(expand_paths(files), budget):
            typer.echo(json.dumps(o.to_dict(), ensure_ascii=False))
            failed = failed or bool(o.error)
        raise typer.Exit(1 if failed else 0)
    outcomes = examine_all(expand_paths(files), budget)
    if as_json:
        typer.echo(json.dumps([o.to_dict() for o in outcomes], ensure_ascii=False, indent=1))
    else:
        out.print(summary_table(outcomes))
    raise typer.Exit(1 if any(o.error for o in outcomes) else 0)


@friendly
def check(
    files: Files, jobs: JobsOption = 1, timeout: TimeoutOption = 60.0, memory: MemoryOption = 2048
) -> None:
    """检查年度报告：勾稽关系、空白单元格、缺失部分、跨年度衔接。有错误时退出码为 1。"""
    outcomes = examine_all(expand_paths(files), budget_of(jobs, timeout, memory))
    for o in outcomes:
        print_findings(o)
    bad = [o for o in outcomes if o.error or (o.report and o.report.has_errors)]
    out.print(f"共 {len(outcomes)} 份报告，{len(bad)} 份有错误。", highlight=False)
    raise typer.Exit(1 if bad else 0)


@friendly
def export(
    files: Files,
    csv: Annotated[Path | None, typer.Option("--csv", help="写出 CSV 文件（UTF-8，带 BOM）")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="写出 Excel 文件")] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="写出 Parquet 文件（供 DuckDB、pandas 等分析）")
    ] = None,
    chinese_header: Annotated[bool, typer.Option("--chinese-header", help="增加一行中文表头")] = False,
    jobs: JobsOption = 1,
    timeout: TimeoutOption = 60.0,
    memory: MemoryOption = 2048,
) -> None:
    """导出为表格：每份报告一行，每个单元格编号一列。"""
    if csv is None and xlsx is None and parquet is None:
        fail("请用 --csv、--xlsx 或 --parquet 指定输出文件")
    outcomes = examine_all(expand_paths(files), budget_of(jobs, timeout, memory))
    rows = [o.report if o.report else Failed(o.source, o.error or "") for o in outcomes]
    if csv:
        write_csv(rows, csv, chinese_header=chinese_header)
    if xlsx:
        write_xlsx(rows, xlsx, chinese_header=chinese_header)
    if parquet:
        write_parquet(rows, parquet)
    out.print(f"已导出 {len(rows)} 份报告。", highlight=False)
    raise typer.Exit(1 if any(o.error for o in outcomes) else 0)


def rules() -> None:
    """列出全部检查规则（编号、严重程度、说明）。"""
    t = Table(title="检查规则")
    for col in ("编号", "严重程度", "说明"):
        t.add_column(col)
    for r in RULES:
        t.add_row(r.id, "错误" if r.severity is Severity.ERROR else "提示", r.title)
    out.print(t)


def demo(
    directory: Annotated[
        Path | None, typer.Option("--dir", help="样例报告写在此目录（默认临时目录）")
    ] = None,
    shared: Annotated[Path, typer.Option(help="另外读取的真实报告目录（存在时）")] = Path("../shared"),
) -> None:
    """主任务：生成各种形态的样例报告，连同 ../shared 中的真实报告一起读取、检查并列表显示。"""
    from gongkai.samples import write_samples

    with tempfile.TemporaryDirectory() as tmp:
        where = directory or Path(tmp)
        paths = [str(p) for p in write_samples(where)]
        real = sorted(shared.glob("seeds/*")) + sorted(shared.glob("corpus/pdf/*.pdf"))
        if real:
            paths += [str(p) for p in real]
        else:
            out.print(
                f"未找到 {shared}（真实报告样本），只读取项目自带的样例。", highlight=False, markup=False
            )
        outcomes = examine_all(paths)
        out.print(summary_table(outcomes))
        for o in outcomes:
            print_findings(o, only_errors=True)


def summary_table(outcomes: list[Outcome]) -> Table:
    t = Table(title="年度报告读取与检查结果")
    for col in ("文件", "格式", "机关", "年度", "已读单元格", "错误", "提示", "主要问题"):
        t.add_column(col, overflow="fold")
    for o in outcomes:
        name = Path(o.source).name  # the console has markup off: "archive[old].txt" is a name
        r = o.report
        if r is None:
            t.add_row(name, "", "", "", "", "", "", Text(f"无法读取：{o.error}", style="red"))
            continue
        filled = sum(v is not None for v in r.cells.values())
        errors = [f for f in r.findings if f.severity is Severity.ERROR]
        top = Counter(f.rule for f in r.findings).most_common(2)
        t.add_row(
            name,
            str(r.format or ""),
            r.body or "（未识别）",
            str(r.year or ""),
            f"{filled}/{len(r.cells)}",
            str(len(errors)),
            str(len(r.findings) - len(errors)),
            "，".join(f"{rule}×{n}" for rule, n in top),
        )
    return t


def print_findings(o: Outcome, only_errors: bool = False) -> None:
    if o.report is None:
        line = Text.assemble((o.source, "bold"), "：", (f"无法读取：{o.error}", "red"))
        out.print(line, highlight=False, soft_wrap=True)
        return
    findings = [f for f in o.report.findings if f.severity is Severity.ERROR or not only_errors]
    if not findings:
        if not only_errors:
            out.print(Text.assemble((o.source, "bold"), "：未发现问题"), highlight=False, soft_wrap=True)
        return
    out.print(
        Text.assemble((o.source, "bold"), f"（{o.report.body or '机关未识别'} {o.report.year or ''}）"),
        highlight=False,
        soft_wrap=True,
    )
    for f in findings:
        out.print(finding_line(f), highlight=False, soft_wrap=True)


def finding_line(f) -> Text:
    mark = ("错误", "red") if f.severity is Severity.ERROR else ("提示", "yellow")
    return Text.assemble("  ", mark, f" {f.rule}：{f.message}")
