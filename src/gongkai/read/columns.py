"""Tables a PDF's text gives column by column (pdfminer, and so markitdown): a page's row labels first,
one a line, then every value of the first column down the rows, then the second column, and so on.

Rows are rebuilt from labels and values; such text then reaches `rows.build_rows` as one row whose
label is all the labels and whose values are all the columns. When the number of values is the
number of rows the labels name times the table's width, the values are read column by column, and
kept so only when every row's own sum (总计 = the sum of the other columns) holds that way, and
fewer hold the other way (unless both ways read the same). The sums catch the 总计 column printed
out of its place (pdfminer orders text boxes its own way); they cannot catch two other columns
swapped, which no text order tells apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.format.spec import Row
from gongkai.read.align import align
from gongkai.read.normalize import label_key
from gongkai.read.rows import DataRow


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
    labels = _row_labels([p for p in parts if not set(label_key(p)) <= header], model)
    n = len(labels)
    if n * width != len(values):
        return None
    by_column = [[values[i + n * j] for j in range(width)] for i in range(n)]
    by_row = [values[i * width : (i + 1) * width] for i in range(n)]
    if _sums_hold(by_column) < n:
        return None  # every row's sum must hold: a column printed out of its place fails some
    if by_column != by_row and _sums_hold(by_column) <= _sums_hold(by_row):
        return None  # both orders fit the sums as well (a table of zeros reads the same either way)
    return [
        DataRow(label=[label], tokens=cells, line=row.line, line_cells=row.line_cells, money=row.money)
        for label, cells in zip(labels, by_column, strict=True)
    ]


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


def _sums_hold(rows: list[list[str]]) -> int:
    """How many rows' last value is the sum of the others."""
    held = 0
    for cells in rows:
        try:
            numbers = [int(c) for c in cells]
        except ValueError:
            continue
        held += sum(numbers[:-1]) == numbers[-1]
    return held
