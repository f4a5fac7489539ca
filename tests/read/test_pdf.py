"""PDF reader: rows of cells from character geometry, blank cells, furniture, errors, and the real PDFs.

The synthetic PDF is a python-docx report converted once per session by LibreOffice.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _pdfdocx_build import RUNNING_HEAD, positioned_pdf, report_docx, to_pdf, turned_pdf, values

from gongkai.format import get
from gongkai.format.spec import REQUESTS_2021, Table
from gongkai.read.document import Document, ReadError
from gongkai.read.limits import ReadLimitExceeded
from gongkai.read.normalize import label_key
from gongkai.read.pdf import garbled, read_lines, read_pdf
from gongkai.read.pdf_columns import fill_blanks
from gongkai.read.pdf_furniture import drop_furniture
from gongkai.read.pdf_layout import Cell, VLine
from gongkai.read.pdf_order import centre_labels

CORPUS = Path("/work/shared/corpus")
REAL = ["hongze-2023", "hongze-2024", "huaian-2024"]
BLANK = frozenset(
    {
        "requests.granted.research",
        "requests.withheld.enforcement_files.total",
        "requests.not_handled.duplicate.commercial",
        "requests.carried_forward.natural_person",  # on the table's second page
    }
)


def _raises(message: str):
    """The reader's exact one-line message."""
    return pytest.raises(ReadError, match=f"^{re.escape(message)}$")


_VALUE = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> tuple[bytes, dict[str, str]]:
    fmt = get("2021")
    vals = values(fmt, BLANK)
    pdf = to_pdf(report_docx(fmt, vals, furniture=True), tmp_path_factory.mktemp("pdf"))
    return pdf, vals


@pytest.fixture(scope="session")
def made_doc(made) -> Document:
    return read_pdf(made[0], "report.pdf")


def value_rows(doc: Document, width: int) -> list[tuple[str, list[str]]]:
    """(label text since the previous value row, values) for each line ending in `width` value cells
    (numbers or "" blanks) — what the locator pairs up."""
    out: list[tuple[str, list[str]]] = []
    label = ""
    for ln in doc.lines:
        tail = ln.cells[-width:]
        head = ln.cells[: len(ln.cells) - width]
        if (
            len(ln.cells) >= width
            and all(c == "" or _VALUE.fullmatch(c) for c in tail)
            and any(tail)
            and not any(_VALUE.fullmatch(c) for c in head)
        ):
            out.append((label_key(label + "".join(head)), tail))
            label = ""
        else:
            label += "".join(ln.cells)
    return out


def _expect_row(table: Table, key: str, vals: dict[str, str]) -> list[str]:
    return [vals[i] for i in table.row_ids(key)]


def test_requests_rows_in_order_with_blanks(made, made_doc):
    _, vals = made
    t = get("2021").table("requests")
    rows = value_rows(made_doc, 7)
    assert [v for _, v in rows] == [_expect_row(t, r.key, vals) for r in t.rows]
    for (label, _), r in zip(rows, t.rows, strict=True):
        # the row's whole label, or (a row broken over the page break) its distinctive words
        assert label_key(r.label) in label or any(k in label for k in r.keywords), (r.key, label)
    blanks = {
        t.cell_id(r, c)
        for (_, v), r in zip(rows, t.rows, strict=True)
        for c, x in zip(t.columns, v, strict=True)
        if not x
    }
    assert blanks == BLANK  # each blank in its own column, on both pages of the table


def test_table_runs_over_a_page_break(made):
    lines = read_lines(made[0])
    first = next(ln.page for ln in lines if ln.text.startswith("一、本年新收"))
    last = next(ln.page for ln in lines if ln.text.startswith("四、结转下年度"))
    assert last == first + 1  # so the blank of the last row was restored on the second page


def test_active_and_appeals_rows(made, made_doc):
    _, vals = made
    fmt = get("2021")
    lines = [ln.cells for ln in made_doc.lines]
    for table in fmt.tables_of(2):
        for r in table.rows:
            assert [r.label, *_expect_row(table, r.key, vals)] in lines
    appeals = fmt.table("appeals")
    assert [vals[i] for i in appeals.ids] in lines


