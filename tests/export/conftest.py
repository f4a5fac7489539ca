"""Reports whose every cell holds a different non-zero value, so a shifted column shows at once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.format.spec import Kind, get
from gongkai.model import Report


def distinct_report(version: str, *, start: int, source: str, year: int) -> Report:
    fmt = get(version)
    cells = {}
    for n, cell_id in enumerate(fmt.ids, start=start):
        kind = fmt.kind(cell_id)
        cells[cell_id] = (
            Decimal(f"{n}.{n % 97:02d}") if kind is Kind.AMOUNT else -n if kind is Kind.SIGNED else n
        )
    return Report(format=fmt.version, body=f"某某县{year}年卫生健康局", year=year, cells=cells, source=source)


@pytest.fixture
def reports():
    new = distinct_report("2021", start=1, source="reports/2022.pdf", year=2022)
    old = distinct_report("2019", start=1001, source="reports/2020.docx", year=2020)
    return new, old
