"""The annual report as DOCX in the conventions of Chinese official documents (GB/T 9704-2012).

Page, fonts and page numbers come from `gongkai.write.gongwen` (A4, 方正小标宋简体 二号 title, 仿宋_GB2312
三号 body at 28 pt with a two-character indent); 一级标题 黑体, 二级标题 楷体_GB2312; tables in 仿宋
五号/小五 so section 三 fits the 版心.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from gongkai.format.layout import Grid
from gongkai.model import Report
from gongkai.write.docx_table import table_xml
from gongkai.write.gongwen import (
    BODY_FONT,
    HEADING_FONT,
    LATIN_FONT,
    SIZE_2,
    SIZE_3,
    SIZE_5,
    SIZE_SMALL_5,
    SUBHEADING_FONT,
    TEXT_WIDTH,
    TITLE_FONT,
    TITLE_LINE,
    fixed_spacing,
    page_setup,
    run,
    styles,
    title_paragraph,
)
from gongkai.write.grid import width
from gongkai.write.outline import Findings, Kind, blocks, title

# Column widths (twips) by section, in the template's proportions scaled to the 版心.
_WIDTHS = {
    2: [2211, 2211, 2211, 2211],
    3: [620, 780, 2544, *[700] * 7],  # value columns wide enough for five digits
    4: [589] * 14 + [598],
    None: [600, 800, 1700, 4344, 1400],  # the findings sheet
}
_TABLE_SIZE = {2: SIZE_5, 3: SIZE_SMALL_5, 4: SIZE_SMALL_5, None: SIZE_5}
# Sections whose header rows repeat on every page the table runs over.
_REPEAT_HEAD = {3, 4}
# Small tables kept on one page (keep-with-next on every row but the last).
_KEEP_TOGETHER = {2, 4}


def _outline_level(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)


def _table(document, grid: Grid, section: int | None, report: Report) -> None:
    n_cols = width(grid)
    widths = _WIDTHS.get(section) if section in _WIDTHS else None
    if widths is None or len(widths) != n_cols:
        widths = [TEXT_WIDTH // n_cols] * n_cols
    head_rows = 0
    if section in _REPEAT_HEAD:
        while head_rows < len(grid) and all(c.header for c in grid[head_rows]):
            head_rows += 1
    tbl = table_xml(
        grid,
        report.cells,
        widths,
        section=section,
        east_asia=BODY_FONT,
        latin=LATIN_FONT,
        size_pt=_TABLE_SIZE.get(section, SIZE_5),
        head_rows=head_rows,
        keep_together=section in _KEEP_TOGETHER,
    )
    body = document.element.body
    body.sectPr.addprevious(tbl)
    # A fixed-pitch empty line after the table, as Word needs a paragraph between tables.
    fixed_spacing(document.add_paragraph())


def _title(paragraph, text: str, report: Report) -> None:
    """The title, broken after the body's name when it is too long for one line (no orphaned 告)."""
    body = report.body or ""
    if len(text) > TITLE_LINE and body and text.startswith(body) and len(text) > len(body):
        run(paragraph, body, TITLE_FONT, SIZE_2).add_break()
        run(paragraph, text[len(body) :], TITLE_FONT, SIZE_2)
    else:
        run(paragraph, text, TITLE_FONT, SIZE_2)


def build(report: Report, findings: Findings | str = Findings.NONE):
    """The python-docx Document of a report."""
    document = docx.Document()
    styles(document)
    page_setup(document)
    document.core_properties.title = title(report)
    document.core_properties.language = "zh-CN"
    document.core_properties.author = "gongkai"
    for b in blocks(report, findings):
        if b.kind is Kind.TABLE:
            assert b.grid is not None
            _table(document, b.grid, b.section, report)
            continue
        p = document.add_paragraph()
        if b.kind is Kind.TITLE:
            title_paragraph(p)
            _title(p, b.text, report)
        elif b.kind is Kind.HEADING:
            fixed_spacing(p, indent_chars=2)
            _outline_level(p, 0)
            p.paragraph_format.keep_with_next = True
            run(p, b.text, HEADING_FONT, SIZE_3)
        elif b.kind is Kind.SUBHEADING:
            fixed_spacing(p, indent_chars=2)
            _outline_level(p, 1)
            p.paragraph_format.keep_with_next = True
            run(p, b.text, SUBHEADING_FONT, SIZE_3)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fixed_spacing(p, indent_chars=2)
            run(p, b.text, BODY_FONT, SIZE_3)
    return document


def render(report: Report, findings: Findings | str = Findings.NONE) -> bytes:
    buf = io.BytesIO()
    build(report, findings).save(buf)
    return buf.getvalue()
