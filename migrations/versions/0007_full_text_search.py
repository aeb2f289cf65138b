"""full-text search: FTS5 indexes on record titles and summaries, evidence quotes, document texts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

External-content FTS5 tables: they index the rows of records, evidence and
documents without copying them. The build fills them at its end ('rebuild');
autogenerate is told to ignore them (migrations/env.py). The content table
is named in double quotes, the form Datasette looks for to find a table's
search index.

On PostgreSQL each index is a table of the same name: the indexed row's key
and a ``search`` tsvector (the 'english' configuration, which stems as
Porter's does: "offer" finds "offered"; accents are not folded), with a GIN
index on it. Like the FTS5 tables it is filled at the end of the build, and
autogenerate leaves it alone. Search it with
``search @@ websearch_to_tsquery('english', 'offer')``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from icadb import pgsql

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

# PostgreSQL: the key of each indexed row, its type, and the text searched.
PG_INDEXES = {
    "records_fts": ("records", "record_id", sa.Text, "title || ' ' || summary"),
    "evidence_fts": ("evidence", "evidence_id", sa.Integer, "quote"),
    "documents_fts": ("documents", "document_id", sa.Text, "title || ' ' || text"),
}


def create_search_table(name: str, table: str, key: str, key_type, text: str) -> None:
    """A PostgreSQL search table: *key* of each row of *table* and the tsvector of *text*, GIN-indexed."""
    op.create_table(
        name,
        sa.Column(key, key_type(), nullable=False, autoincrement=False),
        sa.Column("search", postgresql.TSVECTOR(), nullable=False),
        sa.PrimaryKeyConstraint(key, name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_search"), name, ["search"], unique=False, postgresql_using="gin")
    op.execute(f"INSERT INTO {name} ({key}, search) SELECT {key}, to_tsvector('english', {text}) FROM {table}")


def upgrade() -> None:
    if pgsql.dialect() != "sqlite":
        for name, (table, key, key_type, text) in PG_INDEXES.items():
            create_search_table(name, table, key, key_type, text)
        return
    for name, (table, rowid, columns) in INDEXES.items():
        op.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(columns)}, "
            f'content="{table}", content_rowid="{rowid}", tokenize="{TOKENIZE}")'
        )
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def downgrade() -> None:
    if pgsql.dialect() != "sqlite":
        for name in reversed(list(PG_INDEXES)):
            op.drop_index(op.f(f"ix_{name}_search"), table_name=name)
            op.drop_table(name)
        return
    for name in reversed(list(INDEXES)):
        op.execute(f"DROP TABLE {name}")
