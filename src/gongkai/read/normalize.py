"""Text normalisation, applied before anything else reads the text.

- traditional → simplified (OpenCC t2s);
- pinyin debris that some converters leave behind a character, e.g. 統(tǒng) → 统;
- full-width digits and Latin letters → ASCII; odd spaces (NBSP, ideographic, zero-width) → plain;
- Chinese punctuation is kept for display; `label_key` folds it away for matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from gongkai.read.chars import HAN

# A parenthesised lowercase pinyin syllable right after a Han character. Toned vowels make it
# unambiguous; an untoned one must still have the shape of a syllable (initial + final).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü"
_SYLLABLE = (
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:[aeiouv" + _TONED + r"]{1,3})(?:ng|n|r)?"
)
_DEBRIS = re.compile(r"(?<=[" + HAN + r"])[(（](" + _SYLLABLE + r")[)）]")

_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_WIDTH.update({0xFF0E: ord("."), 0xFF05: ord("%"), 0xFF0B: ord("+")})
_SPACES = dict.fromkeys([0x00A0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x1680], ord(" "))
_ZERO_WIDTH = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F])
# Control characters inside a line (a vertical tab in `62<VT>1`, debris of a copy or a broken download)
# are spaces: a number they cut stays two visible pieces, which the readers then treat as doubtful.
_CONTROLS = dict.fromkeys(
    [*(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)), *range(0x7F, 0xA0)], ord(" ")
)
_TABLE = {**_CONTROLS, **_WIDTH, **_SPACES, **_ZERO_WIDTH, ord("\r"): None}
# str.translate looks every character up in the table; most text has few to change, so the regex
# finds the runs that do and only they are translated.
_TO_TRANSLATE = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]+")

# OpenCC is the costliest step and most reports are simplified already, so it runs only on text that
# holds a traditional character: one of the traditional forms of the format's own labels, or of
# common words of report prose.
_COMMON = "开与请会统数机关办处报们这来时现将据于条资讯并为对应发从义过经区县务规总许强费项结转计议诉"


@lru_cache(maxsize=1)
def _traditional_hints() -> re.Pattern:
    from gongkai.format.spec import FORMATS

    words = [_COMMON]
    for fmt in FORMATS.values():
        words.extend(s.title for s in fmt.sections)
        for t in fmt.tables:
            words.extend([t.heading or "", t.row_header])
            words.extend(r.label + (r.group or "") for r in t.rows)
            words.extend(c.label for c in t.columns)
    simplified = "".join(words)
    traditional = opencc.OpenCC("s2t").convert(simplified)
    chars = {t for s, t in zip(simplified, traditional, strict=False) if s != t}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _is_pinyin(m: re.Match) -> bool:
    s = m.group(1)
    return any(ch in _TONED for ch in s) or len(s) >= 2


def strip_pinyin(text: str) -> str:
    return _DEBRIS.sub(lambda m: "" if _is_pinyin(m) else m.group(0), text)


def to_simplified(text: str) -> str:
    if _traditional_hints().search(text):
        return _converter().convert(text)
    return text


def one_line_end(text: str) -> str:
    """CRLF (Windows) and lone CR (old Mac) line ends → LF, so a CR-only file still has lines."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean(text: str) -> str:
    """Normalise a whole document's text (see module docstring). Line structure is kept."""
    text = _TO_TRANSLATE.sub(lambda m: m.group().translate(_TABLE), text)
    if "(" in text or "（" in text:
        text = strip_pinyin(text)
    return to_simplified(text)


_NOT_KEY = re.compile(r"[^0-9A-Za-z" + HAN + r"]+")


def label_key(text: str) -> str:
    """A label folded for matching: only Han characters, digits and letters, NFKC-normalised."""
    if len(text) <= _SHORT:
        return _short_key(text)
    return _fold(text)


_SHORT = 80  # labels and headings: short, and the same in every report of a batch


@lru_cache(maxsize=8192)
def _short_key(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", text))


_SEP = "\ue010"  # joins cells for one OpenCC call; a private-use character no text contains


def simplify_document(cells: list[str]) -> list[str]:
    """Traditional → simplified over a whole document in one OpenCC call.

    Readers that clean cell by cell (DOCX, PDF) convert only the cells holding a telltale character,
    which leaves e.g. 市場監督管理局 in a traditional report; converting every cell settles it. t2s
    leaves simplified text as it is, and these formats are slow enough that one more pass is cheap."""
    if not cells:
        return cells
    return _converter().convert(_SEP.join(cells)).split(_SEP)
