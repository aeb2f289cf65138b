"""The codebook describes every table, view and column, and nothing else."""

from __future__ import annotations

from icadb.codebook import column_entry, documented_tables, load
from icadb.schema.vocab import VOCABULARIES


def database_columns(db) -> dict[str, list[str]]:
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%\\_fts%' ESCAPE '\\'")]
    return {name: [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')] for name in names}


def test_every_table_and_column_in_the_database_is_described(db):
    documented = documented_tables()
    missing = []
    for table, columns in database_columns(db).items():
        if table not in documented:
            missing.append(f"table {table}")
            continue
        missing += [f"{table}.{c}" for c in columns if c not in documented[table]["columns"]]
    assert missing == [], f"add these to schema/codebook.yaml: {missing}"


def test_codebook_describes_nothing_that_does_not_exist(db):
    actual = database_columns(db)
    stale = [f"{t}.{c}" for t, spec in documented_tables().items() for c in spec["columns"]
             if c not in actual.get(t, [])]
    assert stale == [], f"remove or fix these in schema/codebook.yaml: {stale}"


def test_every_table_states_its_grain_and_description():
    for name, table in load()["tables"].items():
        assert table.get("grain", "").startswith("One row"), f"{name}: grain should say 'One row per …'"
        assert table.get("description"), f"{name}: needs a description"


def test_vocabulary_columns_name_a_known_vocabulary():
    for name, table in load()["tables"].items():
        for column, entry in table["columns"].items():
            vocabulary = column_entry(entry).get("vocabulary")
            assert vocabulary is None or vocabulary in VOCABULARIES, f"{name}.{column}: unknown vocabulary {vocabulary}"


def test_the_codebook_is_read_under_the_projects_yaml_rules():
    """yes/no/on stay words and dates stay text, as in the seeds (YAML 1.2 core, not 1.1)."""
    from icadb.codebook import CODEBOOK_PATH
    from icadb.loaders import yamlread

    book = load()
    assert book == yamlread.load(CODEBOOK_PATH)
    assert book["tables"]["records"]["columns"]
