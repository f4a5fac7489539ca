"""An office's dashboard in a few queries: the counts of every work list at once (one pass over the body's
requests with conditional counts), the first lines of the lists that need action, the report's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from gongkai.access import Actor
from gongkai.register.types import WAITING_STATES
from gongkai.reporting import ReportStatus, due_date, status_without_record
from gongkai.service.base import Service
from gongkai.service.requests import Page, _summary
from gongkai.store import RequestQuery
from gongkai.store.models import RequestRow
from gongkai.store.requests import OPEN_STATES


@dataclass(frozen=True)
class WorkCounts:
    overdue: int  # open past the due date
    due3: int  # open and due within 3 working days (the overdue ones included)
    due5: int
    waiting: int  # waiting for the applicant past the period given
    late: int  # answered late this year
    received_month: int
    closed_month: int
    open: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    counts: WorkCounts
    lists: dict[str, Page]  # overdue, due5, waiting: the first lines
    report_year: int
    report_due: date
    report_status: ReportStatus


class DashboardService(Service):
    def dashboard(self, actor: Actor, body_id: str, lines: int = 8) -> Dashboard:
        self.require_read(actor, body_id)
        today, cal = self.today(), self.store.calendar()
        by3, by5 = cal.add_workdays(today, 3), cal.add_workdays(today, 5)
        counts = self._counts(body_id, today, by3, by5)
        lists = {
            name: Page([_summary(r) for r in rows], total, lines, 0)
            for name, q in (
                ("overdue", RequestQuery(overdue_on=today, order="due", limit=lines)),
                ("due5", RequestQuery(due_by=by5, order="due", limit=lines)),
                ("waiting", RequestQuery(waiting_past=today, order="due", limit=lines)),
            )
            for rows, total in [self.store.search(body_id, q)]
        }
        body = self.store.body(body_id)
        year = today.year - 1
        rec = self.store.report_record(body_id, year)
        status = rec.status(body.kind, today) if rec else status_without_record(body.kind, year, today)
        return Dashboard(today, counts, lists, year, due_date(body.kind, year), status)

    def _counts(self, body_id: str, today: date, by3: date, by5: date) -> WorkCounts:
        R = RequestRow
        is_open = R.state.in_(OPEN_STATES)
        due = and_(is_open, R.due_on.is_not(None))
        month = today.replace(day=1)
        year_from, year_to = date(today.year, 1, 1), date(today.year, 12, 31)
        q = select(
            func.count().filter(and_(is_open, R.due_on < today)),
            func.count().filter(and_(due, R.due_on <= by3)),
            func.count().filter(and_(due, R.due_on <= by5)),
            func.count().filter(and_(R.state.in_([s.value for s in WAITING_STATES]), R.wait_until < today)),
            func.count().filter(and_(R.late.is_(True), R.closed_on >= year_from, R.closed_on <= year_to)),
            func.count().filter(and_(R.received_on >= month, R.received_on <= today)),
            func.count().filter(and_(R.closed_on >= month, R.closed_on <= today)),
            func.count().filter(is_open),
        ).where(R.body_id == body_id, R.deleted_at.is_(None))
        with self.store.Session() as s:
            return WorkCounts(*s.execute(q).one())
