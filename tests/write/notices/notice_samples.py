"""Sample notices with distinct values in every field, one per kind and one per answer variant, each with
the phrases its document must contain: the values filled in and the legal basis and remedies it states."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from gongkai.org.model import BodyProfile
from gongkai.register.answers import AnswerKind
from gongkai.write.notices import (
    AnswerDetails,
    ConsultationDetails,
    CorrectionDetails,
    CorrectionItem,
    ExtensionDetails,
    FeeDetails,
    LapseDetails,
    Notice,
    NoticeBody,
    NoticeKind,
    NoticeParty,
    NoticeRequest,
    ReceiptDetails,
)

BODY = NoticeBody(
    "江苏省某某市某某区生态环境局",
    BodyProfile(
        office_name="区生态环境局法规科",
        address="某某市某某区人民路88号",
        postcode="214105",
        phone="0510-83571234",
        fax="0510-83575678",
        email="gk@hbj.example.gov.cn",
        hours="工作日8:30—17:00",
        doc_prefix="某环公开",
        reconsideration_body="某某市某某区人民政府",
        court="某某市某某区人民法院",
    ),
)
REQUEST = NoticeRequest(
    case_no="2025-017",
    received_on=date(2025, 3, 4),
    content="2024年度某某化工有限公司环境影响评价批复文件",
    channel="post",
    due_on=date(2025, 4, 1),
)
APPLICANT = NoticeParty("张三丰")
ISSUED = date(2025, 3, 12)
NUMBER = 37

REMEDY_COMMON = (
    "60日内",
    "《中华人民共和国行政复议法》第二十条",
    "某某市某某区人民政府申请行政复议",
    "某某市某某区人民法院",
)
REMEDY_EITHER = (*REMEDY_COMMON, "6个月内", "《中华人民共和国行政诉讼法》第四十六条")
REMEDY_FIRST = (*REMEDY_COMMON, "第二十三条第一款第（四）项", "应当先申请行政复议", "15日内", "第四十五条")


@dataclass(frozen=True)
class Case:
    id: str
    kind: NoticeKind
    notice: Notice
    expected: tuple[str, ...]  # phrases the document must contain
    absent: tuple[str, ...] = ()  # phrases it must not


def _notice(details, **changes) -> Notice:
    return replace(Notice(BODY, REQUEST, NUMBER, ISSUED, APPLICANT, details), **changes)


def _answer(kind: AnswerKind, expected: tuple[str, ...], remedy=REMEDY_EITHER, **fields) -> Case:
    absent = () if remedy is REMEDY_FIRST else ("应当先申请行政复议",)
    return Case(
        f"answer-{kind}",
        NoticeKind.ANSWER,
        _notice(AnswerDetails(kind, **fields)),
        (*expected, *remedy),
        absent,
    )


ANSWER_CASES: dict[AnswerKind, Case] = {
    c.notice.details.kind: c
    for c in (
        _answer(
            AnswerKind.PROVIDED,
            ("第三十六条第（二）项", "予以公开", "以电子邮件发送至zhang@example.com，共6页"),
            provision="以电子邮件发送至zhang@example.com，共6页",
        ),
        _answer(
            AnswerKind.ALREADY_PUBLIC,
            ("第三十六条第（一）项", "已经主动公开", "本局门户网站“环评审批”栏目（hbj.example.gov.cn/hp）"),
            provision="本局门户网站“环评审批”栏目（hbj.example.gov.cn/hp）",
        ),
        _answer(
            AnswerKind.PARTIAL,
            ("第三十七条", "第十五条", "附件3所列企业工艺参数", "作区分处理", "随本答复书提供其余9页"),
            remedy=REMEDY_FIRST,
            reason="保护第三方合法权益",
            withheld_part="附件3所列企业工艺参数",
            provision="随本答复书提供其余9页",
        ),
        _answer(
            AnswerKind.WITHHELD,
            (
                "第十四条",
                "第三十六条第（三）项",
                "属于依法确定为国家秘密的政府信息",
                "市保密局2024年确定为秘密级",
                "决定不予公开",
            ),
            remedy=REMEDY_FIRST,
            reason="withheld.state_secret",
            explanation="该文件经市保密局2024年确定为秘密级",
        ),
        _answer(
            AnswerKind.NOT_EXIST,
            ("第三十六条第（四）项", "政府信息不存在", "检索了2019年至2024年的收文和发文登记"),
            explanation="检索了2019年至2024年的收文和发文登记",
        ),
        _answer(
            AnswerKind.NOT_OURS,
            ("第三十六条第（五）项", "不属于本机关负责公开", "某某市某某区自然资源和规划局", "0510-86669999"),
            responsible_body="某某市某某区自然资源和规划局",
            responsible_contact="0510-86669999",
        ),
        _answer(
            AnswerKind.NEEDS_CREATION,
            ("第三十八条", "加工、分析", "需汇总全区412家企业的监测数据"),
            explanation="需汇总全区412家企业的监测数据",
        ),
        _answer(
            AnswerKind.STILL_UNCLEAR,
            ("第三十条", "补正后的申请内容仍不明确", "2025年3月9日", "仍未写明项目名称"),
            corrected_on=date(2025, 3, 9),
            explanation="仍未写明项目名称",
        ),
        _answer(
            AnswerKind.DUPLICATE,
            ("第三十六条第（六）项", "不予重复处理", "2025年1月20日", "某环公开〔2025〕4号"),
            previous_answered_on=date(2025, 1, 20),
            previous_doc_no="某环公开〔2025〕4号",
        ),
        _answer(
            AnswerKind.SPECIAL_PROCEDURE,
            ("第三十六条第（七）项", "特别规定", "向某某市不动产登记中心申请查询", "不动产登记资料"),
            explanation="属于不动产登记资料",
            provision="依照《不动产登记资料查询暂行办法》的规定，向某某市不动产登记中心申请查询",
        ),
        _answer(
            AnswerKind.PETITION,
            ("第三十九条第一款", "不作为政府信息公开申请处理", "通过12345热线反映"),
            provision="通过12345热线反映",
        ),
        _answer(
            AnswerKind.PUBLICATION,
            ("第三十九条第二款", "公开出版物", "《某某区年鉴2024》由某某出版社出版"),
            provision="《某某区年鉴2024》由某某出版社出版",
        ),
        _answer(
            AnswerKind.EXCESSIVE,
            ("第三十五条", "不予处理", "2025年3月7日", "您未在10个工作日内说明理由"),
            asked_on=date(2025, 3, 7),
            explanation="您未在10个工作日内说明理由",
        ),
        _answer(
            AnswerKind.CONFIRMATION,
            ("第二条、第三十八条", "确认或者重新出具", "加盖公章确认2023年的复印件"),
            explanation="加盖公章确认2023年的复印件",
        ),
    )
}

OTHER_CASES: tuple[Case, ...] = (
    Case(
        "receipt",
        NoticeKind.RECEIPT,
        _notice(ReceiptDetails(submitted_on=date(2025, 3, 1))),
        (
            "2025年3月1日以邮寄方式提交",
            "第三十一条第（二）项",
            "以行政机关签收之日为收到申请之日",
            "2025年3月4日",
            "20个工作日内",
            "答复期限至2025年4月1日届满",
            "第三十条",
        ),
        ("行政复议",),
    ),
    Case(
        "correction",
        NoticeKind.CORRECTION,
        _notice(
            CorrectionDetails(
                (CorrectionItem("identity"), CorrectionItem("信息描述", "请写明环评批复的项目名称或者文号")),
                period_days=15,
                guidance="可参照本局网站公布的申请表样式填写",
            )
        ),
        (
            "第二十九条第二款第（一）项",
            "申请人的身份证明",
            "第二十九条第二款第（二）项",
            "请写明环评批复的项目名称或者文号",
            "（一）",
            "（二）",
            "可参照本局网站公布的申请表样式填写",
            "15个工作日内",
            "视为放弃申请",
            "自本机关收到补正的申请之日起计算",
            "第三十条",
        ),
        ("行政复议",),
    ),
    Case(
        "consult_third_party",
        NoticeKind.CONSULT_THIRD_PARTY,
        _notice(
            ConsultationDetails(
                NoticeParty("某某化工有限公司", organisation=True),
                information="该公司2024年环评报告书第5章",
                concern="载有贵单位的生产工艺参数",
            )
        ),
        (
            "第三十二条",
            "15个工作日内",
            "该公司2024年环评报告书第5章",
            "载有贵单位的生产工艺参数",
            "决定是否公开",
            "第十五条",
        ),
        ("行政复议", "张三丰", "视为同意公开"),
    ),
    Case(
        "consult_body",
        NoticeKind.CONSULT_BODY,
        _notice(
            ConsultationDetails(
                NoticeParty("某某市某某区发展和改革局"), concern="联合印发的某环发〔2024〕9号文"
            )
        ),
        ("第三十四条", "15个工作日内", "视为同意公开", "联合印发的某环发〔2024〕9号文", "贵单位", "共同制作"),
        ("行政复议", "张三丰"),
    ),
    Case(
        "extension",
        NoticeKind.EXTENSION,
        _notice(
            ExtensionDetails(
                days=13,
                due_on=date(2025, 4, 18),
                reason="所涉档案存放于异地库房、需调档核查",
                approved_by="李四",
            )
        ),
        (
            "第三十三条第二款",
            "政府信息公开工作机构负责人同意",
            "延长13个工作日",
            "2025年4月18日",
            "需调档核查",
            "2025年4月1日",
        ),
        ("行政复议", "李四"),
    ),
    Case(
        "fee-pages",
        NoticeKind.FEE,
        _notice(FeeDetails("按量计收", amount=1700, payment="通过某某市非税收入缴款码缴纳", pages=150)),
        (
            "国办函〔2020〕109号",
            "第五条",
            "按量计收",
            "共150页",
            "第31—100页，每页10元，共70页，计700元",
            "第101—150页，每页20元，共50页，计1000元",
            "合计1700元",
            "20个工作日内",
            "视为放弃申请",
            "通过某某市非税收入缴款码缴纳",
            *REMEDY_EITHER,
        ),
    ),
    Case(
        "fee-count",
        NoticeKind.FEE,
        _notice(
            FeeDetails(
                "count",
                amount=250,
                payment="转账至某某区财政局非税专户",
                ordinal=29,
                items=3,
                adjustment="经申请人申请，本机关依法减收150元",
            )
        ),
        (
            "第四条",
            "按件计收",
            "计为3件",
            "2025年3月",
            "第29至31件",
            "第29—30件，每件100元，共2件，计200元",
            "第31件，每件200元，共1件，计200元",
            "合计400元",
            "本机关依法减收150元，实际收取250元",
            "缴纳信息处理费250元",
            *REMEDY_EITHER,
        ),
    ),
    Case(
        "no_correction",
        NoticeKind.NO_CORRECTION,
        _notice(
            LapseDetails(
                notice_on=date(2025, 3, 6), deadline=date(2025, 3, 27), notice_no="某环公开〔2025〕21号"
            ),
            issued_on=date(2025, 3, 31),
        ),
        (
            "第三十条",
            "2025年3月6日",
            "某环公开〔2025〕21号",
            "2025年3月27日",
            "视为放弃申请",
            "不再处理",
            *REMEDY_EITHER,
        ),
    ),
    Case(
        "fee_unpaid",
        NoticeKind.FEE_UNPAID,
        _notice(
            LapseDetails(
                notice_on=date(2025, 3, 10),
                deadline=date(2025, 4, 9),
                notice_no="某环公开〔2025〕30号",
                amount="300",
            ),
            issued_on=date(2025, 4, 10),
        ),
        (
            "国办函〔2020〕109号",
            "2025年3月10日",
            "某环公开〔2025〕30号",
            "信息处理费300元",
            "2025年4月9日",
            "视为放弃申请",
            *REMEDY_EITHER,
        ),
    ),
)

CASES: tuple[Case, ...] = (*OTHER_CASES, *ANSWER_CASES.values())


def addressee(case: Case) -> str:
    details = case.notice.details
    return (
        details.party.name
        if case.kind in (NoticeKind.CONSULT_THIRD_PARTY, NoticeKind.CONSULT_BODY)
        else APPLICANT.name
    )
