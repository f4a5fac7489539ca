"""The bodies of a region with their report status and deadline, and the reminders (第四十九条)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gongkai.org.model import BODY_KIND_LABELS, BodyKind
from gongkai.reporting import STATUS_LABELS, ReportStatus

#: Reminders start this many days before a deadline, and change level at each.
REMINDER_DAYS = (15, 7, 3)


@dataclass(frozen=True)
class BodyEntry:
    """One body of the region for a year: on the platform (`body_id`) or known from uploads."""

    name: str
    kind: BodyKind
    region_id: str
    status: ReportStatus
    due: date
    body_id: str | None = None  # a platform body
    upload_id: int | None = None  # the year's uploaded report, if any
    submitted_on: date | None = None
    published_on: date | None = None
    in_summary: bool = False  # a report of the year the regional summary counts

    @property
    def on_platform(self) -> bool:
        return self.body_id is not None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def kind_label(self) -> str:
        return BODY_KIND_LABELS[self.kind]

    @property
    def source_label(self) -> str:
        if self.upload_id is not None:
            return "上传的公开报告"
        return "平台登记簿" if self.on_platform else "未上传"

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "region_id": self.region_id,
            "status": self.status.value,
            "status_label": self.status_label,
            "due": self.due.isoformat(),
            "body_id": self.body_id,
            "upload_id": self.upload_id,
            "submitted_on": self.submitted_on.isoformat() if self.submitted_on else None,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "in_summary": self.in_summary,
        }


@dataclass(frozen=True)
class Reminder:
    """A body that has not published its report as its deadline approaches (or has passed)."""

    body: BodyEntry
    days_left: int  # negative once overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def level(self) -> str:
        """ "overdue", or the smallest of REMINDER_DAYS the deadline lies within ("3", "7", "15")."""
        if self.overdue:
            return "overdue"
        return str(min(d for d in REMINDER_DAYS if self.days_left <= d))

    @property
    def message(self) -> str:
        b = self.body
        what = "尚未报送" if b.submitted_on is None else "已报送但尚未公开"
        if self.overdue:
            return f"{b.name}{what}，已逾期{-self.days_left}天（应于{b.due}前公开）"
        when = "今天到期" if self.days_left == 0 else f"距截止还有{self.days_left}天"
        return f"{b.name}{what}，{when}（应于{b.due}前公开）"


def reminders(bodies: Iterable[BodyEntry], today: date) -> list[Reminder]:
    """The bodies not yet published within REMINDER_DAYS[0] days of their deadline or past it, the most
    urgent first."""
    out = []
    for b in bodies:
        if b.status is ReportStatus.PUBLISHED:
            continue
        left = (b.due - today).days
        if left <= REMINDER_DAYS[0]:
            out.append(Reminder(b, left))
    return sorted(out, key=lambda r: (r.days_left, r.body.name))
