"""Every shape the project ships, both formats, distinct non-zero values: read back cell for cell."""

from __future__ import annotations

import pytest

from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report

SEEDS = (11, 23, 37)
# What the damaged shapes must say about themselves (and nothing else).
ALLOWED = {
    "run-together": {"read.value_count"},
    "flattened": {"read.value_count"},
    "ocr-markdown": {"read.row_inferred"},
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
