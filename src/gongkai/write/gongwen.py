"""The page and type of Chinese official documents (GB/T 9704-2012), shared by every DOCX gongkai writes.

A4; 版心 156 mm × 225 mm (margins: top 37, bottom 35, left 28, right 26 mm); title 方正小标宋简体 二号;
body 仿宋_GB2312 三号 at a fixed 28 pt line pitch (22 lines of 28 characters); page numbers "— 1 —" in
宋体 四号, odd pages right, even pages left. East Asian font names go into w:rFonts w:eastAsia, which is
the only attribute Word, WPS and LibreOffice read for Chinese text.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

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
TITLE_PITCH = 36  # pt, the title's line pitch
TITLE_LINE = 20  # characters of 二号 type on one line of the 156 mm 版心
TEXT_WIDTH = 8844  # twips: the 156 mm 版心


def set_fonts(target, east_asia: str, size: float | None = None, bold: bool = False) -> None:
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


def run(paragraph, text: str, east_asia: str, size: float, bold: bool = False):
    r = paragraph.add_run(text)
    set_fonts(r, east_asia, size, bold)
    return r


def fixed_spacing(paragraph, pitch: float = LINE_PITCH, indent_chars: int = 0, size: float = SIZE_3) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent_chars:
        fmt.first_line_indent = Pt(size * indent_chars)


def page_setup(document) -> None:
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

    begin = run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    begin._r.append(fld("begin"))
    instr = run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    sep = run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    sep._r.append(fld("separate"))
    run(paragraph, placeholder, PAGE_NUMBER_FONT, SIZE_4)
    end = run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    end._r.append(fld("end"))


def _page_number(paragraph, align) -> None:
    """ "— 1 —" in 宋体 四号, one character in from the outer edge."""
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(SIZE_4)
    else:
        fmt.left_indent = Pt(SIZE_4)
    run(paragraph, "— ", PAGE_NUMBER_FONT, SIZE_4)
    _field(paragraph, "PAGE", "1")
    run(paragraph, " —", PAGE_NUMBER_FONT, SIZE_4)


def styles(document) -> None:
    normal = document.styles["Normal"]
    set_fonts(normal, BODY_FONT, SIZE_3)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)


def title_paragraph(paragraph) -> None:
    """Centred at the title's pitch, one blank body line below (GB/T 9704 7.3.1)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fixed_spacing(paragraph, pitch=TITLE_PITCH)
    paragraph.paragraph_format.space_after = Pt(LINE_PITCH)
