"""Rules 1–4: break one cell of a consistent report and exactly the sums through it fire."""

from __future__ import annotations

import pytest

from gongkai.check import check
from gongkai.format.spec import OUTCOME_ROWS, Version, get

SUM_RULES = {"sum.balance", "sum.outcomes", "sum.applicants", "sum.appeals"}
BALANCE_ROWS = {"received", "brought_forward", "total", "carried_forward"}


def _sum_findings(report):
    return sorted(((f.rule, f.cells) for f in check(report) if f.rule in SUM_RULES), key=str)


def _expected(version: str, row: str, column: str) -> list[tuple[str, tuple[str, ...]]]:
    """The sums a change of requests.<row>.<column> breaks, with the cells each one compares."""
    req = get(version).table("requests")
    applicants = tuple(req.cell_id(row, c) for c in req.columns if c.key != "total")
    out = [("sum.applicants", (*applicants, req.cell_id(row, "total")))]
    if row in BALANCE_ROWS:
        ids = tuple(
            req.cell_id(r, column) for r in ("received", "brought_forward", "total", "carried_forward")
        )
        out.append(("sum.balance", ids))
    if row == "total" or row in OUTCOME_ROWS[Version(version)]:
        parts = tuple(req.cell_id(r, column) for r in OUTCOME_ROWS[Version(version)])
        out.append(("sum.outcomes", (req.cell_id("total", column), *parts)))
    return sorted(out, key=str)


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_each_section_three_cell_breaks_exactly_its_sums(make_report, version):
    req = get(version).table("requests")
    for row in req.rows:
        for column in req.columns:
            report = make_report(version)
            report.cells[req.cell_id(row, column)] += 1
            assert _sum_findings(report) == _expected(version, row.key, column.key), (row.key, column.key)


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_each_appeals_cell_breaks_its_group_only(make_report, version):
    app = get(version).table("appeals")
    for row in app.rows:
        for column in app.columns:
            report = make_report(version)
            report.cells[app.cell_id(row, column)] += 1
            ids = (*(app.cell_id(row, c) for c in app.columns if c.key != "total"), app.cell_id(row, "total"))
            assert _sum_findings(report) == [("sum.appeals", ids)]


def test_balance_message_spells_out_the_numbers(make_report):
    report = make_report("2021")
    c = report.cells
    c["requests.carried_forward.natural_person"] = 7
    [finding] = [f for f in check(report) if f.rule == "sum.balance"]
    received, brought, total = (
        c[f"requests.{r}.natural_person"] for r in ("received", "brought_forward", "total")
    )
    assert finding.message == (
        f"第三部分“自然人”列：本年新收政府信息公开申请数量({received})+上年结转政府信息公开申请数量({brought})"
        f"={received + brought}，不等于总计({total})+结转下年度继续办理(7)={total + 7}"
    )
    assert finding.severity == "error"


def test_applicants_message_lists_six_columns(make_report):
    report = make_report("2021")
    report.cells["requests.granted.total"] = 99
    [finding] = [f for f in check(report) if f.rule == "sum.applicants"]
    assert finding.message == (
        "第三部分“予以公开”行：自然人(1)+商业企业(2)+科研机构(3)+社会公益组织(4)+法律服务机构(5)+其他(6)=21，"
        "不等于总计(99)"
    )


def test_outcomes_and_appeals_messages(make_report):
    report = make_report("2019")
    report.cells["requests.total.research"] = 5
    report.cells["appeals.litigation_direct.pending"] = 1000
    by_rule = {f.rule: f.message for f in check(report)}
    outcome_sum = sum(report.cells[f"requests.{r}.research"] for r in OUTCOME_ROWS[Version.V2019])
    assert by_rule["sum.outcomes"] == (
        f"第三部分“科研机构”列：办理结果各项（予以公开至其他处理）之和为{outcome_sum}，不等于总计(5)"
    )
    assert by_rule["sum.appeals"] == (
        "第四部分“行政诉讼·未经复议直接起诉”：结果维持(45)+结果纠正(46)+其他结果(47)+尚未审结(1000)=1138，"
        "不等于总计(186)"
    )


@pytest.mark.parametrize("cell", ["requests.granted.natural_person", "requests.total.commercial"])
def test_a_blank_is_not_a_zero(make_report, cell):
    report = make_report("2021")
    report.cells[cell] = None
    findings = check(report)
    assert [f.rule for f in findings] == ["cell.blank"]
    assert findings[0].cells == (cell,)
