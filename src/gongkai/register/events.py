"""The event log of a request: one type per kind of event, as plain frozen values.

Every event has a date and an optional note; each kind adds what the law makes it carry (the 补正期限 of
a 补正告知, the party and the day it received a 征求意见函, the approver of an extension, the fee and how
it was computed …). `event(type, date, **fields)` and `Event.from_dict` build the right kind from its
code; `to_dict` gives it back, so the store, the CSV and `gongkai deadline` files share one form.
Values are checked here, once: a non-integer day count, a negative or infinite amount, an unknown field
or choice is an `InputError` naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from gongkai.register.answers import AnswerKind, rows_of
from gongkai.register.errors import WorkflowError
from gongkai.register.types import EVENT_LABELS, OUTCOMES, EventType, FeeMethod, Party

MAX_AMOUNT = Decimal("10000000")  # 元: far above any fee of 109号; a typo beyond it is refused
MAX_DAYS = 366
MAX_PAGES = 10_000_000


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of every kind of event."""

    type: ClassVar[EventType]
    date: date
    note: str | None = None

    def __post_init__(self):
        if not isinstance(self.date, date):
            raise WorkflowError(f"{self.label}：日期“{self.date}”无效", code="register.field", field="date")

    @property
    def label(self) -> str:
        return EVENT_LABELS[self.type]

    def data(self) -> dict[str, Any]:
        """The kind-specific fields that are set, JSON-ready (what the store keeps beside type and date)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "date" or v is None or v == ():
                continue
            if isinstance(v, Decimal):
                v = str(v)
            elif isinstance(v, date):
                v = v.isoformat()
            elif isinstance(v, tuple):
                v = list(v)
            elif hasattr(v, "value"):
                v = v.value
            out[f.name] = v
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type.value, "date": self.date.isoformat(), **self.data()}

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        if not isinstance(d, dict):
            raise WorkflowError("事件应为对象（含 type 与 date）", code="register.field")
        if "type" not in d:
            raise WorkflowError("事件缺少类型 type", code="register.field", field="type")
        rest = {k: v for k, v in d.items() if k != "type"}
        if "date" not in rest:
            raise WorkflowError(f"事件{d.get('type')}缺少日期 date", code="register.field", field="date")
        return event(d["type"], rest.pop("date"), **rest)


# ------------------------------------------------------------------------------------------ the kinds


@dataclass(frozen=True, kw_only=True)
class Received(Event):
    type = EventType.RECEIVED


@dataclass(frozen=True, kw_only=True)
class CorrectionRequested(Event):
    """补正告知 (第三十条): the period given to the applicant and what is to be corrected."""

    type = EventType.CORRECTION_REQUESTED
    days: int | None = None  # 补正期限, working days from the applicant's receipt of the notice
    served: date | None = None  # the day the applicant received the notice (else the sending day)
    missing: tuple[str, ...] = ()  # the elements of 第二十九条 to supply or clarify


@dataclass(frozen=True, kw_only=True)
class CorrectionReceived(Event):
    type = EventType.CORRECTION_RECEIVED


@dataclass(frozen=True, kw_only=True)
class Abandoned(Event):
    """逾期未补正: counted in 三（六）1."""

    type = EventType.ABANDONED


@dataclass(frozen=True, kw_only=True)
class ConsultationSent(Event):
    """征求意见函 to a third party (第三十二条) or another body (第三十四条)."""

    type = EventType.CONSULTATION_SENT
    party: Party | None = None
    party_name: str | None = None
    served: date | None = None  # the day the party received the letter (else the sending day)


@dataclass(frozen=True, kw_only=True)
class ConsultationReplied(Event):
    type = EventType.CONSULTATION_REPLIED
    party: Party | None = None
    party_name: str | None = None  # which letter is answered, when several are open


@dataclass(frozen=True, kw_only=True)
class Extended(Event):
    """延期答复 (第三十三条第二款)."""

    type = EventType.EXTENDED
    days: int | None = None
    approved_by: str | None = None  # 政府信息公开工作机构负责人
    notified: date | None = None  # the day the 延期答复告知书 was sent to the applicant
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class FeeNotified(Event):
    """收费通知 (国办函〔2020〕109号)."""

    type = EventType.FEE_NOTIFIED
    amount: Decimal | None = None  # 元
    method: FeeMethod | None = None
    pages: int | None = None  # 按量计收
    ordinal: int | None = None  # 按件计收: the request's ordinal in the applicant's month
    served: date | None = None  # the day the applicant received the notice (else the sending day)
    reason: str | None = None  # why the amount differs from the computed fee


@dataclass(frozen=True, kw_only=True)
class FeePaid(Event):
    type = EventType.FEE_PAID
    amount: Decimal | None = None  # 元; None: what was notified


@dataclass(frozen=True, kw_only=True)
class FeeUnpaid(Event):
    """逾期未缴费: counted in 三（六）2."""

    type = EventType.FEE_UNPAID


@dataclass(frozen=True, kw_only=True)
class ExplanationRequested(Event):
    """要求申请人说明理由 (第三十五条): a request large or frequent beyond reason; the clock stops."""

    type = EventType.EXPLANATION_REQUESTED
    days: int | None = None  # the period given, working days from the applicant's receipt
    served: date | None = None


@dataclass(frozen=True, kw_only=True)
class ExplanationReceived(Event):
    type = EventType.EXPLANATION_RECEIVED


@dataclass(frozen=True, kw_only=True)
class Deferred(Event):
    """确定延迟答复的合理期限 (第三十五条): the body sets the date it will answer by."""

    type = EventType.DEFERRED
    until: date | None = None
    approved_by: str | None = None
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class Answered(Event):
    """The answer: its kind (第三十六条 …) and the section 三 row it is counted in."""

    type = EventType.ANSWERED
    outcome: str | None = None
    kind: AnswerKind | None = None
    signed_by: str | None = None  # who signed it (签发)

    def __post_init__(self):
        super().__post_init__()
        if self.kind is not None and self.outcome is None:
            object.__setattr__(self, "outcome", rows_of(self.kind)[0])
        if self.kind is not None and self.outcome not in rows_of(self.kind):
            allowed = "、".join(rows_of(self.kind))
            raise WorkflowError(
                f"答复类型“{self.kind.value}”只能计入第三部分的 {allowed}，不能计入“{self.outcome}”",
                code="register.field",
                field="outcome",
            )


@dataclass(frozen=True, kw_only=True)
class Withdrawn(Event):
    """申请人撤回: counted in 三（六）3 其他."""

    type = EventType.WITHDRAWN


KINDS: dict[EventType, type[Event]] = {
    k.type: k
    for k in (
        Received,
        CorrectionRequested,
        CorrectionReceived,
        Abandoned,
        ConsultationSent,
        ConsultationReplied,
        Extended,
        FeeNotified,
        FeePaid,
        FeeUnpaid,
        ExplanationRequested,
        ExplanationReceived,
        Deferred,
        Answered,
        Withdrawn,
    )
}


# ------------------------------------------------------------------------------------------ building


def event(type: EventType | str, date: date | str, **values: Any) -> Event:
    """The event of a kind from its code (or Chinese label) and loosely typed values (CLI, CSV, JSON).

    None and "" mean "not given". Every value is converted and checked here, once."""
    from gongkai.register.vocab import EVENT_TYPES

    kind = KINDS[EventType(EVENT_TYPES.parse(type))]
    label = EVENT_LABELS[kind.type]
    known = {f.name for f in fields(kind)} - {"date"}
    given = {k: v for k, v in values.items() if v is not None and v != "" and v != []}
    extra = sorted(set(given) - known)
    if extra:
        raise WorkflowError(
            f"事件“{label}”含未知字段：{', '.join(extra)}（可用字段：{', '.join(sorted(known)) or '无'}）",
            code="register.field",
            field=extra[0],
        )
    kw = {name: _convert(name, v, label) for name, v in given.items()}
    return kind(date=_date(date, f"事件“{label}”的日期"), **kw)


def _date(value, what: str) -> date:
    from gongkai.dates import parse_date

    try:
        return parse_date(value, what)
    except Exception as e:
        raise WorkflowError(str(e), code="register.field", field=what) from e


def _convert(name: str, v: Any, label: str) -> Any:
    from gongkai.register import vocab

    where = f"事件“{label}”的"
    if name in ("days", "pages", "ordinal"):
        return _integer(v, f"{where}{vocab.FIELD_LABELS[name]}", name)
    if name == "amount":
        return amount(v, f"{where}金额")
    if name in ("served", "notified", "until"):
        return _date(v, f"{where}{vocab.FIELD_LABELS[name]}")
    if name == "party":
        return Party(vocab.PARTIES.parse(v))
    if name == "method":
        return FeeMethod(vocab.FEE_METHODS.parse(v))
    if name == "outcome":
        return vocab.OUTCOME_ROWS.parse(v)
    if name == "kind":
        return AnswerKind(vocab.ANSWER_KINDS.parse(v))
    if name == "missing":
        items = v if isinstance(v, list | tuple) else str(v).replace("，", ",").replace("、", ",").split(",")
        return tuple(vocab.APPLICATION_ELEMENTS.parse(x) for x in items if str(x).strip())
    text = str(v).strip()
    if len(text) > 2000:
        raise WorkflowError(
            f"{where}{name}过长（{len(text)}字，最多2000字）", code="register.field", field=name
        )
    return text


def _integer(v: Any, what: str, name: str) -> int:
    """A whole number, as given: 1.9 or "20天" is refused, never truncated."""
    if isinstance(v, bool):
        raise WorkflowError(f"{what}应为整数，收到“{v}”", code="register.field", field=name)
    if isinstance(v, int):
        n = v
    elif isinstance(v, float) and v.is_integer():
        n = int(v)
    elif isinstance(v, str) and v.strip().lstrip("+").isdigit():
        n = int(v.strip())
    else:
        raise WorkflowError(f"{what}应为整数，收到“{str(v)[:40]}”", code="register.field", field=name)
    limit = MAX_PAGES if name == "pages" else MAX_DAYS
    if not 0 <= n <= limit:
        raise WorkflowError(f"{what}应在0至{limit}之间，收到{n}", code="register.field", field=name)
    return n


def amount(v: Any, what: str = "金额", *, limit: Decimal = MAX_AMOUNT, places: int = 2) -> Decimal:
    """A sum of money as written: finite, not negative, at most `places` decimals, below `limit`.

    "1.5万", "Infinity", "NaN", "-3" and "1e9" are refused with the reason."""
    text = str(v).strip().replace(",", "").replace("，", "")
    try:
        d = Decimal(text)
    except InvalidOperation:
        unit = "（不要带单位，如“万”“元”）" if any(u in text for u in ("万", "元", "亿")) else ""
        raise WorkflowError(f"{what}“{text[:40]}”不是数字{unit}", code="register.field") from None
    if not d.is_finite():
        raise WorkflowError(f"{what}“{text[:40]}”不是有限的数", code="register.field")
    if d < 0:
        raise WorkflowError(f"{what}不能为负，收到{text}", code="register.field")
    if d >= limit:
        raise WorkflowError(f"{what}{text}超出合理范围（应小于{limit}）", code="register.field")
    if -d.as_tuple().exponent > places:
        raise WorkflowError(f"{what}{text}最多保留{places}位小数", code="register.field")
    return d


def check_outcome(outcome: str) -> str:
    if outcome not in OUTCOMES:
        raise WorkflowError(
            f"办理结果“{outcome}”不是第三部分的结果行", code="register.field", field="outcome"
        )
    return outcome
