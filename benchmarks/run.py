"""The scale benchmark: this tree against the commit before the redesign, in the same run, at 1x, 100x and 1,000x.

    python benchmarks/run.py                          # 1, 100 and 1,000 (about 20 minutes on 2 cores)
    python benchmarks/run.py --scales 10000 --no-old  # the stress run: must finish under 500 MB
    python benchmarks/run.py --scales 1 --repeat 1 --requests 3 --no-old --no-results   # the CI smoke test

The design scale is about 1,000x the seeds (a decade of dense reporting). For
each scale the synthetic seeds are generated once (benchmarks/generate.py)
and both trees build, serve and export the same rows, taking turns, each
measured --repeat times (the median is shown):

- build: the whole ``icadb build`` process (wall-clock seconds, and its peak
  RSS as GNU time reports it: the largest single process; the old build's
  helper processes are not added to it), and at 1x the sqlite3 CLI loading
  the new build's own ``.dump`` into a new file, the floor for making this
  database;
- serving: Datasette's p50 and p95 for the records table page with its
  facets and for the timeline page, one client, uncached (the old server's
  response cache off);
- export: ``icadb export --table mentions`` as a whole process (the largest
  table) against ``sqlite3 -csv -header`` of the same SELECT.

The old tree is the commit BEFORE (a ``git archive`` of it in the work
folder, with a virtual environment of its own made once). The goals are
printed beside the figures; a goal not met says so. Unless --no-results, the
report is written to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "e2bd555"  # the last commit before the redesign (issue 25)
TIME = shutil.which("time") or "/usr/bin/time"


def sh(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


class Tree:
    """A checkout of icadb that can build, serve and export: this one, or the old commit's."""

    def __init__(self, name: str, folder: Path, python: Path):
        self.name, self.folder, self.python = name, folder, python

    def env(self, work: Path) -> dict:
        # The old tree kept its schema template in a cache folder: a folder of the run's own.
        return {**os.environ, "ICADB_CACHE_DIR": str(work / "cache" / self.name), "ICADB_CACHE_MB": "0"}

    def run(self, args: list[str], work: Path) -> tuple[float, float]:
        """Run ``icadb ARGS``; its wall-clock seconds and peak RSS in MB."""
        report = work / "time.txt"
        started = time.perf_counter()
        subprocess.run([TIME, "-f", "%M", "-o", str(report), str(self.python), "-m", "icadb", *args],
                       cwd=self.folder, env=self.env(work), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        return seconds, int(report.read_text().split()[-1]) / 1024


def old_tree(work: Path, commit: str) -> Tree:
    """The old commit, archived into the work folder with a virtual environment of its own (made once)."""
    sha = sh(["git", "rev-parse", "--short", commit], cwd=ROOT).stdout.strip()
    folder = work / f"old-{sha}"
    python = folder / ".venv" / "bin" / "python"
    if not python.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        print(f"making a virtual environment for {sha} (once) ...", file=sys.stderr)
        sh([sys.executable, "-m", "venv", str(folder / ".venv")])
        sh([str(python), "-m", "pip", "install", "--quiet", "-e", str(folder)], cwd=folder)
    return Tree(f"old ({sha})", folder, python)


def seeds_at(scale: int, work: Path) -> Path:
    folder = work / f"seeds-{scale}"
    if not (folder / "records").is_dir():
        sh([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", str(scale), "--out", str(folder)])
    return folder


def dump_load_seconds(db: Path, work: Path) -> float | None:
    cli = shutil.which("sqlite3")
    if cli is None:
        return None
    dump = work / "dump.sql"
    with open(dump, "w") as fh:
        subprocess.run([cli, str(db), ".dump"], stdout=fh, check=True)
    target = work / "from-dump.sqlite"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    with open(dump) as fh:
        subprocess.run([cli, str(target)], stdin=fh, check=True)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serving(tree: Tree, db: Path, requests: int, work: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 seconds of each page, one client, after one request to warm the server."""
    port = free_port()
    proc = subprocess.Popen([str(tree.python), "-m", "icadb", "serve", "--db", str(db), "--port", str(port)],
                            cwd=tree.folder, env=tree.env(work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pages = {"records + facets": "/icadb/records", "timeline": "/icadb/timeline"}
    out = {}
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"{tree.name}: icadb serve did not come up") from None
                time.sleep(0.2)
        for name, path in pages.items():
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600).read()
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600).read()
                times.append(time.perf_counter() - started)
            times.sort()
            out[name] = (times[len(times) // 2], times[min(len(times) - 1, int(0.95 * len(times)))])
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return out


def export_seconds(tree: Tree, db: Path, work: Path, table: str = "mentions") -> float:
    out = work / f"export-{tree.name.split()[0]}"
    shutil.rmtree(out, ignore_errors=True)
    return tree.run(["export", "--db", str(db), "--out", str(out), "--table", table], work)[0]


def sqlite3_csv_seconds(db: Path, work: Path, table: str = "mentions") -> float | None:
    cli = shutil.which("sqlite3")
    if cli is None:
        return None
    started = time.perf_counter()
    with open(work / "sqlite3.csv", "w") as fh:
        subprocess.run([cli, "-csv", "-header", str(db), f"SELECT * FROM {table} ORDER BY rowid"], stdout=fh, check=True)
    return time.perf_counter() - started


def database(tree: Tree, scale: int, work: Path) -> Path:
    """Where *tree* builds the seeds at *scale*: a file named icadb.sqlite, so Datasette serves it as /icadb."""
    folder = work / f"{tree.name.split()[0]}-{scale}"
    folder.mkdir(exist_ok=True)
    return folder / "icadb.sqlite"


def measure(scale: int, trees: list[Tree], repeat: int, requests: int, work: Path, warm_up: bool) -> dict:
    seeds = seeds_at(scale, work)
    figures: dict = {"scale": scale, "build": {}, "memory": {}, "serving": {}, "export": {}}
    for tree in trees:
        figures["build"][tree.name], figures["memory"][tree.name], figures["export"][tree.name] = [], [], []
        if warm_up:  # the first build compiles the code (and the old tree made its schema template): not timed
            tree.run(["build", "--quiet", "--db", str(database(tree, scale, work)), "--seeds", str(seeds)], work)
    for _ in range(repeat):
        for tree in trees:  # taking turns, so both share the machine's noise
            seconds, megabytes = tree.run(["build", "--quiet", "--db", str(database(tree, scale, work)),
                                           "--seeds", str(seeds)], work)
            figures["build"][tree.name].append(seconds)
            figures["memory"][tree.name].append(megabytes)
    new_db = database(trees[0], scale, work)
    figures["rows"] = sum(sqlite_count(new_db, t) for t in ("records", "evidence", "sentences", "mentions"))
    figures["dump"] = dump_load_seconds(new_db, work) if scale == 1 else None
    figures["sqlite3_csv"] = statistics.median(filter(None, (sqlite3_csv_seconds(new_db, work) for _ in range(repeat))))\
        if shutil.which("sqlite3") else None
    for _ in range(repeat):
        for tree in trees:
            figures["export"][tree.name].append(export_seconds(tree, database(tree, scale, work), work))
    for tree in trees:
        figures["serving"][tree.name] = serving(tree, database(tree, scale, work), requests, work)
    return figures


def sqlite_count(db: Path, table: str) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(results: list[dict], trees: list[Tree], repeat: int) -> str:
    new, old = trees[0].name, (trees[1].name if len(trees) > 1 else None)
    median = statistics.median
    lines = ["# Benchmark results", "",
             "Written by `python benchmarks/run.py` (its docstring says what each figure measures); do not edit by hand.",
             "", f"Machine: {platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}; "
             f"run {dt.date.today().isoformat()}; each figure the median of {repeat} run(s), the trees taking turns.", "",
             "## Build (whole `icadb build` process)", "",
             "| scale | rows | " + " | ".join(f"{t.name}: seconds, peak MB" for t in trees)
             + (" | new / old | goal (new <= 1.25x old at 100x and 1,000x)" if old else "") + " |",
             "|---" * (2 + len(trees) + (2 if old else 0)) + "|"]
    for r in results:
        cells = [f"{median(r['build'][t.name]):.2f} s, {max(r['memory'][t.name]):.0f} MB" for t in trees]
        row = f"| {r['scale']:,}x | {r['rows']:,} | " + " | ".join(cells)
        if old:
            ratio = median(r["build"][new]) / median(r["build"][old])
            goal = verdict(ratio <= 1.25) if r["scale"] in (100, 1000) else ""
            row += f" | {ratio:.2f}x | {goal}"
        lines.append(row + " |")
    lines += ["", "Peak memory of the new build (goal: under 500 MB at every scale, 10,000x included): "
              + ", ".join(f"{r['scale']:,}x {max(r['memory'][new]):.0f} MB ({verdict(max(r['memory'][new]) < 500)})"
                          for r in results), ""]
    for r in results:
        if r.get("dump"):
            ratio = median(r["build"][new]) / r["dump"]
            lines.append(f"At 1x: the new build takes {median(r['build'][new]):.2f} s, the sqlite3 CLI loads its dump in "
                         f"{r['dump']:.2f} s: {ratio:.1f}x (goal <= 5x: {verdict(ratio <= 5)}).")
    lines += ["", "## Serving (Datasette, one client, uncached: p50 / p95)", "",
              "| scale | page | " + " | ".join(t.name for t in trees) + (" | goal (new p95 no worse than old)" if old else "")
              + " |", "|---" * (2 + len(trees) + (1 if old else 0)) + "|"]
    for r in results:
        for page in r["serving"][new]:
            cells = [f"{r['serving'][t.name][page][0] * 1000:.0f} ms / {r['serving'][t.name][page][1] * 1000:.0f} ms"
                     for t in trees]
            row = f"| {r['scale']:,}x | {page} | " + " | ".join(cells)
            if old:
                # "no worse": within 10% or 20 ms of the old p95, the noise of one client on a shared machine
                new_p95, old_p95 = r["serving"][new][page][1], r["serving"][old][page][1]
                row += f" | {verdict(new_p95 <= max(old_p95 * 1.1, old_p95 + 0.02))}"
            lines.append(row + " |")
    lines += ["", "## Export (`icadb export --table mentions`, whole process, against `sqlite3 -csv -header`)", "",
              "| scale | " + " | ".join(f"{t.name}" for t in trees) + " | sqlite3 -csv | new: sqlite3's speed x "
              "(goal >= 0.5x at 1,000x) |", "|---" * (3 + len(trees)) + "|"]
    for r in results:
        cells = [f"{median(r['export'][t.name]):.2f} s" for t in trees]
        cli = r["sqlite3_csv"]
        speed = cli / median(r["export"][new]) if cli else None
        goal = verdict(speed >= 0.5) if speed is not None and r["scale"] == 1000 else ""
        lines.append(f"| {r['scale']:,}x | " + " | ".join(cells) + f" | {cli:.2f} s | "
                     + (f"{speed:.2f}x {goal}" if speed is not None else "no sqlite3 CLI") + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,100,1000", help="comma-separated multiples of the seeds")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the median is shown)")
    parser.add_argument("--requests", type=int, default=30, help="requests per page for the serving figures")
    parser.add_argument("--old", default=BEFORE, help="the commit to compare with")
    parser.add_argument("--no-old", action="store_true", help="measure this tree alone")
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work", help="where seeds and builds go")
    parser.add_argument("--no-results", action="store_true", help="print the report only")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    trees = [Tree("new", ROOT, Path(sys.executable))]
    if not args.no_old:
        trees.append(old_tree(args.work, args.old))
    results = []
    for index, scale in enumerate(int(s) for s in args.scales.split(",")):
        print(f"scale {scale:,}x ...", file=sys.stderr)
        results.append(measure(scale, trees, args.repeat, args.requests, args.work, warm_up=index == 0))
    text = report(results, trees, args.repeat)
    print(text)
    if not args.no_results:
        (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
