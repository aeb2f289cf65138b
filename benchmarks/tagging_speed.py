"""Mention tagging throughput on one core: MB/s of text at 1x, 100x and 1,000x the seed text.

    python benchmarks/tagging_speed.py [--db PATH]

Splits the text into sentences and tags every sentence with the gazetteer of
a built database (default: the seeds, built into a temporary file), as the
build does, and prints MB/s for each size. Time should grow linearly with the
text (constant MB/s). Goal: >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import built_seeds  # noqa: E402

from icadb.loaders.text import Gazetteer, sentences  # noqa: E402


def tag(gazetteer: Gazetteer, text: str) -> int:
    count = 0
    for sentence in sentences(text):
        for _ in gazetteer.mentions(text, sentence.start, sentence.end):
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = built_seeds(args.db, Path(folder))
        conn = sqlite3.connect(db)
        gazetteer = Gazetteer.from_db(conn)
        seed_text = "\n".join(t for (t,) in conn.execute("SELECT text FROM documents ORDER BY document_id"))
        conn.close()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (one used), Python {platform.python_version()}; "
          f"gazetteer of {len(gazetteer.names):,} names")
    print(f"{'size':>8} {'MB':>9} {'seconds':>9} {'MB/s':>7} {'mentions':>10}")
    rates = []
    for factor in (1, 100, 1000):
        text = "\n".join([seed_text] * factor)
        megabytes = len(text.encode("utf-8")) / 1e6
        started = time.perf_counter()
        count = tag(gazetteer, text)
        seconds = time.perf_counter() - started
        rates.append(megabytes / seconds)
        print(f"{factor:>7}x {megabytes:9.2f} {seconds:9.3f} {megabytes / seconds:7.1f} {count:10,}")
    print(f"goal (>= 5 MB/s at every size): {'met' if min(rates) >= 5 else 'NOT met'}; "
          f"1,000x vs 100x throughput ratio {rates[2] / rates[1]:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
