"""The catalogue of proactive publications in the store (gongkai.proactive), and the annual reports as an
office prepares them (gongkai.reporting)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from gongkai.proactive import DOCUMENT_CATEGORIES, Category, Publication
from gongkai.register.active import Document
from gongkai.reporting import ReportRecord
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import NotFound, StoreError
from gongkai.store.models import AnnualReportRow, PublicationRow


class PublicationStore(StoreBase):
    # ------------------------------------------------------------------ the catalogue
    def add_publication(
        self, body_id: str, pub: Publication, actor: str, *, session: Session | None = None
    ) -> int:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = PublicationRow(
                body_id=body_id,
                status="draft",
                version=1,
                created_at=now(),
                created_by=actor,
                **_columns(pub),
            )
            s.add(row)
            s.flush()
            self.audit(s, "publications", str(row.id), "create", actor, after={"title": pub.title})
            return row.id

    def update_publication(self, body_id: str, pub_id: int, pub: Publication, actor: str) -> None:
        with self.Session.begin() as s:
            row = self._publication_row(s, body_id, pub_id)
            if row.status not in ("draft", "approving"):
                raise StoreError(f"信息“{row.title}”已发布，不能修改；如需变更请发布新的信息")
            before = {k: getattr(row, k) for k in _columns(pub)}
            for k, v in _columns(pub).items():
                setattr(row, k, v)
            row.version += 1
            row.updated_at, row.updated_by = now(), actor
            self.audit(s, "publications", str(pub_id), "update", actor, before, _columns(pub))

    def publication(self, body_id: str, pub_id: int, *, session: Session | None = None) -> PublicationRow:
        with self._read(session) as s:
            return self._publication_row(s, body_id, pub_id)

    def _publication_row(self, s: Session, body_id: str, pub_id: int) -> PublicationRow:
        row = s.get(PublicationRow, pub_id)
        if row is None or row.body_id != body_id or row.deleted_at is not None:
            raise NotFound(f"主动公开信息{pub_id}在机关{body_id}中不存在")
        return row

    def set_publication_status(
        self, body_id: str, pub_id: int, status: str, actor: str, *, session: Session | None = None
    ) -> None:
        with self._tx(session) as s:
            row = self._publication_row(s, body_id, pub_id)
            row.status, row.updated_at, row.updated_by = status, now(), actor

    def publish(
        self, body_id: str, pub_id: int, on: date, actor: str, *, session: Session | None = None
    ) -> str:
        """Publish: give it its 索引号; a 规章 or 规范性文件 also becomes a section 二 record."""
        with self._tx(session) as s:
            row = self._publication_row(s, body_id, pub_id)
            if row.status == "published":
                raise StoreError(f"信息“{row.title}”已于{row.published_on}发布")
            row.status, row.published_on = "published", on
            row.index_no = f"{body_id}/{on.year}-{row.id:05d}"
            if Category(row.category) in DOCUMENT_CATEGORIES:
                doc = Document(
                    row.category, row.issued_on or row.formed_on, row.repealed_on, row.title, row.doc_number
                )
                row.document_id = self.add_document(body_id, doc, actor, session=s)
            row.updated_at, row.updated_by = now(), actor
            self.audit(
                s, "publications", str(pub_id), "publish", actor, after={"index_no": row.index_no, "on": on}
            )
            return row.index_no

    def repeal_publication(self, body_id: str, pub_id: int, on: date, actor: str) -> None:
        """A published 规章 or 规范性文件 is repealed (废止): the catalogue says so, section 二 counts it."""
        with self.Session.begin() as s:
            row = self._publication_row(s, body_id, pub_id)
            if row.document_id is None:
                raise StoreError(f"信息“{row.title}”不是已发布的规章或规范性文件，无需废止")
            row.repealed_on, row.updated_at, row.updated_by = on, now(), actor
        self.repeal_document(body_id, row.document_id, on, actor)

    def publications(
        self,
        body_id: str | None = None,
        *,
        status: str | None = None,
        category: str | None = None,
        text: str | None = None,
        body_ids: list[str] | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[PublicationRow], int]:
        P = PublicationRow
        where = [P.deleted_at.is_(None)]
        if body_id:
            where.append(P.body_id == body_id)
        if body_ids is not None:
            where.append(P.body_id.in_(body_ids))
        if status:
            where.append(P.status == status)
        if category:
            where.append(P.category == category)
        if text:
            like = f"%{text.strip()}%"
            where.append(
                or_(P.title.like(like), P.summary.like(like), P.doc_number.like(like), P.text.like(like))
            )
        with self.Session() as s:
            total = s.scalar(select(func.count()).select_from(P).where(*where))
            q = select(P).where(*where).order_by(P.published_on.desc().nulls_first(), P.id.desc())
            return list(s.scalars(q.limit(max(1, min(limit, 500))).offset(offset))), total

    def publications_by_id(self, body_id: str, ids: list[int]) -> list[PublicationRow]:
        P = PublicationRow
        with self.Session() as s:
            q = select(P).where(P.body_id == body_id, P.id.in_(ids), P.deleted_at.is_(None))
            found = {r.id: r for r in s.scalars(q)}
        return [found[i] for i in ids if i in found]

    def publication_dates(self, body_id: str) -> list[tuple[int, date, date | None]]:
        """(id, formed_on, published_on) of every live entry: enough to find the late ones (第二十六条)."""
        P = PublicationRow
        q = select(P.id, P.formed_on, P.published_on).where(
            P.body_id == body_id, P.deleted_at.is_(None), P.status != "withdrawn"
        )
        with self.Session() as s:
            return [tuple(r) for r in s.execute(q.order_by(P.formed_on, P.id))]

    # ------------------------------------------------------------------ annual reports in preparation
    def report_record(self, body_id: str, year: int) -> ReportRecord | None:
        with self.Session() as s:
            row = s.get(AnnualReportRow, (body_id, year))
            return _record(row) if row else None

    def report_records(self, body_ids: list[str], year: int) -> dict[str, ReportRecord]:
        with self.Session() as s:
            q = select(AnnualReportRow).where(
                AnnualReportRow.body_id.in_(body_ids), AnnualReportRow.year == year
            )
            return {r.body_id: _record(r) for r in s.scalars(q)}

    def report_snapshot(self, body_id: str, year: int) -> dict | None:
        with self.Session() as s:
            row = s.get(AnnualReportRow, (body_id, year))
            return row.snapshot if row else None

    def save_report(
        self,
        body_id: str,
        year: int,
        actor: str,
        *,
        narrative: dict[int, str] | None = None,
        submitted_on: date | None = None,
        published_on: date | None = None,
        snapshot: dict | None = None,
    ) -> ReportRecord:
        """Create or change a body's report record; a published report is final."""
        with self.Session.begin() as s:
            self.body(body_id, s)
            row = s.get(AnnualReportRow, (body_id, year))
            if row is None:
                row = AnnualReportRow(
                    body_id=body_id, year=year, narrative={}, version=1, created_at=now(), created_by=actor
                )
                s.add(row)
            elif row.published_on is not None:
                raise StoreError(f"{year}年度报告已于{row.published_on}公开，不能再修改")
            else:
                row.version += 1
                row.updated_at, row.updated_by = now(), actor
            if narrative is not None:
                row.narrative = {str(k): v for k, v in narrative.items()}
            if submitted_on is not None:
                row.submitted_on, row.submitted_by = submitted_on, actor
            if published_on is not None:
                row.published_on, row.published_by = published_on, actor
            if snapshot is not None:
                row.snapshot = snapshot
            action = "publish" if published_on else "submit" if submitted_on else "update"
            self.audit(s, "annual_reports", f"{body_id}/{year}", action, actor, after={"year": year})
            s.flush()
            return _record(row)


def _columns(p: Publication) -> dict:
    return {
        "title": p.title,
        "category": p.category.value,
        "summary": p.summary,
        "doc_number": p.doc_number,
        "channel": p.channel,
        "text": p.text,
        "formed_on": p.formed_on,
        "issued_on": p.issued_on,
    }


def _record(row: AnnualReportRow) -> ReportRecord:
    narrative = {int(k): v for k, v in (row.narrative or {}).items()}
    return ReportRecord(row.body_id, row.year, narrative, row.submitted_on, row.published_on)


def publication_of(row: PublicationRow) -> Publication:
    return Publication(
        row.title,
        row.category,
        row.formed_on,
        row.summary,
        row.doc_number,
        row.channel,
        row.text,
        row.issued_on,
    )
