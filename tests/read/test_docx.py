"""DOCX reader: document order, merged cells over the full grid, blanks, cell text joining, errors."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))

from _pdfdocx_build import SECTIONS_TEXT, expected_rows, report_docx, values

from gongkai.format import get
from gongkai.format.layout import grids
from gongkai.read.document import ReadError
from gongkai.read.docx import join_pieces, read_docx

BLANK = frozenset({"requests.granted.research"})


def _raises(message: str):
    """The reader's exact one-line message."""
    return pytest.raises(ReadError, match=f"^{re.escape(message)}$")


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_report_lines_exact(version):
    fmt = get(version)
    vals = values(fmt, BLANK)
    doc = read_docx(report_docx(fmt, vals), "r.docx")
    g = grids(fmt)
    expected: list[tuple[list[str], int | None]] = [(["某某区人民政府2023年政府信息公开工作年度报告"], None)]
    table = 0
    for s in fmt.sections:
        expected.append(([s.title], None))
        if s.number in g:
            expected.extend((row, table) for row in expected_rows(g[s.number], vals))
            table += 1
        else:
            expected.append(([SECTIONS_TEXT[s.number]], None))
    assert [(ln.cells, ln.table) for ln in doc.lines] == expected
    assert doc.shape == "docx"


def test_merges_and_blank_in_place():
    fmt = get("2021")
    vals = values(fmt, BLANK)
    lines = read_docx(report_docx(fmt, vals), "r.docx").lines
    requests = [ln.cells for ln in lines if ln.table == 1]
    assert all(len(c) == 10 for c in requests)
    # header: the 勾稽 note spans 3 columns and 3 rows, 申请人情况 spans 7 columns: text once
    assert requests[0][:4] == [requests[0][0], None, None, "申请人情况"] and requests[0][4:] == [None] * 6
    assert requests[1][:3] == [None, None, None]
    assert requests[1][4:] == ["法人或其他组织", None, None, None, None, "总计"]
    granted = next(c for c in requests if "（一）予以公开" in c)
    t = fmt.table("requests")
    # the results group label, then (一) spanning two columns, then the 7 values
    assert granted[:3] == ["三、本年度办理结果", "（一）予以公开", None]
    assert granted[3:] == [vals[i] for i in t.row_ids("granted")]
    assert granted[3:][2] == "" and all(granted[3:][i] for i in (0, 1, 3, 4, 5, 6))  # the blank, in place
    state_secret = next(c for c in requests if "1.属于国家秘密" in c)
    assert state_secret[:2] == [None, "（三）不予公开"]  # the row label column is vertically merged
    prohibited = next(c for c in requests if "2.其他法律行政法规禁止公开" in c)
    assert prohibited[:2] == [None, None]  # vMerge continuations
    appeals = [ln.cells for ln in lines if ln.table == 2]
    assert appeals[-1] == [vals[i] for i in get("2021").table("appeals").ids]


def test_cell_text_joining_nested_tabs_breaks():
    d = new_docx()
    d.add_paragraph("规章\t3\t1\t12")
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    d.add_paragraph("")
    t = d.add_table(rows=2, cols=3)
    c = t.cell(0, 0)
    c.text = "三、本年度办"
    c.add_paragraph("理结果")
    t.cell(0, 1).text = "Total"
    t.cell(0, 1).add_paragraph("2023")
    t.cell(0, 2).text = "17"
    inner = t.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内表"
    inner.cell(0, 1).text = "5"
    t.cell(1, 1).text = "29"
    frame = d.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "框内文字"
    lines = read_docx(_save(d), "t.docx").lines
    assert [(ln.cells, ln.table) for ln in lines] == [
        (["规章", "3", "1", "12"], None),
        (["第一行"], None),
        (["第二行"], None),
        (["三、本年度办理结果", "Total 2023", "17"], 0),
        (["", "29", ""], 0),
        (["内表", "5"], 1),
        (["框内文字"], None),
    ]


def _wrap_in_content_control(el) -> None:
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    el.addprevious(sdt)
    content.append(el)
    sdt.append(content)


def test_content_controls_and_alt_chunks():
    d = new_docx()
    _wrap_in_content_control(d.add_paragraph("受控段落")._p)
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).text = "行政许可"
    t.cell(0, 1).text = "41"
    t.cell(0, 2).text = "43"
    _wrap_in_content_control(t.cell(0, 1)._tc)
    _wrap_in_content_control(t._tbl.tr_lst[0])
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), "rId99")
    d.element.body.insert(0, chunk)
    doc = read_docx(_save(d), "t.docx")
    assert [(ln.cells, ln.table) for ln in doc.lines] == [(["受控段落"], None), (["行政许可", "41", "43"], 0)]
    assert doc.notes == ["DOCX 含嵌入的外部内容块（altChunk），其中的文字未读取"]


def test_join_pieces_rule():
    assert join_pieces(["三、本年度办", "理结果"]) == "三、本年度办理结果"
    assert (
        join_pieces(["（二）部分公开（区分处理的，", "只计这一情形）"])
        == "（二）部分公开（区分处理的，只计这一情形）"
    )
    assert join_pieces(["总计", "123"]) == "总计 123"
    assert join_pieces(["", " a ", "b"]) == "a b"


def test_traditional_text_is_cleaned():
    d = new_docx()
    d.add_paragraph("三、收到和處理政府資訊公開申請情況")
    assert read_docx(_save(d), "t.docx").lines[0].cells == ["三、收到和处理政府资讯公开申请情况"]


def test_ole_container_is_encrypted_or_doc():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with _raises("DOCX 已加密或为旧版 .doc 格式，无法读取"):
        read_docx(data, "x.docx")


@pytest.mark.parametrize(
    "data",
    [b"not a zip at all", b"PK\x03\x04garbage", None],
    ids=["garbage", "broken-zip", "zip-without-document"],
)
def test_damaged(data):
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("hello.txt", "hi")
        data = buf.getvalue()
    with _raises("DOCX 文件已损坏或不是有效的 DOCX 文件，无法打开"):
        read_docx(data, "x.docx")


def test_truncated_docx_is_damaged():
    data = report_docx(get("2021"), values(get("2021")))
    with pytest.raises(ReadError, match="已损坏"):
        read_docx(data[: len(data) // 2], "x.docx")


def test_empty_document():
    d = new_docx()
    d.add_paragraph("")
    d.add_paragraph("   ")
    d.add_table(rows=2, cols=2)
    with _raises("DOCX 文档为空，没有可读的文字"):
        read_docx(_save(d), "x.docx")
