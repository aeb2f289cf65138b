"""Serve the database with Datasette: immutable, loopback by default, with the codebook."""

from __future__ import annotations

import gc
import json
import tempfile
import threading
from pathlib import Path

# Datasette settings for every served instance (see docs/ for the reasoning).
SETTINGS = {
    "sql_time_limit_ms": 1000,   # a runaway query is cut off after 1 s
    "max_returned_rows": 1000,   # rows per page of SQL results
    "facet_time_limit_ms": 500,  # facets are configured per table in the codebook
    "suggest_facets": False,     # ...so Datasette need not try every column on every page
    "default_page_size": 100,
}


def datasette_args(db_path: Path, metadata_path: Path, *, host: str, port: int) -> list[str]:
    args = ["serve", "-i", str(db_path), "--metadata", str(metadata_path), "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, str(value)]
    return args


def write_metadata(db_path: Path, folder: Path) -> Path:
    from icadb.codebook import datasette_metadata

    path = folder / "metadata.json"
    path.write_text(json.dumps(datasette_metadata(db_path.stem), indent=2), encoding="utf-8")
    return path


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The generation Python's own collector would collect now, or None.

    As CPython decides it: the oldest generation whose count (allocations
    less deallocations for the youngest, collections of the next younger for
    the others) has passed its threshold."""
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return generation
    return None


def collect_garbage_off_the_event_loop(interval: float = 0.5, stop: threading.Event | None = None,
                                      ready: threading.Event | None = None) -> threading.Thread:
    """Collect reference cycles in a thread of their own, never in a request's.

    Datasette leaves SQLite cursors in reference cycles (an error's traceback
    holds the frame that holds the cursor). Python's collector runs in
    whichever thread happens to allocate; when that is the event loop and the
    cursor belongs to a connection busy with a long query in a SQL thread,
    finalising the cursor waits on that connection's lock, and every request
    waits with it until the query ends or is cut off (seen: all requests stalled
    for the full second of a runaway query). Here automatic collection is off
    and a daemon thread looks every `interval` seconds at what has been
    allocated since, and collects what Python's own thresholds say is due
    (the youngest generation after 700 net new objects, and so on); when it
    has to wait on a busy connection, only it waits.

    Objects alive once start-up is over are frozen (``gc.freeze``, at the
    thread's first look) so that the rare full collection does not walk them
    again. An idle server allocates nothing that lives, so the thread finds
    nothing due and the server uses next to no CPU (it collected everything
    every half second before: 7-8% of a core, idle). *stop* ends the thread
    (for tests; the caller then turns automatic collection back on); *ready*
    is set once the first look (the collection and the freeze) is done.
    """
    thresholds = gc.get_threshold()
    gc.disable()
    stop = stop or threading.Event()

    def collect() -> None:
        frozen = False
        while not stop.wait(interval):
            if not frozen:
                gc.collect()
                gc.freeze()
                frozen = True
                if ready is not None:
                    ready.set()
                continue
            generation = due_generation(gc.get_count(), thresholds)
            if generation is not None:
                gc.collect(generation)

    thread = threading.Thread(target=collect, name="icadb-gc", daemon=True)
    thread.start()
    return thread


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette in this process until interrupted."""
    from datasette.cli import cli as datasette_cli

    collect_garbage_off_the_event_loop()

    with tempfile.TemporaryDirectory(prefix="icadb-serve-") as folder:
        metadata = write_metadata(db_path, Path(folder))
        datasette_cli.main(args=datasette_args(db_path, metadata, host=host, port=port), prog_name="datasette")
