"""The workflow: allowed transitions, derived state, outcomes, overdue."""

from datetime import date as D
from decimal import Decimal

import pytest

from gongkai.errors import InputError
from gongkai.register import (
    Channel,
    Event,
    Request,
    State,
    WorkflowError,
    derive_request,
    event,
    receipt_date,
)
from gongkai.register.workflow import allowed


def req(received=D(2025, 3, 3), case="2025-001", kind="commercial"):
    return Request(case, kind, Channel.ONLINE, received, content="某项目环评报告")


def test_answered_request(cal):
    r = req()
    st = derive_request(
        r, [event("received", r.received_on), event("answered", D(2025, 3, 20), outcome="granted")], cal
    )
    assert st.state is State.ANSWERED and st.outcome == "granted" and st.closed_on == D(2025, 3, 20)
    assert st.due == D(2025, 3, 31) and not st.late


def test_late_answer_and_overdue(cal):
    r = req()
    open_ = derive_request(r, [], cal)
    assert open_.due == D(2025, 3, 31)
    assert not open_.overdue(D(2025, 3, 31)) and open_.overdue(D(2025, 4, 1))
    late = derive_request(r, [event("answered", D(2025, 4, 2), outcome="unavailable.not_held")], cal)
    assert late.late and not late.overdue(D(2025, 5, 1))


def test_closing_rows(cal):
    r = req()
    ab = derive_request(
        r, [event("correction_requested", D(2025, 3, 5), days=10), event("abandoned", D(2025, 4, 10))], cal
    )
    assert (ab.state, ab.outcome) == (State.ABANDONED, "other.no_correction")
    unpaid = derive_request(
        r, [event("fee_notified", D(2025, 3, 5), amount=200), event("fee_unpaid", D(2025, 4, 3))], cal
    )
    assert (unpaid.state, unpaid.outcome) == (State.FEE_UNPAID, "other.fee_unpaid")
    assert unpaid.fee_notified == Decimal(200) and unpaid.fee_paid is None
    wd = derive_request(r, [event("withdrawn", D(2025, 3, 4))], cal)
    assert (wd.state, wd.outcome) == (State.WITHDRAWN, "other.other")


def test_waiting_states_are_never_overdue(cal):
    st = derive_request(req(), [event("correction_requested", D(2025, 3, 5))], cal)
    assert st.state is State.AWAITING_CORRECTION and st.due is None and not st.overdue(D(2026, 1, 1))


def test_fee_unpaid_before_the_period_ends_is_refused(cal):
    with pytest.raises(WorkflowError, match="届满前不能登记逾期未缴费"):
        derive_request(
            req(),
            [event("fee_notified", D(2025, 3, 5), amount=200), event("fee_unpaid", D(2025, 3, 20))],
            cal,
        )


def test_refusals_name_the_case_and_the_event(cal):
    r = req(case="粤公开〔2025〕17号")
    with pytest.raises(WorkflowError) as e:
        derive_request(
            r,
            [event("answered", D(2025, 3, 20), outcome="granted"), event("withdrawn", D(2025, 3, 21))],
            cal,
        )
    msg = str(e.value)
    assert msg.startswith("申请粤公开〔2025〕17号：第2个事件“申请人撤回”") and "已答复" in msg
    with pytest.raises(WorkflowError, match="须注明办理结果"):
        derive_request(r, [event("answered", D(2025, 3, 20))], cal)
    with pytest.raises(WorkflowError, match="一次性"):
        derive_request(
            r,
            [
                event("correction_requested", D(2025, 3, 4)),
                event("correction_received", D(2025, 3, 5)),
                event("correction_requested", D(2025, 3, 6)),
            ],
            cal,
        )
    with pytest.raises(WorkflowError, match="收到日期"):
        derive_request(r, [event("received", D(2025, 3, 4))], cal)


def test_bad_values_are_refused():
    with pytest.raises(InputError, match=r"办理结果“approved”无效，应为：（一）予以公开（granted）"):
        event("answered", D(2025, 3, 20), outcome="approved")
    with pytest.raises(InputError, match="事件类型"):
        event("lost", D(2025, 3, 20))
    with pytest.raises(WorkflowError, match="申请人类型"):
        Request("X-1", "alien", Channel.FAX, D(2025, 1, 2))
    with pytest.raises(WorkflowError, match="渠道"):
        Request("X-1", "research", "pigeon", D(2025, 1, 2))
    with pytest.raises(WorkflowError, match="2025-03-03"):
        Event.from_dict({"type": "extended", "date": "2025-02-30", "days": 3})


def test_event_round_trip():
    e = event("fee_notified", D(2025, 3, 5), amount="300", method="count", note="第12件")
    assert Event.from_dict(e.to_dict()) == e
    assert e.to_dict() == {
        "type": "fee_notified",
        "date": "2025-03-05",
        "amount": "300",
        "method": "count",
        "note": "第12件",
    }


def test_allowed_events():
    assert "correction_received" in allowed(State.AWAITING_CORRECTION)
    assert allowed(State.ANSWERED) == ()


def test_receipt_date_by_channel():
    assert receipt_date("in_person", submitted=D(2025, 1, 2)) == D(2025, 1, 2)
    assert receipt_date("post", signed_for=D(2025, 1, 6), submitted=D(2025, 1, 2)) == D(2025, 1, 6)
    assert receipt_date("online", confirmed=D(2025, 1, 3)) == D(2025, 1, 3)
    with pytest.raises(WorkflowError, match="签收之日"):
        receipt_date("post", submitted=D(2025, 1, 2))
