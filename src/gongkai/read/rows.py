"""Rebuild table rows — a label and its printed values — from lines of cells.

Works the same for tab rows, HTML/DOCX grids, PDF lines and one-cell-per-line dumps: label text
accumulates until values appear; the next label after values starts a new row. Empty cells between a
label and its first value are kept apart (they may be blank cells or layout padding); `fit` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.model.values import PRINTED_BLANKS, looks_numeric
from gongkai.read.document import Document
from gongkai.read.normalize import label_key
from gongkai.read.units import MONEY_UNITS, bare_value, is_lone_note

# A label that starts a row: 一、 / （一） / 1. / 1、
_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|\d+\s*[.、．])"
)


@dataclass
class DataRow:
    label: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # printed values, "" for an empty cell among them
    leading_empty: int = 0  # empty cells between the label and the first value
    line: int = 0  # index of the line where the values start
    positional: bool = False  # cells come from a real grid: an empty cell is a blank cell
    line_cells: list[str] = field(default_factory=list)  # every cell of the line where the values start
    money: set[str] = field(default_factory=set)  # tokens printed with 元/万元/亿元: amounts only
    soft: bool = False  # flattened text: printed spaces between digits are hints, not boundaries
    apart: bool = False  # text by height: the values stand on a line of their own after the label
    columns_unsure: bool = False  # text by column: only 总计 is known to be in its column

    @property
    def label_text(self) -> str:
        return "".join(self.label)


def is_value(cell: str) -> bool:
    if cell.isascii() and cell.isdigit():
        return True  # most cells: a plain count, without the regex
    return bool(cell) and (cell in PRINTED_BLANKS or looks_numeric(cell))


def _without_unit(cell: str, money: set[str]) -> str:
    found = bare_value(cell)
    if found is None:
        return cell
    number, unit = found
    if unit in MONEY_UNITS:
        money.add(number)
    return number


def split_cell(cell: str, money: set[str] | None = None) -> list[str]:
    """A label cell that ends with space-separated numbers (PDF or plain text) → label + values.
    Units and notes after a number are dropped (see `units`); tokens printed as money go to `money`."""
    money = set() if money is None else money
    cell = _without_unit(cell, money)
    if not cell or " " not in cell or is_value(cell):
        return [cell]
    parts = [_without_unit(p, money) for p in cell.split()]
    k = len(parts)
    while k > 0 and is_value(parts[k - 1]):
        k -= 1
    if k == len(parts):
        return [cell]
    return ([" ".join(parts[:k])] if k else []) + parts[k:]


def _line_cells(real_cells, money: set[str]) -> list[str]:
    """A line's cells stripped, lone notes dropped, labels split from trailing numbers."""
    out: list[str] = []
    for c in real_cells:
        c = c.strip()
        if not c or (c.isdigit() and c.isascii()):
            out.append(c)  # most cells: empty or a plain count, nothing to split or drop
        elif not is_lone_note(c):
            out.extend(split_cell(c, money))
    return out


# A leaf row's label: 1.属于国家秘密 (numbered rows never hold other rows).
_LEAF = re.compile(r"(?:^|\s)\d{1,2}\s*[.、．]\s*[^\d\s]")
_LEAF_NUMBER = re.compile(r"(?:^|[^\d.．])(\d{1,2})\s*[.、．]\s*[^\d\s]")  # its number, anywhere
# A label line of text taken from a PDF by height: a character of a group label printed vertically
# beside it may stand first (年 3.危及…, 、 2.其他…).
_STRAY_THEN_ENUMERATOR = re.compile(
    r"^\s*\S\s+(?=\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+\s*[、.．])"
)


def fewest_values(width: int) -> int:
    """The fewest values a line can hold to be a row's of a table `width` cells wide (a blank cell
    or two may print nothing): fewer are a page number or a stray value."""
    return max(1, width - 2)


def names_two_rows(label: str) -> bool:
    """A label holding two numbered rows' labels (1.… 2.…): text out of order glued them together."""
    if label.count(".") + label.count("、") + label.count("．") < 2:
        return False  # most labels: one number at most, without the regex
    return len({m.group(1) for m in _LEAF_NUMBER.finditer(label)}) > 1


def own_label(row: DataRow) -> list[str] | None:
    """For a label holding two numbered rows' labels: the parts from the last numbered one on, when
    that one stands on the line of the values (a row printed whole, with another row's label lines
    glued before it); None when the text does not say whose values follow."""
    numbered = [i for i, part in enumerate(row.label) if _LEAF_NUMBER.search(part)]
    if not numbered:
        return None
    tail = row.label[numbered[-1] :]
    if tail[0] not in row.line_cells or names_two_rows("".join(tail)):
        return None
    return tail


def _starts_row(cell: str) -> bool:
    return bool(_ENUMERATOR.match(cell) or _STRAY_THEN_ENUMERATOR.match(cell))


def _names_a_row(label: list[str], row_labels: frozenset[str]) -> bool:
    """Whether a label (its lines so far) names a row: a numbered leaf row, or a whole row label
    from its last line that starts a row on (header lines may stand before it)."""
    if any(_LEAF.search(part) for part in label):
        return True
    starts = [i for i, part in enumerate(label) if _starts_row(part)]
    tail = label[starts[-1] :] if starts else label
    return label_key("".join(_STRAY_THEN_ENUMERATOR.sub("", part) for part in tail)) in row_labels


