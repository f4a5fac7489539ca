"""Text a PDF's extractor gives column by column (pdfminer, and so markitdown): on each page, section
三's row labels first, then every value of the first column down the rows, then the next column.
Rows are rebuilt only where the rows' own sums prove the order; elsewhere the cells stay blank with
a finding, never a window of another row's values (wrong numbers, before)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.read import read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import labels_then_columns, table_rows


def _read(text: str):
    return read_bytes(text.encode(), "markitdown.txt")


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), pages=st.integers(1, 3))
@settings(max_examples=30, deadline=None)
def test_section_three_printed_column_by_column(seed, version, pages):
    want = consistent_report(seed, version)
    got = _read(labels_then_columns(want, pages))
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert not got.findings


def _values_of_first_page(want) -> list[str]:
    rows = [r for r in table_rows(want, 3) if any(c.isdigit() for c in r)]
    return [[c for c in r if c.isdigit()] for r in rows]


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_columns_in_another_order_are_not_guessed(version):
    """The total column printed before 其他 (pdfminer orders text boxes its own way): the sums no
    longer prove the order, so section 三 stays blank, named, with no number in a wrong cell."""
    want = consistent_report(12, version)
    text = labels_then_columns(want)
    values = _values_of_first_page(want)
    other = "\n".join(v[5] for v in values)
    total = "\n".join(v[6] for v in values)
    block = other + "\n" + total + "\n"
    assert block in text
    got = _read(text.replace(block, total + "\n" + other + "\n", 1))
    requests = [k for k in want.cells if k.startswith("requests.")]
    assert all(got.cells[k] is None for k in requests)
    named = {c for f in got.findings for c in f.cells}
    assert set(requests) <= named
    assert {k: got.cells[k] for k in want.cells if k not in requests} == {
        k: v for k, v in want.cells.items() if k not in requests
    }


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
