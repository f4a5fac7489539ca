"""Hostile files, built on demand: inputs that cost a reader far more work than their size suggests.

Used by the tests (tests/read/test_hostile.py), the benchmark (benchmarks/hostile.py) and the fuzz
script. Nothing here is committed as a file: a 50 MB sample is made in a second when it is needed.
Each builder takes `scale` (1.0 = the size that once exhausted memory or time) and returns bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable

from gongkai.samples.make import consistent_report
from gongkai.samples.shapes import SHAPES

MB = 1024 * 1024


def _report_text(seed: int = 7) -> str:
    return SHAPES["tab"][1](consistent_report(seed)).decode()


# ------------------------------------------------------------------------------------------ text


def tab_digits(scale: float = 1.0) -> bytes:
    """About 50 MB of tab-separated digits: 25 million cells in lines of 1,000."""
    line = "\t".join(str(100 + i % 900) for i in range(1000)) + "\n"
    return (line * max(1, int(50 * MB * scale / len(line)))).encode()


def digit_line(scale: float = 1.0) -> bytes:
    """One line of about 50 MB of space-separated numbers: no line break, no tab."""
    chunk = " ".join(str(100 + i % 900) for i in range(1000)) + " "
    return (chunk * max(1, int(50 * MB * scale / len(chunk)))).encode()


def million_lines(scale: float = 1.0) -> bytes:
    """A million short lines of a label and a number."""
    return "".join(f"第{i}项 {i % 97 + 1}\n" for i in range(int(1_000_000 * scale))).encode()


def utf16_broken(scale: float = 1.0) -> bytes:
    """A UTF-16 byte-order mark, then lone surrogates that no UTF-16 decoder accepts."""
    return b"\xff\xfe" + "年度报告".encode("utf-16-le") + b"\x00\xd8\x41\x00" * int(1000 * scale)


def cr_only(scale: float = 1.0) -> bytes:
    """A real-shaped report whose lines end in CR alone (old Mac files)."""
    return _report_text().replace("\n", "\r").encode()


# ------------------------------------------------------------------------------------------ HTML


def html_rows(scale: float = 1.0) -> bytes:
    """A table of 100,000 rows of three short cells."""
    rows = "".join(
        f"<tr><td>第{i}项</td><td>{i % 89 + 1}</td><td>{i % 7 + 2}</td></tr>" for i in range(int(1e5 * scale))
    )
    return f"<html><body><p>年度报告</p><table>{rows}</table></body></html>".encode()


def html_deep(scale: float = 1.0) -> bytes:
    """100,000 nested <div>s around one number."""
    n = int(100_000 * scale)
    return ("<html><body>" + "<div>" * n + "年度报告 12" + "</div>" * n + "</body></html>").encode()


def html_deep_tables(scale: float = 1.0) -> bytes:
    """Tables nested 5,000 deep, each with a row of two cells."""
    n = int(5_000 * scale)
    return ("<html><body>" + "<table><tr><td>1</td><td>" * n + "2" + "</td></tr></table>" * n).encode()


def html_colspan(scale: float = 1.0) -> bytes:
    """Cells that claim a colspan and rowspan of a billion."""
    row = '<tr><td colspan="999999999" rowspan="999999999">标签</td><td>12</td><td>34</td></tr>'
    return ("<html><body><table>" + row * int(2_000 * scale) + "</table></body></html>").encode()


# ------------------------------------------------------------------------------------------ DOCX


def _docx() -> bytes:
    return SHAPES["docx"][1](consistent_report(11))


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip with each member passed through `change` (None drops the member)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = change(info.filename, src.read(info))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


def edit_document_xml(data: bytes, edit: Callable[[str], str]) -> bytes:
    return _rezip(
        data, lambda name, body: edit(body.decode()).encode() if name == "word/document.xml" else body
    )


def docx_grid_span(scale: float = 1.0) -> bytes:
    """Every table cell of a real-shaped DOCX spans 999,999,999 grid columns."""
    return edit_document_xml(
        _docx(), lambda x: x.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="999999999"/>')
    )


def docx_grid_before(scale: float = 1.0) -> bytes:
    """Every table row starts 999,999,999 grid columns in."""
    return edit_document_xml(
        _docx(),
        lambda x: re.sub(r"(<w:tr\b[^>]*>)", r'\1<w:trPr><w:gridBefore w:val="999999999"/></w:trPr>', x),
    )


def docx_no_body(scale: float = 1.0) -> bytes:
    """A DOCX whose document element has no <w:body>."""
    return edit_document_xml(_docx(), lambda x: re.sub(r"<w:body>.*</w:body>", "", x, flags=re.DOTALL))


def _bomb_member(z: zipfile.ZipFile, name: str, size: int) -> None:
    block = b"\x00" * MB
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        for _ in range(size // MB):
            f.write(block)


def docx_zip_bomb(scale: float = 1.0) -> bytes:
    """A real-shaped DOCX carrying 1 GB of zeros as an image (about 1 MB compressed)."""
    out = io.BytesIO(_docx())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        _bomb_member(z, "word/media/image1.png", int(1024 * MB * scale))
    return out.getvalue()


def docx_zip_liar(scale: float = 1.0) -> bytes:
    """A DOCX whose document.xml holds 600 MB of text while its headers claim 2 KB."""
    base = _docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            xml = src.read(info)
            cut = xml.index(b"</w:body>")
            pad = b"<w:p><w:r><w:t>" + b"1" * (MB - 40) + b"</w:t></w:r></w:p>"
            member = zipfile.ZipInfo(info.filename)
            member.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(member, "w", force_zip64=True) as f:
                f.write(xml[:cut])
                for _ in range(int(600 * scale)):
                    f.write(pad)
                f.write(xml[cut:])
    data = bytearray(out.getvalue())
    return bytes(_claim_size(data, b"word/document.xml", 2048))


def _claim_size(data: bytearray, name: bytes, size: int) -> bytearray:
    """Overwrite the uncompressed size of `name` in its central directory entry (and zip64 extra)."""
    at = data.find(b"PK\x01\x02")
    while bytes(data[at + 46 : at + 46 + int.from_bytes(data[at + 28 : at + 30], "little")]) != name:
        at = data.find(b"PK\x01\x02", at + 4)
    data[at + 24 : at + 28] = size.to_bytes(4, "little")
    name_len = int.from_bytes(data[at + 28 : at + 30], "little")
    extra = at + 46 + name_len
    extra_len = int.from_bytes(data[at + 30 : at + 32], "little")
    if extra_len >= 12 and data[extra : extra + 2] == b"\x01\x00":  # zip64: uncompressed size first
        data[extra + 4 : extra + 12] = size.to_bytes(8, "little")
        data[at + 24 : at + 28] = (0xFFFFFFFF).to_bytes(4, "little")
    return data


def zip_version(data: bytes, version: int = 186) -> bytes:
    """A ZIP (DOCX, XLSX) whose central directory says its members need a zip version that does not
    exist (18.6): the standard library raises NotImplementedError, not BadZipFile, on opening it."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 6 : at + 8] = version.to_bytes(2, "little")  # "version needed to extract"
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def docx_zip_version(scale: float = 1.0) -> bytes:
    return zip_version(_docx())


