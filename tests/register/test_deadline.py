"""Due dates: 20 working days, corrections, consultations, extensions and fees across the holidays."""

from datetime import date as D

import pytest

from gongkai.register import DeadlineUndetermined, Event, due_date
from gongkai.register.errors import CalendarError, WorkflowError


def due(cal, received, *events):
    return due_date(received, list(events), cal)[0]


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (D(2025, 1, 20), D(2025, 2, 21)),  # across the 2025 Spring Festival, both make-up days counted
        (D(2025, 1, 29), D(2025, 3, 3)),  # received on a holiday: still day 0
        (D(2025, 2, 8), D(2025, 3, 7)),  # received on a make-up Saturday
        (D(2025, 9, 26), D(2025, 10, 30)),  # across the 2025 National Day (9/28 Sun, 10/11 Sat worked)
        (D(2026, 2, 10), D(2026, 3, 16)),  # across the 2026 Spring Festival (2/14, 2/28 Sat worked)
        (D(2026, 9, 18), D(2026, 10, 22)),  # Mid-autumn and the 2026 National Day (9/20 Sun, 10/10 Sat)
        (D(2025, 6, 3), D(2025, 7, 1)),  # an ordinary month
        (D(2026, 1, 26), D(2026, 2, 28)),  # the due date itself is a make-up Saturday
        (D(2025, 12, 31), D(2026, 1, 29)),  # across the year end and New Year 2026 (1/4 Sunday worked)
    ],
)
def test_twenty_working_days(cal, received, expected):
    assert due(cal, received) == expected


def test_explanation_is_step_by_step_chinese(cal):
    d, steps = due_date(D(2025, 2, 8), [], cal)
    assert d == D(2025, 3, 7)
    assert steps[0].startswith("2025-02-08（星期六，春节调休上班）收到申请")
    assert "2025-03-07" in steps[-1]


def test_correction_restarts_the_count(cal):
    got = due(
        cal,
        D(2025, 1, 20),
        Event("correction_requested", D(2025, 1, 24)),
        Event("correction_received", D(2025, 2, 10)),
    )
    assert got == D(2025, 3, 10)


def test_correction_notice_within_seven_working_days(cal):
    # the 7th working day after 2025-01-20 is 2025-02-05 (1/26 Sunday counts, the festival does not)
    ok = due(
        cal,
        D(2025, 1, 20),
        Event("correction_requested", D(2025, 2, 5)),
        Event("correction_received", D(2025, 2, 6)),
    )
    assert ok == cal.add_workdays(D(2025, 2, 6), 20)
    with pytest.raises(WorkflowError, match="最迟2025-02-05"):
        due(cal, D(2025, 1, 20), Event("correction_requested", D(2025, 2, 6)))


def test_waiting_for_correction_has_no_due_date(cal):
    with pytest.raises(DeadlineUndetermined, match="补正"):
        due(cal, D(2025, 1, 20), Event("correction_requested", D(2025, 1, 22)))


def test_consultation_with_reply_pauses_the_clock(cal):
    got = due(
        cal,
        D(2025, 1, 20),
        Event("consultation_sent", D(2025, 1, 22), party="third_party"),  # 2 days spent
        Event("consultation_replied", D(2025, 2, 10)),  # 18 left from here
    )
    assert got == D(2025, 3, 6)


def test_consultation_without_reply_resumes_after_fifteen_days(cal):
    # sent 2025-09-03 with 2 days spent; 15 working days later is 2025-09-24; 18 more cross National Day
    _, steps = due_date(D(2025, 9, 1), [Event("consultation_sent", D(2025, 9, 3))], cal)
    assert due(cal, D(2025, 9, 1), Event("consultation_sent", D(2025, 9, 3))) == D(2025, 10, 24)
    assert any("逾期未答复" in s for s in steps)


