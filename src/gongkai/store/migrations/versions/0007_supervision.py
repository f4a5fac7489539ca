"""the supervising office: published reports of bodies not on the platform, uploaded with what was read

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "uploaded_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("region_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=True),
        sa.Column("body_name", sa.String(length=200), nullable=False),
        sa.Column("body_key", sa.String(length=200), nullable=False),
        sa.Column("body_kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"]),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_uploaded_reports_region_year", "uploaded_reports", ["region_id", "year"])
    op.create_index("ix_uploaded_reports_body_year", "uploaded_reports", ["body_key", "year"])


def downgrade() -> None:
    op.drop_index("ix_uploaded_reports_body_year", table_name="uploaded_reports")
    op.drop_index("ix_uploaded_reports_region_year", table_name="uploaded_reports")
    op.drop_table("uploaded_reports")
