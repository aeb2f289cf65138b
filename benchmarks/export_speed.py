"""Export speed: `icadb export --table` rows/s against the sqlite3 CLI and pyarrow, whole processes, one run.

    python benchmarks/export_speed.py [--db PATH] [--table NAME] [--runs 5] [--datasette]

Without --db it builds the seeds into a temporary file. --table (default: the
table with the most rows) is exported, each way a whole process timed from
start to exit, the ways taking turns in every run (so they share the
machine's noise), and the median of --runs is printed:

- CSV: `icadb export --table NAME` against `sqlite3 -csv -header` writing the
  same SELECT (the same columns, the same order) to a file. Goal: at least
  0.5x the CLI's rows/s;
- Parquet: `icadb export --format parquet --table NAME` against a Python
  process that reads the same rows with the fastest reader found here
  (ADBC's SQLite driver, `adbc_driver_sqlite`, straight into Arrow; the
  sqlite3 module when it is not installed) and writes them with
  `pyarrow.parquet.write_table` (zstd, as icadb does);
- with --datasette, Datasette's own streaming CSV of the table
  (`?_stream=on` from `icadb serve`);
- a whole `icadb export` (every table and view), CSV and Parquet.

Python start-up counts in every icadb figure (the interpreter, click, the
codebook); `python -c pass` is printed beside them for scale.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
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

from load import built_seeds, free_port, wait_until_up  # noqa: E402

PARQUET_BASELINE = r"""
import sys
import pyarrow.parquet as pq
db, sql, out = sys.argv[1:4]
try:
    import adbc_driver_sqlite.dbapi as adbc
except ImportError:
    import sqlite3
    import pyarrow as pa
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    columns = list(zip(*rows)) if rows else [()] * len(names)
    table = pa.table({name: pa.array(column) for name, column in zip(names, columns)})
else:
    with adbc.connect(db) as conn, conn.cursor() as cursor:
        cursor.execute(sql)
        table = cursor.fetch_arrow_table()
pq.write_table(table, out, compression="zstd")
"""


def parquet_reader() -> str:
    try:
        import adbc_driver_sqlite  # noqa: F401
    except ImportError:
        return "sqlite3 fetchall, transposed (adbc_driver_sqlite is not installed)"
    return "ADBC's SQLite driver (adbc_driver_sqlite) into Arrow"


def biggest_table(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' "
        "AND name NOT LIKE 'summary_%' AND name NOT IN ('alembic_version', 'documents')")]  # summary_* are not exported
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    name = max(counts, key=counts.get)
    return name, counts[name]


def select_sql(db: Path, table: str) -> str:
    """The SELECT `icadb export` runs for *table* (its columns, its order)."""
    from icadb.db import connect
    from icadb.resources import resource

    conn = connect(db, readonly=True)
    try:
        return resource(conn, table).select_sql()
    finally:
        conn.close()


def timed(args: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, **kwargs)
    return time.perf_counter() - started


def compare(db: Path, table: str, runs: int, folder: Path) -> dict[str, float]:
    """Median seconds of each way of exporting *table*, the ways taking turns in every run."""
    sql = select_sql(db, table)
    icadb = [sys.executable, "-m", "icadb", "export", "--db", str(db), "--table", table, "-q", "--out"]
    sqlite3_cli = shutil.which("sqlite3")
    ways = {
        "python -c pass": lambda: timed([sys.executable, "-c", "pass"]),
        "icadb export --table (CSV)": lambda: timed([*icadb, str(folder / "csv")]),
        "icadb export --table --format parquet": lambda: timed([*icadb, str(folder / "parquet"), "--format",
                                                                "parquet"]),
        "pyarrow, same rows (Parquet)": lambda: timed([sys.executable, "-c", PARQUET_BASELINE, str(db), sql,
                                                       str(folder / "baseline.parquet")]),
    }
    if sqlite3_cli:
        ways["sqlite3 -csv -header"] = lambda: timed([sqlite3_cli, "-csv", "-header", str(db), sql],
                                                     stdout=open(folder / "sqlite3.csv", "w"))
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(runs):
        for name, run in ways.items():
            times[name].append(run())
    return {name: statistics.median(values) for name, values in times.items()}


def time_datasette_stream(db: Path, table: str, runs: int) -> tuple[float, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--datasette", action="store_true", help="also time Datasette's streaming CSV")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = built_seeds(args.db, Path(folder))
        table, rows = (args.table, None) if args.table else biggest_table(db)
        if rows is None:
            conn = sqlite3.connect(db)
            rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            conn.close()
        seconds = compare(db, table, args.runs, Path(folder))
        stream = time_datasette_stream(db, table, args.runs) if args.datasette else None
        csv_s, csv_rows = time_whole_export(db, "csv")
        parquet_s, _ = time_whole_export(db, "parquet")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; database {db.name}")
    print(f"table {table}: {rows:,} rows; whole processes, median of {args.runs}, taking turns")
    print(f"{'way':40} {'seconds':>9} {'rows/s':>12}")
    for name, value in seconds.items():
        print(f"{name:40} {value:9.3f} {'' if name == 'python -c pass' else f'{rows / value:12,.0f}'}")
    if stream:
        print(f"{'Datasette streaming CSV (_stream=on)':40} {stream[0]:9.3f} {rows / stream[0]:12,.0f}")
    if "sqlite3 -csv -header" in seconds:
        ratio = seconds["sqlite3 -csv -header"] / seconds["icadb export --table (CSV)"]
        print(f"CSV: icadb is {ratio:.2f}x the sqlite3 CLI's rows/s (goal >= 0.5x: {'met' if ratio >= 0.5 else 'NOT met'})")
    else:
        print("CSV: no sqlite3 CLI on this machine to compare with")
    parquet = seconds["pyarrow, same rows (Parquet)"] / seconds["icadb export --table --format parquet"]
    print(f"Parquet: icadb is {parquet:.2f}x the rows/s of pyarrow writing the same rows read by {parquet_reader()}")
    if stream:
        print(f"icadb is {stream[0] / seconds['icadb export --table (CSV)']:.1f}x Datasette's streaming CSV "
              f"({stream[1]:,} bytes)")
    print(f"whole export, every table and view: CSV {csv_rows:,} rows in {csv_s:.2f} s ({csv_rows / csv_s:,.0f} rows/s); "
          f"Parquet in {parquet_s:.2f} s ({csv_rows / parquet_s:,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
