"""The annual report of a body, generated from its register, with the office's narrative."""

from __future__ import annotations

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.check import check
from gongkai.errors import InputError
from gongkai.model import Report
from gongkai.reporting import status_without_record
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


class AnnualReportService(Service):
    """The annual report as the office prepares it: its narrative, preview and checks, submitted to the
    government's office and published, by the dates of 第四十九条."""

    def record(self, actor: Actor, body_id: str, year: int):
        self.require_read(actor, body_id)
        return self.store.report_record(body_id, self.check_year(year, "报告年度"))

    def status(self, actor: Actor, body_id: str, year: int):
        self.require_read(actor, body_id)
        kind = self.store.body(body_id).kind
        rec = self.store.report_record(body_id, year)
        return rec.status(kind, self.today()) if rec else status_without_record(kind, year, self.today())

    def save_narrative(self, actor: Actor, body_id: str, year: int, narrative: dict[int, str]):
        self.require_write(actor, body_id)
        clean = {}
        for k, v in narrative.items():
            if int(k) not in (1, 5, 6):
                raise InputError(f"第{k}部分不是文字部分（只有一、五、六）", code="report.narrative")
            clean[int(k)] = str(v or "").strip()[:50_000]
        return self.store.save_report(body_id, self.check_year(year, "报告年度"), actor.name, narrative=clean)

    def preview(self, actor: Actor, body_id: str, year: int) -> Report:
        """The report as it would be published today: the register's figures and the saved narrative (the
        published one, once published)."""
        self.require_read(actor, body_id)
        year = self.check_year(year, "报告年度")
        snap = self.store.report_snapshot(body_id, year)
        rec = self.store.report_record(body_id, year)
        if rec and rec.published_on and snap:
            return Report.from_dict(snap)
        report = self.store.annual_report(body_id, year, narrative=rec.narrative if rec else None)
        report.findings = list(check(report))
        return report

    def submit(self, actor: Actor, body_id: str, year: int, on=None):
        """报送: the report goes to the government's disclosure office as it stands."""
        self.require(can.can_sign(actor, body_id), actor, "报送年度报告")
        report = self.preview(actor, body_id, year)
        day = self.check_day(on or self.today(), "报送日期")
        return self.store.save_report(body_id, year, actor.name, submitted_on=day, snapshot=report.to_dict())

    def publish(self, actor: Actor, body_id: str, year: int, on=None):
        """公开: the report is published and final."""
        self.require(can.can_sign(actor, body_id), actor, "公开年度报告")
        report = self.preview(actor, body_id, year)
        day = self.check_day(on or self.today(), "公开日期")
        return self.store.save_report(body_id, year, actor.name, published_on=day, snapshot=report.to_dict())
