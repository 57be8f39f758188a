"""The model's score kept on the fact: the PARTNERSHIP check's probability for each
statement (evidence.score) and the fact's, the highest of its statements (facts.score),
read by the review queue.  Nullable: rows stored before have none until re-extracted
(`warta reextract`), and facts of the other types are not scored.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("evidence", sa.Column("score", sa.Float))
    op.add_column("facts", sa.Column("score", sa.Float))


def downgrade() -> None:
    for table in ("facts", "evidence"):
        if op.get_bind().dialect.name == "sqlite":
            # in place (SQLite 3.35+): a batch copy would drop `facts`, which the foreign keys of
            # evidence and fact_entities refuse
            op.execute(f"ALTER TABLE {table} DROP COLUMN score")
        else:
            op.drop_column(table, "score")
