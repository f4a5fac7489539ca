"""Checks of the values a notice prints. Each names its field in Chinese, so a bad or missing value is one
line for a person (`InputError`), never a traceback or a half-filled document."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.errors import InputError, LimitExceeded

MAX_TEXT = 2000  # characters of one free-text field: a paragraph, not a file


def missing(label: str, field: str) -> InputError:
    return InputError(f"缺少{label}", code="notice.missing", field=field)


def text(value: Any, label: str, field: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """A line of text, its runs of white space (line breaks included) folded into one space."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(f"{label}应为文字，收到{type(value).__name__}", code="notice.invalid", field=field)
    value = " ".join(value.split())
    bad = next((ch for ch in value if unicodedata.category(ch) in ("Cc", "Cs", "Co")), None)
    if bad is not None:  # a DOCX cannot hold them: refuse rather than fail half-way through writing
        raise InputError(f"{label}含有不可打印的字符 U+{ord(bad):04X}", code="notice.invalid", field=field)
    if required and not value:
        raise missing(label, field)
    if len(value) > limit:
        raise LimitExceeded(f"{label}过长（{len(value)}字，上限{limit}字）", code="notice.limit", field=field)
    return value


def day(value: Any, label: str, field: str, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise missing(label, field)
        return None
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise InputError(f"{label}应为日期，收到“{value}”", code="notice.invalid", field=field)
    return value


def whole(value: Any, label: str, field: str, *, minimum: int, maximum: int | None = None) -> int:
    """A whole number in range; 1.9, "3" or True are refused rather than truncated or guessed."""
    if value is None:
        raise missing(label, field)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{label}应为整数，收到“{value}”", code="notice.invalid", field=field)
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"{minimum}至{maximum}" if maximum is not None else f"不小于{minimum}的整数"
        raise InputError(f"{label}应为{bound}，收到{value}", code="notice.invalid", field=field)
    return value


def money(value: Any, label: str, field: str) -> Decimal:
    """An amount in yuan: finite, not negative, at most two decimals (分)."""
    if value is None:
        raise missing(label, field)
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise InputError(f"{label}“{value}”不是有效金额", code="notice.invalid", field=field)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as e:
        raise InputError(f"{label}“{value}”不是有效金额", code="notice.invalid", field=field) from e
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise InputError(
            f"{label}“{value}”不是有效金额（应为不小于0、最多两位小数的元数）",
            code="notice.invalid",
            field=field,
        )
    return amount


def choice(value: Any, labels: Mapping[Any, str], label: str, field: str) -> Any:
    """One of a vocabulary, given by its code or its Chinese label; the error lists the valid choices."""
    if value is None or value == "":
        raise missing(label, field)
    key = str(getattr(value, "value", value)).strip()
    for canonical, chinese in labels.items():
        if key in (str(getattr(canonical, "value", canonical)), chinese):
            return canonical
    valid = "、".join(f"{chinese}（{getattr(c, 'value', c)}）" for c, chinese in labels.items())
    raise InputError(f"{label}“{value}”无效，应为：{valid}", code="notice.invalid", field=field)


def set_fields(obj: Any, **values: Any) -> None:
    """Assign normalised values on a frozen dataclass from its __post_init__."""
    for name, v in values.items():
        object.__setattr__(obj, name, v)
