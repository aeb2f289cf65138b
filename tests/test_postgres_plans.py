"""PostgreSQL's plans for the analyst views stay linear when their sets outgrow work_mem.

Needs a server ($ICADB_TEST_PG, tests/helpers.py): skipped without one, failed in CI.

PostgreSQL hashes an IN (subquery) that sits inside an OR only while it
expects the subquery's rows to fit in work_mem; past that it scans them again
for every outer row. The review queue was written that way until revision
0019, and at 10,000x the seeds counting it did not finish in 27 minutes. The
seeds themselves are too small to show it (every set fits in 64 kB), so this
builds the benchmark's corpus at 100x and compares the planner's own cost
estimates with work_mem at its minimum and at 64 MB: no clock is read. The
old view's estimate grows about 1,000-fold there (5.5 million against 5,300),
the one-pass view's less than twofold (6,800 against 3,800).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from icadb import dburl, pg
from tests.helpers import create_database, drop_database

ROOT = Path(__file__).resolve().parent.parent

SCALE = 100
# A plan that rescans a set per sentence costs (sentences x set size): over a
# hundred times a hashed plan at this scale. Spilling a hash join to disk in
# batches, what a linear plan does when memory is short, costs a few times more.
GROWTH_ALLOWED = 10

VIEWS = ["timeline", "evidence_trail", "country_activity", "india_dyads", "proposal_tracker", "series_history",
         "people_appearances", "document_countries", "co_mentions", "review_queue"]


@pytest.fixture(scope="module")
def corpus_built(tmp_path_factory):
    """The benchmark's corpus at SCALE, built into a database of the module's own; its URL."""
    seeds = tmp_path_factory.mktemp("plans") / f"seeds-{SCALE}"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", str(SCALE),
                    "--out", str(seeds)], check=True, capture_output=True)
    url = create_database("icadb_plans")
    pg.build(dburl.parse(url), seeds=seeds)
    yield url
    drop_database(url)


def _cost(conn, sql: str, work_mem: str) -> float:
    conn.execute(f"SET work_mem = '{work_mem}'")
    plan = conn.execute(f"EXPLAIN (FORMAT JSON) {sql}").fetchone()[0]
    return plan[0]["Plan"]["Total Cost"]


@pytest.mark.parametrize("view", VIEWS)
def test_a_view_counted_by_a_facet_costs_about_the_same_with_little_memory(corpus_built, view):
    with psycopg.connect(corpus_built, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] > 10_000
        key = conn.execute(f"SELECT * FROM {view} LIMIT 0").description[0].name
        sql = f'SELECT "{key}", count(*) FROM {view} GROUP BY "{key}"'
        roomy, tight = _cost(conn, sql, "64MB"), _cost(conn, sql, "64kB")
    assert tight < GROWTH_ALLOWED * roomy, (
        f"{view}: the planner's cost grows from {roomy:,.0f} to {tight:,.0f} when work_mem is 64 kB; "
        "look for an IN (subquery) inside an OR (a subplan rescanned per row)")
