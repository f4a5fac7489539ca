"""Body, year and format version, from the text of the report."""

from __future__ import annotations

import re
from collections import Counter

from gongkai.format.spec import MARKS, Version
from gongkai.read.document import Document
from gongkai.read.normalize import label_key
from gongkai.read.sections import Regions

FIRST_YEAR = 2019  # the 2019 regulations; earlier reports follow free-form layouts

_YEAR = r"((?:19|20)\d{2})\s*年"
_TITLE = re.compile(r"^(?P<before>.*?)" + _YEAR + r"\s*(?:度)?(?P<after>.*)$")
_REPORT_WORDS = ("政府信息公开", "政务公开", "信息公开")
_DROP_TAIL = re.compile(r"(关于|政务公开|政府信息公开|信息公开|工作|年度报告|报告|的)+$")
_STATS = re.compile(r"(?:统计|期限|时间)[^。；\n]{0,20}?" + _YEAR + r"\s*1\s*月\s*1\s*日")
_YEAR_DU = re.compile(_YEAR + r"度")
_ANY_YEAR = re.compile(_YEAR)


def title_lines(doc: Document, regions: Regions) -> list[str]:
    """Short prose lines before section 一 (or the first lines), where the title stands."""
    end = regions.starts.get(1)
    if end is None:
        end = min(len(doc.lines), 6)
    near = sorted(set(range(min(end, 6))) | set(range(max(0, end - 6), end)))
    out = []
    for line in (doc.lines[i] for i in near):
        cells = [c for c in line.cells if c]
        if len(cells) == 1 and len(cells[0]) <= 60:
            out.append(cells[0])
    return out


def _looks_like_title(text: str) -> bool:
    key = label_key(text)
    return (
        "报告" in key
        and any(w in key for w in _REPORT_WORDS)
        and re.search(_YEAR, text) is not None
        and "《" not in text
        and not key.startswith("本报告")
    )


def find_title(doc: Document, regions: Regions) -> str | None:
    """The report's title: a line before section 一, or two (a body name above "2024年…年度报告").

    A title that names its body wins over one that does not."""
    lines = title_lines(doc, regions)
    found: list[str] = []
    for span in (1, 2):
        for i in range(len(lines) - span + 1):
            text = re.sub(r"\s+", " ", " ".join(lines[i : i + span])).strip()
            if _looks_like_title(text) and (span == 1 or not _looks_like_title(lines[i])):
                found.append(text)
    if doc.title_hint and _looks_like_title(doc.title_hint):
        found.append(doc.title_hint.strip())
    for text in found:
        if body_and_year(text)[0]:
            return text
    return found[0] if found else None


def body_and_year(title: str | None) -> tuple[str | None, int | None]:
    if not title:
        return None, None
    m = _TITLE.match(title)
    if not m:
        return None, None
    year = int(m.group(2))
    before = re.sub(r"\s+", "", m.group("before"))
    before = _DROP_TAIL.sub("", before).strip("《》“”\"'：:，,")
    if before:
        return before, year
    # "2023年XX县人民政府信息公开工作年度报告": the body follows the year.
    after = re.sub(r"\s+", "", m.group("after"))
    hits = [
        (after.find(w), w) for w in ("人民政府信息公开", "政府信息公开", "政务公开", "信息公开") if w in after
    ]
    if not hits:
        return None, year
    k, word = min(hits, key=lambda h: (h[0], -len(h[1])))
    if k == 0:
        return None, year
    return after[:k] + ("人民政府" if word.startswith("人民政府") else ""), year


def year_from_text(text: str) -> int | None:
    """When the title gives no year: the statistics period, else 'YYYY年度', else the commonest year."""
    for pattern in (_STATS, _YEAR_DU):
        m = pattern.search(text)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in _ANY_YEAR.findall(text[:5000]))
    return years.most_common(1)[0][0] if years else None


def marked_version(key: str) -> Version | None:
    """The format whose own words (spec.MARKS) the folded text holds more of; None on a tie."""
    old = sum(1 for m in MARKS[Version.V2019] if m in key)
    new = sum(1 for m in MARKS[Version.V2021] if m in key)
    if old == new:
        return None
    return Version.V2019 if old > new else Version.V2021


def detect_format(doc: Document, regions: Regions, year: int | None) -> Version:
    start = regions.loose_span(2)[0]
    end = regions.loose_span(4)[1]
    key = label_key(" ".join(line.text for line in doc.lines[start:end]))
    marked = marked_version(key)
    if marked is not None:
        return marked
    if year is not None and year < 2021:
        return Version.V2019
    return Version.V2021
