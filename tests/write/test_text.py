"""The text and Markdown writers: what a web page editor pastes."""

from __future__ import annotations

import pytest
from strategies import sample_report

from gongkai.format import SECTIONS, Version, get
from gongkai.format.layout import grids
from gongkai.model import Finding, Severity
from gongkai.write import markdown, text
from gongkai.write.grid import flat_rows, width


@pytest.mark.parametrize("version", list(Version))
def test_text_tables_are_tab_separated_rows_of_the_layout(version):
    report = sample_report(version)
    lines = text.render(report).split("\n")
    table_lines = [line for line in lines if "\t" in line]
    want = [row for s in (2, 3, 4) for row in flat_rows(grids(get(version))[s], report.cells)]
    assert [line.split("\t") for line in table_lines] == want


def test_text_row_holds_its_values_in_column_order():
    report = sample_report(Version.V2021)
    line = next(x for x in text.render(report).split("\n") if x.startswith("一、本年新收"))
    cells = line.split("\t")
    ids = get(Version.V2021).table("requests").row_ids("received")
    assert cells[3:] == [str(report.cells[i]) for i in ids]


def test_text_has_title_sections_and_narrative():
    report = sample_report(Version.V2019)
    out = text.render(report)
    lines = out.split("\n")
    assert lines[0] == report.body + "2020年政府信息公开工作年度报告"
    positions = [lines.index(s.title) for s in SECTIONS]
    assert positions == sorted(positions)
    for paragraph in report.sections[5].split("\n"):
        assert paragraph in lines


def test_blank_cells_print_blank_in_text_and_markdown():
    report = sample_report(Version.V2021)
    for cell_id in report.cells:
        report.cells[cell_id] = None
    rows = [x.split("\t") for x in text.render(report).split("\n") if "\t" in x]
    assert rows and not any(c == "0" for r in rows for c in r)
    assert "| 0 |" not in markdown.render(report)
    fees = next(r for r in rows if r[0] == "行政事业性收费")
    assert fees[1:] == ["", "", ""]


@pytest.mark.parametrize("version", list(Version))
def test_markdown_pipe_tables(version):
    report = sample_report(version)
    lines = markdown.render(report).split("\n")
    table_lines = [line for line in lines if line.startswith("|")]
    fmt_grids = grids(get(version))
    assert len(table_lines) == sum(len(fmt_grids[s]) + 1 for s in (2, 3, 4))  # + one separator each
    for line in table_lines:
        assert line.count(" | ") + 1 in {width(fmt_grids[s]) for s in (2, 3, 4)}
    assert "## 三、收到和处理政府信息公开申请情况" in lines
    received = next(x for x in table_lines if x.startswith("| 一、本年新收"))
    ids = get(version).table("requests").row_ids("received")
    assert received.removesuffix(" |").split(" | ")[3:] == [str(report.cells[i]) for i in ids]


def test_markdown_escapes_pipes_in_table_cells():
    report = sample_report()
    report.findings = [Finding("sum.row", Severity.WARNING, "合计|不符", ("requests.total.total",))]
    out = markdown.render(report, "sheet")
    assert "| 1 | 提示 | sum.row | 合计\\|不符 | requests.total.total |" in out.split("\n")
