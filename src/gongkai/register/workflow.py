"""The statutory workflow: which event may follow which, and the state derived from the log.

`derive` is pure: the same request and events always give the same state, due date and outcome, so
the store can recompute them at any time. An event the law does not allow raises WorkflowError with
a Chinese message naming the case, the event and the cause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadline import Clock, StatutoryPolicy
from gongkai.register.errors import DeadlineUndetermined, RegisterError, WorkflowError
from gongkai.register.events import Event, Request
from gongkai.register.types import EVENT_LABELS, STATE_LABELS, EventType, State

E = EventType

#: Events allowed in each open state, and the state they lead to (None: closes the request).
TRANSITIONS: dict[State, dict[EventType, State]] = {
    State.IN_PROGRESS: {
        E.CORRECTION_REQUESTED: State.AWAITING_CORRECTION,
        E.CONSULTATION_SENT: State.CONSULTING,
        E.EXTENDED: State.IN_PROGRESS,
        E.FEE_NOTIFIED: State.AWAITING_FEE,
        E.ANSWERED: State.ANSWERED,
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.AWAITING_CORRECTION: {
        E.CORRECTION_RECEIVED: State.IN_PROGRESS,
        E.ABANDONED: State.ABANDONED,
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.CONSULTING: {
        E.CONSULTATION_REPLIED: State.IN_PROGRESS,
        E.EXTENDED: State.CONSULTING,
        E.ANSWERED: State.ANSWERED,  # e.g. after the third party let the reply period pass
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.AWAITING_FEE: {
        E.FEE_PAID: State.IN_PROGRESS,
        E.FEE_UNPAID: State.FEE_UNPAID,
        E.EXTENDED: State.AWAITING_FEE,
        E.WITHDRAWN: State.WITHDRAWN,
    },
}

#: Section 三 row of a request closed without an answer.
CLOSING_ROWS = {
    State.ABANDONED: "other.no_correction",
    State.FEE_UNPAID: "other.fee_unpaid",
    State.WITHDRAWN: "other.other",
}


def allowed(state: State) -> tuple[EventType, ...]:
    return tuple(TRANSITIONS.get(state, {}))


@dataclass
class RequestState:
    """Everything derived from a request's log."""

    state: State
    received_on: date
    due: date | None  # answer due; None while waiting for the applicant (补正, 缴费)
    correction_notice_due: date | None  # last day to send a 补正 notice
    pause_limit: date | None = None  # consultation reply / fee payment due while paused
    extended_days: int = 0
    outcome: str | None = None  # section 三 row once closed
    closed_on: date | None = None
    late: bool = False  # answered after the due date
    fee_notified: Decimal | None = None
    fee_paid: Decimal | None = None
    fee_paid_on: date | None = None
    corrected: bool = False
    explanation: list[str] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.state.closed

    def overdue(self, as_of: date) -> bool:
        """Open past its due date (a request waiting for the applicant is never overdue)."""
        return not self.closed and self.due is not None and as_of > self.due

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def derive(
    received_on: date,
    events: Iterable[Event],
    calendar: WorkCalendar,
    policy: Callable[[WorkCalendar], StatutoryPolicy] = StatutoryPolicy,
    case_no: str | None = None,
) -> RequestState:
    """Replay the log. A leading `received` event is optional and must carry the date of receipt."""
    who = f"申请{case_no}：" if case_no else ""
    try:
        return _derive(received_on, list(events), calendar, policy(calendar))
    except RegisterError as e:
        raise e.with_prefix(who) from e


def derive_request(request: Request, events: Iterable[Event], calendar: WorkCalendar, **kw) -> RequestState:
    return derive(request.received_on, events, calendar, case_no=request.case_no, **kw)


