"""The same Alembic revisions on PostgreSQL: pytest-alembic's standard tests,
upgrade head and downgrade base, and ``alembic check``, on a real server.

Needs a server ($ICADB_TEST_PG, tests/helpers.py): skipped without one, failed in CI.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from pytest_alembic.plugin.fixtures import alembic_runner  # noqa: F401 - a fixture
from pytest_alembic.tests import (  # noqa: F401 - collected as tests here
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from icadb import dburl, migrate
from tests.helpers import run_alembic


@pytest.fixture()
def alembic_config():
    return migrate.alembic_config()


@pytest.fixture()
def alembic_engine(pg_scratch):
    db = dburl.parse(pg_scratch)
    engine = sa.create_engine(db.url, poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


def _relations(url: str) -> set[str]:
    engine = sa.create_engine(dburl.parse(url).url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return {r[0] for r in conn.exec_driver_sql(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v')")}
    finally:
        engine.dispose()


def test_alembic_upgrade_head_check_and_downgrade_base_on_postgresql(pg_scratch):
    """What the README's "Changing the schema" asks of a revision, on PostgreSQL."""
    for args in (("upgrade", "head"), ("check",), ("downgrade", "base")):
        result = run_alembic(pg_scratch, *args)
        assert result.returncode == 0, f"alembic {' '.join(args)}: {result.stderr[-2000:]}"
        if args == ("upgrade", "head"):
            # the tables and search indexes; the views are the build's (schema/views/), not a revision's
            assert {"records", "evidence", "records_fts", "sentences_fts"} <= _relations(pg_scratch)
            assert "timeline" not in _relations(pg_scratch)
        if args == ("check",):
            assert "No new upgrade operations detected." in result.stdout + result.stderr
    assert _relations(pg_scratch) == {"alembic_version"}
