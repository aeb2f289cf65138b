"""build_info: the data version of this build, written last.

The data version is ``<schema revision>.<first 12 hex digits of the seeds'
SHA-256>``: the same seeds built with the same schema always give the same
version, and any change to a seed file gives a new one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from importlib.metadata import version

from icadb.loaders.context import LoadContext
from icadb.loaders.writer import Writer


def seeds_digest(seeds: Path) -> str:
    """SHA-256 over every file in *seeds*: its path (relative, POSIX) and its bytes, in path order."""
    digest = hashlib.sha256()
    # Sorted as paths sort (part by part). os.walk, not Path.rglob: rglob keeps
    # every path it has yielded (60 MB for 100,000 files); like rglob, walk
    # does not descend into links to folders, and a link to a file counts.
    files = []
    for folder, _dirs, names in os.walk(seeds):
        base = Path(folder).relative_to(seeds).parts
        files += [(*base, name) for name in names if os.path.isfile(os.path.join(folder, name))]
    for parts in sorted(files):
        if any(part.startswith(".") or part == "__pycache__" for part in parts):
            continue
        path = seeds.joinpath(*parts)
        relative = "/".join(parts)
        digest.update(relative.encode("utf-8") + b"\0")
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    revision = ctx.conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    digest = seeds_digest(ctx.seeds)
    writer.table("build_info", ("data_version", "schema_revision", "seeds_sha256", "icadb_version"))
    writer.add("build_info", (f"{revision}.{digest[:12]}", revision, digest, version("icadb")), (ctx.seeds, 0))
    writer.flush()
