"""Properties over random consistent reports (hypothesis): the sum of consistent reports is consistent,
every cell is the inputs' sum or blank exactly where an input is, and summing is order-free and
hierarchical (a region summed from its districts' summaries equals the region summed from its bodies)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.aggregate.conftest import NAMES, expected_sum
from tests.write.strategies import consistent_cells, years

from gongkai.aggregate import aggregate
from gongkai.check import check
from gongkai.format.spec import Version, get
from gongkai.model import Report

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def regions(draw, blanks: bool = False) -> list[Report]:
    """2–4 consistent reports of one year and format; with `blanks`, some cells left blank."""
    version = draw(st.sampled_from(list(Version)))
    year = draw(years(version))
    n = draw(st.integers(2, len(NAMES)))
    ids = get(version).ids
    out = []
    for name in NAMES[:n]:
        cells = consistent_cells(version, lambda lo, hi: draw(st.integers(lo, hi)))
        if blanks:
            for cell_id in draw(st.lists(st.sampled_from(ids), max_size=10, unique=True)):
                cells[cell_id] = None
        out.append(Report(format=version, body=name, year=year, cells=cells))
    return out


def _consistency(report: Report) -> list:
    return [f for f in check(report) if f.rule.startswith(("sum.", "value."))]


@SETTINGS
@given(regions())
def test_the_sum_of_consistent_reports_is_consistent(bodies):
    assert all(_consistency(b) == [] for b in bodies)
    summary = aggregate(bodies)
    assert _consistency(summary.report) == []
    assert summary.report.findings == []
    for cell_id, value in summary.report.cells.items():
        assert value == expected_sum(bodies, cell_id) and value is not None


@SETTINGS
@given(regions(blanks=True))
def test_blanks_stay_blank_and_every_blank_is_accounted_for(bodies):
    summary = aggregate(bodies)
    regional = summary.report
    assert _consistency(regional) == []  # a sum touching a blank is not checked, never wrong
    for cell_id, value in regional.cells.items():
        who = tuple(b.body for b in bodies if b.cells[cell_id] is None)
        assert summary.blanks.get(cell_id, ()) == who
        assert value == expected_sum(bodies, cell_id)
    reported = {c for f in regional.findings if f.rule.startswith("aggregate.") for c in f.cells}
    assert reported == set(summary.blanks)
    for f in regional.findings:
        named = {b.body for b in bodies if b.body in f.message}
        assert named == {n for c in f.cells for n in summary.blanks[c]}, f.message


@SETTINGS
@given(regions(blanks=True), st.randoms(use_true_random=False))
def test_order_free_and_hierarchical(bodies, rng):
    whole = aggregate(bodies).report.cells
    shuffled = list(bodies)
    rng.shuffle(shuffled)
    assert aggregate(shuffled).report.cells == whole
    cut = rng.randint(1, len(bodies) - 1)
    parts = [aggregate(bodies[:cut], "甲片").report, aggregate(bodies[cut:], "乙片").report]
    assert aggregate(parts).report.cells == whole
