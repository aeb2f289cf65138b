"""A team's database on PostgreSQL: the same rows as the SQLite file, a build that never
leaves a half-loaded schema, and reading with icadb's own tools.

Needs a server ($ICADB_TEST_PG, tests/helpers.py): skipped without one, failed in CI.

The parity test compares every table and view of an SQLite build and a
PostgreSQL build of the same seeds, row for row, and normalises only this:

- JSON: a column that is jsonb on PostgreSQL is compared as parsed JSON. jsonb
  keeps no spacing and orders an object's keys its own way, so its text differs
  from SQLite's (``["a", "b"]`` from the loaders, ``["a","b"]`` from
  json_group_array) while the values are the same;
- row order: rows are compared as sorted lists (neither engine promises an
  order without ORDER BY; ``icadb.read`` and the exports give both engines' rows
  in the same order, tested below);
- the full-text indexes are left out: FTS5's tables (and their shadow tables)
  on SQLite, the tsvector search tables on PostgreSQL, hold each engine's own
  index, not data.

Numbers are not normalised: SQLite's REAL and PostgreSQL's double precision
are the same IEEE doubles, and they compare equal as they are.
"""

from __future__ import annotations

import json
import sqlite3
import threading

import psycopg
import pytest

from icadb import dburl, pg
from tests.helpers import run_alembic, run_icadb, with_database

FTS = "_fts"


def _sqlite_names(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if FTS not in r[0]]


def _pg(url: str):
    return psycopg.connect(dburl.parse(url).conninfo(), autocommit=True)


def _pg_names(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v') "
        "ORDER BY relname") if FTS not in r[0]]


def _normalised(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _rows(name: str, sqlite_conn, pg_conn) -> tuple[list, list, list[str], list[str]]:
    columns = [r[1] for r in sqlite_conn.execute(f'PRAGMA table_info("{name}")')]
    declared = {r[1]: (r[2] or "").upper() for r in sqlite_conn.execute(f'PRAGMA table_info("{name}")')}
    pg_columns = [r[0] for r in pg_conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = ('public.' || %s)::regclass AND attnum > 0 "
        "AND NOT attisdropped ORDER BY attnum", (name,))]
    jsonb = {r[0] for r in pg_conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = ('public.' || %s)::regclass AND attnum > 0 "
        "AND atttypid = 'jsonb'::regtype", (name,))}
    listed = ", ".join(f'"{c}"' for c in columns)
    parse = [c in jsonb and declared[c] != "BLOB" for c in columns]  # BLOB: no affinity, a scalar (summary_facets)
    sqlite_rows = sorted((tuple(_normalised(json.loads(v)) if p and v is not None else v for v, p in zip(row, parse))
                          for row in sqlite_conn.execute(f'SELECT {listed} FROM "{name}"')), key=repr)
    pg_rows = sorted((tuple(_normalised(v) for v in row)
                      for row in pg_conn.execute(f'SELECT {listed} FROM "{name}"')), key=repr)
    return sqlite_rows, pg_rows, columns, pg_columns


@pytest.fixture(scope="module")
def busy_seeds(tmp_path_factory):
    """The seeds with what they lack: drafts (a new article drafted, tests/data/drafting)
    and an open review queue (coverage.yaml cut to its first skip)."""
    import shutil

    from icadb.paths import PROJECT_ROOT, SEEDS_DIR

    seeds = tmp_path_factory.mktemp("busy") / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    coverage = seeds / "coverage.yaml"
    coverage.write_text("\n".join(coverage.read_text(encoding="utf-8").split("\n")[:11]) + "\n", encoding="utf-8")
    article = PROJECT_ROOT / "tests" / "data" / "drafting" / "tune" / "2023-10-25-moscow-watches-delhi-central-asia-push.txt"
    run_icadb("add-document", str(article), "--title", "Moscow watches Delhi", "--published-on", "2023-10-25",
              "--seeds", str(seeds), "--draft", "--no-build", check=True)
    return seeds


