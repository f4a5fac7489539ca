"""A notice composed: the parts of the page in order, as text, before any layout.

The body text comes from one Jinja2 template per document (templates/, answers under templates/answer/),
where the legal wording lives. A template writes paragraphs separated by blank lines; line breaks inside a
paragraph are only for the template's reader and are dropped (Chinese has no spaces between lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import jinja2

from gongkai.errors import GongkaiError, InputError
from gongkai.write.notices import values as v
from gongkai.write.notices.details import (
    AnswerDetails,
    ConsultationDetails,
    CorrectionDetails,
    ExtensionDetails,
    FeeDetails,
    LapseDetails,
    ReceiptDetails,
)
from gongkai.write.notices.kinds import KIND_LABELS, KINDS, NoticeKind
from gongkai.write.notices.law import FEE_MEASURES, REGULATION, remedy_for
from gongkai.write.notices.model import Notice, NoticeBody

#: The details class each kind takes.
DETAILS: dict[NoticeKind, type] = {
    NoticeKind.RECEIPT: ReceiptDetails,
    NoticeKind.CORRECTION: CorrectionDetails,
    NoticeKind.CONSULT_THIRD_PARTY: ConsultationDetails,
    NoticeKind.CONSULT_BODY: ConsultationDetails,
    NoticeKind.EXTENSION: ExtensionDetails,
    NoticeKind.FEE: FeeDetails,
    NoticeKind.ANSWER: AnswerDetails,
    NoticeKind.NO_CORRECTION: LapseDetails,
    NoticeKind.FEE_UNPAID: LapseDetails,
}


@dataclass(frozen=True)
class Composed:
    """The parts of a notice's page, top to bottom."""

    kind: NoticeKind
    issuer: str  # the body's name, first line of the title
    title: str
    doc_no: str  # 发文字号
    addressee: str  # 主送, with its colon
    paragraphs: tuple[str, ...]  # the body text
    signature: str  # 发文机关署名
    date: str  # 成文日期, 2025年3月4日
    contact: tuple[str, ...]  # the office's contact lines


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def yuan(amount: Decimal | int) -> str:
    amount = Decimal(amount)
    return f"{amount:f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def clause(text: str) -> str:
    """Free text embedded mid-sentence: without its closing punctuation."""
    return text.rstrip("。；;，,.． ")


def sentence(text: str) -> str:
    """Optional free text as a sentence of its own: closed by 。, or nothing when empty."""
    return f"{clause(text)}。" if text else ""


_NUMERALS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (list items; notices never list a hundred)."""
    if n <= 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("gongkai.write.notices", "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # plain text: the DOCX and text writers escape for themselves
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters.update(cn=cn_date, yuan=yuan, clause=clause, sentence=sentence, cnum=cn_number)
_ENV.globals.update(REGULATION=REGULATION, FEE_MEASURES=FEE_MEASURES)


def paragraphs(rendered: str) -> tuple[str, ...]:
    chunks = re.split(r"\n[ \t]*\n", rendered)
    joined = ("".join(line.strip() for line in chunk.splitlines()) for chunk in chunks)
    return tuple(p for p in joined if p)


def contact_lines(body: NoticeBody) -> tuple[str, ...]:
    p = body.profile
    if not (p.address or p.phone or p.email):
        raise InputError(
            f"机关“{body.name}”的联系方式未填写（办公地址、联系电话、电子邮箱至少填写一项）",
            code="notice.missing",
            field="contact",
        )
    lines = []
    if p.office_name:
        lines.append(f"联系机构：{p.office_name}")
    if p.address:
        lines.append(f"通信地址：{p.address}" + (f"（邮政编码：{p.postcode}）" if p.postcode else ""))
    phones = [f"联系电话：{p.phone}"] if p.phone else []
    if p.fax:
        phones.append(f"传真：{p.fax}")
    if phones:
        lines.append("　".join(phones))
    if p.email:
        lines.append(f"电子邮箱：{p.email}")
    if p.hours:
        lines.append(f"办公时间：{p.hours}")
    return tuple(lines)


def template_name(kind: NoticeKind, notice: Notice) -> str:
    if kind is NoticeKind.ANSWER:
        return f"answer/{notice.details.kind}.j2"
    return f"{kind}.j2"


def _details(kind: NoticeKind, notice: Notice) -> Any:
    cls = DETAILS[kind]
    if notice.details is None and cls is ReceiptDetails:
        return ReceiptDetails()
    if not isinstance(notice.details, cls):
        got = type(notice.details).__name__ if notice.details is not None else "无"
        raise InputError(f"内容应为{cls.__name__}，收到{got}", code="notice.invalid", field="details")
    return notice.details


def compose(kind: NoticeKind | str, notice: Notice) -> Composed:
    """The notice's parts; an `InputError` naming the document, the case and the field when any is wrong."""
    kind = v.choice(kind, KIND_LABELS, "文书类型", "kind")
    spec = KINDS[kind]
    if not isinstance(notice, Notice):
        raise InputError(f"{spec.title}：内容应为 Notice", code="notice.invalid")
    try:
        details = _details(kind, notice)
        addressee = notice.applicant if spec.to_applicant else details.party
        if addressee is None:
            raise v.missing("申请人", "applicant")
        you = "贵单位" if kind is NoticeKind.CONSULT_BODY else addressee.you
        context = {
            "body": notice.body,
            "req": notice.request,
            "d": details,
            "you": you,
            "doc": spec.doc,
            "decision": spec.decision,
            "remedy": remedy_for(details.kind if kind is NoticeKind.ANSWER else None),
            **details.context(notice, kind),
        }
        text = _ENV.get_template(template_name(kind, notice)).render(context)
        return Composed(
            kind=kind,
            issuer=notice.body.name,
            title=spec.title,
            doc_no=notice.doc_no,
            addressee=f"{addressee.name}：",
            paragraphs=paragraphs(text),
            signature=notice.body.name,
            date=cn_date(notice.issued_on),
            contact=contact_lines(notice.body),
        )
    except GongkaiError as e:
        raise e.with_prefix(f"{spec.title}（登记编号{notice.request.case_no}）：") from e


LINE_CHARS = 28  # characters of 三号 type on a line of the 版心 (GB/T 9704 7.1)
DATE_RIGHT = 4  # 成文日期右空四字 (GB/T 9704 7.3.5.1)


def width(text: str) -> float:
    """Width in 三号 characters: ASCII (the digits of a date) is half a character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def signature_indents(signature: str, day: str) -> tuple[float, float]:
    """Right indents (in characters) of the 署名 and the 成文日期: the date four characters in from the
    right, the name centred over it; a name longer than the date sits two characters in and the date is
    centred under it."""
    name_w, date_w = width(signature), width(day)
    if name_w <= date_w:
        return DATE_RIGHT + (date_w - name_w) / 2, DATE_RIGHT
    name_right = max(0.0, min(2.0, LINE_CHARS - name_w))
    return name_right, name_right + (name_w - date_w) / 2
