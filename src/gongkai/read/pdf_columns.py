"""Blank table cells in a PDF, recovered from column positions.

A PDF has no cells, only text at positions. Within one table block (value rows whose numbers line
up, also across a page break when the columns stay where they were), the row with the most values
gives the column centres; a row with fewer values gets "" where a column has no value, so a blank
stays distinguishable from a missing value.

A block ends at a row whose values do not line up with its columns, or at a text line that reaches
into the value columns (a heading, a header row, a paragraph); label lines left of the values
(wrapped or vertical labels) do not end it.
"""

from __future__ import annotations

from itertools import pairwise

from gongkai.model.values import PRINTED_BLANKS
from gongkai.read.pdf_layout import Cell, VLine


def _is_value(c: Cell) -> bool:
    return c.numeric or c.text in PRINTED_BLANKS


def value_cells(line: VLine) -> list[Cell]:
    """The trailing run of value cells of a line (the label, if any, comes first)."""
    out: list[Cell] = []
    for c in reversed(line.cells):
        if not _is_value(c):
            break
        out.append(c)
    return out[::-1]


class _Block:
    def __init__(self, first: list[Cell]):
        self.columns = [c.cx for c in first]
        self.rows: list[tuple[VLine, list[Cell]]] = []

    @property
    def left(self) -> float:
        return self.columns[0] - self.tolerance

    @property
    def tolerance(self) -> float:
        if len(self.columns) < 2:
            return 20.0
        spacing = min(b - a for a, b in pairwise(self.columns))
        return max(spacing / 2, 1.0)

    def fits(self, values: list[Cell]) -> bool:
        tol = self.tolerance
        short, long_ = sorted(([c.cx for c in values], self.columns), key=len)
        if len(values) > len(self.columns):
            tol = max(tol, _tolerance([c.cx for c in values]))
        return all(min(abs(x - y) for y in long_) <= tol for x in short)

    def add(self, line: VLine, values: list[Cell]) -> None:
        if len(values) > len(self.columns):
            self.columns = [c.cx for c in values]
        self.rows.append((line, values))


def _tolerance(xs: list[float]) -> float:
    if len(xs) < 2:
        return 20.0
    return max(min(b - a for a, b in pairwise(xs)) / 2, 1.0)


def _assign(xs: list[float], columns: list[float]) -> list[int] | None:
    """Monotone assignment of values to columns, minimising total distance (small DP)."""
    n, m = len(xs), len(columns)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            cost[i][j] = min(cost[i][j - 1], cost[i - 1][j - 1] + abs(xs[i - 1] - columns[j - 1]))
    if cost[n][m] == inf:
        return None
    out: list[int] = []
    i, j = n, m
    while i > 0:
        if j > i and cost[i][j] == cost[i][j - 1]:
            j -= 1
        else:
            out.append(j - 1)
            i -= 1
            j -= 1
    return out[::-1]


def fill_blanks(lines: list[VLine]) -> None:
    """Insert "" cells for blank columns, in place."""
    blocks: list[_Block] = []
    block: _Block | None = None
    for line in lines:
        values = value_cells(line) if line.blank_fillable else []
        if not values:
            if block is not None and line.blank_fillable and any(c.x1 > block.left for c in line.cells):
                block = None
            continue
        if block is None or not block.fits(values):
            block = _Block(values)
            blocks.append(block)
        block.add(line, values)
    for b in blocks:
        width = len(b.columns)
        if width < 2:
            continue
        tol = b.tolerance
        for line, values in b.rows:
            if len(values) >= width:
                continue
            slots = _assign([c.cx for c in values], b.columns)
            if slots is None or any(
                abs(v.cx - b.columns[s]) > tol for v, s in zip(values, slots, strict=True)
            ):
                continue
            filled: list[Cell] = [Cell("", x, x, 0.0) for x in b.columns]
            for v, s in zip(values, slots, strict=True):
                filled[s] = v
            line.cells = line.cells[: len(line.cells) - len(values)] + filled
