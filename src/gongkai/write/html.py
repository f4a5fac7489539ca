"""One self-contained HTML page (inline CSS, print-ready) with the tables' real rowspan/colspan."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from gongkai.format.layout import Grid, GridCell
from gongkai.model import Report
from gongkai.write.grid import value_text, width
from gongkai.write.outline import Findings, Kind, blocks, title

# Sections whose leading header rows repeat on every printed page.
_REPEAT_HEAD = {3, 4}


@dataclass(frozen=True)
class _HtmlBlock:
    kind: str
    text: str = ""
    section: int | None = None
    head: tuple = ()
    body: tuple = ()


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gongkai.write", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def _span(cell: GridCell) -> str:
    s = ""
    if cell.rowspan > 1:
        s += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        s += f' colspan="{cell.colspan}"'
    return s


def _class(cell: GridCell, head: bool, section: int | None, grid_width: int) -> str:
    if head:
        return ' class="head"'
    if section == 2 and cell.colspan == grid_width:
        return ' class="band"'  # 第二十条第（一）项: a shaded band, as in the template
    if section == 2 or section == 4:
        return ' class="head"'
    return ""


def _cell(cell: GridCell, report: Report, cls: str) -> Markup:
    if cell.cell_id is not None:
        text = value_text(report.cells.get(cell.cell_id))
        return Markup(f'<td data-cell="{cell.cell_id}"{_span(cell)}>{escape(text)}</td>')
    tag = "th" if cell.header else "td"
    return Markup(f"<{tag}{cls}{_span(cell)}>{escape(cell.text)}</{tag}>")


def _table(grid: Grid, section: int | None, report: Report) -> _HtmlBlock:
    n_head = 0
    if section in _REPEAT_HEAD:
        while n_head < len(grid) and all(c.header for c in grid[n_head]):
            n_head += 1
    w = width(grid)
    rows = [
        tuple(_cell(c, report, _class(c, i < n_head, section, w)) for c in row) for i, row in enumerate(grid)
    ]
    return _HtmlBlock("table", section=section, head=tuple(rows[:n_head]), body=tuple(rows[n_head:]))


def render(report: Report, findings: Findings | str = Findings.NONE) -> str:
    items = []
    for b in blocks(report, findings):
        if b.kind is Kind.TABLE:
            assert b.grid is not None
            items.append(_table(b.grid, b.section, report))
        else:
            items.append(_HtmlBlock(str(b.kind), b.text))
    page_title = title(report)
    if Findings(findings) is Findings.SHEET:
        page_title = items[0].text
    return _template().render(title=page_title, blocks=items)
