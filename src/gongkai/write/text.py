"""Plain text, as a web page editor pastes it: one paragraph per line, tables as tab-separated rows."""

from __future__ import annotations

from gongkai.model import Report
from gongkai.write.grid import flat_rows
from gongkai.write.outline import Findings, Kind, blocks


def render(report: Report, findings: Findings | str = Findings.NONE) -> str:
    lines: list[str] = []
    for b in blocks(report, findings):
        if b.kind is Kind.TABLE:
            assert b.grid is not None
            lines.extend("\t".join(row) for row in flat_rows(b.grid, report.cells))
        else:
            lines.append(b.text)
        lines.append("")
    return "\n".join(lines)
