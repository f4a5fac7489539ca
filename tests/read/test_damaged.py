"""Damaged files: a value broken in two inside a cell, a file cut off in a table. A changed value is
never silent — either blank or named by a finding."""

from __future__ import annotations

import re

import pytest

from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report

CELL = "active.penalties.decisions"
SEEDS = [3, 11, 27]


def named(report, cell: str) -> set[str]:
    return {f.rule for f in report.findings if cell in f.cells}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", ["tab", "html", "html-word"])
def test_a_value_split_in_its_cell_is_blank_and_named(shape, seed):
    report = consistent_report(seed)
    value = str(report.cells[CELL])
    assert len(value) >= 2
    name, write = SHAPES[shape]
    text = write(report).decode()
    # the value after its label, its digits possibly split across Word's spans: a break before the last
    digits = "(?:<[^>]+>)*".join(re.escape(d) for d in value)
    m = re.compile(digits).search(text, text.index("处罚"))
    broken = text[: m.end() - 1] + "\x0b" + text[m.end() - 1 :]
    got = read_bytes(broken.encode(), name)
    assert got.cells[CELL] is None
    assert {"read.ambiguous", "read.value_count"} <= named(got, CELL)
    others = {k: v for k, v in got.cells.items() if k != CELL}
    assert others == {k: v for k, v in report.cells.items() if k != CELL}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_cut_off_in_section_two_gives_section_four_nothing(seed):
    report = consistent_report(seed)
    name, write = SHAPES["tab"]
    text = write(report).decode()
    cut = text[: text.index("行政强制")]  # section 二 up to the 行政处罚 row, nothing after
    got = read_bytes(cut.encode(), name)
    appeals = {k: v for k, v in got.cells.items() if k.startswith("appeals.")}
    assert appeals and all(v is None for v in appeals.values())
    assert got.cells[CELL] == report.cells[CELL]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", ["tab", "html"])
def test_a_file_cut_off_inside_a_row_names_that_row(shape, seed):
    report = consistent_report(seed)
    value = str(report.cells[CELL])
    name, write = SHAPES[shape]
    text = write(report).decode()
    pos = text.index(value, text.index("处罚"))
    cut = text[: pos + len(value) - 1]  # the last digit lost
    got = read_bytes(cut.encode(), name)
    assert got.cells[CELL] == int(value[:-1])  # what the file holds, and a finding says it may be cut
    assert "read.truncated" in named(got, CELL)


def test_a_complete_report_is_not_called_truncated():
    for seed in SEEDS:
        for shape in ("tab", "html", "markdown"):
            name, write = SHAPES[shape]
            got = read_bytes(write(consistent_report(seed)), name)
            assert "read.truncated" not in {f.rule for f in got.findings}
