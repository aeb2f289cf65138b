"""Do the build's helper processes pay? Whole `icadb build` with and without them, with the second core free and busy.

    python benchmarks/helpers.py [--scale 100] [--runs 3] [--seeds DIR]

Builds the synthetic corpus at --scale (benchmarks/generate.py; or --seeds)
four ways, taking turns in every run: with the helper processes (the
default, `ICADB_PROCESS_MIN_BYTES` unset) and without (`-1`: everything in
one process), each with the second core free and with it busy (a process
spinning on it the whole time, at the same priority as the build). Prints
the median whole-build time of each and the ratios. The built files are the
same bytes every way (checked).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPIN = "while True: pass"


def build_seconds(seeds: Path, db: Path, helpers: bool) -> float:
    env = {**os.environ}
    env.pop("ICADB_PROCESS_MIN_BYTES", None)
    if not helpers:
        env["ICADB_PROCESS_MIN_BYTES"] = "-1"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "icadb", "build", "--quiet", "--seeds", str(seeds), "--db", str(db)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seeds", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        seeds = args.seeds
        if seeds is None:
            seeds = Path(folder) / "seeds"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", str(args.scale),
                            "--out", str(seeds)], check=True, stdout=subprocess.DEVNULL)
        ways = [(helpers, busy) for busy in (False, True) for helpers in (True, False)]
        times: dict[tuple[bool, bool], list[float]] = {way: [] for way in ways}
        digests = set()
        for _ in range(args.runs):
            for helpers, busy in ways:
                spinner = subprocess.Popen([sys.executable, "-c", SPIN]) if busy else None
                try:
                    db = Path(folder) / "icadb.sqlite"
                    times[(helpers, busy)].append(build_seconds(seeds, db, helpers))
                    digests.add(hashlib.sha256(db.read_bytes()).hexdigest())
                finally:
                    if spinner is not None:
                        spinner.kill()
                        spinner.wait()
    median = {way: statistics.median(values) for way, values in times.items()}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"seeds {args.seeds or f'{args.scale:,}x'}; median of {args.runs}, the four ways taking turns")
    print(f"{'second core':12} {'helpers (default)':>18} {'one process (-1)':>18} {'helpers / one process':>22}")
    for busy in (False, True):
        with_helpers, alone = median[(True, busy)], median[(False, busy)]
        print(f"{'busy' if busy else 'free':12} {with_helpers:17.2f}s {alone:17.2f}s {with_helpers / alone:21.2f}x")
    print(f"built files: {'the same bytes every way' if len(digests) == 1 else f'{len(digests)} different files!'}")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
