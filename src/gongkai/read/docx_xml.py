"""WordprocessingML details the DOCX reader needs: element names, merges, and paragraph text."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

_W_VAL = qn("w:val")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_T, _TAB, _BR, _CR, _DEL = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:del")
_PTAB, _NBH, _TCPR, _TRPR = qn("w:ptab"), qn("w:noBreakHyphen"), qn("w:tcPr"), qn("w:trPr")


def body_of(data: bytes):
    """The w:body element of a DOCX (python-docx validates the package and the main part)."""
    return docx.Document(io.BytesIO(data)).element.body


def tag(el) -> str:
    """Local name of an element ("p", "tbl", ...); "" for comments and processing instructions."""
    t = el.tag
    return t.rsplit("}", 1)[-1] if isinstance(t, str) else ""


_WRAPPERS = ("sdt", "sdtContent", "customXml", "smartTag")


def children(el, *names: str) -> list:
    """Direct children with one of these local names, looking through content controls and custom XML
    wrappers (which may enclose rows, cells and paragraphs)."""
    out = []
    for child in el:
        t = tag(child)
        if t in names:
            out.append(child)
        elif t in _WRAPPERS:
            out.extend(children(child, *names))
    return out


def _int(el, default: int) -> int:
    try:
        return max(int(el.get(_W_VAL)), 0)
    except (TypeError, ValueError):
        return default


def grid_span(tc) -> int:
    pr = tc.find(_TCPR)
    span = pr.find(qn("w:gridSpan")) if pr is not None else None
    return max(_int(span, 1), 1) if span is not None else 1


def vmerge_continues(tc) -> bool:
    """A cell covered by the vertical merge above it (w:vMerge without val="restart")."""
    pr = tc.find(_TCPR)
    if pr is None:
        return False
    vm = pr.find(qn("w:vMerge"))
    hm = pr.find(qn("w:hMerge"))  # legacy horizontal merge, same convention
    return any(m is not None and m.get(_W_VAL, "continue") != "restart" for m in (vm, hm))


def row_padding(tr) -> tuple[int, int]:
    """Grid columns skipped before the first cell and after the last (w:gridBefore / w:gridAfter)."""
    pr = tr.find(_TRPR)
    if pr is None:
        return 0, 0
    before, after = pr.find(qn("w:gridBefore")), pr.find(qn("w:gridAfter"))
    return (_int(before, 0) if before is not None else 0, _int(after, 0) if after is not None else 0)


def paragraph_text(p) -> str:
    """Visible text of a paragraph: tabs as "\\t", breaks as "\\n"; deleted text and the fallback copy
    of alternate content (text boxes are stored twice) are left out."""
    out: list[str] = []
    _walk(p, out)
    return "".join(out)


def _walk(el, out: list[str]) -> None:
    for child in el:
        t = child.tag
        if t == _T:
            out.append(child.text or "")
        elif t in (_TAB, _PTAB):
            out.append("\t")
        elif t in (_BR, _CR):
            out.append("\n")
        elif t == _NBH:
            out.append("-")
        elif t in (_DEL, _MC_FALLBACK) or not isinstance(t, str):
            continue
        else:
            _walk(child, out)
