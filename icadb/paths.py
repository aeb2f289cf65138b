"""Where things live: the project the commands act on, and the code's own tree.

The commands act on the project of the current folder, found as git finds its
repository: walking up from the current folder to the first folder that holds
both ``seeds/`` and ``pyproject.toml``. ``$ICADB_PROJECT`` names the project
folder instead; ``--seeds`` (the seeds) and ``$ICADB_DB`` / ``--db`` (the
database) say otherwise for one thing. Outside a project, with none of
these, a command that needs one stops with :class:`NoProject`'s message.

``PROJECT_ROOT`` is the tree this code was installed from (its schema,
migrations and Alembic settings, which are code, not data); it is the
project only when the commands are run inside it.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the tree the code runs from
SEEDS_DIR = PROJECT_ROOT / "seeds"  # that tree's seeds (the tests' and benchmarks' reference copy)
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
SCHEMA_DIR = PROJECT_ROOT / "schema"

PROJECT_ENV_VAR = "ICADB_PROJECT"
DB_ENV_VAR = "ICADB_DB"
DEFAULT_DB_NAME = "icadb.sqlite"


class NoProject(LookupError):
    """No icadb project here; the message says what was looked for and what to do."""


def is_project(folder: Path) -> bool:
    """Whether *folder* is an icadb project: it holds seeds/ and pyproject.toml."""
    return (folder / "seeds").is_dir() and (folder / "pyproject.toml").is_file()


def find_project(start: Path | str | None = None) -> Path | None:
    """The project folder: ``$ICADB_PROJECT`` if set, else the first of *start*
    (default: the current folder) and its parents that is a project; None if none is."""
    named = os.environ.get(PROJECT_ENV_VAR)
    if named:
        return Path(named).expanduser().resolve()
    here = Path(start if start is not None else os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if is_project(folder):
            return folder
    return None


def project_root(start: Path | str | None = None) -> Path:
    """The project folder (:func:`find_project`), or :class:`NoProject`."""
    found = find_project(start)
    if found is None:
        here = Path(start if start is not None else os.getcwd()).resolve()
        raise NoProject(f"no icadb project in {here} or any folder above it (a project holds seeds/ and "
                        f"pyproject.toml); cd into your clone of icadb, or set {PROJECT_ENV_VAR}=PATH_TO_IT")
    if not is_project(found):
        raise NoProject(f"{PROJECT_ENV_VAR}={found} is not an icadb project (it has no seeds/ folder and "
                        "pyproject.toml); expected the folder of a clone of icadb")
    return found


def seeds_dir(given: Path | str | None = None) -> Path:
    """The seeds to act on: *given* (``--seeds``), else the project's ``seeds/``."""
    if given is not None:
        return Path(given).expanduser().resolve()
    return project_root() / "seeds"


def default_db_path() -> Path:
    """The database file: ``$ICADB_DB`` if set, else ``icadb.sqlite`` in the project folder."""
    value = os.environ.get(DB_ENV_VAR)
    if value:
        return Path(value).expanduser().resolve()
    return project_root() / DEFAULT_DB_NAME
