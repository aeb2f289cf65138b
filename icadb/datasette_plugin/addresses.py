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
                canonical = await forms.canonical_args(datasette, parts[0], name, pairs)
                if canonical is not None:
                    location = f"{scope.get('root_path', '')}/{parts[0]}/{parts[1]}?{urllib.parse.urlencode(canonical)}"
                    return await _respond_redirect(location)(send)
        return await app(scope, receive, send)

    return wrapped
