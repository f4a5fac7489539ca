"""Random consistent annual reports, for property-based tests of the writers and readers.

Every report satisfies the 勾稽 rules of FORMAT.md: per column of section 三
received + brought_forward = total + carried_forward and total = the sum of the outcome rows; per row
total = the sum of the six applicant columns; per group of section 四 total = the sum of its four results.
Values are non-zero, so a value printed in the wrong cell or read as 0 cannot pass unnoticed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

import opencc
from hypothesis import strategies as st

from gongkai.format import OUTCOME_ROWS, Kind, Version, get
from gongkai.model import Report

Pick = Callable[[int, int], int]  # pick(lo, hi): an integer in [lo, hi]

_S2T = opencc.OpenCC("s2tw")
_T2S = opencc.OpenCC("t2s")


def survives_degradation(text: str) -> bool:
    """True when text comes back unchanged from traditional script and fits Big5 (degrade.py needs both)."""
    t = _S2T.convert(text)
    try:
        t.encode("big5")
    except UnicodeEncodeError:
        return False
    return _T2S.convert(t) == text


def _keep(parts: list[str]) -> list[str]:
    kept = [p for p in parts if survives_degradation(p)]
    assert len(kept) >= len(parts) // 2, "too many fragments lost to the Big5 filter"
    return kept


REGIONS = _keep(
    [
        "北京市",
        "上海市浦东新区",
        "重庆市渝中区",
        "新疆维吾尔自治区巴音郭楞蒙古自治州和静县",
        "黑龙江省大兴安岭地区",
        "广西壮族自治区南宁市",
        "内蒙古自治区呼和浩特市",
        "湖北省恩施土家族苗族自治州",
        "西藏自治区拉萨市",
        "江苏省淮安市洪泽区",
        "河南省洛阳市偃师区",
        "海南省三沙市",
        "吉林省延边朝鲜族自治州",
        "云南省西双版纳傣族自治州",
        "浙江省杭州市",
        "四川省阿坝藏族羌族自治州",
    ]
)
ORGANS = _keep(
    [
        "人民政府",
        "人民政府办公室",
        "发展和改革委员会",
        "生态环境局",
        "市场监督管理局",
        "住房和城乡建设局",
        "退役军人事务局",
        "卫生健康委员会",
        "自然资源和规划局",
        "医疗保障局",
        "公安局交通警察支队",
        "林业和草原局",
        "经济技术开发区管理委员会",
        "人民政府金山街道办事处",
        "大口镇人民政府",
        "教育体育局",
    ]
)
SUFFIXES = _keep(["", "", "", "（政务服务管理办公室）", "第二分局", "驻京办事处", "（本级）"])

SENTENCES = _keep(
    [
        "我单位认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
        "全年通过政府门户网站主动公开各类政府信息，及时回应社会关切。",
        "严格落实保密审查制度，做到先审查、后公开，一事一审、全面审查。",
        "依申请公开工作按照法定程序和时限办理，答复内容规范、依据充分。",
        "加强政策解读，采用图文、视频等多种形式，提高解读的针对性和可读性。",
        "政府信息公开平台建设进一步加强，栏目设置更加科学，信息发布更加及时。",
        "组织开展政务公开业务培训，提升工作人员的业务能力和服务水平。",
        "存在的主要问题是主动公开的深度和广度还不够，部分栏目更新不够及时。",
        "下一步将进一步完善工作机制，加强监督检查，推动政务公开工作提质增效。",
        "本年度未收取信息处理费。",
        "全年共召开新闻发布会和政策吹风会，邀请群众代表参与重要决策。",
        "按照上级要求，对历史公开文件进行了全面清理和规范。",
    ]
)
SUBHEADINGS = _keep(["（一）存在的主要问题", "（二）改进情况", "（一）主动公开情况", "（二）依申请公开情况"])


def bodies() -> st.SearchStrategy[str]:
    parts = (st.sampled_from(REGIONS), st.sampled_from(ORGANS), st.sampled_from(SUFFIXES))
    return st.builds(lambda r, o, s: r + o + s, *parts)


@st.composite
def narratives(draw) -> str:
    """Several long paragraphs, sometimes with a （一）-style subheading line."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            paragraphs.append(draw(st.sampled_from(SUBHEADINGS)))
        paragraphs.append("".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8))))
    return "\n".join(paragraphs)


