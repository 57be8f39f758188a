"""Watch lists: the entities an analyst follows, by list name; and the indexes the
market map reads (statements by date, facts by type and status).

Revision ID: 0004
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("list_name", sa.String(100), primary_key=True),
        sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_evidence_date", "evidence", ["date"])
    op.create_index("ix_facts_type_status", "facts", ["type", "status"])


def downgrade() -> None:
    op.drop_index("ix_facts_type_status", table_name="facts")
    op.drop_index("ix_evidence_date", table_name="evidence")
    op.drop_table("watches")
