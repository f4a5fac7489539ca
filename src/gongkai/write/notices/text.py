"""A composed notice as plain text, laid out like the page (for previews and for tests): title and 文号
centred, paragraphs indented two full-width spaces, signature and date right."""

from __future__ import annotations

from gongkai.write.notices.compose import LINE_CHARS, Composed, signature_indents, width
from gongkai.write.notices.docx import SEAL_LINES

SPACE = "\u3000"  # full-width space, one character wide
INDENT = SPACE * 2


def _centre(text: str) -> str:
    return SPACE * max(0, int((LINE_CHARS - width(text)) // 2)) + text


def _right(text: str, right: float) -> str:
    return SPACE * max(0, round(LINE_CHARS - right - width(text))) + text


def render(c: Composed) -> str:
    name_right, date_right = signature_indents(c.signature, c.date)
    lines = [
        _centre(c.issuer),
        _centre(c.title),
        "",
        _centre(c.doc_no),
        "",
        c.addressee,
        *(INDENT + p for p in c.paragraphs),
        *[""] * SEAL_LINES,
        _right(c.signature, name_right),
        _right(c.date, date_right),
        "",
        *(INDENT + line for line in c.contact),
    ]
    return "\n".join(lines) + "\n"
