"""Flattened page text: metadata lines, then the whole report on one line (labels and numbers run
together, stray spaces, breadcrumbs first, 附件下载 last)."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.format.spec import APPLICANTS, SECTIONS
from gongkai.read import read_bytes, read_document
from gongkai.read.extract import HOW
from gongkai.samples import consistent_report
from gongkai.samples.shapes import flattened


def _read(text: str):
    return read_bytes(text.encode(), "flat.txt")


def _unsure_cells(report) -> set[str]:
    return {c for f in report.findings for c in f.cells}


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("seed", [2, 19, 58])
def test_a_flattened_page_reads_every_cell(version, seed):
    want = consistent_report(seed, version)
    text = flattened(want)
    assert len(text.split("\n")) == 5  # three metadata lines, the report, the end
    got = _read(text)
    assert read_document(text.encode()).shape == "flat"
    assert (str(got.format), got.body, got.year, got.title) == (version, want.body, want.year, want.title)
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert got.sections[1] == want.sections[1]
    assert got.sections[6] == want.sections[6]  # ends where the footer starts
    assert "附件下载" not in got.sections[6] and "ICP" not in got.sections[6]


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), noise=st.integers(0, 10**6))
@settings(max_examples=30, deadline=None)
def test_degraded_flattened_pages_never_give_a_wrong_number(seed, version, noise):
    """Stray spaces inside labels and headings, spaces at random among run-together digits: every
    cell is the report's own value, or blank with a finding naming it."""
    want = consistent_report(seed, version)
    got = _read(flattened(want, random.Random(noise)))
    assert (str(got.format), got.body, got.year) == (version, want.body, want.year)
    unsure = _unsure_cells(got)
    wrong = {k: (got.cells[k], v) for k, v in want.cells.items() if got.cells[k] != v}
    assert all(got.cells[k] is None and k in unsure for k in wrong), wrong
    assert len(wrong) <= 15  # the sums settle nearly every run


def _with_row(version: str, seed: int, old: str, new: str) -> tuple:
    want = consistent_report(seed, version)
    text = flattened(want)
    assert old in text
    return want, _read(text.replace(old, new))


def test_a_split_label_and_a_run_with_a_negative_change():
    """`行政许可2315-7308` (2019): the minus sign starts 本年增/减; 2315 is 上一年项目数量; how -7308
    splits cannot be known without a sum, so those two cells stay blank, with a finding."""
    want = consistent_report(8, "2019")
    printed = {"prior_items": 2315, "change": -7, "decisions": 308}
    want.cells.update({f"active.licensing.{k}": v for k, v in printed.items()})
    text = flattened(want).replace("行政许可2315 -7 308", "行政 许可2315-7308")
    got = _read(text)
    assert got.cells["active.licensing.prior_items"] == 2315
    assert got.cells["active.licensing.change"] is None
    assert got.cells["active.licensing.decisions"] is None
    assert {"active.licensing.change", "active.licensing.decisions"} <= _unsure_cells(got)
    others = {k: v for k, v in want.cells.items() if not k.startswith("active.licensing.")}
    assert {k: got.cells[k] for k in others} == others


def test_zeros_and_a_split_heading_of_section_three():
    """`四、结转下年度继续办理 0 0 00 00 0` and `三、本年度办 理结果`."""
    want = consistent_report(9, "2021")
    for c in _APPLICANTS:  # nothing carried forward: received = total - brought forward
        want.cells[f"requests.carried_forward.{c}"] = 0
        want.cells[f"requests.received.{c}"] = (
            want.cells[f"requests.total.{c}"] - want.cells[f"requests.brought_forward.{c}"]
        )
    text = flattened(want)
    assert "四、结转下年度继续办理0000000" in text
    text = text.replace("四、结转下年度继续办理0000000", "四、结转下年度继续办理 0 0 00 00 0")
    text = text.replace("三、本年度办理结果", "三、本年度办 理结果")
    got = _read(text)
    assert {k: got.cells[k] for k in want.cells} == want.cells


_APPLICANTS = tuple(c.key for c in APPLICANTS)


