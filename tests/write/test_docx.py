"""The DOCX writer on its own: national layout cell for cell, GB/T 9704 page and fonts, page numbers."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from strategies import sample_report

from gongkai.format import Version, get
from gongkai.format.layout import expand, grids
from gongkai.model import Finding, Severity
from gongkai.write import docx as docx_writer
from gongkai.write.grid import cell_text
from gongkai.write.outline import APPENDIX_TITLE


def _document(report, findings="none"):
    return docx.Document(io.BytesIO(docx_writer.render(report, findings)))


def docx_spans(table) -> dict[tuple[int, int], tuple[int, int, str]]:
    """{(row, col): (rowspan, colspan, text)} of every cell that starts a merge (or stands alone)."""
    origins: dict[tuple[int, int], list] = {}
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # grid position → its origin
    for y, tr in enumerate(table._tbl.tr_lst):
        x = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            vmerge = tc.vMerge  # "restart", "continue" or None
            if vmerge == "continue":
                origin = owner[(y - 1, x)]
                origins[origin][0] += 1
            else:
                origin = (y, x)
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                origins[origin] = [1, span, text]
            for dx in range(span):
                owner[(y, x + dx)] = origin
            x += span
    return {k: tuple(v) for k, v in origins.items()}


def layout_spans(grid, values) -> dict[tuple[int, int], tuple[int, int, str]]:
    return {
        (y, x): (c.rowspan, c.colspan, cell_text(c, values))
        for y, row in enumerate(expand(grid))
        for x, c in enumerate(row)
        if c is not None
    }


@pytest.mark.parametrize("version", list(Version))
def test_tables_match_the_national_layout_cell_for_cell(version):
    report = sample_report(version)
    document = _document(report)
    expected = grids(get(version))
    assert len(document.tables) == 3
    for table, section in zip(document.tables, (2, 3, 4), strict=True):
        assert docx_spans(table) == layout_spans(expected[section], report.cells), f"section {section}"


def test_values_land_in_their_cells():
    report = sample_report(Version.V2021)
    values = [v for v in report.cells.values()]
    assert len(set(values)) > 0.9 * len(values), "the fixture must have distinct values to catch misalignment"
    spans = docx_spans(_document(report).tables[1])
    grid = expand(grids(get(Version.V2021))[3])
    checked = 0
    for (y, x), (_, _, text) in spans.items():
        cell = grid[y][x]
        if cell is not None and cell.cell_id:
            assert text == str(report.cells[cell.cell_id]), cell.cell_id
            checked += 1
    assert checked == len(get(Version.V2021).table("requests").ids)


def test_the_merged_blocks_of_section_three():
    spans = docx_spans(_document(sample_report(Version.V2021)).tables[1])
    by_text = {text: (rs, cs) for rs, cs, text in spans.values() if text}
    assert by_text["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
    assert by_text["申请人情况"] == (1, 7)
    assert by_text["法人或其他组织"] == (1, 5)
    assert by_text["三、本年度办理结果"] == (22, 1)
    assert by_text["（三）不予公开"] == (8, 1)
    assert by_text["（六）其他处理"] == (3, 1)
    spans19 = docx_spans(_document(sample_report(Version.V2019)).tables[1])
    by_text19 = {text: (rs, cs) for rs, cs, text in spans19.values() if text}
    assert by_text19["三、本年度办理结果"] == (20, 1)
    assert by_text19["（六）其他处理"] == (1, 2)


def test_blank_cells_print_blank_never_zero():
    report = sample_report(Version.V2019)
    blanked = ["active.fees.change", "requests.granted.research", "appeals.reconsideration.pending"]
    for cell_id in blanked:
        report.cells[cell_id] = None
    report.cells["active.procurement.amount"] = Decimal("12.50")
    document = _document(report)
    texts = {}
    for table, section in zip(document.tables, (2, 3, 4), strict=True):
        grid = expand(grids(get(Version.V2019))[section])
        for (y, x), (_, _, text) in docx_spans(table).items():
            if grid[y][x] is not None and grid[y][x].cell_id:
                texts[grid[y][x].cell_id] = text
    assert all(texts[c] == "" for c in blanked)
    assert texts["active.procurement.amount"] == "12.50"
    assert texts["active.fees.prior_items"] == str(report.cells["active.fees.prior_items"])


def test_page_is_a4_with_official_margins():
    section = _document(sample_report()).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    for got, want in (
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(got - Mm(want)) < Mm(0.5)


def test_tables_fit_the_text_block():
    for table in _document(sample_report()).tables:
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) <= docx_writer.TEXT_WIDTH + 15


def test_page_numbers_on_odd_and_even_pages():
    document = _document(sample_report())
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert "—" in "".join(p.text for p in footer.paragraphs)


def _east_asia(run) -> str | None:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def test_fonts_follow_official_document_conventions():
    report = sample_report()
    paragraphs = {p.text.replace("\n", ""): p for p in _document(report).paragraphs if p.text}
    expected = {
        report.body + "2023年政府信息公开工作年度报告": ("方正小标宋简体", 22),
        "一、总体情况": ("黑体", 16),
        "三、收到和处理政府信息公开申请情况": ("黑体", 16),
        "（一）主动公开情况": ("楷体_GB2312", 16),
        report.sections[6]: ("仿宋_GB2312", 16),
    }
    for text, (font, size) in expected.items():
        run = paragraphs[text].runs[0]
        assert (_east_asia(run), run.font.size) == (font, Pt(size)), text
    assert paragraphs[report.sections[6]].paragraph_format.first_line_indent == Pt(32)
    # A long title breaks after the body's name rather than orphaning its last character.
    title = _document(report).paragraphs[0].text
    assert title == report.body + "\n2023年政府信息公开工作年度报告"


def test_table_text_is_small_fangsong():
    document = _document(sample_report())
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for run in (r for p in cell.paragraphs for r in p.runs):
                    assert _east_asia(run) == "仿宋_GB2312"
                    assert run.font.size <= Pt(10.5)


def test_findings_appendix_and_check_sheet():
    report = sample_report()
    report.findings = [
        Finding("sum.balance", Severity.ERROR, "自然人列：新收加结转不等于办结加结转", ("requests.total.x",))
    ]
    appendix = _document(report, "appendix")
    texts = [p.text for p in appendix.paragraphs]
    assert APPENDIX_TITLE in texts and len(appendix.tables) == 4
    assert "自然人列" in appendix.tables[3].cell(1, 3).text
    sheet = _document(report, "sheet")
    assert len(sheet.tables) == 1 and sheet.tables[0].cell(1, 2).text == "sum.balance"
