"""The deadline policy: how the answer period of a request runs, pauses and ends (条例 2019).

A pluggable object in the manner of Alaveteli: the workflow (`workflow.derive`) walks the event log and
asks the policy what each event does to the clock; another jurisdiction or a future amendment swaps the
policy without touching the workflow. Every step appends one Chinese sentence to the explanation, so an
officer can check how a due date was reached.

The rules as implemented (docs/register.md gives the readings where the law leaves room):
- answer within 20 working days of receipt (第三十三条); the date of receipt is day 0;
- a 补正 notice within 7 working days of receipt (第三十条) stops the clock, and the period runs again, in
  full, from the day the correction arrives. A later notice is recorded with a finding and gains the body
  no time: the clock keeps running from the receipt;
- consultations (第三十二条 third parties, 第三十四条 other bodies) stop the clock from the first letter to
  the end of the last one. Each letter ends at its reply or 15 working days after the party received it
  (the sending day when no receipt is recorded), whichever is earlier: a late reply does not lengthen the
  pause, so the due date is the same whether or not it is logged;
- a fee notice (国办函〔2020〕109号) and a request to explain a large or frequent application (第三十五条)
  stop the clock until payment or explanation; the applicant has 20 working days from receiving the fee
  notice; a body may set a later, reasonable deadline after an explanation (第三十五条);
- one extension of at most 20 working days, decided before the due date with the approver recorded
  (第三十三条第二款), moves the due date that many working days later.
Working days from the start up to and including the day a pause begins are spent; the rest run again from
the day it ends (day 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gongkai.model.finding import Finding, warning
from gongkai.register.calendar import WorkCalendar
from gongkai.register.errors import WorkflowError
from gongkai.register.types import PARTY_LABELS, Party

FEES_FROM = date(2021, 1, 1)  # 《政府信息公开信息处理费管理办法》施行之日


@dataclass
class Letter:
    """One 征求意见函 and its reply."""

    party: Party | None
    name: str | None
    sent: date
    limit: date  # 15 working days after the party received it
    replied: date | None = None

    @property
    def end(self) -> date:
        return min(self.replied, self.limit) if self.replied else self.limit

    def settled_by(self, d: date) -> bool:
        return self.replied is not None or self.limit <= d

    @property
    def who(self) -> str:
        kind = PARTY_LABELS.get(self.party, "第三方或其他机关")
        return f"{kind}{self.name}" if self.name else kind


@dataclass
class Clock:
    """The running answer period: due = `anchor` + `remaining` working days while running."""

    anchor: date | None = None  # day 0 of the current run; None while stopped
    remaining: int = 0
    pause: str | None = None  # "correction", "consultation", "fee", "explanation"
    paused_on: date | None = None
    wait_until: date | None = None  # the applicant's deadline while waiting (补正, 缴费, 说明理由)
    letters: list[Letter] = field(default_factory=list)  # every consultation letter
    batch: list[Letter] = field(default_factory=list)  # the letters of the current consultation pause
    extended: int = 0
    deferred_to: date | None = None
    late_correction_notice: bool = False
    explained: bool = False  # 第三十五条: the applicant's explanation was received
    explanation: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return self.anchor is not None and self.pause is None

    def due(self, cal: WorkCalendar) -> date | None:
        if self.deferred_to is not None:
            return self.deferred_to
        return cal.add_workdays(self.anchor, self.remaining) if self.running else None

    def consultation_end(self) -> date | None:
        """When the current consultation pause ends if no more letters go out (replies as logged, else the
        reply periods)."""
        return max(letter.end for letter in self.batch) if self.batch else None


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

    def _served(self, d: date, served: date | None, what: str) -> date:
        if served is None:
            return d
        if served < d:
            raise WorkflowError(f"{what}的送达日期{served}早于发出日期{d}")
        return served

    def _resume(self, clock: Clock, d: date) -> None:
        clock.anchor = d
        clock.pause = clock.paused_on = clock.wait_until = None

    # --------------------------------------------------------------------------- receipt and 补正
    def received(self, clock: Clock, d: date) -> None:
        clock.anchor, clock.remaining = d, self.answer_days
        clock.explanation.append(
            f"{self._d(d)}收到申请，当日为第0日；依条例第三十三条，应自收到之日起{self.answer_days}个工作日内答复；"
            + self._due_sentence(clock)
        )

    def correction_requested(
        self, clock: Clock, d: date, received: date, days: int | None, served: date | None
    ) -> None:
        last = self.correction_notice_due(received)
        start = self._served(d, served, "补正通知")
        if days is not None and days < 1:
            raise WorkflowError("补正期限应至少为1个工作日")
        clock.wait_until = self.cal.add_workdays(start, days) if days else None
        period = (
            f"补正期限{days}个工作日（自{start.isoformat()}起，至{clock.wait_until.isoformat()}）"
            if days
            else "未记录补正期限"
        )
        if d > last and clock.running:
            clock.late_correction_notice = True
            due = clock.due(self.cal)
            message = (
                f"补正通知于{d.isoformat()}发出，已超过收到申请后{self.correction_notice_days}个工作日"
                f"（最迟{last.isoformat()}）；逾期告知不重新计算答复期限，答复期限仍为{due.isoformat()}"
            )
            clock.findings.append(warning("register.late_correction_notice", message))
            clock.explanation.append(f"{self._d(d)}发出补正通知，{period}；{message}。")
            return
        clock.anchor, clock.pause, clock.paused_on = None, "correction", d
        clock.explanation.append(
            f"{self._d(d)}发出补正通知（在收到申请后{self.correction_notice_days}个工作日内，最迟{last.isoformat()}），"
            f"{period}；答复期限自收到补正之日起重新计算。"
        )

    def correction_received(self, clock: Clock, d: date) -> None:
        clock.wait_until = None
        if clock.late_correction_notice:
            clock.explanation.append(
                f"{self._d(d)}收到补正；补正通知逾期发出，答复期限不重新计算，仍为{clock.due(self.cal).isoformat()}。"
            )
            return
        self._resume(clock, d)
        clock.remaining = self.answer_days + clock.extended
        clock.explanation.append(
            f"{self._d(d)}收到补正，当日为第0日，重新计算{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def abandoned(self, clock: Clock, d: date) -> None:
        if clock.wait_until is None:
            raise WorkflowError("补正通知未记录补正期限，无法认定逾期未补正；请先更正补正通知，填写补正期限")
        if d <= clock.wait_until:
            raise WorkflowError(f"补正期限至{clock.wait_until.isoformat()}，届满前不能登记逾期未补正")
        clock.explanation.append(
            f"{d.isoformat()}申请人逾期未补正（期限至{clock.wait_until.isoformat()}），不再处理（其他处理·逾期不补正）。"
        )

    # --------------------------------------------------------------------------- pauses
    def _stop(self, clock: Clock, d: date, kind: str, what: str) -> int:
        if clock.deferred_to is not None:
            raise WorkflowError(f"已确定延迟答复期限至{clock.deferred_to.isoformat()}，不能再{what}暂停计时")
        due = clock.due(self.cal)
        if d > due:
            raise WorkflowError(f"答复期限已于{due.isoformat()}届满，{d.isoformat()}不能再{what}暂停计时")
        spent = self.cal.workdays_between(clock.anchor, d)
        clock.remaining -= spent
        clock.pause, clock.paused_on = kind, d
        return spent

    def consultation_sent(
        self, clock: Clock, d: date, party: Party | None, name: str | None, served: date | None
    ) -> None:
        start = self._served(d, served, "征求意见函")
        letter = Letter(party, name, d, self.cal.add_workdays(start, self.consultation_days))
        received = f"（对方{start.isoformat()}收到）" if served else ""
        reply = f"对方应在收到后{self.consultation_days}个工作日内（至{letter.limit.isoformat()}）答复"
        if clock.pause == "consultation":
            clock.letters.append(letter)
            clock.batch.append(letter)
            clock.explanation.append(
                f"{self._d(d)}另向{letter.who}征求意见{received}，暂停计时至各方征求意见结束；{reply}。"
            )
            return
        anchor = clock.anchor
        spent = self._stop(clock, d, "consultation", "征求意见")
        clock.letters.append(letter)
        clock.batch = [letter]
        clock.explanation.append(
            f"{self._d(d)}向{letter.who}征求意见{received}，征求意见时间不计算在答复期限内；"
            f"自{anchor.isoformat()}至当日已用{spent}个工作日，尚余{clock.remaining}个工作日；{reply}。"
        )

    def consultation_replied(self, clock: Clock, d: date, party: Party | None, name: str | None) -> None:
        letter = self._letter(clock, party, name)
        letter.replied = d
        late = d > letter.limit
        said = f"{self._d(d)}收到{letter.who}的征求意见答复"
        if late:
            said += f"（已过{letter.limit.isoformat()}的答复期限，逾期答复不延长暂停）"
        if letter not in clock.batch:
            clock.explanation.append(
                said + f"；该征求意见已于{letter.limit.isoformat()}结束，不影响答复期限。"
            )
            return
        if all(x.settled_by(d) for x in clock.batch):
            clock.explanation.append(said + "。")
            self._end_consultation(clock)
        else:
            waiting = sum(1 for x in clock.batch if not x.settled_by(d))
            clock.explanation.append(said + f"；尚有{waiting}份征求意见待答复，继续暂停计时。")

    def _letter(self, clock: Clock, party: Party | None, name: str | None) -> Letter:
        """The open letter a reply answers: by name, else by party, else the earliest still open."""
        waiting = [x for x in clock.letters if x.replied is None]
        if not waiting:
            raise WorkflowError("没有待答复的征求意见，不能登记征求意见答复")
        for test in (
            lambda x: name and x.name == name,
            lambda x: not name and party and x.party == party,
            lambda x: not name and not party,
        ):
            found = [x for x in waiting if test(x)]
            if found:
                return found[0]
        open_ = "、".join(x.who for x in waiting)
        raise WorkflowError(
            f"没有向“{name or PARTY_LABELS.get(party, party)}”发出的待答复征求意见（待答复：{open_}）"
        )

    def settle_consultation(self, clock: Clock, d: date) -> None:
        """Before an event on `d`: a consultation whose letters are all answered or past their reply period
        ended then, and the clock runs again from that day."""
        if clock.pause == "consultation" and all(x.settled_by(d) for x in clock.batch):
            self._end_consultation(clock)

    def _end_consultation(self, clock: Clock) -> None:
        end = clock.consultation_end()
        lapsed = [x for x in clock.batch if x.replied is None or x.replied > x.limit]
        if lapsed and max(x.limit for x in lapsed) == end:
            why = "、".join(f"{x.who}至{x.limit.isoformat()}" for x in lapsed)
            said = f"征求意见的答复期届满（{why}，逾期未答复视为同意公开或由本机关依法决定）"
        else:
            said = "各方征求意见均已答复"
        self._resume(clock, end)
        clock.batch = []
        clock.explanation.append(
            f"{said}，征求意见于{self._d(end)}结束，自当日起恢复计算剩余{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def end_of_log(self, clock: Clock) -> None:
        """The log ends with letters unanswered: the clock runs again when the last reply period ends (a
        reply logged later cannot move it, being late)."""
        if clock.pause == "consultation":
            self._end_consultation(clock)

    def settle_on_close(self, clock: Clock, d: date) -> date | None:
        """The due date a request closed on `d` had; a consultation still open ends on `d`, or when its reply
        periods ran out if that came first."""
        if clock.pause == "consultation":
            self._resume(clock, min(d, clock.consultation_end()))
            clock.batch = []
        return clock.due(self.cal)

    # --------------------------------------------------------------------------- extension and deferral
    def extended(
        self, clock: Clock, d: date, days: int | None, approved_by: str | None, notified: date | None
    ) -> None:
        if clock.extended:
            raise WorkflowError(f"答复期限只能延长一次，已延长{clock.extended}个工作日")
        if clock.deferred_to is not None:
            raise WorkflowError(f"已确定延迟答复期限至{clock.deferred_to.isoformat()}，不能再延长")
        if days is None or not 1 <= days <= self.max_extension_days:
            raise WorkflowError(f"延长期限应为1至{self.max_extension_days}个工作日，收到“{days}”")
        if clock.running:
            due = clock.due(self.cal)
            if d > due:
                raise WorkflowError(
                    f"延长须在答复期限届满前决定，期限已于{due.isoformat()}届满，{d.isoformat()}不能延长"
                )
        if notified is not None and notified < d:
            raise WorkflowError(f"告知申请人的日期{notified}早于延长决定日期{d}")
        clock.extended = days
        clock.remaining += days
        if approved_by:
            who = f"经{approved_by}同意"
        else:
            who = "（未记录批准人）"
            clock.findings.append(
                warning(
                    "register.extension_unapproved",
                    f"{d.isoformat()}的延长未记录批准人（第三十三条第二款须经负责人同意）",
                )
            )
        told = f"，于{notified.isoformat()}告知申请人" if notified else ""
        said = f"{self._d(d)}{who}延长答复期限{days}个工作日（条例第三十三条第二款）{told}；"
        if clock.running:
            said += f"答复期限顺延{days}个工作日，" + self._due_sentence(clock)
        else:
            said += f"恢复计时后尚余{clock.remaining}个工作日。"
        clock.explanation.append(said)

    def explanation_requested(self, clock: Clock, d: date, days: int | None, served: date | None) -> None:
        anchor = clock.anchor
        start = self._served(d, served, "说明理由通知")
        spent = self._stop(clock, d, "explanation", "要求说明理由")
        clock.wait_until = self.cal.add_workdays(start, days) if days else None
        until = f"，请其在{days}个工作日内（至{clock.wait_until.isoformat()}）说明" if days else ""
        clock.explanation.append(
            f"{self._d(d)}认为申请数量、频次明显超过合理范围，要求申请人说明理由（条例第三十五条）{until}；"
            f"自{anchor.isoformat()}至当日已用{spent}个工作日，尚余{clock.remaining}个工作日，等待期间暂停计时。"
        )

    def explanation_received(self, clock: Clock, d: date) -> None:
        self._resume(clock, d)
        clock.explained = True
        clock.explanation.append(
            f"{self._d(d)}收到申请人的理由说明，自当日起恢复计算剩余{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def deferred(self, clock: Clock, d: date, until: date | None, approved_by: str | None) -> None:
        if not clock.explained:
            raise WorkflowError("确定延迟答复期限须在收到申请人的理由说明之后（条例第三十五条）")
        if clock.deferred_to is not None:
            raise WorkflowError(f"已确定延迟答复期限至{clock.deferred_to.isoformat()}")
        due = clock.due(self.cal)
        if until is None or until <= due:
            raise WorkflowError(f"延迟答复期限应晚于现答复期限{due.isoformat()}，收到“{until}”")
        if d > due:
            raise WorkflowError(f"答复期限已于{due.isoformat()}届满，{d.isoformat()}不能再确定延迟答复期限")
        clock.deferred_to = until
        who = f"经{approved_by}同意，" if approved_by else ""
        clock.explanation.append(
            f"{self._d(d)}{who}认为申请理由合理但无法在法定期限内答复，确定延迟答复的合理期限至{self._d(until)}"
            "（条例第三十五条）。"
        )

    # --------------------------------------------------------------------------- fees
    def fee_notified(self, clock: Clock, d: date, received: date, amount, served: date | None) -> None:
        if received < FEES_FROM:
            raise WorkflowError(
                f"申请收到于{received.isoformat()}，早于《政府信息公开信息处理费管理办法》施行之日"
                f"{FEES_FROM.isoformat()}，不能收取信息处理费"
            )
        anchor = clock.anchor
        start = self._served(d, served, "收费通知")
        spent = self._stop(clock, d, "fee", "发出收费通知")
        clock.wait_until = self.cal.add_workdays(start, self.fee_payment_days)
        fee = f"{amount}元" if amount is not None else "信息处理费"
        got = f"申请人于{start.isoformat()}收到通知，" if served else ""
        clock.explanation.append(
            f"{self._d(d)}发出收费通知（{fee}），等待缴费期间不计算在答复期限内；"
            f"自{anchor.isoformat()}至当日已用{spent}个工作日，尚余{clock.remaining}个工作日；"
            f"{got}应在收到通知后{self.fee_payment_days}个工作日内（至{clock.wait_until.isoformat()}）缴费。"
        )

    def fee_paid(self, clock: Clock, d: date) -> None:
        if d > clock.wait_until:
            raise WorkflowError(
                f"缴费期限已于{clock.wait_until.isoformat()}届满，{d.isoformat()}缴费已逾期，应登记为逾期未缴费"
            )
        self._resume(clock, d)
        clock.explanation.append(
            f"{self._d(d)}申请人缴费，自当日起恢复计算剩余{clock.remaining}个工作日；"
            + self._due_sentence(clock)
        )

    def fee_unpaid(self, clock: Clock, d: date) -> None:
        if d <= clock.wait_until:
            raise WorkflowError(f"缴费期限至{clock.wait_until.isoformat()}，届满前不能登记逾期未缴费")
        clock.explanation.append(f"{d.isoformat()}申请人逾期未缴费，不再处理（其他处理·逾期未缴费）。")