def test_headings_prose_and_furniture(made_doc):
    texts = [ln.text for ln in made_doc.lines]
    titles = [s.title for s in get("2021").sections]
    assert [t for t in texts if t in titles] == titles
    assert "本年度收取信息处理费0元。" in texts
    assert "三、本年度办理结果" in texts  # printed turned (btLr): one line, in reading order
    assert made_doc.shape == "pdf"
    assert not any(RUNNING_HEAD in t for t in texts)  # running head dropped
    assert not any(re.fullmatch(r"-\s*\d+\s*-", t) for t in texts)  # "- 2 -" dropped
    for ln in made_doc.lines:  # table rows carry a table index, prose lines none
        assert (ln.table is not None) == (len(ln.cells) > 1)


def test_text_turned_on_the_page():
    rows = [["Label one", "11", "22", "33"], ["Label two", "44", "", "66"], ["Total", "55", "77", "99"]]
    assert [ln.cells for ln in read_pdf(turned_pdf(rows), "turned.pdf").lines] == rows


def test_cells_split_on_wide_gaps_and_fake_bold_once():
    items = [
        ("Total", 100, 700),
        ("Total", 100.4, 700),  # drawn twice: fake bold
        ("12", 200, 700),
        ("3.5", 222, 700),  # over half an em from the number before: its own cell
        ("hello world", 300, 700),  # a plain space between words stays inside the cell
        ("45 67", 100, 680),  # a plain space between numbers separates them
        ("page 7", 200, 680),
    ]
    assert [ln.cells for ln in read_pdf(positioned_pdf(items), "p.pdf").lines] == [
        ["Total", "12", "3.5", "hello world"],
        ["45", "67", "page 7"],
    ]


def test_a_scanned_page_among_text_pages_is_noted():
    rows = [["Label one", "11", "22", "33"]]
    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(turned_pdf(rows)))
    doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    read = read_pdf(buf.getvalue(), "mixed.pdf")
    assert [ln.cells for ln in read.lines] == rows
    assert read.notes == ["PDF 第 2 页没有文字层（可能是扫描页），这些页的内容未读取"]


def test_garbled_text_layer():
    assert garbled("\ue001\ue0a2\ue0f3 " * 20)  # glyph codes of a font without a Unicode map
    assert garbled("Ã¥Â¤Â§Ã¦Â¿" * 10)  # UTF-8 read as Latin-1
    assert not garbled(
        "本报告由某区人民政府办公室根据《中华人民共和国政府信息公开条例》编制，数据 2023 年。" * 2
    )


def test_encrypted(made, tmp_path):
    src, out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    src.write_bytes(made[0])
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is required for this test"
    subprocess.run([qpdf, "--encrypt", "user", "owner", "256", "--", str(src), str(out)], check=True)
    with _raises("PDF 已加密，无法读取"):
        read_pdf(out.read_bytes(), "out.pdf")


def _blank_pdf(pages: int) -> bytes:
    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_no_text_layer():
    with _raises("PDF 没有文字层（可能是扫描件），无法提取文字"):
        read_pdf(_blank_pdf(2), "scan.pdf")


def test_too_many_pages():
    with pytest.raises(ReadLimitExceeded, match="共 501 页，PDF 页数超过上限（500 页）"):
        read_pdf(_blank_pdf(501), "big.pdf")


@pytest.mark.parametrize(
    "data", [b"garbage bytes", b"%PDF-1.7\n%%EOF", b""], ids=["garbage", "stub", "empty"]
)
def test_damaged(data):
    with _raises("PDF 文件已损坏，无法打开"):
        read_pdf(data, "x.pdf")


# ------------------------------------------------------------------------------------------ real PDFs


