"""DOCX in the conventions of Chinese official documents (GB/T 9704-2012).

A4; 版心 156 mm × 225 mm (margins: top 37, bottom 35, left 28, right 26 mm); title in 方正小标宋简体 二号;
body 仿宋_GB2312 三号 at a fixed 28 pt line pitch with a two-character indent; 一级标题 黑体, 二级标题
楷体_GB2312; tables in 仿宋 五号/小五 so section 三 fits the 版心; page numbers as "— 1 —" in 宋体 四号,
odd pages right, even pages left. East Asian font names go into w:rFonts w:eastAsia, which is the only
attribute Word, WPS and LibreOffice read for Chinese text.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.format.layout import Grid
from gongkai.model import Report
from gongkai.write.docx_table import table_xml
from gongkai.write.grid import width
from gongkai.write.outline import Findings, Kind, blocks, title

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

SIZE_2 = 22  # 二号
SIZE_3 = 16  # 三号
SIZE_4 = 14  # 四号
SIZE_5 = 10.5  # 五号
SIZE_SMALL_5 = 9  # 小五
LINE_PITCH = 28  # pt, 22 lines in the 225 mm 版心

TEXT_WIDTH = 8844  # twips: the 156 mm 版心
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


def _set_fonts(target, east_asia: str, size: float | None = None, bold: bool = False) -> None:
    """Latin and East Asian fonts of a run or a style."""
    font = target.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    font.bold = bold
    owner = target._r if hasattr(target, "_r") else target.element
    fonts = owner.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _run(paragraph, text: str, east_asia: str, size: float, bold: bool = False):
    run = paragraph.add_run(text)
    _set_fonts(run, east_asia, size, bold)
    return run


def _fixed_spacing(paragraph, pitch: float = LINE_PITCH, indent_chars: int = 0, size: float = SIZE_3) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent_chars:
        fmt.first_line_indent = Pt(size * indent_chars)


def _outline_level(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)


def _page_setup(document) -> None:
    s = document.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(37), Mm(35)
    s.left_margin, s.right_margin = Mm(28), Mm(26)
    s.header_distance, s.footer_distance = Mm(15), Mm(25)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(s.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(s.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE), written as begin/instrText/separate/result/end for every reader to honour."""

    def fld(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    begin = _run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    begin._r.append(fld("begin"))
    instr = _run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    sep = _run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    sep._r.append(fld("separate"))
    _run(paragraph, placeholder, PAGE_NUMBER_FONT, SIZE_4)
    end = _run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    end._r.append(fld("end"))


def _page_number(paragraph, align) -> None:
    """ "— 1 —" in 宋体 四号, one character in from the outer edge."""
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(SIZE_4)
    else:
        fmt.left_indent = Pt(SIZE_4)
    _run(paragraph, "— ", PAGE_NUMBER_FONT, SIZE_4)
    _field(paragraph, "PAGE", "1")
    _run(paragraph, " —", PAGE_NUMBER_FONT, SIZE_4)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    _set_fonts(normal, BODY_FONT, SIZE_3)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)


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
    _fixed_spacing(document.add_paragraph())


TITLE_LINE = 20  # characters of 二号 type on one line of the 156 mm 版心


def _title(paragraph, text: str, report: Report) -> None:
    """The title, broken after the body's name when it is too long for one line (no orphaned 告)."""
    body = report.body or ""
    if len(text) > TITLE_LINE and body and text.startswith(body) and len(text) > len(body):
        _run(paragraph, body, TITLE_FONT, SIZE_2).add_break()
        _run(paragraph, text[len(body) :], TITLE_FONT, SIZE_2)
    else:
        _run(paragraph, text, TITLE_FONT, SIZE_2)


def build(report: Report, findings: Findings | str = Findings.NONE):
    """The python-docx Document of a report."""
    document = docx.Document()
    _styles(document)
    _page_setup(document)
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
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fixed_spacing(p, pitch=36)
            p.paragraph_format.space_after = Pt(LINE_PITCH)
            _title(p, b.text, report)
        elif b.kind is Kind.HEADING:
            _fixed_spacing(p, indent_chars=2)
            _outline_level(p, 0)
            p.paragraph_format.keep_with_next = True
            _run(p, b.text, HEADING_FONT, SIZE_3)
        elif b.kind is Kind.SUBHEADING:
            _fixed_spacing(p, indent_chars=2)
            _outline_level(p, 1)
            p.paragraph_format.keep_with_next = True
            _run(p, b.text, SUBHEADING_FONT, SIZE_3)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _fixed_spacing(p, indent_chars=2)
            _run(p, b.text, BODY_FONT, SIZE_3)
    return document


def render(report: Report, findings: Findings | str = Findings.NONE) -> bytes:
    buf = io.BytesIO()
    build(report, findings).save(buf)
    return buf.getvalue()
