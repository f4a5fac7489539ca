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


def test_a_year_without_schedule_is_provisional(cal):
    s = cal.schedule(2027)
    assert s.provisional and "暂定" in s.source
    assert not cal.is_workday(D(2027, 2, 8))  # 春节 (初三) from the lunar calendar
    assert not cal.is_workday(D(2027, 2, 9))  # 初一 fell on a Saturday: given on the next working day
    assert cal.add_workdays(D(2026, 12, 21), 20) == D(2027, 1, 19)  # 1/1 off, no make-up day known
    assert cal.provisional_years(D(2026, 12, 21), D(2027, 1, 19)) == [2027]
    assert "（暂定）" in cal.describe(D(2027, 1, 1))
    with pytest.raises(CalendarError, match="2003年"):
        cal.add_workdays(D(2003, 5, 6), 3)
    with pytest.raises(CalendarError, match="2040年"):
        cal.is_workday(D(2040, 3, 1))
    strict = WorkCalendar({2026: cal.schedule(2026)}, provisional=False)
    with pytest.raises(CalendarError, match="2027年的节假日安排尚未载入"):
        strict.add_workdays(D(2026, 12, 21), 20)


def _official_2027(**changes) -> dict:
    """A plausible 2027 schedule: the statutory days (with their weekend substitutes) and two make-up
    Saturdays, as the State Council's notice would give them."""
    from gongkai.register.holidays import provisional_holidays

    data = {
        "year": 2027,
        "source": "测试用2027年安排",
        "holidays": [{"name": n, "date": d.isoformat()} for d, n in provisional_holidays(2027).items()],
        "workdays": [{"name": "春节", "date": "2027-02-20"}, {"name": "国庆节", "date": "2027-10-09"}],
    }
    data.update(changes)
    return data


def test_loading_a_new_year(cal, tmp_path):
    f = tmp_path / "2027.json"
    f.write_text(json.dumps(_official_2027(), ensure_ascii=False), encoding="utf-8")
    c2 = cal.with_schedule(load_schedule(f))
    assert not c2.schedule(2027).provisional and c2.provisional_years(D(2026, 12, 1), D(2027, 3, 1)) == []
    assert c2.is_workday(D(2027, 2, 20))  # a Saturday made a working day
    assert c2.add_workdays(D(2026, 12, 31), 2) == D(2027, 1, 5)
    assert cal.schedule(2027).provisional  # the original calendar is unchanged


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"holidays": [{"name": "元旦", "date": "2027-01-01"}]}, "缺少法定节假日2027-02-05（春节）"),
        ({"workdays": [{"name": "春节", "date": "2027-02-17"}]}, "调休上班日应为周六或周日：2027-02-17"),
    ],
)
def test_an_implausible_schedule_is_refused_with_reasons(tmp_path, changes, reason):
    f = tmp_path / "2027.json"
    f.write_text(json.dumps(_official_2027(**changes), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CalendarError, match=r"2027年安排不可信，未载入") as e:
        load_schedule(f)
    assert reason in str(e.value)


def test_too_many_days_off_is_refused():
    from gongkai.register.calendar import YearSchedule, checked
    from gongkai.register.holidays import provisional_holidays

    off = dict(provisional_holidays(2027))
    for i in range(1, 29):
        off[D(2027, 7, i)] = "暑假"
    with pytest.raises(CalendarError, match=r"全年工作日.*不在240—256天"):
        checked(YearSchedule(2027, off, {}, "x"))


def test_bad_schedule_files(tmp_path):
    with pytest.raises(CalendarError, match="不属于2027年"):
        parse_schedule({"year": 2027, "holidays": [{"name": "x", "date": "2028-01-01"}]}, "f.json")
    with pytest.raises(CalendarError, match="既列为放假又列为上班"):
        parse_schedule(
            {"year": 2027, "holidays": [{"date": "2027-02-01"}], "workdays": [{"date": "2027-02-01"}]}, "f"
        )
    with pytest.raises(CalendarError, match="year"):
        parse_schedule({"holidays": []}, "f")
    with pytest.raises(CalendarError, match="year"):
        parse_schedule({"year": True}, "f")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CalendarError, match=r"bad\.json"):
        load_schedule(bad)
    with pytest.raises(CalendarError, match="不存在"):
        load_schedule(tmp_path / "missing.json")


def test_every_shipped_schedule_is_plausible(cal):
    for year in cal.years:
        if year >= 2008:
            assert cal.schedule(year).problems() == [], year


def test_statutory_holidays_follow_the_2024_revision():
    from gongkai.register.holidays import statutory_holidays

    h2024, h2025 = statutory_holidays(2024), statutory_holidays(2025)
    assert len(h2024) == 11 and len(h2025) == 13  # 除夕 and 5月2日 added from 2025
    assert h2025[D(2025, 1, 28)] == "春节" and h2025[D(2025, 5, 2)] == "劳动节"
    assert (
        h2025[D(2025, 4, 4)] == "清明节"
        and h2025[D(2025, 5, 31)] == "端午节"
        and h2025[D(2025, 10, 6)] == "中秋节"
    )
