"""CPU of an idle `icadb serve`: the share of one core it uses while no one asks anything.

    python benchmarks/serve_idle.py [--db PATH] [--seconds 20] [--requests 200]

Starts `icadb serve` (on the seeds built into a temporary file unless --db),
waits until it answers, sends it --requests requests (pages, facets, errors)
so that it has done some work, lets it settle for 2 s, then reads the
process's user and system CPU time (all its threads, /proc/<pid>/stat)
before and after --seconds of silence. Goal: under 1% of a core.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import built_seeds, free_port, wait_until_up  # noqa: E402

PAGES = ("/icadb/timeline", "/icadb/records?_facet=kind&_facet=status", "/icadb/evidence_trail?_search=Chabahar",
         "/icadb.json?sql=select+nonsense", "/icadb/country_between_dates.json?iso3=KAZ&start=2021-01-01&end=2023-12-31")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def idle_share(db: Path, seconds: float, requests: int) -> tuple[float, float]:
    """(share of a core while idle, CPU seconds of the requests and settling)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port)
        before_requests = cpu_seconds(proc.pid)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for index in range(requests):
            path = PAGES[index % len(PAGES)]
            conn.request("GET", path + ("&" if "?" in path else "?") + f"_n={index}")  # past the response cache
            conn.getresponse().read()
        conn.close()
        time.sleep(2)
        busy = cpu_seconds(proc.pid) - before_requests
        start, started = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        used, elapsed = cpu_seconds(proc.pid) - start, time.monotonic() - started
        return used / elapsed, busy
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = built_seeds(args.db, Path(folder))
        share, busy = idle_share(db, args.seconds, args.requests)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"icadb serve after {args.requests} requests ({busy:.2f} CPU s): idle for {args.seconds:g} s, "
          f"{share:.2%} of a core (goal < 1%: {'met' if share < 0.01 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
