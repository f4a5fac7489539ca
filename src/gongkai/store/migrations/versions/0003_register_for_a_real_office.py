"""the register ready for a real office

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Requests record the application's contents (第二十九条) and how it arrived (第三十一条), and project the
applicant's waiting period, the answer kind, lateness and a provisional due date; events can be voided
with a reason; appeal cases are one per case number and body (existing blank or repeated numbers are
made unique, e.g. 未编号-12).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = (
    ("id_number", sa.String(length=64)),
    ("address", sa.Text()),
    ("postcode", sa.String(length=20)),
    ("email", sa.String(length=200)),
    ("medium", sa.String(length=20)),
    ("delivery", sa.String(length=20)),
    ("purpose", sa.Text()),
)
_DATES = ("submitted_on", "signed_for_on", "confirmed_on", "wait_until")
_FLAGS = ("late", "provisional")


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("id_type", sa.String(length=32), nullable=True))
        for name, type_ in _TEXTS:
            batch.add_column(sa.Column(name, type_, nullable=False, server_default=""))
        for name in _DATES:
            batch.add_column(sa.Column(name, sa.Date(), nullable=True))
        batch.add_column(sa.Column("answer_kind", sa.String(length=32), nullable=True))
        for name in _FLAGS:
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("requests") as batch:  # defaults served the existing rows only
        for name, _ in _TEXTS:
            batch.alter_column(name, server_default=None)
        for name in _FLAGS:
            batch.alter_column(name, server_default=None)
    with op.batch_alter_table("request_events") as batch:
        batch.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("voided_by", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("void_reason", sa.Text(), nullable=True))
    _number_appeals()
    with op.batch_alter_table("appeal_cases") as batch:
        batch.create_unique_constraint("uq_appeals_body_case", ["body_id", "case_no"])


def _number_appeals() -> None:
    """Blank case numbers become 未编号-<id>; a repeated number gets -<id> after its first use."""
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, body_id, case_no FROM appeal_cases ORDER BY id")).all()
    seen: set[tuple[str, str]] = set()
    for id_, body, case in rows:
        new = case or f"未编号-{id_}"
        if (body, new) in seen:
            new = f"{new}-{id_}"
        seen.add((body, new))
        if new != case:
            conn.execute(sa.text("UPDATE appeal_cases SET case_no = :c WHERE id = :i"), {"c": new, "i": id_})


def downgrade() -> None:
    with op.batch_alter_table("appeal_cases") as batch:
        batch.drop_constraint("uq_appeals_body_case", type_="unique")
    with op.batch_alter_table("request_events") as batch:
        for name in ("void_reason", "voided_by", "voided_at"):
            batch.drop_column(name)
    with op.batch_alter_table("requests") as batch:
        for name in (*reversed(_FLAGS), "answer_kind", *reversed(_DATES)):
            batch.drop_column(name)
        for name, _ in reversed(_TEXTS):
            batch.drop_column(name)
        batch.drop_column("id_type")