@pytest.fixture(scope="module", params=["seeds", "busy"], ids=["seeds", "seeds-with-drafts-and-open-queue"])
def both(request, built_db, tmp_path_factory):
    """(SQLite, PostgreSQL) connections to builds of the same seeds: the seeds, and the seeds with
    drafts and an open review queue (which the seeds have none of)."""
    from tests.helpers import create_database, drop_database

    made = None
    if request.param == "seeds":
        sqlite_path, url = built_db, request.getfixturevalue("pg_built")
    else:
        from icadb.build import build

        seeds = request.getfixturevalue("busy_seeds")
        sqlite_path = tmp_path_factory.mktemp("busydb") / "icadb.sqlite"
        build(sqlite_path, seeds=seeds)
        url = made = create_database("icadb_busy")
        pg.build(dburl.parse(url), seeds=seeds)
    sqlite_conn = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    pg_conn = _pg(url)
    yield sqlite_conn, pg_conn
    sqlite_conn.close()
    pg_conn.close()
    if made:
        drop_database(made)


def test_both_engines_have_the_same_tables_and_views(both):
    sqlite_conn, pg_conn = both
    assert _pg_names(pg_conn) == _sqlite_names(sqlite_conn) == _every_name()


def _every_name() -> list[str]:
    """Every table (the models') and view (schema/views/) of the schema, and alembic_version."""
    from icadb.schema.models import Base
    from icadb.views import names

    return sorted({*Base.metadata.tables, *names(), "alembic_version"})


@pytest.mark.parametrize("name", _every_name())
def test_every_table_and_view_holds_the_same_rows_on_both_engines(both, name):
    """If this fails, sqlglot's PostgreSQL translation of *name*'s SQL (icadb.loaders.pgsql)
    or a loader's PostgreSQL path (loaders/pgwriter.py) gives other rows."""
    sqlite_conn, pg_conn = both
    sqlite_rows, pg_rows, columns, pg_columns = _rows(name, sqlite_conn, pg_conn)
    assert pg_columns == columns
    missing = [r for r in sqlite_rows if r not in pg_rows][:3]
    extra = [r for r in pg_rows if r not in sqlite_rows][:3]
    assert pg_rows == sqlite_rows, f"{name}: only on SQLite {missing}; only on PostgreSQL {extra}"


def test_the_comparison_covers_real_rows(both, request):
    sqlite_conn, pg_conn = both
    empty = {n for n in _sqlite_names(sqlite_conn) if not _rows(n, sqlite_conn, pg_conn)[0]}
    allowed = {"drafts", "draft_notes", "review_queue", "materialized_review_queue"} \
        if request.node.callspec.id == "seeds" else set()
    assert empty <= allowed, f"{sorted(empty)} are empty: the parity test compares nothing there"


def test_the_build_info_carries_the_same_data_version(both):
    sqlite_conn, pg_conn = both
    assert pg_conn.execute("SELECT data_version FROM build_info").fetchone() == \
        sqlite_conn.execute("SELECT data_version FROM build_info").fetchone()


def test_the_tables_are_reachable_by_unqualified_names_and_nothing_is_left_beside(pg_built):
    with _pg(pg_built) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone()[0] > 0
        schemas = [r[0] for r in conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'icadb%'")]
    assert schemas == []


def test_search_finds_stemmed_words(pg_built):
    with _pg(pg_built) as conn:
        found = conn.execute("SELECT count(*) FROM records_fts WHERE search @@ websearch_to_tsquery('english', "
                             "'offer')").fetchone()[0]
    assert found > 0


def test_check_constraints_have_the_same_names_and_vocabularies_on_both(both):
    import re

    sqlite_conn, pg_conn = both
    import sqlalchemy as sa

    sqlite_checks = {}
    inspector = sa.inspect(sa.create_engine("sqlite://", creator=lambda: sqlite_conn))
    for table in inspector.get_table_names():
        for check in inspector.get_check_constraints(table):
            sqlite_checks[check["name"]] = check["sqltext"]
    pg_checks = dict(pg_conn.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' "
        "AND connamespace = 'public'::regnamespace").fetchall())
    assert set(pg_checks) == set(sqlite_checks)
    for name, text in sqlite_checks.items():
        vocabulary = re.fullmatch(r"\s*(\w+) IN \(([^)]*)\)\s*", text)
        if vocabulary:
            want = set(re.findall(r"'([^']*)'", vocabulary.group(2)))
            assert set(re.findall(r"'([^']*)'::text", pg_checks[name])) == want, name


