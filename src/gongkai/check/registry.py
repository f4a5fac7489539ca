"""The rule registry and the two entry points, `check` (one report) and `check_series` (across years)."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.check import completeness, narrative, numbers, series, sums
from gongkai.check.plan import plan_for
from gongkai.check.rule import Rule, Scope
from gongkai.format.spec import Version
from gongkai.model.finding import Finding, Severity
from gongkai.model.report import Report

E, W = Severity.ERROR, Severity.WARNING
C, R, S = Scope.CELLS, Scope.REPORT, Scope.SERIES

RULES: tuple[Rule, ...] = (
    Rule("sum.balance", E, "新收+上年结转=办理结果总计+结转下年度", C, sums.balance,
         "Section 三, per applicant column: received + brought_forward = total + carried_forward."),
    Rule("sum.outcomes", E, "办理结果各项之和=总计", C, sums.outcomes,
         "Section 三, per applicant column: total = the sum of every outcome row (予以公开 … 其他处理)."),
    Rule("sum.applicants", E, "各类申请人之和=总计列", C, sums.applicants,
         "Section 三, per row: the 总计 column = the sum of the six applicant columns."),
    Rule("sum.appeals", E, "复议、诉讼各项之和=总计", C, sums.appeals,
         "Section 四, per group: total = upheld + corrected + other + pending."),
    Rule("value.negative", E, "数值不能为负", C, numbers.negative,
         "Counts and amounts are not negative (the 2019 本年增/减 cells may be)."),
    Rule("value.not_integer", E, "件数应为整数", C, numbers.not_integer,
         "Counts and the 2019 本年增/减 cells are whole numbers (amounts may have decimals)."),
    Rule("table.missing", E, "表格没有任何数值", C, completeness.missing_tables,
         "A whole statistical section (二/三/四), or one table of section 二, has no value at all."),
    Rule("cell.blank", W, "存在空白单元格", C, completeness.blank_cells,
         "Blank cells, one finding per table listing them; sums touching a blank are not checked."),
    Rule("section.missing", E, "缺少报告部分", R, narrative.missing,
         "A narrative section 一/五/六 is absent."),
    Rule("section.problems_empty", E, "存在的主要问题及改进情况为空", R, narrative.problems_empty,
         "Section 五 is present but empty or says only 无 (an error: the 条例 requires its content)."),
    Rule("section.fee_unstated", W, "未说明信息处理费收取情况", R, narrative.fee_unstated,
         "2021 format: section 六 does not say whether any 信息处理费 was collected (amount or none)."),
    Rule("cross.carry_over", E, "上年结转=上一年度结转下年度", S, series.carry_over,
         "Consecutive years of one body, per column: brought_forward(t) = carried_forward(t-1)."),
    Rule("cross.in_force", W, "现行有效件数前后衔接", S, series.in_force,
         "2021 format, consecutive years, 规章 and 行政规范性文件: "
         "in_force(t) = in_force(t-1) + issued(t) - repealed(t); a warning, since revisions reclassify."),
)  # fmt: skip

BY_ID = {r.id: r for r in RULES}
_CELL_RULES = tuple(r for r in RULES if r.scope is Scope.CELLS)
_REPORT_RULES = tuple(r for r in RULES if r.scope is Scope.REPORT)
_SERIES_RULES = tuple(r for r in RULES if r.scope is Scope.SERIES)


def _finding(rule: Rule, message: str, cells: tuple[str, ...]) -> Finding:
    return Finding(rule.id, rule.severity, message, cells)


def check(report: Report) -> list[Finding]:
    """Every single-report rule on one report. Tables are checked only when the format is known."""
    found = []
    if report.format is not None:
        plan = plan_for(Version(str(report.format)))
        for rule in _CELL_RULES:
            found.extend(_finding(rule, m, c) for m, c in rule.func(report.cells, plan))
    for rule in _REPORT_RULES:
        found.extend(_finding(rule, m, c) for m, c in rule.func(report))
    return found


def series_findings(reports: Iterable[Report]) -> list[tuple[Report, Finding]]:
    """Cross-year findings, each with the report (the later year) it is about."""
    found = []
    for previous, current in series.consecutive_pairs(reports):
        for rule in _SERIES_RULES:
            found.extend((current, _finding(rule, m, c)) for m, c in rule.func(previous, current))
    return found


def check_series(reports: Iterable[Report]) -> list[Finding]:
    """Cross-year rules over consecutive years of each body (bodies matched by `series.body_key`).

    The message names both years; use `series_findings` to know which report each finding is about.
    """
    return [f for _, f in series_findings(reports)]


def rules_markdown() -> str:
    """The rule table of docs/checks.md, generated from RULES (a test keeps the file in sync)."""
    lines = ["| id | severity | 标题 | what it checks |", "|---|---|---|---|"]
    lines += [f"| `{r.id}` | {r.severity} | {r.title} | {r.doc} |" for r in RULES]
    return "\n".join(lines) + "\n"
