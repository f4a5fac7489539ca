"""The region's charts as plain series: each chart is drawn by the page (ECharts) and printed as a table
from the same numbers. By body for the year chosen, and for the region over the years."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from gongkai.model import Report
from gongkai.supervision import measures as m
from gongkai.supervision.measures import RequestMeasures

Number = int | float | None

REGION_TOTAL = "全地区"
BLANK_NOTE = "空白表示有机关未填报该项（不按0计）。"
REGISTER_NOTE = "补正、征求意见和逾期答复按平台登记簿统计；未在平台登记的机关无此数据。"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    kind: str  # "bar" or "line"
    unit: str  # "件" or "%"
    category_label: str  # what the categories are: "年度" or "机关"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    note: str = ""

    @property
    def empty(self) -> bool:
        return all(v is None for s in self.series for v in s.values)

    def table(self) -> tuple[list[str], list[list[Number | str]]]:
        """The chart as a table: a header and one row per category."""
        header = [self.category_label, *(f"{s.name}（{self.unit}）" for s in self.series)]
        rows = [[c, *(s.values[i] for s in self.series)] for i, c in enumerate(self.categories)]
        return header, rows

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "unit": self.unit,
            "category_label": self.category_label,
            "categories": list(self.categories),
            "series": [{"name": s.name, "values": list(s.values)} for s in self.series],
            "stacked": self.stacked,
            "note": self.note,
        }


@dataclass
class YearData:
    """The reports the region counts for one year (by body name) and the register measures of its
    platform bodies (by body name)."""

    year: int
    reports: dict[str, Report] = field(default_factory=dict)
    measures: dict[str, RequestMeasures] = field(default_factory=dict)


Figure = Callable[[Report], Number]


def _over_bodies(data: YearData, figure: Figure) -> Number:
    return m.total(figure(r) for r in data.reports.values())


def _measure_total(data: YearData, name: str) -> int | None:
    return sum(getattr(x, name) for x in data.measures.values()) if data.measures else None


def charts(years: list[YearData], year: int) -> list[Chart]:
    """Every chart for the region: `years` in order (the chosen year among them)."""
    this = next((d for d in years if d.year == year), YearData(year))
    labels = tuple(str(d.year) for d in years)
    bodies = tuple(sorted(this.reports))
    out = [
        *_requests(years, labels, this, bodies),
        *_outcomes(years, labels, this, bodies),
        *_rates(years, labels, this, bodies),
        *_appeals(years, labels, this, bodies),
    ]
    evaluation = _evaluation(this, bodies)
    if not evaluation.empty:  # 社会评议 only where reports state it
        out.append(evaluation)
    return out


def _requests(years, labels, this: YearData, bodies) -> list[Chart]:
    def by(applicant):
        return lambda r: m.received(r, applicant)

    types = m.APPLICANT_LABELS
    return [
        Chart(
            "requests_by_year",
            "各年度新收申请（按申请人类型）",
            "bar",
            "件",
            "年度",
            labels,
            tuple(Series(label, tuple(_over_bodies(d, by(k)) for d in years)) for k, label in types.items()),
            stacked=True,
            note=BLANK_NOTE,
        ),
        Chart(
            "requests_by_body",
            f"{this.year}年各机关新收申请（按申请人类型）",
            "bar",
            "件",
            "机关",
            bodies,
            tuple(
                Series(label, tuple(m.received(this.reports[b], k) for b in bodies))
                for k, label in types.items()
            ),
            stacked=True,
            note=BLANK_NOTE,
        ),
    ]


def _outcomes(years, labels, this: YearData, bodies) -> list[Chart]:
    groups = m.OUTCOME_GROUPS
    per_body = {b: m.outcomes(this.reports[b]) for b in bodies}
    per_year = [{b: m.outcomes(r) for b, r in d.reports.items()} for d in years]

    def regional(outcomes_by_body: Mapping[str, dict], g: str) -> Number:
        return m.total(o[g] for o in outcomes_by_body.values())

    return [
        Chart(
            "outcomes_by_body",
            f"{this.year}年办理结果构成",
            "bar",
            "件",
            "机关",
            (*bodies, REGION_TOTAL),
            tuple(
                Series(label, (*(per_body[b][g] for b in bodies), regional(per_body, g)))
                for g, label in groups.items()
            ),
            stacked=True,
            note=BLANK_NOTE,
        ),
        Chart(
            "outcomes_by_year",
            "各年度办理结果构成",
            "bar",
            "件",
            "年度",
            labels,
            tuple(Series(label, tuple(regional(o, g) for o in per_year)) for g, label in groups.items()),
            stacked=True,
            note=BLANK_NOTE,
        ),
    ]


def _rates(years, labels, this: YearData, bodies) -> list[Chart]:
    def body_rates(b: str) -> tuple[Number, Number, Number]:
        x = this.measures.get(b)
        r = this.reports[b]
        no_corr = m.rate(m.no_correction(r), m.closed(r))
        if x is None:
            return None, None, no_corr
        return m.rate(x.correction, x.received), m.rate(x.consultation, x.received), no_corr

    def year_rates(d: YearData) -> tuple[Number, Number, Number]:
        received = _measure_total(d, "received")
        no_corr = m.rate(_over_bodies(d, m.no_correction), _over_bodies(d, m.closed))
        return (
            m.rate(_measure_total(d, "correction"), received),
            m.rate(_measure_total(d, "consultation"), received),
            no_corr,
        )

    names = ("补正率", "征求第三方意见率", "逾期不补正占办结比")
    by_body = [body_rates(b) for b in bodies]
    by_year = [year_rates(d) for d in years]
    note = REGISTER_NOTE + "逾期不补正占比按报告第三部分计（2021年版格式）。"
    return [
        Chart(
            "rates_by_body",
            f"{this.year}年各机关补正率与征求意见率",
            "bar",
            "%",
            "机关",
            bodies,
            tuple(Series(n, tuple(x[i] for x in by_body)) for i, n in enumerate(names)),
            note=note,
        ),
        Chart(
            "rates_by_year",
            "各年度补正率与征求意见率",
            "line",
            "%",
            "年度",
            labels,
            tuple(Series(n, tuple(x[i] for x in by_year)) for i, n in enumerate(names)),
            note=note,
        ),
        Chart(
            "late_by_body",
            f"{this.year}年各机关逾期答复",
            "bar",
            "件",
            "机关",
            bodies,
            (Series("逾期答复", tuple(_late(this, b) for b in bodies)),),
            note=REGISTER_NOTE,
        ),
        Chart(
            "late_by_year",
            "各年度逾期答复",
            "line",
            "件",
            "年度",
            labels,
            (Series("逾期答复", tuple(_measure_total(d, "late") for d in years)),),
            note=REGISTER_NOTE,
        ),
    ]


def _late(data: YearData, body: str) -> Number:
    x = data.measures.get(body)
    return x.late if x is not None else None


def _correction_rate(reports, rows) -> Number:
    pairs = [m.appeal_counts(r, rows) for r in reports]
    return m.rate(m.total(p[0] for p in pairs), m.total(p[1] for p in pairs))


def _appeals(years, labels, this: YearData, bodies) -> list[Chart]:
    kinds = (("行政复议纠错率", m.RECONSIDERATION), ("行政诉讼纠错率", m.LITIGATION))
    note = "纠错率 = 结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），不含尚未审结；无审结案件时空白。"
    return [
        Chart(
            "appeals_by_body",
            f"{this.year}年各机关行政复议、行政诉讼纠错率",
            "bar",
            "%",
            "机关",
            (*bodies, REGION_TOTAL),
            tuple(
                Series(
                    n,
                    (
                        *(_correction_rate([this.reports[b]], rows) for b in bodies),
                        _correction_rate(this.reports.values(), rows),
                    ),
                )
                for n, rows in kinds
            ),
            note=note,
        ),
        Chart(
            "appeals_by_year",
            "各年度行政复议、行政诉讼纠错率",
            "line",
            "%",
            "年度",
            labels,
            tuple(
                Series(n, tuple(_correction_rate(d.reports.values(), rows) for d in years))
                for n, rows in kinds
            ),
            note=note,
        ),
    ]


def _evaluation(this: YearData, bodies) -> Chart:
    values = tuple(m.satisfaction(this.reports[b]) for b in bodies)
    return Chart(
        "evaluation_by_body",
        f"{this.year}年社会评议满意度",
        "bar",
        "%",
        "机关",
        bodies,
        (Series("满意度", tuple(float(v) if v is not None else None for v in values)),),
        note="取自报告正文所述的社会评议满意度；未述及的机关空白。",
    )
