"""Sections 一/五/六: present; 五 not empty; 六 states the 信息处理费 (2021 format)."""

from __future__ import annotations

import pytest

from gongkai.check import check


def _found(report):
    return [(f.rule, f.severity, f.message) for f in check(report)]


@pytest.mark.parametrize(
    "number, title", [(1, "一、总体情况"), (5, "五、存在的主要问题及改进情况"), (6, "六、其他需要报告的事项")]
)
def test_missing_section(make_report, number, title):
    report = make_report("2021")
    del report.sections[number]
    assert _found(report) == [("section.missing", "error", f"报告缺少“{title}”部分")]


@pytest.mark.parametrize(
    "text, said",
    [
        ("", "内容为空"),
        ("  \n", "内容为空"),
        ("无。", "只写了“无”"),
        ("五、存在的主要问题及改进情况\n 暂无。", "只写了“暂无”"),
        ("存在的主要问题及改进情况：无", "只写了“无”"),
    ],
)
def test_problems_section_that_says_nothing(make_report, text, said):
    report = make_report("2019")
    report.sections[5] = text
    assert _found(report) == [
        (
            "section.problems_empty",
            "error",
            f"“五、存在的主要问题及改进情况”部分{said}，应说明本年度存在的主要问题及改进情况",
        )
    ]


def test_problems_section_with_content_is_fine(make_report):
    report = make_report("2021")
    report.sections[5] = "无明显问题，但信息发布及时性仍需提高。"
    assert check(report) == []


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "本机关没有收取任何信息处理费",
        "按照《政府信息公开信息处理费管理办法》，本年度收取信息处理费 120 元。",
        "信息处理费：0元",
        "信息处理费收取情况：无",
        "六、其他需要报告的事项\n1.本年度无收费情况；\n2.人大建议办理情况良好。",
        "本年度未发生收取信息处理费的情况",
    ],
)
def test_fee_stated(make_report, text):
    report = make_report("2021")
    report.sections[6] = text
    assert check(report) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "本年度无其他需要报告的事项。",  # says 无, but nothing about a fee
        "严格执行信息处理费管理办法。",  # mentions the fee without saying whether any was collected
        "无法提供的申请已依法告知。本机关依法收费。",
    ],
)
def test_fee_unstated(make_report, text):
    report = make_report("2021")
    report.sections[6] = text
    assert _found(report) == [
        (
            "section.fee_unstated",
            "warning",
            "“六、其他需要报告的事项”部分未说明本年度是否收取信息处理费（收取的应写明金额，未收取的应写明未收取）",
        )
    ]


def test_fee_not_required_in_2019_format(make_report):
    report = make_report("2019")
    report.sections[6] = "无。"
    assert check(report) == []
