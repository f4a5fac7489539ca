"""Cell values: int for counts and signed changes, Decimal for amounts, None for a blank."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from gongkai.errors import InputError
from gongkai.format.spec import Kind

Value = int | Decimal | None

#: What reports print for "no value": a blank is never a zero.
BLANK_MARKS = frozenset({"", "/", "-", "—", "–", "－", "／", "--", "——", "\\", "空", "无"})
#: The printed ones: a mark that stands in a value's place (an empty cell is no mark).
PRINTED_BLANKS = BLANK_MARKS - {""}

_NUMBER = re.compile(r"^[+\-－]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$|^[+\-－]?\d+(?:\.\d+)?$")


class ValueError_(InputError):
    """A cell's text is not a value of its kind."""

    code = "value"


def is_blank(text: str) -> bool:
    return text.strip() in BLANK_MARKS


def looks_numeric(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def parse_value(text: str, kind: Kind) -> Value:
    """Parse a cell's printed text. Raises ValueError_ (message in Chinese) when it is not a value."""
    t = text.strip()
    if t in BLANK_MARKS:
        return None
    if not _NUMBER.match(t):
        raise ValueError_(f"“{t}”不是数字")
    t = t.replace(",", "").replace("，", "").replace("－", "-")
    try:
        d = Decimal(t)
    except InvalidOperation as e:  # pragma: no cover - the regex admits only decimals
        raise ValueError_(f"“{t}”不是数字") from e
    if kind is Kind.AMOUNT:
        return d
    if d != d.to_integral_value():
        raise ValueError_(f"“{t}”应为整数")
    n = int(d)
    if kind is Kind.COUNT and n < 0:
        raise ValueError_(f"“{t}”为负数，件数不能为负")
    return n


def value_to_json(v: Value) -> int | float | None:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def value_from_json(v, kind: Kind) -> Value:
    if v is None:
        return None
    if kind is Kind.AMOUNT:
        return Decimal(str(v))
    return int(v)
