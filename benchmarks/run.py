"""The scale benchmark: icadb against raw SQLite, sqlite-utils and Datasette, at 1x, 100x and 10,000x.

    python benchmarks/run.py                      # 1, 100 and 10,000 (about 15 minutes on 2 cores)
    python benchmarks/run.py --repeat 3           # each scale three times: min, median and max of every ratio
    python benchmarks/run.py --scales 1 --no-results   # the CI smoke test

For each scale it generates the synthetic seeds (benchmarks/generate.py) and
measures, all in the same run on the same rows:

- build: the whole `icadb build` process (time, rows/s, peak RSS of it and
  its helper processes, database size), its loading step (reading, checking
  and inserting the seeds, wall-clock) and the
  part of it spent inserting rows (and building indexes); against raw
  sqlite3 `executemany` of the same rows into the same schema in one
  transaction with the build's pragmas (the practical ceiling) and
  sqlite-utils `insert_all` of the same rows, as it comes and with the
  build's pragmas;
- views: the median time of a Datasette-style page (first 101 rows, in the
  view's default order) of timeline, country_activity, evidence_trail
  filtered by a frequent and by the rarest country, and india_dyads, with
  the query plan;
- serving: Datasette p50/p95 for a faceted table page and a view (one
  client), with the response cache off (every request computed) and on
  (`icadb serve`'s default: repeat requests served from memory);
- export: `icadb export` rows/s against Datasette's streaming CSV of the same
  table; and `icadb export --table` as a whole process against the sqlite3
  CLI's `-csv` (and, in Parquet, against pyarrow writing the same rows read
  by ADBC's SQLite driver; see benchmarks/export_speed.py).

With --repeat N every scale is measured N times (its seeds generated once):
the tables show the first run, and "Across runs" the minimum, median and
maximum of every ratio, with the goals judged on the worst run. Every
figure is also shown next to what the RESULTS.md being replaced showed.

With --postgres URL (a server's postgresql://... URL; a database
icadb_bench_<scale> is made and dropped there) the same seeds are built on
PostgreSQL too, in the same run, and its loader compared with a plain COPY
of the same rows (benchmarks/postgres.py).

It prints one table and, unless --no-results, writes benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import free_port, wait_until_up  # noqa: E402

from icadb.build import BUILD_PRAGMAS  # noqa: E402

# evidence_trail has no country column: a country's quotes are those of the
# records it takes part in. summary_evidence_countries (migration 0015) keys
# them by country, so the page costs the same for a frequent country and for
# the rarest ({rarest}, the country linked to fewest records). Through
# record_countries instead, EXISTS per quote scans all the evidence for a rare
# country (4.3 s at 10,000x) and IN collects and sorts every quote of a
# frequent one (0.5 s).
VIEW_PAGES = {
    "timeline": "SELECT * FROM timeline ORDER BY date_earliest DESC LIMIT 101",
    "country_activity": "SELECT * FROM country_activity ORDER BY records DESC LIMIT 101",
    "evidence_trail (KAZ)": (
        "SELECT et.* FROM summary_evidence_countries AS sec JOIN evidence_trail AS et USING (evidence_id) "
        "WHERE sec.iso3 = 'KAZ' ORDER BY sec.evidence_id DESC LIMIT 101"),
    "evidence_trail (rarest country)": (
        "SELECT et.* FROM summary_evidence_countries AS sec JOIN evidence_trail AS et USING (evidence_id) "
        "WHERE sec.iso3 = '{rarest}' ORDER BY sec.evidence_id DESC LIMIT 101"),
    "india_dyads": "SELECT * FROM india_dyads ORDER BY year DESC LIMIT 101",
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{memory}; Linux {platform.release()}; Python {platform.python_version()}; "
            f"SQLite {sqlite3.sqlite_version}")


def _memory_kb(pid: int) -> int:
    """A process's proportional set size (its own pages, plus its share of
    pages it shares), or its resident set size where Linux gives no PSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants together, in kB (0 once it has gone).

    Summed as PSS, so a page two processes share counts once: summed RSS
    counted shared pages once per process, and counted the building
    process twice whenever a sample fell between a helper's fork and exec
    (a 10,000x build once read 573 MB that way, against 416 MB summed RSS
    in a run sampled outside those windows)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _memory_kb(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def run_measured(args: list[str]) -> tuple[float, int, str]:
    """Run a command; return (seconds, peak RSS in MB, stderr).

    The peak memory is that of the command and its helper processes
    together (the build reads and tags large inputs in processes of its
    own): the largest sum of their PSS seen sampling every 20 ms, or the
    command's own peak RSS if larger."""
    import threading

    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr}")
    return seconds, max(peak[0], usage.ru_maxrss) // 1024, stderr


