"""The facts particular to each kind of notice, as frozen values.

Each class normalises and checks its own fields on construction, and `context(notice, kind)` checks them
against the rest of the notice (dates in order, what this kind of document requires) and returns what its
template needs beyond them. Field labels in errors are the Chinese names a clerk sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gongkai.errors import InputError
from gongkai.register.answers import BY_KIND, AnswerKind
from gongkai.register.deadline import FEES_FROM
from gongkai.register.types import FEE_METHOD_LABELS, FeeMethod
from gongkai.write.notices import values as v
from gongkai.write.notices.fee_lines import FeeLine, count_lines, page_lines
from gongkai.write.notices.kinds import NoticeKind
from gongkai.write.notices.law import (
    ELEMENT_LABELS,
    ELEMENTS,
    RECEIPT_RULES,
    WITHHELD_LABELS,
    WITHHELD_REASONS,
    Element,
    ElementRule,
)
from gongkai.write.notices.model import NoticeParty

if TYPE_CHECKING:
    from gongkai.write.notices.model import Notice


def _order(earlier: date | None, later: date | None, message: str, field: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise InputError(message, code="notice.invalid", field=field)


@dataclass(frozen=True)
class ReceiptDetails:
    """登记回执. The request's due date (`NoticeRequest.due_on`) is required."""

    submitted_on: date | None = None  # the day the applicant sent it, where it differs from receipt

    def __post_init__(self):
        v.set_fields(self, submitted_on=v.day(self.submitted_on, "提交日期", "submitted_on"))

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        req = notice.request
        if req.due_on is None:
            raise v.missing("答复期限", "request.due_on")
        _order(
            self.submitted_on, req.received_on, f"提交日期{self.submitted_on}晚于收到申请日期", "submitted_on"
        )
        return {"rule": RECEIPT_RULES.get(req.channel) if req.channel else None}


@dataclass(frozen=True)
class CorrectionItem:
    """One element of 第二十九条第二款 to correct, with what the office found missing or unclear."""

    element: Element | str
    detail: str = ""  # empty: the element's standard explanation

    def __post_init__(self):
        v.set_fields(
            self,
            element=v.choice(self.element, ELEMENT_LABELS, "补正事项", "element"),
            detail=v.text(self.detail, "补正事项说明", "detail"),
        )

    @property
    def rule(self) -> ElementRule:
        return ELEMENTS[Element(self.element)]


@dataclass(frozen=True)
class CorrectionDetails:
    """补正告知书 (第三十条): the items, and the period given — working days from the applicant's receipt of
    the notice, a last day, or both."""

    items: tuple[CorrectionItem, ...]
    period_days: int | None = None
    deadline: date | None = None
    guidance: str = ""  # the 指导和释明 the office adds, one paragraph

    def __post_init__(self):
        items = self.items if isinstance(self.items, Iterable) and not isinstance(self.items, str) else None
        if not items:
            raise v.missing("补正事项", "items")
        v.set_fields(
            self,
            items=tuple(i if isinstance(i, CorrectionItem) else CorrectionItem(i) for i in items),
            period_days=None
            if self.period_days is None
            else v.whole(self.period_days, "补正期限（工作日）", "period_days", minimum=1, maximum=60),
            deadline=v.day(self.deadline, "补正截止日期", "deadline"),
            guidance=v.text(self.guidance, "补正指导说明", "guidance"),
        )
        if self.period_days is None and self.deadline is None:
            raise v.missing("补正期限（工作日数或截止日期）", "period_days")

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        _order(notice.issued_on, self.deadline, f"补正截止日期{self.deadline}早于成文日期", "deadline")
        return {}


@dataclass(frozen=True)
class ConsultationDetails:
    """征求意见函: to a third party (第三十二条), or to a body that made the information jointly (34)."""

    party: NoticeParty  # the addressee
    information: str = ""  # the information it is consulted on; empty: the request's content
    concern: str = ""  # why: the party's rights it may touch, or the joint making

    def __post_init__(self):
        if not isinstance(self.party, NoticeParty):
            raise v.missing("被征求意见方", "party")
        v.set_fields(
            self,
            information=v.text(self.information, "征求意见的政府信息", "information"),
            concern=v.text(self.concern, "征求意见的缘由", "concern"),
        )

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        return {"information": self.information or notice.request.content}


