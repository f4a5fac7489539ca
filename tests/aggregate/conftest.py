"""Bodies of one region: consistent sample reports with distinct non-zero values, one name each."""

from __future__ import annotations

from gongkai.format.spec import Version, get
from gongkai.model import Report
from gongkai.samples import consistent_report

NAMES = ("云溪县交通运输局", "云溪县生态环境局", "云溪县卫生健康委员会", "云溪县青山镇人民政府")


def region(n: int = 3, version: str = "2021", year: int = 2023) -> list[Report]:
    """n consistent reports of one year and format, from different seeds, each with its own body."""
    out = []
    for k in range(n):
        r = consistent_report(seed=11 + k, version=version, year=year)
        r.body, r.source = NAMES[k], f"reports/{k}.pdf"
        r.title = f"{r.body}{year}年政府信息公开工作年度报告"  # readers take the body from the title
        out.append(r)
    return out


def blank_table(report: Report, key: str) -> tuple[str, ...]:
    """Leave one table of the report wholly blank (the body did not print it); returns its cell ids."""
    ids = tuple(get(Version(str(report.format))).table(key).ids)
    for i in ids:
        report.cells[i] = None
    return ids


def expected_sum(reports: list[Report], cell_id: str):
    """The sum written out plainly: blank when any body left the cell blank."""
    values = [r.cells[cell_id] for r in reports]
    if any(v is None for v in values):
        return None
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total
