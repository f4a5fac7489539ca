"""Dates as people write them, and today's date in Beijing.

Offices type dates as 2025-03-03, and spreadsheets rewrite them as 2025/3/3, 2025.3.3 or 2025年3月3日; all
are read. Anything else is an `InputError` naming the field. "Today" is always the Beijing date: a
register kept in China closes its day at midnight Beijing time, whatever the server's time zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from gongkai.errors import InputError

BEIJING = ZoneInfo("Asia/Shanghai")

_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_MIDNIGHT = re.compile(r"\s+0{1,2}:00(?::00)?$")  # what Excel appends when a date cell becomes text


def beijing_now() -> datetime:
    return datetime.now(BEIJING)


def beijing_today() -> date:
    return beijing_now().date()


def as_utc(moment: datetime | None) -> datetime | None:
    """A stored moment with its zone: the database keeps UTC, and SQLite hands it back without one."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def in_beijing(moment: datetime) -> datetime:
    """A stored moment as Beijing time."""
    return as_utc(moment).astimezone(BEIJING)


def parse_date(value: object, what: str = "日期") -> date:
    """A date from a date, an ISO string or a spreadsheet's rewriting of one; InputError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _MIDNIGHT.sub("", str(value if value is not None else "").strip())
    for form in _FORMS:
        m = form.fullmatch(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                break
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise InputError(
        f"{what}“{shown}”无效，应为年-月-日，如2025-03-03（也可写2025/3/3或2025年3月3日）",
        code="input.date",
        field=what,
    )


def chinese_date(d: date) -> str:
    """2025年3月4日, as 公文 print dates."""
    return f"{d.year}年{d.month}月{d.day}日"
