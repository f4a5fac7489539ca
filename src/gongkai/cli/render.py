"""The `render` command: one report (any readable file, parse --json output, or hand-written YAML/JSON)
written in the national layout as DOCX, HTML, Markdown or text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai import atomic
from gongkai.errors import GongkaiError
from gongkai.model import Report

Out = Path | None
REPORT_HELP = "报告：任一可读取的报告文件、parse --json 的输出，或手写的 YAML/JSON"


def install(app: typer.Typer) -> None:
    app.command("render")(render)


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _load(path: Path) -> Report:
    """Hand-written YAML/JSON through the loader; every other file through the readers."""
    from gongkai.write.load import SUFFIXES, LoadError, load_report

    if path.suffix.lower() in SUFFIXES:
        try:
            return load_report(path)
        except LoadError as e:
            _fail(str(e))
    from gongkai.read import ReadError, read_path

    try:
        return read_path(path)
    except ReadError as e:
        _fail(f"{path.name}：{e}")
    raise AssertionError("unreachable")


def render(
    report: Annotated[Path, typer.Argument(help=REPORT_HELP, show_default=False)],
    docx: Annotated[Out, typer.Option("--docx", help="输出 DOCX（公文格式）")] = None,
    html: Annotated[Out, typer.Option("--html", help="输出单文件 HTML（可直接打印）")] = None,
    md: Annotated[Out, typer.Option("--md", help="输出 Markdown（竖线表格）")] = None,
    txt: Annotated[Out, typer.Option("--txt", help="输出纯文本（制表符分隔的表格）")] = None,
    appendix: Annotated[bool, typer.Option("--findings", help="在报告末尾附上检查发现的问题")] = False,
    sheet: Annotated[Out, typer.Option("--check-sheet", help="另行输出检查结果单（格式按扩展名）")] = None,
) -> None:
    """按全国统一格式生成年度报告（DOCX、HTML、Markdown、纯文本）。"""
    from gongkai.write import Findings, WriteError, format_of, to_bytes

    targets = [(p, f) for p, f in ((docx, "docx"), (html, "html"), (md, "md"), (txt, "txt")) if p is not None]
    if not targets and sheet is None:
        _fail("请至少指定一个输出：--docx、--html、--md、--txt 或 --check-sheet")
    jobs = [(p, f, Findings.APPENDIX if appendix else Findings.NONE) for p, f in targets]
    try:
        if sheet is not None:
            jobs.append((sheet, format_of(sheet), Findings.SHEET))
    except WriteError as e:
        _fail(str(e))
    loaded = _load(report)
    for path, fmt, findings in jobs:
        try:
            data = to_bytes(loaded, fmt, findings)
        except WriteError as e:
            _fail(f"{report.name}：{e}")
        try:
            atomic.write_bytes(path, data)
        except GongkaiError as e:
            _fail(str(e))
        typer.echo(f"已写出 {path}")
