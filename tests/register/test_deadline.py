"""Due dates: 20 working days, corrections, consultations, extensions and fees across the holidays."""

from datetime import date as D

import pytest

from gongkai.register import DeadlineUndetermined, derive, due_date, event
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
        event("correction_requested", D(2025, 1, 24)),
        event("correction_received", D(2025, 2, 10)),
    )
    assert got == D(2025, 3, 10)


def test_correction_notice_within_seven_working_days(cal):
    # the 7th working day after 2025-01-20 is 2025-02-05 (1/26 Sunday counts, the festival does not)
    ok = due(
        cal,
        D(2025, 1, 20),
        event("correction_requested", D(2025, 2, 5)),
        event("correction_received", D(2025, 2, 6)),
    )
    assert ok == cal.add_workdays(D(2025, 2, 6), 20) == D(2025, 3, 5)


def test_a_late_correction_notice_gains_no_time(cal):
    """第三十条: a notice after the 7th working day is recorded with a finding and does not restart the
    period: the due date stays 20 working days from receipt, while waiting and after the correction."""
    late = event("correction_requested", D(2025, 2, 6), days=10)
    st = derive(D(2025, 1, 20), [late], cal)
    assert st.state.value == "awaiting_correction" and st.due == D(2025, 2, 21)
    assert [f.rule for f in st.findings] == ["register.late_correction_notice"]
    assert "最迟2025-02-05" in st.findings[0].message
    assert due(cal, D(2025, 1, 20), late) == D(2025, 2, 21)
    assert due(cal, D(2025, 1, 20), late, event("correction_received", D(2025, 2, 10))) == D(2025, 2, 21)
    assert derive(D(2025, 1, 20), [late], cal).overdue(D(2025, 2, 24))


def test_abandoned_only_after_the_correction_period(cal):
    notice = event("correction_requested", D(2025, 3, 5), days=10, served=D(2025, 3, 7))
    # 10 working days from the applicant's receipt on 3/7 end on 3/21
    assert derive(D(2025, 3, 3), [notice], cal).wait_until == D(2025, 3, 21)
    with pytest.raises(WorkflowError, match="届满前不能登记逾期未补正"):
        derive(D(2025, 3, 3), [notice, event("abandoned", D(2025, 3, 21))], cal)
    st = derive(D(2025, 3, 3), [notice, event("abandoned", D(2025, 3, 24))], cal)
    assert (st.state.value, st.outcome) == ("abandoned", "other.no_correction")
    with pytest.raises(WorkflowError, match="未记录补正期限"):
        derive(
            D(2025, 3, 3),
            [event("correction_requested", D(2025, 3, 5)), event("abandoned", D(2025, 6, 2))],
            cal,
        )


def test_waiting_for_correction_has_no_due_date(cal):
    with pytest.raises(DeadlineUndetermined, match="补正"):
        due(cal, D(2025, 1, 20), event("correction_requested", D(2025, 1, 22)))


def test_consultation_with_reply_pauses_the_clock(cal):
    got = due(
        cal,
        D(2025, 1, 20),
        event("consultation_sent", D(2025, 1, 22), party="third_party"),  # 2 days spent
        event("consultation_replied", D(2025, 2, 10)),  # 18 left from here
    )
    assert got == D(2025, 3, 6)


def test_consultation_without_reply_resumes_after_fifteen_days(cal):
    # sent 2025-09-03 with 2 days spent; 15 working days later is 2025-09-24; 18 more cross National Day
    _, steps = due_date(D(2025, 9, 1), [event("consultation_sent", D(2025, 9, 3))], cal)
    assert due(cal, D(2025, 9, 1), event("consultation_sent", D(2025, 9, 3))) == D(2025, 10, 24)
    assert any("逾期未答复" in s for s in steps)


def test_a_late_reply_does_not_lengthen_the_pause(cal):
    # the reply period ended 2025-09-24; a reply on 2025-10-15 changes nothing: the same due date as none
    sent = event("consultation_sent", D(2025, 9, 3))
    late = derive(D(2025, 9, 1), [sent, event("consultation_replied", D(2025, 10, 15))], cal)
    assert late.due == due(cal, D(2025, 9, 1), sent) == D(2025, 10, 24)
    assert any("逾期答复不延长暂停" in s for s in late.explanation)


