"""Expand an HTML table's cells (with rowspan/colspan) into a full rectangle of strings."""

from __future__ import annotations

import re

from gongkai.read import limits

MAX_COLSPAN = 1000  # the HTML limit
_DIGITS = re.compile(r"\s*(\d+)")


def _span(value: str) -> int:
    """A span attribute as HTML reads it: its leading digits; -1 when it has none."""
    m = _DIGITS.match(value)
    return int(m.group(1)) if m else -1


def expand_spans(
    rows: list[list[str]], spans: dict[int, dict[int, tuple[str, str]]]
) -> list[list[str | None]]:
    """Rows of cell texts → rows of equal width; a merge's text at its first position, None where a
    merge covers the position or the row has no cell there ("" is a blank cell).

    `spans[row][cell index]` holds the (rowspan, colspan) attribute text of the cells that have any.
    rowspan="0" runs to the last row (as in HTML); spans past the table are cut at its edge; junk
    spans count as 1. The width is set by the columns where some cell starts, so a bogus huge
    colspan cannot widen the table.
    """
    height = len(rows)
    cap = min(MAX_COLSPAN, 2 * max(map(len, rows), default=1))
    below: list[set[int]] = [set() for _ in range(height)]  # columns covered by rowspans from above
    out: list[list[str | None]] = []
    width = 0  # one past the last column where a cell starts
    covered = 0  # positions covered by rowspans: a billion-row span in every row is quadratic work
    for y, row in enumerate(rows):
        taken = below[y]
        row_spans = spans.get(y)
        if not taken and not row_spans:  # the common row: cell i sits in column i
            out.append(row)
            width = max(width, len(row))
            continue
        line: list[str | None] = []
        last = max(taken) if taken else -1  # past this column nothing is covered from above
        last_span = max(row_spans) if row_spans else -1  # past this cell no cell has spans
        x = start = 0
        for i, text in enumerate(row):
            if i > last_span and x > last:  # the rest of the row: one cell per column
                line.extend(row[i:])
                start = x + len(row) - i - 1
                break
            while x <= last and x in taken:
                line.append(None)
                x += 1
            start = x
            line.append(text)
            found = row_spans.get(i) if row_spans else None
            if found is None:
                x += 1
                continue
            rowspan, colspan = found
            cs = min(max(_span(colspan), 1), cap) if colspan else 1
            rs = _span(rowspan) if rowspan else 1
            rs = height - y if rs == 0 else min(max(rs, 1), height - y)
            covered += (rs - 1) * cs
            limits.check("cells", covered, "HTML 表格合并单元格所跨的")
            for dy in range(1, rs):
                below[y + dy].update(range(x, x + cs))
            line.extend([None] * (cs - 1))
            x += cs
        if row:
            width = max(width, start + 1)
        out.append(line)
    return [r[:width] if len(r) >= width else r + [None] * (width - len(r)) for r in out]
