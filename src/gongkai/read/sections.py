"""Find the six section headings and cut the document into their regions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.format.spec import SECTIONS
from gongkai.read.document import Document
from gongkai.read.normalize import label_key
from gongkai.read.settings import SETTINGS

# A heading's own words (the official wording, shortened as reports shorten it); any other wording
# is matched by the section's key words in the format spec (Section.keywords).
_OWN_WORDS = {
    1: "总体情况",
    2: "主动公开政府信息",
    3: "收到和处理政府信息公开申请",
    4: "政府信息公开行政复议",
    5: "存在的主要问题",
    6: "其他需要报告的事项",
}


def _is_heading(number: int, key: str) -> bool:
    if not key or len(key) > SETTINGS.max_heading_key:
        return False
    if _OWN_WORDS[number] in key:
        return True
    section = SECTIONS[number - 1]
    if number == 2 and not key.startswith(section.title[0]):
        return False  # 主动公开 … 情况 is common in any sentence: only numbered as 二 is it a heading
    return all(w in key for w in section.keywords)


@dataclass
class Regions:
    """Line index where each found section heading stands (None where it was not found)."""

    starts: dict[int, int | None]
    total: int
    # Tables printed apart from their sections (表一–表三 after the narrative): section → line span.
    tables: dict[int, tuple[int, int]] = field(default_factory=dict)

    def table_span(self, number: int) -> tuple[int, int]:
        """Where section `number`'s table stands: under a caption of its own, else in the section."""
        return self.tables.get(number) or self.loose_span(number)

    def span(self, number: int) -> tuple[int, int] | None:
        """Lines after heading `number` up to the next found heading (or table caption); None when
        the heading is missing."""
        start = self.starts.get(number)
        if start is None:
            return None
        later = [s for n, s in self.starts.items() if n > number and s is not None and s > start]
        later += [a - 1 for a, _ in self.tables.values() if a - 1 > start]  # a caption ends the text
        return start + 1, min(later) if later else self.total

    def loose_span(self, number: int) -> tuple[int, int]:
        """Like span, but when the heading is missing, the stretch between its neighbours."""
        found = self.span(number)
        if found:
            return found
        before = [s for n, s in self.starts.items() if n < number and s is not None]
        after = [s for n, s in self.starts.items() if n > number and s is not None]
        return (max(before) + 1 if before else 0), (min(after) if after else self.total)


def _heading_key(cells: list[str | None]) -> str:
    """The folded text of a line that can be a heading (one non-empty cell), else ""."""
    texts = [c for c in cells if c]
    return label_key(texts[0]) if len(texts) == 1 else ""


_NUMERALS = "一二三四五六"
_NUMBERED = re.compile(r"^[(（]?[一二三四五六七八九十]")


def _numbered(text: str, number: int, pass_: int) -> bool:
    """Pass 0: numbered as the section itself (三、); pass 1: numbered at all; pass 2: any line."""
    if pass_ == 0:
        return text[:1] == _NUMERALS[number - 1] and text[1:2] in ("、", ".", "．", " ")
    return pass_ == 2 or bool(_NUMBERED.match(text))


def find_sections(doc: Document) -> Regions:
    starts: dict[int, int | None] = dict.fromkeys(range(1, 7))
    keys = [_heading_key(line.cells) for line in doc.lines]  # once: a missing heading rescans them
    # Headings numbered as the section (三、…) first, then any numbered line, then any line: a
    # PDF's text wraps the opening sentence that lists the sections ("…报告全文包括总体情况、主动
    # 公开…") into short lines that read like headings, and 总体情况 has sub-headings of its own.
    texts = [line.text.lstrip() if keys[i] else "" for i, line in enumerate(doc.lines)]
    for pass_ in range(3):
        position = 0
        for number in range(1, 7):
            if starts[number] is not None:
                position = starts[number] + 1
                continue
            later = [s for n, s in starts.items() if n > number and s is not None]
            for i in range(position, min(later) if later else len(keys)):
                if keys[i] and _numbered(texts[i], number, pass_) and _is_heading(number, keys[i]):
                    starts[number] = i
                    position = i + 1
                    break
    regions = Regions(starts, len(doc.lines))
    regions.tables = _captioned_tables(doc, regions)
    return regions


# "表一 主动公开政府信息情况", "**表二**", "表3：…": a caption over a table printed after the narrative.
_CAPTION = re.compile(r"^\W*表\s*([一二三四1-4])(?:\W|$)")
_CAPTION_TOPICS = {2: ("主动公开",), 3: ("申请",), 4: ("复议", "诉讼")}


def _captioned_tables(doc: Document, regions: Regions) -> dict[int, tuple[int, int]]:
    """Tables under captions 表一–表四 when the sections 二–四 themselves hold no table rows."""
    inside = [regions.span(n) for n in (2, 3, 4)]
    if any(span and any(len(doc.lines[i].real_cells) > 1 for i in range(*span)) for span in inside):
        return {}
    captions = []
    for i, line in enumerate(doc.lines):
        cells = [c for c in line.cells if c]
        if len(cells) == 1 and len(cells[0]) <= 40 and _CAPTION.match(cells[0]):
            captions.append((i, label_key(cells[0])))
    if len(captions) < 2:
        return {}
    out: dict[int, tuple[int, int]] = {}
    ends = [i for i, _ in captions[1:]] + [len(doc.lines)]
    for order, ((start, key), end) in enumerate(zip(captions, ends, strict=True)):
        topic = next((n for n, words in _CAPTION_TOPICS.items() if any(w in key for w in words)), None)
        number = topic or order + 2
        if number not in out and number <= 4:
            out[number] = (start + 1, end)
    return out


def narrative(doc: Document, regions: Regions, number: int) -> str | None:
    """A section's text; the last one ends where a saved page's footer starts (links, ICP line)."""
    span = regions.span(number)
    if span is None:
        return None
    text = "\n".join(doc.lines[i].text for i in range(*span))
    if span[1] == regions.total:
        text = cut_footer(text)
    return text.strip()


def cut_footer(text: str) -> str:
    """Text up to where the site's footer starts (附件下载, print/close links, ICP line)."""
    m = SETTINGS.footer.search(text)
    return text[: m.start()] if m else text
