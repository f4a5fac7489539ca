"""Consistent reports with distinct non-zero values, for breaking one cell at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.format.spec import OUTCOME_ROWS, Kind, Version, get
from gongkai.model import Report

SECTIONS = {
    1: "一、总体情况\n本年度，本局坚持以公开为常态、不公开为例外。",
    5: "五、存在的主要问题及改进情况\n一是公开内容不够全面；二是解读形式单一。下一步将加强培训。",
    6: "六、其他需要报告的事项\n本年度未收取信息处理费。",
}


def consistent_report(
    version: str = "2021",
    *,
    year: int = 2022,
    body: str = "某某市交通运输局",
    seed: int = 0,
    previous: Report | None = None,
    outcomes: list[list[int]] | None = None,
) -> Report:
    """A report satisfying every rule. `seed` shifts the values so two reports differ; `previous`
    makes this report the next year of it (brought forward and 现行有效件数 follow on)."""
    fmt = get(version)
    req, app = fmt.table("requests"), fmt.table("appeals")
    cells: dict = {}
    for n, i in enumerate(t_id for t in fmt.tables_of(2) for t_id in t.ids):
        kind = fmt.kind(i)
        value = 500 + 10 * seed + n
        cells[i] = Decimal(f"{value}.25") if kind is Kind.AMOUNT else -value if kind is Kind.SIGNED else value
    if version == "2021":
        for row in ("regulations", "normative_documents"):
            before = previous.cells.get(f"active.{row}.in_force") if previous else None
            before = 900 + seed if before is None else before
            issued, repealed = cells[f"active.{row}.issued"], cells[f"active.{row}.repealed"]
            cells[f"active.{row}.in_force"] = before + issued - repealed

    applicants = [c.key for c in req.columns if c.key != "total"]
    rows = OUTCOME_ROWS[Version(version)]
    for r, row in enumerate(rows):
        for c, col in enumerate(applicants):
            cells[req.cell_id(row, col)] = outcomes[r][c] if outcomes else 1 + seed + r * 6 + c
    for c, col in enumerate(applicants):
        cells[req.cell_id("total", col)] = sum(cells[req.cell_id(row, col)] for row in rows)
        carried = 300 + seed + c
        brought = previous.cells[req.cell_id("carried_forward", col)] if previous else 200 + seed + c
        cells[req.cell_id("carried_forward", col)] = carried
        cells[req.cell_id("brought_forward", col)] = brought
        cells[req.cell_id("received", col)] = cells[req.cell_id("total", col)] + carried - brought
    for row in req.rows:
        cells[req.cell_id(row, "total")] = sum(cells[req.cell_id(row, col)] for col in applicants)

    for g, group in enumerate(app.rows):
        parts = [c.key for c in app.columns if c.key != "total"]
        for p, col in enumerate(parts):
            cells[app.cell_id(group, col)] = 41 + seed + g * 4 + p
        cells[app.cell_id(group, "total")] = sum(cells[app.cell_id(group, col)] for col in parts)

    assert set(cells) == set(fmt.ids)
    return Report(
        format=Version(version), body=body, year=year, cells=cells, sections=dict(SECTIONS), source="x.pdf"
    )


@pytest.fixture(scope="session")
def make_report():
    return consistent_report
