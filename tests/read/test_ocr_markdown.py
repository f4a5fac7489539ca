"""Markdown made from PDFs by OCR/LLM converters: narrative first and tables 表一–表三 after, section 三
in small tables under generic headers, header fragments, a label broken over cells, a value row
without its label, placeholder tables of `-`, page numbers, table 四 in three pieces, notes in cells."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.read import read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import markdown, ocr_markdown


def _read(text: str):
    return read_bytes(text.encode(), "ocr.md")


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("seed", [1, 44])
def test_every_cell_and_the_narrative(version, seed):
    want = consistent_report(seed, version)
    text = ocr_markdown(want)
    assert "| 数据1 |" in text and "— 1 —" in text and "（含自然失效 12 件）" in text
    got = _read(text)
    assert (str(got.format), got.body, got.year) == (version, want.body, want.year)
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert all(got.sections[n] == want.sections[n] for n in (1, 5, 6))
    inferred = [f.message for f in got.findings if f.rule == "read.row_inferred"]
    assert inferred == ["第三部分：一行数值没有标签，按前后行的位置读作“2.重复申请”"]


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), cut=st.integers(0, 10**6))
@settings(max_examples=25, deadline=None)
def test_any_cut_of_section_three_into_small_tables(seed, version, cut):
    want = consistent_report(seed, version)
    got = _read(ocr_markdown(want, random.Random(cut)))
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert got.sections[6] == want.sections[6]


def test_a_placeholder_table_alone_is_no_row():
    want = consistent_report(8, "2021")
    got = _read(ocr_markdown(want))
    assert not [f for f in got.findings if f.rule == "read.row_unrecognised"]


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_labels_broken_across_lines(version):
    """`（三）不` / `予公开` on two lines, and a row label broken before its values."""
    from gongkai.samples.shapes import markdown

    want = consistent_report(5, version)
    text = markdown(want)
    broken = text.replace("| （三）不予公开 |", "| （三）不 |  |  |  |  |  |  |  |  |  |\n| 予公开 |", 1)
    broken = broken.replace("| 2.没有现成信息需要另行制作 |", "| 2.没有现成信息需要 |\n| 另行制作 |", 1)
    assert broken.count("\n") == text.count("\n") + 2
    got = _read(broken)
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert not got.findings


def test_two_value_rows_without_labels_take_the_rows_missing_there():
    """2019: the labels of （六）其他处理 and （七）总计 lost; the two value rows are the two format
    rows missing between their neighbours."""
    from gongkai.samples.shapes import markdown

    want = consistent_report(7, "2019")
    lines = []
    for line in markdown(want).split("\n"):
        if "（六）其他处理" in line or "（七）总计" in line:
            cells = line.split("|")
            line = "|".join(" " if ("其他处理" in c or "总计" in c) else c for c in cells)
        lines.append(line)
    got = _read("\n".join(lines))
    assert {k: got.cells[k] for k in want.cells} == want.cells
    assert [f.message for f in got.findings] == [
        "第三部分：一行数值没有标签，按前后行的位置读作“（六）其他处理”",
        "第三部分：一行数值没有标签，按前后行的位置读作“（七）总计”",
    ]


def _bold_numbers(text: str) -> str:
    return re.sub(r"\| (\d+(?:\.\d+)?) ", r"| **\1** ", text)


def _without_outer_pipes(text: str) -> str:
    return "\n".join(ln.strip().strip("|") if ln.strip().startswith("|") else ln for ln in text.split("\n"))


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("seed", [3, 4])
@pytest.mark.parametrize("change", [_bold_numbers, _without_outer_pipes])
@pytest.mark.parametrize("make", [markdown, ocr_markdown])
def test_converter_markdown_variants(version, seed, change, make):
    """Values in bold (**12**), and tables without the outer pipes (a | b | c), which markdown
    allows: every cell read (they read almost nothing, with wrong numbers, before)."""
    want = consistent_report(seed, version)
    got = read_bytes(change(make(want)).encode(), "r.md")
    assert {k: got.cells[k] for k in want.cells} == want.cells


@given(seed=st.integers(1, 10**6), version=st.sampled_from(["2021", "2019"]), pick=st.randoms())
@settings(max_examples=25, deadline=None)
def test_a_short_markdown_page_with_few_table_rows(seed, version, pick):
    """A summary or a cut-short page: ten table rows or fewer, each still read (they read nothing:
    a page needed more than ten pipe rows to count as markdown). Its rule line marks it."""
    want = consistent_report(seed, version)
    lines = markdown(want).split("\n")
    rows = [i for i, ln in enumerate(lines) if ln.startswith("|") and "---" not in ln]
    kept = set(pick.sample(rows, pick.randint(2, 8)))
    short = "\n".join(ln for i, ln in enumerate(lines) if i not in rows or i in kept)
    got = _read(short)
    assert all(got.cells[k] in (None, v) for k, v in want.cells.items())
    printed = sum(len(re.findall(r"\| -?\d+(?:\.\d+)? ", lines[i] + " ")) for i in kept)
    assert sum(v is not None for v in got.cells.values()) >= printed


@pytest.mark.parametrize(
    ("version", "label"),
    [
        ("2021", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("2021", "2.没有现成信息需要另行制作"),
        ("2019", "2.没有现成信息需要另行制作"),
    ],
)
def test_a_label_wrapped_over_two_table_rows(version, label):
    """PyMuPDF's markdown (pymupdf4llm) puts a wrapped cell's first line in a row of its own with
    blank value cells: `|1、申请人无正当理由逾期不补||||…|` then `|正、行政机关…申请|67|3|…|`. One
    row, not a blank row and a row with no label (it read blank before)."""
    want = consistent_report(6, version)
    lines = markdown(want).split("\n")
    i = next(i for i, ln in enumerate(lines) if f"| {label} |" in ln)
    cells = lines[i].split(" | ")
    k = next(j for j, c in enumerate(cells) if c == label)
    cut = len(label) // 2
    head = [*cells[:k], label[:cut], *[""] * (len(cells) - k - 1)]
    tail = ["|  ", *[""] * (k - 1), label[cut:], *cells[k + 1 :]]
    lines[i : i + 1] = [" | ".join(head) + " |", " | ".join(tail)]
    got = _read("\n".join(lines))
    assert {k: got.cells[k] for k in want.cells} == want.cells
