"""An application made online (第二十九条), checked field by field before it reaches the register.

第二十九条 asks for the applicant's name, identity document and contact, a description of the information
and the form wanted (获取方式 and 途径). Nothing else is mandatory: the purpose is optional, an address only
when the information is to be posted, an e-mail address only when it is to be e-mailed. A natural person
proves identity with a document (居民身份证 checked by its check digit); a legal person or other
organisation with its 统一社会信用代码 (checked by its check character). `parse` collects every problem of
a form at once, so a page can show each beside its field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from gongkai.errors import GongkaiError, InputError
from gongkai.register.request import MAX_SHORT, MAX_TEXT, Request, check_identity
from gongkai.register.types import APPLICANT_LABELS, Channel, IdType
from gongkai.register.vocab import DELIVERIES, ID_TYPES, MEDIA


class ApplicantKind(StrEnum):
    PERSON = "person"  # 公民（自然人）
    ORGANISATION = "organisation"  # 法人或者其他组织


APPLICANT_KIND_LABELS = {ApplicantKind.PERSON: "公民", ApplicantKind.ORGANISATION: "法人或者其他组织"}

#: Section 三 columns an organisation chooses from (its kind is counted in the annual report).
ORGANISATION_TYPES = ("commercial", "research", "social_welfare", "legal_services", "other_org")
ORGANISATION_TYPE_LABELS = {k: APPLICANT_LABELS[k] for k in ORGANISATION_TYPES}

#: Identity documents a natural person may use (an organisation uses its 统一社会信用代码).
PERSON_ID_TYPES = tuple(t for t in IdType if t is not IdType.CREDIT_CODE)

FORM_LABELS = {
    "kind": "申请人类型",
    "org_type": "组织类别",
    "name": "姓名或名称",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
    "postcode": "邮政编码",
    "content": "所需信息的内容描述",
    "medium": "获取信息的方式",
    "delivery": "获取信息的途径",
    "purpose": "用途（选填）",
}

_PHONE = re.compile(r"^[0-9+\-() ]{7,30}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTCODE = re.compile(r"^\d{6}$")


class ApplicationInvalid(InputError):
    """A form with one or more fields that cannot be accepted; `problems` maps each field to its message."""

    code = "portal.application"

    def __init__(self, problems: dict[str, str]):
        first = next(iter(problems))
        super().__init__(f"{FORM_LABELS.get(first, first)}：{problems[first]}", field=first)
        self.problems = problems


@dataclass(frozen=True)
class OnlineApplication:
    kind: ApplicantKind
    name: str
    id_type: IdType
    id_number: str
    phone: str
    content: str
    medium: str
    delivery: str
    org_type: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    purpose: str = ""

    @classmethod
    def parse(cls, form: dict) -> OnlineApplication:
        """The application a submitted form describes; ApplicationInvalid listing every problem."""
        v = {f.name: str(form.get(f.name) or "").strip() for f in fields(cls)}
        problems: dict[str, str] = {}

        def need(name: str, why: str = "必须填写") -> None:
            if not v[name] and name not in problems:
                problems[name] = why

        try:
            kind = ApplicantKind(v["kind"])
        except ValueError:
            problems["kind"] = "请选择公民或者法人或其他组织"
            kind = ApplicantKind.PERSON
        need("name")
        if kind is ApplicantKind.ORGANISATION:
            v["id_type"] = IdType.CREDIT_CODE.value
            if v["org_type"] not in ORGANISATION_TYPES:
                problems["org_type"] = f"请选择：{'、'.join(ORGANISATION_TYPE_LABELS.values())}"
        else:
            v["org_type"] = ""
            try:
                v["id_type"] = ID_TYPES.parse(v["id_type"] or IdType.RESIDENT_ID.value)
                if v["id_type"] == IdType.CREDIT_CODE.value:
                    raise InputError("公民请选择身份证件")
            except GongkaiError:
                problems["id_type"] = "请选择身份证件的类型"
        need("id_number")
        if v["id_number"] and "id_type" not in problems:
            try:
                v["id_number"] = check_identity(IdType(v["id_type"]), v["id_number"])
            except GongkaiError as e:
                problems["id_number"] = str(e)
        need("phone", "必须填写（用于联系和查询办理进度）")
        if v["phone"] and not _PHONE.match(v["phone"]):
            problems["phone"] = "请填写有效的电话号码"
        need("content", "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述")
        for name, voc in (("medium", MEDIA), ("delivery", DELIVERIES)):
            need(name, "请选择")
            if v[name] and name not in problems:
                try:
                    v[name] = voc.parse(v[name])
                except GongkaiError:
                    problems[name] = f"请选择：{'、'.join(lab for _, lab in voc.choices)}"
        if v["delivery"] == "post":
            need("address", "选择邮寄的，须填写通信地址")
        if v["delivery"] == "email":
            need("email", "选择电子邮件的，须填写电子邮箱")
        if v["email"] and not _EMAIL.match(v["email"]):
            problems["email"] = "请填写有效的电子邮箱"
        if v["postcode"] and not _POSTCODE.match(v["postcode"]):
            problems["postcode"] = "邮政编码应为6位数字"
        for name, value in v.items():
            limit = MAX_TEXT if name in ("content", "address", "purpose") else MAX_SHORT
            if len(value) > limit and name not in problems:
                problems[name] = f"过长（{len(value)}字，最多{limit}字）"
        if problems:
            raise ApplicationInvalid(dict(sorted(problems.items(), key=lambda kv: _ORDER[kv[0]])))
        return cls(**{**v, "kind": kind, "id_type": IdType(v["id_type"])})

    @property
    def applicant_type(self) -> str:
        """The section 三 column the application is counted in."""
        return "natural_person" if self.kind is ApplicantKind.PERSON else self.org_type

    @property
    def phone_tail(self) -> str:
        """The last four digits of the telephone: the second factor of tracking."""
        return "".join(c for c in self.phone if c.isdigit())[-4:]

    def to_request(self, case_no: str, submitted_on: date) -> Request:
        """The register's request, received online and not yet confirmed: its date of receipt stays the
        submission date until the office confirms it (第三十一条: 双方确认之日)."""
        return Request(
            case_no,
            self.applicant_type,
            Channel.ONLINE,
            submitted_on,
            content=self.content,
            applicant_name=self.name,
            applicant_contact=self.phone,
            id_type=self.id_type,
            id_number=self.id_number,
            address=self.address,
            postcode=self.postcode,
            email=self.email,
            medium=self.medium,
            delivery=self.delivery,
            purpose=self.purpose,
            submitted_on=submitted_on,
        )


_ORDER = {name: i for i, name in enumerate(FORM_LABELS)}
