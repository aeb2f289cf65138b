"""Loaders: one module per source kind, each with one entry point, ``load(ctx, writer)``,
and :func:`load_seeds`, which runs them in foreign-key order: what a row points
at is always loaded before it.

The loaders read the seeds with a small core of their own (``errors``,
``dates``, ``fields`` and ``checks``, ``yamlread``, ``text``) and the schema
(``icadb.schema``); they import nothing of the commands above them.
"""

from __future__ import annotations

from pathlib import Path


def modules():
    """The loaders, in foreign-key order."""
    from icadb.loaders import (
        aliases,
        build_info,
        conflicts,
        countries,
        coverage,
        documents,
        drafts,
        organizations,
        people,
        places,
        records,
        search,
        sentences,
        series,
    )

    return (countries, documents, organizations, people, places, series, aliases, records, drafts, conflicts, coverage,
            sentences, search, build_info)


def load_seeds(conn, seeds: Path, problems, progress, phase=None, dialect: str = "sqlite") -> dict[str, int]:
    """Load every seed into an open, migrated database; report problems in *problems*.

    *phase* (optional) is called with each step's name as it ends. On
    PostgreSQL (*dialect*, with *conn* a ``loaders.pgwriter.PgConnection``) the
    rows go in through COPY, and the foreign keys are made again, checking
    every row, once everything is loaded."""
    from icadb.loaders.context import LoadContext

    ctx = LoadContext(conn=conn, seeds=seeds, problems=problems, progress=progress, dialect=dialect)
    if dialect == "sqlite":
        from icadb.loaders.writer import Writer
    else:
        from icadb.loaders.pgwriter import PgWriter as Writer
    writer = Writer(ctx)
    writer.defer_indexes()
    for module in modules():
        module.load(ctx, writer)
        writer.build_indexes()  # before later loaders read the tables (it flushes first)
        writer.flush()
        if phase is not None:
            phase(f"load {module.__name__.rsplit('.', 1)[-1]}")
    if dialect != "sqlite" and not problems:
        writer.restore_foreign_keys()
        if phase is not None:
            phase("verify: foreign keys (made again, every row checked)")
    return ctx.counts
