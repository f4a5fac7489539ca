"""The real reports in ../shared: the seeds and PDFs of one year summed, checked cell for cell against
the sum computed here from each file read on its own."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal

import pytest
from tests.conftest import SHARED, shared_or_skip
from typer.testing import CliRunner

from gongkai.aggregate import AggregateError, aggregate
from gongkai.cli import app
from gongkai.read import read_path


def _real_files():
    return sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/pdf/*.pdf"))


@pytest.fixture(scope="module")
def by_year():
    shared_or_skip()
    years = defaultdict(list)
    for path in _real_files():
        report = read_path(path)
        years[report.year].append((path, report))
    return years


def _expected(reports, cell_id):
    values = [r.cells[cell_id] for r in reports]
    if None in values:
        return None
    return sum((Decimal(str(v)) for v in values), Decimal(0))


def _same(got, want) -> bool:
    return got is None if want is None else Decimal(str(got)) == want


def test_each_year_of_real_reports_sums_cell_for_cell(by_year):
    groups = {year: [r for _, r in items] for year, items in by_year.items() if len(items) > 1}
    assert set(groups) == {2023, 2024}, "seeds and PDFs of 2023 (3) and 2024 (4) are expected in ../shared"
    for year, reports in groups.items():
        summary = aggregate(reports, "真实样本")
        assert summary.report.year == year and len(summary.bodies) == len(reports)
        wrong = {
            i: (v, _expected(reports, i))
            for i, v in summary.report.cells.items()
            if not _same(v, _expected(reports, i))
        }
        assert not wrong, year
        assert any(v for v in summary.report.cells.values()), "a sum of real reports that is all zeros"


def test_real_blanks_stay_blank_with_the_body_named(by_year):
    reports = [r for _, r in by_year[2024]]
    hongze = next(r for r in reports if r.body and "洪泽" in r.body)
    blank = {i for i, v in hongze.cells.items() if v is None}
    assert blank, "hongze-2024.pdf prints the old single （六）其他处理 row: the 2021 sub-rows are blank"
    summary = aggregate(reports)
    assert {i for i, who in summary.blanks.items() if hongze.body in who} == blank
    assert all(summary.report.cells[i] is None for i in blank)
    assert any(hongze.body in f.message for f in summary.report.findings if f.rule == "aggregate.blank")


def test_real_reports_of_different_years_are_refused(by_year):
    everything = [r for items in by_year.values() for _, r in items]
    with pytest.raises(AggregateError) as e:
        aggregate(everything)
    assert e.value.code == "aggregate.mixed" and "2024年度" in str(e.value)


def test_the_command_over_real_files_gives_the_same_sums(by_year):
    paths, reports = zip(*by_year[2024], strict=True)
    result = CliRunner().invoke(app, ["aggregate", *map(str, paths), "--name", "真实样本", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["year"], data["format"], data["body"]) == (2024, "2021", "真实样本")
    assert [b["source"] for b in data["bodies"]] == [str(p) for p in paths]
    wrong = {i: v for i, v in data["cells"].items() if not _same(v, _expected(reports, i))}
    assert not wrong
