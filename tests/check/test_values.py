"""Rule 5: counts are non-negative integers; amounts non-negative; 2019 本年增/减 may be negative."""

from __future__ import annotations

from decimal import Decimal

from gongkai.check import check


def _rules(report, *rules):
    return [(f.rule, f.cells, f.message) for f in check(report) if f.rule in rules]


def test_negative_count_fires_once_with_its_label(make_report):
    report = make_report("2021")
    report.cells["active.licensing.decisions"] = -3
    assert _rules(report, "value.negative", "value.not_integer") == [
        (
            "value.negative",
            ("active.licensing.decisions",),
            "第二部分“行政许可·本年处理决定数量”为-3，不能为负数",
        )
    ]


def test_negative_amount_fires(make_report):
    report = make_report("2021")
    report.cells["active.fees.amount"] = Decimal("-1.50")
    assert [c for _, c, _ in _rules(report, "value.negative")] == [("active.fees.amount",)]


def test_signed_change_may_be_negative(make_report):
    report = make_report("2019")
    assert report.cells["active.licensing.change"] < 0  # the fixture already holds negatives here
    assert check(report) == []


def test_fractional_count_and_change_are_not_integers(make_report):
    report = make_report("2019")
    report.cells["appeals.reconsideration.upheld"] = Decimal("2.5")
    report.cells["active.fees.change"] = Decimal("-1.5")
    found = _rules(report, "value.not_integer", "value.negative")
    assert [(r, c) for r, c, _ in found] == [
        ("value.not_integer", ("appeals.reconsideration.upheld",)),
        ("value.not_integer", ("active.fees.change",)),
    ]
    assert found[0][2] == "第四部分“行政复议·结果维持”为2.5，件数应为整数"


def test_whole_decimal_count_and_fractional_amount_are_fine(make_report):
    report = make_report("2021")
    report.cells["active.penalties.decisions"] = Decimal(report.cells["active.penalties.decisions"])
    report.cells["active.fees.amount"] = Decimal("0.01")
    assert check(report) == []