def test_metadata_title_without_its_prefix_gives_the_body():
    want = consistent_report(31, "2021")
    tools = "政府信息公开年报 全真版 文字版 "
    text = flattened(want).replace(tools + want.title, tools)  # only the metadata line names the report
    assert text.count(want.title) == 1
    got = _read(text)
    assert (got.body, got.year) == (want.body, want.year)
    assert not got.title.startswith("标题")


def test_a_run_broken_by_text_with_digits_stays_blank():
    """`行政许可68（见附表2）`: what belongs to the value cannot be told, so nothing is guessed."""
    want = consistent_report(13, "2021")
    value = want.cells["active.licensing.decisions"]
    text = flattened(want)
    assert f"行政许可{value}" in text
    got = _read(text.replace(f"行政许可{value}", f"行政许可{value}（见附表2）"))
    assert got.cells["active.licensing.decisions"] is None
    assert "active.licensing.decisions" in _unsure_cells(got)
    others = {k: v for k, v in want.cells.items() if k != "active.licensing.decisions"}
    assert {k: got.cells[k] for k in others} == others


def test_units_inside_a_flattened_section_two():
    want = consistent_report(17, "2019")
    fee = want.cells["active.procurement.amount"]
    projects = want.cells["active.procurement.projects"]
    text = flattened(want)
    assert f"政府集中采购{projects} {fee}" in text
    got = _read(text.replace(f"政府集中采购{projects} {fee}", f"政府集中采购{projects}件 {fee}万元"))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_a_label_printed_with_half_width_punctuation_and_its_remark():
    """`(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)` as a converter prints it: the whole label
    in the other width, or else its core with the remark skipped, finds the row."""
    want = consistent_report(23, "2021")
    text = _replace(
        flattened(want),
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
    )
    got = _read(text)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_remark_between_a_shortened_label_and_its_values_is_skipped():
    want = consistent_report(29, "2021")
    text = _replace(flattened(want), "（区分处理的，只计这一情形，不计其他情形）", "（区分处理的只计此项）")
    got = _read(text)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_long_label_cut_in_two_by_its_own_values():
    """A wrapped cell flattened: `…不再处理其 values 政府信息公开申请3.其他…`."""
    want = consistent_report(37, "2021")
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其"
    text = flattened(want)
    start = text.index(label) + len(label)
    values = text[start + len("政府信息公开申请") : text.index("3.其他", start)]
    text = text[:start] + values + "政府信息公开申请" + text[text.index("3.其他", start) :]
    got = _read(text)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_group_label_printed_after_a_row_ends_its_values():
    """PDF text order puts a group's label (（六）其他处理) after the row above it, sometimes with
    values of its own: the row above keeps its values, the group's rows are named missing."""
    want = consistent_report(41, "2021")
    text = flattened(want)
    other = text.index("（六）其他处理")
    total = text.index("（七）总计")
    text = text[:other] + "（六）其他处理1 0 0 0 0 0 1" + text[total:]
    got = _read(text)
    row = [k for k in want.cells if k.startswith("requests.not_handled.confirmation.")]
    assert {k: got.cells[k] for k in row} == {k: want.cells[k] for k in row}
    gone = {k for k in want.cells if k.startswith("requests.other.")}
    assert all(got.cells[k] is None for k in gone)
    assert gone <= {c for f in got.findings if f.rule == "read.row_missing" for c in f.cells}


def _table_four_values(text: str) -> tuple[int, int]:
    """Where table 四's values start (after its header's last 总计) and where section 五 starts."""
    five = text.index("五、存在的主要问题")
    return text.rindex("总计", 0, five) + len("总计"), five


def test_broken_header_words_of_section_four_before_its_values():
    """The header of table 四 in a PDF's text order leaves pieces (`结果 审 结`) before the values."""
    want = consistent_report(43, "2021")
    text = flattened(want)
    start, _ = _table_four_values(text)
    got = _read(text[:start] + "结果审结" + text[start:])
    assert {k: got.cells[k] for k in want.cells} == want.cells


