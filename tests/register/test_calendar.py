"""Working days against the State Council schedules of 2025 and 2026."""

import json
from datetime import date as D

import pytest

from gongkai.register.calendar import (
    WorkCalendar,
    library_schedules,
    load_schedule,
    packaged_schedules,
    parse_schedule,
)
from gongkai.register.errors import CalendarError


def test_2025_spring_festival_and_make_up_days(cal):
    assert not cal.is_workday(D(2025, 1, 28))
    assert not cal.is_workday(D(2025, 2, 4))
    assert cal.is_workday(D(2025, 1, 26))  # Sunday worked
    assert cal.is_workday(D(2025, 2, 8))  # Saturday worked
    assert cal.day_name(D(2025, 2, 8)) == "春节"
    assert "调休上班" in cal.describe(D(2025, 2, 8))


def test_2025_national_day(cal):
    off = [D(2025, 10, d) for d in range(1, 9)]
    assert not any(cal.is_workday(d) for d in off)
    assert cal.is_workday(D(2025, 9, 28)) and cal.is_workday(D(2025, 10, 11))


def test_packaged_2026_schedule_matches_the_notice(cal):
    s = packaged_schedules()[2026]
    assert "国办发明电〔2025〕7号" in s.source
    assert set(s.workdays) == {
        D(2026, 1, 4),
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 5, 9),
        D(2026, 9, 20),
        D(2026, 10, 10),
    }
    assert len(s.holidays) == 33
    lib = library_schedules()[2026]
    assert set(lib.holidays) == set(s.holidays) and set(lib.workdays) == set(s.workdays)
    assert cal.schedule(2026).source == s.source  # the shipped file is what the calendar uses


def test_counting_starts_after_day_zero(cal):
    assert cal.add_workdays(D(2025, 3, 3), 0) == D(2025, 3, 3)
    assert cal.add_workdays(D(2025, 3, 3), 1) == D(2025, 3, 4)
    assert cal.add_workdays(D(2025, 3, 7), 1) == D(2025, 3, 10)  # Friday → Monday
    assert cal.workdays_between(D(2025, 1, 24), D(2025, 2, 8)) == 6  # 1/26, 1/27, 2/5, 2/6, 2/7, 2/8


def test_year_without_schedule_is_an_error(cal):
    with pytest.raises(CalendarError, match="2027年的节假日安排尚未载入"):
        cal.is_workday(D(2027, 3, 1))
    with pytest.raises(CalendarError, match="2027年"):
        cal.add_workdays(D(2026, 12, 21), 20)  # runs into 2027
    with pytest.raises(CalendarError, match="2003年"):
        cal.add_workdays(D(2003, 5, 6), 3)


def test_loading_a_new_year(cal, tmp_path):
    f = tmp_path / "2027.json"
    f.write_text(
        json.dumps(
            {
                "year": 2027,
                "source": "测试用安排",
                "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
                "workdays": [{"name": "元旦", "date": "2027-01-09"}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    c2 = cal.with_schedule(load_schedule(f))
    assert not c2.is_workday(D(2027, 1, 1))
    assert c2.is_workday(D(2027, 1, 9))  # a Saturday made a working day
    # 2026-12-31 (Thu) + 2: 2027-01-01 off (Fri), weekend, so 1/4 and 1/5
    assert c2.add_workdays(D(2026, 12, 31), 2) == D(2027, 1, 5)
    with pytest.raises(CalendarError):
        cal.is_workday(D(2027, 1, 4))  # the original calendar is unchanged


def test_bad_schedule_files(tmp_path):
    with pytest.raises(CalendarError, match="不属于2027年"):
        parse_schedule({"year": 2027, "holidays": [{"name": "x", "date": "2028-01-01"}]}, "f.json")
    with pytest.raises(CalendarError, match="既列为放假又列为上班"):
        parse_schedule(
            {"year": 2027, "holidays": [{"date": "2027-02-01"}], "workdays": [{"date": "2027-02-01"}]}, "f"
        )
    with pytest.raises(CalendarError, match="year"):
        parse_schedule({"holidays": []}, "f")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CalendarError, match=r"bad\.json"):
        load_schedule(bad)
    with pytest.raises(CalendarError, match="不存在"):
        load_schedule(tmp_path / "missing.json")


def test_gap_between_loaded_years_is_not_skipped():
    from gongkai.register.calendar import YearSchedule

    c = WorkCalendar({2026: YearSchedule(2026), 2028: YearSchedule(2028)})
    with pytest.raises(CalendarError, match="2027"):
        c.add_workdays(D(2026, 12, 30), 5)
