"""Characters of a PDF page with their geometry, from pdfium's text page.

Coordinates are PDF points, y growing upwards. Each character carries its baseline origin, a
horizontal extent and its size in points (em), which is what line and cell grouping need.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    base: float  # baseline y
    em: float  # font size in points
    up: bool = False  # rotated to read bottom-to-top (a "btLr" table cell)
    # vertical centre of the glyph body, the same for glyphs of one visual line (stored: sorted on a lot)
    mid: float = field(init=False)

    def __post_init__(self) -> None:
        self.mid = self.base + (0.0 if self.up else 0.35 * self.em)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def page_chars(page: pdfium.PdfPage) -> tuple[list[Char], float]:
    """The visible characters of a page (generated spaces and line breaks dropped), and the page
    height, both as the text reads: a page whose text runs turned is turned back first."""
    tp = page.get_textpage()
    try:
        glyphs = _glyphs(tp)
    finally:
        tp.close()
    width, height = page.get_size()
    turn = Counter(g[-1] for g in glyphs).most_common(1)[0][0] if glyphs else 0
    chars = [_char(g, turn, width, height) for g in glyphs]
    return chars, (width if turn in (90, 270) else height)


def _rotate(x: float, y: float, turn: int, w: float, h: float) -> tuple[float, float]:
    """Page point → reading coordinates, for text turned by `turn` degrees counter-clockwise."""
    if turn == 90:
        return y, w - x
    if turn == 180:
        return w - x, h - y
    if turn == 270:
        return h - y, x
    return x, y


def _char(g: tuple, turn: int, w: float, h: float) -> Char:
    text, (left, right, bottom, top), (ox, oy), em, direction = g
    xa, ya = _rotate(left, bottom, turn, w, h)
    xb, yb = _rotate(right, top, turn, w, h)
    own = (direction - turn) % 360  # the glyph's turn relative to the page's text
    _, base = _rotate(ox, oy, turn, w, h)
    if own:  # a turned glyph has no useful baseline: use its box centre
        base = (ya + yb) / 2
    return Char(text, min(xa, xb), max(xa, xb), base, em, own == 90)


def _glyphs(tp: pdfium.PdfTextPage) -> list[tuple]:
    handle = tp.raw
    ox, oy = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    loose = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    out: list[tuple] = []
    high = 0  # pdfium gives UTF-16 code units: a character beyond U+FFFF comes as a surrogate pair
    for i in range(tp.count_chars()):
        code = raw.FPDFText_GetUnicode(handle, i)
        if 0xD800 <= code <= 0xDBFF:
            high = code
            continue
        if 0xDC00 <= code <= 0xDFFF:
            if not high:
                continue  # a lone half (a damaged font map) is no character
            code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
        high = 0
        if code <= 32 or code in (0xA0, 0x3000, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(handle, i) == 1:
            continue
        raw.FPDFText_GetCharOrigin(handle, i, ox, oy)
        raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
        box = (left.value, right.value, bottom.value, top.value)
        em = raw.FPDFText_GetFontSize(handle, i)
        direction = 0
        if raw.FPDFText_GetMatrix(handle, i, matrix):
            em *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            direction = _direction(matrix.a, matrix.b)
        if em <= 0 or em > 200:  # a broken size: fall back on the glyph's own size
            em = max(box[1] - box[0], box[3] - box[2], 1.0)
        # The loose box spans the advance (full-width punctuation included), which makes gaps between
        # characters meaningful; it is absurd for some turned or stretched glyphs, so check it.
        if raw.FPDFText_GetLooseCharBox(handle, i, loose):
            lb = (loose.left, loose.right, loose.bottom, loose.top)
            inside = (
                lb[0] <= box[0] + 0.5
                and lb[1] >= box[1] - 0.5
                and lb[2] <= box[2] + 0.5
                and lb[3] >= box[3] - 0.5
            )
            if inside and 0 < lb[1] - lb[0] <= 2.5 * em and 0 < lb[3] - lb[2] <= 2.5 * em:
                box = lb
        out.append((chr(code), box, (ox.value, oy.value), em, direction))
    return out


def _direction(a: float, b: float) -> int:
    """Which way the text runs, in quarter turns counter-clockwise: 0, 90, 180 or 270."""
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 180
    return 90 if b > 0 else 270
