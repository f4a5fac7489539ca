"""Page furniture of a PDF: page numbers and running headers/footers, which are not report text."""

from __future__ import annotations

import re
from collections import Counter

from gongkai.read.pdf_layout import VLine

_PAGE_NUMBER = re.compile(
    r"[-－—–_~·•]+\s*\d{1,4}\s*[-－—–_~·•]+"  # "- 2 -", "— 3 —"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 2 页 共 5 页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 2/5
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"\d{1,4}")
_MARGIN = 0.12  # page numbers and running heads sit in the outer 12% of the page height
_EDGE_LINES = 2  # how many lines at each page edge can be furniture


def _text(line: VLine) -> str:
    return "".join(c.text for c in line.cells)


def _in_margin(line: VLine, height: float) -> bool:
    return line.mid < height * _MARGIN or line.mid > height * (1 - _MARGIN)


def _is_page_number(line: VLine, height: float) -> bool:
    text = _text(line)
    if _PAGE_NUMBER.fullmatch(text):
        return True
    # a bare number is a page number only very near the edge (a table value may stand alone lower)
    return bool(_BARE_NUMBER.fullmatch(text)) and (line.mid < 0.07 * height or line.mid > 0.93 * height)


def drop_furniture(pages: list[list[VLine]], heights: list[float]) -> list[list[VLine]]:
    """Pages without page numbers and running headers/footers."""
    edges: list[list[VLine]] = []
    for lines, height in zip(pages, heights, strict=True):
        edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        edges.append([ln for ln in edge if _in_margin(ln, height)])
    # running heads: the same text (digits aside) at a page edge on most pages
    counts = Counter(
        key for edge in edges for key in {re.sub(r"\d+", "#", _text(ln)) for ln in edge if _text(ln)}
    )
    repeated = {k for k, n in counts.items() if len(pages) >= 3 and n >= max(3, 0.6 * len(pages))}
    out: list[list[VLine]] = []
    for lines, edge, height in zip(pages, edges, heights, strict=True):
        drop = {
            id(ln) for ln in edge if _is_page_number(ln, height) or re.sub(r"\d+", "#", _text(ln)) in repeated
        }
        out.append([ln for ln in lines if id(ln) not in drop])
    return out
