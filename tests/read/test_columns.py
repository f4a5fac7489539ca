"""Text a PDF's extractor gives column by column (pdfminer, and so markitdown): on each page, section
三's row labels first, then every value of the first column down the rows, then the next column.
Only 总计 can be told by the sums; the other cells are read only where a row's are all the same, and
stay blank with a finding elsewhere, never a window of another row's values (wrong numbers, before)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.read import read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import labels_then_columns, table_rows


def _read(text: str):
    return read_bytes(text.encode(), "markitdown.txt")


def _totals(want) -> dict[str, object]:
    return {k: v for k, v in want.cells.items() if k.startswith("requests.") and k.endswith(".total")}


def _check_partial(want, got) -> None:
    """总计 read in every row; the other cells right where read, and blank only with a finding."""
    named = {c for f in got.findings for c in f.cells}
    assert {k: got.cells[k] for k in _totals(want)} == _totals(want)
    for k, v in want.cells.items():
        assert got.cells[k] in (None, v), k
        assert got.cells[k] is not None or k in named, k


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), pages=st.integers(1, 3))
@settings(max_examples=30, deadline=None)
def test_section_three_printed_column_by_column(seed, version, pages):
    """The sums find 总计 wherever it stands; which other column is which, the text does not say."""
    want = consistent_report(seed, version)
    got = _read(labels_then_columns(want, pages))
    _check_partial(want, got)
    unsure = [f for f in got.findings if f.rule == "read.columns_unsure"]
    assert unsure and all("只读取总计列" in f.message for f in unsure)
    assert {k: got.cells[k] for k in want.cells if not k.startswith("requests.")} == {
        k: v for k, v in want.cells.items() if not k.startswith("requests.")
    }


def test_a_table_of_zeros_printed_column_by_column_reads_whole():
    want = consistent_report(4, "2021")
    for k in want.cells:
        if k.startswith("requests."):
            want.cells[k] = 0
    got = _read(labels_then_columns(want, 2))
    assert {k: got.cells[k] for k in want.cells} == want.cells


def _values_of_first_page(want) -> list[str]:
    rows = [r for r in table_rows(want, 3) if any(c.isdigit() for c in r)]
    return [[c for c in r if c.isdigit()] for r in rows]


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("swap", [(5, 6), (1, 2), (0, 3)])
def test_columns_in_another_order_give_no_wrong_number(version, swap):
    """总计 printed before 其他, or two other columns swapped: no cell gets another column's value."""
    want = consistent_report(12, version)
    text = labels_then_columns(want)
    values = _values_of_first_page(want)
    a, b = ("\n".join(v[j] for v in values) + "\n" for j in swap)
    assert a + b in text or b + a in text or (a in text and b in text)
    swapped = text.replace(a, "\0", 1).replace(b, a, 1).replace("\0", b, 1)
    got = _read(swapped)
    _check_partial(want, got)


def test_a_row_holding_several_rows_values_takes_none_of_them():
    """A label lost from the block: the values are no longer rows × columns. The one row they stand
    after gets none of them (a window of them was read before, whatever the sums let through)."""
    want = consistent_report(13, "2021")
    text = labels_then_columns(want).replace("2.重复申请\n", "", 1)
    got = _read(text)
    assert all(got.cells[k] in (None, v) for k, v in want.cells.items())
    assert any(f.rule == "read.value_count" and "几行的数值" in f.message for f in got.findings)


def test_section_four_in_runs_between_header_words_is_blank_when_its_sums_fail():
    """Plain pdftotext: section 四's values in runs of 4, 4, 1, 5, 1 with header words between.
    Read in that order its sums fail: blank with a finding, not 15 numbers in the wrong cells."""
    want = consistent_report(14, "2021")
    v = [str(want.cells[k]) for k in want.cells if k.startswith("appeals.")]
    scrambled = (
        f"{' '.join(v[0:4])}\n结果 结果 其他\n{' '.join(v[10:14])}\n总计\n{v[4]}\n维持 纠正 结果 审结\n"
        f"{' '.join(v[5:10])}\n总计\n{v[14]}\n"
    )
    text = labels_then_columns(want)
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    got = _read(text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n" + scrambled + text[end:])
    appeals = [k for k in want.cells if k.startswith("appeals.")]
    assert all(got.cells[k] is None for k in appeals)
    assert any("交错" in f.message and set(appeals) <= set(f.cells) for f in got.findings)


def _with_section_four(want, block: str) -> str:
    from gongkai.samples.shapes import tab_text

    text = tab_text(want)
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    return text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n" + block + text[end:]


def test_section_four_a_row_per_group_with_an_empty_cell_is_read():
    want = consistent_report(15, "2021")
    want.cells["appeals.reconsideration.pending"] = None
    v = [
        ("" if want.cells[k] is None else str(want.cells[k])) for k in want.cells if k.startswith("appeals.")
    ]
    block = "\n".join(
        f"{name}\t" + "\t".join(v[i : i + 5])
        for i, name in ((0, "行政复议"), (5, "未经复议直接起诉"), (10, "复议后起诉"))
    )
    got = _read(_with_section_four(want, block + "\n"))
    assert {k: got.cells[k] for k in want.cells if k.startswith("appeals.")} == {
        k: v for k, v in want.cells.items() if k.startswith("appeals.")
    }


def test_section_four_wrapped_with_its_own_failing_sum_is_read_as_printed():
    want = consistent_report(16, "2021")
    want.cells["appeals.reconsideration.total"] += 1  # the report's own slip
    v = [str(want.cells[k]) for k in want.cells if k.startswith("appeals.")]
    got = _read(_with_section_four(want, " ".join(v[:12]) + "\n" + " ".join(v[12:]) + "\n"))
    assert {k: got.cells[k] for k in want.cells if k.startswith("appeals.")} == {
        k: v for k, v in want.cells.items() if k.startswith("appeals.")
    }
