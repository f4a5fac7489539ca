"""HTML reader: a saved web page (or a fragment) → lines of cells.

The work is done by lexbor (selectolax) and by regular expressions over whole strings, not by a
Python walk over the tree. Before parsing, private-use marker characters go into the source where a
line ends (block tags, <br>) and where a table cell starts (with the cell's spans, when it has any).
After parsing, one text extraction gives the page's flow with its line breaks; each data table is
read row by row and replaced by a placeholder, so it keeps its place in the flow.

A table is a data table when it holds no nested table and its cells hold short text. Otherwise it is
a layout table (old sites wrap whole pages in tables) and its cells are read as flow.
"""

from __future__ import annotations

import re
from html import unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from gongkai.read.chars import CJK, join_pieces
from gongkai.read.document import Document, ReadError
from gongkai.read.html_grid import expand_spans
from gongkai.read.normalize import clean, one_line_end
from gongkai.read.settings import SETTINGS

BREAK = "\ue000"  # a line ends here (block boundary, <br>)
CELL = "\ue001"  # a table cell starts
SPANS = "\ue002"  # after CELL: the cell's "rowspan,colspan" follow, up to SPANS_END
SPANS_END = "\ue003"
ROW = "\ue004"  # joins the rows of one table
SLOT = "\ue005"  # a table's place in the flow: BREAK SLOT index BREAK
PART = "\ue006"  # joins the flow and the tables' texts, so that one clean() call does the whole page
_MARKERS = (BREAK, CELL, SPANS, SPANS_END, ROW, SLOT, PART)
_OWN_MARKERS = re.compile("[" + "".join(_MARKERS) + "]")

