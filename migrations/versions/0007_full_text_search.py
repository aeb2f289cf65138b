"""full-text search: FTS5 indexes on record titles and summaries, evidence quotes, document texts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

External-content FTS5 tables: they index the rows of records, evidence and
documents without copying them. The build fills them at its end ('rebuild');
autogenerate is told to ignore them (migrations/env.py). The content table
is named in double quotes, the form Datasette looks for to find a table's
search index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "porter unicode61 remove_diacritics 2"
INDEXES = {
    "records_fts": ("records", "rowid", ("title", "summary")),
    "evidence_fts": ("evidence", "evidence_id", ("quote",)),
    "documents_fts": ("documents", "rowid", ("title", "text")),
}


def upgrade() -> None:
    for name, (table, rowid, columns) in INDEXES.items():
        op.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(columns)}, "
            f'content="{table}", content_rowid="{rowid}", tokenize="{TOKENIZE}")'
        )
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def downgrade() -> None:
    for name in reversed(list(INDEXES)):
        op.execute(f"DROP TABLE {name}")