def _derive(received: date, events: list[Event], cal: WorkCalendar, policy: StatutoryPolicy) -> RequestState:
    clock = Clock()
    policy.received(clock, received)
    st = RequestState(State.IN_PROGRESS, received, None, policy.correction_notice_due(received))
    last = received
    if events and events[0].type is E.RECEIVED:
        if events[0].date != received:
            raise WorkflowError(f"收到申请事件的日期{events[0].date}与收到日期{received}不一致")
        events = events[1:]
    for i, ev in enumerate(events, 1):
        label = EVENT_LABELS[ev.type]
        where = f"第{i}个事件“{label}”（{ev.date.isoformat()}）"
        if ev.date < last:
            raise WorkflowError(f"{where}早于前一事件或收到日期{last.isoformat()}，事件须按日期顺序登记")
        if st.closed:
            raise WorkflowError(f"{where}：申请已于{st.closed_on}{STATE_LABELS[st.state]}，不能再登记事件")
        nxt = TRANSITIONS[st.state].get(ev.type)
        if nxt is None:
            can = "、".join(EVENT_LABELS[t] for t in allowed(st.state))
            raise WorkflowError(f"{where}：当前状态为“{STATE_LABELS[st.state]}”，只能登记{can}")
        try:
            _apply(st, clock, ev, policy)
        except WorkflowError as e:
            raise WorkflowError(f"{where}：{e}") from e
        st.state = nxt
        last = ev.date
        if nxt.closed:
            st.closed_on = ev.date
            st.outcome = ev.outcome if nxt is State.ANSWERED else CLOSING_ROWS[nxt]
    if clock.pause == "consultation" and not st.closed:
        policy.consultation_unanswered(clock)
    st.due = clock.due(cal) if not st.closed else st.due
    st.pause_limit = clock.pause_limit
    st.extended_days = clock.extended
    st.explanation = clock.explanation
    if st.closed and st.due and st.closed_on > st.due and st.state is State.ANSWERED:
        st.late = True
    return st


def _apply(st: RequestState, clock: Clock, ev: Event, policy: StatutoryPolicy) -> None:
    t = ev.type
    if t is E.CORRECTION_REQUESTED:
        if st.corrected:
            raise WorkflowError("补正应一次性要求，已要求过补正")
        st.corrected = True
        policy.correction_requested(clock, ev.date, st.received_on)
    elif t is E.CORRECTION_RECEIVED:
        policy.correction_received(clock, ev.date)
    elif t is E.CONSULTATION_SENT:
        policy.consultation_sent(clock, ev.date, ev.party)
    elif t is E.CONSULTATION_REPLIED:
        policy.consultation_replied(clock, ev.date)
    elif t is E.EXTENDED:
        policy.extended(clock, ev.date, ev.days, ev.approved_by)
    elif t is E.FEE_NOTIFIED:
        policy.fee_notified(clock, ev.date, ev.amount)
        st.fee_notified = ev.amount
    elif t is E.FEE_PAID:
        policy.fee_paid(clock, ev.date)
        st.fee_paid = ev.amount if ev.amount is not None else st.fee_notified
        st.fee_paid_on = ev.date
    elif t is E.FEE_UNPAID:
        policy.fee_unpaid(clock, ev.date)
        clock.explanation.append(f"{ev.date.isoformat()}申请人逾期未缴费，不再处理（其他处理·逾期未缴费）。")
    elif t is E.ABANDONED:
        clock.explanation.append(f"{ev.date.isoformat()}申请人逾期未补正，不再处理（其他处理·逾期不补正）。")
    elif t is E.ANSWERED:
        if not ev.outcome:
            raise WorkflowError("作出答复须注明办理结果（第三部分的结果行，如 granted）")
        st.due = _settle(clock, ev.date, policy)
        clock.explanation.append(f"{ev.date.isoformat()}作出答复，办理结果：{ev.outcome}。")
    elif t is E.WITHDRAWN:
        st.due = _settle(clock, ev.date, policy)
        clock.explanation.append(f"{ev.date.isoformat()}申请人撤回申请。")


def _settle(clock: Clock, d: date, policy: StatutoryPolicy) -> date | None:
    """The due date a request closed on `d` had; a consultation still open ends on `d`, or when its reply
    period ran out if that came first."""
    if clock.pause == "consultation":
        clock.anchor = min(d, clock.pause_limit)
        clock.pause = clock.paused_on = clock.pause_limit = None
    return clock.due(policy.cal)


def due_date(received_on: date, events: Iterable[Event], calendar: WorkCalendar) -> tuple[date, list[str]]:
    """The answer due date and how it was reached; DeadlineUndetermined while waiting for the applicant."""
    st = derive(received_on, events, calendar)
    if st.closed:
        raise DeadlineUndetermined(f"申请已于{st.closed_on}{st.label}，没有待办的答复期限")
    if st.due is None:
        why = "补正" if st.state is State.AWAITING_CORRECTION else "缴费"
        limit = f"（{why}期限至{st.pause_limit.isoformat()}）" if st.pause_limit else ""
        raise DeadlineUndetermined(
            f"正在等待申请人{why}{limit}，答复期限须待{why}后才能确定：" + " ".join(st.explanation)
        )
    return st.due, st.explanation
