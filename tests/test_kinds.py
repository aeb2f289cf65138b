"""One registry of record kinds: adding a kind is its vocabulary entry, its model, a revision, its seed file and
its codebook entries, and nothing else; everything that lists the kinds reads them from icadb.schema.models.kinds()."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

from alembic.script import ScriptDirectory

from icadb.loaders.records import KINDS
from icadb.schema import vocab
from icadb.schema.models import Base, kinds
from tests.helpers import PROJECT_ROOT

SANCTION_VOCAB = '''
SANCTION_TYPE = {
    "asset_freeze": "Assets frozen.",
    "travel_ban": "Travel banned.",
}
'''

SANCTION_MODEL = '''

class Sanction(KindTable, Base):
    __tablename__ = "sanctions"
    KIND = "sanction"

    sanction_type: Mapped[str] = vocab_column(vocab.SANCTION_TYPE, index=True)
'''

SANCTION_REVISION = '''"""a throw-away kind: sanctions

Revision ID: 9001
Revises: HEAD
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "HEAD"
branch_labels = None
depends_on = None
KINDS = "'meeting', 'agreement', 'exercise', 'proposal', 'facility', 'activity'"


def upgrade() -> None:
    for table in ("records", "series"):
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_constraint(op.f(f"ck_{table}_kind"), type_="check")
            batch.create_check_constraint("kind", f"kind IN ({KINDS}, 'sanction')")
    op.create_table(
        "sanctions",
        sa.Column("record_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), server_default="sanction", nullable=False),
        sa.Column("sanction_type", sa.Text(), nullable=False),
        sa.CheckConstraint("kind = 'sanction'", name=op.f("ck_sanctions_kind_fixed")),
        sa.CheckConstraint("sanction_type IN ('asset_freeze', 'travel_ban')", name=op.f("ck_sanctions_sanction_type")),
        sa.ForeignKeyConstraint(["record_id", "kind"], ["records.record_id", "records.kind"],
                                name=op.f("fk_sanctions_record_id_kind_records")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sanctions")),
    )
    op.create_index(op.f("ix_sanctions_sanction_type"), "sanctions", ["sanction_type"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sanctions_sanction_type"), table_name="sanctions")
    op.drop_table("sanctions")
    for table in ("records", "series"):
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_constraint(op.f(f"ck_{table}_kind"), type_="check")
            batch.create_check_constraint("kind", f"kind IN ({KINDS})")
'''

SANCTION_SEED = '''- id: us-sanctions-test-2024
  title: A sanction, for the test
  summary: A throw-away record of the throw-away kind.
  status: in_force
  category: regional_security
  date_precision: unknown
  review_status: reviewed
  sanction_type: travel_ban
  countries:
    - {iso3: IND, role: subject}
  evidence:
    - document: 2023-10-17-doval-offers-central-asia-assistance
      quote: National Security Adviser Ajit Doval
'''

SANCTION_CODEBOOK = '''  sanctions:
    grain: One row per sanction record.
    description: A throw-away kind, for the test.
    columns:
      record_id: The record.
      kind: Always "sanction".
      sanction_type:
        description: What kind of sanction.
        vocabulary: sanction_type

'''


def test_every_kind_of_the_vocabulary_has_its_model_and_the_loaders_read_them_from_it():
    assert list(kinds()) == list(vocab.RECORD_KIND) == list(vocab.KIND_STATUSES)
    assert [k.kind for k in KINDS] == list(kinds())
    assert {model.__tablename__ for model in kinds().values()} <= set(Base.metadata.tables)
    for kind in KINDS:
        assert kind.columns == ("record_id", *(c.name for c in kinds()[kind.kind].fields()))


def _copy_project(target):
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    for name in tracked.stdout.splitlines():
        source, dest = PROJECT_ROOT / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            dest.symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copy2(source, dest)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_new_kind_is_five_files_and_the_build_loads_it(tmp_path):
    """In a copy of the project, a throw-away kind "sanction": its vocabulary (schema/vocab.py), its model
    (schema/models.py), its revision, its seed file and its codebook entries; nothing else changes, and
    the build loads its record into records and into its own table."""
    project = tmp_path / "project"
    _copy_project(project)
    _edit(project / "schema" / "vocab.py", 'RECORD_KIND = {\n', 'RECORD_KIND = {\n    "sanction": "A sanction.",\n')
    _edit(project / "schema" / "vocab.py", "KIND_STATUSES = {\n",
          'KIND_STATUSES = {\n    "sanction": ("in_force", "proposed"),\n')
    with open(project / "schema" / "vocab.py", "a", encoding="utf-8") as fh:
        fh.write(SANCTION_VOCAB)
    _edit(project / "schema" / "models.py", "\n\ndef kinds()", SANCTION_MODEL + "\n\ndef kinds()")
    head = ScriptDirectory(str(project / "migrations")).get_current_head()  # the new kind's revision follows it
    (project / "migrations" / "versions" / "9001_sanctions.py").write_text(SANCTION_REVISION.replace("HEAD", head),
                                                                          encoding="utf-8")
    (project / "seeds" / "records" / "sanctions.yaml").write_text(SANCTION_SEED, encoding="utf-8")
    _edit(project / "schema" / "codebook.yaml", "  figures:\n", SANCTION_CODEBOOK + "  figures:\n")
    db = tmp_path / "sanctions.sqlite"
    env = {**os.environ, "ICADB_DB": str(db), "PYTHONPATH": str(project)}
    result = subprocess.run([sys.executable, "-m", "icadb", "build"], cwd=project, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT kind, status FROM records WHERE record_id = 'us-sanctions-test-2024'").fetchone() \
            == ("sanction", "in_force")
        assert conn.execute("SELECT sanction_type FROM sanctions").fetchall() == [("travel_ban",)]
        assert conn.execute("SELECT kind FROM timeline WHERE record_id = 'us-sanctions-test-2024'").fetchone() \
            == ("sanction",)
    finally:
        conn.close()
