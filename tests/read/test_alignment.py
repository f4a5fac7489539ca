"""Damaged rows are read by their labels and the table's sums, never silently shifted."""

from __future__ import annotations

import pytest

from gongkai.format import get
from gongkai.read import ReadError, read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import tab_text

REQ = get("2021").table("requests")


def _report():
    return consistent_report(41, "2021")


def _edit(text: str, label: str, change) -> str:
    lines = text.split("\n")
    i = next(i for i, ln in enumerate(lines) if label in ln)
    lines[i : i + 1] = change(lines[i])
    return "\n".join(lines)


def _read(text: str):
    return read_bytes(text.encode(), "t.txt")


def _wrong(report, got):
    return {k: (got.cells.get(k), v) for k, v in report.cells.items() if got.cells.get(k) != v}


def test_stray_empty_cells_do_not_shift_values():
    r = _report()
    text = _edit(
        tab_text(r), "1.属于国家秘密", lambda ln: [ln.replace("1.属于国家秘密\t", "1.属于国家秘密\t\t\t")]
    )
    got = _read(text)
    assert not _wrong(r, got)


def test_missing_last_cell_leaves_it_blank_and_says_so():
    r = _report()
    text = _edit(tab_text(r), "6.属于四类过程性信息", lambda ln: [ln.rsplit("\t", 1)[0]])
    got = _read(text)
    ids = REQ.row_ids("withheld.process_information")
    assert _wrong(r, got) == {ids[-1]: (None, r.cells[ids[-1]])}
    assert any(f.rule == "read.value_count" and ids[0] in f.cells for f in got.findings)


def test_ten_values_where_seven_belong_picks_the_seven_that_fit():
    r = _report()
    extra = "\t".join(str(v) for v in (913, 17, 4021))
    text = _edit(tab_text(r), "（七）总计", lambda ln: [ln + "\t" + extra])
    got = _read(text)
    assert not _wrong(r, got)
    assert any(f.rule == "read.value_count" and "10 个数值" in f.message for f in got.findings)


def test_run_together_digits_are_split_by_the_sums():
    r = _report()
    ids = REQ.row_ids("granted")
    joined = "".join(str(r.cells[i]) for i in ids)
    text = _edit(
        tab_text(r), "（一）予以公开", lambda ln: [ln.split("\t")[0] + "\t（一）予以公开\t" + joined]
    )
    got = _read(text)
    assert not _wrong(r, got)
    assert any(f.rule == "read.value_count" and "连在一起" in f.message for f in got.findings)


def test_run_together_with_several_fits_leaves_cells_blank():
    """Digits 1 1 1 1 1 1 6 can be cut many ways that sum right; nothing may be guessed."""
    r = _report()
    text = tab_text(r)
    text = _edit(text, "（七）总计", lambda ln: ["（七）总计\t111111111111"])
    got = _read(text)
    unsure = [f for f in got.findings if f.rule == "read.ambiguous"]
    assert unsure
    assert all(got.cells[c] is None for c in unsure[0].cells)
    assert all(got.cells[c] in (None, r.cells[c]) for c in REQ.row_ids("total"))


def test_label_typos_and_missing_heading():
    r = _report()
    text = tab_text(r).replace("本年废止件数", "本年度止件数").replace("第二十条第（一）项", "")
    text = text.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    assert not _wrong(r, _read(text))


def test_label_split_over_lines_before_and_after_values():
    r = _report()
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"

    def split(ln):
        cells = ln.split("\t")
        return [
            "\t（二）部分公开（区分处理的，",
            "\t只计这一情形，不计\t" + "\t".join(cells[3:]),
            "\t\t其他情形）\t\t\t",
        ]

    got = _read(_edit(tab_text(r), label, split))
    assert not _wrong(r, got)


def test_missing_section_headings_still_find_the_tables():
    r = _report()
    text = (
        tab_text(r).replace("三、收到和处理政府信息公开申请情况", "").replace("二、主动公开政府信息情况", "")
    )
    assert not _wrong(r, _read(text))


def test_full_width_digits_and_odd_spaces():
    r = _report()
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    text = tab_text(r).translate(wide).replace("（七）总计", "（七）\u3000总\u00a0计")
    got = _read(text)
    assert not _wrong(r, got)


def test_blank_marks_are_blank_not_zero():
    r = _report()
    ids = REQ.row_ids("not_handled.duplicate")
    cells = [str(r.cells[i]) for i in ids]
    cells[2], cells[4] = "/", "-"
    text = _edit(
        tab_text(r), "2.重复申请", lambda ln: [ln.split("\t")[0] + "\t\t2.重复申请\t" + "\t".join(cells)]
    )
    got = _read(text)
    assert got.cells[ids[2]] is None and got.cells[ids[4]] is None
    assert _wrong(r, got).keys() == {ids[2], ids[4]}


def test_2019_format_is_detected_from_its_tables():
    r = consistent_report(8, "2019", year=2020)
    got = _read(tab_text(r))
    assert str(got.format) == "2019"
    assert got.cells["active.licensing.change"] == r.cells["active.licensing.change"]


def test_pre_2019_report_is_refused_plainly():
    r = consistent_report(3, "2019", year=2019)
    text = tab_text(r).replace("2019年", "2017年")
    with pytest.raises(ReadError, match=r"2017 年度.*2019 年以前"):
        _read(text)


def test_not_an_annual_report():
    with pytest.raises(ReadError, match="不是政府信息公开工作年度报告"):
        _read("关于做好春节期间值班工作的通知\n各单位：请按时值班。\n" * 5)
