"""The knowledge-graph store: SQLAlchemy models, Alembic migrations, ingest with
merging across articles, questions, and exports."""
