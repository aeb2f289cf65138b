"""The build on PostgreSQL, for benchmarks/run.py --postgres URL: the whole
`icadb build --db postgresql://...` process, and its loader's rows/s against
a plain COPY of the same rows.

- build: `icadb build --timings --db URL` of the same synthetic seeds as the
  SQLite build beside it, into a database of its own (made fresh with
  LOCALE 'C'), as a whole process (time, peak memory), with its load step and
  the part of it spent inserting (COPY, the deferred indexes and the foreign
  keys made again);
- plain COPY: the rows of the SQLite build of the same seeds that the loader
  copies (every table but the summaries, which the build computes in SQL),
  table by table, with psycopg's ``copy.write_row`` into an empty migrated
  schema in one transaction, with its indexes in place and its foreign keys
  dropped (as the build drops them while loading); only the COPY is timed,
  not reading the rows from SQLite.

The goal: the loader inserts at least half as many rows per second as the plain COPY.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 50_000


def _admin(url: str):
    import psycopg

    from icadb import dburl

    return psycopg.connect(dburl.parse(url).conninfo(), autocommit=True)


def fresh_database(url: str, name: str) -> str:
    """A new empty database *name* on the server of *url* (dropped first if there); its URL."""
    from sqlalchemy.engine import make_url

    with _admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with _admin(make_url(url).set(database="postgres").render_as_string(hide_password=False)) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def plain_copy(url: str, sqlite_db: Path, tables: list[str]) -> tuple[float, int]:
    """Seconds and rows of a plain COPY of every row of *tables* of *sqlite_db* (see the module docstring)."""
    import psycopg

    from icadb import dburl

    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT, check=True,
                   capture_output=True, env={"ICADB_DB": url, "PATH": "/usr/bin:/bin"})
    source = sqlite3.connect(f"file:{sqlite_db}?mode=ro", uri=True)
    seconds, rows = 0.0, 0
    with psycopg.connect(dburl.parse(url).conninfo()) as conn:
        for table, name in conn.execute(
                "SELECT cl.relname, con.conname FROM pg_constraint AS con JOIN pg_class AS cl ON cl.oid = con.conrelid "
                "WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace").fetchall():
            conn.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        conn.commit()
        for table in tables:
            cursor = source.execute(f'SELECT * FROM "{table}"')
            columns = ", ".join(f'"{d[0]}"' for d in cursor.description)
            while batch := cursor.fetchmany(BATCH):
                if table == "summary_facets":  # a value of no affinity: a JSON scalar on PostgreSQL
                    batch = [(*row[:3], json.dumps(row[3]), *row[4:]) for row in batch]
                started = time.perf_counter()
                with conn.cursor().copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
                    for row in batch:
                        copy.write_row(row)
                seconds += time.perf_counter() - started
                rows += len(batch)
        started = time.perf_counter()
        conn.commit()
        seconds += time.perf_counter() - started
    source.close()
    return seconds, rows


def measure(url: str, scale: int, seeds: Path, sqlite_db: Path, tables: list[str], measured_build) -> dict:
    """The PostgreSQL figures at *scale* (*measured_build*: run.py's timed ``icadb build``)."""
    copied = [t for t in tables if not t.startswith("summary_")]  # the summaries are computed, not copied
    target = fresh_database(url, f"icadb_bench_{scale}")
    try:
        seconds, rss, phases = measured_build(seeds, target)
        with _admin(target) as conn:
            counted = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    finally:
        drop_database(target)
    baseline = fresh_database(url, f"icadb_bench_copy_{scale}")
    try:
        copy_s, copy_rows = plain_copy(baseline, sqlite_db, copied)
    finally:
        drop_database(baseline)
    load_s = sum(v for k, v in phases.items() if k.startswith("load "))
    insert_s = phases.get("(of which inserting rows)", float("nan"))
    return {"scale": scale, "build_s": seconds, "rss_mb": rss, "rows": sum(counted.values()),
            "copied_rows": sum(counted[t] for t in copied), "size_mb": size / 1e6, "load_s": load_s,
            "insert_s": insert_s, "copy_s": copy_s, "copy_rows": copy_rows, "phases": phases}


def report(results: list[dict], sqlite_results: list[dict], url_shown: str) -> list[str]:
    by_scale = {r["scale"]: r for r in sqlite_results}
    lines = ["", f"## PostgreSQL ({url_shown}, on the same machine)", "",
             "| scale | rows (of which copied) | whole build | SQLite's whole build, same run | peak memory | database size | load step | "
             "of which inserting (COPY, indexes, foreign keys) | plain COPY | inserting / plain COPY |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        s = by_scale.get(r["scale"])
        ratio = (r["copied_rows"] / r["insert_s"]) / (r["copy_rows"] / r["copy_s"])
        lines.append(
            f"| {r['scale']:,}x | {r['rows']:,} ({r['copied_rows']:,}) | {r['build_s']:.1f} s | "
            + (f"{s['build_s']:.1f} s" if s else "-") + f" | {r['rss_mb']} MB | {r['size_mb']:.0f} MB | "
            f"{r['load_s']:.1f} s ({r['rows'] / r['load_s']:,.0f} rows/s) | "
            f"{r['insert_s']:.1f} s ({r['copied_rows'] / r['insert_s']:,.0f} rows/s) | "
            f"{r['copy_s']:.1f} s ({r['copy_rows'] / r['copy_s']:,.0f} rows/s) | {ratio:.0%} |")
    lines += ["", "The PostgreSQL build migrates a schema of its own, loads it through COPY (loaders/pgwriter.py), "
              "makes the foreign keys again (every row checked), computes the summaries, search tables, statistics "
              "and facet counts, and swaps the schema in (README, For a team: PostgreSQL). Inserting rows/s counts "
              "the rows the loader copies (every table but the summaries, which the build computes in SQL); plain "
              "COPY writes those same rows, from the SQLite build of the same seeds, table by table, with psycopg's write_row into an empty "
              "migrated schema with its indexes in place and its foreign keys dropped, in one transaction; only "
              "the COPY is timed. Goal: inserting at least 50% of plain COPY's rows/s. The server ran on the "
              "same 2 cores as the build.", ""]
    for r in results[-1:]:
        lines += [f"### PostgreSQL build steps at {r['scale']:,}x", ""]
        lines += [f"- {name}: {seconds:.2f} s" for name, seconds in r["phases"].items()]
    return lines
