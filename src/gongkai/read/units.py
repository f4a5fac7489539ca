"""Units and notes printed inside value cells: `512件`, `0（件）`, `3121.5万元`, `81234567.89元`,
`41（含自然失效 12 件）`.

A value cell keeps only its number, so a unit never turns a value into label text (which would shift
every later value of the table by one row). Amounts are held in 万元 as the format says: 元 and 亿元
are converted exactly (Decimal). A note in brackets after a number is dropped; a note standing alone
(`（其中修订 9 件）`) is no cell at all.
"""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = r"[+\-－]?\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|[+\-－]?\d+(?:\.\d+)?"
_COUNT_UNITS = "件|个|项|次|条|宗|份|起|家|人次|人"
_MONEY_UNITS = "万元|亿元|元"
_UNIT = rf"(?:{_MONEY_UNITS}|{_COUNT_UNITS})"
#: A number with the unit or bracketed note some reports print after it, as a regex.
NUMBER_WITH_UNIT = (
    r"(?:" + _NUMBER + r")(?:\s*(?:" + _UNIT + r"|[(（]\s*" + _UNIT + r"\s*[)）]))?"
    r"(?:[(（]\s*(?:含|其中|包括|包含|另|注)[^()（）]*[)）])?"
)
# number, optional unit (bare or bracketed), optional bracketed note starting with a note word
_WITH_UNIT = re.compile(
    rf"^(?P<number>{_NUMBER})\s*(?:(?P<unit>{_UNIT})|[(（]\s*(?P<bracketed>{_UNIT})\s*[)）])?\s*"
    r"(?P<note>[(（]\s*(?:含|其中|包括|包含|另|注)[^()（）]*[)）])?$"
)
_LONE_NOTE = re.compile(r"^[(（]\s*(?:含|其中|包括|包含|另)[^()（）]*\d[^()（）]*[)）]$")
_SCALE = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}

MONEY_UNITS = frozenset(_SCALE)


def bare_value(cell: str) -> tuple[str, str | None] | None:
    """(number as printed in the format's unit, the unit printed) for a value cell that carries a
    unit or a note; None when the cell is not such a value (a label, a plain number, a blank)."""
    if not cell or not ("\u4e00" <= cell[-1] <= "\u9fff" or cell[-1] in ")）"):
        return None
    m = _WITH_UNIT.match(cell)
    if m is None or not (m.group("unit") or m.group("bracketed") or m.group("note")):
        return None
    number, unit = m.group("number"), m.group("unit") or m.group("bracketed")
    if unit in _SCALE and unit != "万元":
        plain = number.replace(",", "").replace("，", "").replace("－", "-")
        scaled = (Decimal(plain) * _SCALE[unit]).normalize()
        number = format(scaled, "f")
    return number, unit


def is_lone_note(cell: str) -> bool:
    """A bracketed note with a number in it standing in a cell of its own: `（其中修订 9 件）`."""
    return bool(cell) and cell[0] in "(（" and bool(_LONE_NOTE.match(cell))
