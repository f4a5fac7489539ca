"""Body, year and format version, from the text of the report."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from gongkai.format.spec import MARKS, Version
from gongkai.read.document import Document
from gongkai.read.normalize import label_key
from gongkai.read.sections import Regions
from gongkai.read.settings import SETTINGS

FIRST_YEAR = 2019  # the 2019 regulations; earlier reports follow free-form layouts

_YEAR = r"((?:19|20)\d{2})\s*年"
_TITLE = re.compile(r"^(?P<before>.*?)" + _YEAR + r"\s*(?:度)?(?P<after>.*)$")
_REPORT_WORDS = ("政府信息公开", "政务公开", "信息公开")
_ORG_ENDINGS = "人民政府|政府|办公室|办公厅|委员会|管理委员会|局|厅|委|办|院|中心|办事处|公司|署|会"
_BODY_SUFFIX = f"(?:{_ORG_ENDINGS})"
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
            out.append(_META_PREFIX.sub("", cells[0]))
    return out


# "标题: 某某区2019年度…" as crawlers store a page's title: the prefix is not part of the title.
_META_PREFIX = re.compile(r"^\s*(?:标题|题目|文章标题|名称)\s*[:：]\s*")


def looks_like_title(text: str) -> bool:
    key = label_key(text)
    return (
        "报告" in key
        and any(w in key for w in _REPORT_WORDS)
        and re.search(_YEAR, text) is not None
        and "《" not in text
        and not key.startswith("本报告")
    )


# A body's name on the line above "2024年…年度报告": an organisation's ending, no colon (a page's
# 来源：/发布时间： line), no digits; not the last item of a menu (互动交流) standing above the heading.
_PLACE_ENDINGS = "镇|乡|街道|村|社区|县|区|市|州|旗|盟|所|站|队|处|关|校|馆|部|行|台|场|厂|园|库"
_NAME_LINE = re.compile(
    f"^[^:：0-9０-９]{{1,38}}(?:{_ORG_ENDINGS}|{_PLACE_ENDINGS})"
    r"(?:[(（][^()（）]{1,20}[)）])?$"  # 某某局（政务服务管理办公室）
)


def name_above_title(line: str) -> bool:
    return bool(_NAME_LINE.match(line.replace(" ", ""))) and not looks_like_title(line)


# A page title with the site after a dash or a bar (…年度报告-某某县发改局): the site is not the title.
_SITE_AFTER_TITLE = re.compile(r"(?<=报告)\s*[-_|｜—–]+\s*[^-_|｜—–]{1,40}$")
# The end of a title a PDF's text wrapped onto a line of its own: 年度报告, 工作年度报告.
_TITLE_TAIL = re.compile(r"^\s*[\u4e00-\u9fff]{0,8}报告\s*$")
_NOT_IN_TITLE = re.compile(r"[:：，,。；;《]")  # a sentence or a page's 栏目：… line, not a title


def find_title(doc: Document, regions: Regions) -> str | None:
    """The report's title: a line before section 一, or two (a body name above "2024年…年度报告").

    A title that names its body wins over one that does not."""
    lines = title_lines(doc, regions)
    found: list[str] = []
    for span in (1, 2):
        for i in range(len(lines) - span + 1):
            text = re.sub(r"\s+", " ", " ".join(lines[i : i + span])).strip()
            text = _SITE_AFTER_TITLE.sub("", text)
            if looks_like_title(text) and (span == 1 or name_above_title(lines[i])):
                found.append(text)
            elif span == 2 and _TITLE_TAIL.match(lines[i + 1]) and not looks_like_title(lines[i]):
                wrapped = lines[i].strip() + lines[i + 1].strip()  # a title wrapped before its end
                if looks_like_title(wrapped) and not _NOT_IN_TITLE.search(lines[i]):
                    found.append(wrapped)
    if doc.title_hint and looks_like_title(doc.title_hint):
        # A crawler's 标题 line is the page's own title; an HTML <title> often adds the site's name.
        hint = _SITE_AFTER_TITLE.sub("", doc.title_hint.strip())
        found.insert(0 if doc.shape == "flat" else len(found), hint)
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


# Where a report names its body outside the title: the opening sentence, or the signature at the end.
_OPENING = (
    re.compile(r"汇总(?P<body>[^，。,；;、\s]{2,30}?)(?:各有关单位|各部门|各单位|所属|及其)"),
    re.compile(
        r"本(?:年度)?报告(?:是)?由(?P<body>[^，。,；;\s]{2,30}?" + _BODY_SUFFIX + r")(?:编制|负责|根据)"
    ),
    re.compile(r"(?:^|。)(?P<body>[^，。,；;\s]{2,30}?" + _BODY_SUFFIX + r")(?:根据|依据)[^。]{0,40}编制"),
    # 本报告根据《…条例》要求，由某某街道办事处编制。
    re.compile(r"报告[^。]{0,60}?[，,]\s*由(?P<body>[^，。,；;\s]{2,30}?" + _BODY_SUFFIX + r")(?:负责)?编制"),
)
_SIGNATURE = re.compile(r"^(?P<body>[^，。,；;\s]{2,30}" + _BODY_SUFFIX + r")$")
# The publisher a government page prints above the text (发布机构：某某区司法局 发布日期：…); the name
# must end there, so 来源：某某区人民政府网 (the site, not the body) is not taken, and the key must stand
# alone, so the narrative's （数据来源：某某中心） is not taken either.
_PUBLISHER = re.compile(
    r"(?<![\u4e00-\u9fff])(?:发布机构|发文机关|发布单位|信息来源|文章来源|来源)\s*[:：]\s*(?P<body>[^\s，。,；;：:|]{2,30}?"
    + _BODY_SUFFIX
    + r")(?=[\s|，,]|$|发布|发文|生成|成文|时间|日期|字号|浏览|点击|索引|作者|【|\[)"
)
_DATE_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def body_from_text(doc: Document) -> str | None:
    """When the title names no body: the opening sentence (汇总某某区各有关单位…编制而成), else the
    signature at the end (a body's name above the date), else the publisher the page names."""
    head = " ".join(line.text for line in doc.lines[:40])
    for pattern in _OPENING:
        m = pattern.search(head)
        if m:
            return m.group("body")
    tail = [line.text.strip() for line in doc.lines[-SETTINGS.signature_lines :]]
    for before, line in pairwise(tail):
        if _DATE_LINE.match(line):
            m = _SIGNATURE.match(before.replace(" ", ""))
            if m:
                return m.group("body")
    m = _PUBLISHER.search(head)
    if m:
        return m.group("body")
    if doc.publisher_hint and name_above_title(doc.publisher_hint):
        return doc.publisher_hint
    return None


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


def detect_format(texts: list[str], regions: Regions, year: int | None) -> Version:
    """The format version from the tables' own labels (`texts`: the document's lines), else the year."""
    start = regions.loose_span(2)[0]
    end = regions.loose_span(4)[1]
    key = label_key(" ".join(texts[start:end]))
    marked = marked_version(key)
    if marked is not None:
        return marked
    if year is not None and year < 2021:
        return Version.V2019
    return Version.V2021
