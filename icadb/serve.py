"""Serve the database with Datasette: immutable, loopback by default, with the codebook."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

# Datasette settings for every served instance (see docs/ for the reasoning).
SETTINGS = {
    "sql_time_limit_ms": 1000,   # a runaway query is cut off after 1 s
    "max_returned_rows": 1000,   # rows per page of SQL results
    "facet_time_limit_ms": 500,  # facets are configured per table in the codebook
    "suggest_facets": False,     # ...so Datasette need not try every column on every page
    "default_page_size": 100,
}


def datasette_for(db_path: Path, *, base_url: str | None = None):
    """A Datasette configured as `icadb serve` configures it: the file immutable,
    the codebook as metadata (given as data: no file is written for it), and
    the public address the pages cite, *base_url*, when one is given."""
    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata

    metadata = datasette_metadata(db_path.stem)
    if base_url:
        metadata["plugins"]["icadb"] = {"base_url": base_url}
    return Datasette(immutables=[str(db_path)], metadata=metadata, settings=SETTINGS)


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8001, base_url: str | None = None) -> None:
    """Run Datasette in this process until interrupted (as ``datasette serve -i`` does)."""
    import rich
    import uvicorn

    # Datasette prints a rich traceback, with every local, for each error it answers when rich is
    # installed (icadb's progress display brings it): a 404 for a mistyped address filled the log. This
    # process uses rich for nothing else, so it is silenced; a fault (500) is still logged, by Datasette's
    # plain traceback.print_exc().
    rich.reconfigure(quiet=True)
    ds = datasette_for(db_path, base_url=base_url)
    asyncio.run(ds.invoke_startup())
    # What start-up made (templates, metadata, plugins) lives as long as the server: out of the collector's
    # sight, its full collections, which run inside whichever request allocates, stay short (p95 of the
    # timeline page at 1x the seeds, one client: 141 ms without, 71 ms with).
    gc.collect()
    gc.freeze()
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