def test_the_reply_period_runs_from_the_partys_receipt(cal):
    sent = event("consultation_sent", D(2025, 9, 3), party="第三方", served=D(2025, 9, 5))
    assert due(cal, D(2025, 9, 1), sent) == D(2025, 10, 28)  # 15 days from 9/5 end 9/26; 18 more
    with pytest.raises(WorkflowError, match="早于发出日期"):
        due(cal, D(2025, 9, 1), event("consultation_sent", D(2025, 9, 3), served=D(2025, 9, 2)))


def test_overlapping_consultations_stop_the_clock_until_the_last_ends(cal):
    a = event("consultation_sent", D(2025, 3, 5), party="third_party", party_name="甲公司")  # limit 3/26
    b = event("consultation_sent", D(2025, 3, 10), party="body", party_name="某区住建局")  # limit 3/31
    both = [a, b, event("consultation_replied", D(2025, 3, 20), party_name="甲公司")]
    st = derive(D(2025, 3, 3), both, cal)
    assert st.state.value == "consulting" and st.consultation_until == D(2025, 3, 31)
    answered = [*both, event("consultation_replied", D(2025, 3, 25), party_name="某区住建局")]
    st = derive(D(2025, 3, 3), answered, cal)
    assert st.state.value == "in_progress" and st.due == D(2025, 4, 21)  # 18 days from 3/25, Qingming off
    # the body replies late (after 3/31): the pause ends at 3/31, as when its reply is never logged
    late = [*both, event("consultation_replied", D(2025, 4, 2), party_name="某区住建局")]
    assert due(cal, D(2025, 3, 3), *late) == due(cal, D(2025, 3, 3), *both) == D(2025, 4, 25)


def test_replies_match_their_letters(cal):
    a = event("consultation_sent", D(2025, 3, 5), party="third_party")
    b = event("consultation_sent", D(2025, 3, 10), party="body")
    # unnamed replies answer the earliest open letter of their kind
    st = derive(D(2025, 3, 3), [a, b, event("consultation_replied", D(2025, 3, 12), party="body")], cal)
    assert st.consultation_until == D(2025, 3, 26)  # the third party's period is what is left
    with pytest.raises(WorkflowError, match="没有向“乙公司”发出"):
        derive(D(2025, 3, 3), [a, event("consultation_replied", D(2025, 3, 12), party_name="乙公司")], cal)


def test_a_lapsed_consultation_lets_the_work_go_on(cal):
    # the third party never answered; after its period the office may send a fee notice
    st = derive(
        D(2025, 3, 3),
        [event("consultation_sent", D(2025, 3, 5)), event("fee_notified", D(2025, 3, 28), amount=100)],
        cal,
    )
    assert st.state.value == "awaiting_fee"
    assert any("答复期届满" in s for s in st.explanation)


def test_pause_begun_on_a_holiday_spends_no_holiday(cal):
    # received 2025-01-24 (Fri); consultation sent 2025-01-29 (festival): spent = 1/26, 1/27 = 2
    got = due(
        cal,
        D(2025, 1, 24),
        event("consultation_sent", D(2025, 1, 29)),
        event("consultation_replied", D(2025, 2, 12)),
    )
    assert got == cal.add_workdays(D(2025, 2, 12), 18)


def test_extension_moves_the_due_date(cal):
    got = due(cal, D(2025, 9, 26), event("extended", D(2025, 10, 28), days=20, approved_by="办公室主任"))
    assert got == D(2025, 11, 27)
    short = due(cal, D(2025, 9, 26), event("extended", D(2025, 10, 30), days=3))  # on the due date itself
    assert short == D(2025, 11, 4)


def test_extension_rules(cal):
    with pytest.raises(WorkflowError, match="届满"):
        due(cal, D(2025, 9, 26), event("extended", D(2025, 10, 31), days=5))
    with pytest.raises(WorkflowError, match="1至20"):
        due(cal, D(2025, 9, 26), event("extended", D(2025, 10, 9), days=21))
    with pytest.raises(WorkflowError, match="只能延长一次"):
        due(
            cal,
            D(2025, 9, 26),
            event("extended", D(2025, 10, 9), days=5),
            event("extended", D(2025, 10, 10), days=5),
        )


def test_extension_after_consultation(cal):
    got = due(
        cal,
        D(2025, 1, 20),
        event("consultation_sent", D(2025, 1, 22), party="third_party"),
        event("consultation_replied", D(2025, 2, 10)),
        event("extended", D(2025, 2, 20), days=5, approved_by="张主任"),
    )
    assert got == D(2025, 3, 13)


