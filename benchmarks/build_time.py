"""Whole-process time of `icadb build` on the seeds, against the sqlite3 CLI loading the built file's dump.

    python benchmarks/build_time.py [--runs 5]

In one run, taking turns (so both share the machine's noise), median of --runs:

- `python -m icadb build --quiet`, each a new process: interpreter start-up,
  imports, the schema (a copy of the cached migrations' template, made
  before the first timed run), loading and verification: what a curator
  waits for;
- the same with `--no-template` (the migrations replayed, as every build
  did before the template);
- `sqlite3 NEW.sqlite < dump.sql`: the sqlite3 CLI loading the built file's
  own `.dump` into a new file, the floor for making this database.

Goal: the build at most 5x the dump load. Also prints the sha256 of every
build (the same seeds must give the same bytes) and the time of the first
build with an empty template cache.

The builds run with Python's bytecode cache on, as a user's do (in a
temporary `PYTHONPYCACHEPREFIX`, so the tree stays clean, even where
`PYTHONDONTWRITEBYTECODE` is set); `--no-bytecode-cache` measures without it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], env: dict, **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)
    return time.perf_counter() - started


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-bytecode-cache", action="store_true", help="compile every module on every run")
    args = parser.parse_args()
    sqlite3_cli = shutil.which("sqlite3")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "ICADB_CACHE_DIR": str(work / "cache")}
        if args.no_bytecode_cache:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        build = [sys.executable, "-m", "icadb", "build", "--quiet", "--db"]
        first = timed([*build, str(work / "first.sqlite")], env)  # empty template cache (and bytecode cache)
        dump = work / "dump.sql"
        if sqlite3_cli:
            with open(dump, "w") as fh:
                subprocess.run([sqlite3_cli, str(work / "first.sqlite"), ".dump"], stdout=fh, check=True)
        times: dict[str, list[float]] = {"icadb build": [], "icadb build --no-template": [], "sqlite3 < dump": []}
        digests: dict[str, set[str]] = {name: set() for name in times}
        digests["first build"] = {sha256(work / "first.sqlite")}
        for run in range(args.runs):
            for name, extra in (("icadb build", []), ("icadb build --no-template", ["--no-template"])):
                db = work / f"build-{run}{'-replayed' if extra else ''}.sqlite"
                times[name].append(timed([*build, str(db), *extra], env))
                digests[name].add(sha256(db))
            if sqlite3_cli:
                loaded = work / f"loaded-{run}.sqlite"
                with open(dump) as fh:
                    times["sqlite3 < dump"].append(timed([sqlite3_cli, str(loaded)], env, stdin=fh))
    median = {name: statistics.median(values) for name, values in times.items() if values}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"bytecode cache {'off' if args.no_bytecode_cache else 'on'}")
    print(f"first build (empty template cache, makes the template): {first:.3f} s")
    for name, values in times.items():
        if values:
            print(f"{name}, whole process, seconds: " + ", ".join(f"{t:.3f}" for t in values)
                  + f"; median of {args.runs}: {median[name]:.3f} s")
    if "sqlite3 < dump" in median:
        ratio = median["icadb build"] / median["sqlite3 < dump"]
        print(f"icadb build is {ratio:.1f}x the sqlite3 CLI loading the built file's dump "
              f"(goal <= 5x: {'met' if ratio <= 5 else 'NOT met'}); --no-template is "
              f"{median['icadb build --no-template'] / median['sqlite3 < dump']:.1f}x")
    else:
        print("no sqlite3 CLI on this machine: no dump-load figure")
    all_digests = set().union(*digests.values())
    print(f"sha256 of every build ({sum(len(v) for v in times.values() if v) - len(times['sqlite3 < dump']) + 1} "
          f"builds, with and without the template): "
          + (f"all the same, {next(iter(all_digests))}" if len(all_digests) == 1 else f"{len(all_digests)} different!"))
    return 0 if len(all_digests) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
