"""Near-duplicate signatures in the store, so syndicated copies are recognised across
ingests and processes; filled for the documents already stored.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "near_dup_signatures",
        sa.Column("doc_id", sa.String(200), primary_key=True),
        sa.Column("sig", sa.LargeBinary, nullable=False),
        sa.Column("original", sa.String(200)),
    )
    op.create_table(
        "near_dup_bands",
        sa.Column("band", sa.String(24), primary_key=True),
        sa.Column("doc_id", sa.String(200), primary_key=True),
    )
    from warta.clean.dedup import band_keys, pack, signature
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT doc_id, body, duplicate_of FROM documents WHERE revision = 1")).all()
    for doc_id, body, dup in rows:
        sig = signature(body)
        conn.execute(sa.text("INSERT INTO near_dup_signatures (doc_id, sig, original) VALUES (:d, :s, :o)"),
                     {"d": doc_id, "s": pack(sig), "o": dup})
        for b in sorted(set(band_keys(sig))):
            conn.execute(sa.text("INSERT INTO near_dup_bands (band, doc_id) VALUES (:b, :d)"), {"b": b, "d": doc_id})


def downgrade() -> None:
    op.drop_table("near_dup_bands")
    op.drop_table("near_dup_signatures")
