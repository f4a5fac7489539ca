"""The five seeds and the three real PDFs read to exactly their gold values (ambiguous cells aside)."""

from __future__ import annotations

import json
import random
from decimal import Decimal

import pytest
from tests.conftest import SHARED, gold_cases, shared_or_skip

from gongkai.format import get
from gongkai.read import read_bytes, read_document, read_path
from gongkai.samples.shapes import flatten_lines

CASES = gold_cases("gold") + gold_cases("corpus", "gold")


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))


def test_real_reports_are_there():
    shared_or_skip()
    assert len(CASES) == 8, f"{SHARED} 中应有 5 份样本和 3 份 PDF 的标准答案"


@pytest.mark.parametrize(("report", "gold"), CASES, ids=[c[0].name for c in CASES])
def test_real_report_matches_gold(report, gold):
    want = json.loads(gold.read_text())
    got = read_path(report)
    assert str(got.format) == want["format"]
    assert got.year == want["year"]
    if want["body"]:
        assert got.body and (want["body"] in got.body or got.body in want["body"])
    else:
        assert got.body is None
    ambiguous = set(want.get("ambiguous", []))
    assert set(got.cells) == set(get(want["format"]).ids)
    wrong = {
        k: (got.cells[k], v)
        for k, v in want["cells"].items()
        if k not in ambiguous and not _same(got.cells[k], v)
    }
    assert not wrong


def test_ambiguous_total_row_is_blank_with_a_finding():
    """Seed 004: （七）总计 prints a blank and six zeros; which cell is blank cannot be known."""
    shared_or_skip()
    got = read_path(SHARED / "seeds" / "004_8e1cec99f3edcbb8.txt")
    assert got.cells["requests.total.natural_person"] is None
    assert got.cells["requests.total.total"] is None
    assert got.cells["requests.total.commercial"] == 0
    ambiguous = [f for f in got.findings if f.rule == "read.ambiguous"]
    assert ambiguous and set(ambiguous[0].cells) == {"requests.total.natural_person", "requests.total.total"}


def test_ten_values_where_seven_belong_is_reported():
    shared_or_skip()
    got = read_path(SHARED / "seeds" / "003_8eeef03c195206a0.txt")
    counted = [f for f in got.findings if f.rule == "read.value_count"]
    assert {f.cells[0].rsplit(".", 1)[0] for f in counted} == {
        "requests.other.other",
        "requests.total",
        "requests.carried_forward",
    }


def test_2021_report_printing_the_old_single_other_row_is_an_error():
    """hongze: one （六）其他处理 row in a 2021 report; the two missing sub-rows are blank and reported."""
    shared_or_skip()
    got = read_path(SHARED / "corpus" / "pdf" / "hongze-2024.pdf")
    missing = {f.cells[0] for f in got.findings if f.rule == "read.row_missing"}
    assert missing == {
        "requests.other.no_correction.natural_person",
        "requests.other.fee_unpaid.natural_person",
    }
    assert got.cells["requests.other.fee_unpaid.total"] is None


@pytest.mark.parametrize(("report", "gold"), CASES, ids=[c[0].name for c in CASES])
def test_real_report_flattened_by_a_crawler(report, gold):
    """Each real report's own lines run together on one line, as archive crawlers store pages, with
    and without metadata, with stray spaces: body, year and format right, no number other than the
    report's own, every blank named by a finding. (How many cells are read is measured by
    benchmarks/real_shapes.py; the ambiguous runs of a real report stay blank.)"""
    want = json.loads(gold.read_text())
    lines = [line.real_cells for line in read_document(report.read_bytes()).lines]
    title = read_path(report).title
    for noise, metadata in [(None, True), (1, False), (2, True)]:
        text = flatten_lines(lines, title, None if noise is None else random.Random(noise), metadata)
        got = read_bytes(text.encode(), "flat.txt")
        assert (str(got.format), got.year, got.body) == (want["format"], want["year"], want["body"])
        named = {c for f in got.findings for c in f.cells}
        for cell, value in want["cells"].items():
            assert got.cells[cell] is None or _same(got.cells[cell], value), (cell, noise)
            assert got.cells[cell] is not None or value is None or cell in named, (cell, noise)