def test_fee_notice_pauses_until_payment(cal):
    got = due(
        cal,
        D(2025, 3, 3),
        event("fee_notified", D(2025, 3, 5), amount=100),  # 2 days spent
        event("fee_paid", D(2025, 3, 20), amount=100),  # 18 left; Qingming 4/4 is off
    )
    assert got == D(2025, 4, 16)
    with pytest.raises(DeadlineUndetermined, match="缴费"):
        due(cal, D(2025, 3, 3), event("fee_notified", D(2025, 3, 5), amount=100))


def test_fee_paid_after_the_payment_period_is_refused(cal):
    # 20 working days after 2025-03-05 is 2025-04-02
    with pytest.raises(WorkflowError, match="2025-04-02"):
        due(
            cal,
            D(2025, 3, 3),
            event("fee_notified", D(2025, 3, 5), amount=100),
            event("fee_paid", D(2025, 4, 7)),
        )


def test_a_year_without_schedule_is_provisional(cal):
    st = derive(D(2026, 12, 15), [], cal)
    assert st.due == D(2027, 1, 13) and st.provisional_years == [2027]  # 1/1 off, no make-up days known
    assert [f.rule for f in st.findings] == ["register.provisional_calendar"]
    assert "2027年节假日安排尚未载入" in st.findings[0].message
    assert derive(D(2026, 11, 2), [], cal).provisional_years == []
    with pytest.raises(CalendarError, match="2040年的节假日安排尚未载入"):
        due(cal, D(2040, 2, 1))


def test_events_out_of_order_or_not_allowed(cal):
    with pytest.raises(WorkflowError, match="按日期顺序"):
        due(cal, D(2025, 3, 3), event("consultation_sent", D(2025, 3, 1)))
    with pytest.raises(WorkflowError, match="只能登记"):
        due(cal, D(2025, 3, 3), event("correction_received", D(2025, 3, 5)))
    with pytest.raises(WorkflowError, match="没有待答复的征求意见"):
        due(cal, D(2025, 3, 3), event("consultation_replied", D(2025, 3, 5)))


def test_fee_window_runs_from_the_applicants_receipt(cal):
    notice = event("fee_notified", D(2025, 3, 5), amount=100, served=D(2025, 3, 10))  # pay by 4/8
    # 18 days from 4/7 end 4/30 (4/27, a Sunday, is worked for Labour Day)
    assert due(cal, D(2025, 3, 3), notice, event("fee_paid", D(2025, 4, 7))) == D(2025, 4, 30)
    with pytest.raises(WorkflowError, match="2025-04-08"):
        due(cal, D(2025, 3, 3), notice, event("fee_paid", D(2025, 4, 9)))


def test_fee_rules(cal):
    notice = event("fee_notified", D(2025, 3, 5), amount=100)
    with pytest.raises(WorkflowError, match="部分缴费不视为已缴费"):
        due(cal, D(2025, 3, 3), notice, event("fee_paid", D(2025, 3, 10), amount="50"))
    with pytest.raises(WorkflowError, match="只能发出一次收费通知"):
        due(
            cal,
            D(2025, 3, 3),
            notice,
            event("fee_paid", D(2025, 3, 10)),
            event("fee_notified", D(2025, 3, 11)),
        )
    with pytest.raises(WorkflowError, match="早于《政府信息公开信息处理费管理办法》施行之日"):
        due(cal, D(2020, 12, 21), event("fee_notified", D(2020, 12, 23), amount=100))


def test_fee_notice_on_the_last_day_leaves_nothing_to_spend(cal):
    # due 2025-03-31; a notice that day spends all 20 days: the answer is due the day the fee is paid
    got = due(
        cal,
        D(2025, 3, 3),
        event("fee_notified", D(2025, 3, 31), amount=100),
        event("fee_paid", D(2025, 4, 10)),
    )
    assert got == D(2025, 4, 10)
    with pytest.raises(WorkflowError, match="届满"):
        due(cal, D(2025, 3, 3), event("fee_notified", D(2025, 4, 1), amount=100))


def test_fee_notice_and_extension(cal):
    got = due(
        cal,
        D(2025, 3, 3),
        event("fee_notified", D(2025, 3, 5), amount=100),  # 2 spent, 18 left
        event("extended", D(2025, 3, 12), days=10, approved_by="李主任"),  # 28 left
        event("fee_paid", D(2025, 3, 20)),
    )
    assert got == cal.add_workdays(D(2025, 3, 20), 28) == D(2025, 4, 29)


