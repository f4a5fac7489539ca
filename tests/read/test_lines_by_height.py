"""Text a PDF extractor gives line by line, ordered by height (pdfplumber's extract_text): a row's
values on a line of their own above its label or between the two parts of a wrapped label, group
labels on lines of their own or beside the values of the row below, a vertical group label a
character a line. Before, a label alone took the next row's values (wrong numbers)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.read import read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import lines_by_height


def _read(text: str):
    return read_bytes(text.encode(), "pdf-text.txt")


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), order=st.randoms())
@settings(max_examples=40, deadline=None)
def test_every_cell_wherever_the_values_stand(seed, version, order):
    want = consistent_report(seed, version)
    got = _read(lines_by_height(want, order))
    assert (str(got.format), got.body, got.year) == (version, want.body, want.year)
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert {f.rule for f in got.findings} <= {"read.row_inferred"}


def test_a_row_of_values_whose_label_was_lost_is_named_by_the_row_it_was_read_as():
    """A row's label lost, its values standing alone between two rows printed whole: the one row
    missing there, with a finding that says so."""
    want = consistent_report(5, "2021")
    text = _whole_text(want).replace("2.重复申请 ", "", 1)
    got = _read(text)
    said = [f.message for f in got.findings]
    assert said == ["第三部分：一行数值没有标签，按前后行的位置读作“2.重复申请”"]
    assert {k: got.cells[k] for k in want.cells} == want.cells


def _whole_text(want) -> str:
    return lines_by_height(want, _Whole())


def test_a_label_alone_does_not_take_the_next_rows_values():
    """1.属于国家秘密 on a line of its own (its values printed above it), then 2.其他法律… with its
    values after a vertical label's character: 1. must not read 2.'s values."""
    want = consistent_report(9, "2021")
    secret = " ".join(str(want.cells[f"requests.withheld.state_secret.{c}"]) for c in _COLUMNS)
    law = " ".join(str(want.cells[f"requests.withheld.prohibited_by_law.{c}"]) for c in _COLUMNS)
    text = lines_by_height(want, random.Random(1))
    start = text.index("（三）不予公开")
    end = text.index("3.危及")
    block = f"{secret}\n1.属于国家秘密\n三 2.其他法律行政法规禁止公开 {law}\n（三）不予公开\n"
    assert text[:start].endswith(
        "不计其他情形） "
        + " ".join(str(want.cells[f"requests.partially_granted.{c}"]) for c in _COLUMNS)
        + "\n"
    )
    got = _read(text[:start] + block + text[end:])
    assert {k: got.cells[k] for k in want.cells} == want.cells


_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)


@given(seed=st.integers(1, 10**6), order=st.randoms(), which=st.randoms())
@settings(max_examples=40, deadline=None)
def test_a_lost_line_leaves_cells_blank_and_named_never_wrong(seed, order, which):
    """A line lost (a row's, or a row's values on a line of their own): values above the next labels
    could then belong to the row before.
    Where values or labels are left over, rows whose values stood apart are not read (a finding
    says why); every cell is right or blank, and every blank is named."""
    want = consistent_report(seed, "2021")
    lines = lines_by_height(want, order).split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    whole = [
        i for i in range(start, len(lines)) if lines[i][:1] in "0123456789（一二" and lines[i][-1:].isdigit()
    ]
    del lines[which.choice(whole)]
    got = _read("\n".join(lines))
    named = {c for f in got.findings for c in f.cells}
    for k, v in want.cells.items():
        assert got.cells[k] in (None, v), k
        assert got.cells[k] is not None or k in named, k


class _Whole(random.Random):
    """Every row printed whole (label and values on one line), no page numbers, no stray characters."""

    def choice(self, seq):
        return seq[0]

    def random(self):
        return 0.99


def _values_above(text: str, labels: list[str]) -> str:
    """Move each named row's values onto a line of their own above its label."""
    lines = text.split("\n")
    for label in labels:
        i = next(i for i, ln in enumerate(lines) if ln.startswith(label + " "))
        lines[i : i + 1] = [lines[i][len(label) + 1 :], label]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("version", "labels"),
    [
        ("2021", ["行政规范性文件"]),  # section 二: labels with no numbering
        ("2021", ["行政处罚", "行政强制"]),
        ("2019", ["规范性文件", "行政许可"]),
        ("2021", ["3.危及“三安全一稳定”", "4.保护第三方合法权益"]),  # two rows in a row
        ("2019", ["3.危及“三安全一稳定”", "4.保护第三方合法权益"]),
        ("2021", ["一、本年新收政府信息公开申请数量"]),  # right under the column headers
        ("2019", ["5.要求行政机关确认或重新出具已获取信息", "（七）总计"]),
    ],
)
def test_values_printed_above_their_labels(version, labels):
    want = consistent_report(21, version)
    got = _read(_values_above(lines_by_height(want, _Whole()), labels))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_page_s_menu_with_pipes_does_not_make_the_text_markdown():
    want = consistent_report(22, "2021")
    text = lines_by_height(want, random.Random(4))
    nav = "首页 | 政务公开 | 政府信息公开年报\n-- | --\n"
    foot = "\n主办单位：示范县人民政府 | 网站标识码 1234 | ICP备案号\n"
    got = _read(text.replace("一、总体情况", nav + "一、总体情况", 1) + foot)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_label_holding_two_numbered_rows_is_read_as_neither():
    """Text out of order glued 1.本机关不掌握… and 2.没有现成… before one row of values (PyMuPDF's
    sorted text put a group label's pieces and a page number between them): neither row takes the
    values; both are named as missing."""
    want = consistent_report(23, "2021")
    text = lines_by_height(want, _Whole())
    one = next(ln for ln in text.split("\n") if ln.startswith("1.本机关不掌握相关政府信息 "))
    two = next(ln for ln in text.split("\n") if ln.startswith("2.没有现成信息需要另行制作 "))
    glued = one + " （四）无\n- 4 - 法提供 " + two
    got = _read(text.replace(one + "\n" + two, glued, 1))
    named = {c for f in got.findings for c in f.cells}
    for k, v in want.cells.items():
        assert got.cells[k] in (None, v), k
        assert got.cells[k] is not None or k in named, k
    assert got.cells["requests.unavailable.not_held.total"] is None