@pytest.mark.parametrize("space", ["", " ", "  "])
def test_breadcrumbs_and_page_tools_are_not_the_body(space):
    """No metadata lines: the title is found after breadcrumbs and page tools, with no space, one
    or two between the body and the year, and not in the opening paragraph's `2023年1月1日…报告`."""
    want = consistent_report(53, "2021")
    text = flattened(want).split("\n", 3)[3]  # without 标题/发布时间/原文链接
    title = f"{want.body}{space}{want.year}年政府信息公开工作年度报告"
    text = _replace(text, want.title, f"{title} 发布时间：{want.year + 1}-01-20 来源：本站 字号：大 中 小 ")
    opening = f"本报告中所列数据统计期限自{want.year}年1月1日起，如对本报告有疑问请联系。"
    text = _replace(text, "一、总体情况", opening + "一、总体情况")
    got = _read(text)
    assert (got.body, got.year) == (want.body, want.year)


@pytest.mark.parametrize(
    "values",
    [
        "（本年度无相关情况）",  # the heading is there, the table is not
        "1010 0 0 0 00 0 05 0000",  # a real report's run whose own sums fail (维持 10, 纠正 1, 总计 0)
    ],
)
def test_a_section_four_that_proves_no_number_gives_none(values):
    """Table 四 with no values, or with a run no cut of which the sums allow (`1010` was once read as
    printed and given to 总计): every cell blank, each named by a finding."""
    want = consistent_report(59, "2021")
    text = flattened(want)
    start, five = _table_four_values(text)
    got = _read(text[:start] + values + text[five:])
    appeals = [k for k in want.cells if k.startswith("appeals.")]
    assert all(got.cells[k] is None for k in appeals)
    assert set(appeals) <= _unsure_cells(got)


def test_an_amount_with_thousands_separators():
    want = consistent_report(67, "2021")
    want.cells["active.fees.amount"] = Decimal("1234567.5")
    got = _read(_replace(flattened(want), "行政事业性收费1234567.5", "行政事业性收费1,234,567.5"))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_fifteen_printed_values_of_table_four_are_read_as_printed():
    """Exactly as many values as cells, printed apart, whose own sums fail: read as printed (the 勾稽
    checks name the sum), never cut again across the printed gaps into numbers no one printed."""
    want = consistent_report(59, "2021")
    text = flattened(want)
    start, five = _table_four_values(text)
    printed = "5 0 10 2 17 1 0 3 0 4 0 0 12 0 21"  # the last group: 0 + 0 + 12 + 0 ≠ 21
    got = _read(text[:start] + printed + text[five:])
    appeals = [k for k in want.cells if k.startswith("appeals.")]
    assert [got.cells[k] for k in appeals] == [int(v) for v in printed.split()]


def test_menu_words_and_a_breadcrumb_s_last_item_are_not_the_body():
    want = consistent_report(53, "2021")
    text = flattened(want).split("\n", 3)[3]  # without 标题/发布时间/原文链接
    crumbs = "当前位置：首页 > 政务公开 > 政府信息公开年报 全真版 文字版 "
    for page in ("网站首页 政务公开 年度报告 ", "网站首页 > 新闻中心  "):
        got = _read(_replace(text, crumbs, page))
        assert (got.body, got.year) == (want.body, want.year), page


def test_digits_after_a_thousands_group_are_not_part_of_it():
    """`1,2345 6` is no grouped number: the row's three cells stay blank rather than read 1234."""
    want = consistent_report(73, "2021")
    text = flattened(want)
    start = text.index("规章") + len("规章")
    end = text.index("行政规范性文件")
    got = _read(text[:start] + "1,2345 6" + text[end:])
    row = [k for k in want.cells if k.startswith("active.regulations.")]
    assert all(got.cells[k] is None for k in row)
    assert set(row) <= _unsure_cells(got)


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), noise=st.integers(0, 10**6))
@settings(max_examples=10, deadline=None)
def test_each_section_on_a_line_of_its_own(seed, version, noise):
    """A crawler that kept the paragraphs: each section a line, its table run together on it. No
    line holds three headings; section 三's line holds its row labels and is read as a flattened
    page, every cell the report's own or blank with a finding."""
    want = consistent_report(seed, version)
    text = flattened(want, random.Random(noise))
    for section in SECTIONS[1:]:
        heading = r"\s*".join(map(re.escape, section.title))  # stray spaces may stand inside it
        text = re.sub(heading, lambda m: "\n" + m.group(), text, count=1)
    assert text.count("\n") >= 8
    got = _read(text)
    assert (str(got.format), got.body, got.year) == (version, want.body, want.year)
    unsure = _unsure_cells(got)
    wrong = {k: (got.cells[k], v) for k, v in want.cells.items() if got.cells[k] != v}
    assert all(got.cells[k] is None and k in unsure for k in wrong), wrong
    assert len(wrong) <= 15


