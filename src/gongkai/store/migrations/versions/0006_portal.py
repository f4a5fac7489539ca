"""the public portal: guides, online applications, corrections, delivered notices, ratings, catalogue search

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gongkai.store import search

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=100), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "portal_guides",
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"]),
        sa.PrimaryKeyConstraint("body_id"),
    )
    op.create_table(
        "portal_applications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("case_no", sa.String(length=100), nullable=False),
        sa.Column("code_digest", sa.String(length=64), nullable=False),
        sa.Column("phone_tail", sa.String(length=8), nullable=False),
        sa.Column("id_document", sa.String(length=100), nullable=True),
        sa.Column("id_document_type", sa.String(length=40), nullable=True),
        sa.Column("id_document_purged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_digest"),
    )
    op.create_index("ix_portal_applications_case", "portal_applications", ["body_id", "case_no"], unique=True)
    op.create_table(
        "portal_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("document", sa.String(length=100), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["portal_applications.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_portal_messages_application_id", "portal_messages", ["application_id"])
    op.create_table(
        "portal_notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("doc_no", sa.String(length=200), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("docx", sa.LargeBinary(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["portal_applications.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_portal_notices_application_id", "portal_notices", ["application_id"])
    op.create_table(
        "portal_ratings",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["portal_applications.id"]),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"]),
        sa.PrimaryKeyConstraint("application_id"),
    )
    op.create_index("ix_portal_ratings_body", "portal_ratings", ["body_id", "rated_on"])
    for statement in search.SQLITE_DDL if op.get_context().dialect.name == "sqlite" else search.PG_DDL:
        op.execute(statement)


def downgrade() -> None:
    for statement in search.SQLITE_DROP if op.get_context().dialect.name == "sqlite" else search.PG_DROP:
        op.execute(statement)
    op.drop_table("portal_ratings")
    op.drop_table("portal_notices")
    op.drop_table("portal_messages")
    op.drop_index("ix_portal_applications_case", table_name="portal_applications")
    op.drop_table("portal_applications")
    op.drop_table("portal_guides")