def test_extension_records_its_approver_or_says_it_is_missing(cal):
    st = derive(D(2025, 9, 26), [event("extended", D(2025, 10, 9), days=5)], cal)
    assert (
        "未记录批准人" in st.explanation[-1] and "经政府信息公开工作机构负责人同意" not in st.explanation[-1]
    )
    assert [f.rule for f in st.findings] == ["register.extension_unapproved"]
    told = derive(
        D(2025, 9, 26),
        [event("extended", D(2025, 10, 9), days=5, approved_by="王主任", notified=D(2025, 10, 10))],
        cal,
    )
    assert "经王主任同意" in told.explanation[-1] and "2025-10-10告知申请人" in told.explanation[-1]


def test_explanation_pause_and_deferral(cal):
    """第三十五条: ask the applicant to explain (a pause), then 不予处理 or a later deadline the body sets."""
    ask = event("explanation_requested", D(2025, 3, 5), days=10)  # 2 spent
    back = event("explanation_received", D(2025, 3, 12))
    assert due(cal, D(2025, 3, 3), ask, back) == cal.add_workdays(D(2025, 3, 12), 18) == D(2025, 4, 8)
    with pytest.raises(DeadlineUndetermined, match="说明理由"):
        due(cal, D(2025, 3, 3), ask)
    later = event("deferred", D(2025, 3, 20), until=D(2025, 5, 30), approved_by="王主任")
    assert due(cal, D(2025, 3, 3), ask, back, later) == D(2025, 5, 30)
    with pytest.raises(WorkflowError, match="理由说明之后"):
        due(cal, D(2025, 3, 3), later)
    refused = derive(D(2025, 3, 3), [ask, event("answered", D(2025, 3, 25), kind="excessive")], cal)
    assert refused.outcome == "not_handled.excessive"
    with pytest.raises(WorkflowError, match="须先要求申请人说明理由"):
        derive(D(2025, 3, 3), [event("answered", D(2025, 3, 25), outcome="not_handled.excessive")], cal)


def test_outcomes_agree_with_the_log(cal):
    with pytest.raises(WorkflowError, match="只能在收到补正之后"):
        derive(D(2025, 3, 3), [event("answered", D(2025, 3, 20), outcome="补正后申请内容仍不明确")], cal)
    with pytest.raises(WorkflowError, match="须在补正通知的期限届满"):
        derive(D(2025, 3, 3), [event("answered", D(2025, 3, 20), outcome="other.no_correction")], cal)
    with pytest.raises(WorkflowError, match="须在收费通知的期限届满"):
        derive(D(2025, 3, 3), [event("answered", D(2025, 3, 20), outcome="other.fee_unpaid")], cal)
    unpaid = derive(
        D(2025, 3, 3),
        [
            event("fee_notified", D(2025, 3, 5), amount=100),
            event("answered", D(2025, 4, 3), outcome="other.fee_unpaid"),
        ],
        cal,
    )
    assert (unpaid.state.value, unpaid.outcome) == ("fee_unpaid", "other.fee_unpaid")


def test_bad_event_values_are_refused_not_truncated():
    for kw, msg in (
        ({"days": 1.9}, "应为整数"),
        ({"days": "20天"}, "应为整数"),
        ({"days": -1}, "应在0至"),
        ({"days": True}, "应为整数"),
    ):
        with pytest.raises(WorkflowError, match=msg):
            event("extended", "2025-03-03", **kw)
    for bad, msg in (
        ("Infinity", "有限"),
        ("-5", "不能为负"),
        ("1.5万", "不要带单位"),
        ("1e12", "超出合理范围"),
        ("0.001", "小数"),
    ):
        with pytest.raises(WorkflowError, match=msg):
            event("fee_notified", "2025-03-03", amount=bad)
    with pytest.raises(WorkflowError, match="未知字段：colour"):
        event("answered", "2025-03-03", colour="red")
    with pytest.raises(Exception, match="事件类型“answred”无效"):
        event("answred", "2025-03-03")
    assert event("作出答复", "2025年3月3日", outcome="予以公开").outcome == "granted"
    assert event("答复", "2025/3/3", kind="36(4)").outcome == "unavailable.not_held"
