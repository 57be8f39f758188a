"""The initial schema: documents, entities, facts with their evidence, failures,
and full-text search (SQLite FTS5, PostgreSQL tsvector).

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("doc_id", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("source", sa.String(2000)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("date", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("site", sa.String(200)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("duplicate_of", sa.String(200)),
        sa.Column("doc_json", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("doc_id", "revision", name="uq_documents_doc_revision"),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_date", "documents", ["date"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("name_lower", sa.String(500), nullable=False),
        sa.Column("kb", sa.Boolean, nullable=False),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_index("ix_entities_name_lower", "entities", ["name_lower"])
    op.create_table(
        "aliases",
        sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("alias_lower", sa.String(500), primary_key=True),
        sa.Column("alias", sa.String(500), nullable=False),
    )
    op.create_index("ix_aliases_alias_lower", "aliases", ["alias_lower"])
    op.create_table(
        "entity_documents",
        sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("args", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20)),
        sa.Column("certainty", sa.String(10)),
        sa.Column("first_seen", sa.String(10)),
        sa.Column("last_seen", sa.String(10)),
        sa.Column("sources", sa.Integer, nullable=False),
    )
    for col in ("type", "status", "certainty", "first_seen", "last_seen"):
        op.create_index(f"ix_facts_{col}", "facts", [col])
    op.create_table(
        "fact_entities",
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), primary_key=True),
        sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("role", sa.String(20), primary_key=True),
    )
    op.create_index("ix_fact_entities_entity", "fact_entities", ["entity_id", "fact_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), nullable=False),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("status", sa.String(20)),
        sa.Column("certainty", sa.String(10)),
        sa.Column("args", sa.JSON, nullable=False),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.UniqueConstraint("fact_id", "document_id", "start", name="uq_evidence_fact_doc_start"),
    )
    op.create_index("ix_evidence_fact_id", "evidence", ["fact_id"])
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_documents_fts ON documents USING gin "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || body))")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for t in ("failures", "evidence", "fact_entities", "facts", "entity_documents", "aliases", "entities", "documents"):
        op.drop_table(t)
