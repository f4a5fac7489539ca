"""The annual report of a body, generated from its register, with the office's narrative."""

from __future__ import annotations

from gongkai.access import Actor
from gongkai.check import check
from gongkai.model import Report
from gongkai.service.base import Service


class ReportService(Service):
    def annual(
        self, actor: Actor, body_id: str, year: int, narrative: dict[int, str] | None = None
    ) -> Report:
        """The year's report in the national format, its 勾稽 checks run (they hold by construction; a
        finding means the office's own section 二 figures or text need a look)."""
        self.require_read(actor, body_id)
        year = self.check_year(year, "报告年度")
        report = self.store.annual_report(body_id, year, narrative=narrative)
        report.findings = list(check(report))
        return report

    def late_answers(self, actor: Actor, body_id: str, year: int) -> int:
        self.require_read(actor, body_id)
        return self.store.late_answers(body_id, self.check_year(year))

    def fees_collected(self, actor: Actor, body_id: str, year: int):
        self.require_read(actor, body_id)
        return self.store.fees_collected(body_id, self.check_year(year))

    def seed(self, actor: Actor, body_id: str, report: Report) -> dict[str, int]:
        """Start the body's register from its last published report (its carry-over)."""
        self.require_write(actor, body_id)
        if report.year is not None:
            self.check_year(report.year, "导入报告的年度")
        return self.store.seed(body_id, report, actor.name)
