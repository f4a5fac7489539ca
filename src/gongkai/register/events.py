"""A request and its append-only event log, as plain values (the store persists exactly these)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from gongkai.register.errors import WorkflowError
from gongkai.register.types import APPLICANT_TYPES, OUTCOMES, Channel, EventType


@dataclass(frozen=True)
class Request:
    """One 政府信息公开申请. Applicant name and contact are private: kept, never reported."""

    case_no: str
    applicant_type: str  # a section 三 column: natural_person, commercial, ...
    channel: Channel | None
    received_on: date  # date of receipt as article 31 defines it (see `receipt_date`)
    content: str = ""
    applicant_name: str = ""
    applicant_contact: str = ""
    seeded: bool = False  # a placeholder for a request carried over from an imported published report

    def __post_init__(self):
        if self.applicant_type not in APPLICANT_TYPES:
            raise WorkflowError(
                f"申请{self.case_no}：申请人类型“{self.applicant_type}”无效，"
                f"应为 {', '.join(APPLICANT_TYPES)} 之一"
            )
        if self.channel is None and self.seeded:
            return  # a carried-over placeholder: its channel is not known
        try:
            object.__setattr__(self, "channel", Channel(self.channel))
        except ValueError as e:
            raise WorkflowError(
                f"申请{self.case_no}：渠道“{self.channel}”无效，"
                f"应为 {', '.join(c.value for c in Channel)} 之一"
            ) from e


@dataclass(frozen=True)
class Event:
    """One typed row of a request's log. Fields beyond type and date apply to some types only."""

    type: EventType
    date: date
    days: int | None = None  # extended: working days added (1..20)
    approved_by: str | None = None  # extended: who approved (信息公开工作机构负责人)
    party: str | None = None  # consultation_sent: "third_party" or "body" (another body)
    outcome: str | None = None  # answered: a section 三 row id, e.g. "withheld.state_secret"
    amount: Decimal | None = None  # fee_notified / fee_paid: yuan
    method: str | None = None  # fee_notified: "count" or "pages"
    pages: int | None = None  # fee_notified by pages
    note: str | None = None

    def __post_init__(self):
        try:
            object.__setattr__(self, "type", EventType(self.type))
        except ValueError as e:
            kinds = ", ".join(t.value for t in EventType)
            raise WorkflowError(f"事件类型“{self.type}”无效，应为 {kinds} 之一") from e
        if self.amount is not None and not isinstance(self.amount, Decimal):
            try:
                object.__setattr__(self, "amount", Decimal(str(self.amount)))
            except InvalidOperation as e:
                raise WorkflowError(f"金额“{self.amount}”不是数字") from e
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise WorkflowError(f"办理结果“{self.outcome}”不是第三部分的结果行")

    def data(self) -> dict:
        """The type-specific fields that are set, JSON-ready (what the store keeps beside type/date)."""
        out = {}
        for k, v in asdict(self).items():
            if k in ("type", "date") or v is None:
                continue
            out[k] = str(v) if isinstance(v, Decimal) else v
        return out

    def to_dict(self) -> dict:
        return {"type": self.type.value, "date": self.date.isoformat(), **self.data()}

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        known = {"days", "approved_by", "party", "outcome", "amount", "method", "pages", "note"}
        extra = sorted(set(d) - known - {"type", "date"})
        if extra:
            raise WorkflowError(f"事件{d.get('type')}含未知字段：{', '.join(extra)}")
        try:
            when = d["date"] if isinstance(d["date"], date) else date.fromisoformat(str(d["date"]))
        except KeyError as e:
            raise WorkflowError(f"事件{d.get('type')}缺少日期") from e
        except ValueError as e:
            raise WorkflowError(f"事件{d.get('type')}的日期“{d['date']}”无效，应为YYYY-MM-DD") from e
        kw = {k: d[k] for k in known if d.get(k) is not None}
        if "days" in kw:
            try:
                kw["days"] = int(kw["days"])
            except (TypeError, ValueError) as e:
                raise WorkflowError(f"事件{d.get('type')}的天数“{kw['days']}”不是整数") from e
        if "pages" in kw:
            kw["pages"] = int(kw["pages"])
        if "type" not in d:
            raise WorkflowError("事件缺少类型 type")
        return cls(type=d["type"], date=when, **kw)


def receipt_date(
    channel: Channel | str,
    *,
    submitted: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The date of receipt under article 31 of the 条例 (2019).

    当面提交: the day it is handed in. 邮寄: the day the body signs for it. 平常信函 (no signature):
    the day the body confirms receipt with the applicant. 网络/传真: the day both sides confirm it.
    """
    ch = Channel(channel)
    need = {
        Channel.IN_PERSON: ("submitted", submitted, "提交之日"),
        Channel.POST: ("signed_for", signed_for, "签收之日"),
        Channel.ORDINARY_MAIL: ("confirmed", confirmed, "与申请人确认之日"),
        Channel.ONLINE: ("confirmed", confirmed, "双方确认之日"),
        Channel.FAX: ("confirmed", confirmed, "双方确认之日"),
    }[ch]
    if need[1] is None:
        raise WorkflowError(f"依条例第三十一条，{ch.value}渠道的收到日期为{need[2]}，请提供 {need[0]}")
    return need[1]
