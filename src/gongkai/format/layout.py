"""The national layout of each table as a grid: merged header blocks, row-spanning labels, cell ids.

Writers draw these grids (HTML rowspan/colspan, DOCX merges, flattened text rows); the sample
generator uses them to produce published shapes. Built from the spec, so it cannot drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.format.spec import (
    APPEALS,
    APPLICANT_GROUP,
    RESULTS_GROUP,
    TALLY_NOTE,
    Format,
    Table,
)


@dataclass(frozen=True)
class GridCell:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    cell_id: str | None = None  # set on value cells
    header: bool = False


Grid = list[list[GridCell]]  # rows of the cells that start there (HTML semantics)

ACTIVE_WIDTH = 4  # section 二 is one 4-column table in the template


def _h(text: str, rowspan: int = 1, colspan: int = 1) -> GridCell:
    return GridCell(text, rowspan, colspan, None, True)


def active_grid(fmt: Format) -> Grid:
    """Section 二: the sub-tables stacked in one 4-column grid, as the template prints them."""
    grid: Grid = []
    for t in fmt.tables_of(2):
        grid.append([_h(t.heading or "", colspan=ACTIVE_WIDTH)])
        n = len(t.columns)
        last_span = ACTIVE_WIDTH - n  # the last column stretches over the unused ones
        header = [_h(t.row_header)]
        for i, c in enumerate(t.columns):
            header.append(_h(c.label, colspan=last_span if i == n - 1 else 1))
        grid.append(header)
        for r in t.rows:
            row = [_h(r.label)]
            for i, c in enumerate(t.columns):
                row.append(GridCell(colspan=last_span if i == n - 1 else 1, cell_id=t.cell_id(r, c)))
            grid.append(row)
    return grid


def requests_grid(fmt: Format) -> Grid:
    """Section 三: 3 label columns and 7 value columns, with the 勾稽 note in the corner."""
    t: Table = fmt.table("requests")
    cols = t.columns
    grid: Grid = [
        [_h(TALLY_NOTE, rowspan=3, colspan=3), _h(t.row_header, colspan=len(cols))],
        [
            _h(cols[0].label, rowspan=2),
            _h(APPLICANT_GROUP, colspan=len(cols) - 2),
            _h(cols[-1].label, rowspan=2),
        ],
        [_h(c.label) for c in cols[1:-1]],
    ]
    results = [r for r in t.rows if r.group == RESULTS_GROUP or (r.group and r.group != RESULTS_GROUP)]
    first_result = results[0].key if results else None
    seen_groups: set[str] = set()
    for r in t.rows:
        values = [GridCell(cell_id=t.cell_id(r, c)) for c in cols]
        if r.group is None:
            grid.append([_h(r.label, colspan=3), *values])
            continue
        row: list[GridCell] = []
        if r.key == first_result:
            row.append(_h(RESULTS_GROUP, rowspan=len(results)))
        if r.group == RESULTS_GROUP:
            row.append(_h(r.label, colspan=2))
        else:
            if r.group not in seen_groups:
                seen_groups.add(r.group)
                row.append(_h(r.group, rowspan=sum(1 for x in t.rows if x.group == r.group)))
            row.append(_h(r.label))
        grid.append([*row, *values])
    return grid


def appeals_grid(fmt: Format) -> Grid:
    """Section 四: 行政复议 (5 columns) and 行政诉讼 (two groups of 5), one row of 15 values."""
    t = APPEALS
    cols = t.columns
    recon, direct, after = t.rows
    return [
        [_h(recon.label, colspan=len(cols)), _h(direct.group or "", colspan=2 * len(cols))],
        [
            *(_h(c.label, rowspan=2) for c in cols),
            _h(direct.label, colspan=len(cols)),
            _h(after.label, colspan=len(cols)),
        ],
        [_h(c.label) for _ in (direct, after) for c in cols],
        [GridCell(cell_id=t.cell_id(r, c)) for r in t.rows for c in cols],
    ]


def grids(fmt: Format) -> dict[int, Grid]:
    """The grid of each statistical section, by section number."""
    return {2: active_grid(fmt), 3: requests_grid(fmt), 4: appeals_grid(fmt)}


def expand(grid: Grid) -> list[list[GridCell | None]]:
    """The grid as a full rectangle; positions covered by a merge hold None."""
    width = sum(c.colspan for c in grid[0])
    out: list[list[GridCell | None]] = []
    pending: dict[tuple[int, int], bool] = {}
    for y, row in enumerate(grid):
        line: list[GridCell | None] = []
        x = 0
        cells = iter(row)
        while x < width:
            if pending.pop((y, x), False):
                line.append(None)
                x += 1
                continue
            c = next(cells, None)
            if c is None:
                line.append(None)
                x += 1
                continue
            for dy in range(c.rowspan):
                for dx in range(c.colspan):
                    if dy or dx:
                        pending[(y + dy, x + dx)] = True
            line.append(c)
            x += 1
            line.extend([None] * (c.colspan - 1))
            x += c.colspan - 1
        out.append(line)
    return out
