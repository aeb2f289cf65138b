"""Full-text search indexes: filled from the loaded tables at the end of the build.

The FTS5 tables (made by migrations 0007 and 0010) index records (title,
summary), evidence (quote), documents (title, text) and sentences (text)
without copying them.
"""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.writer import Writer

INDEXES = ("records_fts", "evidence_fts", "documents_fts", "sentences_fts")


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    if ctx.dialect != "sqlite":
        from icadb.loaders import pgwriter

        pgwriter.fill_search(ctx, INDEXES)
        return
    with ctx.progress.stage("full-text search indexes", total=len(INDEXES)) as task:
        for name in INDEXES:
            ctx.conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            task.advance()
