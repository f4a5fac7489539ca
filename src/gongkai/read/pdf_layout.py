"""From positioned characters to visual lines of cells.

- Characters whose vertical centres agree (within a third of an em) form a line.
- A line splits into cells where the gap between neighbours is wide: more than an em between text,
  half an em between a number and text, and any visible space between two numbers.
- Labels printed vertically, one character per line ("三、本年度办理结果" in a merged cell), are
  found as stacks of lone characters and become one cell on a line of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from gongkai.read.chars import CJK
from gongkai.read.pdf_chars import Char

_CJK = re.compile("[" + CJK + "]")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


@dataclass
class Cell:
    text: str
    x0: float
    x1: float
    em: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def numeric(self) -> bool:
        return bool(_NUMBER.fullmatch(self.text))


@dataclass
class VLine:
    cells: list[Cell]
    mid: float  # vertical centre, PDF points (y up)
    em: float
    page: int = 0
    blank_fillable: bool = field(default=True)  # False for lines the reader made: lifted or split labels

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into visual lines, top of the page first."""
    lines: list[list[Char]] = []
    mids: list[float] = []
    for ch in sorted(chars, key=lambda c: -c.mid):
        if lines and abs(mids[-1] - ch.mid) <= 0.35 * min(ch.em, lines[-1][0].em):
            lines[-1].append(ch)
            n = len(lines[-1])
            mids[-1] += (ch.mid - mids[-1]) / n
        else:
            lines.append([ch])
            mids.append(ch.mid)
    return lines


def _gap_splits(a: Char, b: Char, gap: float) -> bool:
    em = min(a.em, b.em)
    if (a.text.isdigit() or a.text == "%") and b.text.isdigit():
        return gap > 0.2 * em  # two numbers: even a plain space separates them
    if a.text.isdigit() != b.text.isdigit():
        # a number and its neighbour: half an em separates columns, a plain space ("第 2 页") does not
        return gap > 0.5 * em and not (a.text in ".," or b.text in ".,")
    return gap > 1.0 * em


def _join(chars: list[Char]) -> str:
    out = [chars[0].text]
    for a, b in pairwise(chars):
        # a visible space only between non-CJK characters (e.g. "hzzwgk @ 126"); CJK text never has one
        if b.x0 - a.x1 > 0.2 * min(a.em, b.em) and not _CJK.match(a.text) and not _CJK.match(b.text):
            out.append(" ")
        out.append(b.text)
    return "".join(out)


def _overprint(a: Char, b: Char) -> bool:
    """The same glyph drawn again a hair to the side: fake bold, as WPS and some printers make it."""
    return a.text == b.text and abs(a.x0 - b.x0) < 0.2 * a.em and abs(a.base - b.base) < 0.2 * a.em


def split_cells(chars: list[Char]) -> list[list[Char]]:
    chars = sorted(chars, key=lambda c: c.x0)
    cells: list[list[Char]] = [[chars[0]]]
    right = chars[0].x1
    for ch in chars[1:]:
        if any(_overprint(c, ch) for c in cells[-1][-3:]):
            continue
        if _gap_splits(cells[-1][-1], ch, ch.x0 - right):
            cells.append([ch])
        else:
            cells[-1].append(ch)
        right = max(right, ch.x1)
    return cells


def _cell(chars: list[Char]) -> Cell:
    return Cell(_join(chars), min(c.x0 for c in chars), max(c.x1 for c in chars), max(c.em for c in chars))


def _vertical_runs(cells: list[tuple[int, list[Char]]]) -> list[list[tuple[int, list[Char]]]]:
    """Stacks of short non-digit cells (1-2 characters) at one x, at most ~2 em apart vertically."""
    singles = [(i, c) for i, c in cells if len(c) <= 2 and not any(ch.text.isdigit() for ch in c)]
    singles.sort(key=lambda t: -t[1][0].mid)
    runs: list[list[tuple[int, list[Char]]]] = []
    for item in singles:
        ch = item[1][0]
        for run in runs:
            last = run[-1][1][0]
            aligned = abs(last.x0 - ch.x0) <= 0.6 * ch.em or abs(last.cx - ch.cx) <= 0.6 * ch.em
            if aligned and abs(last.em - ch.em) <= 0.2 * ch.em and 0 < last.mid - ch.mid <= 2.2 * ch.em:
                run.append(item)
                break
        else:
            runs.append([item])
    runs = [r for r in runs if len(r) >= 3]
    # text turned to read upwards (btLr) stacks its first character at the bottom
    return [r[::-1] if sum(c[0].up for _, c in r) * 2 > len(r) else r for r in runs]


def page_lines(chars: list[Char], page: int) -> list[VLine]:
    """The visual lines of one page, top first, each split into cells."""
    if not chars:
        return []
    grouped = group_lines(chars)
    # cells tagged with the index of their line, so vertical stacks can be lifted out
    tagged = [(i, cells) for i, line in enumerate(grouped) for cells in split_cells(line)]
    taken: set[int] = set()
    extra: list[VLine] = []
    for run in _vertical_runs(tagged):
        taken.update(id(c) for _, c in run)
        text = "".join(_join(c) for _, c in run)
        top = max((c[0] for _, c in run), key=lambda ch: ch.mid)  # the line sits where the stack starts
        extra.append(VLine([Cell(text, top.x0, top.x1, top.em)], top.mid, top.em, page, False))
    per_line: list[list[list[Char]]] = [[] for _ in grouped]
    for i, c in tagged:
        if id(c) not in taken:
            per_line[i].append(c)
    lines: list[VLine] = []
    for line, kept in zip(grouped, per_line, strict=True):
        cells = [_cell(c) for c in kept]
        if cells:
            mid = sum(c.mid for c in line) / len(line)
            lines.append(VLine(cells, mid, max(c.em for c in cells), page))
    lines.extend(extra)
    lines.sort(key=lambda v: -v.mid)
    return lines
