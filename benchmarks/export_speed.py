"""Export speed: `icadb export` rows/s, next to Datasette's own streaming CSV of the same table.

    python benchmarks/export_speed.py [--db PATH] [--table NAME] [--runs 3]

Without --db it builds the seeds into a temporary file. --table (default: the
table with the most rows) is exported both ways: icadb's CSV writer, and
`GET /<db>/<table>.csv?_stream=on` from `icadb serve` (with its response
cache off, so Datasette renders every row). Also prints the time and rows/s
of a whole `icadb export` (every table and view) in CSV and Parquet.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import free_port, wait_until_up  # noqa: E402


def biggest_table(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' "
        "AND name NOT LIKE 'summary_%' AND name NOT IN ('alembic_version', 'documents')")]  # summary_* are not exported
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    name = max(counts, key=counts.get)
    return name, counts[name]


def time_icadb_table(db: Path, table: str, runs: int) -> float:
    from icadb.db import connect
    from icadb.export import write_csv
    from icadb.resources import resource

    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            conn = connect(db, readonly=True)
            res = resource(conn, table)
            started = time.perf_counter()
            write_csv(conn, res, Path(folder) / f"{table}.csv")
            times.append(time.perf_counter() - started)
            conn.close()
    return statistics.median(times)


def time_datasette_stream(db: Path, table: str, runs: int) -> tuple[float, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "ICADB_CACHE_MB": "0"})
    try:
        wait_until_up(port)
        times, size = [], 0
        for _ in range(runs):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
            started = time.perf_counter()
            conn.request("GET", f"/{db.stem}/{table}.csv?_stream=on&_size=max")
            body = conn.getresponse().read()
            times.append(time.perf_counter() - started)
            size = len(body)
        return statistics.median(times), size
    finally:
        server.terminate()
        server.wait(timeout=30)


def time_whole_export(db: Path, fmt: str) -> tuple[float, int]:
    from icadb.export import export

    with tempfile.TemporaryDirectory() as folder:
        result = export(db, Path(folder) / "out", fmt=fmt)
    return result.seconds, result.rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--table")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "icadb.sqlite"
            subprocess.run([sys.executable, "-m", "icadb", "build", "--quiet", "--db", str(db)], cwd=ROOT, check=True)
        table, rows = (args.table, None) if args.table else biggest_table(db)
        if rows is None:
            conn = sqlite3.connect(db)
            rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            conn.close()
        icadb_s = time_icadb_table(db, table, args.runs)
        datasette_s, size = time_datasette_stream(db, table, args.runs)
        csv_s, csv_rows = time_whole_export(db, "csv")
        parquet_s, _ = time_whole_export(db, "parquet")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; database {db.name}")
    print(f"table {table}: {rows:,} rows (median of {args.runs})")
    print(f"{'method':44} {'seconds':>9} {'rows/s':>12}")
    print(f"{'icadb export (CSV writer)':44} {icadb_s:9.3f} {rows / icadb_s:12,.0f}")
    print(f"{'Datasette streaming CSV (_stream=on)':44} {datasette_s:9.3f} {rows / datasette_s:12,.0f}")
    print(f"icadb is {datasette_s / icadb_s:.1f}x Datasette's streaming CSV on this table ({size:,} bytes)")
    print(f"whole export, every table and view: CSV {csv_rows:,} rows in {csv_s:.2f} s ({csv_rows / csv_s:,.0f} rows/s); "
          f"Parquet in {parquet_s:.2f} s ({csv_rows / parquet_s:,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
