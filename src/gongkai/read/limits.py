"""Limits on the work a reader does for one file, in one place.

The byte size alone does not bound the work: 40 KB of DOCX can declare a table a billion columns wide,
1 MB of PDF can inflate to a page content of 400 MB, 50 MB of tab-separated digits is 25 million cells.
Each reader counts what it is about to do and stops with `ReadLimitExceeded` (a `LimitExceeded`, code
`read.limit.<what>`) before the work costs more than seconds and a few hundred MB. An annual report
is a few dozen pages, a few hundred lines and a few hundred cells (the largest seen: 339 lines, 412
cells, 15 cells in a row); every limit here is far above that, and low enough that the work up to it
takes seconds (the later stages cost about 0.1 ms a line).

The limits are counted on the input as it is read, never after the expensive step:

| limit          | counted where                                                        |
|----------------|----------------------------------------------------------------------|
| bytes          | the file, before anything (sniff)                                    |
| lines          | line breaks of a text file (twice the limit: blank lines count), <tr> |
|                | tags of an HTML page, before any work; the lines of every reader     |
| cells          | tabs and pipes of a text file, <td> tags of a page; every reader     |
| line_chars     | the longest text line before any work                                |
| row_cells      | cells of one row (a text line, an HTML row, a DOCX row's grid width) |
| unzipped       | all members of a DOCX zip, decompressed in a stream and counted      |
| docx_xml       | word/document.xml decompressed (its tree costs ~10× its size)        |
| html_tags      | "<" in an HTML page, before parsing                                  |
| html_depth     | nesting of elements in an HTML page, before parsing (parsing is      |
|                | quadratic in depth: 100,000 nested <div>s took 42 s)                  |
| pages          | pages of a PDF                                                       |
| page_content   | a PDF page's content streams and forms, decompressed in a stream    |
| pdf_chars      | characters of all PDF pages                                          |

A batch adds a time and memory budget per file on top (see `gongkai.read.isolate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from gongkai.errors import LimitExceeded
from gongkai.read.document import ReadError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    bytes: int = 50 * MB
    lines: int = 10_000
    cells: int = 50_000
    line_chars: int = 2_000_000
    row_cells: int = 1_000
    unzipped: int = 200 * MB
    docx_xml: int = 40 * MB
    html_tags: int = 1_000_000
    html_depth: int = 1_000
    pages: int = 500
    page_content: int = 32 * MB
    pdf_chars: int = 3_000_000


LIMITS = Limits()

# What each limit counts, in the one-line message: "<what>超过上限（<limit><unit>）".
_NAMES = {
    "bytes": ("文件大小", "MB"),
    "lines": ("行数", "行"),
    "cells": ("单元格数", "个"),
    "line_chars": ("单行长度", "个字符"),
    "row_cells": ("一行的单元格数（含合并单元格所跨的列）", "个"),
    "unzipped": ("DOCX 解压后的大小", "MB"),
    "docx_xml": ("DOCX 正文解压后的大小", "MB"),
    "html_tags": ("HTML 标签数", "个"),
    "html_depth": ("HTML 元素嵌套层数", "层"),
    "pages": ("PDF 页数", "页"),
    "page_content": ("PDF 单页内容解压后的大小", "MB"),
    "pdf_chars": ("PDF 文字", "个字符"),
}


class ReadLimitExceeded(ReadError, LimitExceeded):
    """A file that would cost more work than any annual report; nothing of it is returned."""

    code = "read.limit"
    http_status = 413


def exceeded(what: str, where: str = "") -> ReadLimitExceeded:
    """The error for limit `what` (a field of Limits); `where` says where it was met (第 3 页)."""
    name, unit = _NAMES[what]
    limit = getattr(LIMITS, what)
    shown = f"{limit // MB} {unit}" if unit == "MB" else f"{limit:,} {unit}".replace(",", "")
    place = f"{where}" if where else ""
    return ReadLimitExceeded(
        f"{place}{name}超过上限（{shown}），不像年度报告，未读取",
        code=f"read.limit.{what}",
        limit=what,
    )


def check(what: str, count: int, where: str = "") -> None:
    if count > getattr(LIMITS, what):
        raise exceeded(what, where)


def check_text(text: str, kind: str = "text") -> None:
    """Refuse text that would cost too much before any work on it: C-speed counts (and one regular
    expression over the tags of a page)."""
    if kind == "html":
        check("lines", text.count("<tr") + text.count("<TR"))
        check("cells", sum(text.count(t) for t in ("<td", "<TD", "<th", "<TH")))
        check("html_tags", text.count("<"))
        check("html_depth", html_depth(text))
        return
    breaks = max(text.count("\n"), text.count("\r"))
    if breaks > 2 * LIMITS.lines:
        raise exceeded("lines")
    check("cells", text.count("\t") + text.count("|"))
    if len(text) > LIMITS.line_chars:
        longest = max(map(len, text.splitlines()), default=0) if breaks else len(text)
        check("line_chars", longest)


# Tags that open or close an element which stays open: not void elements, not self-closed, and not
# the ones sloppy pages leave open and the parser closes by itself (p, li, td, th, tr, option, dt, dd).
_NESTING_TAG = re.compile(
    r"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|t[dhr]|option|d[dt])\b)"
    r"[a-zA-Z][^<>]*(?<!/)>"  # greedy: one run to the tag's end, then the self-closing test
)
_STEP = {"": 1, "/": -1}


def html_depth(text: str) -> int:
    """The deepest nesting the page's tags ask for (an upper bound where closing tags are left out).
    The parser's work grows with the depth at each tag, so the sum of depths is bounded too (as a
    depth: sum / number of tags). One regular expression and C-level map/accumulate: no Python loop."""
    if text.count("<") < LIMITS.html_depth:
        return 0
    tags = _NESTING_TAG.findall(text)
    if not tags:
        return 0
    depths = list(accumulate(map(_STEP.__getitem__, tags)))
    deepest = max(depths)
    average = sum(depths) // len(depths)
    return max(deepest, average * 10)  # 100 tags deep on average costs as much as 1,000 at one place
