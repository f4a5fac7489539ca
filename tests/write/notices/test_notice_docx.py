"""Each notice as DOCX, read back with python-docx: the values and the legal sentences are in it, in the
公文 page and type the annual report uses."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from notice_samples import BODY, CASES, addressee

from gongkai.write.notices import compose, render_notice


def _read(case):
    return docx.Document(io.BytesIO(render_notice(case.kind, case.notice)))


def _font(paragraph) -> tuple[str | None, Pt | None]:
    run = next(r for r in paragraph.runs if r.text)
    return run._r.rPr.rFonts.get(qn("w:eastAsia")), run.font.size


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_docx_holds_the_values_and_the_legal_sentences(case):
    document = _read(case)
    texts = [p.text for p in document.paragraphs]
    flat = "".join("".join(texts).split())
    for phrase in case.expected:
        assert "".join(phrase.split()) in flat, phrase
    for phrase in case.absent:
        assert phrase not in flat, phrase
    composed = compose(case.kind, case.notice)
    # Every part of the page, once each, in order, and nothing else but blank lines.
    parts = [
        f"{composed.issuer}\n{composed.title}",
        composed.doc_no,
        f"{addressee(case)}：",
        *composed.paragraphs,
        composed.signature,
        composed.date,
        *composed.contact,
    ]
    assert [t for t in texts if t] == parts


@pytest.mark.parametrize("case", CASES[:3], ids=lambda c: c.id)
def test_docx_is_set_in_the_official_page_and_type(case):
    document = _read(case)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert [
        round(m.mm)
        for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [
        37,
        35,
        28,
        26,
    ]
    for footer in (section.footer, section.even_page_footer):
        assert "PAGE" in "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
    paragraphs = [p for p in document.paragraphs if p.text]
    title, number, to, first = paragraphs[:4]
    assert _font(title) == ("方正小标宋简体", Pt(22)) and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _font(number) == ("仿宋_GB2312", Pt(16)) and number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _font(to) == ("仿宋_GB2312", Pt(16)) and not to.paragraph_format.first_line_indent
    assert _font(first) == ("仿宋_GB2312", Pt(16)) and first.paragraph_format.first_line_indent == Pt(32)
    assert first.paragraph_format.line_spacing == Pt(28)
    signature = next(p for p in paragraphs if p.text == BODY.name)
    date = paragraphs[paragraphs.index(signature) + 1]
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # The name is longer than the date: it sits two characters in and the date is centred under it.
    assert signature.paragraph_format.right_indent == Pt(32)
    assert date.paragraph_format.right_indent > Pt(64)
    # The last paragraph of text is kept on the page of the signature, so the seal never stands alone.
    last_text = paragraphs[paragraphs.index(signature) - 1]
    assert last_text.paragraph_format.keep_with_next
    assert document.core_properties.title == BODY.name + compose(case.kind, case.notice).title


def test_the_signature_is_centred_over_the_date_when_the_name_is_short():
    from gongkai.write.notices.compose import signature_indents

    assert signature_indents("某某局", "2025年3月4日") == (
        4 + (6 - 3) / 2,
        4,
    )  # 2025年3月4日: six characters wide
    name, day = signature_indents("江苏省某某市某某区生态环境局", "2025年12月31日")
    assert name == 2 and day == 2 + (14 - 7) / 2
