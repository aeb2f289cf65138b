"""The schema template: the Alembic migrations run once, their result copied by every build.

Replaying every revision (batch table rebuilds included) took most of a
build of the seeds. The migrations' result depends only on what they run and
read, so it is made once into a template file in the user's cache folder and
each build starts from a copy of it. The template is found by a key, a
SHA-256 over:

- every file of ``migrations/`` (``env.py``, the revisions, the script
  template), path and bytes: a revision added, removed or edited is a new key;
- what the migrations read from ``schema/``. The revisions read nothing
  from it (each freezes its view SQL and vocabularies in its own text), but
  ``env.py`` imports ``schema/models.py`` (and with it ``schema/vocab.py`` and
  ``schema/__init__.py``) for ``target_metadata``, whose naming convention
  Alembic applies to the constraints a revision creates;
  the code that runs them (``icadb/template.py``, ``icadb/migrate.py``) and
  what ``env.py`` imports from ``icadb/`` (``paths.py``, ``__init__.py``)
  hold no schema but are covered too, so that ``tests/test_template.py`` can
  check that the key covers every project file a migration run opens or
  imports;
- the revision migrated to, the SQLite library's version and the installed
  Alembic's and SQLAlchemy's (their ``__init__.py``, which states it).

A template is never stale: a new key is a new file. It is written beside its
final name and renamed into place, so builds that race each make one and the
last rename wins; a reader only ever sees a complete file. The copy is
byte for byte what replaying the migrations gives (``icadb build
--no-template`` replays them; ``tests/test_template.py`` compares the two).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from icadb.paths import MIGRATIONS_DIR, SCHEMA_DIR, cache_dir
# What env.py imports from schema/ (see the module docstring); and from icadb/
# what runs the migrations (this module and migrate.py) and what env.py
# imports (paths.py): no schema, but cheap to cover, so a change to how a
# template is made makes a new one, and tests/test_template.py can insist on
# every project file a migration run reads.
SCHEMA_FILES = ("__init__.py", "models.py", "vocab.py")
PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_FILES = ("__init__.py", "dburl.py", "migrate.py", "paths.py", "pgsql.py", "template.py")
KEEP = 8  # templates kept in the cache (most recently made); older ones are removed


def _source_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        found += [Path(root) / n for n in names if not n.startswith(".") and not n.endswith((".pyc", ".pyo"))]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def key_files(migrations: Path = MIGRATIONS_DIR, schema: Path = SCHEMA_DIR) -> dict[str, Path]:
    """The project files the key covers, by the name the key gives them."""
    files = {"migrations/" + p.relative_to(migrations).as_posix(): p for p in _source_files(migrations)}
    files.update({"schema/" + name: schema / name for name in SCHEMA_FILES})
    files.update({"icadb/" + name: PACKAGE_DIR / name for name in PACKAGE_FILES})
    return files


def _package_init(name: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec(name)  # finds the package without importing it
    return Path(spec.origin) if spec is not None and spec.origin else None


def key(revision: str = "head", migrations: Path = MIGRATIONS_DIR, schema: Path = SCHEMA_DIR) -> str:
    """The template key for migrating to *revision* with *migrations* (hex SHA-256)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big") + data)

    add("revision", revision.encode("utf-8"))
    add("sqlite", sqlite3.sqlite_version.encode("ascii"))
    for name, path in key_files(migrations, schema).items():
        add(name, path.read_bytes() if path.exists() else b"(missing)")
    for package in ("alembic", "sqlalchemy"):
        init = _package_init(package)
        add(package, init.read_bytes() if init is not None else b"(missing)")
    return digest.hexdigest()


def template_path(template_key: str) -> Path:
    return cache_dir() / f"schema-{template_key[:32]}.sqlite"


def replay(db_path: Path, revision: str = "head", migrations: Path = MIGRATIONS_DIR) -> None:
    """Run the migrations on a new file at *db_path* (what a template holds)."""
    from icadb import migrate

    migrate.upgrade(db_path, revision, migrations=migrations)


def ensure(revision: str = "head", migrations: Path = MIGRATIONS_DIR) -> Path:
    """The template for *revision*, made first if the cache has none (or an
    :class:`OSError` if the cache folder cannot be written)."""
    target = template_path(key(revision, migrations))
    if target.exists():
        return target
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    partial = Path(name)
    try:
        partial.unlink()  # Alembic creates the file itself
        replay(partial, revision, migrations)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)  # atomic: a racing build sees no file or a whole one
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    _prune(target.parent, keep=target)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently made templates (never *keep*)."""
    try:
        made = sorted(folder.glob("schema-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:  # pragma: no cover - a racing prune removed one
        return
    for old in made[KEEP:]:
        if old != keep:
            old.unlink(missing_ok=True)


def start_from_template(db_path: Path, revision: str = "head", migrations: Path = MIGRATIONS_DIR) -> bool:
    """Make *db_path* a copy of the template for *revision*; True if it could.

    False when the cache folder cannot be used (read-only, say): the caller
    then replays the migrations itself. The copy is the template's bytes.
    """
    for _attempt in range(2):  # a racing build may prune a template between ensure() and the copy
        try:
            source = ensure(revision, migrations)
            with open(source, "rb") as src, open(db_path, "wb") as dst:
                dst.write(src.read())  # a schema without rows: well under a megabyte
            return True
        except FileNotFoundError:
            continue
        except OSError:
            return False
    return False
