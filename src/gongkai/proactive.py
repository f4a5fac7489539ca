"""主动公开: what a body publishes of its own accord, the catalogue it keeps (第二十条、第二十三条) and the
timeliness the 条例 requires (第二十六条: within 20 working days of the information being formed or changed).

A publication is drafted and approved (`gongkai.approval`, with a 保密审查 always) before it is published.
A 规章 or 行政规范性文件, once published, is also a record of section 二 (its 制发 and 废止 dates), so the
annual report counts what the catalogue holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.errors import InputError

TIMELY_DAYS = 20  # 第二十六条


class Category(StrEnum):
    REGULATION = "regulations"  # 规章 (section 二)
    NORMATIVE = "normative_documents"  # 行政规范性文件 (section 二)
    POLICY = "policy"  # 其他政策文件
    ORGANISATION = "organisation"  # 机构职能
    PLANNING = "planning"  # 规划计划
    FINANCE = "finance"  # 财政预决算
    PROCUREMENT = "procurement"  # 政府采购
    ENFORCEMENT = "enforcement"  # 行政许可、处罚、强制等执法信息
    ANNOUNCEMENT = "announcement"  # 通知公告
    OTHER = "other"


CATEGORY_LABELS = {
    Category.REGULATION: "规章",
    Category.NORMATIVE: "行政规范性文件",
    Category.POLICY: "其他政策文件",
    Category.ORGANISATION: "机构职能",
    Category.PLANNING: "规划计划",
    Category.FINANCE: "财政预决算",
    Category.PROCUREMENT: "政府采购",
    Category.ENFORCEMENT: "行政执法信息",
    Category.ANNOUNCEMENT: "通知公告",
    Category.OTHER: "其他",
}

#: Categories that are section 二 documents (their rows in gongkai.format.spec ACTIVE tables).
DOCUMENT_CATEGORIES = frozenset({Category.REGULATION, Category.NORMATIVE})

CHANNELS = ("政府网站", "政府公报", "政务新媒体", "新闻发布会", "公共查阅点", "其他")


@dataclass(frozen=True)
class Publication:
    """One entry of the catalogue (索引号, 名称, 内容概述, 发布机构, 生成日期, 公开方式)."""

    title: str
    category: Category
    formed_on: date  # 形成或变更之日 (生成日期)
    summary: str = ""
    doc_number: str = ""  # 文号
    channel: str = "政府网站"
    text: str = ""  # 正文
    issued_on: date | None = None  # 规章、规范性文件: 制发日期

    def __post_init__(self):
        from gongkai.register.vocab import PUBLICATION_CATEGORIES

        title = str(self.title or "").strip()
        if not title or len(title) > 300:
            raise InputError("信息名称不能为空，且不超过300字", code="proactive.field", field="title")
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "category", Category(PUBLICATION_CATEGORIES.parse(self.category)))
        if self.channel not in CHANNELS:
            raise InputError(
                f"公开方式“{self.channel}”无效，应为：{'、'.join(CHANNELS)}",
                code="proactive.field",
                field="channel",
            )
        for name, limit in (("summary", 2000), ("doc_number", 200), ("text", 200_000)):
            if len(getattr(self, name) or "") > limit:
                raise InputError(f"{name}过长（最多{limit}字）", code="proactive.field", field=name)
        if self.category in DOCUMENT_CATEGORIES and self.issued_on is None:
            object.__setattr__(self, "issued_on", self.formed_on)
        if self.issued_on and self.issued_on > self.formed_on and self.category in DOCUMENT_CATEGORIES:
            raise InputError("制发日期不能晚于形成日期", code="proactive.field", field="issued_on")


def publish_by(formed_on: date, calendar) -> date:
    """The last day to publish under 第二十六条: 20 working days after it was formed or changed."""
    return calendar.add_workdays(formed_on, TIMELY_DAYS)


def late_days(formed_on: date, published_on: date, calendar) -> int:
    """Working days a publication came (or, unpublished on that day, is) after the 第二十六条 limit."""
    return max(0, calendar.workdays_between(publish_by(formed_on, calendar), published_on))
