"""Find the six section headings and cut the document into their regions."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.read.document import Document
from gongkai.read.normalize import label_key
from gongkai.read.settings import SETTINGS


def _is_heading(number: int, key: str) -> bool:
    if not key or len(key) > SETTINGS.max_heading_key:
        return False
    if number == 1:
        return "总体情况" in key
    if number == 2:
        return "主动公开政府信息" in key or (key.startswith("二") and "主动公开" in key)
    if number == 3:
        return "收到和处理政府信息公开申请" in key or ("收到和处理" in key and "申请" in key)
    if number == 4:
        return "政府信息公开行政复议" in key or ("复议" in key and "诉讼" in key and "情况" in key)
    if number == 5:
        return "存在的主要问题" in key or ("主要问题" in key and "改进" in key)
    return "其他需要报告的事项" in key or ("其他需要报告" in key)


@dataclass
class Regions:
    """Line index where each found section heading stands (None where it was not found)."""

    starts: dict[int, int | None]
    total: int

    def span(self, number: int) -> tuple[int, int] | None:
        """Lines after heading `number` up to the next found heading; None when the heading is missing."""
        start = self.starts.get(number)
        if start is None:
            return None
        later = [s for n, s in self.starts.items() if n > number and s is not None and s > start]
        return start + 1, min(later) if later else self.total

    def loose_span(self, number: int) -> tuple[int, int]:
        """Like span, but when the heading is missing, the stretch between its neighbours."""
        found = self.span(number)
        if found:
            return found
        before = [s for n, s in self.starts.items() if n < number and s is not None]
        after = [s for n, s in self.starts.items() if n > number and s is not None]
        return (max(before) + 1 if before else 0), (min(after) if after else self.total)


def find_sections(doc: Document) -> Regions:
    starts: dict[int, int | None] = dict.fromkeys(range(1, 7))
    position = 0
    for number in range(1, 7):
        for i in range(position, len(doc.lines)):
            cells = [c for c in doc.lines[i].cells if c]
            if len(cells) == 1 and _is_heading(number, label_key(cells[0])):
                starts[number] = i
                position = i + 1
                break
    return Regions(starts, len(doc.lines))


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
