"""The work a PDF asks of pdfium, measured before pdfium sees it: pages, and each page's content size.

pdfium inflates a page's whole content stream and builds an object per operator when the page is
loaded: 1 MB of compressed operators can become 400 MB of content and several GB of objects, and pdfium
aborts the process when memory runs out. Here qpdf (pikepdf) opens the file without decoding anything;
each page's content streams and the forms it draws (recursively) are inflated in a stream, counted and
dropped, and the file is refused at the limit. Images are not counted: text extraction never decodes
them. Streams with filters other than FlateDecode are counted by their stored size.
"""

from __future__ import annotations

import io
import zlib

import pikepdf

from gongkai.read import limits
from gongkai.read.document import ReadError

_CHUNK = 1024 * 1024


def check_pdf(data: bytes) -> None:
    """Raise ReadLimitExceeded for too many pages or a page whose content inflates past the limit.
    A file qpdf cannot open is left to pdfium, which says why."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return  # pdfium says it is encrypted
    except Exception:
        return  # pdfium says it is damaged, or reads what qpdf would not
    with pdf:
        try:
            pages = len(pdf.pages)
        except Exception as e:
            raise ReadError("PDF 文件已损坏，无法打开") from e
        limits.check("pages", pages, f"共 {pages} 页，")
        for number, page in enumerate(pdf.pages, 1):
            budget = _Budget(f"第 {number} 页：")
            try:
                _count_page(page.obj, budget)
            except ReadError:
                raise
            except (pikepdf.PdfError, zlib.error, ValueError, TypeError, AttributeError):
                continue  # a damaged page: pdfium reports it, or reads what it can


class _Budget:
    def __init__(self, where: str) -> None:
        self.where = where
        self.used = 0
        self.seen: set[tuple[int, int]] = set()

    def add(self, n: int) -> None:
        self.used += n
        limits.check("page_content", self.used, self.where)


def _count_page(page: pikepdf.Dictionary, budget: _Budget) -> None:
    contents = page.get("/Contents")
    streams = contents if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
    for stream in streams:
        _count_stream(stream, budget)
    _count_forms(page.get("/Resources"), budget)


def _count_forms(resources, budget: _Budget) -> None:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for key in xobjects:
        form = xobjects[key]
        if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
            continue
        if form.is_indirect:
            if form.objgen in budget.seen:
                continue  # a form drawn twice (or drawing itself) is counted once
            budget.seen.add(form.objgen)
        _count_stream(form, budget)
        _count_forms(form.get("/Resources"), budget)


def _count_stream(stream, budget: _Budget) -> None:
    if not isinstance(stream, pikepdf.Stream):
        return
    raw = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    if filters == pikepdf.Name.FlateDecode or (
        isinstance(filters, pikepdf.Array) and len(filters) == 1 and filters[0] == pikepdf.Name.FlateDecode
    ):
        inflate = zlib.decompressobj()
        pending = raw
        while pending:
            budget.add(len(inflate.decompress(pending, _CHUNK)))
            pending = inflate.unconsumed_tail
        return
    budget.add(len(raw))
