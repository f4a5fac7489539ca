"""A composed notice as DOCX in the 公文 layout the annual report uses (`gongkai.write.gongwen`): the body's
name and the title in 方正小标宋简体 二号, the 文号 centred, the 主送 flush left, the text in 仿宋_GB2312
三号 at 28 pt with a two-character indent, the signature and date right with room above for the seal,
then the office's contact lines in 仿宋 四号."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from gongkai.write.gongwen import (
    BODY_FONT,
    LINE_PITCH,
    SIZE_2,
    SIZE_3,
    SIZE_4,
    TITLE_FONT,
    fixed_spacing,
    page_setup,
    run,
    styles,
    title_paragraph,
)
from gongkai.write.notices.compose import Composed, signature_indents

SEAL_LINES = 2  # blank lines above the signature: the seal presses on the name and the date
CONTACT_PITCH = 22  # pt: the contact lines are set like a 版记, 仿宋 四号, so a short notice keeps to a page


def _line(document, text: str = "", *, indent: int = 0, align=None, keep: bool = False, small: bool = False):
    p = document.add_paragraph()
    fixed_spacing(p, pitch=CONTACT_PITCH if small else LINE_PITCH, indent_chars=indent)
    if align is not None:
        p.alignment = align
    p.paragraph_format.keep_with_next = keep
    if text:
        run(p, text, BODY_FONT, SIZE_4 if small else SIZE_3)
    return p


def build(c: Composed):
    document = docx.Document()
    styles(document)
    page_setup(document)
    document.core_properties.title = f"{c.issuer}{c.title}"
    document.core_properties.language = "zh-CN"
    document.core_properties.author = "gongkai"

    title = document.add_paragraph()
    title_paragraph(title)
    run(title, c.issuer, TITLE_FONT, SIZE_2).add_break()
    run(title, c.title, TITLE_FONT, SIZE_2)
    _line(document, c.doc_no, align=WD_ALIGN_PARAGRAPH.CENTER)
    _line(document)
    _line(document, c.addressee)
    for i, text in enumerate(c.paragraphs):
        last = i == len(c.paragraphs) - 1
        _line(document, text, indent=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY, keep=last)

    # The signature never starts a page alone: the last paragraph keeps with it.
    for _ in range(SEAL_LINES):
        _line(document, keep=True)
    name_right, date_right = signature_indents(c.signature, c.date)
    name = _line(document, c.signature, align=WD_ALIGN_PARAGRAPH.RIGHT, keep=True)
    name.paragraph_format.right_indent = Pt(SIZE_3 * name_right)
    day = _line(document, c.date, align=WD_ALIGN_PARAGRAPH.RIGHT)
    day.paragraph_format.right_indent = Pt(SIZE_3 * date_right)

    _line(document, keep=True)
    for i, text in enumerate(c.contact):
        line = _line(document, text, keep=i < len(c.contact) - 1, small=True)
        # Two characters in; a wrapped line continues under the value, not under the label.
        label = text.index("：") + 1
        line.paragraph_format.left_indent = Pt(SIZE_3 * 2 + SIZE_4 * label)
        line.paragraph_format.first_line_indent = Pt(-SIZE_4 * label)
    return document


def render(c: Composed) -> bytes:
    buf = io.BytesIO()
    build(c).save(buf)
    return buf.getvalue()
