"""Markdown: headings, paragraphs and pipe tables (merged cells are left empty: pipe tables cannot merge)."""

from __future__ import annotations

from gongkai.model import Report
from gongkai.write.grid import flat_rows
from gongkai.write.outline import Findings, Kind, blocks

_PREFIX = {Kind.TITLE: "# ", Kind.HEADING: "## ", Kind.SUBHEADING: "### ", Kind.PARAGRAPH: ""}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _pipe(row: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in row) + " |"


def table(rows: list[list[str]]) -> list[str]:
    """A pipe table whose first grid row is the Markdown header row."""
    head, *rest = rows
    return [_pipe(head), "|" + "|".join(" --- " for _ in head) + "|", *(_pipe(r) for r in rest)]


def render(report: Report, findings: Findings | str = Findings.NONE) -> str:
    lines: list[str] = []
    for b in blocks(report, findings):
        if b.kind is Kind.TABLE:
            assert b.grid is not None
            lines.extend(table(flat_rows(b.grid, report.cells)))
        else:
            lines.append(_PREFIX[b.kind] + b.text)
        lines.append("")
    return "\n".join(lines)
