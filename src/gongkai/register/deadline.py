"""The deadline policy: how the answer period of a request runs, pauses and ends (条例 2019).

A pluggable object in the manner of Alaveteli: the workflow (`workflow.derive`) walks the event log
and asks the policy what each event does to the clock; another jurisdiction or a future amendment
swaps the policy without touching the workflow. Every step appends one Chinese sentence to the
explanation, so an officer can check how a due date was reached.

The rules as implemented (docs/register.md):
- answer within 20 working days of receipt (第三十三条); day 0 is the date of receipt;
- a 补正 notice within 7 working days of receipt (第三十条); the period restarts on the day the
  correction arrives;
- consulting a third party or another body (第三十二条, 第三十三条第三款) and waiting for a fee
  (国办函〔2020〕109号) stop the clock: working days after the start up to and including the day the
  pause began are spent, the rest run again from the day it ends (the reply, or 15 working days after
  sending while no reply is registered; the payment);
- one extension of at most 20 working days, approved before the due date, moves it that many working
  days later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gongkai.register.calendar import WorkCalendar
from gongkai.register.errors import WorkflowError

PARTY_LABELS = {"third_party": "第三方", "body": "其他机关", None: "第三方或其他机关"}


@dataclass
class Clock:
    """The running answer period: due = `anchor` + `remaining` working days while running."""

    anchor: date | None = None  # day 0 of the current run; None while stopped
    remaining: int = 0
    paused_on: date | None = None
    pause: str | None = None  # "correction", "consultation", "fee"
    pause_limit: date | None = None  # consultation: reply at the latest; fee: payment at the latest
    extended: int = 0
    explanation: list[str] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return self.anchor is not None and self.pause is None

    def due(self, cal: WorkCalendar) -> date | None:
        return cal.add_workdays(self.anchor, self.remaining) if self.running else None


class StatutoryPolicy:
    """The national rules of the 条例 (2019) and 国办函〔2020〕109号."""

    name = "政府信息公开条例（2019年修订）"
    answer_days = 20
    correction_notice_days = 7
    consultation_days = 15
    max_extension_days = 20
    fee_payment_days = 20

    def __init__(self, calendar: WorkCalendar):
        self.cal = calendar

    # --------------------------------------------------------------------------- helpers
    def _d(self, d: date) -> str:
        return self.cal.describe(d)

    def _due_sentence(self, clock: Clock) -> str:
        due = clock.due(self.cal)
        return f"自{clock.anchor.isoformat()}起算第{clock.remaining}个工作日，答复期限为{self._d(due)}。"

    def correction_notice_due(self, received: date) -> date:
        return self.cal.add_workdays(received, self.correction_notice_days)

    # --------------------------------------------------------------------------- events
    def received(self, clock: Clock, d: date) -> None:
        clock.anchor, clock.remaining = d, self.answer_days
        clock.explanation.append(
            f"{self._d(d)}收到申请，当日为第0日；依条例第三十三条，应自收到之日起{self.answer_days}个工作日内答复；"
            + self._due_sentence(clock)
        )

    def correction_requested(self, clock: Clock, d: date, received: date) -> None:
        last = self.correction_notice_due(received)
        if d > last:
            raise WorkflowError(
                f"补正通知应在收到申请之日起{self.correction_notice_days}个工作日内发出（最迟{last.isoformat()}），"
                f"{d.isoformat()}已逾期"
            )
        clock.anchor, clock.pause, clock.paused_on = None, "correction", d
        clock.explanation.append(
            f"{self._d(d)}发出补正通知（在收到申请后{self.correction_notice_days}个工作日内，最迟{last.isoformat()}）；"
            "答复期限自收到补正之日起重新计算。"
        )

    def correction_received(self, clock: Clock, d: date) -> None:
        clock.anchor, clock.pause, clock.paused_on = d, None, None
        clock.remaining = self.answer_days + clock.extended
        clock.explanation.append(
            f"{self._d(d)}收到补正，当日为第0日，重新计算{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def _stop(self, clock: Clock, d: date, kind: str, what: str) -> int:
        due = clock.due(self.cal)
        if d > due:
            raise WorkflowError(f"答复期限已于{due.isoformat()}届满，{d.isoformat()}不能再{what}暂停计时")
        spent = self.cal.workdays_between(clock.anchor, d)
        clock.remaining -= spent
        clock.pause, clock.paused_on = kind, d
        return spent

    def consultation_sent(self, clock: Clock, d: date, party: str | None) -> None:
        anchor = clock.anchor
        spent = self._stop(clock, d, "consultation", "征求意见")
        clock.pause_limit = self.cal.add_workdays(d, self.consultation_days)
        clock.explanation.append(
            f"{self._d(d)}向{PARTY_LABELS.get(party, party)}征求意见，征求意见时间不计算在答复期限内；"
            f"自{anchor.isoformat()}至当日已用{spent}个工作日，尚余{clock.remaining}个工作日；"
            f"对方应在{self.consultation_days}个工作日内（至{clock.pause_limit.isoformat()}）答复。"
        )

    def consultation_replied(self, clock: Clock, d: date) -> None:
        limit = clock.pause_limit
        clock.anchor = d
        late = f"（已过{limit.isoformat()}的答复期）" if d > limit else ""
        # late or not, the whole consultation is outside the period (第三十三条第三款)
        said = f"{self._d(d)}收到征求意见答复{late}，自当日起恢复计算剩余{clock.remaining}个工作日；"
        clock.pause = clock.paused_on = clock.pause_limit = None
        clock.explanation.append(said + self._due_sentence(clock))

    def consultation_unanswered(self, clock: Clock) -> None:
        """End of log with a consultation open: the clock runs again when the reply period ends."""
        limit = clock.pause_limit
        clock.anchor = limit
        clock.pause = clock.paused_on = clock.pause_limit = None
        clock.explanation.append(
            f"未登记征求意见答复，视为至{self._d(limit)}（发出后第{self.consultation_days}个工作日）逾期未答复，"
            f"自当日起恢复计算剩余{clock.remaining}个工作日；" + self._due_sentence(clock)
        )

    def extended(self, clock: Clock, d: date, days: int | None, approved_by: str | None) -> None:
        if clock.extended:
            raise WorkflowError(f"答复期限只能延长一次，已延长{clock.extended}个工作日")
        if days is None or not 1 <= days <= self.max_extension_days:
            raise WorkflowError(f"延长期限应为1至{self.max_extension_days}个工作日，收到“{days}”")
        if clock.running:
            due = clock.due(self.cal)
            if d > due:
                raise WorkflowError(
                    f"延长须在答复期限届满前决定，期限已于{due.isoformat()}届满，{d.isoformat()}不能延长"
                )
        clock.extended = days
        clock.remaining += days
        who = f"经{approved_by}同意" if approved_by else "经政府信息公开工作机构负责人同意"
        said = f"{self._d(d)}{who}延长答复期限{days}个工作日（条例第三十三条第二款）；"
        if clock.running:
            said += f"答复期限顺延{days}个工作日，" + self._due_sentence(clock)
        else:
            said += f"恢复计时后尚余{clock.remaining}个工作日。"
        clock.explanation.append(said)

    def fee_notified(self, clock: Clock, d: date, amount) -> None:
        anchor = clock.anchor
        spent = self._stop(clock, d, "fee", "发出收费通知")
        clock.pause_limit = self.cal.add_workdays(d, self.fee_payment_days)
        fee = f"{amount}元" if amount is not None else "信息处理费"
        clock.explanation.append(
            f"{self._d(d)}发出收费通知（{fee}），等待缴费期间不计算在答复期限内；"
            f"自{anchor.isoformat()}至当日已用{spent}个工作日，尚余{clock.remaining}个工作日；"
            f"申请人应在{self.fee_payment_days}个工作日内（至{clock.pause_limit.isoformat()}）缴费。"
        )

    def fee_paid(self, clock: Clock, d: date) -> None:
        if d > clock.pause_limit:
            raise WorkflowError(
                f"缴费期限已于{clock.pause_limit.isoformat()}届满，{d.isoformat()}缴费已逾期，应登记为逾期未缴费"
            )
        clock.anchor = d
        clock.pause = clock.paused_on = clock.pause_limit = None
        clock.explanation.append(
            f"{self._d(d)}申请人缴费，自当日起恢复计算剩余{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def fee_unpaid(self, clock: Clock, d: date) -> None:
        if d <= clock.pause_limit:
            raise WorkflowError(f"缴费期限至{clock.pause_limit.isoformat()}，届满前不能登记逾期未缴费")
