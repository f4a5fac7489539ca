"""Tables of the register store (SQLAlchemy 2). Migrations in `migrations/versions` create exactly these.

Requests carry projection columns (state, due_on, closed_on, outcome) maintained whenever an event is
appended, so the annual report is a few GROUP BY queries over covering indexes. Nothing is
hard-deleted: rows get `deleted_at`/`deleted_by`; every change carries who and when, and edits of
existing rows leave a row in `audit_log`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

LIVE = text("deleted_at IS NULL")


class Base(DeclarativeBase):
    pass


class Stamped:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = mapped_column(String(100))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_by: Mapped[str | None] = mapped_column(String(100))


class RegionRow(Stamped, Base):
    """A 县、市 or other area; its government office supervises the bodies in it (gongkai.org)."""

    __tablename__ = "regions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)


class Body(Stamped, Base):
    """A 机关 with its own register, and the details its documents print (gongkai.org.BodyProfile)."""

    __tablename__ = "bodies"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="department")
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    office_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    fax: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    doc_prefix: Mapped[str] = mapped_column(String(100), default="")
    reconsideration_body: Mapped[str] = mapped_column(String(200), default="")
    court: Mapped[str] = mapped_column(String(200), default="")


class DocNumberRow(Base):
    """The last number a body gave its documents in a year (回执、告知书、答复书): 某环公开〔2025〕12号."""

    __tablename__ = "doc_numbers"
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class RequestRow(Stamped, Base):
    __tablename__ = "requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"))
    case_no: Mapped[str] = mapped_column(String(100))
    applicant_type: Mapped[str] = mapped_column(String(32))
    # the applicant (private: kept, never reported or published) and the application (第二十九条)
    applicant_name: Mapped[str] = mapped_column(Text, default="")
    applicant_contact: Mapped[str] = mapped_column(Text, default="")
    id_type: Mapped[str | None] = mapped_column(String(32))
    id_number: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    medium: Mapped[str] = mapped_column(String(20), default="")
    delivery: Mapped[str] = mapped_column(String(20), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    # how it arrived (第三十一条) and the date of receipt derived from it
    channel: Mapped[str | None] = mapped_column(String(20))
    submitted_on: Mapped[date | None] = mapped_column(Date)
    signed_for_on: Mapped[date | None] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date)
    seeded: Mapped[bool] = mapped_column(Boolean, default=False)
    # projection, maintained on every write from the log (gongkai.register.workflow.derive)
    state: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date | None] = mapped_column(Date)
    wait_until: Mapped[date | None] = mapped_column(Date)  # the applicant's period while waiting
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(64))
    answer_kind: Mapped[str | None] = mapped_column(String(32))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)  # due date on a provisional calendar
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        UniqueConstraint("body_id", "case_no", name="uq_requests_body_case"),
        Index(
            "ix_requests_received",
            "body_id",
            "received_on",
            "closed_on",
            "applicant_type",
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
        Index(
            "ix_requests_closed",
            "body_id",
            "closed_on",
            "outcome",
            "applicant_type",
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
        Index("ix_requests_due", "body_id", "state", "due_on"),
        # Every column the office dashboard counts, so its counts read the index alone (migration 0008).
        Index(
            "ix_requests_work",
            "body_id",
            "state",
            "due_on",
            "wait_until",
            "late",
            "closed_on",
            "received_on",
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
    )


class EventRow(Base):
    """One typed row of a request's append-only log."""

    __tablename__ = "request_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    body_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    event_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))  # fee_notified / fee_paid, yuan
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by: Mapped[str] = mapped_column(String(100))
    # a voided event stays in the log, struck out; the derived state ignores it
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    voided_by: Mapped[str | None] = mapped_column(String(100))
    void_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("request_id", "seq", name="uq_events_request_seq"),
        Index("ix_events_body_type_on", "body_id", "type", "event_on"),
    )


class CalendarYearRow(Base):
    """A schedule loaded from a file; a later revision of the same year supersedes an earlier one."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    schedule: Mapped[dict] = mapped_column(JSON)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    loaded_by: Mapped[str] = mapped_column(String(100))


class DocumentRow(Stamped, Base):
    """A 规章 or 行政规范性文件 (section 二)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    repealed_on: Mapped[date | None] = mapped_column(Date)


