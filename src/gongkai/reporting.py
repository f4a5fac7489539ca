"""The annual report's life in a body: drafted, submitted, published, by the dates of 第四十九条.

Departments of a government (and townships and other bodies) submit their report to the government's
disclosure office and publish it by 1月31日; the government's office publishes the government's own by
3月31日. A report not published by its date is 逾期.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.org.model import BodyKind


class ReportStatus(StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    OVERDUE = "overdue"


STATUS_LABELS = {
    ReportStatus.NOT_STARTED: "未开始",
    ReportStatus.DRAFT: "草稿",
    ReportStatus.SUBMITTED: "已报送",
    ReportStatus.PUBLISHED: "已公开",
    ReportStatus.OVERDUE: "逾期",
}


def due_date(kind: BodyKind | str, year: int) -> date:
    """The day a body's report of `year` must be published (第四十九条)."""
    return date(year + 1, 3, 31) if BodyKind(kind) is BodyKind.GOVERNMENT else date(year + 1, 1, 31)


@dataclass(frozen=True)
class ReportRecord:
    """What the store keeps of a body's report of a year."""

    body_id: str
    year: int
    narrative: dict[int, str]
    submitted_on: date | None = None
    published_on: date | None = None
    drafted: bool = True

    def status(self, kind: BodyKind | str, today: date) -> ReportStatus:
        if self.published_on:
            return ReportStatus.PUBLISHED
        if today > due_date(kind, self.year):
            return ReportStatus.OVERDUE
        if self.submitted_on:
            return ReportStatus.SUBMITTED
        return ReportStatus.DRAFT if self.drafted else ReportStatus.NOT_STARTED


def status_without_record(kind: BodyKind | str, year: int, today: date) -> ReportStatus:
    return ReportStatus.OVERDUE if today > due_date(kind, year) else ReportStatus.NOT_STARTED
