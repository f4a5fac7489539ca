"""A report as an ordered list of blocks (title, headings, paragraphs, tables) that every writer draws.

Keeping the order and wording here means DOCX, HTML, Markdown and text cannot disagree about what a
report contains; each writer only decides how a block looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from gongkai.errors import GongkaiError
from gongkai.format import SECTIONS, get
from gongkai.format.layout import Grid, GridCell, grids
from gongkai.model import Report


class WriteError(GongkaiError):
    """A report that cannot be written. The message is one Chinese line naming the cause."""

    code = "write"


class Findings(StrEnum):
    """Where a report's findings go."""

    NONE = "none"  # left out
    APPENDIX = "appendix"  # after section 六, as 附件
    SHEET = "sheet"  # a separate check sheet instead of the report


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"  # 一级标题: 一、总体情况
    SUBHEADING = "subheading"  # 二级标题: （一）…
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    grid: Grid | None = None
    section: int | None = None  # 2, 3, 4 for the statistical tables; None for the findings table


# A short paragraph that opens with （一）… is a 二级标题 in official documents.
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SUBHEADING_MAX = 30

APPENDIX_TITLE = "附件：检查发现的问题"
SHEET_SUFFIX = "检查结果"
_FINDING_HEAD = ("序号", "级别", "规则", "说明", "涉及单元格")
_SEVERITY = {"error": "错误", "warning": "提示"}


def title(report: Report) -> str:
    if report.title:
        return report.title
    body = report.body or ""
    year = f"{report.year}年" if report.year else ""
    return f"{body}{year}政府信息公开工作年度报告"


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").splitlines() if p.strip()]


def _narrative(text: str | None) -> list[Block]:
    out = []
    for p in paragraphs(text):
        short = len(p) <= _SUBHEADING_MAX and not p.endswith("。")
        kind = Kind.SUBHEADING if _SUBHEADING.match(p) and short else Kind.PARAGRAPH
        out.append(Block(kind, p))
    return out


def findings_grid(report: Report) -> Grid:
    head = [GridCell(t, header=True) for t in _FINDING_HEAD]
    rows = [
        [
            GridCell(str(i)),
            GridCell(_SEVERITY.get(str(f.severity), str(f.severity))),
            GridCell(f.rule),
            GridCell(f.message),
            GridCell("、".join(f.cells)),
        ]
        for i, f in enumerate(report.findings, 1)
    ]
    return [head, *rows]


def _findings_blocks(report: Report) -> list[Block]:
    if not report.findings:
        return [Block(Kind.PARAGRAPH, "未发现问题。")]
    return [Block(Kind.TABLE, grid=findings_grid(report))]


def blocks(report: Report, findings: Findings | str = Findings.NONE) -> list[Block]:
    """The report's content in reading order."""
    findings = Findings(findings)
    if findings is Findings.SHEET:
        return [Block(Kind.TITLE, title(report) + SHEET_SUFFIX), *_findings_blocks(report)]
    if report.format is None:
        raise WriteError("报告缺少格式（2019 或 2021），无法按全国统一格式排版")
    tables = grids(get(report.format))
    out = [Block(Kind.TITLE, title(report))]
    for s in SECTIONS:
        out.append(Block(Kind.HEADING, s.title))
        if s.narrative:
            out.extend(_narrative(report.sections.get(s.number)))
        else:
            out.append(Block(Kind.TABLE, grid=tables[s.number], section=s.number))
    if findings is Findings.APPENDIX:
        out.append(Block(Kind.HEADING, APPENDIX_TITLE))
        out.extend(_findings_blocks(report))
    return out