class YearlyCountsRow(Stamped, Base):
    """Section 二 figures entered per year: decisions and 行政事业性收费 (万元)."""

    __tablename__ = "yearly_counts"
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    licensing: Mapped[int | None] = mapped_column(Integer)
    penalties: Mapped[int | None] = mapped_column(Integer)
    coercive_measures: Mapped[int | None] = mapped_column(Integer)
    fees_amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 4))


class AppealRow(Stamped, Base):
    """A 行政复议 or 行政诉讼 case about the body's disclosure work (section 四)."""

    __tablename__ = "appeal_cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    case_no: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(40))
    filed_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (UniqueConstraint("body_id", "case_no", name="uq_appeals_body_case"),)


class SeedRow(Base):
    """The last published report of a body that started mid-stream (its carry-over seeds the register)."""

    __tablename__ = "seed_reports"
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    report: Mapped[dict] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str] = mapped_column(String(100))


class AuditRow(Base):
    """Before and after of every edit or soft deletion of an existing row."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # update, delete
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(100))


class ApprovalRow(Stamped, Base):
    """The approval of an answer or a publication (gongkai.approval): its stage and the draft itself."""

    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"))
    subject: Mapped[str] = mapped_column(String(20))  # answer, publication
    subject_key: Mapped[str] = mapped_column(String(100))  # the case number, or the publication's id
    stage: Mapped[str] = mapped_column(String(20))
    secrecy: Mapped[bool] = mapped_column(Boolean, default=False)  # a 保密审查 is required
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_approvals_body_stage", "body_id", "stage"),
        Index("ix_approvals_subject", "body_id", "subject", "subject_key"),
    )


class ApprovalStepRow(Base):
    """One step of an approval: who did what, when, with which comment."""

    __tablename__ = "approval_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    before: Mapped[str] = mapped_column(String(20))
    after: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(100))


class PublicationRow(Stamped, Base):
    """An entry of the body's catalogue of proactive disclosure (gongkai.proactive)."""

    __tablename__ = "publications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"))
    index_no: Mapped[str | None] = mapped_column(String(100), unique=True)  # 索引号, given at publication
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")
    doc_number: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(40), default="政府网站")
    text: Mapped[str] = mapped_column(Text, default="")
    formed_on: Mapped[date] = mapped_column(Date)
    issued_on: Mapped[date | None] = mapped_column(Date)
    repealed_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))  # draft, approving, published, withdrawn
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_publications_body_status", "body_id", "status", "published_on"),)


class AnnualReportRow(Stamped, Base):
    """A body's annual report of a year as the office prepares it (gongkai.reporting): its narrative, and
    the report as it stood when submitted and when published."""

    __tablename__ = "annual_reports"
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    narrative: Mapped[dict] = mapped_column(JSON, default=dict)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    submitted_by: Mapped[str | None] = mapped_column(String(100))
    published_on: Mapped[date | None] = mapped_column(Date)
    published_by: Mapped[str | None] = mapped_column(String(100))
    snapshot: Mapped[dict | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)


class UploadedReportRow(Stamped, Base):
    """A body's published annual report as a supervisor uploaded it (bodies not on the platform): the
    file as received, and what the readers made of it (`Report.to_dict()`, blanks kept blank, with the
    reading's findings). A newer upload of the same body and year replaces it (`deleted_at` set)."""

    __tablename__ = "uploaded_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"))
    body_id: Mapped[str | None] = mapped_column(ForeignKey("bodies.id"))  # a platform body, if it matched
    body_name: Mapped[str] = mapped_column(String(200))
    body_key: Mapped[str] = mapped_column(String(200))  # gongkai.check.body_key(body_name)
    body_kind: Mapped[str] = mapped_column(String(20), default="department")
    year: Mapped[int] = mapped_column(Integer)
    published_on: Mapped[date | None] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    report: Mapped[dict] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_uploaded_reports_region_year", "region_id", "year"),
        Index("ix_uploaded_reports_body_year", "body_key", "year"),
    )
