"""Read a published report and check it: the one call behind `parse`, `check`, `export` and `demo`.

Reading (gongkai.read) and checking (gongkai.check) stay apart; this joins them, file by file, and
runs the cross-year rules over a batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gongkai.check import check, series_findings
from gongkai.model.report import Report
from gongkai.read import ReadError, read_path


@dataclass
class Outcome:
    """One file's result: a report, or the one-line reason it could not be read."""

    source: str
    report: Report | None = None
    error: str | None = None

    def to_dict(self) -> dict:
        if self.report is None:
            return {
                "source": self.source,
                "format": None,
                "body": None,
                "year": None,
                "cells": {},
                "findings": [],
                "error": self.error,
            }
        return self.report.to_dict()


def examine(path: str | Path) -> Outcome:
    source = str(path)
    try:
        report = read_path(path)
    except ReadError as e:
        return Outcome(source, error=str(e))
    except Exception as e:  # a reader bug must not end a batch; say which file and what
        return Outcome(source, error=f"读取时发生内部错误（{type(e).__name__}: {e}）")
    report.source = source
    report.findings.extend(check(report))
    return Outcome(source, report)


def examine_file(path: str | Path) -> list[Outcome]:
    """The outcomes of one file: a published report through the readers, or the reports of a JSON/YAML
    file (what `gongkai report` or `gongkai parse --json` wrote), checked afresh. A stored report keeps the
    findings its reading produced (read.*); its check findings are computed again, never doubled."""
    from gongkai.write.load import SUFFIXES, LoadError, load_reports

    if Path(path).suffix.lower() not in SUFFIXES:
        return [examine(path)]
    source = str(path)
    try:
        loaded = load_reports(path)
    except LoadError as e:
        return [Outcome(source, error=str(e))]
    out = []
    for item in loaded:
        if isinstance(item, LoadError):
            out.append(Outcome(source, error=str(item)))
            continue
        item.source = item.source or source
        item.findings = [f for f in item.findings if f.rule.startswith("read.")]
        item.findings.extend(check(item))
        out.append(Outcome(item.source, item))
    return out


def examine_series(outcomes: list[Outcome]) -> None:
    """Add the cross-year findings (carry-over, in-force stock) to the later report of each pair."""
    reports = [o.report for o in outcomes if o.report is not None]
    for report, finding in series_findings(reports):
        report.findings.append(finding)
