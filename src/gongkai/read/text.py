"""Plain text and markdown: tab-separated rows, pipe tables, and one cell per line with `|` ends."""

from __future__ import annotations

import re

from gongkai.model.values import BLANK_MARKS
from gongkai.read.document import Document
from gongkai.read.settings import SETTINGS

_MD_MARKS = re.compile(r"^\s*(?:#{1,6}\s*|>\s*|[-*+]\s+(?=\S))|\*\*|__")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A line that is one value and nothing else: 12, 0, 3.5, -7, a blank mark.
_LONE_VALUE = re.compile(r"^\s*(?:[+\-－]?\d+(?:\.\d+)?|[/／—–\-－]+)\s*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")  # two cells at least
_BOLD = re.compile(r"\*\*|__")  # inside a table cell (LLM converters bold totals: **12**)
_GENERIC = re.compile(r"^(?:数据|列|栏|字段|column|col)\s*\d{1,2}$", re.IGNORECASE)
# A page number a PDF converter left in the text: "— 1 —", "- 12 -", "第 3 页", "3/12".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－]+\s*\d{1,3}\s*[—–\-－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$"
)


def _pipe_cells(line: str) -> list[str]:
    parts = [p.strip() for p in line.split("|")]
    if line.rstrip().endswith("|"):
        parts.pop()
    # "| a | b |" is a markdown row; "|" alone or "||" are empty cells of a one-cell-per-line dump
    markdown_row = line.lstrip().startswith("|") and len(parts) > 1 and parts[0] == ""
    if markdown_row and not all(p == "" for p in parts):
        parts.pop(0)
    return parts


def read_text(text: str) -> Document:
    lines = text.split("\n")
    piped = sum(1 for ln in lines if ln.rstrip().endswith("|"))
    markdown = sum(1 for ln in lines if ln.lstrip().startswith("|") and ln.rstrip().endswith("|"))
    ruled = any(_MD_RULE.match(ln.strip()) and "|" in ln for ln in lines)
    if markdown <= 10 and ruled:
        # tables without the outer pipes (a | b | c), which markdown allows: rows hold two or more
        markdown += sum(1 for ln in lines if ln.count("|") >= 2 and not ln.rstrip().endswith("|"))
    tabbed = sum(1 for ln in lines if "\t" in ln)
    doc = Document(shape="text")
    if piped > 10 and markdown < piped / 2:
        doc.shape = "pipe"  # one cell per line: rows are not marked, the locator rebuilds them
    elif markdown > 10 or (markdown >= 2 and any(_TABLE_RULE.match(ln.strip()) for ln in lines)):
        # a short markdown page: a table's rule line (|---|---|) marks it
        doc.shape = "markdown"
    elif tabbed > 10:
        doc.shape = "tab"
    elif sum(1 for ln in lines if _LONE_VALUE.match(ln)) >= SETTINGS.lone_value_lines:
        doc.shape = "pipe"  # one cell per line without the pipes (text copied out of a PDF table)
    for raw in lines:
        line = raw.strip("\r\n")
        if not line.strip():
            continue
        if PAGE_NUMBER.match(line):
            continue
        if "|" in line and doc.shape in ("pipe", "markdown"):
            if _MD_RULE.match(line.strip()):
                continue
            cells = _pipe_cells(line)
            if doc.shape == "markdown":
                cells = [_BOLD.sub("", c).strip() for c in cells]
            if doc.shape == "markdown" and (
                all(c in BLANK_MARKS for c in cells) or all(_GENERIC.match(c) for c in cells if c)
            ):
                continue  # a placeholder row of "-", or a converter's generic header (数据1 | 数据2 …)
            doc.add(cells)
        elif "\t" in line:
            doc.add([c.strip() for c in line.split("\t")])
        elif doc.shape == "markdown":
            doc.add([_MD_MARKS.sub("", line).strip()])
        else:
            doc.add([line.strip()])
    return doc
