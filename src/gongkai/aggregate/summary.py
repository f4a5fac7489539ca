"""`aggregate`: reports of one year and format in, one regional report out, each cell the sum over the
bodies, with the findings an office needs to trust it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gongkai.aggregate.bodies import BodyResult, body_results
from gongkai.aggregate.cells import BlankBy, blank_by, blank_findings, sum_cells
from gongkai.aggregate.inputs import body_name, edition_of
from gongkai.aggregate.narrative import overview
from gongkai.check import RULES, Scope, check
from gongkai.check.plan import plan_for
from gongkai.model.finding import Finding, error
from gongkai.model.report import Report

DEFAULT_REGION = "本地区"
UNREAD = "aggregate.unread"

#: Of the regional report's own checks, the 勾稽 and value rules. Blank cells and empty tables are
#: reported by aggregate.blank / aggregate.table_missing instead, which name the bodies; the narrative
#: rules do not apply, since the office writes sections 五 and 六 itself.
_REGIONAL_RULES = frozenset(
    r.id for r in RULES if r.scope is Scope.CELLS and r.id not in ("cell.blank", "table.missing")
)


@dataclass(frozen=True)
class Unread:
    """An input left out because it could not be read: its source and the one line said about it."""

    source: str
    error: str


@dataclass
class Summary:
    """The regional report and what stands behind it."""

    report: Report  # format, year, body = the region, cells = the sums, sections {1: …}, findings
    bodies: tuple[BodyResult, ...]  # in input order
    unread: tuple[Unread, ...] = ()
    blanks: BlankBy = field(default_factory=dict)  # cell id → bodies that left it blank

    def to_dict(self) -> dict:
        """The regional report's JSON (loadable by `gongkai render` and `aggregate`), plus the bodies."""
        return {
            **self.report.to_dict(),
            "bodies": [b.to_dict() for b in self.bodies],
            "unread": [{"source": u.source, "error": u.error} for u in self.unread],
            "blanks": {i: list(names) for i, names in self.blanks.items()},
        }


def _names(reports: Sequence[Report]) -> list[str]:
    """Each body's name; a repeated one (unnamed reports with the same file name) gets its position."""
    names = [body_name(r, n) for n, r in enumerate(reports, 1)]
    return [f"{x}（第{n}份）" if names.count(x) > 1 else x for n, x in enumerate(names, 1)]


def _unread_finding(u: Unread) -> Finding:
    return error(UNREAD, f"未计入汇总：{u.error}")


def aggregate(
    reports: Iterable[Report],
    name: str | None = None,
    *,
    previous: Iterable[Report] = (),
    unread: Iterable[Unread] = (),
) -> Summary:
    """Sum reports of one year and one format into one regional report named `name`.

    Each cell is the sum over the reports; a cell blank in any report stays blank. `previous` are the
    bodies' earlier reports, for the cross-year findings of each body; `unread` are inputs that could not
    be read, listed as findings and in section 一. Raises AggregateError (an InputError) for no reports,
    reports of different years or formats, a report without year or format, or a body given twice.
    """
    reports = list(reports)
    unread = tuple(unread)
    year, version = edition_of(reports)
    plan = plan_for(version)
    names = _names(reports)
    region = name or DEFAULT_REGION
    bodies = body_results(reports, names, previous)
    blanks = blank_by(reports, names, plan)
    regional = Report(
        format=version,
        body=region,
        year=year,
        cells=sum_cells(reports, plan),
        sections={1: overview(region, year, bodies, [u.source for u in unread])},
        title=f"{region}{year}年政府信息公开工作年度报告（汇总）",
    )
    regional.findings = [
        *map(_unread_finding, unread),
        *blank_findings(blanks, plan),
        *(f for f in check(regional) if f.rule in _REGIONAL_RULES),
    ]
    return Summary(regional, bodies, unread, blanks)
