"""A request (政府信息公开申请) as the register keeps it: the applicant, what was asked, how it arrived.

第二十九条 lists what an application contains: the applicant's name, identity document and contact; a
description of the information; the form wanted (获取方式 and 途径). The register records each element
and, where one is missing, proposes a 补正 that lists it (`missing_elements`). 第三十一条 fixes the date
of receipt by channel; the clerk records what happened (handed in, signed for, confirmed) and the date
of receipt is derived from it (`receipt_date`). Identity numbers are checked with python-stdnum
(居民身份证 check digit, 统一社会信用代码 check character).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from stdnum.cn import ric, uscc

from gongkai.register import vocab
from gongkai.register.errors import WorkflowError
from gongkai.register.types import Channel, IdType

MAX_TEXT = 5000  # characters of a free-text field (content, address …)
MAX_SHORT = 200  # name, contact, identity number


@dataclass(frozen=True)
class Request:
    """One 政府信息公开申请. Everything about the applicant is private: kept, never reported or published."""

    case_no: str
    applicant_type: str  # a section 三 column: natural_person, commercial, ...
    channel: Channel | None
    received_on: date  # date of receipt under 第三十一条 (see `receipt_date`)
    content: str = ""  # the description of the information asked for
    applicant_name: str = ""
    applicant_contact: str = ""  # telephone
    id_type: IdType | None = None
    id_number: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""
    medium: str = ""  # 获取方式: paper / electronic
    delivery: str = ""  # 获取途径: post / email / pickup / fax / online
    purpose: str = ""  # not required by law; recorded when given
    submitted_on: date | None = None  # handed in / posted / sent online
    signed_for_on: date | None = None  # 邮寄: signed for by the body
    confirmed_on: date | None = None  # 平常信函、网络、传真: receipt confirmed with the applicant
    seeded: bool = False  # a placeholder for a request carried over from an imported published report

    def __post_init__(self):
        who = f"申请{self.case_no}："
        case = str(self.case_no).strip()
        if not case or len(case) > 100 or any(c in case for c in "/\\\n\r\t"):
            raise WorkflowError(
                f"案号“{case[:40]}”无效（不能为空、不超过100字、不含斜杠或换行）",
                code="register.field",
                field="case_no",
            )
        object.__setattr__(self, "case_no", case)
        object.__setattr__(self, "applicant_type", _parse(vocab.APPLICANTS, self.applicant_type, who))
        if self.channel is not None or not self.seeded:
            object.__setattr__(self, "channel", Channel(_parse(vocab.CHANNELS, self.channel, who)))
        if self.id_type not in (None, ""):
            object.__setattr__(self, "id_type", IdType(_parse(vocab.ID_TYPES, self.id_type, who)))
        else:
            object.__setattr__(self, "id_type", None)
        for name in ("medium", "delivery"):
            v = getattr(self, name)
            if v:
                voc = vocab.MEDIA if name == "medium" else vocab.DELIVERIES
                object.__setattr__(self, name, _parse(voc, v, who))
        for f in fields(self):
            v = getattr(self, f.name)
            if type(v) is str:  # not the enums, which are str too
                v = v.strip()
                object.__setattr__(self, f.name, v)
                limit = MAX_TEXT if f.name in ("content", "address", "purpose") else MAX_SHORT
                if len(v) > limit:
                    raise WorkflowError(
                        f"{who}{f.name}过长（{len(v)}字，最多{limit}字）", code="register.field", field=f.name
                    )
        if self.id_number:
            object.__setattr__(self, "id_number", check_identity(self.id_type, self.id_number, who))
        evidence = getattr(self, RECEIPT_FIELD[self.channel]) if self.channel else None
        if evidence is not None and evidence != self.received_on:
            raise WorkflowError(
                f"{who}收到日期{self.received_on}与第三十一条规定的收到之日{evidence}不一致",
                code="register.field",
                field="received_on",
            )
        if self.submitted_on and self.submitted_on > self.received_on:
            raise WorkflowError(
                f"{who}提交日期{self.submitted_on}晚于收到日期{self.received_on}",
                code="register.field",
                field="submitted_on",
            )

    def with_changes(self, **changes) -> Request:
        return replace(self, **changes)


def _parse(vocabulary, value, who: str) -> str:
    try:
        return vocabulary.parse(value)
    except Exception as e:
        raise WorkflowError(f"{who}{e}", code="register.field", field=vocabulary.name) from e


def check_identity(id_type: IdType | None, number: str, who: str = "") -> str:
    """The number, normalised, if it is valid for its document type; WorkflowError naming the problem."""
    n = number.strip().upper().replace(" ", "")
    if id_type is IdType.RESIDENT_ID:
        if len(n) == 15 and n.isdigit():  # first-generation cards carry no check digit
            return n
        if not ric.is_valid(n):
            raise WorkflowError(
                f"{who}居民身份证号码“{n}”无效（位数、出生日期或校验码不符）",
                code="register.field",
                field="id_number",
            )
    elif id_type is IdType.CREDIT_CODE:
        if not uscc.is_valid(n):
            raise WorkflowError(
                f"{who}统一社会信用代码“{n}”无效（应为18位，校验码不符）",
                code="register.field",
                field="id_number",
            )
    elif id_type is None:
        raise WorkflowError(f"{who}填写证件号码时须同时填写证件类型", code="register.field", field="id_type")
    return n


def receipt_date(
    channel: Channel | str,
    *,
    submitted: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The date of receipt under article 31 of the 条例 (2019).

    当面提交: the day it is handed in. 邮寄: the day the body signs for it. 平常信函 (no signature):
    the day the body confirms receipt with the applicant. 网络/传真: the day both sides confirm it."""
    ch = Channel(vocab.CHANNELS.parse(channel))
    need = {
        Channel.IN_PERSON: ("submitted", submitted, "提交之日"),
        Channel.POST: ("signed_for", signed_for, "签收之日"),
        Channel.ORDINARY_MAIL: ("confirmed", confirmed, "与申请人确认之日"),
        Channel.ONLINE: ("confirmed", confirmed, "双方确认之日"),
        Channel.FAX: ("confirmed", confirmed, "双方确认之日"),
    }[ch]
    if need[1] is None:
        raise WorkflowError(
            f"依条例第三十一条，{vocab.CHANNELS.label(ch)}渠道的收到日期为{need[2]}，请提供{_EVIDENCE[need[0]]}",
            code="register.field",
            field=need[0],
        )
    if submitted and need[1] < submitted:
        raise WorkflowError(
            f"{_EVIDENCE[need[0]]}{need[1]}早于提交日期{submitted}", code="register.field", field=need[0]
        )
    return need[1]


_EVIDENCE = {"submitted": "提交日期", "signed_for": "签收日期", "confirmed": "确认日期"}

#: The evidence field of each channel (what `--received` stands for on the command line).
RECEIPT_FIELD = {
    Channel.IN_PERSON: "submitted_on",
    Channel.POST: "signed_for_on",
    Channel.ORDINARY_MAIL: "confirmed_on",
    Channel.ONLINE: "confirmed_on",
    Channel.FAX: "confirmed_on",
}


def missing_elements(r: Request) -> tuple[str, ...]:
    """The elements of 第二十九条 the application lacks (codes of vocab.APPLICATION_ELEMENTS)."""
    if r.seeded:
        return ()
    missing = []
    if not r.applicant_name:
        missing.append("name")
    if not (r.id_type and r.id_number):
        missing.append("identity")
    if not (r.applicant_contact or r.address or r.email):
        missing.append("contact")
    if not r.content:
        missing.append("description")
    if not (r.medium and r.delivery):
        missing.append("form")
    return tuple(missing)
