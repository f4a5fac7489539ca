"""Reading order of table rows whose values are centred beside a wrapped label.

A label wrapped over three lines with its numbers centred vertically reads, by position:
label line 1, [label line 2 + numbers], label line 3. The locator wants the whole label before the
numbers, so the label lines below the numbers that belong to the same cell (left of the values,
overlapping the label horizontally, and balancing the lines above) are moved before them.
"""

from __future__ import annotations

from gongkai.read.pdf_columns import value_cells
from gongkai.read.pdf_layout import Cell, VLine


def _overlaps(a: Cell, b: Cell) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0


def _label_run(lines: list[VLine], start: int, step: int, ref: Cell, limit: float, page: int) -> list[int]:
    """Indexes of the label-only lines next to a value line, in the label's cell, going up or down."""
    out: list[int] = []
    prev_mid = lines[start - step].mid
    i = start
    while 0 <= i < len(lines):
        ln = lines[i]
        if ln.page != page or value_cells(ln) or abs(prev_mid - ln.mid) > 2.2 * ln.em:
            break
        last = ln.cells[-1]
        left_of = all(c.x1 < ref.x0 for c in ln.cells[:-1])  # group labels may share the line
        if ln.blank_fillable and left_of and last.x1 < limit and _overlaps(last, ref):
            out.append(i)
            prev_mid = ln.mid
        elif not (ln.cells[-1].x1 < ref.x0):  # lines left of the label column (group labels) are skipped
            break
        i += step
    return out


def centre_labels(lines: list[VLine]) -> list[VLine]:
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        values = value_cells(line)
        labels = line.cells[: len(line.cells) - len(values)]
        if not values:
            i += 1
            continue
        limit = values[0].x0
        ref = (
            labels[-1]
            if labels
            else (out[i - 1].cells[-1] if i > 0 and not value_cells(out[i - 1]) else None)
        )
        above = _label_run(out, i - 1, -1, ref, limit, line.page) if ref is not None and i > 0 else []
        if ref is None or not above:
            i += 1
            continue
        below = _label_run(out, i + 1, 1, ref, limit, line.page) if i + 1 < len(out) else []
        top = out[above[-1]].mid
        # move as many lines from below as make the label block centred on the values
        bottom = line.mid if labels else out[above[0]].mid
        best, best_err = 0, abs((top + bottom) / 2 - line.mid)
        for j in range(1, len(below) + 1):
            err = abs((top + out[below[j - 1]].mid) / 2 - line.mid)
            if err < best_err - 0.2 * line.em:
                best, best_err = j, err
        if best == 0:
            i += 1
            continue
        end = below[best - 1] + 1
        moved = [out[k] for k in below[:best]]
        skipped = [out[k] for k in range(i + 1, end) if k not in below[:best]]  # group labels, kept
        head: list[VLine] = []
        if labels:
            head = [VLine(labels, line.mid, line.em, line.page, False)]
            line.cells = values
        out[i:end] = [*skipped, *head, *moved, line]
        i = end
    return out
