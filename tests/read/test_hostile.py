"""Hostile files (gongkai.samples.hostile, built in the test at full size): each is refused with one
Chinese line naming the limit, or read, never a crash; and the limits are counted where the work is."""

from __future__ import annotations

import dataclasses

import pytest

from gongkai.errors import GongkaiError, LimitExceeded
from gongkai.read import ReadError, ReadLimitExceeded, limits, read_bytes, read_path
from gongkai.samples import consistent_report
from gongkai.samples.hostile import HOSTILE

# name → (the error's code, a piece of its message)
REFUSED = {
    "tab-digits": ("read.limit.cells", "单元格数超过上限"),
    "digit-line": ("read.limit.line_chars", "单行长度超过上限"),
    "million-lines": ("read.limit.lines", "行数超过上限"),
    "utf16-broken": ("read", "UTF-16 文本已损坏"),
    "html-rows": ("read.limit.lines", "行数超过上限"),
    "html-deep": ("read.limit.html_depth", "HTML 元素嵌套层数超过上限（1000 层）"),
    "html-deep-tables": ("read.limit.html_depth", "嵌套层数"),
    "html-colspan": ("read.limit.cells", "合并单元格"),
    "docx-grid-span": ("read.limit.row_cells", "DOCX 表格一行的单元格数"),
    "docx-grid-before": ("read.limit.row_cells", "DOCX 表格一行的单元格数"),
    "docx-no-body": ("read", "缺少 w:body"),
    "docx-zip-bomb": ("read.limit.unzipped", "DOCX 解压后的大小超过上限（200 MB）"),
    "docx-zip-liar": ("read", "DOCX 文件已损坏"),
    "docx-entities": ("read", "DOCX"),
    "docx-zip-version": ("read", "压缩文件已损坏"),
    "pdf-content-bomb": ("read.limit.page_content", "第 2 页：PDF 单页内容解压后的大小超过上限（32 MB）"),
    "pdf-many-pages": ("read.limit.pages", "共 2000 页，PDF 页数超过上限（500 页）"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_refused_in_one_line(name, tmp_path):
    filename, build = HOSTILE[name]
    path = tmp_path / filename
    path.write_bytes(build(1.0))
    with pytest.raises(ReadError) as caught:
        read_path(path)
    e = caught.value
    code, words = REFUSED[name]
    assert e.code == code
    assert words in str(e)
    assert "\n" not in str(e)
    assert e.context["file"] == str(path)
    if code.startswith("read.limit"):
        assert isinstance(e, ReadLimitExceeded) and isinstance(e, LimitExceeded)
        assert "超过上限" in str(e) and e.http_status == 413


def test_every_hostile_builder_is_covered():
    assert set(HOSTILE) - set(REFUSED) == {"cr-only"}


def test_cr_only_copy_reads_every_cell():
    report = read_bytes(HOSTILE["cr-only"][1](1.0), "cr.txt")
    assert report.cells == consistent_report(7).cells


def test_lines_counted_by_every_reader(monkeypatch):
    """Document.add counts for every reader: a DOCX of a real report is refused under a low limit."""
    from gongkai.samples import SHAPES

    data = SHAPES["docx"][1](consistent_report(3))
    assert read_bytes(data, "ok.docx").cells["requests.total.total"] is not None
    monkeypatch.setattr(limits, "LIMITS", dataclasses.replace(limits.LIMITS, lines=50))
    with pytest.raises(ReadLimitExceeded, match="行数超过上限（50 行）") as caught:
        read_bytes(data, "x.docx")
    assert caught.value.code == "read.limit.lines"


def test_real_reports_far_below_every_limit():
    """The samples of every shape read with limits a tenth of the defaults: the defaults have room."""
    from gongkai.samples import SHAPES

    tenth = {f.name: getattr(limits.LIMITS, f.name) // 10 for f in dataclasses.fields(limits.Limits)}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(limits, "LIMITS", limits.Limits(**tenth))
        for name, (_, make) in SHAPES.items():
            report = consistent_report(5)
            assert read_bytes(make(report), name).cells["requests.granted.total"] is not None, name


def test_html_depth_counts_nesting_not_size():
    assert limits.html_depth("<div>" * 10 + "<p>x" * 5000 + "<br>" * 5000 + "</div>" * 10) < 100
    assert limits.html_depth("<b><i>x</i></b>" * 2000) < 50
    assert limits.html_depth("<div>" * 1500 + "x") >= 1500


def test_limit_error_is_one_family():
    e = limits.exceeded("pages", "共 9 页，")
    assert isinstance(e, GongkaiError) and e.code == "read.limit.pages" and e.context["limit"] == "pages"


@pytest.mark.parametrize(
    ("name", "mutation", "rng"),
    [("hongze-2024.pdf", "zero_run", 2257551700), ("huaian-2024.pdf", "flip_bytes", 3323399223)],
    ids=["page-pdfium-refuses", "lone-surrogate"],
)
def test_damaged_real_pdfs_found_by_fuzzing(name, mutation, rng):
    """benchmarks/fuzz.py found these: a page pdfium cannot load (PdfiumError escaped), and a damaged
    font map giving half a surrogate pair (opencc refused the text)."""
    from random import Random

    from tests.conftest import shared_or_skip

    from gongkai.samples.mutate import BYTES

    data = BYTES[mutation]((shared_or_skip() / "corpus" / "pdf" / name).read_bytes(), Random(rng))
    try:
        report = read_bytes(data, name)
    except GongkaiError as e:
        assert "\n" not in str(e)
    else:
        assert report.format is not None
