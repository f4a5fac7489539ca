"""The annual report from the register: events → per-request projection → section 三 counts → Report.

For a body and a year: received = requests received in the year; brought_forward = open at its start;
each outcome row = requests closed in the year with that outcome; carried_forward = open at its end.
Every request is counted once on each side of `received + brought_forward = total + carried_forward`, so
the 勾稽 rules hold by construction, and a year's brought_forward is the previous year's carried_forward.

The store computes the same `RequestTally` with GROUP BY queries over its projection columns; this
module's `tally` is the reference implementation over plain projections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from gongkai.format.spec import OUTCOME_ROWS, REQUESTS_2021, Version, get
from gongkai.model import Report
from gongkai.model.values import Value
from gongkai.register.errors import RegisterError
from gongkai.register.fees import section_six_sentence
from gongkai.register.types import APPLICANT_TYPES, outcome_row_2019


@dataclass(frozen=True)
class Projection:
    """What the annual report needs of one request (the store keeps these as columns)."""

    applicant_type: str
    received_on: date
    closed_on: date | None = None
    outcome: str | None = None


@dataclass
class RequestTally:
    received: Counter = field(default_factory=Counter)  # applicant -> n
    brought_forward: Counter = field(default_factory=Counter)
    closed: Counter = field(default_factory=Counter)  # (outcome row, applicant) -> n
    carried_forward: Counter = field(default_factory=Counter)


def tally(projections: Iterable[Projection], year: int) -> RequestTally:
    start, end = date(year, 1, 1), date(year, 12, 31)
    t = RequestTally()
    for p in projections:
        if p.received_on > end:
            continue
        if p.received_on >= start:
            t.received[p.applicant_type] += 1
        elif p.closed_on is None or p.closed_on >= start:
            t.brought_forward[p.applicant_type] += 1
        if p.closed_on is not None and start <= p.closed_on <= end:
            t.closed[(p.outcome, p.applicant_type)] += 1
        elif p.closed_on is None or p.closed_on > end:
            t.carried_forward[p.applicant_type] += 1
    return t


def format_for(year: int) -> Version:
    """The 2021 format from report year 2021; the 2019 trial format for 2019 and 2020."""
    if year < 2019:
        raise RegisterError(f"{year}年早于2019年格式，登记簿不生成该年度报告")
    return Version.V2021 if year >= 2021 else Version.V2019


def request_cells(t: RequestTally, version: Version) -> dict[str, int]:
    cols = APPLICANT_TYPES
    table = get(version).table("requests")
    rows: dict[str, Counter] = {
        "received": t.received,
        "brought_forward": t.brought_forward,
        "carried_forward": t.carried_forward,
    }
    outcome_rows = OUTCOME_ROWS[version]
    by_row: dict[str, Counter] = {r: Counter() for r in outcome_rows}
    for (row, col), n in t.closed.items():
        key = row if version is Version.V2021 else outcome_row_2019(row)
        if key not in by_row:
            raise RegisterError(f"办理结果“{row}”不是{version}格式第三部分的结果行")
        by_row[key][col] += n
    rows.update(by_row)
    total = Counter()
    for r in outcome_rows:
        total.update(by_row[r])
    rows["total"] = total
    cells = {}
    for row, counter in rows.items():
        for c in cols:
            cells[table.cell_id(row, c)] = counter.get(c, 0)
        cells[table.cell_id(row, "total")] = sum(counter.get(c, 0) for c in cols)
    return cells


def build_report(
    *,
    year: int,
    body: str | None,
    requests: RequestTally,
    active: dict[str, Value] | None = None,
    appeals: dict[str, Value] | None = None,
    fees_collected: Decimal | None = None,
    narrative: dict[int, str] | None = None,
) -> Report:
    """A Report of the year's format: section 三 from the tally; sections 二 and 四 from their cells
    (cells not given stay blank); section 六 opens with the fees collected, then the office's text."""
    version = format_for(year)
    report = Report.blank(version, body=body, year=year, source="gongkai register")
    report.cells.update(request_cells(requests, version))
    for cells in (active or {}, appeals or {}):
        report.cells.update({k: v for k, v in cells.items() if k in report.cells})
    report.sections = {int(k): v for k, v in (narrative or {}).items()}
    if fees_collected is not None:
        fee_text = section_six_sentence(year, fees_collected)
        report.sections[6] = fee_text + ("\n" + report.sections[6] if report.sections.get(6) else "")
    return report


def report_from_projections(
    projections: Iterable[Projection], year: int, body: str | None = None, **kw
) -> Report:
    return build_report(year=year, body=body, requests=tally(projections, year), **kw)


def seed_carry_over(report: Report | dict) -> tuple[int, dict[str, int]]:
    """The year and per-applicant carried_forward of a published report that seeds a register.

    A blank applicant cell counts as 0 only when the printed total equals the other cells' sum."""
    r = report if isinstance(report, Report) else Report.from_dict(report)
    if r.year is None:
        raise RegisterError("导入的已公开报告缺少年度（year），无法作为结转起点")
    cells = {c: r.cells.get(REQUESTS_2021.cell_id("carried_forward", c)) for c in APPLICANT_TYPES}
    total = r.cells.get(REQUESTS_2021.cell_id("carried_forward", "total"))
    known = sum(v for v in cells.values() if v is not None)
    if any(v is None for v in cells.values()):
        if total is None or total != known:
            blank = [c for c, v in cells.items() if v is None]
            raise RegisterError(
                f"{r.year}年度报告的结转下年度数据不完整"
                f"（{REQUESTS_2021.cell_id('carried_forward', blank[0])} 为空），无法作为结转起点"
            )
    elif total is not None and total != known:
        raise RegisterError(f"{r.year}年度报告的结转下年度总计{total}不等于各列之和{known}，请先核对报告")
    return r.year, {c: int(v or 0) for c, v in cells.items()}
