"""The kinds of answer of 条例第三十六条 (and 第三十条、三十五条、三十七至三十九条), and the section 三 row
each is counted in.

An office answers a request in one of these kinds; the annual report counts it in one outcome row of
section 三. Most kinds have exactly one row. Where the law or the national format leaves room, the kind
names the row it defaults to, the other rows an office may choose, and a line of guidance (shown by
`gongkai register outcomes` and in docs/register.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.format.spec import REQUESTS_2021


class AnswerKind(StrEnum):
    PROVIDED = "provided"  # 36(2) 予以公开，提供信息或告知获取的方式、途径和时间
    ALREADY_PUBLIC = "already_public"  # 36(1) 已经主动公开，告知获取的方式、途径
    PARTIAL = "partial"  # 37 部分公开（区分处理）
    WITHHELD = "withheld"  # 36(3) 不予公开并说明理由（第十四、十五、十六条）
    NOT_EXIST = "not_exist"  # 36(4) 经检索没有所申请公开信息
    NOT_OURS = "not_ours"  # 36(5) 不属于本机关负责公开
    NEEDS_CREATION = "needs_creation"  # 38 需要另行制作（加工、分析）
    STILL_UNCLEAR = "still_unclear"  # 30 补正后申请内容仍不明确
    DUPLICATE = "duplicate"  # 36(6) 重复申请
    SPECIAL_PROCEDURE = "special_procedure"  # 36(7) 工商、不动产登记资料等依特别规定办理
    PETITION = "petition"  # 39(1) 信访、投诉、举报等
    PUBLICATION = "publication"  # 39 第二款 要求提供公开出版物
    EXCESSIVE = "excessive"  # 35 无正当理由大量、频繁申请
    CONFIRMATION = "confirmation"  # 2, 38 要求确认或重新出具已获取的信息 (no article of its own)


@dataclass(frozen=True)
class AnswerRule:
    kind: AnswerKind
    label: str  # what the clerk picks, in Chinese
    basis: str  # the article the answer rests on
    row: str  # the section 三 row it is counted in by default
    also: tuple[str, ...] = ()  # other rows an office may choose, where practice differs
    guidance: str = ""


_W = tuple(r.key for r in REQUESTS_2021.rows if r.key.startswith("withheld."))

RULES: tuple[AnswerRule, ...] = (
    AnswerRule(AnswerKind.PROVIDED, "予以公开", "第三十六条第（二）项", "granted"),
    AnswerRule(
        AnswerKind.ALREADY_PUBLIC,
        "已主动公开，告知获取方式和途径",
        "第三十六条第（一）项",
        "granted",
        guidance="信息已经公开，申请人得到了所申请的信息，计入“予以公开”。",
    ),
    AnswerRule(AnswerKind.PARTIAL, "部分公开", "第三十七条", "partially_granted"),
    AnswerRule(
        AnswerKind.WITHHELD,
        "不予公开",
        "第三十六条第（三）项",
        _W[0],
        _W[1:],
        guidance="按不予公开的理由选择第三部分（三）的一行：国家秘密、法律行政法规禁止、三安全一稳定（第十四条），"
        "第三方合法权益（第十五条），内部事务、过程性信息、行政执法案卷（第十六条），行政查询事项。",
    ),
    AnswerRule(
        AnswerKind.NOT_EXIST,
        "信息不存在",
        "第三十六条第（四）项",
        "unavailable.not_held",
        guidance="经检索没有所申请的信息，计入“本机关不掌握相关政府信息”。",
    ),
    AnswerRule(
        AnswerKind.NOT_OURS,
        "不属于本机关负责公开",
        "第三十六条第（五）项",
        "unavailable.not_held",
        guidance="2021年格式已把“不属于本机关负责公开”并入“本机关不掌握相关政府信息”；能确定负责机关的，"
        "答复书应告知其名称和联系方式。",
    ),
    AnswerRule(
        AnswerKind.NEEDS_CREATION, "没有现成信息，需要另行制作", "第三十八条", "unavailable.needs_creation"
    ),
    AnswerRule(
        AnswerKind.STILL_UNCLEAR,
        "补正后申请内容仍不明确",
        "第三十条",
        "unavailable.still_unclear",
        guidance="只能在申请人补正之后作出；未补正的应登记“逾期未补正”。",
    ),
    AnswerRule(
        AnswerKind.DUPLICATE,
        "重复申请，不予重复处理",
        "第三十六条第（六）项",
        "not_handled.duplicate",
        guidance="已就相同信息作出答复、申请人再次申请的，计入“重复申请”。",
    ),
    AnswerRule(
        AnswerKind.SPECIAL_PROCEDURE,
        "依有关法律、行政法规的特别规定办理",
        "第三十六条第（七）项",
        "other.other",
        ("withheld.prohibited_by_law",),
        guidance="工商、不动产登记资料等有专门查询程序的，本系统默认计入“其他处理·其他”；"
        "本地主管部门要求计入“其他法律行政法规禁止公开”的，可改选该行，全年应保持一致。",
    ),
    AnswerRule(AnswerKind.PETITION, "信访、举报、投诉类申请", "第三十九条第一款", "not_handled.petition"),
    AnswerRule(AnswerKind.PUBLICATION, "要求提供公开出版物", "第三十九条第二款", "not_handled.publication"),
    AnswerRule(
        AnswerKind.EXCESSIVE,
        "无正当理由大量、频繁申请，不予处理",
        "第三十五条",
        "not_handled.excessive",
        guidance="须先要求申请人说明理由；认为理由不合理的，告知不予处理。",
    ),
    AnswerRule(
        AnswerKind.CONFIRMATION,
        "要求确认或重新出具已获取的信息",
        "第三十八条",
        "not_handled.confirmation",
        guidance="条例没有专条；申请确认已获取信息的真伪或要求重新出具，不属于提供已制作或获取的政府信息"
        "（第二条、第三十八条），告知不作为政府信息公开申请处理。",
    ),
)

BY_KIND: dict[AnswerKind, AnswerRule] = {r.kind: r for r in RULES}


def kinds_for_row(row: str) -> tuple[AnswerKind, ...]:
    """The answer kinds an outcome row may come from (for `gongkai register outcomes`)."""
    return tuple(r.kind for r in RULES if row == r.row or row in r.also)


def rows_of(kind: AnswerKind) -> tuple[str, ...]:
    rule = BY_KIND[kind]
    return (rule.row, *rule.also)
