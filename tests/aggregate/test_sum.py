"""aggregate by example: sums, blanks, missing tables, exact amounts, signed cells, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.aggregate.conftest import blank_table, expected_sum, region

from gongkai.aggregate import AggregateError, Summary, Unread, aggregate
from gongkai.check import check
from gongkai.errors import InputError
from gongkai.format.spec import Kind, Version, get
from gongkai.model import Report
from gongkai.model.finding import Severity


def _findings(summary: Summary, rule: str):
    return [f for f in summary.report.findings if f.rule == rule]


def _consistency_errors(report: Report) -> list:
    return [f for f in check(report) if f.rule.startswith(("sum.", "value."))]


def test_every_cell_is_the_sum_over_the_bodies():
    bodies = region(3)
    summary = aggregate(bodies, "云溪县")
    fmt = get("2021")
    regional = summary.report
    assert (regional.format, regional.year, regional.body) == (Version.V2021, 2023, "云溪县")
    assert set(regional.cells) == set(fmt.ids)
    for cell_id in fmt.ids:
        assert regional.cells[cell_id] == expected_sum(bodies, cell_id), cell_id
        assert regional.cells[cell_id] not in {b.cells[cell_id] for b in bodies}, cell_id  # really a sum
    assert regional.findings == [] and summary.blanks == {}
    assert _consistency_errors(regional) == []


def test_the_inputs_are_not_changed():
    bodies = region(2)
    before = [dict(b.cells) for b in bodies]
    aggregate(bodies)
    assert [b.cells for b in bodies] == before


def test_a_blank_stays_blank_and_names_the_body():
    bodies = region(3)
    cell = "requests.withheld.third_party_rights.research"
    bodies[1].cells[cell] = None
    summary = aggregate(bodies)
    assert summary.report.cells[cell] is None  # never the sum of the two others
    assert summary.blanks == {cell: (bodies[1].body,)}
    [finding] = _findings(summary, "aggregate.blank")
    assert finding.cells == (cell,) and finding.severity is Severity.WARNING
    assert bodies[1].body in finding.message and bodies[0].body not in finding.message
    assert "4.保护第三方合法权益·科研机构" in finding.message
    # The cells that touch the blank are still summed where every body has them.
    row_total = "requests.withheld.third_party_rights.total"
    assert summary.report.cells[row_total] == expected_sum(bodies, row_total)


def test_bodies_leaving_the_same_cells_blank_share_one_finding():
    bodies = region(4)
    cells = ("appeals.litigation_direct.pending", "appeals.litigation_direct.total")
    for b in (bodies[0], bodies[2]):
        for c in cells:
            b.cells[c] = None
    bodies[3].cells["active.regulations.repealed"] = None
    summary = aggregate(bodies)
    blank = _findings(summary, "aggregate.blank")
    assert [f.cells for f in blank] == [("active.regulations.repealed",), cells]
    appeals = blank[1]
    assert f"{bodies[0].body}、{bodies[2].body}的报告" in appeals.message
    assert summary.blanks[cells[0]] == (bodies[0].body, bodies[2].body)
    assert all(summary.report.cells[c] is None for c in cells)
    assert "第四部分表格有2个单元格" in appeals.message


def test_a_body_missing_a_whole_table_leaves_that_table_blank():
    bodies = region(3)
    ids = blank_table(bodies[2], "requests")
    bodies[0].cells["requests.granted.natural_person"] = None  # a second body, one blank in the same table
    summary = aggregate(bodies)
    assert all(summary.report.cells[i] is None for i in ids)
    [missing] = _findings(summary, "aggregate.table_missing")
    assert missing.severity is Severity.ERROR and missing.cells == ids
    assert bodies[2].body in missing.message and "第三部分表格没有任何数值" in missing.message
    assert bodies[0].body not in missing.message
    [blank] = _findings(summary, "aggregate.blank")  # the missing body's cells are not listed again
    assert blank.cells == ("requests.granted.natural_person",) and bodies[2].body not in blank.message
    for t in get("2021").tables:
        if t.key != "requests":
            assert all(summary.report.cells[i] == expected_sum(bodies, i) for i in t.ids), t.key
    assert _consistency_errors(summary.report) == []


def test_amounts_sum_exactly():
    bodies = region(3)
    amounts = [Decimal("0.1"), Decimal("0.2"), Decimal("12345678901234567890.123456789")]
    for b, a in zip(bodies, amounts, strict=True):
        b.cells["active.fees.amount"] = a
    bodies[1].cells["active.fees.amount"] = 7  # a hand-built report may give a whole amount as an int
    got = aggregate(bodies).report.cells["active.fees.amount"]
    assert isinstance(got, Decimal)
    assert got == Decimal("12345678901234567897.223456789")  # 29 digits: the default context would round


def test_2019_signed_changes_sum_with_their_signs():
    bodies = region(3, version="2019", year=2020)
    fmt = get("2019")
    signed = [i for i in fmt.ids if fmt.kind(i) is Kind.SIGNED]
    for n, b in enumerate(bodies):
        for k, i in enumerate(signed):
            b.cells[i] = (-1) ** (n + k) * (3 + 7 * n + k)
    summary = aggregate(bodies)
    for i in signed:
        assert summary.report.cells[i] == sum(b.cells[i] for b in bodies), i
    assert any(summary.report.cells[i] < 0 for i in signed)
    assert _consistency_errors(summary.report) == []
    procurement = "active.procurement.amount"
    assert summary.report.cells[procurement] == expected_sum(bodies, procurement)


def test_an_inconsistent_input_shows_in_the_sum():
    bodies = region(2)
    bodies[1].cells["requests.granted.total"] += 5
    summary = aggregate(bodies)
    assert [f.rule for f in summary.report.findings] == ["sum.outcomes", "sum.applicants"]
    assert "sum.applicants" in {f.rule for f in summary.bodies[1].findings}
    assert not summary.bodies[0].findings


@pytest.mark.parametrize(
    ("change", "code", "named"),
    [
        (lambda rs: setattr(rs[2], "year", 2022), "aggregate.mixed", "云溪县卫生健康委员会为2022年度"),
        (lambda rs: setattr(rs[0], "year", None), "aggregate.unplaced", "云溪县交通运输局：未识别报告年度"),
        (lambda rs: setattr(rs[1], "format", None), "aggregate.unplaced", "未识别报告格式"),
        (lambda rs: setattr(rs[1], "body", " 云溪县交通运输局"), "aggregate.duplicate", "出现了2次"),
        (lambda rs: rs.clear(), "aggregate.empty", "没有可汇总的报告"),
    ],
)
def test_reports_that_cannot_be_summed_are_refused(change, code, named):
    bodies = region(3)
    change(bodies)
    with pytest.raises(AggregateError) as e:
        aggregate(bodies)
    assert isinstance(e.value, InputError) and e.value.code == code
    assert named in str(e.value) and "\n" not in str(e.value)


def test_another_format_of_the_same_year_is_refused():
    bodies = region(2, version="2019", year=2020)
    other = region(3, version="2021", year=2020)[2]
    with pytest.raises(AggregateError, match="云溪县卫生健康委员会为2020年度（2021年格式）") as e:
        aggregate([*bodies, other])
    assert e.value.context == {"year": 2020, "format": "2019"}


def test_section_one_says_what_was_summed_and_nothing_more():
    bodies = region(4)
    bodies[1].cells["active.regulations.repealed"] = None
    bodies[3].cells["appeals.reconsideration.total"] += 1  # an error in that body
    summary = aggregate(bodies, "云溪县", unread=[Unread("reports/x.pdf", "x.pdf：PDF 已加密")])
    text = summary.report.sections[1]
    assert set(summary.report.sections) == {1}
    lines = text.splitlines()
    assert lines[0].startswith("本报告汇总云溪县4个机关的2023年") and all(b.body in lines[0] for b in bodies)
    assert bodies[1].body in lines[1] and "空白" in lines[1] and bodies[0].body not in lines[1]
    assert bodies[3].body in lines[2] and "错误" in lines[2] and bodies[1].body not in lines[2]
    assert lines[3] == "另有1份报告无法读取，未计入汇总：reports/x.pdf。"
    assert summary.report.title == "云溪县2023年政府信息公开工作年度报告（汇总）"
    [unread] = _findings(summary, "aggregate.unread")
    assert unread.message == "未计入汇总：x.pdf：PDF 已加密" and unread.severity is Severity.ERROR


def test_a_body_without_a_name_is_named_by_its_file():
    bodies = region(3)
    bodies[0].body = bodies[1].body = None
    bodies[1].source = "other/0.pdf"  # the same file name as bodies[0]'s, in another folder
    summary = aggregate(bodies)
    assert [b.name for b in summary.bodies] == ["0.pdf（第1份）", "0.pdf（第2份）", bodies[2].body]
    bodies[0].cells["active.regulations.repealed"] = None
    assert aggregate(bodies).blanks == {"active.regulations.repealed": ("0.pdf（第1份）",)}


def test_to_dict_loads_back_so_summaries_can_be_summed_again():
    bodies = region(4)
    bodies[3].cells["requests.received.research"] = None
    whole = aggregate(bodies, "云溪县")
    north = Report.from_dict(aggregate(bodies[:2], "北片").to_dict())
    south = Report.from_dict(aggregate(bodies[2:], "南片").to_dict())
    assert aggregate([north, south], "云溪县").report.cells == whole.report.cells
    data = whole.to_dict()
    assert data["blanks"] == {"requests.received.research": [bodies[3].body]}
    assert [b["name"] for b in data["bodies"]] == [b.body for b in bodies]
    assert data["findings"][0]["rule"] == "aggregate.blank"


def test_a_one_cell_table_left_blank_is_a_missing_table():
    bodies = region(3)
    bodies[1].cells["active.fees.amount"] = None  # 第二十条第（八）项 has this one cell in 2021
    summary = aggregate(bodies)
    [missing] = _findings(summary, "aggregate.table_missing")
    assert missing.cells == ("active.fees.amount",) and "第二十条第（八）项" in missing.message
    assert _findings(summary, "aggregate.blank") == []