def _amount(pick: Pick) -> Decimal:
    places = pick(0, 2)
    return Decimal(pick(1, 10**7)).scaleb(-places)


def _signed(pick: Pick) -> int:
    n = pick(1, 500)
    return -n if pick(0, 1) else n


def consistent_cells(version: Version, pick: Pick) -> dict:
    """Every cell of a format, non-zero, satisfying every 勾稽 rule."""
    fmt = get(version)
    cells: dict = {}
    for t in fmt.tables_of(2):
        for cid in t.ids:
            kind = fmt.kind(cid)
            if kind is Kind.AMOUNT:
                cells[cid] = _amount(pick)
            elif kind is Kind.SIGNED:
                cells[cid] = _signed(pick)
            else:
                cells[cid] = pick(1, 99999)
    requests = fmt.table("requests")
    applicants = [c.key for c in requests.columns if c.key != "total"]
    outcomes = OUTCOME_ROWS[version]
    for c in applicants:
        total = 0
        for r in outcomes:
            n = pick(1, 999)
            cells[requests.cell_id(r, c)] = n
            total += n
        carried = pick(1, 999)
        brought = pick(1, total + carried - 1)  # received = total + carried - brought stays >= 1
        cells[requests.cell_id("total", c)] = total
        cells[requests.cell_id("carried_forward", c)] = carried
        cells[requests.cell_id("brought_forward", c)] = brought
        cells[requests.cell_id("received", c)] = total + carried - brought
    for r in requests.rows:
        cells[requests.cell_id(r, "total")] = sum(cells[requests.cell_id(r, c)] for c in applicants)
    appeals = fmt.table("appeals")
    for r in appeals.rows:
        parts = [pick(1, 99) for _ in range(4)]
        for c, n in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            cells[appeals.cell_id(r, c)] = n
        cells[appeals.cell_id(r, "total")] = sum(parts)
    assert set(cells) == set(fmt.ids)
    return cells


def years(version: Version) -> st.SearchStrategy[int]:
    return st.integers(2019, 2020) if version is Version.V2019 else st.integers(2021, 2030)


@st.composite
def reports(draw, version: Version | None = None, blanks: bool = False) -> Report:
    """A random consistent report of either format, with long narrative sections and an odd body name.

    With blanks=True some cells are left blank (None), as reports leave cells they cannot fill.
    """
    v = version or draw(st.sampled_from(list(Version)))
    cells = consistent_cells(v, lambda lo, hi: draw(st.integers(lo, hi)))
    if blanks:
        ids = sorted(cells)
        for cell_id in draw(st.lists(st.sampled_from(ids), min_size=1, max_size=12, unique=True)):
            cells[cell_id] = None
    return Report(
        format=v,
        body=draw(bodies()),
        year=draw(years(v)),
        cells=cells,
        sections={n: draw(narratives()) for n in (1, 5, 6)},
    )


def sample_report(version: Version | str = Version.V2021, seed: int = 7) -> Report:
    """A fixed consistent report for writer tests: non-zero, mostly distinct values."""
    v = Version(str(version))
    rng = random.Random(seed)
    return Report(
        format=v,
        body="新疆维吾尔自治区巴音郭楞蒙古自治州和静县生态环境局",
        year=2023 if v is Version.V2021 else 2020,
        cells=consistent_cells(v, rng.randint),
        sections={
            1: "\n".join([SUBHEADINGS[2], *SENTENCES[:4]]),
            5: "\n".join([SUBHEADINGS[0], SENTENCES[7], SUBHEADINGS[1], SENTENCES[8]]),
            6: SENTENCES[9],
        },
    )
