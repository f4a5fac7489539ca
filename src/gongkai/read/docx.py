"""DOCX reader (python-docx): body paragraphs and tables, in document order.

- A paragraph is a one-cell line; tab stops split it into cells (reports lay out numbers with tabs),
  and a line break inside it starts a new line. Empty paragraphs are skipped.
- A table row is its cells over the full grid width: a horizontal merge (gridSpan) gives its text
  once, at its first position, and None for the positions it covers; a vertical merge continuation
  (vMerge) gives None. A blank cell is "". `Line.table` is the table's index in document order.
- Cell text: the cell's paragraphs (and line breaks) joined without a separator where both sides are
  Chinese — a label wrapped by hand, "三、本年度办" + "理结果" — and with a space otherwise.
- A nested table becomes its own rows right after the row holding it; a one-column table (a frame
  around content) is read as body text.
"""

from __future__ import annotations

import io
import zipfile

from gongkai.read import limits
from gongkai.read.chars import join_pieces
from gongkai.read.document import Document, ReadError
from gongkai.read.docx_xml import (
    body_of,
    children,
    grid_span,
    paragraph_text,
    row_padding,
    tag,
    vmerge_continues,
)
from gongkai.read.normalize import clean

_CHUNK = 1024 * 1024
_MAIN = "word/document.xml"
_ALT_CHUNK_NOTE = "DOCX 含嵌入的外部内容块（altChunk），其中的文字未读取"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _open_body(data: bytes):
    if data.startswith(_OLE):
        raise ReadError("DOCX 已加密或为旧版 .doc 格式，无法读取")
    try:
        _count_unzipped(data)
        body = body_of(data)
    except ReadError:
        raise
    except Exception as e:  # zipfile, python-docx and lxml each raise their own kinds
        raise ReadError("DOCX 文件已损坏或不是有效的 DOCX 文件，无法打开") from e
    if body is None:
        raise ReadError("DOCX 文档没有正文（缺少 w:body 元素），没有可读的文字")
    return body


def _count_unzipped(data: bytes) -> None:
    """Decompress every member in a stream, counting the bytes that really come out (the sizes a zip
    declares may lie) and stopping at the limit; nothing is kept."""
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            size = 0
            with z.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if info.filename == _MAIN and size > limits.LIMITS.docx_xml:
                        raise limits.exceeded("docx_xml")
                    limits.check("unzipped", total)


class _Reader:
    def __init__(self) -> None:
        self.doc = Document(shape="docx")
        self.tables = 0

    def block(self, parent) -> None:
        for el in children(parent, "p", "tbl", "altChunk"):
            t = tag(el)
            if t == "p":
                self.paragraph(el)
            elif t == "tbl":
                self.table(el)
            elif _ALT_CHUNK_NOTE not in self.doc.notes:
                self.doc.notes.append(_ALT_CHUNK_NOTE)

    def paragraph(self, p) -> None:
        for raw_line in paragraph_text(p).split("\n"):
            cells = [c for c in (clean(x).strip() for x in raw_line.split("\t")) if c]
            if cells:
                self.doc.add(cells)

    def table(self, tbl) -> None:
        rows = children(tbl, "tr")
        grid = _grid_width(tbl, rows)
        if grid <= 1:  # a frame table: its content is ordinary body text
            for tr in rows:
                for tc in children(tr, "tc"):
                    self.block(tc)
            return
        index = self.tables
        self.tables += 1
        for tr in rows:
            before, after = row_padding(tr)
            cells: list[str | None] = [None] * before
            nested: list = []
            for tc in children(tr, "tc"):
                span = grid_span(tc)
                if vmerge_continues(tc):
                    text = None
                else:
                    pieces: list[str] = []
                    for el in children(tc, "p", "tbl"):
                        if tag(el) == "p":
                            pieces.extend(paragraph_text(el).replace("\t", " ").split("\n"))
                        elif tag(el) == "tbl":
                            nested.append(el)
                    text = clean(join_pieces(pieces))
                cells.append(text)
                cells.extend([None] * (span - 1))
            cells.extend([None] * after)
            cells.extend([None] * (grid - len(cells)))
            if any(cells):
                self.doc.add(cells, index)
            for el in nested:
                self.table(el)


def _grid_width(tbl, rows: list) -> int:
    cols = [el for el in tbl if tag(el) == "tblGrid"]
    declared = len([c for c in cols[0] if tag(c) == "gridCol"]) if cols else 0
    widest = 0
    for tr in rows:
        before, after = row_padding(tr)
        widest = max(widest, before + after + sum(grid_span(tc) for tc in children(tr, "tc")))
    width = max(declared, widest) if widest > 1 else widest
    # Spans and gridBefore are counts a file can set to a billion: refuse before building the rows.
    limits.check("row_cells", width, "DOCX 表格")
    return width


def read_docx(data: bytes, name: str) -> Document:
    """Read a DOCX report. `name` is only for the caller's messages; errors are `ReadError`."""
    body = _open_body(data)
    reader = _Reader()
    reader.block(body)
    if not reader.doc.lines:
        raise ReadError("DOCX 文档为空，没有可读的文字")
    return reader.doc
