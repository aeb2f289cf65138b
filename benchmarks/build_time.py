"""Whole-process time of `icadb build` on the seeds: median of 5 runs.

Each run is a new process (`python -m icadb build --quiet`), so the figure
includes interpreter start-up, imports, the Alembic migrations, loading and
verification — what a curator waits for. Goal: under 1.5 s on 2 cores.

    python benchmarks/build_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ICADB_DB": str(Path(folder) / "icadb.sqlite")}
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "icadb", "build", "--quiet"], cwd=ROOT, env=env, check=True)
            times.append(time.perf_counter() - started)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("icadb build, whole process, seconds: " + ", ".join(f"{t:.3f}" for t in times))
    median = statistics.median(times)
    print(f"median of {args.runs}: {median:.3f} s (goal < 1.5 s: {'met' if median < 1.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
