"""Analysts' judgements as data: one row per decision (who, when, action, target,
payload, reason), replayed after every ingest; and the review state of a fact
(confirmed or rejected) kept on the fact so every read can show or hide it.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(40), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text),
        sa.UniqueConstraint("uid", name="uq_judgements_uid"),
    )
    op.create_index("ix_judgements_target", "judgements", ["target"])
    op.create_index("ix_judgements_action", "judgements", ["action"])
    with op.batch_alter_table("facts") as b:
        b.add_column(sa.Column("review", sa.String(10)))
        b.create_index("ix_facts_review", ["review"])


def downgrade() -> None:
    with op.batch_alter_table("facts") as b:
        b.drop_index("ix_facts_review")
        b.drop_column("review")
    op.drop_index("ix_judgements_action", "judgements")
    op.drop_index("ix_judgements_target", "judgements")
    op.drop_table("judgements")
