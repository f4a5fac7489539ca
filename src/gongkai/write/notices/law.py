"""The legal facts several notices share, as data: the elements of an application (条例第二十九条), the
date of receipt by channel (第三十一条), the reasons for withholding (第十四、十五、十六条) and which
remedy an answer states. The prose of each document is in its template; this module holds the pieces a
template looks up by key, so one article is written down once.

Quotations are of the 《中华人民共和国政府信息公开条例》 as revised in 2019.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.format.spec import REQUESTS_2021
from gongkai.register.answers import AnswerKind
from gongkai.register.types import Channel

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class Element(StrEnum):
    """The contents an application must have (第二十九条第二款), one per item of a 补正告知书."""

    NAME = "name"
    IDENTITY = "identity"
    CONTACT = "contact"
    DESCRIPTION = "description"
    FORM = "form"


@dataclass(frozen=True)
class ElementRule:
    label: str  # the element as the article names it
    item: str  # the item of 第二十九条第二款
    default_detail: str  # what the notice says when the clerk adds nothing


ELEMENTS: dict[Element, ElementRule] = {
    Element.NAME: ElementRule(
        "申请人的姓名或者名称", "第（一）项", "申请中未写明申请人的姓名（公民）或者名称（法人或者其他组织）"
    ),
    Element.IDENTITY: ElementRule(
        "申请人的身份证明",
        "第（一）项",
        "申请中未提供申请人的身份证明，公民请提供居民身份证等有效身份证件，法人或者其他组织请提供"
        "统一社会信用代码证书等证明材料",
    ),
    Element.CONTACT: ElementRule(
        "申请人的联系方式", "第（一）项", "申请中未写明有效的联系方式，请提供联系电话、通信地址或者电子邮箱"
    ),
    Element.DESCRIPTION: ElementRule(
        "申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述",
        "第（二）项",
        "申请公开的政府信息描述不明确，本机关无法据以确定所申请的政府信息，请写明信息的名称、文号，"
        "或者制作机关、制作时间、所涉事项等便于查询的特征性描述",
    ),
    Element.FORM: ElementRule(
        "申请公开的政府信息的形式要求，包括获取信息的方式、途径",
        "第（三）项",
        "申请中未写明获取信息的方式（如纸质文本、电子文档）和途径（如邮寄、电子邮件、当面领取）",
    ),
}

#: What a clerk may type for an element: its code or one of these Chinese names.
ELEMENT_LABELS: dict[Element, str] = {
    Element.NAME: "姓名或名称",
    Element.IDENTITY: "身份证明",
    Element.CONTACT: "联系方式",
    Element.DESCRIPTION: "信息描述",
    Element.FORM: "形式要求",
}


@dataclass(frozen=True)
class ReceiptRule:
    how: str  # how the application came: "以邮寄方式"
    item: str  # the item of 第三十一条
    rule: str  # the date of receipt the item fixes


RECEIPT_RULES: dict[Channel, ReceiptRule] = {
    Channel.IN_PERSON: ReceiptRule("当面", "第（一）项", "当面提交的，以提交之日为收到申请之日"),
    Channel.POST: ReceiptRule(
        "以邮寄方式", "第（二）项", "以邮寄方式提交的，以行政机关签收之日为收到申请之日"
    ),
    Channel.ORDINARY_MAIL: ReceiptRule(
        "以平常信函方式",
        "第（二）项",
        "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日",
    ),
    Channel.ONLINE: ReceiptRule(
        "通过互联网渠道", "第（三）项", "通过互联网渠道提交的，以双方确认之日为收到申请之日"
    ),
    Channel.FAX: ReceiptRule(
        "通过传真", "第（三）项", "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日"
    ),
}

_ART14 = (
    "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、"
    "公共安全、经济安全、社会稳定的政府信息，不予公开。"
)
_ART16_2 = (
    "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法"
    "案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。"
)


@dataclass(frozen=True)
class WithheldReason:
    """One reason for withholding: a row withheld.* of the 2021 format's section 三."""

    row: str
    article: str  # the article the finding rests on; "" where the 条例 names none
    finding: str  # completes "您申请获取的政府信息……"
    quote: str  # the article's text, quoted in the answer


WITHHELD_REASONS: dict[str, WithheldReason] = {
    r.row: r
    for r in (
        WithheldReason("withheld.state_secret", "第十四条", "属于依法确定为国家秘密的政府信息", _ART14),
        WithheldReason(
            "withheld.prohibited_by_law", "第十四条", "属于法律、行政法规禁止公开的政府信息", _ART14
        ),
        WithheldReason(
            "withheld.security_stability",
            "第十四条",
            "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
            _ART14,
        ),
        WithheldReason(
            "withheld.third_party_rights",
            "第十五条",
            "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，"
            "第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。",
        ),
        WithheldReason(
            "withheld.internal_affairs",
            "第十六条第一款",
            "属于行政机关的内部事务信息",
            "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。",
        ),
        WithheldReason(
            "withheld.process_information",
            "第十六条第二款",
            "属于行政机关在履行行政管理职能过程中形成的过程性信息",
            _ART16_2,
        ),
        WithheldReason("withheld.enforcement_files", "第十六条第二款", "属于行政执法案卷信息", _ART16_2),
        # The 条例 names no article for 行政查询事项 (a row the 2021 format added): the answer rests on
        # 第三十六条第（三）项 alone and tells where the query is made.
        WithheldReason("withheld.inquiry_matters", "", "属于行政查询事项，应当通过相应的查询程序办理", ""),
    )
}

#: The Chinese labels of the reasons, from the format (e.g. "属于国家秘密"), which a clerk may type.
WITHHELD_LABELS: dict[str, str] = {
    r.key: r.label.split(".", 1)[-1] for r in REQUESTS_2021.rows if r.key.startswith("withheld.")
}


class Remedy(StrEnum):
    """What the closing paragraph tells the applicant about 行政复议 and 行政诉讼."""

    EITHER = "either"  # 复议 within 60 days (复议法第二十条) or 诉讼 within 6 months (诉讼法第四十六条)
    # 行政复议法（2023年修订）第二十三条第一款第（四）项: where disclosure is refused, 复议 comes first;
    # then 诉讼 within 15 days of the 复议 decision (诉讼法第四十五条).
    RECONSIDERATION_FIRST = "reconsideration_first"


#: Answers that refuse disclosure in whole or in part, for which 复议 is a precondition of 诉讼.
RECONSIDERATION_FIRST: frozenset[AnswerKind] = frozenset({AnswerKind.WITHHELD, AnswerKind.PARTIAL})


def remedy_for(kind: AnswerKind | None) -> Remedy:
    return Remedy.RECONSIDERATION_FIRST if kind in RECONSIDERATION_FIRST else Remedy.EITHER
