"""What `icadb serve` adds around Datasette: it follows rebuilds and caches responses.

The database file is immutable between builds and every build replaces it
whole (a rename). So:

- Follow rebuilds: at most once a second, the served file is looked at; when
  it is a new file, Datasette gets a fresh Database object and a fresh pool of
  SQL threads, whose new connections open the new file. Queries already
  running finish on the file they started on; every answer comes from one
  complete build.
- Cache: a GET answered with 200 is kept (up to a memory budget, least
  recently used first) and served again until the file changes. Responses
  that set cookies, and bodies over 2 MB (streamed CSV), are not kept.

Both are ASGI middleware, installed through Datasette's ``asgi_wrapper`` hook.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

CACHE_ENV = "ICADB_CACHE_MB"
DEFAULT_CACHE_MB = 64
MAX_BODY = 2 * 1024 * 1024


def _identity(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class RebuildFollower:
    """Notices a replaced database file and points Datasette at the new one."""

    def __init__(self, datasette, interval: float = 1.0):
        self.datasette = datasette
        self.interval = interval
        self.checked = 0.0
        self.identities: dict[str, tuple | None] = {}
        self.generation = 0
        self.lock = threading.Lock()

    def _files(self):
        for name, db in self.datasette.databases.items():
            if db.path and not db.is_mutable and not db.is_memory:
                yield name, db

    def check(self) -> int:
        now = time.monotonic()
        if now - self.checked < self.interval:
            return self.generation
        with self.lock:
            self.checked = now
            changed = []
            for name, db in list(self._files()):
                identity = _identity(db.path)
                if name not in self.identities:
                    self.identities[name] = identity
                elif identity is not None and identity != self.identities[name]:
                    self.identities[name] = identity
                    changed.append((name, db))
            if changed:
                self._reopen(changed)
                self.generation += 1
        return self.generation

    def _reopen(self, changed) -> None:
        from datasette.database import Database

        ds = self.datasette
        for name, db in changed:
            ds.add_database(Database(ds, path=db.path, is_mutable=False), name=name, route=db.route)
        if ds.executor is not None:
            # SQL threads keep their connection in a thread-local: new threads, new connections.
            old, ds.executor = ds.executor, ThreadPoolExecutor(max_workers=ds.executor._max_workers)
            old.shutdown(wait=False)


class ResponseCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[tuple, tuple[dict, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, start: dict, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (start, body)
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (_, old) = self.entries.popitem(last=False)
                self.size -= len(old)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


def cache_budget() -> int:
    try:
        return int(float(os.environ.get(CACHE_ENV, DEFAULT_CACHE_MB)) * 1024 * 1024)
    except ValueError:
        return DEFAULT_CACHE_MB * 1024 * 1024


def wrap(app, datasette):
    follower = RebuildFollower(datasette)
    budget = cache_budget()
    cache = ResponseCache(budget) if budget > 0 else None
    state = {"generation": 0}

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        generation = follower.check()
        if cache is not None and generation != state["generation"]:
            cache.clear()
            state["generation"] = generation
        if cache is None or scope["method"] not in ("GET", "HEAD"):
            return await app(scope, receive, send)
        key = (scope["method"], scope["path"], scope.get("query_string", b""))
        hit = cache.get(key)
        if hit is not None:
            start, body = hit
            await send({**start, "headers": [*start["headers"], (b"x-icadb-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        captured: dict = {"start": None, "chunks": [], "size": 0, "keep": True}

        async def capture(message):
            if message["type"] == "http.response.start":
                captured["start"] = message
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                if message["status"] != 200 or b"set-cookie" in headers:
                    captured["keep"] = False
            elif message["type"] == "http.response.body" and captured["keep"]:
                body = message.get("body", b"")
                captured["size"] += len(body)
                if captured["size"] > MAX_BODY:
                    captured["keep"] = False
                    captured["chunks"].clear()
                else:
                    captured["chunks"].append(body)
                if not message.get("more_body", False) and captured["keep"]:
                    cache.put(key, captured["start"], b"".join(captured["chunks"]))
            await send(message)

        await app(scope, receive, capture)

    return wrapped
