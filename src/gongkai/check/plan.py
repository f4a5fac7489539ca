"""Cell-id lists each rule walks, computed once per format so `check` does no spec lookups per report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gongkai.format.spec import OUTCOME_ROWS, SECTIONS, Format, Kind, Table, Version, get

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_NOTE = re.compile(r"(?<=.)（[^（）]*）$")


def short(label: str) -> str:
    """An official label without its numbering and trailing note: "（二）部分公开（区分…）" → "部分公开"."""
    return _NOTE.sub("", _NUMBERING.sub("", label, count=1))


def section_name(number: int) -> str:
    """ "第三部分", from the numeral of the section's official title."""
    title = next(s.title for s in SECTIONS if s.number == number)
    return f"第{title.split('、', 1)[0]}部分"


@dataclass(frozen=True)
class Total:
    """One total cell and the cells that must add up to it."""

    name: str  # the row or column the sum runs along, for messages
    total: str
    parts: tuple[str, ...]
    total_name: str  # label of the total's row or column
    part_names: tuple[str, ...]  # labels of the parts, in order


@dataclass(frozen=True)
class Balance:
    """Rule 1 for one column of section 三: received + brought_forward = total + carried_forward."""

    column: str
    row_names: tuple[str, str, str, str]  # labels of the four rows, in the order of the fields below
    received: str
    brought_forward: str
    total: str
    carried_forward: str


@dataclass(frozen=True)
class Plan:
    format: Format
    balances: tuple[Balance, ...]
    outcome_totals: tuple[Total, ...]  # per column of section 三
    applicant_totals: tuple[Total, ...]  # per row of section 三
    appeal_totals: tuple[Total, ...]  # per group of section 四
    counts: tuple[str, ...]  # Kind.COUNT cells
    signed: tuple[str, ...]  # Kind.SIGNED cells
    amounts: tuple[str, ...]  # Kind.AMOUNT cells
    tables: tuple[tuple[Table, tuple[str, ...]], ...]
    sections: tuple[tuple[int, tuple[str, ...]], ...]  # statistical sections 二/三/四 and their cells

    section_of: dict[str, int]  # cell id → section number

    def label(self, cell_id: str) -> str:
        return self.format.label(cell_id)

    def describe(self, cell_id: str) -> str:
        """ "第三部分“（一）予以公开·自然人”" — where a cell is, for messages."""
        return f"{section_name(self.section_of[cell_id])}“{self.label(cell_id)}”"

    def table_name(self, table: Table) -> str:
        """ "第二部分第二十条第（一）项表格" (section 二 has several tables) or "第三部分表格"."""
        return f"{section_name(table.section)}{table.heading or ''}表格"


def _column_label(table: Table, key: str) -> str:
    return next(c.label for c in table.columns if c.key == key)


def _requests_plan(fmt: Format) -> tuple[tuple[Balance, ...], tuple[Total, ...], tuple[Total, ...]]:
    req = fmt.table("requests")
    outcome_rows = [req.row(k) for k in OUTCOME_ROWS[fmt.version]]
    row_names = tuple(
        short(req.row(k).label) for k in ("received", "brought_forward", "total", "carried_forward")
    )
    balances = tuple(
        Balance(
            c.label,
            row_names,
            req.cell_id("received", c),
            req.cell_id("brought_forward", c),
            req.cell_id("total", c),
            req.cell_id("carried_forward", c),
        )
        for c in req.columns
    )
    outcomes = tuple(
        Total(
            c.label,
            req.cell_id("total", c),
            tuple(req.cell_id(r, c) for r in outcome_rows),
            short(req.row("total").label),
            tuple(short(r.label) for r in outcome_rows),
        )
        for c in req.columns
    )
    applicant_columns = [c for c in req.columns if c.key != "total"]
    applicants = tuple(
        Total(
            short(r.label),
            req.cell_id(r, "total"),
            tuple(req.cell_id(r, c) for c in applicant_columns),
            _column_label(req, "total"),
            tuple(c.label for c in applicant_columns),
        )
        for r in req.rows
    )
    return balances, outcomes, applicants


def _appeals_plan(fmt: Format) -> tuple[Total, ...]:
    app = fmt.table("appeals")
    parts = [c for c in app.columns if c.key != "total"]
    return tuple(
        Total(
            f"{r.group}·{r.label}" if r.group else r.label,
            app.cell_id(r, "total"),
            tuple(app.cell_id(r, c) for c in parts),
            _column_label(app, "total"),
            tuple(c.label for c in parts),
        )
        for r in app.rows
    )


@cache
def plan_for(version: Version) -> Plan:
    fmt = get(version)
    balances, outcomes, applicants = _requests_plan(fmt)
    by_kind = {k: tuple(i for i in fmt.ids if fmt.kind(i) is k) for k in Kind}
    numbers = sorted({t.section for t in fmt.tables})
    return Plan(
        format=fmt,
        balances=balances,
        outcome_totals=outcomes,
        applicant_totals=applicants,
        appeal_totals=_appeals_plan(fmt),
        counts=by_kind[Kind.COUNT],
        signed=by_kind[Kind.SIGNED],
        amounts=by_kind[Kind.AMOUNT],
        tables=tuple((t, tuple(t.ids)) for t in fmt.tables),
        sections=tuple((n, tuple(i for t in fmt.tables_of(n) for i in t.ids)) for n in numbers),
        section_of={i: t.section for t in fmt.tables for i in t.ids},
    )
