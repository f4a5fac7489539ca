"""Tables of the public portal (gongkai.portal): each body's 指南 and 制度, online applications with their
tracking digests and identity documents, the applicants' corrections, the documents delivered to them,
and their ratings. Migration 0006 creates exactly these (and the catalogue's search index)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gongkai.store.models import Base, Stamped


class GuideRow(Stamped, Base):
    """A body's 政府信息公开指南 (its fields) and 政府信息公开制度 (one text)."""

    __tablename__ = "portal_guides"
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), primary_key=True)
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    rules: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class OnlineApplicationRow(Base):
    """What the portal keeps beside the register's request: how the applicant is recognised, and the
    identity document (its stored name until it is purged)."""

    __tablename__ = "portal_applications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"))
    case_no: Mapped[str] = mapped_column(String(100))
    code_digest: Mapped[str] = mapped_column(String(64), unique=True)
    phone_tail: Mapped[str] = mapped_column(String(8))
    id_document: Mapped[str | None] = mapped_column(String(100))
    id_document_type: Mapped[str | None] = mapped_column(String(40))
    id_document_purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_portal_applications_case", "body_id", "case_no", unique=True),)


class ApplicantMessageRow(Base):
    """What the applicant sent online after applying: the answer to a 补正告知书."""

    __tablename__ = "portal_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("portal_applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[str | None] = mapped_column(String(100))
    sent_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DeliveredNoticeRow(Base):
    """A document the office released to the online applicant (答复书, 补正告知书 …), kept for download."""

    __tablename__ = "portal_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("portal_applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    doc_no: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(300))
    docx: Mapped[bytes] = mapped_column(LargeBinary)
    issued_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(100))


class RatingRow(Base):
    """The applicant's rating of the answer (社会评议): one per application."""

    __tablename__ = "portal_ratings"
    application_id: Mapped[int] = mapped_column(ForeignKey("portal_applications.id"), primary_key=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"))
    rating: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_portal_ratings_body", "body_id", "rated_on"),)