# Block tags as a trie by first letter: re tries alternatives one by one, and this runs at every "<".
_BLOCK_TAGS = (
    r"p(?:re)?|d(?:iv|[ltd]|etails)|b(?:r|lockquote)|l(?:i|egend)|h(?:[1-6r]|eader)|table|[uo]l|center"
    r"|s(?:ection|ummary)|a(?:rticle|ddress|side)|f(?:o(?:oter|rm)|i(?:gure|gcaption|eldset))|nav|main"
)
# One pass finds what gets a marker: cell tags (marker inside the cell, after the tag), the end of a
# table (marker after it) and block tags, open or close (marker before them, inside the parent; never
# in table context, where the parser would move it in front of the table).
_TAGS_PATTERN = r"(<(?:t[dh]\b[^<>]*>|/table>|/?(?:" + _BLOCK_TAGS + r")\b))"
_TAGS = re.compile(_TAGS_PATTERN)  # twice as fast as ignoring case: used when every tag is lowercase
_TAGS_ANY_CASE = re.compile(_TAGS_PATTERN, re.IGNORECASE)
_UPPERCASE_TAG = re.compile(r"</?[A-Z]")
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
# Government sites name an article's publisher in the head (政府网站发展指引): the body, when the
# report's title does not say it.
_CONTENT_SOURCE = re.compile(r"<meta\b[^<>]*\bname\s*=\s*[\"']?ContentSource\b[^<>]*>", re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"'<>]{2,40})[\"']", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# A script or style element, written so that re never backtracks over its text.
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>[^<]*(?:<(?!/\1)[^<]*)*</\1\s*>", re.IGNORECASE)
_BODY_TAG = re.compile(r"<(?:body|div|p|table|td|br|li|h[1-6]|script|style)\b", re.IGNORECASE)
_SPAN = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?\s*([^\"'\s>]*)", re.IGNORECASE)

# Not shown as text: one selector, so the tree is walked once. (Each name costs a little: <input> has
# no text; <object> shows its content as a fallback.)
_DROP = (
    "script, style, noscript, template, iframe, svg, xml, select, textarea, button, "
    '[hidden], [style*="display:none" i], [style*="display: none" i]'
)

# Whitespace holding a line break is source formatting: between two Han characters, or within a number,
# it vanishes (a label or a number split over lines of the markup). Elsewhere it is a space: a label
# and a number stay apart. The pattern starts with a fixed character, so re scans for it in C.
_SOFT_BREAK = re.compile(
    r"\n(?:(?<=[" + CJK + r"]\n)[ \t\n\f\v]*(?=[" + CJK + r"])|(?<=[0-9.]\n)[ \t\n\f\v]*(?=[0-9]))"
)
_LINES = re.compile(BREAK + "|" + CELL + "(?:" + SPANS + "[^" + SPANS_END + "]*" + SPANS_END + ")?")
_EDGE = " " + BREAK  # stripped from both ends of a cell


_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|——|—|－|\s-\s|--+)\s*")


def read_html(text: str, name: str) -> Document:
    if any(m in text for m in _MARKERS):  # the page's own private-use characters (rare glyphs) must not pass
        text = _OWN_MARKERS.sub("", text)
    # The head (often a third of a saved page: styles and scripts) is not parsed: only its title is read.
    cut = _head_end(text)
    head = _TITLE_TAG.search(text, 0, cut) if cut else None
    tree = LexborHTMLParser(_mark(text[cut:]))
    if head is not None:
        title = _title(unescape(head.group(1)))
    else:
        node = (tree.head or tree.root).css_first("title")  # not an <svg>'s title in the body
        title = _title(node.text(deep=True, separator="")) if node is not None else None
    doc = Document(shape="html", title_hint=title, publisher_hint=_publisher(text[:cut]))
    for node in tree.css(_DROP):
        node.decompose()
    if "<pre" in text or "<PRE" in text:  # a search of the tree costs more than one of the source
        for node in tree.css("pre"):  # its line breaks are lines (a text report pasted into a page)
            node.replace_with(node.text(deep=True, separator="").replace("\n", BREAK))

    # Tables without nested tables leave the tree for a placeholder; their text is read row by row.
    tables: list[str] = []
    found = tree.css("table")
    outer = _outer_tables(found)
    for table in found:
        if table.mem_id in outer:
            continue
        caption, rows = _rows(table)
        if not rows:
            continue
        table.replace_with(f"{BREAK}{SLOT}{len(tables)}{BREAK}")
        tables.append(ROW.join([caption, *rows]))

    root = tree.body or tree.root
    flow = root.text(deep=True, separator="") if root is not None else ""
    # One clean() for the whole page: it decides once whether the page is in traditional script.
    # Whitespace goes first: clean() costs per character.
    flow, *tables = clean(_collapse(PART.join([flow, *tables]))).split(PART)
    count = 0  # data tables are numbered in order; layout tables get no number
    for piece in _LINES.split(flow):
        piece = piece.strip()
        if not piece:
            continue
        if piece[0] != SLOT or not piece[1:].isdigit():
            if piece := _plain(piece):
                doc.add([piece])
            continue
        caption, *rows = tables[int(piece[1:])].split(ROW)
        grid = _data_grid(rows)
        if grid is None:  # a layout table: its cells are lines of flow
            for line in _LINES.split(BREAK.join([caption, *rows])):
                if line := _plain(line):
                    doc.add([line])
            continue
        if caption := _plain(caption):
            doc.add([caption])
        for row in grid:
            doc.add(row, count)
        count += 1
    if not doc.lines:
        raise ReadError("不是有效的 HTML 页面：页面中没有找到任何文字")
    return doc


def _publisher(head: str) -> str | None:
    tag = _CONTENT_SOURCE.search(head)
    content = _CONTENT.search(tag.group(0)) if tag else None
    return unescape(content.group(1)).strip() if content else None


def _head_end(text: str) -> int:
    """Where the head ends: 0 when there is none, when content stands before a misplaced </head>, or when
    the "</head>" found is inside a script (a script or style left open once the whole ones are gone)."""
    cut = max(text.find("</head>"), text.find("</HEAD>"), 0)
    if cut and _BODY_TAG.search(_SCRIPT.sub("", text[:cut])):
        return 0
    return cut


def _outer_tables(tables: list[LexborNode]) -> set[int]:
    """Ids of the tables that hold another table (a parent walk is cheaper than a search per table)."""
    outer: set[int] = set()
    for table in tables:
        node = table.parent
        while node is not None:
            if node.tag == "table":
                outer.add(node.mem_id)
            node = node.parent
    return outer


def _rows(table: LexborNode) -> tuple[str, list[str]]:
    """A table's caption text and the text of each of its rows, in order."""
    caption = ""
    rows: list[str] = []
    for child in table.iter():
        tag = child.tag
        if tag == "tr":
            rows.append(child.text(deep=True, separator=""))
        elif tag in _SECTIONS:
            rows.extend(tr.text(deep=True, separator="") for tr in child.iter() if tr.tag == "tr")
        elif tag == "caption":
            caption = child.text(deep=True, separator="")
    return caption, rows


def _plain(text: str) -> str:
    """A line of flow or a caption: its breaks and any markers left inside text lexbor keeps as text
    (tags within a <title> or <textarea>) become spaces, whitespace collapsed."""
    return " ".join(_OWN_MARKERS.sub(" ", text).split())


def _mark(text: str) -> str:
    """The source with line-break markers around blocks and a cell marker inside every cell."""
    tags = _TAGS_ANY_CASE if _UPPERCASE_TAG.search(text) else _TAGS
    parts = tags.split(text)  # odd items are the matched tags
    # Inline (no function call per tag): block tags get BREAK before, </table> after, cells CELL inside.
    parts[1::2] = [
        BREAK + tag
        if tag[-1] != ">"
        else tag + BREAK
        if tag[1] == "/"
        else tag + CELL + _spans(tag)
        if "pan" in tag or "PAN" in tag  # rowspan, COLSPAN, RowSpan
        else tag + CELL
        for tag in parts[1::2]
    ]
    return "".join(parts)


def _spans(tag: str) -> str:
    found = {key.lower(): value for key, value in _SPAN.findall(tag)}
    return f"{SPANS}{found.get('rowspan', '')},{found.get('colspan', '')}{SPANS_END}"


def _collapse(text: str) -> str:
    """Whitespace as a browser shows it: soft line breaks joined, every other run one space."""
    text = one_line_end(text)
    if "\n" in text:
        text = _SOFT_BREAK.sub("", text)
    return " ".join(text.split())  # markers are not whitespace, so lines stay apart


def _data_grid(texts: list[str]) -> list[list[str]] | None:
    """A table's rows (cleaned text of each <tr>) as a full grid; None for a layout table."""
    rows: list[list[str]] = []
    spans: dict[int, dict[int, tuple[str, str]]] = {}
    long_cells = False  # text too long or too many paragraphs for a data cell
    grid_rows = 0  # rows of two or more short cells with text
    for y, row_text in enumerate(texts):
        row = [c.strip(_EDGE) for c in row_text.split(CELL)[1:]]  # before the first cell: whitespace
        if SPANS in row_text:
            found = spans[y] = {}
            for x in [i for i, c in enumerate(row) if c[:1] == SPANS]:
                attrs, _, cell = row[x][1:].partition(SPANS_END)
                rowspan, _, colspan = attrs.partition(",")
                found[x] = (rowspan, colspan)
                row[x] = cell.strip(_EDGE)
        long_row = False
        if BREAK in row_text:
            for x in [i for i, c in enumerate(row) if BREAK in c]:
                row[x], pieces = _cell_text(row[x])
                long_row = long_row or pieces > SETTINGS.max_cell_pieces
        long_row = long_row or (bool(row) and max(map(len, row)) > SETTINGS.max_cell_chars)
        long_cells = long_cells or long_row
        if not long_row and len(row) - row.count("") >= 2:
            grid_rows += 1
        rows.append(row)
    # A long cell (a note under the table) is fine in a real grid; in a table of few rows it is layout.
    if long_cells and grid_rows < SETTINGS.min_grid_rows:
        return None
    grid = expand_spans(rows, spans)
    if not grid or len(grid[0]) < 2:  # one column is a box around text, not a grid
        return None
    return [r for r in grid if any(r)]


def _cell_text(content: str) -> tuple[str, int]:
    """A cell's lines joined into one text, and how many lines it had."""
    parts = [p for p in (p.strip() for p in content.split(BREAK)) if p]
    return join_pieces(parts), len(parts)


_REPORT_TITLE = re.compile("报告|年报|年度")
_SITE_NAME = re.compile("(?:网|网站|门户|平台|人民政府|政府信息公开|信息公开|首页)$")


def _title(text: str) -> str | None:
    """The page title without the site's name, which sites add before or after it."""
    text = _OWN_MARKERS.sub("", clean(_collapse(text)))
    parts = [p.strip() for p in _TITLE_PARTS.split(text) if p.strip()]
    if not parts:
        return None
    for wanted in (_REPORT_TITLE.search, lambda p: not _SITE_NAME.search(p)):
        found = next((p for p in parts if wanted(p)), None)
        if found:
            return found
    return parts[0]
