"""The database as pandas DataFrames, typed, for notebooks.

    >>> import icadb
    >>> timeline = icadb.read("timeline")
    >>> timeline["countries"].iloc[0]     # a JSON array column: a list of ISO3 codes
    >>> kaz = icadb.read("timeline", where="countries like :c", params={"c": '%"KAZ"%'})
    >>> frames = icadb.read_all()
    >>> icadb.data_version()

Types follow the codebook: text (ids, codes, names) as pandas strings, so
codes keep their leading zeros; whole numbers as nullable integers (Int64);
controlled vocabularies as categoricals with their full set of values, used or
not; days (``date_earliest``, ``date_latest``, ``published_earliest``, ...) as
datetimes; JSON arrays (``countries``, ``proposers``, ``targets``,
``record_ids``, ...: the codebook's ``type: array``) as Python lists, or as
their JSON text with ``raw=True``. A ``date`` written at a coarser precision
(``2022-01``, ``2021``) stays text: turning it into a day would invent one
(use ``date_earliest`` and ``date_latest`` for arithmetic). The database is
``$ICADB_DB``, else ``icadb.sqlite`` in the project of the current folder
(:mod:`icadb.paths`), else, for a script outside any project (beside the
clone, say), the one in the tree icadb was installed from: reading changes
nothing, so it needs no project of its own.

Drafts (records whose review_status is ``machine_suggested``) and quotes a
program suggested are reviewed data of no one: ``read`` and ``read_all``
leave them out by the rule of :mod:`icadb.reviewed`, and ``read_all`` leaves
out the ``drafts`` and ``draft_notes`` tables, unless ``include_drafts=True``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from icadb.paths import DB_ENV_VAR, DEFAULT_DB_NAME, PROJECT_ROOT, NoProject
from icadb.resources import ARRAY, DATE, INTEGER, NUMBER, Column, Resource, resource, resources
from icadb.reviewed import is_draft_table, reviewed_only

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class DatabaseMissing(FileNotFoundError):
    pass


def _connect(db: Path | str | None):
    """The database *db* names (a path, or a postgresql:// URL; default ``$ICADB_DB``), opened read-only."""
    from icadb import dburl
    from icadb.db import connect

    try:
        target = dburl.parse(db) if db is not None else dburl.default()
    except NoProject:
        target = dburl.Database(path=PROJECT_ROOT / DEFAULT_DB_NAME)
    if target.is_postgresql:
        return connect(target, readonly=True)
    path = target.path
    if not path.exists():
        raise DatabaseMissing(
            f"no icadb database at {path}. Build it first: run `icadb build` (or `make build`) in the project "
            f"folder, or point ${DB_ENV_VAR} at an existing icadb.sqlite."
        )
    return connect(path, readonly=True)


def _json_list(value):
    """A JSON array cell as a list (an empty cell, NULL or a CSV's NaN, stays None)."""
    import pandas as pd

    if not isinstance(value, str) and (value is None or pd.isna(value)):
        return None
    return json.loads(value)


def typed(frame: pd.DataFrame, res: Resource, *, raw: bool = False) -> pd.DataFrame:
    """Give *frame* (columns of *res*, as read from SQLite or CSV) the codebook's types.

    JSON array columns become Python lists, or stay JSON text when *raw*."""
    import pandas as pd

    out = {}
    for col in res.columns:
        values = frame[col.name]
        if col.type == ARRAY and not raw:
            out[col.name] = pd.Series([_json_list(v) for v in values], dtype=object, index=values.index)
        elif col.categories:
            out[col.name] = values.astype("string").astype(pd.CategoricalDtype(col.categories))
        elif col.type == INTEGER:
            out[col.name] = pd.to_numeric(values).astype("Int64")
        elif col.type == NUMBER:
            out[col.name] = pd.to_numeric(values).astype("Float64")
        elif col.type == DATE:
            out[col.name] = pd.to_datetime(values, format="%Y-%m-%d")
        else:  # string, yearmonth, array (JSON text)
            out[col.name] = values.astype("string")
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def read(name: str, where: str | None = None, params: dict | tuple | None = None, *,
         db: Path | str | None = None, raw: bool = False, include_drafts: bool = False) -> pd.DataFrame:
    """One table or view as a typed DataFrame, in its stable order.

    *where* is an SQL condition (``"year >= :y"``) with *params* (``{"y": 2022}``).
    JSON array columns are lists (their JSON text with *raw*). Drafts and quotes a
    program suggested are left out unless *include_drafts*; so is all of a table
    that holds only drafts (``drafts``, ``draft_notes``): reading one without
    *include_drafts* is an error.
    """
    import pandas as pd

    from icadb.db import dialect

    conn = _connect(db)
    try:
        res = resource(conn, name)
        conditions = [f"({where})"] if where else []
        if not include_drafts:
            if is_draft_table(name):
                raise ValueError(f"{name} holds drafts only: read it with include_drafts=True")
            reviewed = reviewed_only(name, [c.name for c in res.columns])
            if reviewed:
                conditions.insert(0, f"({reviewed})")
        columns = ", ".join(f'"{c.name}"' for c in res.columns)
        order = ", ".join(f'"{c}"' for c in res.order_by)
        sql = (f'SELECT {columns} FROM "{name}"' + (f" WHERE {' AND '.join(conditions)}" if conditions else "")
               + f" ORDER BY {order}")
        if dialect(conn) == "sqlite":
            frame = pd.read_sql_query(sql, conn, params=params, dtype=object)
        else:
            cursor = conn.execute(sql, params)
            frame = pd.DataFrame.from_records(cursor.fetchall(), columns=[d[0] for d in cursor.description])
            frame = frame.astype(object) if len(frame.columns) else frame
        return typed(frame, res, raw=raw)
    finally:
        conn.close()


def read_all(db: Path | str | None = None, *, raw: bool = False,
             include_drafts: bool = False) -> dict[str, pd.DataFrame]:
    """Every table and view, as typed DataFrames keyed by name (drafts left out unless *include_drafts*)."""
    conn = _connect(db)
    try:
        names = [r.name for r in resources(conn) if include_drafts or not is_draft_table(r.name)]
    finally:
        conn.close()
    return {name: read(name, db=db, raw=raw, include_drafts=include_drafts) for name in names}


def data_version(db: Path | str | None = None) -> str:
    """The data version of the database (schema revision and seeds hash): cite it with results."""
    conn = _connect(db)
    try:
        return conn.execute("SELECT data_version FROM build_info").fetchone()[0]
    finally:
        conn.close()


def read_export(folder: Path | str, name: str, *, raw: bool = False) -> pd.DataFrame:
    """A table or view from an ``icadb export`` folder (CSV or Parquet), typed like :func:`read`
    (JSON array columns as lists; their text with *raw*)."""
    import pandas as pd

    folder = Path(folder)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    entry = next((r for r in package["resources"] if r["name"] == name), None)
    if entry is None:
        raise KeyError(f"no resource {name!r} in {folder / 'datapackage.json'}")
    columns = [Column(f["name"], f["type"], f.get("description", ""), enum=f.get("constraints", {}).get("enum"))
               for f in entry["schema"]["fields"]]
    res = Resource(name, False, "", "", columns)
    path = folder / entry["path"]
    if entry["format"] == "parquet":
        frame = pd.read_parquet(path).astype(object)
        frame = frame.where(frame.notna(), None)
        for col in columns:
            if col.type == DATE:
                frame[col.name] = frame[col.name].map(lambda v: v.isoformat() if v is not None else None)
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                            encoding=entry.get("encoding", "utf-8"))
    return typed(frame, res, raw=raw)

__all__ = ["DatabaseMissing", "data_version", "read", "read_all", "read_export", "typed"]
