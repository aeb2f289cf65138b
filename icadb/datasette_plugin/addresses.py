"""What icadb does with an address before Datasette answers it (ASGI middleware,
through the ``asgi_wrapper`` hook, beside :mod:`icadb.serving`):

- A canned query asked with the name a person tries for a parameter
  (``country_between_dates?country=Kazakhstan``; the codebook lists such
  names under the parameter's ``also``) is redirected to its own address
  (``?iso3=KAZ``): the value is matched, in any case, against the values
  and labels the query's form offers.
- A search of the documents (``documents.json?_search=...``, which the
  front page's search across every table asks) answers without the full
  text of each article, unless ``_col`` or ``_nocol`` says which columns to
  give: one search answered with whole articles.
- A facet asked for a column whose facet the page already draws
  (``records?_facet=year``: the codebook's year facet, in year order with
  an "undated" count, is there) is redirected without it, so the page
  shows one year facet, not two (Datasette draws both, the second as
  ``year_2``).
"""

from __future__ import annotations

import urllib.parse

from icadb.datasette_plugin import forms


def _respond_redirect(location: str):
    async def respond(send) -> None:
        await send({"type": "http.response.start", "status": 302,
                    "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return respond


def _configured_facets(table: str) -> set[str]:
    """The columns the codebook draws a facet of on *table*'s page, of any type."""
    from icadb.codebook import load, table_facets

    return {col for _kind, col in table_facets(load()["tables"].get(table) or {})}


def without_configured_facets(table: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """*pairs* without the facets asked for a column the page already draws one of (Datasette would draw it
    twice, the second as ``year_2``); None when there is none."""
    configured = _configured_facets(table)
    out = [(key, value) for key, value in pairs if not (key.startswith("_facet") and value in configured)]
    return out if len(out) < len(pairs) else None


def wrap(app, datasette):
    from icadb.datasette_plugin.pages import is_icadb

    async def wrapped(scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await app(scope, receive, send)
        parts = scope["path"].strip("/").split("/")
        pairs = urllib.parse.parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if len(parts) == 2 and is_icadb(datasette, parts[0]):
            name, dot, extension = parts[1].partition(".")
            if name == "documents" and extension == "json":
                keys = {key for key, _ in pairs}
                if "_search" in keys and not keys & {"_col", "_nocol"}:
                    query = urllib.parse.urlencode([*pairs, ("_nocol", "text")])
                    scope = dict(scope, query_string=query.encode("latin-1"))
            elif pairs:
                canonical = without_configured_facets(name, pairs) if extension in ("", "json") else None
                if canonical is None:
                    canonical = await forms.canonical_args(datasette, parts[0], name, pairs)
                if canonical is not None:
                    query = urllib.parse.urlencode(canonical)
                    location = f"{scope.get('root_path', '')}/{parts[0]}/{parts[1]}" + (f"?{query}" if query else "")
                    return await _respond_redirect(location)(send)
        return await app(scope, receive, send)

    return wrapped
