"""The annual report of a body, generated from its register, with the office's narrative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.check import check
from gongkai.errors import InputError
from gongkai.model import Report
from gongkai.reporting import STATUS_LABELS, ReportStatus, due_date, status_without_record
from gongkai.service.base import FIRST_YEAR as FIRST_REPORT_YEAR
from gongkai.service.base import Service
from gongkai.write import Findings, to_bytes

#: Download formats of the report: media type and file suffix.
REPORT_FILES = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "html": ("text/html; charset=utf-8", "html"),
}


@dataclass(frozen=True)
class Standing:
    """Where a body's report of a year stands against 第四十九条: its status, due date and days left."""

    year: int
    status: ReportStatus
    due: date
    days_left: int  # calendar days to the due date; negative once past it
    narrative: dict[int, str]
    submitted_on: date | None = None
    published_on: date | None = None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def final(self) -> bool:
        return self.published_on is not None


@dataclass(frozen=True)
class ReportFile:
    name: str
    media_type: str
    data: bytes


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
        return self.standing(actor, body_id, year).status

    def standing(self, actor: Actor, body_id: str, year: int) -> Standing:
        self.require_read(actor, body_id)
        year = self.check_year(year, "报告年度")
        kind = self.store.body(body_id).kind
        rec = self.store.report_record(body_id, year)
        today = self.today()
        due = due_date(kind, year)
        status = rec.status(kind, today) if rec else status_without_record(kind, year, today)
        if rec is None:
            return Standing(year, status, due, (due - today).days, {})
        return Standing(
            year, status, due, (due - today).days, rec.narrative, rec.submitted_on, rec.published_on
        )

    def working_year(self) -> int:
        """The report an office works on today: last year's (due by 1月31日 or 3月31日 of this year)."""
        return max(self.today().year - 1, FIRST_REPORT_YEAR)

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

    def preview_html(self, actor: Actor, body_id: str, year: int) -> str:
        """The preview in the national layout, the checks' findings as its 附件."""
        return to_bytes(self.preview(actor, body_id, year), "html", Findings.APPENDIX).decode("utf-8")

    def file(self, actor: Actor, body_id: str, year: int, fmt: str) -> ReportFile:
        """The report as a file to download (DOCX or HTML), without the findings."""
        if fmt not in REPORT_FILES:
            raise InputError(
                f"不支持的下载格式“{fmt}”（可选：docx、html）", code="report.format", field="fmt"
            )
        report = self.preview(actor, body_id, year)
        media, suffix = REPORT_FILES[fmt]
        name = f"{self.store.body(body_id).name}{report.year}年政府信息公开工作年度报告.{suffix}"
        return ReportFile(name, media, to_bytes(report, fmt))

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
