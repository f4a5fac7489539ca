"""Degraded copies of a rendering, as published reports and converters damage them.

Text functions take and return str; `html_text` and `docx_text` apply a text function to the text of an
HTML page or a DOCX without touching its markup; `encode_*` give the bytes of another encoding.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache

import opencc

TextFn = Callable[[str], str]

_NUMERIC = re.compile(r"^[+\-]?[0-9０-９][0-9０-９.,，]*$")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def traditional(text: str) -> str:
    """Traditional script (Taiwan standard, so the result fits Big5)."""
    return _s2t().convert(text)


# Characters a broken converter follows with their pinyin, both scripts.
_PINYIN = {
    "统": "tǒng", "統": "tǒng", "数": "shù", "數": "shù", "请": "qǐng", "請": "qǐng",
    "开": "kāi", "開": "kāi", "息": "xī", "政": "zhèng", "报": "bào", "報": "bào",
    "处": "chǔ", "處": "chǔ", "复": "fù", "複": "fù", "议": "yì", "議": "yì",
}  # fmt: skip


def pinyin_debris(text: str) -> str:
    """统 → 统(tǒng): the debris some PDF and web converters leave behind characters."""
    return "".join(ch + f"({_PINYIN[ch]})" if ch in _PINYIN else ch for ch in text)


def traditional_with_pinyin(text: str) -> str:
    return pinyin_debris(traditional(text))


def fullwidth_digits(text: str) -> str:
    return text.translate({c: c + 0xFEE0 for c in range(ord("0"), ord("9") + 1)})


def _rows(text: str, fn: Callable[[list[str]], list[str]]) -> str:
    """Apply fn to the cells of every tab-separated line."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            out.extend(fn(line.split("\t")))
        else:
            out.append(line)
    return "\n".join(out)


def cell_per_line(text: str) -> str:
    """Each table cell on its own line ending in "|"; the empty cells of merges disappear."""
    return _rows(text, lambda cells: [c + "|" for c in cells if c.strip()])


def _is_label(cell: str) -> bool:
    return bool(cell.strip()) and not _NUMERIC.match(cell.strip())


def extra_blank_cells(text: str) -> str:
    """An empty cell after every label and two at the end of each row, as sloppy exports add."""

    def widen(cells: list[str]) -> list[str]:
        out: list[str] = []
        for c in cells:
            out.append(c)
            if _is_label(c):
                out.append("")
        return ["\t".join([*out, "", ""])]

    return _rows(text, widen)


def split_labels(text: str) -> str:
    """A long row label broken over two lines: its head alone, its tail with the values."""

    def split(cells: list[str]) -> list[str]:
        for i, c in enumerate(cells):
            if _is_label(c) and len(c) > 8 and any(not _is_label(x) and x.strip() for x in cells[i + 1 :]):
                k = len(c) // 2
                rest = [*cells[:i], c[k:], *cells[i + 1 :]]
                return [c[:k], "\t".join(rest)]
        return ["\t".join(cells)]

    return _rows(text, split)


TEXT_DEGRADATIONS: dict[str, TextFn] = {
    "traditional_pinyin": traditional_with_pinyin,
    "fullwidth_digits": fullwidth_digits,
    "cell_per_line": cell_per_line,
    "extra_blank_cells": extra_blank_cells,
    "split_labels": split_labels,
    # Structure first, characters last: a converter breaks lines before it mangles the characters.
    "everything": lambda t: traditional_with_pinyin(fullwidth_digits(split_labels(extra_blank_cells(t)))),
}

# Degradations that keep the markup of HTML and DOCX intact (they change characters, not structure).
CHAR_DEGRADATIONS: dict[str, TextFn] = {
    "traditional_pinyin": traditional_with_pinyin,
    "fullwidth_digits": fullwidth_digits,
}


def html_text(page: str, fn: TextFn) -> str:
    """Apply fn to the text between tags of the page body (attributes and CSS stay intact)."""
    head, sep, body = page.partition("<body>")
    return head + sep + re.sub(r">([^<]+)<", lambda m: ">" + fn(m.group(1)) + "<", body)


def docx_text(data: bytes, fn: TextFn) -> bytes:
    """Apply fn to the text runs (w:t) of a DOCX's main document."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = content.decode("utf-8")
                xml = re.sub(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", lambda m: m[1] + fn(m[2]) + m[3], xml)
                content = xml.encode("utf-8")
            dst.writestr(item, content)
    return out.getvalue()


def encode_gb18030(text: str) -> bytes:
    return text.encode("gb18030")


def encode_big5(text: str) -> bytes:
    """Big5 holds traditional characters only: the text is converted first."""
    return traditional(text).encode("big5")


def html_charset(page: str, charset: str) -> str:
    return page.replace('<meta charset="utf-8">', f'<meta charset="{charset}">', 1)
