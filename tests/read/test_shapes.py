"""Every shape the project ships, both formats, distinct non-zero values: read back cell for cell."""

from __future__ import annotations

import pytest

from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report
from gongkai.samples.shapes import cells_per_line, one_cell_per_line

SEEDS = (11, 23, 37)
# What the damaged shapes must say about themselves (and nothing else).
ALLOWED = {
    "run-together": {"read.value_count"},
    "flattened": {"read.value_count"},
    "ocr-markdown": {"read.row_inferred"},
    "lines-by-height": {"read.row_inferred"},
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("seed", SEEDS)
def test_shape_reads_back_exactly(shape, version, seed):
    report = consistent_report(seed, version)
    filename, make = SHAPES[shape]
    got = read_bytes(make(report), filename)
    assert (str(got.format), got.body, got.year) == (version, report.body, report.year)
    wrong = {k: (got.cells.get(k), v) for k, v in report.cells.items() if got.cells.get(k) != v}
    assert not wrong
    allowed = ALLOWED.get(shape, set())
    assert {f.rule for f in got.findings} <= allowed
    assert got.sections[1] == report.sections[1]


def test_samples_have_distinct_non_zero_values():
    report = consistent_report(5, "2021")
    free = [v for k, v in report.cells.items() if not k.endswith(".total") and k.startswith("requests.")]
    assert None not in report.cells.values() and 0 not in report.cells.values()
    assert len(set(free)) > 0.9 * len(free)


@pytest.mark.parametrize("shape", ["pipe-traditional", "markdown", "tab", "html"])
def test_blank_rows_keep_the_next_row_s_values_apart(shape):
    """Two rows printed with every cell blank, above a row with values (a real PDF's 其他处理, found by
    converting it): each blank row stays blank; the values stay with their own row. In the
    one-cell-per-line shape, a label, blank cells and another label had read as one label."""
    want = consistent_report(71, "2021")
    rows = ("requests.other.no_correction.", "requests.other.fee_unpaid.")
    for k in [k for k in want.cells if k.startswith(rows)]:
        want.cells[k] = None
    filename, make = SHAPES[shape]
    got = read_bytes(make(want), filename)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_wrapped_label_with_blank_cells_between_its_parts_keeps_its_values():
    """One cell per line, a label wrapped over two rows of a PDF table: its unnumbered tail after
    blank cells still joins it (only a label that starts a row, 2.…, makes the one before blank)."""
    want = consistent_report(71, "2021")
    text = one_cell_per_line(want)
    label = "一、本年新收政府信息公开申请数量 |\n"
    assert label in text
    wrapped = text.replace(label, "一、本年新收政府信息 |\n|||||||\n公开申请数量 |\n", 1)
    got = read_bytes(wrapped.encode(), "cells.txt")
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_a_row_whose_value_stands_before_its_label_gives_its_values_to_no_other_row():
    """Text in a PDF's column order (plain `pdftotext`): 行政许可's value printed above its label,
    under the column header. 行政处罚 keeps its own value (it had gone to 行政许可), and the value
    beside the header, which holds none, is the one row missing there, with a finding."""
    want = consistent_report(75, "2021")
    text = cells_per_line(want)
    licensing = str(want.cells["active.licensing.decisions"])
    block = f"本年处理决定数量\n行政许可\n{licensing}\n"
    assert block in text
    moved = text.replace(block, f"本年处理决定数量\n{licensing}\n行政许可\n", 1)
    got = read_bytes(moved.encode(), "cells.txt")
    assert {k: got.cells[k] for k in want.cells} == want.cells
    inferred = [f.message for f in got.findings if f.rule == "read.row_inferred"]
    assert len(inferred) == 1 and inferred[0].endswith("按前后行的位置读作“行政许可”")
