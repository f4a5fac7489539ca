"""Inputs of sections 二 and 四: documents, yearly decision counts, and appeal cases.

Section 二 (2021 format) counts 规章 and 行政规范性文件 from their issued and repealed dates, so
in_force(t) = in_force(t-1) + issued(t) - repealed(t) holds by construction; 行政许可, 行政处罚,
行政强制 and 行政事业性收费 are yearly figures the office enters. Section 四 counts the 行政复议 and
行政诉讼 cases about the body's disclosure work that were open at some time in the year: those filed in
it and those still pending when it began; a case not decided by the year's end counts as 尚未审结.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from gongkai.format.spec import ACTIVE_2021, APPEALS
from gongkai.model.values import Value
from gongkai.register.errors import RegisterError

_DOCUMENTS = next(t for t in ACTIVE_2021 if t.key == "active.20_1")
_DECISIONS = {t.key: t for t in ACTIVE_2021}


class DocumentKind(StrEnum):
    REGULATION = "regulations"  # 规章
    NORMATIVE = "normative_documents"  # 行政规范性文件


class AppealKind(StrEnum):
    RECONSIDERATION = "reconsideration"  # 行政复议
    LITIGATION_DIRECT = "litigation_direct"  # 未经复议直接起诉
    LITIGATION_AFTER = "litigation_after_reconsideration"  # 复议后起诉


class AppealResult(StrEnum):
    UPHELD = "upheld"  # 结果维持
    CORRECTED = "corrected"  # 结果纠正
    OTHER = "other"  # 其他结果


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    issued_on: date
    repealed_on: date | None = None
    title: str = ""
    number: str = ""  # 文号

    def __post_init__(self):
        object.__setattr__(self, "kind", _enum(DocumentKind, self.kind, f"文件“{self.title}”的类型"))
        if self.repealed_on and self.repealed_on < self.issued_on:
            raise RegisterError(
                f"文件“{self.title or self.number}”：废止日期{self.repealed_on}早于制发日期{self.issued_on}"
            )


@dataclass(frozen=True)
class YearlyCounts:
    """Figures entered per year; None where the office has not entered one (a blank is never a zero)."""

    year: int
    licensing: int | None = None
    penalties: int | None = None
    coercive_measures: int | None = None
    fees_amount: Decimal | None = None  # 万元

    def __post_init__(self):
        from gongkai.register.events import amount

        for name, label in COUNT_LABELS.items():
            v = getattr(self, name)
            if v is None or v == "":
                object.__setattr__(self, name, None)
                continue
            text = str(v).strip()
            if isinstance(v, bool) or not text.isdigit() or int(text) > 10_000_000:
                raise RegisterError(f"{self.year}年{label}应为0至10000000之间的整数，收到“{text[:40]}”")
            object.__setattr__(self, name, int(text))
        if self.fees_amount is not None and self.fees_amount != "":
            fee = amount(
                self.fees_amount, f"{self.year}年行政事业性收费金额（万元）", limit=Decimal(10**8), places=4
            )
            object.__setattr__(self, "fees_amount", fee)
        else:
            object.__setattr__(self, "fees_amount", None)


COUNT_LABELS = {
    "licensing": "行政许可处理决定数",
    "penalties": "行政处罚决定数",
    "coercive_measures": "行政强制决定数",
}


@dataclass(frozen=True)
class AppealCase:
    kind: AppealKind
    filed_on: date
    decided_on: date | None = None
    result: AppealResult | None = None
    case_no: str = ""

    def __post_init__(self):
        object.__setattr__(self, "kind", _enum(AppealKind, self.kind, f"案件{self.case_no}的类型"))
        if self.result is not None:
            object.__setattr__(self, "result", _enum(AppealResult, self.result, f"案件{self.case_no}的结果"))
        if (self.decided_on is None) != (self.result is None):
            raise RegisterError(f"案件{self.case_no}：审结日期与结果须同时填写或同时为空")
        if self.decided_on and self.decided_on < self.filed_on:
            raise RegisterError(f"案件{self.case_no}：审结日期{self.decided_on}早于立案日期{self.filed_on}")


def _enum(cls, value, what: str):
    try:
        return cls(value)
    except ValueError as e:
        raise RegisterError(f"{what}“{value}”无效，应为 {', '.join(m.value for m in cls)} 之一") from e


def document_cells(documents: Iterable[Document] | None, year: int) -> dict[str, Value]:
    """active.{regulations,normative_documents}.{issued,repealed,in_force}; None when no records are kept."""
    if documents is None:
        return {}
    end = date(year, 12, 31)
    cells: dict[str, Value] = dict.fromkeys(_DOCUMENTS.ids, 0)
    for d in documents:
        row = d.kind.value
        if d.issued_on.year == year:
            cells[_DOCUMENTS.cell_id(row, "issued")] += 1
        if d.repealed_on and d.repealed_on.year == year:
            cells[_DOCUMENTS.cell_id(row, "repealed")] += 1
        if d.issued_on <= end and (d.repealed_on is None or d.repealed_on > end):
            cells[_DOCUMENTS.cell_id(row, "in_force")] += 1
    return cells


def count_cells(counts: YearlyCounts | None) -> dict[str, Value]:
    if counts is None:
        return {}
    return {
        _DECISIONS["active.20_5"].cell_id("licensing", "decisions"): counts.licensing,
        _DECISIONS["active.20_6"].cell_id("penalties", "decisions"): counts.penalties,
        _DECISIONS["active.20_6"].cell_id("coercive_measures", "decisions"): counts.coercive_measures,
        _DECISIONS["active.20_8"].cell_id("fees", "amount"): counts.fees_amount,
    }


def appeal_cells(cases: Iterable[AppealCase] | None, year: int) -> dict[str, Value]:
    """appeals.<group>.<column> for the cases open at some time in the year; None when none are kept."""
    if cases is None:
        return {}
    start, end = date(year, 1, 1), date(year, 12, 31)
    cells: dict[str, Value] = dict.fromkeys(APPEALS.ids, 0)
    for c in cases:
        if c.filed_on > end or (c.decided_on is not None and c.decided_on < start):
            continue
        col = c.result.value if c.decided_on is not None and c.decided_on <= end else "pending"
        cells[APPEALS.cell_id(c.kind.value, col)] += 1
        cells[APPEALS.cell_id(c.kind.value, "total")] += 1
    return cells
