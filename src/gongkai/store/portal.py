"""The public portal in the store (gongkai.portal): guides, online applications beside their register
requests, the applicants' corrections, documents delivered to them, ratings, and the catalogue search."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from gongkai.approval import Stage, Subject
from gongkai.store import search
from gongkai.store.approvals import Approval
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import ConflictError, NotFound
from gongkai.store.models import AnnualReportRow, ApprovalRow, PublicationRow, RequestRow
from gongkai.store.portal_models import (
    ApplicantMessageRow,
    DeliveredNoticeRow,
    GuideRow,
    OnlineApplicationRow,
    RatingRow,
)

ONLINE_CASE_PREFIX = "网申"


class PortalStore(StoreBase):
    # ------------------------------------------------------------------ 指南 and 制度
    def guide_row(self, body_id: str) -> GuideRow | None:
        with self.Session() as s:
            return s.get(GuideRow, body_id)

    def save_guide(
        self, body_id: str, fields: dict, rules: str, actor: str, expected_version: int | None
    ) -> GuideRow:
        """Create or replace a body's guide and rules; `expected_version` is the version read (0 for none)."""
        with self.Session.begin() as s:
            body = self.body(body_id, s)
            row = s.get(GuideRow, body_id, with_for_update=True)
            version = row.version if row else 0
            if expected_version is not None and expected_version != version:
                raise ConflictError(f"{body.name}的政府信息公开指南已被他人修改，请刷新后重试")
            before = {"fields": row.fields, "rules": row.rules} if row else None
            if row is None:
                row = GuideRow(body_id=body_id, version=0, created_at=now(), created_by=actor)
                s.add(row)
            else:
                row.updated_at, row.updated_by = now(), actor
            row.fields, row.rules, row.version = fields, rules, version + 1
            self.audit(
                s,
                "portal_guides",
                body_id,
                "update" if before else "create",
                actor,
                before,
                {"fields": fields},
            )
            s.flush()
            return row

    # ------------------------------------------------------------------ online applications
    def add_online_application(
        self,
        body_id: str,
        year: int,
        code_digest: str,
        phone_tail: str,
        document: tuple[str, str] | None,
        *,
        session: Session,
    ) -> OnlineApplicationRow:
        """The portal's record of an application; its case number (网申2026-00012) comes from its row id,
        so two applications at the same moment never take the same number."""
        row = OnlineApplicationRow(
            body_id=body_id,
            case_no=f"pending-{secrets.token_hex(8)}",  # unique until the row id is known
            code_digest=code_digest,
            phone_tail=phone_tail,
            id_document=document[0] if document else None,
            id_document_type=document[1] if document else None,
            submitted_at=now(),
        )
        session.add(row)
        session.flush()
        row.case_no = f"{ONLINE_CASE_PREFIX}{year}-{row.id:05d}"
        session.flush()
        return row

    def online_requests(self, body_id: str, *, confirmed: bool, limit: int = 100) -> list[RequestRow]:
        """The register's requests made through the portal: those awaiting confirmation (oldest first) or
        those confirmed (newest first)."""
        A, R = OnlineApplicationRow, RequestRow
        q = (
            select(R)
            .join(A, and_(A.body_id == R.body_id, A.case_no == R.case_no))
            .where(R.body_id == body_id, R.deleted_at.is_(None))
            .where(R.confirmed_on.is_not(None) if confirmed else R.confirmed_on.is_(None))
            .order_by(A.id.desc() if confirmed else A.id)
            .limit(max(1, min(limit, 500)))
        )
        with self.Session() as s:
            return list(s.scalars(q))

    def application_by_digest(self, code_digest: str) -> OnlineApplicationRow | None:
        with self.Session() as s:
            return s.scalar(
                select(OnlineApplicationRow).where(OnlineApplicationRow.code_digest == code_digest)
            )

    def application_of(self, body_id: str, case_no: str) -> OnlineApplicationRow:
        with self.Session() as s:
            row = s.scalar(
                select(OnlineApplicationRow).where(
                    OnlineApplicationRow.body_id == body_id, OnlineApplicationRow.case_no == case_no
                )
            )
            if row is None:
                raise NotFound(f"申请{case_no}不是网上提交的申请")
            return row

    def add_message(
        self, app_id: int, kind: str, text: str, document: str | None, on: date, *, session: Session
    ) -> None:
        session.add(
            ApplicantMessageRow(
                application_id=app_id, kind=kind, text=text, document=document, sent_on=on, at=now()
            )
        )

    def messages(self, app_id: int) -> list[ApplicantMessageRow]:
        with self.Session() as s:
            q = select(ApplicantMessageRow).where(ApplicantMessageRow.application_id == app_id)
            return list(s.scalars(q.order_by(ApplicantMessageRow.id)))

    def add_delivered(
        self, app_id: int, kind: str, doc_no: str, filename: str, docx: bytes, on: date, actor: str
    ) -> DeliveredNoticeRow:
        with self.Session.begin() as s:
            row = DeliveredNoticeRow(
                application_id=app_id,
                kind=kind,
                doc_no=doc_no,
                filename=filename,
                docx=docx,
                issued_on=on,
                at=now(),
                by=actor,
            )
            s.add(row)
            s.flush()
            return row

    def delivered(self, app_id: int, *, with_bytes: bool = False, session: Session | None = None):
        """The documents delivered to the applicant (their bytes only when asked for)."""
        D = DeliveredNoticeRow
        q = select(D).where(D.application_id == app_id).order_by(D.id)
        if not with_bytes:
            q = q.options(defer(D.docx))
        with self._read(session) as s:
            return list(s.scalars(q))

    def tracking_extras(self, app: OnlineApplicationRow):
        """What a tracking page shows beside the register, in one read: the guide's row (for how to pay),
        the rating, the documents delivered (without their bytes) and the applicant's messages."""
        with self.Session() as s:
            messages = s.scalars(
                select(ApplicantMessageRow)
                .where(ApplicantMessageRow.application_id == app.id)
                .order_by(ApplicantMessageRow.id)
            )
            return (
                s.get(GuideRow, app.body_id),
                s.get(RatingRow, app.id),
                self.delivered(app.id, session=s),
                list(messages),
            )

    def released_answer(self, body_id: str, case_no: str) -> Approval | None:
        """The answer's approval once released (signed and sent), or None."""
        with self.Session() as s:
            row = s.scalar(
                select(ApprovalRow)
                .where(
                    ApprovalRow.body_id == body_id,
                    ApprovalRow.subject == Subject.ANSWER.value,
                    ApprovalRow.subject_key == case_no,
                    ApprovalRow.stage == Stage.RELEASED.value,
                    ApprovalRow.deleted_at.is_(None),
                )
                .order_by(ApprovalRow.id.desc())
                .limit(1)
            )
            return self._approval(s, row) if row is not None else None

    # ------------------------------------------------------------------ ratings
    def add_rating(self, app: OnlineApplicationRow, rating: str, comment: str, on: date) -> None:
        try:
            with self.Session.begin() as s:
                s.add(
                    RatingRow(
                        application_id=app.id,
                        body_id=app.body_id,
                        rating=rating,
                        comment=comment,
                        rated_on=on,
                        at=now(),
                    )
                )
        except IntegrityError as e:
            raise ConflictError(f"申请{app.case_no}已经评价过，每件申请只能评价一次") from e

    def rating_of(self, app_id: int) -> RatingRow | None:
        with self.Session() as s:
            return s.get(RatingRow, app_id)

    def ratings(self, body_id: str, year: int | None = None) -> list[tuple[RatingRow, str]]:
        """A body's ratings with the case each rates, newest first."""
        R, A = RatingRow, OnlineApplicationRow
        q = select(R, A.case_no).join(A, A.id == R.application_id).where(R.body_id == body_id)
        if year is not None:
            q = q.where(R.rated_on >= date(year, 1, 1), R.rated_on <= date(year, 12, 31))
        with self.Session() as s:
            return [(r, c) for r, c in s.execute(q.order_by(R.rated_on.desc(), R.application_id.desc()))]

    def rating_counts(self, body_ids: list[str], year: int | None = None) -> dict[str, dict[str, int]]:
        """{body: {rating: count}} — counts only."""
        R = RatingRow
        q = select(R.body_id, R.rating, func.count()).where(R.body_id.in_(body_ids))
        if year is not None:
            q = q.where(R.rated_on >= date(year, 1, 1), R.rated_on <= date(year, 12, 31))
        out: dict[str, dict[str, int]] = {b: {} for b in body_ids}
        with self.Session() as s:
            for body_id, rating, n in s.execute(q.group_by(R.body_id, R.rating)):
                out[body_id][rating] = n
        return out

    # ------------------------------------------------------------------ identity documents
    def purgeable(self, closed_by: date) -> list[tuple[OnlineApplicationRow, date]]:
        """Applications whose identity document is still kept though their case closed on or before
        `closed_by` (or the request was removed from the register)."""
        A, R = OnlineApplicationRow, RequestRow
        q = (
            select(A, R.closed_on)
            .join(R, and_(R.body_id == A.body_id, R.case_no == A.case_no))
            .where(A.id_document.is_not(None), A.id_document_purged_at.is_(None))
            .where((R.closed_on <= closed_by) | R.deleted_at.is_not(None))
        )
        with self.Session() as s:
            return [(a, c) for a, c in s.execute(q.order_by(A.id))]

    def mark_purged(self, app_ids: list[int], at: datetime, actor: str) -> None:
        with self.Session.begin() as s:
            for app_id in app_ids:
                row = s.get(OnlineApplicationRow, app_id)
                row.id_document_purged_at = at
                self.audit(s, "portal_applications", row.case_no, "purge", actor, after={"id_document": None})

    # ------------------------------------------------------------------ published annual reports
    def published_reports(self, body_id: str) -> list[tuple[int, date]]:
        """(year, publication date) of the body's published annual reports, newest year first."""
        R = AnnualReportRow
        q = select(R.year, R.published_on).where(
            R.body_id == body_id, R.published_on.is_not(None), R.snapshot.is_not(None)
        )
        with self.Session() as s:
            return [(y, d) for y, d in s.execute(q.order_by(R.year.desc()))]

    # ------------------------------------------------------------------ the public catalogue
    def published(
        self,
        *,
        body_ids: list[str] | None = None,
        query: str = "",
        category: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[PublicationRow], int]:
        """Published entries of the catalogue (of some bodies, in a category), matching the query when
        one is given — best matches first — else newest first."""
        P = PublicationRow
        where = [P.status == "published", P.deleted_at.is_(None)]
        if body_ids is not None:
            where.append(P.body_id.in_(body_ids))
        if category:
            where.append(P.category == category)
        limit = max(1, min(int(limit), 100))
        with self.Session() as s:
            matching = search.matching_ids(self.engine.dialect.name, query)
            if matching is None:
                total = s.scalar(select(func.count()).select_from(P).where(*where))
                q = select(P).where(*where).order_by(P.published_on.desc(), P.id.desc())
                return list(s.scalars(q.limit(limit).offset(offset))), total or 0
            found = matching.subquery()
            total = s.scalar(
                select(func.count()).select_from(P).join(found, found.c.id == P.id).where(*where)
            )
            q = (
                select(P)
                .join(found, found.c.id == P.id)
                .where(*where)
                .order_by(found.c.rank, P.published_on.desc(), P.id.desc())
            )
            return list(s.scalars(q.limit(limit).offset(offset))), total or 0
