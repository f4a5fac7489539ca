"""Every choice a person makes in the register, accepted as its code or its Chinese label.

`APPLICANT_TYPES.parse("自然人") == APPLICANT_TYPES.parse("natural_person") == "natural_person"`; a value
that is neither raises an `InputError` listing the valid choices. Lists, exports and documents print
`label(code)`. The vocabularies derive from the format spec and the enums of `types`, never retyped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gongkai.errors import InputError
from gongkai.format.spec import APPEALS
from gongkai.org.model import BODY_KIND_LABELS, REGION_LEVEL_LABELS
from gongkai.register.answers import RULES as ANSWER_RULES
from gongkai.register.types import (
    APPLICANT_LABELS,
    APPLICANT_TYPES,
    CHANNEL_LABELS,
    DELIVERY_LABELS,
    EVENT_LABELS,
    FEE_METHOD_LABELS,
    ID_TYPE_LABELS,
    MEDIUM_LABELS,
    OUTCOME_GROUPS,
    OUTCOME_LABELS,
    PARTY_LABELS,
    STATE_LABELS,
)

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:\d+[.．、]|（[一二三四五六七八九十]+）)")
_WIDE = str.maketrans("（）", "()")


def _key(text: str) -> str:
    return _SPACE.sub("", str(text)).translate(_WIDE).lower()


@dataclass(frozen=True)
class Vocabulary:
    """One choice: its Chinese name, (code, label) pairs in order, and further accepted spellings."""

    name: str
    choices: tuple[tuple[str, str], ...]
    aliases: dict[str, str] = field(default_factory=dict)  # spelling -> code

    def __post_init__(self):
        index: dict[str, str] = {}
        for spelling, code in [*((c, c) for c, _ in self.choices), *((lab, c) for c, lab in self.choices)]:
            index.setdefault(_key(spelling), code)
        for spelling, code in self.aliases.items():
            index.setdefault(_key(spelling), code)
        object.__setattr__(self, "_index", index)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.choices)

    def parse(self, value: object) -> str:
        code = self._index.get(_key(getattr(value, "value", value)))
        if code is None:
            shown = str(value)[:40]
            raise InputError(
                f"{self.name}“{shown}”无效，应为：{self.describe()}", code="input.choice", field=self.name
            )
        return code

    def label(self, code: object) -> str:
        code = getattr(code, "value", code)
        return dict(self.choices).get(code, str(code) if code is not None else "")

    def describe(self) -> str:
        return "、".join(f"{label}（{code}）" for code, label in self.choices)


def _vocab(name: str, labels: dict, aliases: dict[str, object] | None = None) -> Vocabulary:
    choices = tuple((getattr(k, "value", k), v) for k, v in labels.items())
    return Vocabulary(name, choices, {a: getattr(c, "value", c) for a, c in (aliases or {}).items()})


def _outcome_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, label in OUTCOME_LABELS.items():
        bare = _NUMBERING.sub("", label)
        short = re.sub(r"（.*?）", "", bare)
        group = _NUMBERING.sub("", OUTCOME_GROUPS[code])
        for spelling in (bare, short, f"{group}{bare}", f"{group}·{bare}", f"{OUTCOME_GROUPS[code]}{label}"):
            out.setdefault(spelling, code)
    out.update({"逾期不补正": "other.no_correction", "逾期未缴费": "other.fee_unpaid", "撤回": "other.other"})
    return out


def _answer_aliases() -> dict[str, str]:
    """The basis (第三十六条第（四）项, 36(4)), short names, and the label of the row an answer kind alone
    leads to (重复申请 → duplicate)."""
    from gongkai.register.answers import kinds_for_row

    out = {
        "另行制作": "needs_creation",
        "不存在": "not_exist",
        "不属于本机关": "not_ours",
        "特别规定": "special_procedure",
        "信访": "petition",
        "出版物": "publication",
        "大量频繁": "excessive",
        "确认或重新出具": "confirmation",
        "仍不明确": "still_unclear",
    }
    for row, label in OUTCOME_LABELS.items():
        kinds = kinds_for_row(row)
        if len(kinds) == 1:
            bare = _NUMBERING.sub("", label)
            out.setdefault(bare, kinds[0].value)
            out.setdefault(re.sub(r"（.*?）", "", bare), kinds[0].value)
    for r in ANSWER_RULES:
        m = re.match(r"第(.+)条(?:第[（(](.+)[）)]项)?", r.basis)
        out[r.basis] = r.kind.value
        if m and m.group(2):
            out[f"{_cn_number(m.group(1))}({_cn_number(m.group(2))})"] = r.kind.value
    return out


def _cn_number(text: str) -> int:
    digits = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
    if text.startswith("十"):
        text = "一" + text
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits[tens] * 10 + (digits[ones] if ones else 0)
    return digits[text]


APPLICANTS = _vocab(
    "申请人类型",
    {k: APPLICANT_LABELS[k] for k in APPLICANT_TYPES},
    {
        "其他组织": "other_org",
        "其他法人或其他组织": "other_org",
        "个人": "natural_person",
        "公民": "natural_person",
    },
)
CHANNELS = _vocab(
    "申请渠道",
    CHANNEL_LABELS,
    {
        "当面提交": "in_person",
        "现场": "in_person",
        "信函": "post",
        "邮政": "post",
        "互联网": "online",
        "网上": "online",
        "在线": "online",
        "网站": "online",
        "电子邮件": "online",
    },
)
EVENT_TYPES = _vocab(
    "事件类型",
    EVENT_LABELS,
    {
        "补正告知": "correction_requested",
        "补正通知": "correction_requested",
        "征求意见": "consultation_sent",
        "征求意见答复": "consultation_replied",
        "延期": "extended",
        "延期答复": "extended",
        "收费通知": "fee_notified",
        "缴费": "fee_paid",
        "答复": "answered",
        "撤回": "withdrawn",
        "说明理由": "explanation_requested",
        "延迟答复": "deferred",
    },
)
OUTCOME_ROWS = _vocab("办理结果", OUTCOME_LABELS, _outcome_aliases())
ANSWER_KINDS = _vocab("答复类型", {r.kind: r.label for r in ANSWER_RULES}, _answer_aliases())
STATES = _vocab("状态", STATE_LABELS)
PARTIES = _vocab(
    "征求意见对象", PARTY_LABELS, {"其他行政机关": "body", "机关": "body", "第三人": "third_party"}
)
FEE_METHODS = _vocab("收费方式", FEE_METHOD_LABELS, {"按件": "count", "按量": "pages", "按页": "pages"})
ID_TYPES = _vocab("证件类型", ID_TYPE_LABELS, {"身份证": "resident_id", "信用代码": "credit_code"})
MEDIA = _vocab(
    "获取方式",
    MEDIUM_LABELS,
    {"纸质": "paper", "纸本": "paper", "电子": "electronic", "电子文本": "electronic"},
)
DELIVERIES = _vocab(
    "获取途径",
    DELIVERY_LABELS,
    {"邮件": "email", "自行领取": "pickup", "现场领取": "pickup", "网上": "online"},
)
APPEAL_KINDS = Vocabulary(
    "案件类型",
    tuple((r.key, f"{r.group or ''}{'·' if r.group else ''}{r.label}") for r in APPEALS.rows),
    {
        "复议": "reconsideration",
        "直接起诉": "litigation_direct",
        "行政诉讼": "litigation_direct",
        **{r.label: r.key for r in APPEALS.rows},
    },
)
APPEAL_RESULTS = Vocabulary(
    "审理结果",
    tuple((c.key, c.label) for c in APPEALS.columns if c.key in ("upheld", "corrected", "other")),
    {"维持": "upheld", "纠正": "corrected", "其他": "other", "撤销": "corrected", "确认违法": "corrected"},
)
DOCUMENT_KINDS = _vocab(
    "文件类型",
    {"regulations": "规章", "normative_documents": "行政规范性文件"},
    {"规范性文件": "normative_documents"},
)
APPLICATION_ELEMENTS = _vocab(
    "申请要素",
    {
        "name": "申请人的姓名或者名称",
        "identity": "身份证明",
        "contact": "联系方式",
        "description": "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述",
        "form": "对申请公开政府信息的形式要求（获取信息的方式、途径）",
    },
    {
        "姓名": "name",
        "名称": "name",
        "身份": "identity",
        "证件": "identity",
        "联系": "contact",
        "内容": "description",
        "描述": "description",
        "形式": "form",
        "获取方式": "form",
    },
)

BODY_KINDS = _vocab(
    "机关类型",
    BODY_KIND_LABELS,
    {"政府": "government", "部门": "department", "乡镇": "township", "街道": "township"},
)
REGION_LEVELS = _vocab("地区级别", REGION_LEVEL_LABELS, {"县": "county", "区": "county", "县区": "county"})


def _categories() -> Vocabulary:
    from gongkai.proactive import CATEGORY_LABELS

    return _vocab("信息类别", CATEGORY_LABELS, {"规范性文件": "normative_documents", "政策文件": "policy"})


PUBLICATION_CATEGORIES = _categories()

#: Chinese names of event fields, for messages and forms.
FIELD_LABELS = {
    "days": "天数",
    "pages": "页数",
    "ordinal": "当月申请序号",
    "served": "送达日期",
    "notified": "告知申请人日期",
    "until": "延迟答复期限",
    "amount": "金额",
    "approved_by": "批准人",
    "party": "征求意见对象",
    "party_name": "征求意见对象名称",
    "method": "收费方式",
    "outcome": "办理结果",
    "kind": "答复类型",
    "reason": "理由",
    "note": "备注",
    "missing": "需补正的内容",
    "signed_by": "签发人",
}


def labels(vocabulary: Vocabulary, codes: Iterable[str]) -> list[str]:
    return [vocabulary.label(c) for c in codes]