def test_a_late_reply_ends_the_pause_when_it_arrives(cal):
    # the reply period ended 2025-09-24; the reply came 2025-10-15: 18 days from then
    late = due(
        cal,
        D(2025, 9, 1),
        Event("consultation_sent", D(2025, 9, 3)),
        Event("consultation_replied", D(2025, 10, 15)),
    )
    assert late == cal.add_workdays(D(2025, 10, 15), 18) == D(2025, 11, 10)


def test_pause_begun_on_a_holiday_spends_no_holiday(cal):
    # received 2025-01-24 (Fri); consultation sent 2025-01-29 (festival): spent = 1/26, 1/27 = 2
    got = due(
        cal,
        D(2025, 1, 24),
        Event("consultation_sent", D(2025, 1, 29)),
        Event("consultation_replied", D(2025, 2, 12)),
    )
    assert got == cal.add_workdays(D(2025, 2, 12), 18)


def test_extension_moves_the_due_date(cal):
    got = due(cal, D(2025, 9, 26), Event("extended", D(2025, 10, 28), days=20, approved_by="办公室主任"))
    assert got == D(2025, 11, 27)
    short = due(cal, D(2025, 9, 26), Event("extended", D(2025, 10, 30), days=3))  # on the due date itself
    assert short == D(2025, 11, 4)


def test_extension_rules(cal):
    with pytest.raises(WorkflowError, match="届满"):
        due(cal, D(2025, 9, 26), Event("extended", D(2025, 10, 31), days=5))
    with pytest.raises(WorkflowError, match="1至20"):
        due(cal, D(2025, 9, 26), Event("extended", D(2025, 10, 9), days=21))
    with pytest.raises(WorkflowError, match="只能延长一次"):
        due(
            cal,
            D(2025, 9, 26),
            Event("extended", D(2025, 10, 9), days=5),
            Event("extended", D(2025, 10, 10), days=5),
        )


def test_extension_after_consultation(cal):
    got = due(
        cal,
        D(2025, 1, 20),
        Event("consultation_sent", D(2025, 1, 22), party="third_party"),
        Event("consultation_replied", D(2025, 2, 10)),
        Event("extended", D(2025, 2, 20), days=5, approved_by="张主任"),
    )
    assert got == D(2025, 3, 13)


def test_fee_notice_pauses_until_payment(cal):
    got = due(
        cal,
        D(2025, 3, 3),
        Event("fee_notified", D(2025, 3, 5), amount=100),  # 2 days spent
        Event("fee_paid", D(2025, 3, 20), amount=100),  # 18 left; Qingming 4/4 is off
    )
    assert got == D(2025, 4, 16)
    with pytest.raises(DeadlineUndetermined, match="缴费"):
        due(cal, D(2025, 3, 3), Event("fee_notified", D(2025, 3, 5), amount=100))


def test_fee_paid_after_the_payment_period_is_refused(cal):
    # 20 working days after 2025-03-05 is 2025-04-02
    with pytest.raises(WorkflowError, match="2025-04-02"):
        due(
            cal,
            D(2025, 3, 3),
            Event("fee_notified", D(2025, 3, 5), amount=100),
            Event("fee_paid", D(2025, 4, 7)),
        )


def test_year_without_schedule(cal):
    with pytest.raises(CalendarError, match="2027年的节假日安排尚未载入"):
        due(cal, D(2027, 2, 1))
    with pytest.raises(CalendarError, match="2027"):
        due(cal, D(2026, 12, 15))  # 20 working days reach into 2027


def test_events_out_of_order_or_not_allowed(cal):
    with pytest.raises(WorkflowError, match="按日期顺序"):
        due(cal, D(2025, 3, 3), Event("consultation_sent", D(2025, 3, 1)))
    with pytest.raises(WorkflowError, match="只能登记"):
        due(cal, D(2025, 3, 3), Event("correction_received", D(2025, 3, 5)))
    with pytest.raises(WorkflowError, match="只能登记"):
        due(cal, D(2025, 3, 3), Event("consultation_replied", D(2025, 3, 5)))
