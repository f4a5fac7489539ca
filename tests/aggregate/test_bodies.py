"""Each body's findings in the summary: reader findings kept, every check run once, cross-year rules
against the same body's previous report when given."""

from __future__ import annotations

from tests.aggregate.conftest import region

from gongkai.aggregate import aggregate, body_findings
from gongkai.check import check
from gongkai.format.spec import get
from gongkai.model import Report
from gongkai.model.finding import warning

REQUESTS = get("2021").table("requests")


def _previous_of(report: Report, body: str | None = None) -> Report:
    """Last year's report of the same body whose 结转下年度 is exactly this year's 上年结转."""
    before = Report.blank("2021", body=body or report.body, year=report.year - 1)
    for column in REQUESTS.columns:
        carried = REQUESTS.cell_id("carried_forward", column)
        before.cells[carried] = report.cells[REQUESTS.cell_id("brought_forward", column)]
    return before


def _rules(findings) -> list[str]:
    return [f.rule for f in findings]


def test_each_body_gets_its_own_check_findings_once():
    bodies = region(3)
    bodies[0].cells["appeals.reconsideration.total"] += 2
    bodies[0].findings.append(warning("read.row_missing", "某行未读到"))
    bodies[2].findings.extend(check(bodies[2]))  # as `gongkai parse --json` gives it: checked already
    bodies[2].sections.pop(5)
    summary = aggregate(bodies)
    first, second, third = summary.bodies
    assert _rules(first.findings) == ["read.row_missing", "sum.appeals"]
    assert first.errors == 1 and first.blank_cells == 0
    assert second.findings == ()
    assert _rules(third.findings) == ["section.missing"]
    assert body_findings(bodies[0]) == first.findings


def test_carry_over_against_the_previous_report_of_the_same_body():
    bodies = region(3)
    good, bad = _previous_of(bodies[0]), _previous_of(bodies[1])
    column = REQUESTS.columns[2]
    bad.cells[REQUESTS.cell_id("carried_forward", column)] += 4
    stranger = _previous_of(bodies[2], body="另一个县的机关")
    stranger.cells[REQUESTS.cell_id("carried_forward", column)] += 9
    summary = aggregate(bodies, previous=[good, bad, stranger])
    first, second, third = summary.bodies
    assert first.findings == () and third.findings == ()
    [carry] = second.findings
    assert carry.rule == "cross.carry_over"
    assert "2023年上年结转" in carry.message and "2022年报告的结转下年度" in carry.message
    assert carry.cells == (
        REQUESTS.cell_id("brought_forward", column),
        REQUESTS.cell_id("carried_forward", column),
    )
    assert body_findings(bodies[1], [bad]) == second.findings
    # A previous report only informs the bodies' findings: the regional sum and its findings are unchanged.
    assert summary.report.findings == [] and summary.report.cells == aggregate(bodies).report.cells


def test_a_previous_report_of_another_year_is_not_compared():
    bodies = region(2)
    old = _previous_of(bodies[0])
    old.year -= 1
    old.cells[REQUESTS.cell_id("carried_forward", "total")] += 1
    assert aggregate(bodies, previous=[old]).bodies[0].findings == ()
