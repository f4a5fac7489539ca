"""Character classes and the joining of text fragments, one definition for every reader.

- `CJK`: the ranges of East Asian characters and punctuation (CJK radicals to Han, compatibility
  ideographs, CJK symbols, full-width forms), as a regex class body;
- `HAN`: Han characters only (what label keys keep);
- `join_pieces`: fragments of one cell or label joined as a reader shows them.
"""

from __future__ import annotations

import re

CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
HAN = "\u3400-\u9fff"
# Chinese quotation marks join like Han characters: “三安全一稳定” broken over two lines is one label.
_JOINS = re.compile("[" + CJK + "“”‘’]")


def joins(a: str, b: str) -> bool:
    """Whether text ending in `a` and text starting with `b` join without a space (both Chinese)."""
    return bool(_JOINS.match(a[-1:]) and _JOINS.match(b[:1]))


def join_pieces(pieces: list[str]) -> str:
    """Fragments joined: nothing between two Chinese characters (a label broken over lines), one
    space otherwise (a label and a number stay apart)."""
    out = ""
    for p in (p.strip() for p in pieces):
        if not p:
            continue
        if out and not joins(out, p):
            out += " "
        out += p
    return out
