"""Each body's own findings: what its reader noticed, the 勾稽 checks, and the cross-year rules against
the same body's previous report when one is given (gongkai.check's series rules, matched by name)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gongkai.check import check, series_findings
from gongkai.model.finding import Finding, Severity
from gongkai.model.report import Report


@dataclass(frozen=True)
class BodyResult:
    """One body in the summary: its report as given, the name the summary uses for it, its findings."""

    name: str
    report: Report
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def blank_cells(self) -> int:
        return sum(v is None for v in self.report.cells.values())

    def to_dict(self) -> dict:
        r = self.report
        return {
            "name": self.name,
            "body": r.body,
            "source": r.source,
            "blank_cells": self.blank_cells,
            "findings": [f.to_dict() for f in self.findings],
        }


def _unique(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    # A report from `gongkai parse --json` already carries its check findings; running them again must
    # not list them twice.
    return tuple(dict.fromkeys(findings))


def _cross_year(reports: Sequence[Report], previous: Iterable[Report]) -> dict[int, list[Finding]]:
    """Series findings about each of `reports` (by id), from one pass over the whole series."""
    out: dict[int, list[Finding]] = {}
    for r, f in series_findings([*previous, *reports]):
        out.setdefault(id(r), []).append(f)
    return out


def body_results(
    reports: Sequence[Report], names: Sequence[str], previous: Iterable[Report] = ()
) -> tuple[BodyResult, ...]:
    """Each report with its name and findings: those it carries, every single-report check, and the
    cross-year rules against `previous` (earlier reports; only the same body's year before is compared)."""
    cross = _cross_year(reports, previous)
    return tuple(
        BodyResult(name, r, _unique([*r.findings, *check(r), *cross.get(id(r), ())]))
        for name, r in zip(names, reports, strict=True)
    )


def body_findings(report: Report, previous: Iterable[Report] = ()) -> tuple[Finding, ...]:
    """One report's findings, as `body_results` gives them."""
    return body_results([report], [report.body or ""], previous)[0].findings
