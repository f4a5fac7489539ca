"""regions and body profiles

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Bodies get a kind, a region (a row of the new regions table, replacing the free-text region) and the
details their documents print; doc_numbers keeps each body's document number sequence per year.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STAMPS = (
    ("created_at", sa.DateTime(timezone=True), False),
    ("created_by", sa.String(length=100), False),
    ("updated_at", sa.DateTime(timezone=True), True),
    ("updated_by", sa.String(length=100), True),
    ("deleted_at", sa.DateTime(timezone=True), True),
    ("deleted_by", sa.String(length=100), True),
)
_PROFILE = (
    ("office_name", 200),
    ("address", 300),
    ("postcode", 20),
    ("phone", 100),
    ("fax", 100),
    ("email", 200),
    ("website", 300),
    ("hours", 200),
    ("doc_prefix", 100),
    ("reconsideration_body", 200),
    ("court", 200),
)


def upgrade() -> None:
    op.create_table(
        "regions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.String(length=64), nullable=True),
        *(sa.Column(n, t, nullable=null) for n, t, null in _STAMPS),
        sa.ForeignKeyConstraint(["parent_id"], ["regions.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_regions_parent_id"), "regions", ["parent_id"], unique=False)
    with op.batch_alter_table("bodies") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="department"))
        batch.add_column(sa.Column("region_id", sa.String(length=64), nullable=True))
        for name, length in _PROFILE:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_bodies_region_id"), ["region_id"], unique=False)
        batch.create_foreign_key("fk_bodies_region_id_regions", "regions", ["region_id"], ["id"])
        batch.drop_column("region")
    with op.batch_alter_table("bodies") as batch:  # defaults served the existing rows only
        batch.alter_column("kind", server_default=None)
        for name, _ in _PROFILE:
            batch.alter_column(name, server_default=None)
    op.create_table(
        "doc_numbers",
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"]),
        sa.PrimaryKeyConstraint("body_id", "year"),
    )


def downgrade() -> None:
    op.drop_table("doc_numbers")
    with op.batch_alter_table("bodies") as batch:
        batch.add_column(sa.Column("region", sa.String(length=200), nullable=True))
        batch.drop_constraint("fk_bodies_region_id_regions", type_="foreignkey")
        batch.drop_index(batch.f("ix_bodies_region_id"))
        for name, _ in reversed(_PROFILE):
            batch.drop_column(name)
        batch.drop_column("region_id")
        batch.drop_column("kind")
    op.drop_index(op.f("ix_regions_parent_id"), table_name="regions")
    op.drop_table("regions")