@dataclass(frozen=True)
class ExtensionDetails:
    """延期答复告知书 (第三十三条第二款). `approved_by` is required though not printed: the notice states the
    approval of the 政府信息公开工作机构负责人, so it cannot be issued without one."""

    days: int
    due_on: date  # the new due date, computed by the caller
    reason: str
    approved_by: str

    def __post_init__(self):
        v.set_fields(
            self,
            days=v.whole(self.days, "延长的工作日数", "days", minimum=1, maximum=20),
            due_on=v.day(self.due_on, "延长后的答复期限", "due_on", required=True),
            reason=v.text(self.reason, "延期理由", "reason", required=True),
            approved_by=v.text(self.approved_by, "批准延期的负责人", "approved_by", required=True, limit=50),
        )

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        old = notice.request.due_on
        if old is not None and self.due_on <= old:
            raise InputError(
                f"延长后的答复期限{self.due_on}不晚于原答复期限{old}", code="notice.invalid", field="due_on"
            )
        _order(notice.issued_on, self.due_on, f"延长后的答复期限{self.due_on}早于成文日期", "due_on")
        return {}


@dataclass(frozen=True)
class FeeDetails:
    """收费通知书 (国办函〔2020〕109号). By count: `ordinal` is this application's place among the
    applicant's applications in the calendar month of its receipt, and `items` how many 件 it counts as
    (一事一申请). By pages: `pages` provided. `amount` must equal the computed fee, or be lower with an
    `adjustment` (e.g. 减免) stating why."""

    method: FeeMethod | str
    amount: Decimal | int | str
    payment: str  # 缴纳方式: account, 缴款码, place
    ordinal: int | None = None
    items: int = 1
    pages: int | None = None
    adjustment: str = ""

    def __post_init__(self):
        method = v.choice(self.method, FEE_METHOD_LABELS, "计收方式", "method")
        if method is FeeMethod.COUNT:
            if self.pages is not None:
                raise InputError(
                    "按件计收不填写页数：同一件申请不得同时按两种标准计算", code="notice.invalid"
                )
            v.whole(self.ordinal, "当月申请序号", "ordinal", minimum=1, maximum=100_000)
            v.whole(self.items, "计收件数", "items", minimum=1, maximum=1000)
        else:
            if self.ordinal is not None:
                raise InputError(
                    "按量计收不填写申请序号：同一件申请不得同时按两种标准计算", code="notice.invalid"
                )
            v.whole(self.pages, "页数", "pages", minimum=0, maximum=1_000_000)
        v.set_fields(
            self,
            method=method,
            amount=v.money(self.amount, "收费金额", "amount"),
            payment=v.text(self.payment, "缴纳方式", "payment", required=True),
            adjustment=v.text(self.adjustment, "金额调整理由", "adjustment"),
        )

    def lines(self) -> tuple[FeeLine, ...]:
        if self.method is FeeMethod.COUNT:
            assert self.ordinal is not None
            return count_lines(self.ordinal, self.items)
        assert self.pages is not None
        return page_lines(self.pages)

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        if notice.request.received_on < FEES_FROM:
            raise InputError(
                f"申请收到于{notice.request.received_on}，早于2021年1月1日，不收取信息处理费",
                code="notice.invalid",
            )
        lines = self.lines()
        computed = sum((line.subtotal for line in lines), Decimal(0))
        if computed == 0:
            raise InputError("按收费标准计算应收0元，无需发出收费通知", code="notice.invalid", field="amount")
        if self.amount > computed:
            raise InputError(
                f"收费金额{self.amount}元高于按标准计算的{computed}元", code="notice.invalid", field="amount"
            )
        if self.amount != computed and not self.adjustment:
            raise InputError(
                f"收费金额{self.amount}元与按标准计算的{computed}元不一致，请填写金额调整理由（如减免）",
                code="notice.invalid",
                field="adjustment",
            )
        if self.amount == 0:
            raise InputError("收费金额为0元，无需发出收费通知", code="notice.invalid", field="amount")
        return {"lines": lines, "computed": computed}


ANSWER_LABELS = {r.kind: r.label for r in BY_KIND.values()}

#: What each answer must say beyond the common parts: the field and its Chinese name.
ANSWER_REQUIRES: dict[AnswerKind, tuple[tuple[str, str], ...]] = {
    AnswerKind.PROVIDED: (("provision", "提供政府信息的方式"),),
    AnswerKind.ALREADY_PUBLIC: (("provision", "获取该政府信息的方式、途径"),),
    AnswerKind.PARTIAL: (
        ("reason", "不予公开的理由"),
        ("withheld_part", "不予公开的部分"),
        ("provision", "提供可以公开部分的方式"),
    ),
    AnswerKind.WITHHELD: (("reason", "不予公开的理由"),),
    AnswerKind.DUPLICATE: (("previous_answered_on", "前次答复日期"),),
    AnswerKind.SPECIAL_PROCEDURE: (("provision", "依特别规定办理的途径"),),
    AnswerKind.STILL_UNCLEAR: (("corrected_on", "收到补正日期"),),
    AnswerKind.EXCESSIVE: (("asked_on", "要求说明理由的日期"),),
}