@pytest.mark.parametrize(("day", "accepted"), [("2024-02-29", True), ("2023-12-31", True), ("2023-02-29", False),
                                                ("2023-04-31", False), ("2023-13-01", False), ("2023-01-32", False)])
def test_postgresql_accepts_only_real_calendar_days(pg_built, day, accepted):
    """The PostgreSQL CHECK means what SQLite's date(d) = d was written to mean. (SQLite
    3.40's date() returns such strings unchanged, or NULL, so its CHECK only checks the format.)"""
    with _pg(pg_built) as conn:
        check = conn.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                             "WHERE conname = 'ck_records_date_earliest_day'").fetchone()[0]
        expression = check.removeprefix("CHECK ").replace("%", "%%").replace("date_earliest", "%(d)s::text")
        assert conn.execute(f"SELECT {expression}", {"d": day}).fetchone()[0] is accepted


# -- a build that never leaves a half-loaded database -----------------------------

def _state(url: str) -> tuple:
    with _pg(url) as conn:
        version = conn.execute("SELECT data_version FROM build_info").fetchone()[0]
        counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("records", "evidence", "sentences", "timeline"))
        leftovers = conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'icadb%'").fetchone()[0]
    return version, counts, leftovers


def test_bad_seeds_leave_the_old_data_readable_and_unchanged(pg_built, seeds_copy):
    before = _state(pg_built)
    records = seeds_copy / "records" / "meetings.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("quote: ", "quote: NOT IN THE TEXT ", 1), encoding="utf-8")
    result = run_icadb("build", "--db", pg_built, "--seeds", str(seeds_copy), "--quiet")
    assert result.returncode == 1
    assert "was left unchanged" in result.stderr and "meetings.yaml:" in result.stderr
    assert _state(pg_built) == before


def test_a_failure_during_the_swap_leaves_the_old_data(pg_built, monkeypatch):
    before = _state(pg_built)

    def fail(*_args):
        raise RuntimeError("the server went away")
    monkeypatch.setattr(pg, "_copy_grants", fail)
    with pytest.raises(RuntimeError, match="went away"):
        pg.build(dburl.parse(pg_built))
    assert _state(pg_built) == before


def test_readers_see_the_old_build_or_the_new_never_a_mix_and_keep_their_grants(pg_scratch, seeds_copy):
    url = pg_scratch + "?schema=icadb"
    db = dburl.parse(url)
    pg.build(db)
    with _pg(pg_scratch) as admin:
        admin.execute("DROP ROLE IF EXISTS icadb_test_reader")
        admin.execute("CREATE ROLE icadb_test_reader LOGIN")
        admin.execute("GRANT USAGE ON SCHEMA icadb TO icadb_test_reader")
        admin.execute("GRANT SELECT ON icadb.timeline, icadb.records, icadb.build_info TO icadb_test_reader")
    old = _state_in(pg_scratch, "icadb")
    (seeds_copy / "reference" / "note.txt").write_text("a new file: a new seeds hash\n", encoding="utf-8")
    seen, errors, stop = set(), [], threading.Event()

    def read() -> None:
        with psycopg.connect(dburl.parse(pg_scratch).conninfo(), autocommit=True,
                             options="-c search_path=icadb") as conn:
            while not stop.is_set():
                try:
                    seen.add(conn.execute("SELECT (SELECT data_version FROM build_info), "
                                          "(SELECT count(*) FROM timeline)").fetchone())
                except psycopg.Error as exc:  # pragma: no cover - what the test is for
                    errors.append(str(exc))
    reader = threading.Thread(target=read)
    reader.start()
    try:
        pg.build(db, seeds=seeds_copy)
    finally:
        stop.set()
        reader.join()
    new = _state_in(pg_scratch, "icadb")
    assert errors == [] and new[0] != old[0]
    assert seen <= {old, new}, seen
    reader_url = with_database(pg_scratch, dburl.parse(pg_scratch).conninfo().rsplit("/", 1)[1])
    with psycopg.connect(dburl.parse(reader_url).conninfo().replace("postgres@", "icadb_test_reader@"),
                         autocommit=True, options="-c search_path=icadb") as conn:
        assert conn.execute("SELECT count(*) FROM timeline").fetchone()[0] == new[1]
    with _pg(pg_scratch) as admin:
        admin.execute("DROP OWNED BY icadb_test_reader")
        admin.execute("DROP ROLE icadb_test_reader")


