"""The `aggregate` command: a thin face over gongkai.aggregate (the regional summary)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gongkai import atomic
from gongkai.aggregate import Summary, Unread, aggregate
from gongkai.cli.batch import err, expand_paths, fail
from gongkai.cli.reports import finding_line
from gongkai.errors import GongkaiError
from gongkai.format.spec import Version, get
from gongkai.model import Report

out = Console(markup=False)  # names may hold "[…]": styles are given as Text

Out = Path | None
REPORTS_HELP = (
    "报告：任一可读取的报告文件（文本、HTML、DOCX、PDF）、parse --json 的输出或报告 JSON/YAML，或目录"
)
JSON_HELP = "输出汇总报告的 JSON（含各机关的检查结果）"
XLSX_HELP = "写出 Excel：汇总表、各机关逐项对照、检查结果"
PREVIOUS_HELP = "各机关上一年度的报告，用于跨年度衔接检查；可多次给出"
#: The headline figures printed after the table: section 三's 总计 column of these rows.
HEADLINE = (
    ("新收", "received"),
    ("上年结转", "brought_forward"),
    ("办结", "total"),
    ("结转下年", "carried_forward"),
)


def install(app: typer.Typer) -> None:
    app.command("aggregate")(aggregate_command)


def _said(source: str, cause: str) -> Unread:
    """One line on stderr naming the input and the cause; the input is left out of the sum."""
    named = cause.startswith((f"{source}：", f"{Path(source).name}："))  # the loader names the file itself
    line = cause if named else f"{source}：{cause}"
    err.print(line, highlight=False, markup=False, soft_wrap=True)
    return Unread(source, line)


def _entries(data: list, path: Path) -> tuple[list[Report], list[Unread]]:
    """The list `gongkai parse --json` prints: one report per file, or the error that file gave."""
    from gongkai.write.load import report_from_data

    reports, unread = [], []
    for n, entry in enumerate(data, 1):
        where = f"{path}第{n}项"
        source = str(entry.get("source") or where) if isinstance(entry, dict) else where
        if isinstance(entry, dict) and entry.get("error"):
            unread.append(_said(source, str(entry["error"])))
            continue
        try:
            reports.append(report_from_data(entry, where))
        except GongkaiError as e:
            unread.append(_said(source, str(e)))
    return reports, unread


def _load(path: Path) -> tuple[list[Report], list[Unread]]:
    """Reports from one file: JSON/YAML through the loader, every other file through the readers."""
    from gongkai.read import read_path
    from gongkai.write.load import SUFFIXES, load_report

    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            data = None  # load_report below says what is wrong, in its one line
        if isinstance(data, list):
            return _entries(data, path)
    try:
        return [load_report(path) if suffix in SUFFIXES else read_path(path)], []
    except GongkaiError as e:
        return [], [_said(str(path), str(e))]


def _load_all(paths: list[str]) -> tuple[list[Report], list[Unread]]:
    reports, unread = [], []
    for p in paths:
        got, failed = _load(Path(p))
        reports += got
        unread += failed
    return reports, unread


def _show(summary: Summary) -> None:
    t = Table(title=summary.report.title)
    for col in ("机关", "来源", "错误", "提示", "空白单元格"):
        t.add_column(col, overflow="fold")
    for b in summary.bodies:
        warnings = len(b.findings) - b.errors
        # names and paths come from files: escaped, so "archive[old]" stays a name, not markup
        t.add_row(
            escape(b.name), escape(b.report.source or ""), str(b.errors), str(warnings), str(b.blank_cells)
        )
    out.print(t)
    for f in summary.report.findings:
        out.print(finding_line(f), highlight=False, soft_wrap=True)
    regional = summary.report
    requests = get(regional.format or Version.V2021).table("requests")
    figures = "，".join(f"{k}{_figure(regional.get(requests.cell_id(row, 'total')))}" for k, row in HEADLINE)
    out.print(f"汇总{len(summary.bodies)}个机关：{figures}。", highlight=False)


def _figure(value: object) -> str:
    return "空白" if value is None else f"{value}件"


def _write(path: Path, data: bytes) -> None:
    try:
        atomic.write_bytes(path, data)
    except GongkaiError as e:
        err.print(str(e), highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from e
    typer.echo(f"已写出 {path}")


def aggregate_command(
    reports: Annotated[list[Path], typer.Argument(help=REPORTS_HELP, show_default=False)],
    name: Annotated[str | None, typer.Option("--name", help="汇总的地区或单位名称，如“某某县”")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    docx: Annotated[Out, typer.Option("--docx", help="按全国统一格式写出汇总报告 DOCX")] = None,
    xlsx: Annotated[Out, typer.Option("--xlsx", help=XLSX_HELP)] = None,
    previous: Annotated[list[Path] | None, typer.Option("--previous", help=PREVIOUS_HELP)] = None,
) -> None:
    """汇总同一年度、同一格式的多份年度报告：各单元格为各机关之和，任一机关空白的单元格汇总后仍为空白。

    退出码：0 全部读取并汇总；1 有文件无法读取或报告不能汇总；2 用法错误。
    """
    if sum((as_json, docx is not None, xlsx is not None)) > 1:
        fail("--json、--docx、--xlsx 只能选择一个")
    reports_in, unread = _load_all(expand_paths(reports))
    earlier, earlier_unread = _load_all(expand_paths(previous or []))
    try:
        summary = aggregate(reports_in, name, previous=earlier, unread=unread)
    except GongkaiError as e:
        err.print(str(e), highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from e
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1))
    elif docx is not None:
        from gongkai.write import to_bytes

        _write(docx, to_bytes(summary.report, "docx"))
    elif xlsx is not None:
        from gongkai.export.summary_xlsx import summary_xlsx_bytes

        _write(xlsx, summary_xlsx_bytes(summary))
    else:
        _show(summary)
    raise typer.Exit(1 if unread or earlier_unread else 0)
