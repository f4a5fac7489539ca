"""Tables a PDF's text gives column by column (pdfminer, and so markitdown): a page's row labels first,
one a line, then every value of the first column down the rows, then the second column, and so on.

Such text reaches `rows.build_rows` as labels and one row holding every value. When the number of
values is the number of rows the labels name times the table's width, they are read column by
column. The order of the columns is not in the text (pdfminer orders text boxes its own way: it
prints 总计 before 其他 on some pages), and only 总计 can be told by the sums: it is the column
that is the sum of the others in every row. So 总计 is read wherever it stands, and the other cells
of a row only where they are all the same (a row of zeros); the rest of the row stays blank, named
by a finding (`columns_unsure`). No column found that way: nothing is read.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.format.spec import Row
from gongkai.read.align import align
from gongkai.read.normalize import label_key
from gongkai.read.rows import DataRow, is_header


def unfold(rows: list[DataRow], model: Sequence[Row], width: int, header: frozenset[str]) -> list[DataRow]:
    """`rows` with each block of labels and columns replaced by its rows (others kept as they are).
    The labels before a block's values may come as rows of their own with no values (one cell a
    line: each whole row label stands apart) or as one label in parts. `header`: the characters of
    the table's column headers, whose words (总计, 其他) may stand among the labels."""
    out: list[DataRow] = []
    pending: list[DataRow] = []  # rows of labels alone, just before
    for row in rows:
        if not row.tokens:
            pending.append(row)
            continue
        labels = [part for r in (*pending, row) for part in r.label]
        unfolded = _unfolded(labels, row, model, width, header)
        out.extend(unfolded or [*pending, row])
        pending = []
    return out + pending


def _unfolded(
    parts: list[str], row: DataRow, model: Sequence[Row], width: int, header: frozenset[str]
) -> list[DataRow] | None:
    values = row.tokens
    if len(parts) < 2 or len(values) < 2 * width or len(values) % width or "" in values:
        return None
    labels = _row_labels([p for p in parts if label_key(p) and not is_header([p], header)], model)
    n = len(labels)
    if n * width != len(values) or not all(v.isdigit() for v in values):
        return None
    by_column = [[values[i + n * j] for j in range(width)] for i in range(n)]
    total = _total_column(by_column)
    if total is None:
        return None
    out = []
    for label, cells in zip(labels, by_column, strict=True):
        others = cells[:total] + cells[total + 1 :]
        out.append(
            DataRow(
                label=[label],
                tokens=[*others, cells[total]],
                line=row.line,
                line_cells=row.line_cells,
                columns_unsure=len(set(others)) > 1,  # which of them is which, the text does not say
            )
        )
    return out


def _total_column(rows: list[list[str]]) -> int | None:
    """The column that is the sum of the others in every row (the last one when several are, as in a
    row with one value besides 总计), or None when none is, or several that differ."""
    numbers = [[int(c) for c in cells] for cells in rows]
    width = len(numbers[0])
    fits = [j for j in range(width) if all(2 * r[j] == sum(r) for r in numbers)]
    if not fits or any([r[j] for r in numbers] != [r[fits[0]] for r in numbers] for j in fits):
        return None
    return width - 1 if width - 1 in fits else fits[0]


def _row_labels(parts: list[str], model: Sequence[Row]) -> list[str]:
    """The label parts that start a row: those matching a row of the format, and a group label whose
    rows are not among them (a report that prints （六）其他处理 as one row). Wrapped tails, stray
    characters of a vertical label and group labels over their rows are not rows."""
    matches = align(parts, model)
    found = {m for m in matches if m is not None}
    out = []
    for part, m in zip(parts, matches, strict=True):
        if m is not None:
            out.append(part)
            continue
        key = label_key(part)
        children = [i for i, r in enumerate(model) if r.group and label_key(r.group) == key]
        if children and not found & set(children):
            out.append(part)
    return out