def _state_in(url: str, schema: str) -> tuple:
    with psycopg.connect(dburl.parse(url).conninfo(), autocommit=True, options=f"-c search_path={schema}") as conn:
        return conn.execute("SELECT (SELECT data_version FROM build_info), (SELECT count(*) FROM timeline)").fetchone()


def test_a_schema_of_other_tables_is_not_replaced(pg_scratch):
    with _pg(pg_scratch) as conn:
        conn.execute("CREATE TABLE public.team_notes (note text)")
    result = run_icadb("build", "--db", pg_scratch, "--quiet")
    assert result.returncode == 1 and "holds tables icadb did not make (team_notes)" in result.stderr
    with _pg(pg_scratch) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'icadb%'").fetchone()[0] == 0


# -- reading from either engine ---------------------------------------------------------

def test_read_all_gives_the_same_frames_from_both_engines(built_db, pg_built):
    import icadb

    from_sqlite = icadb.read_all(db=built_db, include_drafts=True)
    from_pg = icadb.read_all(db=pg_built, include_drafts=True)
    assert list(from_pg) == list(from_sqlite)
    for name, frame in from_sqlite.items():
        assert from_pg[name].dtypes.equals(frame.dtypes), name
        assert from_pg[name].astype(str).equals(frame.astype(str)) or name == "proposal_tracker", name
    assert icadb.data_version(db=pg_built) == icadb.data_version(db=built_db)


def test_export_writes_the_same_files_but_for_json_spacing(built_db, pg_built, tmp_path):
    for name, db in (("sqlite", built_db), ("pg", pg_built)):
        run_icadb("export", "--db", str(db), "--out", str(tmp_path / name), "--quiet", check=True)
    names = sorted(p.name for p in (tmp_path / "sqlite").iterdir())
    assert sorted(p.name for p in (tmp_path / "pg").iterdir()) == names
    for name in names:
        ours, theirs = ((tmp_path / engine / name).read_bytes() for engine in ("sqlite", "pg"))
        if ours != theirs:  # only in JSON text (see the module docstring): the same values, parsed
            assert name.endswith(".csv") and _csv_values(ours) == _csv_values(theirs), name


def _csv_values(data: bytes) -> list[list]:
    """A CSV file's cells, with JSON arrays and objects parsed."""
    import csv
    import io

    def value(cell: str):
        try:
            return json.loads(cell) if cell.startswith(("[", "{")) else cell
        except ValueError:
            return cell

    return [[value(cell) for cell in row] for row in csv.reader(io.StringIO(data.decode("utf-8")))]


def test_diff_finds_nothing_between_the_file_and_the_server(built_db, pg_built):
    result = run_icadb("diff", str(built_db), pg_built, check=True)
    assert "no record added, removed or changed" in result.stdout


def test_alembic_check_passes_on_the_built_server(pg_built):
    result = run_alembic(pg_built, "check")
    assert result.returncode == 0, result.stderr
    assert "No new upgrade operations detected." in result.stdout + result.stderr