@pytest.mark.parametrize("stray", ["3", "12", "1 2", "0"])
@pytest.mark.parametrize("after", ["4.保护第三方合法权益", "1.信访举报投诉类申请", "（七）总计"])
def test_values_under_their_labels_with_a_stray_number_between(stray, after):
    """Each label on a line, its values on the line under it; a page number or a stray value after
    one row's values is no row's values and takes no label (every label after took the values of
    the row before it)."""
    want = consistent_report(25, "2021")
    lines = []
    for line in lines_by_height(want, _Whole()).split("\n"):
        label, _, values = line.partition(" ")
        if (
            values
            and values.replace(" ", "").isdigit()
            and len(values.split()) == 7
            and label[:1] in "一二（1234567890"
        ):
            lines += [label, values]
            if label == after:
                lines.append(stray)
        else:
            lines.append(line)
    got = _read("\n".join(lines))
    assert {k: got.cells[k] for k in want.cells} == want.cells


@pytest.mark.parametrize("shape", ["markdown", "tab"])
def test_another_row_s_label_lines_before_a_row_printed_whole(shape):
    """A two-column page turned into text: another row's label lines stand before a row printed
    whole. The row keeps its own label (it was matched to no row, and its values lost)."""
    from gongkai.samples.shapes import markdown, tab_text

    want = consistent_report(26, "2021")
    text = markdown(want) if shape == "markdown" else tab_text(want)
    row = next(ln for ln in text.split("\n") if "3.补正后申请内容仍不明确" in ln)
    got = read_bytes(
        text.replace(row, "5.要求行政机关确认或重新出具\n已获取信息\n" + row, 1).encode(),
        "r.md" if shape == "markdown" else "r.txt",
    )
    ids = [k for k in want.cells if k.startswith("requests.unavailable.still_unclear.")]
    assert {k: got.cells[k] for k in ids} == {k: want.cells[k] for k in ids}


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_every_row_printed_with_its_values_above_its_label(version):
    """One layout for the whole table: every row's values above its label, group labels on lines
    of their own (which own no values). Each row keeps its own values (it was all blank)."""
    want = consistent_report(28, version)
    text = lines_by_height(want, _Whole())
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    out = lines[:start]
    for line in lines[start:end]:
        parts = line.split(" ")
        numbers = [p for p in parts if p.isdigit()]
        if len(numbers) == 7:
            head = [p for p in parts if not p.isdigit()]
            out += [*head[:-1], " ".join(numbers), head[-1]]  # group labels, values, the row's label
        else:
            out.append(line)
    got = _read("\n".join(out + lines[end:]))
    assert {k: got.cells[k] for k in want.cells} == want.cells


@pytest.mark.parametrize("stray", ["", "度 ", "果 "])
def test_values_beside_a_group_label_with_a_vertical_label_s_character_before_it(stray):
    """（四）无法提供 beside the values of the row below it, whose label stands alone on the next line;
    a character of the vertical 三、本年度办理结果 may stand before the group label. Either way the
    values are that row's, read by position with a finding (they were left unread when a character
    stood before the label)."""
    want = consistent_report(12, "2021")
    mine = " ".join(str(want.cells[f"requests.unavailable.not_held.{c}"]) for c in _COLUMNS)
    text = _whole_text(want)
    line = f"1.本机关不掌握相关政府信息 {mine}\n"
    assert f"（四）无法提供\n{line}" in text
    beside = f"{stray}（四）无法提供 {mine}\n1.本机关不掌握相关政府信息\n"
    got = _read(text.replace(f"（四）无法提供\n{line}", beside))
    assert {k: got.cells[k] for k in want.cells} == want.cells
    said = [f.message for f in got.findings]
    row = "1.本机关不掌握相关政府信息"
    assert said == [f"第三部分：一行数值印在“{stray}（四）无法提供”旁，按前后行的位置读作“{row}”"]
