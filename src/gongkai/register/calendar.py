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
from gongkai.register.holidays import provisional_holidays, schedule_problems

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
    provisional: bool = False  # built from the statutory holidays while the official one is not loaded

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

    def problems(self) -> list[str]:
        return schedule_problems(self.year, self.holidays, self.workdays)


def provisional_schedule(year: int) -> YearSchedule:
    """The statutory holidays of a year whose official schedule is not loaded (see `holidays`)."""
    return YearSchedule(
        year,
        provisional_holidays(year),
        {},
        f"{year}年暂定安排（按《全国年节及纪念日放假办法》推算，未含调休）",
        provisional=True,
    )


class WorkCalendar:
    """The working days of every year with a schedule. A year without one is provisional (`provisional_years`
    tells which years a computation used), within `PROVISIONAL_SPAN`; beyond it, CalendarError."""

    PROVISIONAL_SPAN = 3  # years after the last loaded one that may be computed provisionally

    def __init__(self, schedules: dict[int, YearSchedule] | None = None, *, provisional: bool = True):
        self._schedules: dict[int, YearSchedule] = dict(schedules or {})
        self._allow_provisional = provisional
        self._provisional: dict[int, YearSchedule] = {}
        self._days: dict[int, list[date]] = {}

    # ------------------------------------------------------------------ schedules
    @property
    def years(self) -> list[int]:
        """The years with an official (loaded) schedule."""
        return sorted(self._schedules)

    def has_official(self, year: int) -> bool:
        return year in self._schedules

    def schedule(self, year: int) -> YearSchedule:
        if year in self._schedules:
            return self._schedules[year]
        if year not in self._provisional:
            self._require(year)
            self._provisional[year] = provisional_schedule(year)
        return self._provisional[year]

    def with_schedule(self, schedule: YearSchedule) -> WorkCalendar:
        """A copy with one year's schedule added or replaced (a loaded file beats the library)."""
        return WorkCalendar({**self._schedules, schedule.year: schedule}, provisional=self._allow_provisional)

    def provisional_years(self, start: date, end: date) -> list[int]:
        """The years between two dates whose schedule is provisional."""
        lo, hi = sorted((start.year, end.year))
        return [y for y in range(lo, hi + 1) if y not in self._schedules]

    def _require(self, year: int) -> None:
        have = self.years
        span = f"（现有{have[0]}—{have[-1]}年）" if have else ""
        last = have[-1] if have else 0
        first = have[0] if have else 2008
        if not self._allow_provisional or not (max(first, 2008) <= year <= last + self.PROVISIONAL_SPAN):
            raise CalendarError(
                f"{year}年的节假日安排尚未载入{span}，无法计算工作日；"
                f"请用 `gongkai calendar load 文件` 载入国务院办公厅公布的{year}年安排"
            )

    # ------------------------------------------------------------------ days
    def is_workday(self, d: date) -> bool:
        return self.schedule(d.year).is_workday(d)

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
            kind = f"，{s.holidays[d]}假期" + ("（暂定）" if s.provisional else "")
        else:
            kind = ""
        return f"{d.isoformat()}（星期{wd}{kind}）"

    def _year_days(self, year: int) -> list[date]:
        days = self._days.get(year)
        if days is None:
            s = self.schedule(year)
            first = date(year, 1, 1)
            days = [
                first + timedelta(days=i)
                for i in range((date(year, 12, 31) - first).days + 1)
                if s.is_workday(first + timedelta(days=i))
            ]
            self._days[year] = days
        return days

    def add_workdays(self, start: date, n: int) -> date:
        """The nth working day after `start` (start itself is day 0); n == 0 gives start."""
        if n < 0:
            raise ValueError("n must be >= 0")
        year = start.year
        days = self._year_days(year)
        if n == 0:
            return start
        i = bisect_right(days, start)
        while i + n > len(days):  # runs into the next year
            n -= len(days) - i
            year += 1
            days, i = self._year_days(year), 0
        return days[i + n - 1]

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (0 when end <= start)."""
        if end <= start:
            return 0
        total = 0
        for year in range(start.year, end.year + 1):
            days = self._year_days(year)
            total += bisect_right(days, end) - bisect_right(days, start)
        return total


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
    return checked(parse_schedule(data, str(p)), str(p))


def checked(schedule: YearSchedule, where: str = "节假日安排") -> YearSchedule:
    """The schedule, if it is plausible (see `holidays.schedule_problems`); CalendarError with every reason
    otherwise, so a mistyped file never moves due dates."""
    problems = schedule.problems()
    if problems:
        raise CalendarError(f"{where}：{schedule.year}年安排不可信，未载入：" + "；".join(problems))
    return schedule


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
    year = data.get("year") if isinstance(data, dict) else None
    if not isinstance(year, int) or isinstance(year, bool) or not 2004 <= year <= 2100:
        raise CalendarError(f"{where}：缺少有效的年份 year（2004—2100的整数）")
    holidays = _dates(data.get("holidays") or [], where, year, "holidays")
    workdays = _dates(data.get("workdays") or [], where, year, "workdays")
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise CalendarError(f"{where}：{both[0].isoformat()}既列为放假又列为上班")
    return YearSchedule(year, holidays, workdays, str(data.get("source") or where))
