"""What the supervisor pages share: the year chosen, and a report laid out as the national format prints
it, with every blank cell flagged (shown empty and marked, never as 0)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from gongkai.format.layout import grids
from gongkai.format.spec import SECTIONS, get
from gongkai.model import Report
from gongkai.service.base import FIRST_YEAR
from gongkai.write.grid import value_text
from gongkai.write.outline import paragraphs

BLANK_MARK = "空"


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    cell_id: str | None = None
    blank: bool = False  # a value cell left blank: unread or not printed
    flagged: bool = False  # a cell a finding points at


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()


def chosen_year(sv, year: int | None) -> int:
    """The year asked for, or the one being collected now (checked by the service)."""
    return sv.svc.supervision.default_year() if year is None else year


def year_choices(sv) -> list[int]:
    return list(range(sv.svc.supervision.today().year, FIRST_YEAR - 1, -1))


def laid_out(report: Report, flagged: set[str] = frozenset()) -> list[Section]:
    """The report's sections in order: text sections as paragraphs, tables as rows of cells."""
    tables = _grids(report.format) if report.format else {}
    out = []
    for s in SECTIONS:
        if s.narrative:
            out.append(Section(s.number, s.title, tuple(paragraphs(report.sections.get(s.number)))))
            continue
        rows = tuple(tuple(_cell(c, report, flagged) for c in row) for row in tables.get(s.number, ()))
        out.append(Section(s.number, s.title, rows=rows))
    return out


_RENDERED: dict[int, tuple[Report, Markup]] = {}


def tables_html(report: Report, flagged: set[str] = frozenset(), *, narrative: bool = True) -> Markup:
    """The report laid out and rendered once: a summary is shared by every request until its data changes
    (the service caches it per data version), so its tables are rendered once per version too."""
    hit = _RENDERED.get(id(report))
    if hit is not None and hit[0] is report:
        return hit[1]
    from gongkai.web.templating import env

    macro = env.get_template("supervise/_macros.html").module.report_tables
    html = Markup(macro(laid_out(report, flagged), narrative))
    if len(_RENDERED) >= 16:
        _RENDERED.pop(next(iter(_RENDERED)))
    _RENDERED[id(report)] = (report, html)  # the report is kept, so its id is not reused meanwhile
    return html


@lru_cache(maxsize=4)
def _grids(version):
    return grids(get(version))


def _cell(c, report: Report, flagged) -> Cell:
    if c.cell_id is None:
        return Cell(c.text, c.rowspan, c.colspan, header=c.header)
    value = report.cells.get(c.cell_id)
    return Cell(
        value_text(value),
        c.rowspan,
        c.colspan,
        cell_id=c.cell_id,
        blank=value is None,
        flagged=c.cell_id in flagged,
    )
