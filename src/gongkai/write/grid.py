"""Cell text and flattened rows of the national table grids, shared by every writer.

The grids themselves come from `gongkai.format.layout`; this module only decides how a value prints
(a blank is printed blank, never 0) and how a merged grid flattens into rows of text cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from gongkai.format.layout import Grid, GridCell, expand
from gongkai.model.values import Value


def value_text(value: Value) -> str:
    """How a cell value prints: plain digits, amounts without exponent, blank for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def cell_text(cell: GridCell, values: Mapping[str, Value]) -> str:
    if cell.cell_id is not None:
        return value_text(values.get(cell.cell_id))
    return cell.text


def flat_rows(grid: Grid, values: Mapping[str, Value]) -> list[list[str]]:
    """The grid as a rectangle of strings; positions covered by a merge are empty, as Word exports them."""
    return [["" if c is None else cell_text(c, values) for c in row] for row in expand(grid)]


def width(grid: Grid) -> int:
    return sum(c.colspan for c in grid[0])
