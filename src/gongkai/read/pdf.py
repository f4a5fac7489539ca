"""PDF reader (pypdfium2): text lines and table rows rebuilt from character positions.

Pipeline: characters with boxes (pdf_chars) → visual lines split into cells at wide gaps, vertical
labels lifted out (pdf_layout) → page numbers and running heads dropped (pdf_furniture) → blank table
cells restored from column positions (pdf_columns) → `Document`. Tables that run over a page break
simply continue on the next page's lines.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from gongkai.format.spec import SECTIONS
from gongkai.read import limits
from gongkai.read.document import Document, ReadError
from gongkai.read.normalize import clean, label_key
from gongkai.read.pdf_chars import page_chars
from gongkai.read.pdf_columns import fill_blanks
from gongkai.read.pdf_content import check_pdf
from gongkai.read.pdf_furniture import drop_furniture
from gongkai.read.pdf_layout import VLine, page_lines
from gongkai.read.pdf_order import centre_labels

_ENCRYPTED = (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in _ENCRYPTED:
            raise ReadError("PDF 已加密，无法读取") from e
        raise ReadError("PDF 文件已损坏，无法打开") from e


def read_lines(data: bytes) -> list[VLine]:
    """The visual lines of all pages, furniture dropped and blank cells restored (raw geometry kept)."""
    return _read(data)[0]


def _read(data: bytes) -> tuple[list[VLine], list[str]]:
    check_pdf(data)  # pages and content size, before pdfium inflates anything
    doc = _open(data)
    try:
        n = len(doc)
        if n == 0:
            raise ReadError("PDF 文件已损坏，无法打开")
        limits.check("pages", n, f"共 {n} 页，")
        pages: list[list[VLine]] = []
        heights: list[float] = []
        texts: list[str] = []
        total = 0
        for i in range(n):
            page = None
            try:
                page = doc[i]
                chars, height = page_chars(page)
                total += len(chars)
                limits.check("pdf_chars", total)
                heights.append(height)
                pages.append(page_lines(chars, i))
                texts.append("".join(c.text for c in chars))
            except pdfium.PdfiumError as e:
                raise ReadError(f"PDF 第 {i + 1} 页已损坏，无法读取") from e
            finally:
                if page is not None:
                    page.close()
    finally:
        doc.close()
    if not any(pages):
        raise ReadError("PDF 没有文字层（可能是扫描件），无法提取文字")
    if garbled("".join(texts)):
        raise ReadError("PDF 文字层是乱码（字体缺少编码映射），无法提取文字")
    notes = []
    empty = [str(i + 1) for i, t in enumerate(texts) if not t]
    if empty:
        notes.append(f"PDF 第 {'、'.join(empty)} 页没有文字层（可能是扫描页），这些页的内容未读取")
    lines = [ln for page in drop_furniture(pages, heights) for ln in page]
    fill_blanks(lines)
    return centre_labels(lines), notes


# What readable report text is made of: Han characters, ASCII, CJK and full-width punctuation, quotes.
_READABLE = re.compile(r"[\u3400-\u9fff\u0021-\u007e\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00b7]")


def garbled(text: str) -> bool:
    """Text from fonts without a Unicode map: private-use codes, U+FFFD, or Latin-1 debris."""
    if len(text) < 40:
        return False
    readable = len(_READABLE.findall(text))
    return readable < 0.5 * len(text)


def read_pdf(data: bytes, name: str) -> Document:
    """Read a PDF report. `name` is only for the caller's messages; errors are `ReadError`."""
    lines, notes = _read(data)
    doc = Document(shape="pdf", notes=notes)
    table = -1
    in_table = False
    for line in lines:
        cells = [clean(c.text).strip() for c in line.cells]
        if not any(cells):
            continue
        if len(cells) > 1:
            # consecutive multi-cell lines (with label lines between) count as one table
            if not in_table:
                table += 1
                in_table = True
            doc.add(cells, table)
        else:
            in_table = in_table and _label_like(cells[0])
            doc.add(cells)
    return doc


_SECTION_KEYS = tuple(label_key(s.title)[2:] for s in SECTIONS)


def _label_like(text: str) -> bool:
    """A short line inside a table (a wrapped or vertical label), not a paragraph or a section heading."""
    key = label_key(text)
    return len(text) <= 30 and not any(k in key for k in _SECTION_KEYS)
