"""The form of each kind of event (what the law makes it carry) and the documents a request can give."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.register.types import EventType
from gongkai.register.vocab import APPLICATION_ELEMENTS, FEE_METHODS, PARTIES
from gongkai.store import StoredRequest
from gongkai.write.notices import NoticeKind
from gongkai.write.notices.kinds import KIND_LABELS


@dataclass(frozen=True)
class F:
    name: str
    label: str
    kind: str = "text"  # text, date, int, money, select, checks, textarea
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    required: bool = False


DATE = F("date", "日期", "date", required=True)
NOTE = F("note", "备注", "textarea")

E = EventType
EVENT_FORMS: dict[EventType, list[F]] = {
    E.CORRECTION_REQUESTED: [
        F("date", "发出日期", "date", required=True),
        F("days", "补正期限（工作日）", "int", hint="自申请人收到补正通知之日起计算", required=True),
        F("served", "送达日期", "date", hint="申请人收到通知之日；不填按发出日期"),
        F("missing", "需补正的内容", "checks", APPLICATION_ELEMENTS.choices, hint="不选则按申请缺少的要素"),
        NOTE,
    ],
    E.CORRECTION_RECEIVED: [F("date", "收到补正日期", "date", required=True), NOTE],
    E.ABANDONED: [F("date", "确认逾期未补正日期", "date", required=True), NOTE],
    E.CONSULTATION_SENT: [
        F("date", "发出日期", "date", required=True),
        F("party", "征求意见对象", "select", PARTIES.choices, required=True),
        F("party_name", "对象名称", hint="第三方或机关的名称"),
        F("served", "送达日期", "date"),
        NOTE,
    ],
    E.CONSULTATION_REPLIED: [
        F("date", "收到答复日期", "date", required=True),
        F("party_name", "对象名称", hint="有多份征求意见函时填写"),
        NOTE,
    ],
    E.EXTENDED: [
        F("date", "批准日期", "date", required=True),
        F("days", "延长天数（工作日）", "int", hint="最长20个工作日"),
        F("approved_by", "批准人", hint="政府信息公开工作机构负责人", required=True),
        F("notified", "告知申请人日期", "date", required=True),
        F("reason", "延期理由", "textarea", required=True),
    ],
    E.FEE_NOTIFIED: [
        F("date", "发出日期", "date", required=True),
        F("method", "收费方式", "select", FEE_METHODS.choices, required=True),
        F("pages", "页数", "int", hint="按量计收时填写"),
        F("amount", "金额（元）", "money", hint="不填按国办函〔2020〕109号计算"),
        F("served", "送达日期", "date"),
        F("reason", "金额与计算不同的理由", "textarea"),
    ],
    E.FEE_PAID: [F("date", "缴费日期", "date", required=True), F("amount", "金额（元）", "money"), NOTE],
    E.FEE_UNPAID: [F("date", "确认逾期未缴费日期", "date", required=True), NOTE],
    E.EXPLANATION_REQUESTED: [
        F("date", "发出日期", "date", required=True),
        F("days", "说明期限（工作日）", "int", required=True),
        F("served", "送达日期", "date"),
        NOTE,
    ],
    E.EXPLANATION_RECEIVED: [F("date", "收到说明日期", "date", required=True), NOTE],
    E.DEFERRED: [
        F("date", "确定日期", "date", required=True),
        F("until", "延迟答复期限", "date", required=True),
        F("approved_by", "批准人", required=True),
        F("reason", "理由", "textarea", required=True),
    ],
    E.WITHDRAWN: [F("date", "撤回日期", "date", required=True), NOTE],
}


def event_values(fields: list[F], values: dict[str, str], request=None) -> dict:
    """The event's fields from the posted form: checkboxes come as `name.code` keys."""
    out: dict = {}
    for f in fields:
        if f.name == "date":
            continue
        if f.kind == "checks":
            out[f.name] = [c for c, _ in f.choices if values.get(f"{f.name}.{c}")]
        else:
            out[f.name] = values.get(f.name, "").strip() or None
    return out


def _has(*types: EventType):
    return lambda s: any(e.type in types for e in s.events)


#: (kind, label, whether the request's log supports it) — the documents offered for download.
NOTICES: list[tuple[str, str, object]] = [
    (NoticeKind.RECEIPT.value, KIND_LABELS[NoticeKind.RECEIPT], lambda s: True),
    (NoticeKind.CORRECTION.value, KIND_LABELS[NoticeKind.CORRECTION], _has(E.CORRECTION_REQUESTED)),
    (
        NoticeKind.CONSULT_THIRD_PARTY.value,
        KIND_LABELS[NoticeKind.CONSULT_THIRD_PARTY],
        lambda s: any(e.type is E.CONSULTATION_SENT and e.party == "third_party" for e in s.events),
    ),
    (
        NoticeKind.CONSULT_BODY.value,
        KIND_LABELS[NoticeKind.CONSULT_BODY],
        lambda s: any(e.type is E.CONSULTATION_SENT and e.party == "body" for e in s.events),
    ),
    (NoticeKind.EXTENSION.value, KIND_LABELS[NoticeKind.EXTENSION], _has(E.EXTENDED)),
    (NoticeKind.FEE.value, KIND_LABELS[NoticeKind.FEE], _has(E.FEE_NOTIFIED)),
    (NoticeKind.ANSWER.value, KIND_LABELS[NoticeKind.ANSWER], _has(E.ANSWERED)),
    (NoticeKind.NO_CORRECTION.value, KIND_LABELS[NoticeKind.NO_CORRECTION], _has(E.ABANDONED)),
    (NoticeKind.FEE_UNPAID.value, KIND_LABELS[NoticeKind.FEE_UNPAID], _has(E.FEE_UNPAID)),
]


def notices_for(stored: StoredRequest) -> list[tuple[str, str]]:
    return [(k, label) for k, label, ok in NOTICES if ok(stored)]
