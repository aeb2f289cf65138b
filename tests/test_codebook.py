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


def _drafter_statuses(word: str) -> set[str]:
    """The statuses the drafter's rules (seeds/reference/drafting_rules.yaml) give a phrase: a trigger's status,
    planned for a word of the future or a meeting "agreed to" be held again."""
    import yaml

    from icadb.paths import SEEDS_DIR

    rules = yaml.safe_load((SEEDS_DIR / "reference" / "drafting_rules.yaml").read_text(encoding="utf-8"))
    found = {t["status"] for t in rules["triggers"] if word in t["words"]}
    if word in rules["status_cues"]["future"] or word in (f"agreed to {w}" for w in rules["agreed_to_meet"]):
        found.add("planned")
    return found


def test_the_statuses_that_need_their_wording_are_planned_agreed_in_force_and_proposed():
    assert list(load()["reading"]["statuses"]) == ["planned", "agreed", "in_force", "proposed"]


def test_each_status_example_is_a_quote_of_a_record_with_that_status(db):
    for status, entry in load()["reading"]["statuses"].items():
        example = entry["example"]
        row = db.execute("SELECT r.status FROM records AS r JOIN evidence AS e USING (record_id) "
                         "WHERE r.record_id = ? AND e.document_id = ? AND e.quote = ?",
                         (example["record"], example["document"], example["quote"])).fetchone()
        assert row is not None, f"{status}: {example['record']} does not cite that quote from {example['document']}"
        assert row[0] == status, f"{status}: {example['record']} is {row[0]}"


def test_each_status_example_uses_its_words():
    for status, entry in load()["reading"]["statuses"].items():
        quote = entry["example"]["quote"].lower()
        assert any(word in quote for word in entry["words"]), f"{status}: the example has none of {entry['words']}"


def test_the_drafter_reads_each_status_word_as_the_codebook_does():
    """Every word the codebook lists for a status is one the drafter's rules give that status, so a draft and a
    curator read the same words alike."""
    wrong = {(status, word, tuple(sorted(_drafter_statuses(word))))
             for status, entry in load()["reading"]["statuses"].items() for word in entry["words"]
             if status not in _drafter_statuses(word)}
    assert wrong == set()


def test_the_reading_rules_list_wordings_the_checks_read():
    from icadb.schema import vocab

    for name, rule in load()["reading"]["rules"].items():
        assert rule["title"] and rule["text"], name
        for wording in rule["wordings"]:
            assert getattr(vocab, wording, None), f"{name}: schema/vocab.py has no {wording}"
