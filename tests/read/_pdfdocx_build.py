"""Builders of DOCX reports (python-docx) and PDFs made from them (LibreOffice), for the DOCX/PDF tests.

Tables are drawn from the national layout grid with real merges; every value cell gets a distinct
non-zero number, so a value read in the wrong column cannot go unnoticed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gongkai.format import Format
from gongkai.format.layout import Grid, expand, grids
from gongkai.format.spec import RESULTS_GROUP

SECTIONS_TEXT = {
    1: "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。",
    5: "存在的主要问题是公开内容不够全面。下一步将加强培训，提高公开质量。",
    6: "本年度收取信息处理费 0 元。",
}
RUNNING_HEAD = "某某区人民政府信息公开年度报告（测试）"
# label columns, then value columns, per section (cm); the page is A4 landscape
WIDTHS = {2: [9.0, 5.0, 5.0, 5.0], 3: [2.0, 3.0, 8.0] + [1.9] * 7, 4: [1.7] * 15}


def values(fmt: Format, blank: frozenset[str] = frozenset()) -> dict[str, str]:
    """Distinct non-zero values for every cell id; "" for the blank ones."""
    return {cid: ("" if cid in blank else str(11 + 7 * i)) for i, cid in enumerate(fmt.ids)}


def expected_rows(grid: Grid, vals: dict[str, str]) -> list[list[str | None]]:
    """The lines the DOCX reader must give for a grid: merged text once, None where a merge covers
    the position, "" for a blank cell."""
    return [
        [(None if c is None else vals[c.cell_id] if c.cell_id else c.text) for c in row]
        for row in expand(grid)
    ]


def _field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def _table(doc, grid: Grid, vals: dict[str, str], widths: list[float]) -> None:
    full = expand(grid)
    table = doc.add_table(rows=len(full), cols=len(full[0]))
    table.style = "Table Grid"
    table.autofit = False
    for y, row in enumerate(grid):
        x = 0
        for cell in row:
            while full[y][x] is not cell:
                x += 1
            origin = table.cell(y, x)
            if cell.rowspan > 1 or cell.colspan > 1:
                origin = origin.merge(table.cell(y + cell.rowspan - 1, x + cell.colspan - 1))
            origin.text = vals[cell.cell_id] if cell.cell_id else cell.text
            origin.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # as published reports do
            if cell.text == RESULTS_GROUP:  # printed turned, reading upwards, as many reports do
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "btLr")
                origin._tc.get_or_add_tcPr().append(direction)
            x += cell.colspan
    # LibreOffice lays a table out by its grid columns, Word by the cell widths: set both
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for tr in table._tbl.tr_lst:
        x = 0
        for tc in tr.tc_lst:
            tc.width = Cm(sum(widths[x : x + tc.grid_span]))
            x += tc.grid_span


def report_docx(fmt: Format, vals: dict[str, str], furniture: bool = False) -> bytes:
    """A report: title, the six sections (prose and the three tables), one section per page."""
    doc = new_docx()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.5))
    doc.styles["Normal"].font.size = Pt(12)  # section 三 then runs over two pages
    if furniture:
        sec.header.paragraphs[0].text = RUNNING_HEAD
        foot = sec.footer.paragraphs[0]
        foot.add_run("- ")
        _field(foot, "PAGE")
        foot.add_run(" -")
    doc.add_paragraph("某某区人民政府2023年政府信息公开工作年度报告")
    g = grids(fmt)
    for s in fmt.sections:
        doc.add_paragraph(s.title)
        if s.number in g:
            _table(doc, g[s.number], vals, WIDTHS[s.number])
        else:
            doc.add_paragraph(SECTIONS_TEXT[s.number])
        if s.number in (1, 2, 3):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        raise RuntimeError("LibreOffice (soffice) is required for the PDF tests")
    return path


def to_pdf(docx_bytes: bytes, workdir: Path) -> bytes:
    """Convert a DOCX to PDF with LibreOffice headless, in a private profile (parallel runs do not clash)."""
    workdir.mkdir(parents=True, exist_ok=True)
    src = workdir / "report.docx"
    src.write_bytes(docx_bytes)
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=workdir)
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (workdir / "report.pdf").read_bytes()


def turned_pdf(rows: list[list[str]]) -> bytes:
    """A one-page PDF whose text runs upwards (a landscape table printed on a portrait page): each row a
    column of text at rising x, its cells at fixed positions along y; "" leaves a cell blank."""
    items = []
    for k, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell:
                items.append((cell, 100 + 24 * k, 100 + (0 if j == 0 else 150 + 60 * j)))
    return positioned_pdf(items, turned=True)


def positioned_pdf(items: list[tuple[str, float, float]], turned: bool = False) -> bytes:
    """A one-page PDF (Helvetica 12 pt) with each ASCII string drawn at its (x, y)."""
    matrix = "0 1 -1 0" if turned else "1 0 0 1"
    ops = ["BT", "/F1 12 Tf", *(f"{matrix} {x} {y} Tm ({text}) Tj" for text, x, y in items), "ET"]
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
