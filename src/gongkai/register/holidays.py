"""The statutory holidays of 《全国年节及纪念日放假办法》, a provisional schedule for a year whose official
schedule is not yet published, and a plausibility check of a schedule an office loads.

The State Council publishes each year's schedule (放假与调休) in November or December. Until then a
request received in December still needs a due date in January: it is computed from a provisional
schedule — the statutory days off, lunar dates computed, with a holiday that falls on a weekend given on
the next working day (补假, 放假办法第六条) — and marked 暂定. Make-up working days (调休上班) cannot be
foreseen and are not guessed. Loading the official schedule replaces it and recomputes every due date.
"""

from __future__ import annotations

from datetime import date, timedelta

from lunar_python import Lunar

from gongkai.register.errors import CalendarError

#: The 2024 revision (国务院令第795号) applies from 2025: 春节 adds 除夕, 劳动节 adds 5月2日.
REVISION_2025 = 2025
#: Working days a year may plausibly have (2008–2026 schedules have 246–251).
WORKDAY_RANGE = (240, 256)


def _spring_festival(year: int) -> date:
    s = Lunar.fromYmd(year, 1, 1).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def _lunar(year: int, month: int, day: int) -> date:
    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def _qingming(year: int) -> date:
    s = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return date(s.getYear(), s.getMonth(), s.getDay())


def statutory_holidays(year: int) -> dict[date, str]:
    """The days off every citizen has by law in a year (放假办法第二条), by name."""
    if year < 2008:
        raise CalendarError(f"{year}年早于现行放假办法（2008年起），无法推算法定节假日")
    new = year >= REVISION_2025
    spring = _spring_festival(year)
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    for i in range(-1 if new else 0, 3):
        days[spring + timedelta(days=i)] = "春节"
    days[_qingming(year)] = "清明节"
    for d in (1, 2) if new else (1,):
        days[date(year, 5, d)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    for d in (1, 2, 3):
        days[date(year, 10, d)] = "国庆节"
    return {d: n for d, n in days.items() if d.year == year}


def provisional_holidays(year: int) -> dict[date, str]:
    """Statutory days off, with those on a weekend moved to the next weekday not already off (补假)."""
    statutory = statutory_holidays(year)
    off = {d: n for d, n in statutory.items()}
    for d, name in sorted(statutory.items()):
        if d.weekday() >= 5:
            sub = d + timedelta(days=1)
            while sub.weekday() >= 5 or sub in off:
                sub += timedelta(days=1)
            if sub.year == year:
                off[sub] = name
    return off


def schedule_problems(year: int, holidays: dict[date, str], workdays: dict[date, str]) -> list[str]:
    """What makes a schedule implausible: a statutory holiday missing, a make-up working day that is not
    a weekend day, or a count of working days out of range. Empty when the schedule looks right."""
    problems: list[str] = []
    missing = [
        f"{d.isoformat()}（{n}）"
        for d, n in sorted(statutory_holidays(year).items())
        if d in workdays or (d not in holidays and d.weekday() < 5)
    ]
    if missing:
        problems.append("缺少法定节假日" + "、".join(missing))
    weekday_work = [d.isoformat() for d in sorted(workdays) if d.weekday() < 5]
    if weekday_work:
        problems.append("调休上班日应为周六或周日：" + "、".join(weekday_work))
    count = sum(
        1
        for i in range((date(year, 12, 31) - date(year, 1, 1)).days + 1)
        if _is_workday(date(year, 1, 1) + timedelta(days=i), holidays, workdays)
    )
    low, high = WORKDAY_RANGE
    if not low <= count <= high:
        problems.append(f"全年工作日{count}天，不在{low}—{high}天的合理范围内")
    return problems


def _is_workday(d: date, holidays: dict[date, str], workdays: dict[date, str]) -> bool:
    if d in workdays:
        return True
    return d not in holidays and d.weekday() < 5
