"""What every notice needs: the issuing body, the addressee, the request, and the notice's own number and
date. Plain frozen values, independent of the store, so the register service (or a test) fills them.

Each value checks itself on construction; what only some documents need (a receipt's due date, a body's
文号前缀) is checked when the document is composed. Either way a bad or missing value is an `InputError`
naming the field in Chinese.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.errors import InputError
from gongkai.org.model import PROFILE_LABELS, BodyProfile
from gongkai.register.types import CHANNEL_LABELS, Channel
from gongkai.write.notices import values as v


@dataclass(frozen=True)
class NoticeBody:
    """The issuing body: its name (the title line and the signature) and the details its documents print.

    Of the profile, `doc_prefix` is required to issue anything (文号前缀: 某环公开 → 某环公开〔2025〕12号),
    and one of address, phone or email; an empty `reconsideration_body` or `court` is worded generically.
    """

    name: str
    profile: BodyProfile = dataclasses.field(default_factory=BodyProfile)

    def __post_init__(self):
        if not isinstance(self.profile, BodyProfile):
            raise InputError("机关资料应为 BodyProfile", code="notice.invalid", field="profile")
        checked = {
            f: v.text(getattr(self.profile, f), PROFILE_LABELS[f], f, limit=200)
            for f in BodyProfile.field_names()
        }
        v.set_fields(
            self,
            name=v.text(self.name, "机关名称", "name", required=True, limit=100),
            profile=BodyProfile(**checked),
        )

    def doc_no(self, year: int, number: int) -> str:
        """The 发文字号: prefix, year in 六角括号, number without leading zeros (GB/T 9704 7.2.4)."""
        if not self.profile.doc_prefix:
            raise v.missing(f"文号前缀（机关“{self.name}”的资料中未填写）", "doc_prefix")
        return f"{self.profile.doc_prefix}〔{year}〕{number}号"


@dataclass(frozen=True)
class NoticeParty:
    """An addressee: the applicant, a third party or another body. `organisation` picks 贵单位 over 您."""

    name: str
    organisation: bool = False

    def __post_init__(self):
        v.set_fields(self, name=v.text(self.name, "收件人名称", "name", required=True, limit=200))
        if not isinstance(self.organisation, bool):
            raise InputError(
                "收件人是否为单位（organisation）应为 True 或 False",
                code="notice.invalid",
                field="organisation",
            )

    @property
    def you(self) -> str:
        return "贵单位" if self.organisation else "您"


@dataclass(frozen=True)
class NoticeRequest:
    """The application a notice is about."""

    case_no: str  # 登记编号
    received_on: date  # the date of receipt as 条例第三十一条 fixes it
    content: str  # what was applied for, as the applicant described it
    channel: Channel | str | None = None  # how it came (code or Chinese label); the receipt cites 第三十一条
    due_on: date | None = None  # the answer's due date as the register computed it (a receipt requires it)

    def __post_init__(self):
        channel = None
        if self.channel not in (None, ""):
            channel = v.choice(self.channel, CHANNEL_LABELS, "提交方式", "channel")
        v.set_fields(
            self,
            case_no=v.text(self.case_no, "登记编号", "case_no", required=True, limit=50),
            received_on=v.day(self.received_on, "收到申请日期", "received_on", required=True),
            content=v.text(self.content, "申请内容", "content", required=True),
            channel=channel,
            due_on=v.day(self.due_on, "答复期限", "due_on"),
        )
        if self.due_on is not None and self.due_on < self.received_on:
            raise InputError(
                f"答复期限{self.due_on}早于收到申请日期{self.received_on}",
                code="notice.invalid",
                field="due_on",
            )


@dataclass(frozen=True)
class Notice:
    """One document to issue: who issues it, about which request, its number and date, and the details of
    its kind (one of the *Details classes of `gongkai.write.notices.details`)."""

    body: NoticeBody
    request: NoticeRequest
    number: int  # the sequence number of the 文号, given by the caller
    issued_on: date  # 成文日期
    applicant: NoticeParty | None = None  # the addressee of every notice but a 征求意见函
    details: Any = None

    def __post_init__(self):
        for field, cls, label in (
            ("body", NoticeBody, "发文机关"),
            ("request", NoticeRequest, "申请"),
            ("applicant", NoticeParty, "申请人"),
        ):
            value = getattr(self, field)
            if value is not None and not isinstance(value, cls):
                raise InputError(f"{label}应为{cls.__name__}", code="notice.invalid", field=field)
        if self.body is None:
            raise v.missing("发文机关", "body")
        if self.request is None:
            raise v.missing("申请", "request")
        v.set_fields(
            self,
            number=v.whole(self.number, "文号序号", "number", minimum=1, maximum=999_999),
            issued_on=v.day(self.issued_on, "成文日期", "issued_on", required=True),
        )
        if self.issued_on < self.request.received_on:
            raise InputError(
                f"成文日期{self.issued_on}早于收到申请日期{self.request.received_on}",
                code="notice.invalid",
                field="issued_on",
            )

    @property
    def doc_no(self) -> str:
        return self.body.doc_no(self.issued_on.year, self.number)