def _wraps_on(label: list[str], doc: Document, following: int, end: int, row_labels: frozenset[str]) -> bool:
    """A label that names no row, on a line of blank cells, whose next line goes on with label text
    that starts no row and then values (`|1、申请人无正当理由逾期不补|||…|` / `|正、行政机关…申请|67|…`):
    one label wrapped over two table rows, not a blank row."""
    if not row_labels or following >= end or label_key("".join(label)) in row_labels:
        return False
    cells = [c for c in doc.lines[following].real_cells if c.strip()]
    return len(cells) > 1 and not is_value(cells[0]) and not _starts_row(cells[0]) and is_value(cells[-1])


def is_group(label: list[str], groups: frozenset[str]) -> bool:
    return (
        bool(groups) and label_key("".join(_STRAY_THEN_ENUMERATOR.sub("", part) for part in label)) in groups
    )


def is_header(label: list[str], header: frozenset[str]) -> bool:
    """Text made only of the characters of the table's column headers: it never owns values."""
    key = label_key("".join(label))
    return bool(header) and bool(key) and set(key) <= header


_BLANK_ROW_CELLS = 2  # blank cells after a label that make a row (one is padding under a merged label)
GRID_SHAPES = frozenset({"html", "docx", "pdf"})  # readers that keep every cell in its place


def build_rows(
    doc: Document,
    start: int,
    end: int,
    row_labels: frozenset[str] = frozenset(),
    header: frozenset[str] = frozenset(),
    width: int = 1,
    groups: frozenset[str] = frozenset(),
) -> list[DataRow]:
    """`row_labels`: the label keys of the section's rows, which let one cell per line tell a row
    whose values were printed elsewhere (text in a PDF's column order) from a label in two parts.
    `header`: the characters of the table's column headers, text that never owns values. `width`:
    the fewest cells a row of the table has. `groups`: the label keys of the table's group labels
    ((三)不予公开 …), which own no values either."""
    rows: list[DataRow] = []
    positional = doc.shape in GRID_SHAPES
    soft = doc.shape == "flat"
    cur = DataRow(positional=positional, soft=soft)
    empties = 0
    rows_follow_lines = doc.shape != "pipe"
    # Text taken from a PDF line by line, ordered by height: a row's values may stand on a line of
    # their own just above or below its label (the label sits lower in its cell, or wraps).
    lines_by_height = doc.shape == "text"

    def close() -> None:
        nonlocal cur, empties
        rows.append(cur)
        cur = DataRow(positional=positional, soft=soft)
        empties = 0

    money: set[str] = set()
    for i in range(start, end):
        money.clear()
        cells = _line_cells(doc.lines[i].real_cells, money)
        kinds = [is_value(c) for c in cells]
        just_closed = bool(rows) and not cur.label and not cur.tokens
        labels_only = not any(kinds)
        # A blank row of a grid starts with its label; a wrapped label's tail stands alone or under it.
        continues = len(cells) == 1 or (bool(cells) and cells[0] == "")
        if just_closed and labels_only and rows_follow_lines and continues:
            text = [c for c in cells if c]
            orphan = not rows[-1].label and len([t for t in rows[-1].tokens if t]) >= fewest_values(width)
            if text and orphan and lines_by_height and not is_header(text, header):
                # Values on a line of their own, then a label: the values were printed above it (the
                # label sits lower in its cell). A character of a vertical group label is no label.
                if not all(len(t) == 1 for t in text):
                    rows[-1].label.extend(text)
                continue
            if text and (rows[-1].label or not lines_by_height) and not any(_starts_row(t) for t in text):
                # A wrapped label continued on the line after its values: give it back to that row.
                rows[-1].label.extend(text)
                continue
        values_alone = lines_by_height and not any(c and not k for c, k in zip(cells, kinds, strict=True))
        for cell, value in zip(cells, kinds, strict=True):
            if cell == "":
                if cur.tokens:
                    cur.tokens.append("")
                elif cur.label:
                    empties += 1
            elif value:
                if not cur.tokens:
                    if (
                        values_alone
                        and cur.label
                        and (is_header(cur.label, header) or is_group(cur.label, groups))
                    ):
                        # Values under the column headers or a group label, which hold none: they
                        # were printed above their own label.
                        cur.label = []
                    cur.leading_empty = empties
                    cur.line = i
                    cur.line_cells = cells
                    cur.apart = values_alone and bool(cur.label)
                cur.tokens.append(cell)
                if cell in money:
                    cur.money.add(cell)
            else:
                if (
                    not cur.tokens
                    and cur.label
                    and empties >= _BLANK_ROW_CELLS
                    and not rows_follow_lines
                    and _ENUMERATOR.match(cell)
                ):
                    # Cells one per line: a label, blank cells, then a label that starts a row (2.…)
                    # is a blank row, not one label in two parts taking the next row's values. A
                    # label's unnumbered tail after blank cells (a wrapped cell) still joins it.
                    cur.tokens = [""] * empties
                    cur.line = i
                elif (
                    not cur.tokens
                    and cur.label
                    and (
                        (
                            not rows_follow_lines
                            and label_key(cell) in row_labels
                            and any(label_key(part) in row_labels for part in cur.label)
                        )
                        or (lines_by_height and _starts_row(cell) and _names_a_row(cur.label, row_labels))
                    )
                ):
                    # A whole row label after another with no values between: that row's values
                    # stand elsewhere; it is a row of its own, not one label taking the next values.
                    cur.line = i
                    close()
                if cur.tokens:
                    close()
                cur.label.append(cell)
                empties = 0
        if rows_follow_lines and cur.tokens:
            close()
        elif rows_follow_lines and cur.label and empties and len(cells) > 1:
            if _wraps_on(cur.label, doc, i + 1, end, row_labels):
                empties = 0  # a label wrapped over two table rows: its values are on the next
                continue
            # A table row whose value cells are all blank: still a row, not more label text.
            cur.tokens = [""] * empties
            cur.line = i
            close()
    if cur.tokens:
        close()
    return rows
