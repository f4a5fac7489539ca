"""cell.blank and table.missing: one finding per table, never one per cell."""

from __future__ import annotations

from gongkai.check import check
from gongkai.format.spec import get
from gongkai.model import Report


def test_blank_cells_are_listed_per_table(make_report):
    report = make_report("2021")
    blanks = ["requests.granted.research", "requests.total.other_org", "active.penalties.decisions"]
    for cell in blanks:
        report.cells[cell] = None
    findings = check(report)
    assert [(f.rule, f.severity, f.cells) for f in findings] == [
        ("cell.blank", "warning", ("active.penalties.decisions",)),
        ("cell.blank", "warning", ("requests.granted.research", "requests.total.other_org")),
    ]
    assert findings[1].message.startswith(
        "第三部分表格有2个空白单元格：（一）予以公开·科研机构、（七）总计·其他。空白不等于0"
    )
    assert findings[0].message.startswith(
        "第二部分第二十条第（六）项表格有1个空白单元格：行政处罚·本年处理决定数量。"
    )


def test_many_blanks_are_named_up_to_five(make_report):
    report = make_report("2021")
    ids = get("2021").table("appeals").ids
    for cell in ids[:7]:
        report.cells[cell] = None
    [finding] = check(report)
    assert finding.cells == tuple(ids[:7])
    assert "有7个空白单元格" in finding.message
    assert "行政复议·结果维持" in finding.message and "等。" in finding.message


def test_a_missing_cell_key_counts_as_blank(make_report):
    report = make_report("2021")
    del report.cells["appeals.reconsideration.total"]
    assert [(f.rule, f.cells) for f in check(report)] == [("cell.blank", ("appeals.reconsideration.total",))]


def test_an_empty_table_of_section_two_is_missing_not_blank(make_report):
    report = make_report("2021")
    table = get("2021").table("active.20_1")
    for cell in table.ids:
        report.cells[cell] = None
    [finding] = check(report)
    assert (finding.rule, finding.severity, finding.cells) == ("table.missing", "error", tuple(table.ids))
    assert finding.message == "第二部分第二十条第（一）项表格（规章、行政规范性文件）没有任何数值，无法核对"


def test_an_empty_section_is_one_finding_and_no_sums(make_report):
    report = make_report("2019")
    ids = get("2019").table("requests").ids
    for cell in ids:
        report.cells[cell] = None
    [finding] = check(report)
    assert (finding.rule, finding.cells) == ("table.missing", tuple(ids))
    assert finding.message == "第三部分“收到和处理政府信息公开申请情况”没有任何数值，无法核对"


def test_blank_report_reports_sections_not_tables():
    report = Report.blank("2021")
    findings = check(report)
    missing = [f for f in findings if f.rule == "table.missing"]
    assert [f.message[:4] for f in missing] == ["第二部分", "第三部分", "第四部分"]
    assert {f.rule for f in findings} == {"table.missing", "section.missing"}


def test_report_without_format_checks_only_sections():
    report = Report(sections={1: "概述", 5: "问题", 6: "未收取信息处理费"})
    assert check(report) == []