def measured_build(seeds: Path, db: str) -> tuple[float, int, dict[str, float]]:
    """``icadb build --timings`` of *seeds* into *db* (a path or a URL): (seconds, peak RSS in MB,
    seconds per step as the build printed them)."""
    seconds, rss, stderr = run_measured([sys.executable, "-m", "icadb", "build", "--timings", "--seeds", str(seeds),
                                         "--db", db])
    phases = {}
    for line in stderr.splitlines():
        parts = line.strip().split(" s  ", 1)
        if len(parts) == 2:
            try:
                phases[parts[1]] = float(parts[0])
            except ValueError:
                pass
    return seconds, rss, phases


def loaded_tables(db: Path) -> list[str]:
    """The tables a build fills, parents before children (derived FTS tables and statistics left out)."""
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%\\_fts%' ESCAPE '\\' AND name <> 'alembic_version'")]
    parents = {n: {r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{n}")')} - {n} for n in names}
    conn.close()
    ordered: list[str] = []
    while len(ordered) < len(names):
        before = len(ordered)
        for name in sorted(names):
            if name not in ordered and parents[name] <= set(ordered):
                ordered.append(name)
        if len(ordered) == before:
            raise SystemExit(f"no load order for {sorted(set(names) - set(ordered))}: a foreign key points outside them")
    return ordered


def empty_schema(path: Path) -> None:
    from icadb import migrate

    path.unlink(missing_ok=True)
    migrate.upgrade(path)


def raw_executemany(source: Path, tables: list[str], folder: Path) -> tuple[float, int]:
    target = folder / "raw.sqlite"
    empty_schema(target)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target, isolation_level=None)
    for pragma in BUILD_PRAGMAS:  # the build's own
        dst.execute(f"PRAGMA {pragma}")
    rows = 0
    started = time.perf_counter()
    dst.execute("BEGIN")
    for table in tables:
        cursor = src.execute(f'SELECT * FROM "{table}"')
        marks = ", ".join("?" * len(cursor.description))
        before = dst.total_changes
        dst.executemany(f'INSERT INTO "{table}" VALUES ({marks})', cursor)
        rows += dst.total_changes - before
    dst.execute("COMMIT")
    seconds = time.perf_counter() - started
    src.close()
    dst.close()
    target.unlink()
    return seconds, rows


def sqlite_utils_insert_all(source: Path, tables: list[str], folder: Path,
                            pragmas: tuple[str, ...] = ()) -> tuple[float, int]:
    """sqlite-utils as it comes (a transaction per batch, SQLite's default
    journal and syncing), or with *pragmas* set first."""
    import sqlite_utils

    target = folder / "sqlite_utils.sqlite"
    empty_schema(target)
    src = sqlite3.connect(source)
    src.row_factory = sqlite3.Row
    db = sqlite_utils.Database(target)
    for pragma in pragmas:
        db.execute(f"PRAGMA {pragma}")
    rows = 0
    started = time.perf_counter()
    for table in tables:
        cursor = src.execute(f'SELECT * FROM "{table}"')
        db[table].insert_all((dict(r) for r in cursor), batch_size=5000)
        rows += db[table].count
    seconds = time.perf_counter() - started
    src.close()
    db.close()
    target.unlink()
    return seconds, rows


def view_timings(db: Path, runs: int = 5) -> list[tuple[str, float, list[str]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rarest = conn.execute("SELECT iso3 FROM record_countries GROUP BY iso3 ORDER BY count(*), iso3 LIMIT 1").fetchone()[0]
    out = []
    for name, template in VIEW_PAGES.items():
        sql = template.format(rarest=rarest)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            times.append(time.perf_counter() - started)
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        out.append((name, statistics.median(times), plan))
    conn.close()
    return out


def full_scans(plan: list[str]) -> list[str]:
    """Plan lines that read a whole table without an index (SQLite says SCAN without USING)."""
    return [line for line in plan if line.startswith("SCAN ") and " USING " not in line
            and not line.startswith("SCAN CONSTANT ROW") and "VIRTUAL TABLE" not in line]


def serve(db: Path, cache_mb: str = "0"):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "ICADB_CACHE_MB": cache_mb})
    wait_until_up(port, seconds=300)
    return proc, port


def get(port: int, path: str) -> tuple[float, int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return time.perf_counter() - started, response.status, len(body)


def serving(db: Path, requests: int) -> dict[tuple[str, str], tuple[float, float, int]]:
    """p50/p95 per page, with the response cache off (every request computed)
    and on (`icadb serve`'s default: a page computed once, then served from
    memory until the database is rebuilt)."""
    pages = {"table + facets (records)": f"/{db.stem}/records?_facet=kind&_facet=status",
             "view (timeline)": f"/{db.stem}/timeline"}
    out = {}
    for cache, cache_mb in (("off", "0"), ("on", "64")):
        proc, port = serve(db, cache_mb)
        try:
            for name, path in pages.items():
                get(port, path)  # warm the connection and SQLite's page cache (and fill the response cache)
                times, errors = [], 0
                for _ in range(requests):
                    seconds, status, _ = get(port, path)
                    times.append(seconds)
                    errors += status != 200
                times.sort()
                out[(name, cache)] = (times[len(times) // 2], times[min(len(times) - 1, int(0.95 * len(times)))],
                                      errors)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return out


def export_speed(db: Path, table: str, folder: Path) -> dict[str, float]:
    import export_speed as whole_process

    from icadb.db import connect
    from icadb.export import export, write_csv
    from icadb.resources import resource

    conn = connect(db, readonly=True)
    started = time.perf_counter()
    rows = write_csv(conn, resource(conn, table), folder / f"{table}.csv")
    icadb_s = time.perf_counter() - started
    conn.close()
    proc, port = serve(db)
    try:
        datasette_s, status, _ = get(port, f"/{db.stem}/{table}.csv?_stream=on&_size=max")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    whole = export(db, folder / "export")
    processes = whole_process.compare(db, table, 1, folder)
    return {"table_rows": rows, "icadb": rows / icadb_s, "datasette": rows / datasette_s if status == 200 else 0.0,
            "whole_rows": whole.rows, "whole_seconds": whole.seconds,
            "icadb_process": processes["icadb export --table (CSV)"],
            "sqlite3_cli": processes.get("sqlite3 -csv -header"),
            "parquet_process": processes["icadb export --table --format parquet"],
            "parquet_baseline": processes["pyarrow, same rows (Parquet)"]}


def measure(scale: int, reuse: bool, serving_requests: int, postgres: str | None = None) -> dict:
    seeds = WORK / f"seeds-{scale}"
    if not ((reuse or measure.generated.get(scale)) and seeds.exists()):
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", str(scale), "--out",
                        str(seeds)], check=True, stdout=subprocess.DEVNULL)
        generated = time.perf_counter() - started
        measure.generated[scale] = True
    else:
        generated = float("nan")
    db = WORK / f"icadb-{scale}.sqlite"
    seconds, rss, phases = measured_build(seeds, str(db))
    tables = loaded_tables(db)
    conn = sqlite3.connect(db)
    rows = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("records", "evidence",
                                                                                    "record_countries", "mentions")}
    conn.close()
    load_seconds = sum(v for k, v in phases.items() if k.startswith("load "))
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        raw_s, raw_rows = raw_executemany(db, tables, Path(folder))
        su_s, su_rows = sqlite_utils_insert_all(db, tables, Path(folder))
        su_tuned_s, su_tuned_rows = sqlite_utils_insert_all(db, tables, Path(folder), BUILD_PRAGMAS)
        views = view_timings(db)
        served = serving(db, serving_requests)
        biggest = max(counts, key=counts.get)
        exported = export_speed(db, biggest, Path(folder))
    pg_result = None
    if postgres:
        import postgres as pg_bench

        pg_result = pg_bench.measure(postgres, scale, seeds, db, tables, measured_build)
    return {"postgres": pg_result,
        "scale": scale, "generated": generated, "rows": rows, "counts": counts, "build_s": seconds, "rss_mb": rss,
        "size_mb": db.stat().st_size / 1e6, "phases": phases, "load_s": load_seconds,
        "insert_s": phases.get("(of which inserting rows)", float("nan")), "raw_s": raw_s, "raw_rows": raw_rows,
        "su_s": su_s, "su_rows": su_rows, "su_tuned_s": su_tuned_s, "su_tuned_rows": su_tuned_rows, "views": views, "served": served, "export": exported, "biggest": biggest,
    }