@pytest.mark.parametrize(
    "heading",
    [
        "四、政府信息公开行政复议与行政诉讼情况",
        "四、政府信息公开行政法复议、行政诉讼情况",  # a typo a real page printed
        "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "二、主动公开政府信息的情况",
    ],
)
def test_a_heading_worded_another_way(heading):
    """A flattened page's heading in other words: its numeral and key words still mark it (the
    section's values read nothing before; a 2024 in a sentence before them is no value)."""
    want = consistent_report(24, "2021")
    number = "一二三四五六".index(heading[0]) + 1
    text = flattened(want).replace(SECTIONS[number - 1].title, heading + "2024年，没有需要说明的情况。", 1)
    got = _read(text)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_heading_s_words_in_a_later_section_are_not_its_heading():
    """Section 二's heading printed without 情况, and section 五's text saying 二、主动公开工作…:
    the words are looked for only between the headings around it (every section after was lost)."""
    want = consistent_report(27, "2021")
    text = flattened(want).replace(SECTIONS[1].title, "二、主动公开政府信息", 1)
    five = want.sections[5]
    got = _read(text.replace(five, five + "二、主动公开工作开展情况有待加强。", 1))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_row_of_more_zeros_than_cells_is_zeros():
    """A real report prints its last rows with ten cells of 0 where the format has seven; run
    together they are `3.其他0000000000`: zeros, as ten zeros printed apart are read, with a finding."""
    want = consistent_report(71, "2021")
    for c in _APPLICANTS:
        want.cells[f"requests.other.other.{c}"] = 0
    for row in ("received", "total"):  # keep the sums: 3.其他 gave up its values
        want.cells[f"requests.{row}.total"] = sum(want.cells[f"requests.{row}.{c}"] for c in _APPLICANTS[:-1])
    text = flattened(want)
    assert "3.其他0000000" in text
    got = _read(text.replace("3.其他0000000", "3.其他0000000000"))
    row = [f"requests.other.other.{c}" for c in _APPLICANTS]
    assert [got.cells[k] for k in row] == [0] * 7
    said = [f.message for f in got.findings if f.cells == tuple(row)]
    assert said == [f"第三部分“3.其他”：{HOW['window']}（印有 1 个数值，应为 7 个）"]
    assert {k: got.cells[k] for k in want.cells} == want.cells


@pytest.mark.parametrize("stray", ["他处理", "其 他 处 理 "])
def test_a_long_label_cut_by_a_vertical_label_s_characters(stray):
    """A PDF's text puts the characters of the vertical （六）其他处理 inside the long label beside
    it (`…收费通知要他处理求缴纳费用…申请6000006`): the run before the next row is that row's."""
    want = consistent_report(73, "2021")
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    text = flattened(want)
    assert label in text
    got = _read(text.replace(label, label.replace("要求", f"要{stray}求")))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_text_longer_than_the_label_before_a_run_is_no_label_s_rest():
    """More text than a label's rest between a row cut by other characters and the next row: the
    run at its end may be anything's; the row stays blank, named."""
    want = consistent_report(73, "2021")
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    long_rest = "他处理求" + "有关说明文字" * 10
    got = _read(flattened(want).replace(label, label.replace("要求", f"要{long_rest}")))
    row = [k for k in want.cells if k.startswith("requests.other.fee_unpaid.")]
    assert all(got.cells[k] is None for k in row)
    assert set(row) <= _unsure_cells(got)
