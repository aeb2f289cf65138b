"""The variables icadb's own templates need (``extra_template_vars``):

- ``row-<db>-records.html``: ``icadb_record``, everything the record page
  shows (:func:`icadb.record_page.record_page`);
- ``row-<db>-documents.html``: ``icadb_document`` (:func:`icadb.document_page.document_page`);
- ``query-<db>.html``: ``icadb_form``, the canned query's form (:mod:`.forms`);

- ``row-<db>-conflicts.html``: ``icadb_conflict`` (:func:`icadb.record_page.conflict_page`);

and, on all of them, ``record_url(id)``, ``document_url(id, at=None)``, ``conflict_url(id)`` and
``cite_url``, the page's own address to cite (:func:`page_address`). Every page
that names the data's source (``_description_source_license.html``) gets
``icadb_source``: how many articles the database holds and of which years,
counted in the data, so that it stays true when an article is added.
"""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.utils import tilde_encode, urlsafe_components

from icadb.datasette_plugin.forms import query_form
from icadb.datasette_plugin.links import document_path, record_path
from icadb.document_page import QUEUE_SQL, document_page
from icadb.record_page import conflict_page, record_page

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
    if template.startswith("row-") and table == "conflicts":
        return "icadb_conflict", conflict_page
    return None, None


def page_address(datasette, request) -> str:
    """The address a page cites as its own: the public address `icadb serve
    --base-url` was given, with the page's path; else the address the page
    was asked for (the X-Forwarded-Host and -Proto a proxy passes, else the
    Host header)."""
    base = (datasette.plugin_config("icadb") or {}).get("base_url")
    if base:
        return base.rstrip("/") + request.path
    host = request.headers.get("x-forwarded-host")
    if host:
        scheme = request.headers.get("x-forwarded-proto") or request.scheme
        return f"{scheme.split(',')[0].strip()}://{host.split(',')[0].strip()}{request.path}"
    return datasette.absolute_url(request, request.path)


async def sources_line(datasette, database: str) -> dict | None:
    """What the data's source is, counted in *database*: "6 news and analysis articles (2021–2026)"."""
    try:
        row = (await datasette.get_database(database).execute(
            "select count(*), min(substr(published_earliest, 1, 4)), "
            "max(substr(coalesce(published_latest, published_earliest), 1, 4)) from documents")).first()
    except Exception:  # noqa: BLE001 - a database without documents: Datasette's own line stays
        return None
    count, first_year, last_year = row
    if not count:
        return None
    years = first_year if first_year == last_year else f"{first_year}–{last_year}"
    return {"text": f"{count:,} news and analysis article{'' if count == 1 else 's'}"
                    + (f" ({years})" if first_year else "") + ", stored verbatim in the documents table",
            "url": datasette.urls.table(database, "documents")}


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
    if request is None:
        return None
    ours = [database] if is_icadb(datasette, database) else \
        [name for name in datasette.databases if is_icadb(datasette, name)] if view_name == "index" else []
    name, build = _page_builder(template or "", table) if ours and database else (None, None)
    is_form = bool(ours and database) and view_name == "table" and (template or "").startswith("query-")

    async def inner():
        out = {}
        if view_name in ("index", "database"):
            out["icadb_drafts_waiting"] = await drafts_waiting(datasette)
        if ours:
            out["icadb_source"] = await sources_line(datasette, ours[0])
        if not (ours and database):
            return out
        out.update({
            "record_url": lambda record_id: record_path(datasette, database, record_id),
            "document_url": lambda document_id, at=None: document_path(datasette, database, document_id, at),
            "conflict_url": lambda conflict_id: datasette.urls.row(database, "conflicts", tilde_encode(conflict_id)),
            "cite_url": page_address(datasette, request),
        })
        if build is not None:
            key = urlsafe_components(request.url_vars["pks"])[0]
            db = datasette.get_database(database)
            if build is document_page:
                queue, shown = await _queue(db, key)
                out[name] = await db.execute_fn(lambda conn: document_page(conn, key, queue, queue_shown=shown))
            else:
                out[name] = await db.execute_fn(lambda conn: build(conn, key))
        elif is_form:
            out["icadb_form"] = await query_form(datasette, database, request.url_vars.get("table"), request.args)
        return out

    return inner
