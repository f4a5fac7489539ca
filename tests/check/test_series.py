"""Rules 6 and 7, across consecutive years of one body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import body_key, check, check_series, series_findings


def _pair(make_report, version="2021", later_version=None, **kw):
    first = make_report(version, year=2021, seed=0)
    second = make_report(later_version or version, year=2022, seed=5, previous=first, **kw)
    return first, second


@pytest.mark.parametrize("versions", [("2021", "2021"), ("2019", "2019"), ("2019", "2021")])
def test_consistent_years_have_no_findings(make_report, versions):
    first, second = _pair(make_report, *versions)
    third = make_report(versions[1], year=2023, seed=9, previous=second)
    assert check_series([third, first, second]) == []


def test_carry_over_fires_per_column(make_report):
    first, second = _pair(make_report)
    second.cells["requests.brought_forward.commercial"] += 2
    found = series_findings([first, second])
    assert [(r is second, f.rule, f.severity, f.cells) for r, f in found] == [
        (
            True,
            "cross.carry_over",
            "error",
            ("requests.brought_forward.commercial", "requests.carried_forward.commercial"),
        )
    ]
    carried = first.cells["requests.carried_forward.commercial"]
    assert found[0][1].message == (
        f"第三部分“商业企业”列：2022年上年结转政府信息公开申请数量({carried + 2})，"
        f"不等于2021年报告的结转下年度继续办理({carried})"
    )


def test_bodies_match_ignoring_spaces_and_punctuation(make_report):
    first, second = _pair(make_report)
    first.body = "某某市 交通运输局（市港航局）"
    second.body = "某某市交通运输局(市港航局)"
    second.cells["requests.brought_forward.total"] += 1
    assert body_key(first.body) == body_key(second.body)
    assert [f.rule for f in check_series([first, second])] == ["cross.carry_over"]


@pytest.mark.parametrize("change", [{"body": "某某市财政局"}, {"year": 2023}, {"body": None}, {"year": None}])
def test_only_consecutive_years_of_one_body_are_compared(make_report, change):
    first, second = _pair(make_report)
    second.cells["requests.brought_forward.total"] += 1
    for key, value in change.items():
        setattr(second, key, value)
    assert check_series([first, second]) == []


def test_blank_cells_are_not_compared(make_report):
    first, second = _pair(make_report)
    second.cells["requests.brought_forward.research"] = None
    first.cells["requests.carried_forward.other_org"] = None
    second.cells["active.regulations.repealed"] = None
    second.cells["active.normative_documents.in_force"] += 1
    first.cells["active.normative_documents.in_force"] = None
    assert check_series([first, second]) == []


def test_in_force_fires_as_warning(make_report):
    first, second = _pair(make_report)
    second.cells["active.regulations.in_force"] += 4
    [(report, finding)] = series_findings([first, second])
    assert report is second
    assert (finding.rule, finding.severity) == ("cross.in_force", "warning")
    assert finding.cells == (
        "active.regulations.in_force",
        "active.regulations.issued",
        "active.regulations.repealed",
    )
    c1, c2 = first.cells, second.cells
    before, issued, repealed = (
        c1["active.regulations.in_force"],
        c2["active.regulations.issued"],
        c2["active.regulations.repealed"],
    )
    expected = before + issued - repealed
    assert finding.message == (
        f"第二部分“规章”：2021年现行有效件数({before})+2022年本年制发件数({issued})-本年废止件数({repealed})"
        f"={expected}，不等于2022年现行有效件数({expected + 4})（如有清理或重新分类，请在报告中说明）"
    )


def test_in_force_skipped_when_last_year_is_2019_format(make_report):
    first, second = _pair(make_report, "2019", "2021")
    second.cells["active.regulations.in_force"] += 4
    assert check_series([first, second]) == []


@settings(max_examples=30, deadline=None)
@given(versions=st.lists(st.sampled_from(["2019", "2021"]), min_size=2, max_size=4), seed=st.integers(0, 500))
def test_a_consistent_series_never_triggers_a_finding(make_report, versions, seed):
    versions.sort()  # the 2019 format came first
    reports = [make_report(versions[0], year=2020, seed=seed)]
    for n, version in enumerate(versions[1:], start=1):
        reports.append(make_report(version, year=2020 + n, seed=seed + 7 * n, previous=reports[-1]))
    assert check_series(reversed(reports)) == []


def test_format_given_as_text_is_checked_the_same(make_report):
    report = make_report("2021")
    report.format = "2021"
    report.cells["requests.granted.total"] += 1
    report.sections[6] = "无"
    assert {f.rule for f in check(report)} == {"sum.applicants", "sum.outcomes", "section.fee_unstated"}
