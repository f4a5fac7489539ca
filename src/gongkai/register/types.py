"""The register's vocabulary: codes and their Chinese labels.

Applicant types are the columns of section 三 and outcomes are its rows, both taken from
gongkai.format so the statutory format stays written down in one place. Every other choice is an enum
with a table of Chinese labels beside it; `gongkai.register.vocab` turns either form a person types into
the code.
"""

from __future__ import annotations

from enum import StrEnum

from gongkai.format.spec import APPLICANTS, OUTCOME_ROWS, REQUESTS_2021, Version

#: The six applicant columns of section 三 (without 总计).
APPLICANT_TYPES: tuple[str, ...] = tuple(c.key for c in APPLICANTS if c.key != "total")
APPLICANT_LABELS: dict[str, str] = {c.key: c.label for c in APPLICANTS}

#: Outcome rows an answered request may take (2021 format, which the register keeps).
OUTCOMES: tuple[str, ...] = OUTCOME_ROWS[Version.V2021]
OUTCOME_LABELS: dict[str, str] = {r.key: r.label for r in REQUESTS_2021.rows if r.key in OUTCOMES}
OUTCOME_GROUPS: dict[str, str] = {r.key: r.group or "" for r in REQUESTS_2021.rows if r.key in OUTCOMES}


class Channel(StrEnum):
    """How the request arrived; article 31 of the 条例 fixes the date of receipt per channel."""

    IN_PERSON = "in_person"  # 当面提交
    POST = "post"  # 邮寄（需签收）
    ORDINARY_MAIL = "ordinary_mail"  # 平常信函
    ONLINE = "online"  # 互联网渠道
    FAX = "fax"  # 传真


CHANNEL_LABELS = {
    Channel.IN_PERSON: "当面",
    Channel.POST: "邮寄",
    Channel.ORDINARY_MAIL: "平常信函",
    Channel.ONLINE: "网络",
    Channel.FAX: "传真",
}


class EventType(StrEnum):
    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    ABANDONED = "abandoned"  # no correction within the period: other.no_correction
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_REPLIED = "consultation_replied"
    EXTENDED = "extended"
    FEE_NOTIFIED = "fee_notified"
    FEE_PAID = "fee_paid"
    FEE_UNPAID = "fee_unpaid"  # not paid in time: other.fee_unpaid
    EXPLANATION_REQUESTED = "explanation_requested"  # 第三十五条
    EXPLANATION_RECEIVED = "explanation_received"
    DEFERRED = "deferred"  # 第三十五条: a reasonable later deadline set by the body
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


EVENT_LABELS = {
    EventType.RECEIVED: "收到申请",
    EventType.CORRECTION_REQUESTED: "发出补正通知",
    EventType.CORRECTION_RECEIVED: "收到补正",
    EventType.ABANDONED: "逾期未补正",
    EventType.CONSULTATION_SENT: "发出征求意见",
    EventType.CONSULTATION_REPLIED: "收到征求意见答复",
    EventType.EXTENDED: "延长答复期限",
    EventType.FEE_NOTIFIED: "发出收费通知",
    EventType.FEE_PAID: "申请人缴费",
    EventType.FEE_UNPAID: "逾期未缴费",
    EventType.EXPLANATION_REQUESTED: "要求说明理由",
    EventType.EXPLANATION_RECEIVED: "收到理由说明",
    EventType.DEFERRED: "确定延迟答复期限",
    EventType.ANSWERED: "作出答复",
    EventType.WITHDRAWN: "申请人撤回",
}


class State(StrEnum):
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    AWAITING_EXPLANATION = "awaiting_explanation"
    ANSWERED = "answered"
    ABANDONED = "abandoned"
    FEE_UNPAID = "fee_unpaid"
    WITHDRAWN = "withdrawn"

    @property
    def closed(self) -> bool:
        return self in CLOSED_STATES

    @property
    def waiting_for_applicant(self) -> bool:
        return self in WAITING_STATES


CLOSED_STATES = frozenset({State.ANSWERED, State.ABANDONED, State.FEE_UNPAID, State.WITHDRAWN})
WAITING_STATES = frozenset({State.AWAITING_CORRECTION, State.AWAITING_FEE, State.AWAITING_EXPLANATION})

STATE_LABELS = {
    State.IN_PROGRESS: "办理中",
    State.AWAITING_CORRECTION: "待补正",
    State.CONSULTING: "征求意见中",
    State.AWAITING_FEE: "待缴费",
    State.AWAITING_EXPLANATION: "待说明理由",
    State.ANSWERED: "已答复",
    State.ABANDONED: "逾期未补正",
    State.FEE_UNPAID: "逾期未缴费",
    State.WITHDRAWN: "已撤回",
}


class Party(StrEnum):
    THIRD_PARTY = "third_party"  # 第三十二条
    BODY = "body"  # 第三十四条: another administrative body


PARTY_LABELS = {Party.THIRD_PARTY: "第三方", Party.BODY: "其他机关"}


class FeeMethod(StrEnum):
    COUNT = "count"  # 按件计收
    PAGES = "pages"  # 按量计收


FEE_METHOD_LABELS = {FeeMethod.COUNT: "按件计收", FeeMethod.PAGES: "按量计收"}


class IdType(StrEnum):
    """The identity document of 第二十九条 (身份证明)."""

    RESIDENT_ID = "resident_id"  # 居民身份证
    PASSPORT = "passport"
    HK_MACAO = "hk_macao"  # 港澳居民来往内地通行证 / 居住证
    TAIWAN = "taiwan"  # 台湾居民来往大陆通行证 / 居住证
    FOREIGN_PERMANENT = "foreign_permanent"  # 外国人永久居留身份证
    CREDIT_CODE = "credit_code"  # 统一社会信用代码 (legal persons and other organisations)
    OTHER = "other"


ID_TYPE_LABELS = {
    IdType.RESIDENT_ID: "居民身份证",
    IdType.PASSPORT: "护照",
    IdType.HK_MACAO: "港澳居民来往内地通行证",
    IdType.TAIWAN: "台湾居民来往大陆通行证",
    IdType.FOREIGN_PERMANENT: "外国人永久居留身份证",
    IdType.CREDIT_CODE: "统一社会信用代码",
    IdType.OTHER: "其他证件",
}


class Medium(StrEnum):
    """获取信息的方式 (第二十九条第二款第三项)."""

    PAPER = "paper"
    ELECTRONIC = "electronic"


MEDIUM_LABELS = {Medium.PAPER: "纸质文本", Medium.ELECTRONIC: "电子文档"}


class Delivery(StrEnum):
    """获取信息的途径."""

    POST = "post"
    EMAIL = "email"
    PICKUP = "pickup"
    FAX = "fax"
    ONLINE = "online"


DELIVERY_LABELS = {
    Delivery.POST: "邮寄",
    Delivery.EMAIL: "电子邮件",
    Delivery.PICKUP: "当面领取",
    Delivery.FAX: "传真",
    Delivery.ONLINE: "网上获取",
}


def outcome_row_2019(row: str) -> str:
    """The 2019 trial format has one 其他处理 row where 2021 has three."""
    return "other" if row.startswith("other.") else row