measure.generated = {}  # scales whose seeds this run generated (a repeat reuses them)


def report(results: list[dict], runs_by_scale: dict[int, list[dict]] | None = None, previous: str = "",
           note: str = "", postgres: str | None = None) -> str:
    lines = [f"Machine: {machine()}", f"Run: {dt.date.today().isoformat()}"]
    lines += [f"Note: {note}"] if note else []
    lines += [""]
    lines += ["## Build", "",
              "| scale | records | evidence | rows | whole build | build rows/s | peak memory (all processes) | db size | load step | "
              "of which inserting | raw executemany | sqlite-utils insert_all | sqlite-utils, the build's pragmas |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r['scale']:,}x | {r['counts']['records']:,} | {r['counts']['evidence']:,} | {r['rows']:,} | "
            f"{r['build_s']:.1f} s | {r['rows'] / r['build_s']:,.0f} | {r['rss_mb']} MB | {r['size_mb']:.0f} MB | "
            f"{r['load_s']:.1f} s ({r['rows'] / r['load_s']:,.0f} rows/s) | "
            f"{r['insert_s']:.1f} s ({r['rows'] / r['insert_s']:,.0f} rows/s) | "
            f"{r['raw_s']:.1f} s ({r['raw_rows'] / r['raw_s']:,.0f} rows/s) | "
            f"{r['su_s']:.1f} s ({r['su_rows'] / r['su_s']:,.0f} rows/s) | "
            f"{r['su_tuned_s']:.1f} s ({r['su_tuned_rows'] / r['su_tuned_s']:,.0f} rows/s) |")
    lines += ["", "Peak memory is the build's and its helper processes' together: the largest sum of their "
              "proportional set sizes (a page they share counted once) sampled every 20 ms, or the build's own "
              "peak RSS if larger. On inputs of 4 MB or more the build "
              "reads seed files and tags the texts in helper processes, on the second core (see README, "
              "\"The command line\"); the load step is wall-clock time and includes waiting for them, and building "
              "each table's indexes once the table is loaded (also counted as inserting). Raw executemany and "
              "sqlite-utils insert rows already parsed, in one process. Raw executemany runs with the build's own "
              f"pragmas ({', '.join(BUILD_PRAGMAS)}: foreign keys are checked once, over every row, by the build's "
              "verify step, not row by row) in one transaction; sqlite-utils insert_all as it comes (a transaction "
              "per batch of 5,000, SQLite's default journal and syncing), and, in the last column, with the "
              "build's pragmas too. The facet counts Datasette's "
              "unfiltered pages read (summary_facets) are computed after the checks, like ANALYZE, and are not in the "
              "load step; their rows are in the row counts of every column.", ""]
    lines += ["Ratios (rows/s, the same rows into the same schema):", "",
              "| scale | load step / raw | inserting / raw | load step / sqlite-utils | inserting / sqlite-utils | "
              "load step / sqlite-utils with the build's pragmas | build time per 1,000 records |",
              "|---|---|---|---|---|---|---|"]
    for r in results:
        load, ins = r["rows"] / r["load_s"], r["rows"] / r["insert_s"]
        raw, su = r["raw_rows"] / r["raw_s"], r["su_rows"] / r["su_s"]
        su_tuned = r["su_tuned_rows"] / r["su_tuned_s"]
        lines.append(f"| {r['scale']:,}x | {load / raw:.0%} | {ins / raw:.0%} | {load / su:.1f}x | {ins / su:.1f}x | "
                     f"{load / su_tuned:.1f}x | {r['build_s'] / r['counts']['records'] * 1000:.2f} s |")
    lines += ["", "## Views (median of 5; a Datasette-style first page of 101 rows)", "",
              "| scale | " + " | ".join(VIEW_PAGES) + " |", "|---|" + "---|" * len(VIEW_PAGES)]
    for r in results:
        lines.append(f"| {r['scale']:,}x | " + " | ".join(f"{t * 1000:.1f} ms" for _, t, _ in r["views"]) + " |")
    last = results[-1]
    lines += ["", f"Query plans at {last['scale']:,}x (full scans of a table, if any, are marked):", ""]
    for name, _, plan in last["views"]:
        scans = full_scans(plan)
        lines.append(f"- {name}: " + ("FULL SCAN " + "; ".join(scans) if scans else "indexes only") + "")
        lines += [f"    - `{line}`" for line in plan]
    lines += ["", "## Serving (Datasette, one client; the response cache off: every request computed; on: "
              "`icadb serve`'s default, a page computed once and then served from memory)", "",
              "| scale | page | response cache | p50 | p95 | errors |", "|---|---|---|---|---|---|"]
    for r in results:
        for (name, cache), (p50, p95, errors) in r["served"].items():
            lines.append(f"| {r['scale']:,}x | {name} | {cache} | {p50 * 1000:.0f} ms | {p95 * 1000:.0f} ms | "
                         f"{errors} |")
    lines += ["", "## Export", "", "| scale | table | rows | icadb export | Datasette streaming CSV | icadb / Datasette | "
              "icadb export --table, whole process | sqlite3 -csv | icadb export --table / sqlite3 -csv | "
              "Parquet: icadb / pyarrow | whole export (CSV, every table and view) |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        e = r["export"]
        rows = e["table_rows"]
        ratio = e["icadb"] / e["datasette"] if e["datasette"] else float("nan")
        cli = (f"{rows / e['sqlite3_cli']:,.0f} rows/s | {e['sqlite3_cli'] / e['icadb_process']:.2f}x"
               if e.get("sqlite3_cli") else "(no sqlite3 CLI) | ")
        lines.append(f"| {r['scale']:,}x | {r['biggest']} | {rows:,} | {e['icadb']:,.0f} rows/s | "
                     f"{e['datasette']:,.0f} rows/s | {ratio:.1f}x | {rows / e['icadb_process']:,.0f} rows/s | {cli} | "
                     f"{e['parquet_baseline'] / e['parquet_process']:.2f}x | "
                     f"{e['whole_rows']:,} rows in {e['whole_seconds']:.1f} s |")
    lines += ["", "The whole-process figures time `icadb export --table` and `sqlite3 -csv -header` (the same SELECT) "
              "from start to exit, Python's start-up included; Parquet compares `icadb export --format parquet "
              "--table` with a process that reads the same rows through ADBC's SQLite driver straight into Arrow "
              "(the fastest reader found) and writes them with pyarrow. See benchmarks/export_speed.py."]
    if runs_by_scale:
        from spread import comparison, spread

        repeats = max(len(v) for v in runs_by_scale.values())
        lines += ["", f"## Across runs ({repeats} per scale)", ""] + spread(runs_by_scale)
        if previous:
            run = re.search(r"^Run: (.+)$", previous, re.M)
            lines += ["", "## Against the previous RESULTS.md", "",
                      "The same figures in the RESULTS.md this one replaced:", ""]
            lines += comparison(previous, runs_by_scale, run.group(1) if run else "earlier run")
    if postgres:
        import postgres as pg_bench
        from icadb import dburl

        lines += pg_bench.report([r["postgres"] for r in results if r.get("postgres")], results,
                                 dburl.parse(postgres).display())
    for r in (results if len(results) == 1 else [results[0], last]):
        lines += ["", f"## Build steps at {r['scale']:,}x" + (" (the largest scale)" if r is last else ""), ""]
        lines += [f"- {name}: {seconds:.2f} s" for name, seconds in r["phases"].items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100, 10000])
    parser.add_argument("--reuse", action="store_true", help="reuse seeds already generated in the --work folder")
    parser.add_argument("--requests", type=int, default=20, help="requests per page for the serving figures")
    parser.add_argument("--no-results", action="store_true", help="print only; do not write benchmarks/RESULTS.md")
    parser.add_argument("--repeat", type=int, default=1, help="measure every scale this many times")
    parser.add_argument("--note", default="", help="a line for the report, e.g. that the machine was shared")
    parser.add_argument("--work", type=Path, default=WORK, help="folder for the generated seeds and databases "
                        "(default: benchmarks/work/)")
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="also build on this PostgreSQL server (postgresql://user@host:port/db) and compare COPY")
    args = parser.parse_args()
    WORK = args.work
    WORK.mkdir(parents=True, exist_ok=True)
    from icadb import template

    template.ensure()  # the schema template made once, as a user's first build makes it, before any timing
    started = time.perf_counter()
    results = []
    runs_by_scale: dict[int, list[dict]] = {}
    for scale in args.scales:
        for repeat in range(args.repeat):
            print(f"scale {scale:,}x, run {repeat + 1} of {args.repeat} ...", file=sys.stderr, flush=True)
            runs_by_scale.setdefault(scale, []).append(measure(scale, args.reuse, args.requests, args.postgres))
        results.append(runs_by_scale[scale][0])
    results_path = ROOT / "benchmarks" / "RESULTS.md"
    previous = results_path.read_text(encoding="utf-8") if results_path.exists() else ""
    text = report(results, runs_by_scale, previous, args.note, args.postgres)
    print(text)
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if not args.no_results:
        header = ("# Benchmark results\n\nWritten by `python benchmarks/run.py` (see its docstring for what each figure "
                  "measures); do not edit by hand.\n\n")
        results_path.write_text(header + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
