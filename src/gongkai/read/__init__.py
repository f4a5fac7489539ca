"""Readers: any published annual report file → a Report.

Data flows one way: bytes → decoded, normalised text → lines of cells (one reader per shape) →
sections and table rows located → cells aligned to the format by their labels → Report.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.model.report import Report
from gongkai.read import limits
from gongkai.read.document import Document, ReadError
from gongkai.read.extract import extract
from gongkai.read.flat import looks_flat, read_flat
from gongkai.read.limits import Limits, ReadLimitExceeded
from gongkai.read.normalize import clean, one_line_end, simplify_document
from gongkai.read.sniff import check_text, decode, kind_of
from gongkai.read.text import read_text

__all__ = ["Limits", "ReadError", "ReadLimitExceeded", "read_bytes", "read_document", "read_path"]


def read_document(data: bytes) -> Document:
    """Bytes of any supported file → the reader-neutral lines of cells."""
    kind = kind_of(data)
    if kind in ("pdf", "docx"):
        if kind == "pdf":
            from gongkai.read.pdf import read_pdf as reader
        else:
            from gongkai.read.docx import read_docx as reader
        return _simplified(reader(data, ""))
    text = check_text(decode(data))
    limits.check_text(text, kind)
    if kind == "html":
        from gongkai.read.html import read_html

        return read_html(text, "")
    text = clean(one_line_end(text))
    if looks_flat(text.split("\n")):
        return read_flat(text)
    return read_text(text)


def _simplified(doc: Document) -> Document:
    cells = [c for line in doc.lines for c in line.cells if c]
    converted = iter(simplify_document(cells))
    for line in doc.lines:
        line.cells = [next(converted) if c else c for c in line.cells]
    return doc


def read_bytes(data: bytes, name: str | None = None) -> Report:
    """Read one report. Raises ReadError with a one-line Chinese cause."""
    return extract(read_document(data), source=name)


def read_path(path: str | Path) -> Report:
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as e:
        raise ReadError("是目录，不是文件") from e
    except FileNotFoundError as e:
        raise ReadError("文件不存在") from e
    except PermissionError as e:
        raise ReadError("没有读取权限") from e
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror}") from e
    try:
        return read_bytes(data, str(path))
    except ReadError as e:
        e.context.setdefault("file", str(path))  # the message is the cause; the caller names the file
        raise