def docx_entities(scale: float = 1.0) -> bytes:
    """A DOCX whose document.xml declares a billion-laughs entity chain."""
    dtd = '<!DOCTYPE w:document [<!ENTITY a "1234567890">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    return edit_document_xml(
        _docx(), lambda x: x.replace("<w:document", dtd + "]><w:document", 1).replace("<w:t>", "<w:t>&i;", 1)
    )


# ------------------------------------------------------------------------------------------ PDF


def _pdf(contents: list[bytes]) -> bytes:
    """A minimal valid PDF: one page per content stream (already compressed with FlateDecode)."""
    n = len(contents)
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(n))
        + f"] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, stream in enumerate(contents):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _text_page(text: str) -> bytes:
    return zlib.compress(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode())


def pdf_content_bomb(scale: float = 1.0) -> bytes:
    """One page whose content stream inflates to 400 MB of path operators (about 1 MB in the file)."""
    ops = b"0 0 m 1 1 l S\n" * (MB // 14)
    z = zlib.compressobj(9)
    parts = [z.compress(ops) for _ in range(int(400 * scale))]
    return _pdf([_text_page("2023"), b"".join([*parts, z.flush()])])


def pdf_many_pages(scale: float = 1.0) -> bytes:
    """2,000 pages of one short line each."""
    return _pdf([_text_page(f"page {i + 1}") for i in range(int(2000 * scale))])


def lines_below_limit(scale: float = 1.0) -> bytes:
    """A real-shaped report padded with 9,500 lines of labels and numbers: just under the line limit,
    so it is read through every stage (the slowest input the limits let through)."""
    pad = "".join(f"第{i}项说明\t{i % 97 + 1}\t{i % 13 + 2}\n" for i in range(int(9_500 * scale)))
    return (_report_text() + pad).encode()


def html_rows_below_limit(scale: float = 1.0) -> bytes:
    """A report page with a second table of 9,500 rows: just under the line limit."""
    rows = "".join(f"<tr><td>第{i}项</td><td>{i % 89 + 1}</td></tr>" for i in range(int(9_500 * scale)))
    page = SHAPES["html"][1](consistent_report(5)).decode()
    return page.replace("</body>", f"<table>{rows}</table></body>").encode()


# Legal but large: read to the end, for the benchmark's worst time under the limits.
BELOW_LIMITS: dict[str, tuple[str, Callable[[float], bytes]]] = {
    "lines-below-limit": ("lines-below-limit.txt", lines_below_limit),
    "html-below-limit": ("rows-below-limit.html", html_rows_below_limit),
}

# name → (file name, builder)
HOSTILE: dict[str, tuple[str, Callable[[float], bytes]]] = {
    "tab-digits": ("tab-digits.txt", tab_digits),
    "digit-line": ("digit-line.txt", digit_line),
    "million-lines": ("million-lines.txt", million_lines),
    "utf16-broken": ("utf16-broken.txt", utf16_broken),
    "cr-only": ("cr-only.txt", cr_only),
    "html-rows": ("rows.html", html_rows),
    "html-deep": ("deep.html", html_deep),
    "html-deep-tables": ("deep-tables.html", html_deep_tables),
    "html-colspan": ("colspan.html", html_colspan),
    "docx-grid-span": ("grid-span.docx", docx_grid_span),
    "docx-grid-before": ("grid-before.docx", docx_grid_before),
    "docx-no-body": ("no-body.docx", docx_no_body),
    "docx-zip-bomb": ("zip-bomb.docx", docx_zip_bomb),
    "docx-zip-liar": ("zip-liar.docx", docx_zip_liar),
    "docx-entities": ("entities.docx", docx_entities),
    "docx-zip-version": ("zip-version.docx", docx_zip_version),
    "pdf-content-bomb": ("content-bomb.pdf", pdf_content_bomb),
    "pdf-many-pages": ("many-pages.pdf", pdf_many_pages),
}
