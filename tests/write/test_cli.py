"""`gongkai render` through Typer's test runner."""

from __future__ import annotations

import io
import json

import docx
import typer
from strategies import sample_report
from typer.testing import CliRunner

from gongkai.cli.render import install
from gongkai.format import Version
from gongkai.model import Finding, Severity


def _app() -> typer.Typer:
    app = typer.Typer()
    install(app)

    @app.command("noop", hidden=True)
    def noop() -> None:  # a second command keeps `render` a named subcommand, as in the main app
        pass

    return app


def test_render_every_format_from_json(tmp_path):
    report = sample_report(Version.V2021)
    source = tmp_path / "report.json"
    source.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    outs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("docx", "html", "md", "txt")}
    args = ["render", str(source)]
    for fmt, path in outs.items():
        args += [f"--{fmt}", str(path)]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    assert all(f"已写出 {p}" in result.output for p in outs.values())
    document = docx.Document(io.BytesIO(outs["docx"].read_bytes()))
    assert len(document.tables) == 3
    assert str(report.cells["requests.total.total"]) in outs["html"].read_text("utf-8")
    assert outs["txt"].read_text("utf-8").startswith(report.body)
    assert outs["md"].read_text("utf-8").startswith("# " + report.body)


def test_findings_appendix_and_check_sheet(tmp_path):
    report = sample_report(Version.V2019)
    report.findings = [Finding("sum.balance", Severity.ERROR, "总计列不平衡", ("requests.total.total",))]
    source = tmp_path / "report.json"
    source.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    out, sheet = tmp_path / "r.txt", tmp_path / "check.html"
    result = CliRunner().invoke(
        _app(), ["render", str(source), "--txt", str(out), "--findings", "--check-sheet", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    assert "附件：检查发现的问题" in out.read_text("utf-8")
    page = sheet.read_text("utf-8")
    assert "总计列不平衡" in page and "三、收到和处理政府信息公开申请情况" not in page


def test_bad_input_is_one_chinese_line(tmp_path):
    source = tmp_path / "broken.yaml"
    source.write_text("year: 2023\ncells:\n  requests.total.total: abc\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["render", str(source), "--txt", str(tmp_path / "x.txt")])
    assert result.exit_code == 1
    assert result.output.strip() == "broken.yaml：单元格 requests.total.total 的值“abc”不是数字"
    assert not (tmp_path / "x.txt").exists()


def test_no_output_asked(tmp_path):
    source = tmp_path / "r.yaml"
    source.write_text("year: 2023\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["render", str(source)])
    assert result.exit_code == 1
    assert "请至少指定一个输出" in result.output


def test_unknown_check_sheet_suffix(tmp_path):
    source = tmp_path / "r.yaml"
    source.write_text("year: 2023\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["render", str(source), "--check-sheet", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert result.output.startswith("x.pdf：无法按扩展名确定输出格式")


def test_unreadable_report_file(tmp_path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = CliRunner().invoke(_app(), ["render", str(source), "--txt", str(tmp_path / "o.txt")])
    assert result.exit_code == 1
    line = result.output.strip()
    assert line.startswith("empty.txt：") and "\n" not in line and "Traceback" not in result.output


def test_render_a_published_report(tmp_path):
    """A non-JSON/YAML input goes through the readers (a seed of the shared corpus)."""
    from pathlib import Path

    seed = sorted(Path("/work/shared/seeds").glob("*.txt"))[0]
    out = tmp_path / "seed.html"
    result = CliRunner().invoke(_app(), ["render", str(seed), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").count("<table") == 3