@pytest.fixture(scope="module", params=REAL)
def real(request) -> tuple[Document, dict]:
    name = request.param
    doc = read_pdf((CORPUS / "pdf" / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return doc, gold


def _gold_row(cells: dict, table: Table, key: str) -> list[str] | None:
    vals = [cells.get(i) for i in table.row_ids(key)]
    if all(v is None for v in vals):
        return None  # not printed
    return ["" if v is None else str(v) for v in vals]


def test_real_requests_rows(real):
    doc, gold = real
    expected = [
        (r, row)
        for r in REQUESTS_2021.rows
        if (row := _gold_row(gold["cells"], REQUESTS_2021, r.key)) is not None
    ]
    rows = value_rows(doc, 7)
    assert [v for _, v in rows] == [row for _, row in expected]
    for (label, _), (r, _row) in zip(rows, expected, strict=True):
        assert not r.keywords or any(k in label for k in r.keywords), (r.key, label)


def test_real_appeals_row(real):
    doc, gold = real
    appeals = get("2021").table("appeals")
    want = [str(gold["cells"][i]) for i in appeals.ids]
    assert [ln.cells for ln in doc.lines if len(ln.cells) == 15] == [want]


def test_real_active_rows(real):
    doc, gold = real
    lines = [ln.cells for ln in doc.lines]
    for table in get("2021").tables_of(2):
        for r in table.rows:
            want = _gold_row(gold["cells"], table, r.key)
            want = [(f"{float(v):g}" if "." in v else v) for v in want]
            assert any(
                len(c) == len(want) + 1 and label_key(c[0]) == label_key(r.label) and c[1:] == want
                for c in lines
            ), (r.key, want)


def test_real_no_page_numbers(real):
    doc, _ = real
    assert not any(re.fullmatch(r"[-—]\s*\d+\s*[-—]", ln.text) for ln in doc.lines)
    assert "一、总体情况" in [ln.text for ln in doc.lines]


# ------------------------------------------------------------------------------------------ geometry units


def _line(page: int, mid: float, *cells: tuple[str, float]) -> VLine:
    return VLine([Cell(t, x - 6, x + 6, 12.0) for t, x in cells], mid, 12.0, page)


@pytest.mark.parametrize("number", ["- 2 -", "— 3 —", "第 2 页 共 5 页", "2/5", "7"])
def test_page_numbers_dropped(number):
    pages = [
        [_line(p, 800, ("正文第一行", 100)), _line(p, 400, ("正文", 100)), _line(p, 30, (number, 300))]
        for p in range(2)
    ]
    kept = drop_furniture(pages, [842.0, 842.0])
    assert [[ln.cells[0].text for ln in page] for page in kept] == [["正文第一行", "正文"]] * 2


def test_running_head_dropped_but_not_a_value_row():
    pages = []
    for p in range(4):
        pages.append(
            [
                _line(p, 810, (f"某区政府信息公开年报 {2020 + p}", 300)),
                _line(p, 400, ("行政许可", 100), ("550", 400)),
                _line(p, 120, ("7", 300)),  # a value on its own line, above the bottom margin
            ]
        )
    kept = drop_furniture(pages, [842.0] * 4)
    assert all([ln.text for ln in page] == ["行政许可 550", "7"] for page in kept)


def test_blank_columns_restored():
    xs = [300, 340, 380, 420]
    lines = [
        _line(0, 700, ("规章", 100), *zip(["11", "12", "13", "14"], xs, strict=True)),
        _line(0, 680, ("行政规范性文件", 100), ("21", 300), ("24", 420)),  # two blanks in the middle
        _line(0, 660, ("（三）不予公开", 60)),  # a label line left of the values: same table
        _line(0, 640, ("行政许可", 100), ("33", 380)),
        _line(1, 800, ("信息处理费", 100), ("41", 300), ("42", 340), ("43", 380)),  # next page, same columns
        _line(1, 700, ("第二十条第（五）项", 360)),  # a heading over the value columns ends the table
        _line(1, 680, ("行政处罚", 100), ("51", 340)),
    ]
    fill_blanks(lines)
    assert [[c.text for c in ln.cells] for ln in lines] == [
        ["规章", "11", "12", "13", "14"],
        ["行政规范性文件", "21", "", "", "24"],
        ["（三）不予公开"],
        ["行政许可", "", "", "33", ""],
        ["信息处理费", "41", "42", "43", ""],
        ["第二十条第（五）项"],
        ["行政处罚", "51"],
    ]


def test_centred_values_come_after_their_whole_label():
    def line(mid: float, *cells: tuple[str, float, float]) -> VLine:
        return VLine([Cell(t, x0, x1, 10.0) for t, x0, x1 in cells], mid, 10.0, 0)

    lines = [
        line(712, ("3.其他", 100, 130), ("9", 300, 305), ("8", 340, 345)),
        line(700, ("1、申请人无正当理由逾期不补", 100, 200)),
        line(688, ("正、行政机关不再处理其政府信", 100, 200), ("67", 300, 310), ("3", 340, 345)),
        line(683, ("（六）其", 20, 60)),  # a group label in the column to the left stays
        line(676, ("息公开申请", 100, 160)),
        line(664, ("（七）总计", 100, 140), ("76", 300, 310), ("11", 340, 350)),
    ]
    assert [[c.text for c in ln.cells] for ln in centre_labels(lines)] == [
        ["3.其他", "9", "8"],
        ["1、申请人无正当理由逾期不补"],
        ["（六）其"],
        ["正、行政机关不再处理其政府信"],
        ["息公开申请"],
        ["67", "3"],
        ["（七）总计", "76", "11"],
    ]