@dataclass(frozen=True)
class AnswerDetails:
    """政府信息公开申请答复书, one variant per `AnswerKind`. Which fields a kind needs: ANSWER_REQUIRES."""

    kind: AnswerKind | str
    reason: str = ""  # WITHHELD / PARTIAL: a withheld.* row key or its label, e.g. 属于国家秘密
    explanation: str = ""  # the facts behind the answer, one paragraph
    provision: str = ""  # how the information is given, or where and how to obtain it
    withheld_part: str = ""  # PARTIAL: which part is withheld
    responsible_body: str = ""  # NOT_OURS: the body responsible, when known
    responsible_contact: str = ""  # NOT_OURS: its contact
    previous_answered_on: date | None = None  # DUPLICATE: the date of the earlier answer
    previous_doc_no: str = ""  # DUPLICATE: its 文号
    corrected_on: date | None = None  # STILL_UNCLEAR: the day the correction arrived
    asked_on: date | None = None  # EXCESSIVE: the day the applicant was asked to explain (第三十五条)

    def __post_init__(self):
        kind = v.choice(self.kind, ANSWER_LABELS, "答复类型", "kind")
        reason = ""
        if self.reason:
            if kind not in (AnswerKind.WITHHELD, AnswerKind.PARTIAL):
                raise InputError(
                    f"不予公开的理由只适用于不予公开和部分公开，不适用于“{ANSWER_LABELS[kind]}”",
                    code="notice.invalid",
                    field="reason",
                )
            reason = v.choice(self.reason, WITHHELD_LABELS, "不予公开的理由", "reason")
        texts = {
            "explanation": "说明",
            "provision": "提供或获取的方式",
            "withheld_part": "不予公开的部分",
            "responsible_body": "负责公开的机关",
            "responsible_contact": "负责公开机关的联系方式",
            "previous_doc_no": "前次答复文号",
        }
        v.set_fields(
            self,
            kind=kind,
            reason=reason,
            **{f: v.text(getattr(self, f), lab, f) for f, lab in texts.items()},
        )
        for f, lab in (
            ("previous_answered_on", "前次答复日期"),
            ("corrected_on", "收到补正日期"),
            ("asked_on", "要求说明理由的日期"),
        ):
            v.set_fields(self, **{f: v.day(getattr(self, f), lab, f)})
        for field, label in ANSWER_REQUIRES.get(kind, ()):
            if getattr(self, field) in (None, ""):
                raise v.missing(label, field)

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        received, issued = notice.request.received_on, notice.issued_on
        _order(
            self.previous_answered_on,
            received,
            f"前次答复日期{self.previous_answered_on}晚于本次收到申请日期{received}",
            "previous_answered_on",
        )
        for field, label in (("corrected_on", "收到补正日期"), ("asked_on", "要求说明理由的日期")):
            day = getattr(self, field)
            _order(received, day, f"{label}{day}早于收到申请日期{received}", field)
            _order(day, issued, f"{label}{day}晚于成文日期{issued}", field)
        return {"reason": WITHHELD_REASONS.get(self.reason), "rule": BY_KIND[AnswerKind(self.kind)]}


@dataclass(frozen=True)
class LapseDetails:
    """终止处理告知书 when the applicant let a period lapse: the 补正 (第三十条) or the payment (109号)."""

    notice_on: date  # the date of the 补正告知书 or 收费通知书
    deadline: date  # the last day of the period, computed by the caller
    notice_no: str = ""  # that notice's 文号
    amount: Decimal | int | str | None = None  # the fee notified (FEE_UNPAID)

    def __post_init__(self):
        v.set_fields(
            self,
            notice_on=v.day(self.notice_on, "告知书发出日期", "notice_on", required=True),
            deadline=v.day(self.deadline, "期限届满日期", "deadline", required=True),
            notice_no=v.text(self.notice_no, "告知书文号", "notice_no", limit=50),
            amount=None if self.amount is None else v.money(self.amount, "收费金额", "amount"),
        )
        _order(self.notice_on, self.deadline, f"期限届满日期{self.deadline}早于告知书发出日期", "deadline")

    def context(self, notice: Notice, kind: NoticeKind) -> dict[str, Any]:
        if kind is NoticeKind.FEE_UNPAID and not self.amount:
            raise v.missing("收费金额", "amount")
        _order(
            notice.request.received_on,
            self.notice_on,
            f"告知书发出日期{self.notice_on}早于收到申请日期",
            "notice_on",
        )
        if notice.issued_on <= self.deadline:
            raise InputError(
                f"期限至{self.deadline}届满，{notice.issued_on}尚不能终止处理",
                code="notice.invalid",
                field="deadline",
            )
        return {}
