"""Migrations: pytest-alembic's standard tests, up/down on a real file, and no
drift between the models and what the migrations build.

Every build starts from an empty database and no live database is upgraded,
so there is no test that an upgrade keeps the rows of a database already
built (the revisions before the baseline had one)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa
from pytest_alembic.plugin.fixtures import alembic_runner  # noqa: F401 - a fixture
from pytest_alembic.tests import (  # noqa: F401 - collected as tests here
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from icadb import migrate
from icadb.paths import PROJECT_ROOT
from icadb.schema.models import Base


@pytest.fixture()
def alembic_config():
    return migrate.alembic_config()


@pytest.fixture()
def alembic_engine(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'alembic.sqlite'}")
    yield engine
    engine.dispose()


def tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    finally:
        conn.close()


def test_upgrade_head_then_downgrade_base_leaves_nothing(tmp_path):
    path = tmp_path / "updown.sqlite"
    migrate.upgrade(path)
    assert {"records", "evidence", "countries"} <= tables(path)
    migrate.downgrade(path, "base")
    assert tables(path) == {"alembic_version"}


def test_alembic_check_reports_no_drift_on_a_built_database(built_db):
    result = subprocess.run([sys.executable, "-m", "alembic", "check"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, env={"ICADB_DB": str(built_db), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "No new upgrade operations detected." in result.stdout + result.stderr


def _checks(engine) -> dict[str, set[tuple[str, str]]]:
    inspector = sa.inspect(engine)
    return {
        table: {(c["name"], " ".join(c["sqltext"].split())) for c in inspector.get_check_constraints(table)}
        for table in inspector.get_table_names()
        if table != "alembic_version" and not table.startswith("sqlite_") and "_fts" not in table
    }


def test_check_constraints_match_the_models(tmp_path):
    """Autogenerate ignores CHECK constraints; compare them here. If this fails,
    a vocabulary or CHECK changed in schema/ without a migration: write one
    (`alembic revision -m ...`) that recreates the table with batch mode."""
    migrated = tmp_path / "migrated.sqlite"
    migrate.upgrade(migrated)
    reference = sa.create_engine("sqlite://")
    Base.metadata.create_all(reference)  # test-only reference; the product never uses create_all
    got = _checks(sa.create_engine(f"sqlite:///{migrated}"))
    want = _checks(reference)
    assert got == want
