"""Checks on annual reports: the 勾稽关系 of FORMAT.md and completeness, as a registry of rules.

`check(report)` runs the single-report rules, `check_series(reports)` the cross-year ones; `RULES` lists
them all (docs/checks.md is generated from it).
"""

from gongkai.check.registry import RULES, check, check_series, rules_markdown, series_findings
from gongkai.check.rule import Rule, Scope
from gongkai.check.series import body_key

__all__ = ["RULES", "Rule", "Scope", "body_key", "check", "check_series", "rules_markdown", "series_findings"]
