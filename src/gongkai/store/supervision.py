"""What a supervising office reads from the store: the bodies' reports across years, uploads of
published reports of bodies not on the platform, register measures, and a version for caching."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, distinct, func, select, text

from gongkai.register.types import EventType
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import NotFound
from gongkai.store.models import AnnualReportRow, EventRow, RequestRow, UploadedReportRow
from gongkai.supervision.measures import RequestMeasures


@dataclass(frozen=True)
class StoredUpload:
    """An uploaded report as the store keeps it (without the file's bytes)."""

    id: int
    region_id: str
    body_id: str | None
    body_name: str
    body_key: str
    body_kind: str
    year: int
    published_on: date | None
    file_name: str
    sha256: str
    size: int
    report: dict
    uploaded_at: datetime
    uploaded_by: str


@dataclass(frozen=True)
class Snapshot:
    """A platform body's report of a year as it was submitted or published."""

    body_id: str
    year: int
    submitted_on: date | None
    published_on: date | None
    report: dict


_UPLOAD_COLUMNS = (
    UploadedReportRow.id,
    UploadedReportRow.region_id,
    UploadedReportRow.body_id,
    UploadedReportRow.body_name,
    UploadedReportRow.body_key,
    UploadedReportRow.body_kind,
    UploadedReportRow.year,
    UploadedReportRow.published_on,
    UploadedReportRow.file_name,
    UploadedReportRow.sha256,
    func.length(UploadedReportRow.content),
    UploadedReportRow.report,
    UploadedReportRow.created_at,
    UploadedReportRow.created_by,
)


class SupervisionStore(StoreBase):
    # ------------------------------------------------------------------ uploads
    def add_upload(
        self,
        *,
        region_id: str,
        body_name: str,
        body_key: str,
        body_kind: str,
        body_id: str | None,
        year: int,
        published_on: date | None,
        file_name: str,
        content: bytes,
        report: dict,
        actor: str,
    ) -> StoredUpload:
        """Store an uploaded report; an earlier upload of the same body and year is replaced (kept, marked
        deleted, and the replacement audited)."""
        with self.Session.begin() as s:
            q = select(UploadedReportRow).where(
                UploadedReportRow.body_key == body_key,
                UploadedReportRow.year == year,
                UploadedReportRow.deleted_at.is_(None),
            )
            at = now()
            for old in s.scalars(q):
                old.deleted_at, old.deleted_by = at, actor
            row = UploadedReportRow(
                region_id=region_id,
                body_id=body_id,
                body_name=body_name,
                body_key=body_key,
                body_kind=body_kind,
                year=year,
                published_on=published_on,
                file_name=file_name[:300],
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                report=report,
                created_at=at,
                created_by=actor,
            )
            s.add(row)
            s.flush()
            self.audit(
                s,
                "uploaded_reports",
                str(row.id),
                "create",
                actor,
                after={"body": body_name, "year": year, "file": row.file_name, "sha256": row.sha256},
            )
            upload_id = row.id
        return self.upload(upload_id)

    def uploads(self, region_ids: list[str], year: int | None = None) -> list[StoredUpload]:
        """The live uploads of bodies in these regions (of one year, or all), oldest body name first."""
        with self.Session() as s:
            q = select(*_UPLOAD_COLUMNS).where(
                UploadedReportRow.region_id.in_(region_ids), UploadedReportRow.deleted_at.is_(None)
            )
            if year is not None:
                q = q.where(UploadedReportRow.year == year)
            q = q.order_by(UploadedReportRow.year, UploadedReportRow.body_name)
            return [StoredUpload(*row) for row in s.execute(q)]

    def upload(self, upload_id: int) -> StoredUpload:
        with self.Session() as s:
            q = select(*_UPLOAD_COLUMNS).where(
                UploadedReportRow.id == upload_id, UploadedReportRow.deleted_at.is_(None)
            )
            row = s.execute(q).first()
            if row is None:
                raise NotFound(f"上传的报告{upload_id}不存在")
            return StoredUpload(*row)

    def upload_content(self, upload_id: int) -> bytes:
        with self.Session() as s:
            row = s.get(UploadedReportRow, upload_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(f"上传的报告{upload_id}不存在")
            return row.content

    # ------------------------------------------------------------------ platform bodies
    def snapshots(self, body_ids: list[str], years: list[int] | None = None) -> list[Snapshot]:
        """The submitted or published reports of these bodies (of these years, or all)."""
        with self.Session() as s:
            R = AnnualReportRow
            q = select(R.body_id, R.year, R.submitted_on, R.published_on, R.snapshot).where(
                R.body_id.in_(body_ids), R.snapshot.is_not(None)
            )
            if years is not None:
                q = q.where(R.year.in_(years))
            q = q.where((R.submitted_on.is_not(None)) | (R.published_on.is_not(None)))
            return [Snapshot(*row) for row in s.execute(q.order_by(R.year, R.body_id))]

    def request_measures(self, body_ids: list[str], year: int) -> dict[str, RequestMeasures]:
        """The register's measures for a year of each body that received requests in it (see
        RequestMeasures); a body absent has nothing in its register for the year."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        R, E = RequestRow, EventRow
        live = and_(R.body_id.in_(body_ids), R.deleted_at.is_(None))
        received_in_year = and_(live, R.received_on >= start, R.received_on <= end)
        with self.Session() as s:
            q = select(R.body_id, func.count()).where(received_in_year).group_by(R.body_id)
            received = {b: n for b, n in s.execute(q)}
            q = (
                select(R.body_id, func.count())
                .where(live, R.late.is_(True), R.closed_on >= start, R.closed_on <= end)
                .group_by(R.body_id)
            )
            late = {b: n for b, n in s.execute(q)}
            counted: dict[tuple[str, str], int] = {}
            q = (
                select(R.body_id, E.type, func.count(distinct(R.id)))
                .join(E, E.request_id == R.id)
                .where(
                    received_in_year,
                    E.voided_at.is_(None),
                    E.type.in_([EventType.CORRECTION_REQUESTED.value, EventType.CONSULTATION_SENT.value]),
                )
                .group_by(R.body_id, E.type)
            )
            for body_id, kind, n in s.execute(q):
                counted[(body_id, kind)] = n
        return {
            b: RequestMeasures(
                received.get(b, 0),
                counted.get((b, EventType.CORRECTION_REQUESTED.value), 0),
                counted.get((b, EventType.CONSULTATION_SENT.value), 0),
                late.get(b, 0),
            )
            for b in body_ids
            if received.get(b)
        }

    # ------------------------------------------------------------------ caching
    def supervision_version(self) -> tuple:
        """Changes whenever anything the supervisor's pages show may have changed: every audited write
        (regions, bodies, report records, uploads, corrections …), every event appended to a register, and
        the uploads and report records themselves. One statement of indexed aggregates, cheap enough to
        ask on every page."""
        with self.Session() as s:
            return tuple(s.execute(_VERSION).one())


_VERSION = text(
    "SELECT (SELECT max(id) FROM audit_log), (SELECT max(id) FROM request_events),"
    " (SELECT count(*) FROM annual_reports), (SELECT coalesce(sum(version), 0) FROM annual_reports),"
    " (SELECT count(*) FROM uploaded_reports), (SELECT max(id) FROM uploaded_reports),"
    " (SELECT count(*) FROM regions), (SELECT count(*) FROM bodies)"
)
