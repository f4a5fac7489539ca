"""The register's vocabulary: applicant types, channels, event types, states, outcomes.

Applicant types are the columns of section 三 and outcomes are its rows, both taken from
gongkai.format so the statutory format stays written down in one place.
"""

from __future__ import annotations

from enum import StrEnum

from gongkai.format.spec import APPLICANTS, OUTCOME_ROWS, Version

#: The six applicant columns of section 三 (without 总计).
APPLICANT_TYPES: tuple[str, ...] = tuple(c.key for c in APPLICANTS if c.key != "total")
APPLICANT_LABELS: dict[str, str] = {c.key: c.label for c in APPLICANTS}

#: Outcome rows an answered request may take (2021 format, which the register keeps).
OUTCOMES: tuple[str, ...] = OUTCOME_ROWS[Version.V2021]


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
    EventType.ANSWERED: "作出答复",
    EventType.WITHDRAWN: "申请人撤回",
}


class State(StrEnum):
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    ANSWERED = "answered"
    ABANDONED = "abandoned"
    FEE_UNPAID = "fee_unpaid"
    WITHDRAWN = "withdrawn"

    @property
    def closed(self) -> bool:
        return self in CLOSED_STATES


CLOSED_STATES = frozenset({State.ANSWERED, State.ABANDONED, State.FEE_UNPAID, State.WITHDRAWN})

STATE_LABELS = {
    State.IN_PROGRESS: "办理中",
    State.AWAITING_CORRECTION: "待补正",
    State.CONSULTING: "征求意见中",
    State.AWAITING_FEE: "待缴费",
    State.ANSWERED: "已答复",
    State.ABANDONED: "逾期未补正",
    State.FEE_UNPAID: "逾期未缴费",
    State.WITHDRAWN: "已撤回",
}


def outcome_row_2019(row: str) -> str:
    """The 2019 trial format has one 其他处理 row where 2021 has three."""
    return "other" if row.startswith("other.") else row
