"""Working days of the official schedule (国务院办公厅节假日安排).

A working day is a Monday–Friday that is not a statutory holiday, or a weekend day the schedule turns
into a make-up working day (调休上班). Schedules come from chinese_calendar for the years it covers and
from schedule files an office loads for a new year (see `load_schedule`). A date in a year without a
schedule is an error, never a guess.

Counting N working days from a date means the Nth working day after it; the date itself is day 0.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from gongkai.register.errors import CalendarError

_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@dataclass(frozen=True)
class YearSchedule:
    """One year of the official schedule: days off on weekdays and working weekend days, with names."""

    year: int
    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)  # make-up working days (调休上班)
    source: str = ""

    def is_workday(self, d: date) -> bool:
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "source": self.source,
            "holidays": [{"date": d.isoformat(), "name": n} for d, n in sorted(self.holidays.items())],
            "workdays": [{"date": d.isoformat(), "name": n} for d, n in sorted(self.workdays.items())],
        }


class WorkCalendar:
    """The working days of every year with a schedule; answers in O(log n) by bisecting a day index."""

    def __init__(self, schedules: dict[int, YearSchedule] | None = None):
        self._schedules: dict[int, YearSchedule] = dict(schedules or {})
        self._index: list[date] | None = None

    # ------------------------------------------------------------------ schedules
    @property
    def years(self) -> list[int]:
        return sorted(self._schedules)

    def schedule(self, year: int) -> YearSchedule:
        self._require(year)
        return self._schedules[year]

    def with_schedule(self, schedule: YearSchedule) -> WorkCalendar:
        """A copy with one year's schedule added or replaced (a loaded file beats the library)."""
        return WorkCalendar({**self._schedules, schedule.year: schedule})

    def _require(self, year: int) -> None:
        if year not in self._schedules:
            have = self.years
            span = f"（现有{have[0]}—{have[-1]}年）" if have else ""
            raise CalendarError(
                f"{year}年的节假日安排尚未载入{span}，无法计算工作日；"
                f"请用 `gongkai calendar load 文件` 载入国务院办公厅公布的{year}年安排"
            )

    # ------------------------------------------------------------------ days
    def is_workday(self, d: date) -> bool:
        self._require(d.year)
        return self._schedules[d.year].is_workday(d)

    def day_name(self, d: date) -> str | None:
        """The holiday or make-up day a date belongs to, e.g. 春节, or None for an ordinary day."""
        s = self.schedule(d.year)
        return s.workdays.get(d) or s.holidays.get(d)

    def describe(self, d: date) -> str:
        """A date with what kind of day it is, for explanations: 2025-02-08（星期六，春节调休上班）."""
        wd = "一二三四五六日"[d.weekday()]
        s = self.schedule(d.year)
        if d in s.workdays:
            kind = f"，{s.workdays[d]}调休上班"
        elif d in s.holidays:
            kind = f"，{s.holidays[d]}假期"
        else:
            kind = ""
        return f"{d.isoformat()}（星期{wd}{kind}）"

    def _days(self) -> list[date]:
        if self._index is None:
            days = []
            for y in self.years:
                s = self._schedules[y]
                d = date(y, 1, 1)
                while d.year == y:
                    if s.is_workday(d):
                        days.append(d)
                    d += timedelta(days=1)
            self._index = days
        return self._index

    def _require_span(self, start: date, end: date) -> None:
        for y in range(min(start, end).year, max(start, end).year + 1):
            self._require(y)

    def add_workdays(self, start: date, n: int) -> date:
        """The nth working day after `start` (start itself is day 0); n == 0 gives start."""
        if n < 0:
            raise ValueError("n must be >= 0")
        self._require(start.year)
        if n == 0:
            return start
        days = self._days()
        i = bisect_right(days, start) + n - 1
        if i >= len(days):  # runs past the last loaded year
            self._require(self.years[-1] + 1)
        result = days[i]
        self._require_span(start, result)
        return result

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (0 when end <= start)."""
        if end <= start:
            return 0
        self._require_span(start, end)
        days = self._days()
        return bisect_right(days, end) - bisect_right(days, start)


# ---------------------------------------------------------------------------------------- building


def library_schedules() -> dict[int, YearSchedule]:
    """The schedules chinese_calendar ships (2004 onward, as far as its release covers)."""
    from chinese_calendar import constants

    years: dict[int, YearSchedule] = {}
    for d, name in constants.holidays.items():
        s = years.setdefault(d.year, YearSchedule(d.year, source="chinesecalendar 1.11.0"))
        s.holidays[d] = _NAMES.get(str(name), str(name))
    for d, name in constants.workdays.items():
        s = years.setdefault(d.year, YearSchedule(d.year, source="chinesecalendar 1.11.0"))
        s.workdays[d] = _NAMES.get(str(name), str(name))
    return years


def packaged_schedules() -> dict[int, YearSchedule]:
    """Schedule files shipped with gongkai (register/calendars/*.json), each stating its source."""
    out = {}
    folder = resources.files("gongkai.register").joinpath("calendars")
    if not folder.is_dir():  # an installation without the data files: the library's years only
        return out
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            s = parse_schedule(json.loads(entry.read_text(encoding="utf-8")), entry.name)
            out[s.year] = s
    return out


def default_calendar() -> WorkCalendar:
    """The library's schedules, overridden by the files shipped with the package."""
    return WorkCalendar({**library_schedules(), **packaged_schedules()})


def load_schedule(path: str | Path) -> YearSchedule:
    """Read a schedule file (JSON, see docs/register.md). Raises CalendarError naming the file."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise CalendarError(f"{p}：文件不存在") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CalendarError(f"{p}：不是有效的JSON节假日安排文件（{e}）") from e
    return parse_schedule(data, str(p))


def _dates(items, where: str, year: int, what: str) -> dict[date, str]:
    out: dict[date, str] = {}
    if not isinstance(items, list):
        raise CalendarError(f"{where}：{what}应为列表")
    for item in items:
        if not isinstance(item, dict):
            raise CalendarError(f"{where}：{what}中的“{item}”应为对象")
        name = str(item.get("name") or "")
        try:
            if "date" in item:
                first = last = date.fromisoformat(str(item["date"]))
            else:
                first = date.fromisoformat(str(item["from"]))
                last = date.fromisoformat(str(item["to"]))
        except (KeyError, ValueError) as e:
            raise CalendarError(f"{where}：{what}中的“{name or item}”日期无效（{e}）") from e
        if last < first:
            raise CalendarError(f"{where}：{what}中的“{name}”结束日期早于开始日期")
        d = first
        while d <= last:
            if d.year != year:
                raise CalendarError(f"{where}：{what}中的{d.isoformat()}不属于{year}年")
            out[d] = name
            d += timedelta(days=1)
    return out


def parse_schedule(data: dict, where: str = "节假日安排") -> YearSchedule:
    if not isinstance(data, dict) or not isinstance(data.get("year"), int):
        raise CalendarError(f"{where}：缺少整数字段 year")
    year = data["year"]
    holidays = _dates(data.get("holidays") or [], where, year, "holidays")
    workdays = _dates(data.get("workdays") or [], where, year, "workdays")
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise CalendarError(f"{where}：{both[0].isoformat()}既列为放假又列为上班")
    return YearSchedule(year, holidays, workdays, str(data.get("source") or where))
