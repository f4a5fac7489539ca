"""The regional summary as an XLSX workbook for the office.

Sheets: 汇总表 — the sum in the national layout (merged headers as printed, blank cells shaded);
各机关 — one row per cell id with its label, one column per body, then the sum; 检查结果 — the
findings of the summary and of every body.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.check.plan import plan_for, section_name
from gongkai.export.table import writing
from gongkai.export.xlsx_file import _cell as excel_value
from gongkai.format.layout import expand, grids
from gongkai.format.spec import SECTIONS, Version
from gongkai.model.finding import Finding, Severity

if TYPE_CHECKING:  # the writer only reads a Summary; importing it at run time would tie export to it
    from gongkai.aggregate import Summary

SUM_SHEET = "汇总表"
BODIES_SHEET = "各机关"
FINDINGS_SHEET = "检查结果"
SUM_COLUMN = "汇总"

#: Shading of a blank cell that some body left blank: visible on screen and in print, never a 0.
BLANK_FILL = PatternFill("solid", fgColor="FFF2CC")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_SEVERITY = {Severity.ERROR: "错误", Severity.WARNING: "提示"}
#: Wider label columns (section 二's 信息内容, section 三's three label columns); values take 12.
_LAYOUT_WIDTHS = {1: 28, 2: 16, 3: 16}
_LINE_CHARS = 100  # Chinese characters a merged line across the sheet holds
_LINE_POINTS = 18
_BLANK_NOTE = "底色单元格：有机关报告该处空白，汇总表保留空白，未按0计算（见“检查结果”）。"


def _merged_line(ws: Worksheet, row: int, width: int, text: str, bold: bool = False) -> None:
    ws.cell(row, 1, text).alignment = _WRAP
    if bold:
        ws.cell(row, 1).font = _BOLD
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    # Spreadsheets do not grow a merged row to fit its text: give it the lines it needs.
    lines = -(-len(text) // _LINE_CHARS)
    if lines > 1:
        ws.row_dimensions[row].height = _LINE_POINTS * lines


def _sum_sheet(ws: Worksheet, summary: Summary) -> None:
    report = summary.report
    tables = grids(plan_for(Version(str(report.format))).format)
    width = max(len(expand(g)[0]) for g in tables.values())
    _merged_line(ws, 1, width, report.title or "", bold=True)
    row = 2
    for paragraph in report.sections.get(1, "").splitlines():
        _merged_line(ws, row, width, paragraph)
        row += 1
    if summary.blanks:
        _merged_line(ws, row, width, _BLANK_NOTE)
        row += 1
    for section in (s for s in SECTIONS if not s.narrative):
        row += 1
        _merged_line(ws, row, width, section.title, bold=True)
        row = _grid(ws, row + 1, tables[section.number], summary) + 1
    for column in range(1, width + 1):
        ws.column_dimensions[get_column_letter(column)].width = _LAYOUT_WIDTHS.get(column, 12)


def _grid(ws: Worksheet, top: int, grid, summary: Summary) -> int:
    """Draw one table's grid from row `top`; returns the row after it."""
    cells = summary.report.cells
    rows = expand(grid)
    for y, line in enumerate(rows):
        for x, c in enumerate(line):
            if c is None:
                continue
            target = ws.cell(top + y, 1 + x)
            if c.cell_id is None:
                target.value = c.text
                target.alignment = _CENTER
                target.font = _BOLD if c.header else Font()
            else:
                target.value = excel_value(cells.get(c.cell_id))
                if c.cell_id in summary.blanks:
                    target.fill = BLANK_FILL
            if c.rowspan > 1 or c.colspan > 1:
                ws.merge_cells(
                    start_row=top + y,
                    start_column=1 + x,
                    end_row=top + y + c.rowspan - 1,
                    end_column=x + c.colspan,
                )
    return top + len(rows)


def _bodies_sheet(ws: Worksheet, summary: Summary) -> None:
    plan = plan_for(Version(str(summary.report.format)))
    fixed = ["部分", "项目", "单元格编号"]
    ws.append([*fixed, *(b.name for b in summary.bodies), SUM_COLUMN])
    for c in ws[1]:
        c.font, c.alignment = _BOLD, _CENTER
    for cell_id in plan.format.ids:
        values = [b.report.cells.get(cell_id) for b in summary.bodies]
        label = (section_name(plan.section_of[cell_id]), plan.label(cell_id), cell_id)
        ws.append([*label, *map(excel_value, values), excel_value(summary.report.cells.get(cell_id))])
        if cell_id in summary.blanks:
            for c in ws[ws.max_row][len(fixed) :]:
                if c.value is None:
                    c.fill = BLANK_FILL
    ws.freeze_panes = "D2"  # the header and the label columns stay in view
    for letter, w in (("A", 10), ("B", 48), ("C", 42)):
        ws.column_dimensions[letter].width = w
    for column in range(len(fixed) + 1, len(fixed) + len(summary.bodies) + 2):
        ws.column_dimensions[get_column_letter(column)].width = 16


def _finding_row(who: str, source: str | None, f: Finding) -> list[str]:
    severity = _SEVERITY.get(f.severity, str(f.severity))
    return [who, source or "", severity, f.rule, f.message, "、".join(f.cells)]


def _findings_sheet(ws: Worksheet, summary: Summary) -> None:
    ws.append(["机关", "来源文件", "级别", "规则", "说明", "涉及单元格"])
    for c in ws[1]:
        c.font = _BOLD
    region = f"{summary.report.body}（汇总）"
    for f in summary.report.findings:
        ws.append(_finding_row(region, None, f))
    for b in summary.bodies:
        for f in b.findings:
            ws.append(_finding_row(b.name, b.report.source, f))
    ws.freeze_panes = "A2"
    for letter, w in (("A", 24), ("B", 24), ("C", 6), ("D", 20), ("E", 80), ("F", 40)):
        ws.column_dimensions[letter].width = w


def summary_workbook(summary: Summary) -> Workbook:
    wb = Workbook()
    _sum_sheet(wb.active, summary)
    wb.active.title = SUM_SHEET
    _bodies_sheet(wb.create_sheet(BODIES_SHEET), summary)
    _findings_sheet(wb.create_sheet(FINDINGS_SHEET), summary)
    return wb


def summary_xlsx_bytes(summary: Summary) -> bytes:
    """The workbook as bytes (for a web download)."""
    buffer = BytesIO()
    summary_workbook(summary).save(buffer)
    return buffer.getvalue()


def write_summary_xlsx(summary: Summary, path: str | Path) -> None:
    with writing(path):
        summary_workbook(summary).save(path)
