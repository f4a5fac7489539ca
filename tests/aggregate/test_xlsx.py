"""The summary workbook written by the library call (what the web download serves)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook
from tests.aggregate.conftest import blank_table, region

from gongkai.aggregate import aggregate
from gongkai.export.summary_xlsx import BLANK_FILL, BODIES_SHEET, SUM_SHEET, summary_xlsx_bytes
from gongkai.format.spec import get


def test_2019_summary_with_a_missing_table_shades_exactly_the_blank_cells():
    bodies = region(3, version="2019", year=2019)
    missing = blank_table(bodies[0], "appeals")
    summary = aggregate(bodies, "云溪县")
    wb = load_workbook(BytesIO(summary_xlsx_bytes(summary)))
    ids = [row[2] for row in wb[BODIES_SHEET].iter_rows(min_row=2, values_only=True)]
    assert ids == get("2019").ids
    layout = wb[SUM_SHEET]
    shaded = [c for row in layout.iter_rows() for c in row if c.fill == BLANK_FILL]
    assert len(shaded) == len(missing) and all(c.value is None for c in shaded)
    assert layout["A1"].value == "云溪县2019年政府信息公开工作年度报告（汇总）"
    texts = {c.value for row in layout.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"上一年项目数量", "本年增/减", "（六）其他处理", "采购总金额"} <= texts
