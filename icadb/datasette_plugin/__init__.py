"""icadb's own Datasette hooks (registered through the ``datasette`` entry point).

- Every connection enforces foreign keys.
- Table pages fold the list of column descriptions into a <details>.
- Served files are followed across rebuilds (icadb.serving): one database,
  always the newest build.
- Calendar feeds: datasette-ics turns every ``event_dtstart`` into a date-time
  at midnight UTC, so an event on 17 October shows on the 16th for a reader
  west of UTC. Rows whose ``event_dtstart`` is a plain date (YYYY-MM-DD)
  become all-day events here, written ``DTSTART;VALUE=DATE``, which no time
  zone shifts.
- The record page (``/<db>/records/<record_id>``), the document page
  (``/<db>/documents/<document_id>``) and the conflict page
  (``/<db>/conflicts/<conflict_id>``) are the row pages of those tables, drawn
  by ``templates/row-icadb-records.html``, ``row-icadb-documents.html`` and
  ``row-icadb-conflicts.html`` from what :mod:`icadb.record_page` and
  :mod:`icadb.document_page` gather (.pages); their ``.json`` stays Datasette's own.
- Wherever a record or a document is named, the cell links to its page (.links).
- Facets of years list them in order with an "undated" count; facets of ISO3
  codes show the countries' names (.facets, configured in the codebook).
- Canned queries offer their parameters' values as lists and show a hint
  while the form is empty (``templates/query-icadb.html``, .forms); an
  address may name a parameter as a person would (``country=Kazakhstan``),
  and a search of the documents answers without their full texts (.addresses).
- A document's text in a table shows its opening words and its length, linked
  to its page (.links).

The templates are named for the database ``icadb`` (``icadb.sqlite``, as
``icadb build`` and ``icadb serve`` name it); a file served under another name
gets Datasette's own pages, with the links.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response

from icadb.datasette_plugin import links, pages


@hookimpl
def prepare_connection(conn):
    conn.execute("PRAGMA foreign_keys=ON")


@hookimpl
def startup(datasette):
    async def inner():
        await pages.find_icadb_databases(datasette)

    return inner


@hookimpl
def register_facet_classes():
    from icadb.datasette_plugin.facets import FACET_CLASSES

    return FACET_CLASSES


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not pages.is_icadb(datasette, database):
        return None
    if table == "conflicts" and column == "title" and value:
        return links.conflict_title(value, row, database, datasette)
    if table == "documents" and column == "text" and value:
        return links.text_excerpt(value, row, database, datasette)
    return links.link_cell(row, value, column, table, database, datasette)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    return pages.template_vars(template, database, table, view_name, request, datasette)


# The style sheet is served by a route of the plugin's own, not as a plugin static
# file: Datasette refuses a static file whose real path is outside the plugin's
# folder, which is where the editable install's links lead.
STYLE = Path(__file__).resolve().parent / "static" / "icadb.css"


async def style_sheet():
    return Response(STYLE.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8")


@hookimpl
def register_routes():
    return [(r"^/-/icadb\.css$", style_sheet)]


@hookimpl
def extra_css_urls(database, datasette):
    if pages.is_icadb(datasette, database):
        return [datasette.urls.path("/-/icadb.css")]
    return []


# Datasette lists every column's description above a table; with a codebook as
# full as ours that pushes the rows off the screen. Fold the list into a
# <details> that one click opens (the descriptions also show in each column's menu).
FOLD_COLUMN_DESCRIPTIONS = """
document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
  var details = document.createElement('details');
  details.className = 'column-descriptions-fold';
  var summary = document.createElement('summary');
  summary.textContent = 'What each column means (' + dl.querySelectorAll('dt').length + ' columns)';
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def asgi_wrapper(datasette):
    from icadb import serving
    from icadb.datasette_plugin import addresses

    return lambda app: serving.wrap(addresses.wrap(app, datasette), datasette)


@hookimpl
def extra_body_script(view_name):
    if view_name == "table":
        return FOLD_COLUMN_DESCRIPTIONS
    return None


def _all_day_events() -> None:
    try:
        import datasette_ics
        from datasette_ics.utils import EventWithTimezone
        from ics.event import Event
    except ImportError:  # pragma: no cover - the plugin is a pinned dependency
        return

    class DateAwareEvent(EventWithTimezone):
        """An event whose start given as a plain date makes it an all-day event."""

        @Event.begin.setter
        def begin(self, value):
            Event.begin.fset(self, value)
            if isinstance(value, str) and len(value) == 10:
                self.make_all_day()

    datasette_ics.EventWithTimezone = DateAwareEvent
    # datasette-ics writes the feed with str(calendar), which ics 0.7 answers with a FutureWarning (str() will
    # give a short description in 0.9) on every request; the pinned versions write the feed right.
    warnings.filterwarnings("ignore", message=r"Behaviour of str\(Component\) will change", category=FutureWarning)


_all_day_events()
