"""The 政府信息公开指南 (第十二条) and the 政府信息公开制度 of a body.

第十二条 requires each body to publish a guide naming how its information is organised and obtained, its
disclosure office (name, address, hours, telephone, fax, internet contact) and the procedure of an
application. A body that has not written its own gets one generated from its profile, which its staff then
edit; every field is plain text so an office can say things in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from gongkai.errors import InputError
from gongkai.org.model import BodyProfile

MAX_FIELD = 20_000  # characters of one field of the guide (the procedure is the longest)


@dataclass(frozen=True)
class Guide:
    """The 指南's fields, in the order a guide prints them."""

    organisation: str = ""  # 政府信息的分类、编排体系和获取方式
    office_name: str = ""  # 政府信息公开工作机构名称
    address: str = ""
    postcode: str = ""
    hours: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    online: str = ""  # 互联网申请渠道
    procedure: str = ""  # 依申请公开的程序
    fees: str = ""  # 收费（国办函〔2020〕109号）
    remedies: str = ""  # 监督和救济

    def __post_init__(self):
        for f in fields(self):
            v = str(getattr(self, f.name) or "").strip()
            if len(v) > MAX_FIELD:
                raise InputError(
                    f"指南“{GUIDE_LABELS[f.name]}”过长（{len(v)}字，最多{MAX_FIELD}字）",
                    code="portal.guide",
                    field=f.name,
                )
            object.__setattr__(self, f.name, v)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.field_names()}

    @classmethod
    def from_dict(cls, values: dict) -> Guide:
        unknown = sorted(set(values) - set(cls.field_names()))
        if unknown:
            raise InputError(f"指南没有字段：{'、'.join(unknown)}", code="portal.guide", field=unknown[0])
        return cls(**values)

    def with_changes(self, **changes) -> Guide:
        return Guide.from_dict(self.to_dict() | changes)


GUIDE_LABELS = {
    "organisation": "政府信息的分类、编排体系和获取方式",
    "office_name": "政府信息公开工作机构",
    "address": "办公地址",
    "postcode": "邮政编码",
    "hours": "办公时间",
    "phone": "联系电话",
    "fax": "传真",
    "email": "电子邮箱",
    "online": "互联网申请渠道",
    "procedure": "依申请公开的程序",
    "fees": "收费",
    "remedies": "监督和救济",
}


def default_guide(body_name: str, profile: BodyProfile, online: str = "") -> Guide:
    """A guide generated from the body's profile; `online` is the address of its online application page."""
    office = profile.office_name or f"{body_name}政府信息公开工作机构"
    return Guide(
        organisation=(
            f"{body_name}主动公开的政府信息按机构职能、政策文件、规划计划、财政预决算、行政执法信息、"
            "通知公告等类别编排，在“法定主动公开内容”栏目中列出索引号、名称、内容概述、发布机构、生成日期和"
            "公开方式，可按关键词检索。主动公开的信息通过政府网站、政府公报、政务新媒体、新闻发布会、"
            "公共查阅点等方式公开，自形成或者变更之日起20个工作日内公开。"
        ),
        office_name=office,
        address=profile.address,
        postcode=profile.postcode,
        hours=profile.hours or "法定工作日 上午9:00—12:00，下午13:30—17:00",
        phone=profile.phone,
        fax=profile.fax,
        email=profile.email,
        online=online or profile.website,
        procedure=(
            "一、提出申请。公民、法人或者其他组织向本机关申请获取政府信息的，可以通过互联网渠道在线提交，"
            "也可以当面提交、邮寄或者传真书面申请。申请内容应当包括：申请人的姓名或者名称、身份证明、"
            "联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的"
            "形式要求，包括获取信息的方式、途径（《中华人民共和国政府信息公开条例》第二十九条）。\n"
            "二、收到申请。当面提交的，以提交之日为收到申请之日；邮寄的，以本机关签收之日为收到申请之日；"
            "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（第三十一条）。\n"
            "三、补正。申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，"
            "说明需要补正的事项和合理的补正期限；答复期限自本机关收到补正的申请之日起计算。申请人无正当理由"
            "逾期不补正的，视为放弃申请（第三十条）。\n"
            "四、答复。本机关收到申请后能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内"
            "予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过"
            "20个工作日。征求第三方和其他机关意见所需时间不计算在内（第三十三条）。"
        ),
        fees=(
            "本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
            "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，"
            "本机关将出具收费通知书，写明收费标准、金额和缴费方式。"
        ),
        remedies=(
            "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
            "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）。"
        ),
    )


def default_rules(body_name: str) -> str:
    """The 政府信息公开制度 a body starts from: its own rules of disclosure work, to be edited."""
    return (
        f"{body_name}政府信息公开工作制度\n"
        "一、主动公开制度。本机关制作或者获取的政府信息，除依法不予公开的外，属于《中华人民共和国政府信息公开条例》"
        "第十九条、第二十条规定范围的，自形成或者变更之日起20个工作日内通过政府网站等方式主动公开。\n"
        "二、公开审查制度。政府信息公开前，由承办科室拟稿，经审核、保密审查、负责人签发后发布；"
        "不能确定是否可以公开的，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。\n"
        "三、依申请公开办理制度。政府信息公开申请由政府信息公开工作机构统一登记、办理和答复，"
        "在法定期限内作出书面答复，答复书经负责人签发。\n"
        "四、社会评议和责任追究制度。本机关定期组织对政府信息公开工作进行社会评议，"
        "并将评议结果和改进措施在年度报告中说明。\n"
        "五、年度报告制度。本机关于每年1月31日前向本级政府信息公开工作主管部门提交上一年度政府信息公开工作"
        "年度报告，并向社会公布。"
    )
