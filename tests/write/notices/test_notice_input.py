"""Bad or missing input is one Chinese line naming the document, the case and the field; never a traceback
and never a half-filled document."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notice_samples import ANSWER_CASES, BODY, CASES, REQUEST

from gongkai.errors import InputError, LimitExceeded
from gongkai.org.model import BodyProfile
from gongkai.register.answers import AnswerKind
from gongkai.write.notices import (
    KINDS,
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
    compose,
    notice_text,
    render_notice,
)

CASE = {c.id: c for c in CASES}


def _with(case_id: str, **changes) -> Notice:
    return replace(CASE[case_id].notice, **changes)


def _refused(kind, notice, *words):
    for make in (notice_text, render_notice):
        with pytest.raises(InputError) as e:
            make(kind, notice)
        message = str(e.value)
        assert "\n" not in message
        for word in words:
            assert word in message, (word, message)
    return e.value


def test_a_receipt_without_its_due_date_names_the_field():
    error = _refused(NoticeKind.RECEIPT, _with("receipt", request=replace(REQUEST, due_on=None)), "答复期限")
    assert str(error).startswith("政府信息公开申请登记回执（登记编号2025-017）：")
    assert error.code == "notice.missing" and error.context["field"] == "request.due_on"


def test_the_body_needs_a_document_number_prefix_and_a_way_to_be_reached():
    _refused(
        NoticeKind.RECEIPT,
        _with("receipt", body=NoticeBody(BODY.name, replace(BODY.profile, doc_prefix=""))),
        "文号前缀",
    )
    unreachable = NoticeBody(BODY.name, replace(BODY.profile, address="", phone="", email=""))
    _refused(NoticeKind.RECEIPT, _with("receipt", body=unreachable), "联系方式", "至少填写一项")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: NoticeRequest("", date(2025, 3, 4), "某文件"), ("登记编号",)),
        (lambda: NoticeRequest("2025-1", "2025-03-04", "某文件"), ("收到申请日期", "应为日期")),
        (lambda: NoticeRequest("2025-1", date(2025, 3, 4), "  \n "), ("申请内容",)),
        (
            lambda: NoticeRequest("2025-1", date(2025, 3, 4), "某文件", channel="鸽子"),
            ("提交方式", "当面（in_person）"),
        ),
        (lambda: NoticeRequest("2025-1", date(2025, 3, 4), "某文件", due_on=date(2025, 3, 1)), ("答复期限",)),
        (lambda: NoticeParty(""), ("收件人名称",)),
        (lambda: NoticeBody(""), ("机关名称",)),
        (lambda: NoticeBody("某局", {"phone": "1"}), ("机关资料",)),
        (lambda: NoticeBody("某局", BodyProfile(phone="1\x07")), ("联系电话", "U+0007")),
        (lambda: replace(CASE["receipt"].notice, number=0), ("文号序号",)),
        (lambda: replace(CASE["receipt"].notice, number=2.5), ("文号序号", "整数")),
        (lambda: replace(CASE["receipt"].notice, issued_on=date(2025, 3, 3)), ("成文日期", "早于")),
        (lambda: ExtensionDetails(21, date(2025, 5, 6), "档案调取", "李四"), ("延长的工作日数", "1至20")),
        (lambda: ExtensionDetails(1.9, date(2025, 5, 6), "档案调取", "李四"), ("延长的工作日数", "整数")),
        (lambda: ExtensionDetails(10, date(2025, 5, 6), "档案调取", ""), ("批准延期的负责人",)),
        (lambda: ExtensionDetails(10, None, "档案调取", "李四"), ("延长后的答复期限",)),
        (lambda: CorrectionDetails(()), ("补正事项",)),
        (lambda: CorrectionDetails((CorrectionItem("身份证明"),)), ("补正期限",)),
        (lambda: CorrectionItem("照片"), ("补正事项", "身份证明（identity）")),
        (lambda: CorrectionDetails(("form",), period_days=0), ("补正期限",)),
        (lambda: FeeDetails("both", 100, "现金", ordinal=11), ("计收方式", "按件计收（count）")),
        (lambda: FeeDetails("count", 100, "现金", ordinal=11, pages=40), ("两种标准",)),
        (lambda: FeeDetails("pages", 100, "现金", pages=-5), ("页数",)),
        (lambda: FeeDetails("pages", "Infinity", "现金", pages=40), ("收费金额", "不是有效金额")),
        (lambda: FeeDetails("pages", -100, "现金", pages=40), ("收费金额",)),
        (lambda: FeeDetails("pages", "1.5万", "现金", pages=40), ("收费金额",)),
        (lambda: FeeDetails("pages", 100, "", pages=40), ("缴纳方式",)),
        (lambda: AnswerDetails("granted"), ("答复类型", "予以公开（provided）")),
        (lambda: AnswerDetails(AnswerKind.WITHHELD), ("不予公开的理由",)),
        (
            lambda: AnswerDetails("不予公开", reason="太敏感"),
            ("不予公开的理由", "属于国家秘密（withheld.state_secret）"),
        ),
        (lambda: AnswerDetails(AnswerKind.PROVIDED, reason="属于国家秘密", provision="邮寄"), ("只适用于",)),
        (
            lambda: AnswerDetails(AnswerKind.PARTIAL, reason="属于国家秘密", provision="邮寄"),
            ("不予公开的部分",),
        ),
        (lambda: AnswerDetails(AnswerKind.DUPLICATE), ("前次答复日期",)),
        (lambda: AnswerDetails(AnswerKind.SPECIAL_PROCEDURE), ("依特别规定办理的途径",)),
        (lambda: AnswerDetails(AnswerKind.EXCESSIVE), ("要求说明理由的日期",)),
        (lambda: AnswerDetails(AnswerKind.STILL_UNCLEAR), ("收到补正日期",)),
        (lambda: LapseDetails(date(2025, 3, 10), date(2025, 3, 9)), ("期限届满日期",)),
        (lambda: AnswerDetails(AnswerKind.NOT_EXIST, explanation="查" * 2001), ("说明", "过长")),
        (lambda: NoticeRequest("2025-1", date(2025, 3, 4), "某\x00文件"), ("申请内容", "U+0000")),
        (lambda: NoticeParty("某\ud800公司"), ("收件人名称", "U+D800")),
        (lambda: NoticeParty("某公司", organisation="yes"), ("收件人是否为单位",)),
    ],
)
def test_bad_values_are_refused_on_construction(make, words):
    with pytest.raises(InputError) as e:
        make()
    assert "\n" not in str(e.value)
    for word in words:
        assert word in str(e.value), (word, str(e.value))


def test_an_overlong_field_is_a_limit():
    with pytest.raises(LimitExceeded):
        NoticeRequest("2025-1", date(2025, 3, 4), "某" * 5000)


@pytest.mark.parametrize(
    ("kind", "case_id", "changes", "words"),
    [
        (
            NoticeKind.FEE,
            "fee-pages",
            {"details": FeeDetails("pages", 1600, "缴款码", pages=150)},
            ("1700", "调整理由"),
        ),
        (NoticeKind.FEE, "fee-pages", {"details": FeeDetails("pages", 1800, "缴款码", pages=150)}, ("高于",)),
        (
            NoticeKind.FEE,
            "fee-pages",
            {"details": FeeDetails("pages", 0, "缴款码", pages=20)},
            ("无需发出收费通知",),
        ),
        (
            NoticeKind.FEE,
            "fee-count",
            {"details": FeeDetails("count", 0, "缴款码", ordinal=3)},
            ("无需发出收费通知",),
        ),
        (
            NoticeKind.FEE,
            "fee-pages",
            {
                "request": replace(REQUEST, received_on=date(2020, 12, 30), due_on=None),
                "issued_on": date(2021, 1, 5),
            },
            ("2021年1月1日", "不收取"),
        ),
        (
            NoticeKind.EXTENSION,
            "extension",
            {"details": ExtensionDetails(5, date(2025, 3, 28), "调档", "李四")},
            ("不晚于原答复期限",),
        ),
        (NoticeKind.NO_CORRECTION, "no_correction", {"issued_on": date(2025, 3, 27)}, ("尚不能终止处理",)),
        (
            NoticeKind.FEE_UNPAID,
            "fee_unpaid",
            {"details": LapseDetails(date(2025, 3, 10), date(2025, 4, 9))},
            ("收费金额",),
        ),
        (
            NoticeKind.ANSWER,
            "answer-duplicate",
            {"details": AnswerDetails(AnswerKind.DUPLICATE, previous_answered_on=date(2025, 3, 5))},
            ("前次答复日期", "晚于"),
        ),
        (
            NoticeKind.ANSWER,
            "answer-still_unclear",
            {"details": AnswerDetails(AnswerKind.STILL_UNCLEAR, corrected_on=date(2025, 3, 20))},
            ("收到补正日期", "晚于成文日期"),
        ),
        (NoticeKind.ANSWER, "answer-provided", {"applicant": None}, ("申请人",)),
        (NoticeKind.RECEIPT, "answer-provided", {}, ("ReceiptDetails", "AnswerDetails")),
        (NoticeKind.CONSULT_BODY, "receipt", {}, ("ConsultationDetails",)),
        (
            NoticeKind.CORRECTION,
            "correction",
            {"details": CorrectionDetails(("form",), deadline=date(2025, 3, 10))},
            ("补正截止日期", "早于成文日期"),
        ),
    ],
)
def test_inconsistent_documents_are_refused_with_the_document_and_case(kind, case_id, changes, words):
    notice = replace(CASE[case_id].notice, **changes)
    error = _refused(kind, notice, *words)
    title = KINDS[NoticeKind(kind)].title
    assert str(error).startswith(f"{title}（登记编号2025-017）：")


def test_kinds_are_chosen_by_code_or_chinese_label():
    notice = ANSWER_CASES[AnswerKind.PROVIDED].notice
    assert (
        notice_text("答复书", notice)
        == notice_text(NoticeKind.ANSWER, notice)
        == notice_text("answer", notice)
    )
    with pytest.raises(InputError, match="文书类型“通知”无效，应为：登记回执（receipt）"):
        compose("通知", notice)
    with pytest.raises(InputError, match="应为 Notice"):
        compose("answer", {"case_no": "2025-017"})


def test_labels_are_accepted_wherever_a_code_is():
    assert NoticeRequest("2025-1", date(2025, 3, 4), "某文件", channel="当面").channel == "in_person"
    assert FeeDetails("按件计收", 100, "缴款码", ordinal=12).method == "count"
    assert AnswerDetails("信息不存在").kind is AnswerKind.NOT_EXIST
    assert AnswerDetails("不予公开", reason="属于行政执法案卷").reason == "withheld.enforcement_files"
    receipt = notice_text(NoticeKind.RECEIPT, replace(CASE["receipt"].notice, details=None))
    assert "第三十一条第（二）项" in receipt  # the details of a receipt are optional
    text = notice_text(
        NoticeKind.CONSULT_THIRD_PARTY,
        replace(CASE["consult_third_party"].notice, details=ConsultationDetails(NoticeParty("王五"))),
    )
    assert "王五：" in text and "涉及您的商业秘密、个人隐私等" in text and "申请获取“2024年度某某化工" in text
    assert isinstance(ReceiptDetails(), ReceiptDetails)


@settings(max_examples=60, deadline=None)
@given(
    content=st.text(max_size=300),
    provision=st.text(max_size=100),
    explanation=st.text(max_size=100),
    number=st.integers(min_value=-5, max_value=2_000_000),
)
def test_any_text_renders_or_is_refused_with_one_line(content, provision, explanation, number):
    try:
        request = replace(REQUEST, content=content)
        details = AnswerDetails(AnswerKind.PROVIDED, provision=provision, explanation=explanation)
        notice = replace(
            ANSWER_CASES[AnswerKind.PROVIDED].notice, request=request, details=details, number=number
        )
        data = render_notice(NoticeKind.ANSWER, notice)
    except InputError as e:
        assert str(e) and "\n" not in str(e)
        return
    text = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert " ".join(content.split()).rstrip("。；;，,.． ") in text
    assert f"某环公开〔2025〕{number}号" in text
