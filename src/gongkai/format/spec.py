"""The national annual report format (FORMAT.md) as data: the one place it is written down.

Both formats are described here — the 2021 format (国办公开办函〔2021〕30号) and the 2019 trial format
(国办公开办函〔2019〕60号). Every other module refers to cells by the ids built from these tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Version(StrEnum):
    V2021 = "2021"
    V2019 = "2019"


class Kind(StrEnum):
    """What a cell holds."""

    COUNT = "count"  # non-negative integer
    AMOUNT = "amount"  # decimal, 万元
    SIGNED = "signed"  # signed integer (2019 本年增/减)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.COUNT
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    key: str  # dotted: "withheld.state_secret"
    label: str  # official label, without its group
    group: str | None = None  # official label of the enclosing group, e.g. "（三）不予公开"
    variants: tuple[str, ...] = ()  # other ways published reports print it
    keywords: tuple[str, ...] = ()  # distinctive fragments a damaged label still carries


@dataclass(frozen=True)
class Table:
    key: str  # "active.20_1", "requests", "appeals"
    section: int  # 2, 3 or 4
    prefix: str  # id prefix: "active", "requests", "appeals"
    heading: str | None  # e.g. 第二十条第（一）项
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    row_header: str = "信息内容"

    def __post_init__(self) -> None:
        # Ids of each row, built once: readers and checks ask for them per report.
        by_row = {r.key: tuple(self.cell_id(r, c) for c in self.columns) for r in self.rows}
        object.__setattr__(self, "_row_ids", by_row)
        object.__setattr__(self, "_ids", tuple(i for r in self.rows for i in by_row[r.key]))

    def cell_id(self, row: Row | str, column: Column | str) -> str:
        r = row if isinstance(row, str) else row.key
        c = column if isinstance(column, str) else column.key
        return f"{self.prefix}.{r}.{c}"

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def row_ids(self, row: Row | str) -> list[str]:
        return list(self._row_ids[row if isinstance(row, str) else row.key])

    def column_ids(self, column: Column | str) -> list[str]:
        return [self.cell_id(r, column) for r in self.rows]

    @property
    def ids(self) -> list[str]:
        return list(self._ids)


@dataclass(frozen=True)
class Section:
    number: int  # 1..6
    key: str
    title: str  # official heading, with its numeral
    narrative: bool  # True where the section is text rather than tables
    # Words a heading keeps however a report words it (四、政府信息公开行政复议与行政诉讼情况, a typo
    # such as 行政法复议): with the section's numeral before them, they mark its heading.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Format:
    version: Version
    tables: tuple[Table, ...]
    sections: tuple[Section, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", tuple(i for t in self.tables for i in t._ids))  # built once

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def tables_of(self, section: int) -> list[Table]:
        return [t for t in self.tables if t.section == section]

    def kind(self, cell_id: str) -> Kind:
        return KINDS[self.version][cell_id]

    def label(self, cell_id: str) -> str:
        """Chinese label of a cell for a header row: 行标签·列标签."""
        return LABELS[self.version][cell_id]


# ---------------------------------------------------------------------------------------------- sections

SECTIONS = (
    Section(1, "overview", "一、总体情况", True, ("总体情况",)),
    Section(2, "active", "二、主动公开政府信息情况", False, ("主动公开",)),
    Section(3, "requests", "三、收到和处理政府信息公开申请情况", False, ("收到和处理", "申请")),
    Section(4, "appeals", "四、政府信息公开行政复议、行政诉讼情况", False, ("复议", "诉讼")),
    Section(5, "problems", "五、存在的主要问题及改进情况", True, ("主要问题", "改进")),
    Section(6, "other", "六、其他需要报告的事项", True, ("其他需要报告",)),
)

# ---------------------------------------------------------------------------------------------- section 二

_ISSUED = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数", variants=("本年度止件数", "本年废止数", "废止件数")),
    Column("in_force", "现行有效件数"),
)
_DECISIONS = (Column("decisions", "本年处理决定数量"),)

ACTIVE_2021 = (
    Table(
        "active.20_1",
        2,
        "active",
        "第二十条第（一）项",
        (
            Row("regulations", "规章", keywords=("规章",)),
            Row("normative_documents", "行政规范性文件", variants=("规范性文件",), keywords=("规范性",)),
        ),
        _ISSUED,
    ),
    Table(
        "active.20_5",
        2,
        "active",
        "第二十条第（五）项",
        (Row("licensing", "行政许可", keywords=("许可",)),),
        _DECISIONS,
    ),
    Table(
        "active.20_6",
        2,
        "active",
        "第二十条第（六）项",
        (
            Row("penalties", "行政处罚", keywords=("处罚",)),
            Row("coercive_measures", "行政强制", keywords=("强制",)),
        ),
        _DECISIONS,
    ),
    Table(
        "active.20_8",
        2,
        "active",
        "第二十条第（八）项",
        (Row("fees", "行政事业性收费", keywords=("收费",)),),
        (Column("amount", "本年收费金额（单位：万元）", Kind.AMOUNT),),
    ),
)

_MADE = (
    Column("made", "本年新制作数量"),
    Column("published", "本年新公开数量"),
    Column("total_public", "对外公开总数量"),
)
_ITEMS = (
    Column("prior_items", "上一年项目数量"),
    Column("change", "本年增/减", Kind.SIGNED, variants=("本年增减",)),
    Column("decisions", "处理决定数量"),
)

ACTIVE_2019 = (
    Table(
        "active.20_1",
        2,
        "active",
        "第二十条第（一）项",
        (
            Row("regulations", "规章", keywords=("规章",)),
            Row("normative_documents", "规范性文件", variants=("行政规范性文件",), keywords=("规范性",)),
        ),
        _MADE,
    ),
    Table(
        "active.20_5",
        2,
        "active",
        "第二十条第（五）项",
        (
            Row("licensing", "行政许可", keywords=("许可",)),
            Row("other_services", "其他对外管理服务事项", keywords=("对外管理", "服务事项")),
        ),
        _ITEMS,
    ),
    Table(
        "active.20_6",
        2,
        "active",
        "第二十条第（六）项",
        (
            Row("penalties", "行政处罚", keywords=("处罚",)),
            Row("coercive_measures", "行政强制", keywords=("强制",)),
        ),
        _ITEMS,
    ),
    Table(
        "active.20_8",
        2,
        "active",
        "第二十条第（八）项",
        (Row("fees", "行政事业性收费", keywords=("收费",)),),
        _ITEMS[:2],
    ),
    Table(
        "active.20_9",
        2,
        "active",
        "第二十条第（九）项",
        (Row("procurement", "政府集中采购", keywords=("采购",)),),
        (Column("projects", "采购项目数量"), Column("amount", "采购总金额", Kind.AMOUNT)),
    ),
)

# ---------------------------------------------------------------------------------------------- section 三

APPLICANTS = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social_welfare", "社会公益组织"),
    Column("legal_services", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
APPLICANT_GROUP = "法人或其他组织"  # spans commercial … other_org
TALLY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_GROUP = "三、本年度办理结果"

_W = "（三）不予公开"
_U = "（四）无法提供"
_N = "（五）不予处理"
_O = "（六）其他处理"

_REQUEST_ROWS_HEAD = (
    Row("received", "一、本年新收政府信息公开申请数量", keywords=("新收",)),
    Row("brought_forward", "二、上年结转政府信息公开申请数量", keywords=("上年结转",)),
    Row("granted", "（一）予以公开", RESULTS_GROUP, keywords=("予以公开",)),
    Row(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        RESULTS_GROUP,
        keywords=("部分公开", "区分处理"),
    ),
    Row("withheld.state_secret", "1.属于国家秘密", _W, keywords=("国家秘密",)),
    Row(
        "withheld.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        _W,
        variants=("2.其他法律行政止公开",),
        keywords=("禁止公开", "法律行政"),
    ),
    Row("withheld.security_stability", "3.危及“三安全一稳定”", _W, keywords=("三安全", "一稳定")),
    Row("withheld.third_party_rights", "4.保护第三方合法权益", _W, keywords=("第三方",)),
    Row("withheld.internal_affairs", "5.属于三类内部事务信息", _W, keywords=("内部事务",)),
    Row("withheld.process_information", "6.属于四类过程性信息", _W, keywords=("过程性",)),
    Row("withheld.enforcement_files", "7.属于行政执法案卷", _W, keywords=("执法案卷",)),
    Row("withheld.inquiry_matters", "8.属于行政查询事项", _W, keywords=("查询事项",)),
    Row("unavailable.not_held", "1.本机关不掌握相关政府信息", _U, keywords=("不掌握",)),
    Row("unavailable.needs_creation", "2.没有现成信息需要另行制作", _U, keywords=("另行制作", "现成信息")),
    Row("unavailable.still_unclear", "3.补正后申请内容仍不明确", _U, keywords=("仍不明确",)),
    Row("not_handled.petition", "1.信访举报投诉类申请", _N, keywords=("信访", "举报投诉")),
    Row("not_handled.duplicate", "2.重复申请", _N, keywords=("重复申请",)),
    Row("not_handled.publication", "3.要求提供公开出版物", _N, keywords=("出版物",)),
    Row("not_handled.excessive", "4.无正当理由大量反复申请", _N, keywords=("大量反复",)),
    Row(
        "not_handled.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        _N,
        keywords=("重新出具", "确认或"),
    ),
)
_REQUEST_ROWS_TAIL = (
    Row("total", "（七）总计", RESULTS_GROUP, keywords=("总计",)),
    Row("carried_forward", "四、结转下年度继续办理", keywords=("结转下年",)),
)

REQUESTS_2021 = Table(
    "requests",
    3,
    "requests",
    None,
    (
        *_REQUEST_ROWS_HEAD,
        Row(
            "other.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            _O,
            keywords=("不补正", "逾期不补"),
        ),
        Row(
            "other.fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            _O,
            keywords=("缴纳费用", "收费通知"),
        ),
        Row("other.other", "3.其他", _O, keywords=()),
        *_REQUEST_ROWS_TAIL,
    ),
    APPLICANTS,
    row_header="申请人情况",
)
REQUESTS_2019 = Table(
    "requests",
    3,
    "requests",
    None,
    (
        *_REQUEST_ROWS_HEAD,
        Row("other", "（六）其他处理", RESULTS_GROUP, keywords=("其他处理",)),
        *_REQUEST_ROWS_TAIL,
    ),
    APPLICANTS,
    row_header="申请人情况",
)

#: Rows of section 三 whose sum per column is the 总计 row (rule 2).
OUTCOME_ROWS = {
    Version.V2021: tuple(r.key for r in REQUESTS_2021.rows[2:-2]),
    Version.V2019: tuple(r.key for r in REQUESTS_2019.rows[2:-2]),
}

# ---------------------------------------------------------------------------------------------- section 四

APPEAL_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
APPEALS = Table(
    "appeals",
    4,
    "appeals",
    None,
    (
        Row("reconsideration", "行政复议", keywords=("复议",)),
        Row("litigation_direct", "未经复议直接起诉", "行政诉讼", keywords=("直接起诉",)),
        Row("litigation_after_reconsideration", "复议后起诉", "行政诉讼", keywords=("复议后",)),
    ),
    APPEAL_COLUMNS,
    row_header="",
)

# ---------------------------------------------------------------------------------------------- formats

FORMATS: dict[Version, Format] = {
    Version.V2021: Format(Version.V2021, (*ACTIVE_2021, REQUESTS_2021, APPEALS), SECTIONS),
    Version.V2019: Format(Version.V2019, (*ACTIVE_2019, REQUESTS_2019, APPEALS), SECTIONS),
}


#: Words only one format's tables print: what tells a report's format when its title does not.
MARKS: dict[Version, tuple[str, ...]] = {
    Version.V2019: (
        "本年新制作",
        "本年新公开",
        "对外公开总数",
        "上一年项目数量",
        "政府集中采购",
        "其他对外管理服务",
    ),
    Version.V2021: ("本年制发件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "不补正", "缴纳费用"),
}


def get(version: Version | str) -> Format:
    return FORMATS[Version(str(version))]


def _kinds(fmt: Format) -> dict[str, Kind]:
    return {t.cell_id(r, c): c.kind for t in fmt.tables for r in t.rows for c in t.columns}


def _labels(fmt: Format) -> dict[str, str]:
    out = {}
    for t in fmt.tables:
        for r in t.rows:
            for c in t.columns:
                row = f"{r.group}{r.label}" if r.group and t.prefix == "appeals" else r.label
                out[t.cell_id(r, c)] = f"{row}·{c.label}"
    return out


KINDS = {v: _kinds(f) for v, f in FORMATS.items()}
LABELS = {v: _labels(f) for v, f in FORMATS.items()}
