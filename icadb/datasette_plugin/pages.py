"""The variables icadb's own templates need (``extra_template_vars``):

- ``row-<db>-records.html``: ``icadb_record``, everything the record page
  shows (:func:`icadb.record_page.record_page`);
- ``row-<db>-documents.html``: ``icadb_document`` (:func:`icadb.document_page.document_page`);
- ``query-<db>.html``: ``icadb_form``, the canned query's form (:mod:`.forms`);

and, on all of them, ``record_url(id)``, ``document_url(id, at=None)``, ``conflict_url(id)`` and
``cite_url``, the page's own address to cite.
"""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.utils import tilde_encode, urlsafe_components

from icadb.datasette_plugin.forms import query_form
from icadb.datasette_plugin.links import document_path, record_path
from icadb.document_page import QUEUE_SQL, document_page
from icadb.record_page import record_page

ICADB_DATABASES: dict[int, set[str]] = {}  # id(datasette) -> names of the databases that are icadb builds
ICADB_TABLES = {"records", "documents", "evidence", "build_info"}


async def find_icadb_databases(datasette) -> None:
    """Note which attached databases are icadb builds (links and pages apply to those only)."""
    names = set()
    for name, db in datasette.databases.items():
        if not db.is_memory and ICADB_TABLES <= set(await db.table_names()):
            names.add(name)
    ICADB_DATABASES[id(datasette)] = names


def is_icadb(datasette, database: str | None) -> bool:
    return database is not None and database in ICADB_DATABASES.get(id(datasette), ())


async def _queue(db, document_id: str):
    """The document's review queue rows, read under Datasette's time limit: (rows, True), or ([], False) when cut off."""
    try:
        results = await db.execute(QUEUE_SQL, [document_id])
    except QueryInterrupted:
        return [], False
    return [dict(zip(results.columns, row)) for row in results.rows], True


def _page_builder(template: str, table: str | None):
    if template.startswith("row-") and table == "records":
        return "icadb_record", record_page
    if template.startswith("row-") and table == "documents":
        return "icadb_document", document_page
    return None, None


async def drafts_waiting(datasette) -> list[dict]:
    """Per icadb database: how many machine-suggested drafts and suggested quotes await review."""
    out = []
    for name in datasette.databases:
        if not is_icadb(datasette, name):
            continue
        db = datasette.get_database(name)
        try:
            drafts = (await db.execute("select count(*) from drafts")).first()[0]
            quotes = (await db.execute("select count(*) from evidence where suggested = 1")).first()[0]
        except Exception:  # a database built before drafts existed
            continue
        out.append({"database": name, "drafts": drafts, "quotes": quotes,
                    "url": datasette.urls.table(name, "timeline") + "?review_status=machine_suggested"})
    return out


def template_vars(template, database, table, view_name, request, datasette):
    if request is not None and view_name in ("index", "database"):
        async def front():
            return {"icadb_drafts_waiting": await drafts_waiting(datasette)}
        return front
    if request is None or not is_icadb(datasette, database):
        return None
    name, build = _page_builder(template or "", table)
    is_form = view_name == "table" and (template or "").startswith("query-")
    if build is None and not is_form:
        return None

    async def inner():
        out = {
            "record_url": lambda record_id: record_path(datasette, database, record_id),
            "document_url": lambda document_id, at=None: document_path(datasette, database, document_id, at),
            "conflict_url": lambda conflict_id: datasette.urls.row(database, "conflicts", tilde_encode(conflict_id)),
            "cite_url": datasette.absolute_url(request, request.path),
        }
        if build is not None:
            key = urlsafe_components(request.url_vars["pks"])[0]
            db = datasette.get_database(database)
            if build is document_page:
                queue, shown = await _queue(db, key)
                out[name] = await db.execute_fn(lambda conn: document_page(conn, key, queue, queue_shown=shown))
            else:
                out[name] = await db.execute_fn(lambda conn: build(conn, key))
        else:
            out["icadb_form"] = await query_form(datasette, database, request.url_vars.get("table"), request.args)
        return out

    return inner
