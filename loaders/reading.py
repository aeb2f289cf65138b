"""Reading seed files record by record: CSV rows and checked YAML records, each with its line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from icadb.loaders.errors import Problems
from icadb.loaders.fields import Field

if TYPE_CHECKING:  # pragma: no cover
    from icadb.loaders.context import LoadContext


def iter_csv(path: Path, problems: Problems, header: list[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """Stream ``(line, row)`` from a UTF-8 CSV file whose header must be *header*."""
    import csv

    from icadb.loaders.yamlread import check_file_bytes

    if not check_file_bytes(path, problems, "a CSV file with a header row"):
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            found = next(reader, None)
            if found != header:
                missing = [h for h in header if h not in (found or [])]
                extra = [h for h in (found or []) if h not in header]
                detail = "; ".join(
                    part for part in (
                        f"missing column(s) {', '.join(missing)}" if missing else "",
                        f"unknown column(s) {', '.join(extra)}" if extra else "",
                        "columns out of order" if not missing and not extra else "",
                    ) if part
                )
                problems.add(path, 1, "(header)", f"{detail}; expected the header: {','.join(header)}")
                return
            for row in reader:
                line = reader.line_num
                if not row or row == [""]:
                    continue
                if len(row) != len(header):
                    problems.add(path, line, "(row)", f"has {len(row)} fields; expected {len(header)} ({','.join(header)})")
                    continue
                yield line, dict(zip(header, row))
        except csv.Error as exc:
            problems.add(path, reader.line_num, "(csv)", f"malformed CSV: {exc}; expected RFC 4180 CSV")
        except UnicodeDecodeError as exc:
            problems.add(path, None, "(file)", f"not valid UTF-8 text ({exc.reason} at byte {exc.start}); expected UTF-8 text")


def iter_checked(ctx: LoadContext, path: Path, fields: Mapping[str, Field], registry: str, noun: str,
                 id_field: str = "id"):
    """Stream ``(line, record, values, ok)`` for the records of *path*.

    *values* holds the fields that passed their checks (a failed one is
    missing); *ok* says whether all did and the id is new. Records whose id
    is missing or a duplicate are reported and not yielded.
    """
    from icadb.loaders.yamlread import iter_records

    seen = ctx.registry(registry)
    for line, record in iter_records(path, ctx.problems):
        values, ok = ctx.check_fields_partly(path, record, fields)
        key = values.get(id_field)
        if key is None:
            continue
        if not ctx.check_unique(registry, key, path, record.line_of(id_field), id_field, noun):
            continue
        seen[key] = (path, line)
        yield line, record, values, ok
