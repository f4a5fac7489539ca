"""The annual report of a body, computed from the store (register.annual is the reference)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, or_, select

from gongkai.format.spec import APPEALS
from gongkai.model import Report
from gongkai.register.active import appeal_cells, count_cells, document_cells
from gongkai.register.annual import RequestTally, build_report
from gongkai.register.types import APPLICANT_TYPES, EventType
from gongkai.store.base import StoreBase
from gongkai.store.errors import StoreError
from gongkai.store.models import EventRow, RequestRow


class ReportStore(StoreBase):
    def tally(self, body_id: str, year: int) -> RequestTally:
        """Section 三 by three GROUP BY queries over the projection columns (see register.annual.tally)."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        R = RequestRow
        live = and_(R.body_id == body_id, R.deleted_at.is_(None))
        t = RequestTally()
        with self.Session() as s:

            def by_type(*where):
                q = select(R.applicant_type, func.count()).where(live, *where).group_by(R.applicant_type)
                return Counter({k: n for k, n in s.execute(q)})

            t.received = by_type(R.received_on >= start, R.received_on <= end)
            t.brought_forward = by_type(
                R.received_on < start, or_(R.closed_on.is_(None), R.closed_on >= start)
            )
            q = (
                select(R.outcome, R.applicant_type, func.count())
                .where(live, R.closed_on >= start, R.closed_on <= end)
                .group_by(R.outcome, R.applicant_type)
            )
            t.closed = Counter({(o, a): n for o, a, n in s.execute(q)})
        # open at the end = open at the start + received - closed: every closing is dated on or after its
        # receipt, so this is the same count as a fourth scan (a test checks it against register.annual.tally)
        closed_by_type = Counter()
        for (_, a), n in t.closed.items():
            closed_by_type[a] += n
        t.carried_forward = Counter(
            {a: t.brought_forward[a] + t.received[a] - closed_by_type[a] for a in APPLICANT_TYPES}
        )
        return t

    def late_answers(self, body_id: str, year: int) -> int:
        """Answers given in the year after their due date (逾期答复)."""
        R = RequestRow
        with self.Session() as s:
            q = select(func.count()).where(
                R.body_id == body_id,
                R.deleted_at.is_(None),
                R.late.is_(True),
                R.closed_on >= date(year, 1, 1),
                R.closed_on <= date(year, 12, 31),
            )
            return s.scalar(q)

    def fees_collected(self, body_id: str, year: int) -> Decimal:
        with self.Session() as s:
            q = (
                select(func.coalesce(func.sum(EventRow.amount), 0))
                .join(RequestRow, RequestRow.id == EventRow.request_id)
                .where(
                    EventRow.body_id == body_id,
                    EventRow.type == EventType.FEE_PAID.value,
                    EventRow.voided_at.is_(None),
                    EventRow.event_on >= date(year, 1, 1),
                    EventRow.event_on <= date(year, 12, 31),
                    RequestRow.deleted_at.is_(None),
                )
            )
            return Decimal(str(s.scalar(q)))

    def annual_report(self, body_id: str, year: int, narrative: dict[int, str] | None = None) -> Report:
        """The report of a body for a year, generated from the register.

        Section 二's document cells are blank when the body keeps no document records; its yearly figures
        are blank until entered. Section 四 counts the recorded appeal cases (0 when there are none)."""
        body = self.body(body_id)
        seeded = self.seed_report(body_id)
        if seeded is not None:
            seed_year, seed = seeded
            if year == seed_year:
                return seed
            if year < seed_year:
                raise StoreError(f"机关{body_id}的登记簿自{seed_year + 1}年起，{year}年度没有登记数据")
        docs = self.documents(body_id)
        active = {**document_cells(docs or None, year), **count_cells(self.counts(body_id, year))}
        appeals = appeal_cells(self.appeals(body_id), year)
        report = build_report(
            year=year,
            body=body.name,
            requests=self.tally(body_id, year),
            active=active,
            appeals=appeals,
            fees_collected=self.fees_collected(body_id, year),
            narrative=narrative,
        )
        note = pending_note(appeals)
        if note:
            report.sections[6] = report.sections.get(6, "") + "\n" + note
        return report


def pending_note(appeal_cells: dict) -> str:
    """How section 四 counts a case open at the year's end, said in section 六 when there is one."""
    pending = sum(appeal_cells.get(APPEALS.cell_id(r.key, "pending")) or 0 for r in APPEALS.rows)
    if not pending:
        return ""
    return (
        f"第四部分统计本年度立案和上年度结转尚未审结的行政复议、行政诉讼案件；截至年底尚未审结的{pending}件计入“尚未审结”，"
        "审结后在审结年度计入相应结果。"
    )
