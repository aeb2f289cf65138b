"""What `icadb serve` adds around Datasette: it follows rebuilds.

The database file is immutable between builds and every build replaces it
whole (a rename). Before each request is answered, the served file is
looked at (one stat, a few microseconds); when it is a new file, the
Database object of that name is replaced by a fresh one, under the same name
and route, and Datasette gets a fresh pool of SQL threads, whose new
connections open the new file. So the server keeps serving exactly one
database, the newest build, however often it is rebuilt, and a request that
comes after a rebuild never meets a thread still connected to the file
before it. Queries already running finish on the file they started on.

(It looked once a second before, behind a response cache that answered
repeated pages: without the cache, in that second a pool thread started
afresh opened the new file while the others still read the old one, and a
reader could see the new build and then the old one again.)

It is ASGI middleware, installed through Datasette's ``asgi_wrapper`` hook.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor


def _identity(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class RebuildFollower:
    """Notices a replaced database file and points Datasette at the new one."""

    def __init__(self, datasette):
        self.datasette = datasette
        self.identities: dict[str, tuple | None] = {}
        self.generation = 0
        self.lock = threading.Lock()

    def _files(self):
        for name, db in self.datasette.databases.items():
            if db.path and not db.is_mutable and not db.is_memory:
                yield name, db

    def check(self) -> int:
        """Look at the served files; reopen those that were replaced. The number of rebuilds seen so far."""
        with self.lock:
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
        """Replace each changed database in place: same name, same route, a new
        Database object on the new file. (Datasette's ``add_database`` would give
        a name already taken a suffix, ``icadb_2``, and keep the old one too.)"""
        from datasette.database import Database

        ds = self.datasette
        databases = dict(ds.databases)
        for name, old in changed:
            fresh = Database(ds, path=old.path, is_mutable=False)
            fresh.name, fresh.route = name, old.route
            databases[name] = fresh
        ds.databases = databases  # one assignment: a request sees the old set or the new one
        if ds.executor is not None:
            # SQL threads keep their connection in a thread-local named after the database:
            # new threads, new connections.
            old_executor, ds.executor = ds.executor, ThreadPoolExecutor(max_workers=ds.executor._max_workers)
            old_executor.shutdown(wait=False)


def wrap(app, datasette):
    follower = RebuildFollower(datasette)

    async def wrapped(scope, receive, send):
        if scope["type"] == "http":
            follower.check()
        return await app(scope, receive, send)

    return wrapped
