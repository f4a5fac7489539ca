"""Flattened page text, as archive crawlers store it: a few metadata lines, then the whole report on
one line, labels and numbers run together, stray spaces anywhere, breadcrumbs first, 附件下载 last.

The reader walks the format's own labels in the order the format gives them (section headings, then
each table's row labels), each found with spaces allowed between any two characters. What stands
between one row label and the next is that row's values: the run of digits, signs and blank marks
right after the label. The runs become rows of the usual Document, with shape "flat": there the
printed spaces are only hints, and `fit` cuts the digits by the table's own sums.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from gongkai.format.spec import APPEALS, SECTIONS, Format, Version, get
from gongkai.read.document import Document
from gongkai.read.meta import body_and_year, looks_like_title, marked_version, name_above_title
from gongkai.read.normalize import label_key
from gongkai.read.sections import cut_footer
from gongkai.read.settings import SETTINGS
from gongkai.read.units import NUMBER_WITH_UNIT

_SPACE = r"\s*"
# Metadata lines a crawler puts before the text: "标题: …", "发布时间：…", "原文链接: …".
_META = re.compile(
    r"^\s*(标题|题目|文章标题|发布时间|发布日期|时间|来源|原文链接|链接|网址|url|URL)\s*[:：]\s*(.*)$"
)
# A value run: digits, signs, decimal points, blank marks and the spaces among them.
_RUN = re.compile(r"\s*((?:" + NUMBER_WITH_UNIT + r"|[/／—–\-－]+|\s+)*)")
_TOKEN = re.compile(NUMBER_WITH_UNIT + r"|[/／—–\-－]+")
_DIGIT = re.compile(r"\d")
# A remark printed between a label and its values, without digits: （区分处理的，只计这一情形…）
_REMARK = re.compile(r"\s*[(（][^()（）\d]{1,40}[)）]")


class _RowPattern(NamedTuple):
    label: str
    whole: re.Pattern
    head: re.Pattern | None  # for a long label that its values may cut in two


# Punctuation a label may be printed with in either width (quotes may be left out).
_EITHER_WIDTH = {
    ch: pattern
    for chars, pattern in [
        ("(（", "[(（]"),
        (")）", "[)）]"),
        (".．、", "[.．、]"),
        ('“”"', '[“”"]?'),
        ("，,", "[，,]"),
        ("；;", "[；;]"),
        ("：:", "[：:]"),
    ]
    for ch in chars
}


def _loose(text: str) -> str:
    """A pattern for `text` with spaces allowed between any two characters, and either width of
    brackets, dots, commas and colons."""
    return _SPACE.join(_EITHER_WIDTH.get(ch) or re.escape(ch) for ch in text if not ch.isspace())


def _label_pattern(label: str, variants: tuple[str, ...] = ()) -> re.Pattern:
    """A row label with or without the bracketed remark the national layout adds (（区分处理的…）)."""
    forms = []
    for text in (label, *variants):
        forms.append(text)
        core = re.sub(r"[(（][^()（）]{6,}[)）]$", "", text)
        if core != text:
            forms.append(core)
    # longest first: the remark belongs to the label when it is there
    return re.compile("|".join(f"(?:{_loose(f)})" for f in sorted(set(forms), key=len, reverse=True)))


def _head_pattern(label: str) -> re.Pattern | None:
    """A long label cut by its own values, as a wrapped cell flattens (`…不再处理其0 0 0政府信息公开
    申请`): its first characters, then as many of the rest as follow in order."""
    chars = [ch for ch in label if not ch.isspace()]
    if len(chars) < SETTINGS.flat_wrapped_label_chars:
        return None
    head = SETTINGS.flat_wrapped_label_chars // 2
    tail = ""
    for ch in reversed(chars[head:]):
        tail = f"(?:{_SPACE}{_loose(ch)}{tail})?"
    return re.compile(_loose("".join(chars[:head])) + tail)


@cache
def _section_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(_loose(s.title)) for s in SECTIONS)


@cache
def _loose_section_patterns() -> tuple[re.Pattern, ...]:
    """A heading worded another way: the section's numeral, then its key words in order, close
    together with no sentence break and no digit between (not the table's 四、结转下年度… row)."""
    gap = r"[^。，；;,:：\d]{0,14}?"
    return tuple(
        re.compile(_loose(s.title[:2]) + "".join(gap + _loose(w) for w in s.keywords)) for s in SECTIONS
    )


@cache
def _row_patterns(version: Version) -> dict[int, list[_RowPattern]]:
    """Per table section (二, 三): each row in the format's order."""
    fmt: Format = get(version)
    out: dict[int, list[_RowPattern]] = {2: [], 3: []}
    for t in fmt.tables:
        if t.section in out:
            for r in t.rows:
                out[t.section].append(
                    _RowPattern(r.label, _label_pattern(r.label, r.variants), _head_pattern(r.label))
                )
    return out


@cache
def _group_pattern(version: Version) -> re.Pattern:
    """The groups' own labels (（三）不予公开 …): text that ends a row's values, never a row."""
    groups = {r.group for t in get(version).tables for r in t.rows if r.group}
    return re.compile("|".join(_loose(g) for g in sorted(groups, key=len, reverse=True)))


_APPEAL_HEADER_WORDS = [c.label for c in APPEALS.columns] + ["尚未审结", "总计"]
_APPEAL_HEADERS = re.compile("|".join(_loose(w) for w in _APPEAL_HEADER_WORDS))


_HEADER_PIECES = re.compile("[\\s" + "".join(sorted(set("".join(_APPEAL_HEADER_WORDS)))) + "]+")


def looks_flat(lines: list[str]) -> bool:
    """A line long enough to hold a report that holds three or more section headings, or one that
    holds section 三's rows run together (a crawler that kept the paragraphs, each section a line)."""
    for line in lines:
        if len(line) >= SETTINGS.flat_line_chars:
            found = sum(1 for p in _section_patterns() if p.search(line))
            if found >= SETTINGS.flat_min_headings or _holds_table_three(line):
                return True
    return False


def _holds_table_three(line: str) -> bool:
    if len(_DIGIT.findall(line)) < SETTINGS.flat_min_row_labels:  # a long paragraph, not a table
        return False
    rows = _row_patterns(Version.V2021)[3]
    return sum(1 for r in rows if r.whole.search(line)) >= SETTINGS.flat_min_row_labels


def read_flat(text: str) -> Document:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    doc = Document(shape="flat")
    body: list[str] = []
    for line in lines:
        m = _META.match(line) if len(line) < SETTINGS.flat_line_chars else None
        if m is None:
            body.append(line)
        elif m.group(1) in ("标题", "题目", "文章标题") and m.group(2).strip():
            doc.title_hint = m.group(2).strip()
        elif m.group(1) == "来源" and m.group(2).strip():
            doc.publisher_hint = m.group(2).strip()
    flat = " ".join(body)
    starts = _section_starts(flat)
    first = next((s[0] for s in starts if s is not None), len(flat))
    _prefix(doc, flat[:first])
    version = marked_version(label_key(flat)) or Version.V2021
    for number, span in _spans(starts, len(flat)):
        heading_end, end = span
        doc.add([SECTIONS[number - 1].title])
        part = flat[heading_end:end]
        if number in (2, 3):
            _table_rows(doc, part, _row_patterns(version)[number], _group_pattern(version))
        elif number == 4:
            _appeal_rows(doc, part)
        else:
            text = cut_footer(part).strip()
            if text:
                doc.add([text])
    return doc


def _section_starts(flat: str) -> list[tuple[int, int] | None]:
    """(start, end) of each section heading, found in order."""
    out: list[tuple[int, int] | None] = []
    at = 0
    for pattern in _section_patterns():
        m = pattern.search(flat, at)
        out.append((m.start(), m.end()) if m else None)
        if m:
            at = m.end()
    # A heading worded another way, only between the headings found around it: the same words in a
    # later section's narrative (二、主动公开工作…有待加强) are no heading.
    for i, loose in enumerate(_loose_section_patterns()):
        if out[i] is None:
            start = max((s[1] for s in out[:i] if s is not None), default=0)
            end = min((s[0] for s in out[i + 1 :] if s is not None), default=len(flat))
            m = loose.search(flat, start, end)
            out[i] = (m.start(), m.end()) if m else None
    return out


def _spans(starts, total: int):
    """(section number, (heading end, next heading start)) for each section found."""
    for i, found in enumerate(starts):
        if found is None:
            continue
        later = [s[0] for s in starts[i + 1 :] if s is not None]
        yield i + 1, (found[1], later[0] if later else total)


def _prefix(doc: Document, text: str) -> None:
    """Before section 一: breadcrumbs and page tools, the title, an opening paragraph."""
    page = text
    text = SETTINGS.page_tools.sub(" ", text)
    titles = (m for m in _TITLE.finditer(text) if looks_like_title(m.group()))
    found = [(m, _menu_words(m.group().strip())) for m in titles]
    if found:  # the last title that names its body (a page prints it again after the page tools)
        named = [(m, title) for m, title in found if body_and_year(title)[0]]
        m, title = (named or found)[-1]
        # the body's name, more than one space before the year; not a breadcrumb's last item
        before = page[: page.rfind(title)].split()
        if not named and before and name_above_title(before[-1]) and not _CRUMB.search(" ".join(before[-2:])):
            title = f"{before[-1]} {title}"
        doc.add([title])
        text = text[m.end() :]
    if text.strip():
        doc.add([text.strip()])


_CRUMB = re.compile("[>＞»]")


# One space may stand inside a title (`某某镇人民政府 2023 年…`, a stray one inside the name); more, or a
# breadcrumb mark, end it. Menu words it takes in before the name are dropped (`_menu_words`).
_TITLE = re.compile(r"(?:[^\s>＞»:：|] ?){0,40}?(?:19|20)\d{2}\s*年\s*度?(?: ?[^\s>＞»]){0,40}?报告")
# A page's menu or column words, whole (网站首页 政务公开 年度报告 新闻中心): never part of a body's name.
_MENU_WORD = re.compile(
    "(?:网站|首页|政务|信息|公开|年度|报告|年报|专栏|栏目|新闻|中心|互动|交流|服务|动态|通知|公告|政策"
    "|解读|文件|机构|概况|领导|法规|规划|计划|总结|工作)+"
)


def _menu_words(title: str) -> str:
    """The title without the menu words a page printed before it, one space apart."""
    words = title.split(" ")
    while len(words) > 1 and _MENU_WORD.fullmatch(words[0]):
        words.pop(0)
    return " ".join(words)


def _table_rows(doc: Document, part: str, rows: list[_RowPattern], groups: re.Pattern) -> None:
    found: list[tuple[str, int, int]] = []  # (label, start, end) in order
    at = 0
    for row in rows:
        m = row.whole.search(part, at) or (row.head.search(part, at) if row.head else None)
        if m is None:
            continue
        found.append((row.label, m.start(), m.end()))
        at = m.end()
    for i, (label, _, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(part)
        group = groups.search(part, end, stop)  # a group's label after the values ends them too
        segment = part[end : group.start() if group else stop]
        tokens = _tokens(segment) or _tokens_after_label_rest(segment, len(label))
        doc.add([label, *(tokens or ["", ""])])


def _tokens(segment: str) -> list[str]:
    """The value run at the start of `segment`, as tokens (a number keeps its unit: `rows` strips
    it). A run broken by text with more digits after it cannot be cut safely: no tokens then."""
    remark = _REMARK.match(segment)
    if remark:
        segment = segment[remark.end() :]
    run = _RUN.match(segment)
    if run is None:
        return []
    if _DIGIT.search(segment, run.end(), run.end() + SETTINGS.flat_run_break):
        return []
    return _TOKEN.findall(run.group(1))


def _tokens_after_label_rest(segment: str, label_chars: int) -> list[str]:
    """The value run that ends `segment`, when only text without digits, no longer than the label,
    stands before it: the rest of a label its `head` pattern found, cut by characters of a vertical
    label printed beside it (…通知要他处理求缴纳费用…申请6 0 0 0 0 0 6)."""
    first = _DIGIT.search(segment)
    if first is None:
        return []
    start = first.start()
    while start and segment[start - 1] in _MARKS_BEFORE_A_RUN:
        start -= 1
    run = _RUN.match(segment, start)  # from a fixed place, greedy: it never backtracks far
    if run.end() < len(segment.rstrip()) or len(segment[:start].strip()) > label_chars:
        return []
    return _TOKEN.findall(run.group(1))


_MARKS_BEFORE_A_RUN = frozenset(" +-－—–/／")


def _appeal_rows(doc: Document, part: str) -> None:
    """Section 四: headers, then the fifteen values (the national layout prints them as one row)."""
    headers = list(_APPEAL_HEADERS.finditer(part))
    start = headers[-1].end() if headers else 0
    # Header words a PDF's text order left broken (结果 纠正 … 审 结) before the first value
    pieces = _HEADER_PIECES.match(part, start)
    tokens = _tokens(part[pieces.end() if pieces else start :])
    if tokens:
        doc.add(["行政复议、行政诉讼", *tokens])
