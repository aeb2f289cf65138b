"""Load on `icadb serve`: N concurrent clients for T seconds on loopback.

Each client keeps one HTTP/1.1 connection and requests the pages in turn:
a view (timeline), a table page with facets, a faceted view, a full-text
search and a canned query. Prints requests/s, p50/p95/p99 latency and the
error count, per page and overall. Goal: 0 errors, p95 < 100 ms.

    python benchmarks/load.py [--clients 20] [--seconds 20] [--db PATH]

Without --db it builds the seeds into a temporary file first. The clients run
in this process (threads), on the same 2 cores as the server, so the figures
include the clients' own cost. Every request is rendered by Datasette
(`icadb serve` keeps no response cache).
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "view: timeline": "/icadb/timeline",
    "table + facets: records": "/icadb/records?_facet=kind&_facet=status",
    "view + array facet: timeline": "/icadb/timeline.json?_facet_array=countries&_size=20",
    "search: evidence": "/icadb/evidence_trail?_search=Chabahar",
    "search: all sources": "/icadb/search_sources.json?q=cyber",
    "canned query": "/icadb/country_between_dates.json?iso3=KAZ&start=2021-01-01&end=2023-12-31",
}


def built_seeds(db: Path | None, folder: Path) -> Path:
    """*db* if given, else the seeds built (`icadb build`) into *folder*/icadb.sqlite: every benchmark's --db default."""
    if db is not None:
        return db
    built = folder / "icadb.sqlite"
    subprocess.run([sys.executable, "-m", "icadb", "build", "--quiet", "--db", str(built)], cwd=ROOT, check=True)
    return built


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/-/versions.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def client(port: int, paths: dict[str, str], stop: float, results: dict, lock: threading.Lock, offset: int) -> None:
    names = list(paths)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    local: dict[str, list] = {n: [] for n in names}
    errors: dict[str, int] = {n: 0 for n in names}
    while time.monotonic() < stop:
        name = names[i % len(names)]
        i += 1
        started = time.perf_counter()
        try:
            conn.request("GET", paths[name])
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except OSError:
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = time.perf_counter() - started
        if ok:
            local[name].append(elapsed)
        else:
            errors[name] += 1
    with lock:
        for n in names:
            results["times"][n].extend(local[n])
            results["errors"][n] += errors[n]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q / 100 * (len(values) - 1))))
    return values[k]


def run(port: int, clients: int, seconds: float, paths: dict[str, str]) -> dict:
    results = {"times": {n: [] for n in paths}, "errors": {n: 0 for n in paths}}
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, paths, stop, results, lock, i)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results["wall"] = time.perf_counter() - started
    return results


def report(results: dict, clients: int) -> bool:
    wall = results["wall"]
    print(f"{clients} clients for {wall:.1f} s on loopback, machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{'page':32} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    everything: list[float] = []
    errors = 0
    for name, times in results["times"].items():
        everything += times
        errors += results["errors"][name]
        print(f"{name:32} {len(times):9d} {len(times) / wall:8.1f} {percentile(times, 50) * 1000:8.1f} "
              f"{percentile(times, 95) * 1000:8.1f} {percentile(times, 99) * 1000:8.1f} {results['errors'][name]:7d}")
    p95 = percentile(everything, 95) * 1000
    print(f"{'all':32} {len(everything):9d} {len(everything) / wall:8.1f} {percentile(everything, 50) * 1000:8.1f} "
          f"{p95:8.1f} {percentile(everything, 99) * 1000:8.1f} {errors:7d}")
    met = errors == 0 and p95 < 100
    print(f"goal (0 errors, p95 < 100 ms): {'met' if met else 'NOT met'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--db", type=Path, default=None, help="a built database (default: build the seeds)")
    args = parser.parse_args()
    measure(args)
    return 0


def measure(args) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        db = built_seeds(args.db, Path(folder))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(port)
            paths = {name: path.replace("/icadb/", f"/{db.stem}/") for name, path in PAGES.items()}
            results = run(port, args.clients, args.seconds, paths)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return report(results, args.clients)


if __name__ == "__main__":
    raise SystemExit(main())
