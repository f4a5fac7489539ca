"""The registry: stable ids, docs in sync, and consistent reports never raise an error."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import RULES, Scope, check, check_series, rules_markdown
from gongkai.format.spec import OUTCOME_ROWS, Version
from gongkai.model.finding import Severity

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"
ID = re.compile(r"^[a-z]+\.[a-z_]+$")


def test_rule_ids_are_unique_and_well_formed():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids)
    assert all(r.title and r.doc for r in RULES)


def test_severities_the_brief_fixes():
    severity = {r.id: r.severity for r in RULES}
    assert severity["cross.in_force"] is Severity.WARNING
    assert severity["cell.blank"] is Severity.WARNING
    assert severity["section.fee_unstated"] is Severity.WARNING
    errors = ["sum.balance", "sum.outcomes", "sum.applicants", "sum.appeals", "value.negative"]
    errors += ["value.not_integer", "cross.carry_over", "table.missing", "section.missing"]
    assert all(severity[i] is Severity.ERROR for i in errors)


def test_docs_table_matches_registry():
    text = DOCS.read_text(encoding="utf-8")
    generated = text.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert generated == rules_markdown()
    assert all(f"`{r.id}`" in generated for r in RULES)


def test_findings_carry_rule_severity(make_report):
    report = make_report("2021")
    report.cells["requests.granted.total"] += 1
    report.cells["active.penalties.decisions"] = None
    report.sections[6] = "无"
    by_id = {r.id: r for r in RULES}
    findings = check(report)
    assert {f.rule for f in findings} == {
        "sum.applicants",
        "sum.outcomes",
        "cell.blank",
        "section.fee_unstated",
    }
    assert all(f.severity is by_id[f.rule].severity for f in findings)


def test_series_rules_are_not_run_by_check(make_report):
    series = {r.id for r in RULES if r.scope is Scope.SERIES}
    assert series == {"cross.carry_over", "cross.in_force"}
    first = make_report("2021", year=2021)
    second = make_report("2021", year=2022, seed=3)  # not a continuation: both series rules fire
    assert check(second) == []
    assert {f.rule for f in check_series([first, second])} == series


_ROWS = len(OUTCOME_ROWS[Version.V2021])


@settings(max_examples=60, deadline=None)
@given(
    version=st.sampled_from(["2021", "2019"]),
    seed=st.integers(0, 10_000),
    outcomes=st.lists(
        st.lists(st.integers(0, 10**6), min_size=6, max_size=6), min_size=_ROWS, max_size=_ROWS
    ),
)
def test_a_consistent_report_never_triggers_an_error(make_report, version, seed, outcomes):
    rows = len(OUTCOME_ROWS[Version(version)])
    report = make_report(version, seed=seed, outcomes=outcomes[:rows])
    assert [f for f in check(report) if f.severity is Severity.ERROR] == []
