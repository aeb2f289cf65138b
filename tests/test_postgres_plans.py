"""PostgreSQL's plans for the analyst views stay linear when their sets outgrow work_mem.

Needs a server ($ICADB_TEST_PG, tests/helpers.py): skipped without one, failed in CI.

PostgreSQL hashes an IN (subquery) that sits inside an OR only while it
expects the subquery's rows to fit in work_mem; past that it scans them again
for every outer row. The review queue was written that way once, and at 10,000x the seeds counting
it did not finish in 27 minutes. The seeds themselves are too small to show it
(every set fits in 64 kB), so this builds the benchmark's corpus at 50x and
compares the planner's own cost estimates for each view's SQL (what the build
runs to make it, materialised or not) with work_mem at its minimum and at
64 MB: no clock is read. At 50x the old review queue's estimate grows 445-fold
(1.19 million against 2,700; at 30x only 1.4-fold, as its sets still fit), the
one-pass query's less than twofold.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from icadb import dburl, pg
from icadb.views import views
from tests.helpers import create_database, drop_database

ROOT = Path(__file__).resolve().parent.parent

SCALE = 50
# A plan that rescans a set per sentence costs (sentences x set size): over a
# hundred times a hashed plan at this scale. Spilling a hash join to disk in
# batches, what a linear plan does when memory is short, costs a few times more.
GROWTH_ALLOWED = 10

VIEWS = {view.name: view for view in views()}


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


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_a_view_counted_by_a_facet_costs_about_the_same_with_little_memory(corpus_built, view):
    with psycopg.connect(corpus_built, autocommit=True) as conn:
        conn.execute("SET search_path TO public")
        assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] > 5_000
        key = conn.execute(f"SELECT * FROM {view} LIMIT 0").description[0].name
        sql = f'SELECT "{key}", count(*) FROM ({VIEWS[view].sql_for("postgresql")}) AS v GROUP BY "{key}"'
        roomy, tight = _cost(conn, sql, "64MB"), _cost(conn, sql, "64kB")
    assert tight < GROWTH_ALLOWED * roomy, (
        f"{view}: the planner's cost grows from {roomy:,.0f} to {tight:,.0f} when work_mem is 64 kB; "
        "look for an IN (subquery) inside an OR (a subplan rescanned per row)")
