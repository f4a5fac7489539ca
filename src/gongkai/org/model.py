"""Regions and body profiles as plain values (the store persists exactly these)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from gongkai.errors import InputError


class RegionLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


REGION_LEVEL_LABELS = {
    RegionLevel.PROVINCE: "省",
    RegionLevel.CITY: "市",
    RegionLevel.COUNTY: "县（区）",
    RegionLevel.TOWNSHIP: "乡镇（街道）",
}


class BodyKind(StrEnum):
    GOVERNMENT = "government"  # 人民政府: publishes its report by 3月31日 (第四十九条)
    OFFICE = "office"  # 人民政府办公室 / 政务公开办: supervises the region
    DEPARTMENT = "department"  # 政府工作部门: reports to the government office by 1月31日
    TOWNSHIP = "township"  # 乡镇人民政府、街道办事处
    OTHER = "other"  # 其他（法律、法规授权的组织等）


BODY_KIND_LABELS = {
    BodyKind.GOVERNMENT: "人民政府",
    BodyKind.OFFICE: "政府办公室（政务公开办）",
    BodyKind.DEPARTMENT: "政府工作部门",
    BodyKind.TOWNSHIP: "乡镇人民政府、街道办事处",
    BodyKind.OTHER: "其他机关或组织",
}


@dataclass(frozen=True)
class Region:
    id: str  # e.g. the administrative division code 320812
    name: str
    level: RegionLevel = RegionLevel.COUNTY
    parent_id: str | None = None

    def __post_init__(self):
        if not str(self.id).strip() or not str(self.name).strip():
            raise InputError("地区编号和名称不能为空", code="org.region")
        try:
            object.__setattr__(self, "level", RegionLevel(self.level))
        except ValueError as e:
            raise InputError(
                f"地区{self.id}的级别“{self.level}”无效，应为 {', '.join(REGION_LEVEL_LABELS.values())} 之一",
                code="org.region",
            ) from e


@dataclass(frozen=True)
class BodyProfile:
    """The details a body's documents print. Empty strings where the body has not entered them."""

    office_name: str = ""  # 政府信息公开工作机构, e.g. 某某局办公室
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    hours: str = ""  # 办公时间
    doc_prefix: str = ""  # 文号前缀, e.g. 某环公开 → 某环公开〔2025〕12号
    reconsideration_body: str = ""  # 行政复议机关 named in answers, e.g. 某区人民政府
    court: str = ""  # 有管辖权的人民法院 named in answers

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.field_names()}


PROFILE_LABELS = {
    "office_name": "政府信息公开工作机构",
    "address": "办公地址",
    "postcode": "邮政编码",
    "phone": "联系电话",
    "fax": "传真",
    "email": "电子邮箱",
    "website": "网站",
    "hours": "办公时间",
    "doc_prefix": "文号前缀",
    "reconsideration_body": "行政复议机关",
    "court": "行政诉讼管辖法院",
}
