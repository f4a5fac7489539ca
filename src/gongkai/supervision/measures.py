"""Figures of one body's year the charts draw: read from its report's cells by id, or counted in the
register (platform bodies only). A figure that rests on a blank cell is blank (None), never 0."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gongkai.format.spec import APPEALS, APPLICANTS, Version, get
from gongkai.model import Report

#: The outcome groups of section 三, by the first part of their row keys, with their labels.
OUTCOME_GROUPS = {
    "granted": "予以公开",
    "partially_granted": "部分公开",
    "withheld": "不予公开",
    "unavailable": "无法提供",
    "not_handled": "不予处理",
    "other": "其他处理",
}
#: Applicant types (columns of section 三) without the total; 其他 is the other organisations.
APPLICANT_LABELS = {
    c.key: "其他组织" if c.key == "other_org" else c.label for c in APPLICANTS if c.key != "total"
}


@dataclass(frozen=True)
class RequestMeasures:
    """Of the requests a body received in a year: how many got a 补正 notice or a third-party
    consultation; and how many answers it gave late in the year (register figures)."""

    received: int = 0
    correction: int = 0
    consultation: int = 0
    late: int = 0


def total(values) -> int | Decimal | None:
    """The sum, blank when any value is blank (or there are none)."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return sum(values)


def received(report: Report, applicant: str = "total"):
    return report.get(get(_version(report)).table("requests").cell_id("received", applicant))


def outcomes(report: Report) -> dict[str, int | None]:
    """Requests closed in the year by outcome group (总计 column)."""
    table = get(_version(report)).table("requests")
    by_group: dict[str, list] = {g: [] for g in OUTCOME_GROUPS}
    for row in table.rows:
        group = row.key.split(".")[0]
        if group in by_group:
            by_group[group].append(report.get(table.cell_id(row, "total")))
    return {g: total(v) for g, v in by_group.items()}


def no_correction(report: Report):
    """逾期不补正 (总计 column): only the 2021 format counts it on its own row."""
    if _version(report) is not Version.V2021:
        return None
    return report.get(get(Version.V2021).table("requests").cell_id("other.no_correction", "total"))


def closed(report: Report):
    return report.get(get(_version(report)).table("requests").cell_id("total", "total"))


def appeal_counts(report: Report, rows: tuple[str, ...]) -> tuple:
    """(corrected, decided) over these rows of section 四: decided = 维持 + 纠正 + 其他结果."""
    corrected = total(report.get(APPEALS.cell_id(r, "corrected")) for r in rows)
    decided = total(report.get(APPEALS.cell_id(r, c)) for r in rows for c in ("upheld", "corrected", "other"))
    return corrected, decided


RECONSIDERATION = ("reconsideration",)
LITIGATION = ("litigation_direct", "litigation_after_reconsideration")

_SATISFACTION = re.compile(r"(?:满意度|满意率)[^。；;\d]{0,20}?(\d{1,3}(?:\.\d+)?)\s*[%％]")


def satisfaction(report: Report) -> Decimal | None:
    """社会评议: the satisfaction rate a report states in its text (满意度/满意率 …%), where it says so
    in a passage about 社会评议 or 满意度; None when it states none."""
    for text in report.sections.values():
        for m in _SATISFACTION.finditer(text or ""):
            value = Decimal(m.group(1))
            if value <= 100:
                return value
    return None


def rate(part, whole) -> float | None:
    """part / whole in percent, to one decimal; blank when either is blank or nothing was counted."""
    if part is None or whole is None or whole == 0:
        return None
    return round(float(part) * 100 / float(whole), 1)


def _version(report: Report) -> Version:
    return Version(str(report.format))
