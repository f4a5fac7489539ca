"""The kinds of notice a disclosure office issues, each with its title and how it refers to itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class NoticeKind(StrEnum):
    RECEIPT = "receipt"  # 登记回执 (第三十一条、第三十三条)
    CORRECTION = "correction"  # 补正告知书 (第二十九条、第三十条)
    CONSULT_THIRD_PARTY = "consult_third_party"  # 征求第三方意见 (第三十二条)
    CONSULT_BODY = "consult_body"  # 征求共同制作机关意见 (第三十四条)
    EXTENSION = "extension"  # 延期答复告知书 (第三十三条第二款)
    FEE = "fee"  # 收费通知书 (国办函〔2020〕109号)
    ANSWER = "answer"  # 答复书, one variant per AnswerKind
    NO_CORRECTION = "no_correction"  # 逾期未补正，视为放弃申请 (第三十条)
    FEE_UNPAID = "fee_unpaid"  # 逾期未缴费，视为放弃申请 (109号)


@dataclass(frozen=True)
class KindSpec:
    kind: NoticeKind
    label: str  # what a clerk picks (Chinese; accepted wherever a kind is asked for)
    title: str  # the document's title under the body's name
    doc: str  # how the text refers to the document: 本回执, 本告知书 …
    decision: str = ""  # what the remedies paragraph calls the decision; empty: no remedies paragraph
    to_applicant: bool = True  # False: addressed to the party a 征求意见函 consults

    @property
    def remedies(self) -> bool:
        return bool(self.decision)


_ANSWER_TITLE = "政府信息公开申请答复书"
_CLOSING_TITLE = "政府信息公开申请终止处理告知书"

KINDS: dict[NoticeKind, KindSpec] = {
    s.kind: s
    for s in (
        KindSpec(NoticeKind.RECEIPT, "登记回执", "政府信息公开申请登记回执", "本回执"),
        KindSpec(NoticeKind.CORRECTION, "补正告知书", "政府信息公开申请补正告知书", "本告知书"),
        KindSpec(
            NoticeKind.CONSULT_THIRD_PARTY,
            "征求第三方意见函",
            "政府信息公开征求意见函",
            "本函",
            to_applicant=False,
        ),
        KindSpec(
            NoticeKind.CONSULT_BODY,
            "征求其他机关意见函",
            "政府信息公开征求意见函",
            "本函",
            to_applicant=False,
        ),
        KindSpec(NoticeKind.EXTENSION, "延期答复告知书", "政府信息公开申请延期答复告知书", "本告知书"),
        KindSpec(NoticeKind.FEE, "收费通知书", "政府信息公开信息处理费收费通知书", "本通知书", "本收费决定"),
        KindSpec(NoticeKind.ANSWER, "答复书", _ANSWER_TITLE, "本答复书", "本答复"),
        KindSpec(NoticeKind.NO_CORRECTION, "逾期未补正告知书", _CLOSING_TITLE, "本告知书", "本处理决定"),
        KindSpec(NoticeKind.FEE_UNPAID, "逾期未缴费告知书", _CLOSING_TITLE, "本告知书", "本处理决定"),
    )
}

KIND_LABELS: dict[NoticeKind, str] = {k: s.label for k, s in KINDS.items()}
