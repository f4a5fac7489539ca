"""The report model: one annual report as cell values, raw text, narrative and findings."""

from gongkai.model.finding import Finding, Severity
from gongkai.model.report import Report
from gongkai.model.values import Value, parse_value, value_to_json

__all__ = ["Finding", "Report", "Severity", "Value", "parse_value", "value_to_json"]
