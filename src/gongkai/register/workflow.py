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

from gongkai.model.finding import Finding, warning
from gongkai.register.answers import AnswerKind
from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadline import Clock, StatutoryPolicy
from gongkai.register.errors import DeadlineUndetermined, RegisterError, WorkflowError
from gongkai.register.events import (
    Answered,
    ConsultationReplied,
    ConsultationSent,
    CorrectionRequested,
    Deferred,
    Event,
    ExplanationRequested,
    Extended,
    FeeNotified,
    FeePaid,
)
from gongkai.register.request import Request
from gongkai.register.types import EVENT_LABELS, OUTCOME_LABELS, STATE_LABELS, EventType, State

E = EventType

#: Events allowed in each open state, and the state they lead to (None: decided by the clock).
TRANSITIONS: dict[State, dict[EventType, State | None]] = {
    State.IN_PROGRESS: {
        E.CORRECTION_REQUESTED: State.AWAITING_CORRECTION,
        E.CONSULTATION_SENT: State.CONSULTING,
        E.CONSULTATION_REPLIED: State.IN_PROGRESS,  # a late reply, once the consultation has ended
        E.EXTENDED: State.IN_PROGRESS,
        E.FEE_NOTIFIED: State.AWAITING_FEE,
        E.EXPLANATION_REQUESTED: State.AWAITING_EXPLANATION,
        E.DEFERRED: State.IN_PROGRESS,
        E.ANSWERED: State.ANSWERED,
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.AWAITING_CORRECTION: {
        E.CORRECTION_RECEIVED: State.IN_PROGRESS,
        E.ABANDONED: State.ABANDONED,
        E.ANSWERED: State.ANSWERED,  # only as 三（六）1, after the period
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.CONSULTING: {
        E.CONSULTATION_SENT: State.CONSULTING,
        E.CONSULTATION_REPLIED: None,  # consulting until the last letter is settled
        E.EXTENDED: State.CONSULTING,
        E.ANSWERED: State.ANSWERED,  # e.g. after the third party let the reply period pass
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.AWAITING_FEE: {
        E.FEE_PAID: State.IN_PROGRESS,
        E.FEE_UNPAID: State.FEE_UNPAID,
        E.EXTENDED: State.AWAITING_FEE,
        E.CONSULTATION_REPLIED: State.AWAITING_FEE,  # a late reply
        E.ANSWERED: State.ANSWERED,  # only as 三（六）2, after the payment period
        E.WITHDRAWN: State.WITHDRAWN,
    },
    State.AWAITING_EXPLANATION: {
        E.EXPLANATION_RECEIVED: State.IN_PROGRESS,
        E.ANSWERED: State.ANSWERED,  # 不予处理 (第三十五条)
        E.WITHDRAWN: State.WITHDRAWN,
    },
}

#: Section 三 row of a request closed without an answer.
CLOSING_ROWS = {
    State.ABANDONED: "other.no_correction",
    State.FEE_UNPAID: "other.fee_unpaid",
    State.WITHDRAWN: "other.other",
}

#: Outcome rows an answer may take only when the log supports it: (state it must be in, what must precede).
_ONLY_IN = {
    "other.no_correction": State.AWAITING_CORRECTION,
    "other.fee_unpaid": State.AWAITING_FEE,
}


def allowed(state: State) -> tuple[EventType, ...]:
    return tuple(TRANSITIONS.get(state, {}))


@dataclass
class RequestState:
    """Everything derived from a request's log."""

    state: State
    received_on: date
    due: date | None  # answer due; None while waiting for the applicant (补正, 缴费, 说明理由)
    correction_notice_due: date | None  # last day to send a 补正 notice
    wait_until: date | None = None  # the applicant's deadline while waiting (补正、缴费、说明理由)
    consultation_until: date | None = None  # when the open consultation ends at the latest
    extended_days: int = 0
    deferred_to: date | None = None
    outcome: str | None = None  # section 三 row once closed
    answer_kind: AnswerKind | None = None
    closed_on: date | None = None
    late: bool = False  # answered after the due date
    fee_notified: Decimal | None = None
    fee_paid: Decimal | None = None
    fee_paid_on: date | None = None
    correction_requested: bool = False
    corrected: bool = False  # the correction was received
    provisional_years: list[int] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.state.closed

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    def overdue(self, as_of: date) -> bool:
        """Open past its due date (a request waiting for the applicant is never overdue)."""
        return not self.closed and self.due is not None and as_of > self.due

    def waiting_past(self, as_of: date) -> bool:
        """Waiting for the applicant past the period given: to be closed, not carried forward."""
        return self.state.waiting_for_applicant and self.wait_until is not None and as_of > self.wait_until

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
        where = f"第{i}个事件“{EVENT_LABELS[ev.type]}”（{ev.date.isoformat()}）"
        if ev.date < last:
            raise WorkflowError(f"{where}早于前一事件或收到日期{last.isoformat()}，事件须按日期顺序登记")
        if st.closed:
            raise WorkflowError(f"{where}：申请已于{st.closed_on}{STATE_LABELS[st.state]}，不能再登记事件")
        policy.settle_consultation(clock, ev.date)
        if st.state is State.CONSULTING and clock.pause != "consultation":
            st.state = State.IN_PROGRESS  # every letter answered or lapsed by now
        if ev.type not in TRANSITIONS[st.state]:
            can = "、".join(EVENT_LABELS[t] for t in allowed(st.state))
            raise WorkflowError(f"{where}：当前状态为“{STATE_LABELS[st.state]}”，只能登记{can}")
        try:
            nxt = _apply(st, clock, ev, policy)
        except WorkflowError as e:
            raise e.with_prefix(f"{where}：") from e
        st.state = nxt
        last = ev.date
        if nxt.closed:
            st.closed_on = ev.date
            if st.outcome is None:
                st.outcome = CLOSING_ROWS[nxt]
    if not st.closed:
        st.consultation_until = clock.consultation_end()
        policy.end_of_log(clock)
        st.due = clock.due(cal)
    st.wait_until = clock.wait_until if st.state.waiting_for_applicant else None
    st.extended_days = clock.extended
    st.deferred_to = clock.deferred_to
    st.explanation = clock.explanation
    st.findings = clock.findings
    if st.state is State.ANSWERED and st.due and st.closed_on > st.due:
        st.late = True
        st.findings.append(
            warning("register.late_answer", f"{st.closed_on}作出答复，已超过答复期限{st.due}（逾期答复）")
        )
    ends = [d for d in (st.due, st.wait_until, st.consultation_until, st.closed_on) if d]
    st.provisional_years = cal.provisional_years(received, max(ends)) if ends else []
    if st.provisional_years and not st.closed:
        years = "、".join(f"{y}年" for y in st.provisional_years)
        st.findings.append(
            warning(
                "register.provisional_calendar",
                f"{years}节假日安排尚未载入，期限按法定节假日暂定计算（暂定）；载入正式安排后将重新计算",
            )
        )
    return st


def _apply(st: RequestState, clock: Clock, ev: Event, policy: StatutoryPolicy) -> State:
    """Apply one event to the clock and the state; returns the next state."""
    t = ev.type
    nxt = TRANSITIONS[st.state][t]
    if t is E.CORRECTION_REQUESTED:
        assert isinstance(ev, CorrectionRequested)
        if st.correction_requested:
            raise WorkflowError("补正应一次性告知，已发出过补正通知")
        st.correction_requested = True
        policy.correction_requested(clock, ev.date, st.received_on, ev.days, ev.served)
    elif t is E.CORRECTION_RECEIVED:
        st.corrected = True
        policy.correction_received(clock, ev.date)
    elif t is E.ABANDONED:
        policy.abandoned(clock, ev.date)
    elif t is E.CONSULTATION_SENT:
        assert isinstance(ev, ConsultationSent)
        policy.consultation_sent(clock, ev.date, ev.party, ev.party_name, ev.served)
    elif t is E.CONSULTATION_REPLIED:
        assert isinstance(ev, ConsultationReplied)
        policy.consultation_replied(clock, ev.date, ev.party, ev.party_name)
        if st.state is State.CONSULTING:
            nxt = State.CONSULTING if clock.pause == "consultation" else State.IN_PROGRESS
    elif t is E.EXTENDED:
        assert isinstance(ev, Extended)
        policy.extended(clock, ev.date, ev.days, ev.approved_by, ev.notified)
    elif t is E.FEE_NOTIFIED:
        assert isinstance(ev, FeeNotified)
        if st.fee_notified is not None:
            raise WorkflowError("一件申请只能发出一次收费通知（只能采用一种计收方式）")
        policy.fee_notified(clock, ev.date, st.received_on, ev.amount, ev.served)
        st.fee_notified = ev.amount if ev.amount is not None else Decimal(0)
    elif t is E.FEE_PAID:
        assert isinstance(ev, FeePaid)
        if ev.amount is not None and st.fee_notified is not None and ev.amount < st.fee_notified:
            raise WorkflowError(f"缴费{ev.amount}元少于通知的{st.fee_notified}元，部分缴费不视为已缴费")
        policy.fee_paid(clock, ev.date)
        st.fee_paid = ev.amount if ev.amount is not None else st.fee_notified
        st.fee_paid_on = ev.date
    elif t is E.FEE_UNPAID:
        policy.fee_unpaid(clock, ev.date)
    elif t is E.EXPLANATION_REQUESTED:
        assert isinstance(ev, ExplanationRequested)
        policy.explanation_requested(clock, ev.date, ev.days, ev.served)
    elif t is E.EXPLANATION_RECEIVED:
        policy.explanation_received(clock, ev.date)
    elif t is E.DEFERRED:
        assert isinstance(ev, Deferred)
        policy.deferred(clock, ev.date, ev.until, ev.approved_by)
    elif t is E.ANSWERED:
        assert isinstance(ev, Answered)
        nxt = _answer(st, clock, ev, policy)
    elif t is E.WITHDRAWN:
        st.due = policy.settle_on_close(clock, ev.date)
        clock.explanation.append(f"{ev.date.isoformat()}申请人撤回申请。")
    return nxt


def _answer(st: RequestState, clock: Clock, ev: Answered, policy: StatutoryPolicy) -> State:
    """An answer, checked against the log: 三（六）1 and 2 only after the applicant's period ran out,
    补正后仍不明确 only after a correction, 大量频繁 only after asking for an explanation."""
    row = ev.outcome
    if not row:
        raise WorkflowError("作出答复须注明办理结果（第三部分的结果行或答复类型）")
    needed = _ONLY_IN.get(row)
    if needed is not None and st.state is not needed:
        what = "补正通知" if needed is State.AWAITING_CORRECTION else "收费通知"
        raise WorkflowError(f"办理结果“{OUTCOME_LABELS[row]}”须在{what}的期限届满且未补正或缴费时登记")
    if needed is None and st.state in (State.AWAITING_CORRECTION, State.AWAITING_FEE):
        raise WorkflowError(f"当前状态为“{st.label}”，只能以“逾期未补正”或“逾期未缴费”结束，或等待申请人")
    if row == "unavailable.still_unclear" and not st.corrected:
        raise WorkflowError("“补正后申请内容仍不明确”只能在收到补正之后登记")
    if row == "not_handled.excessive" and not (st.state is State.AWAITING_EXPLANATION or clock.explained):
        raise WorkflowError("“无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条）")
    if st.state is State.AWAITING_EXPLANATION and row != "not_handled.excessive":
        raise WorkflowError("等待申请人说明理由期间只能告知不予处理（无正当理由大量反复申请）或等待说明")
    st.answer_kind = ev.kind
    if row == "other.no_correction":
        policy.abandoned(clock, ev.date)
        st.outcome = row
        return State.ABANDONED
    if row == "other.fee_unpaid":
        policy.fee_unpaid(clock, ev.date)
        st.outcome = row
        return State.FEE_UNPAID
    if st.state is State.AWAITING_EXPLANATION:
        st.due = None
    else:
        st.due = policy.settle_on_close(clock, ev.date)
    st.outcome = row
    kind = f"（{ev.kind.value}）" if ev.kind else ""
    clock.explanation.append(f"{ev.date.isoformat()}作出答复，办理结果：{OUTCOME_LABELS[row]}{kind}。")
    return State.ANSWERED


def due_date(received_on: date, events: Iterable[Event], calendar: WorkCalendar) -> tuple[date, list[str]]:
    """The answer due date and how it was reached; DeadlineUndetermined while waiting for the applicant."""
    return answer_due(derive(received_on, events, calendar))


def answer_due(st: RequestState) -> tuple[date, list[str]]:
    """The due date of a derived state and its explanation; DeadlineUndetermined when there is none."""
    if st.closed:
        raise DeadlineUndetermined(f"申请已于{st.closed_on}{st.label}，没有待办的答复期限")
    if st.due is None:
        why = {State.AWAITING_CORRECTION: "补正", State.AWAITING_FEE: "缴费"}.get(st.state, "说明理由")
        limit = f"（{why}期限至{st.wait_until.isoformat()}）" if st.wait_until else ""
        raise DeadlineUndetermined(
            f"正在等待申请人{why}{limit}，答复期限须待{why}后才能确定：" + " ".join(st.explanation)
        )
    return st.due, st.explanation
