"""The scale benchmark's ratios across repeated runs, and against the RESULTS.md they replace.

Used by benchmarks/run.py: :func:`figures` names the figures of one
measured scale, :func:`spread` gives the minimum, median and maximum of each
over the runs (with the goals judged on the worst run), and
:func:`previous_figures` reads them back from an earlier RESULTS.md so the
new report can show them side by side.
"""

from __future__ import annotations

import re
import statistics

# name -> (how it is written, the goal as (test, text) or None)
FIGURES = {
    "whole build": ("{:.1f} s", None),
    "peak memory (all processes)": ("{:.0f} MB", (lambda worst: worst < 500, "< 500 MB")),
    "load step / raw executemany": ("{:.0%}", (lambda worst: worst >= 0.5, ">= 50%")),
    "inserting / raw executemany": ("{:.0%}", None),
    "load step / sqlite-utils": ("{:.1f}x", (lambda worst: worst >= 1.5, ">= 1.5x")),
    "load step / sqlite-utils with the build's pragmas": ("{:.1f}x", None),
    "verify and facet counts": ("{:.1f} s", None),
    "icadb export --table / sqlite3 -csv": ("{:.2f}x", (lambda worst: worst >= 0.5, ">= 0.5x")),
    "icadb export / Datasette streaming CSV": ("{:.1f}x", None),
    "Parquet: icadb export / pyarrow": ("{:.2f}x", None),
}
# For the goals, the worst run is the highest for these, the lowest for the others.
HIGHER_IS_WORSE = {"whole build", "peak memory (all processes)", "verify and facet counts"}
STEPS_AFTER_LOAD = ("verify", "analyze", "facet counts", "commit")


def figures(r: dict) -> dict[str, float]:
    """The figures of one measured scale (a dict from run.measure)."""
    load, ins = r["rows"] / r["load_s"], r["rows"] / r["insert_s"]
    out = {
        "whole build": r["build_s"],
        "peak memory (all processes)": r["rss_mb"],
        "load step / raw executemany": load / (r["raw_rows"] / r["raw_s"]),
        "inserting / raw executemany": ins / (r["raw_rows"] / r["raw_s"]),
        "load step / sqlite-utils": load / (r["su_rows"] / r["su_s"]),
        "load step / sqlite-utils with the build's pragmas": load / (r["su_tuned_rows"] / r["su_tuned_s"]),
        "verify and facet counts": sum(v for k, v in r["phases"].items() if k.startswith(STEPS_AFTER_LOAD)),
    }
    e = r["export"]
    if e.get("sqlite3_cli"):
        out["icadb export --table / sqlite3 -csv"] = e["sqlite3_cli"] / e["icadb_process"]
    if e.get("datasette"):
        out["icadb export / Datasette streaming CSV"] = e["icadb"] / e["datasette"]
    if e.get("parquet_baseline"):
        out["Parquet: icadb export / pyarrow"] = e["parquet_baseline"] / e["parquet_process"]
    return out


def spread(runs_by_scale: dict[int, list[dict]]) -> list[str]:
    """Markdown: min, median and max of every figure per scale, and the goals on the worst run."""
    lines = ["| scale | figure | runs | min | median | max | goal (on the worst run) |",
             "|---|---|---|---|---|---|---|"]
    for scale, runs in runs_by_scale.items():
        values: dict[str, list[float]] = {}
        for r in runs:
            for name, value in figures(r).items():
                values.setdefault(name, []).append(value)
        for name, (form, goal) in FIGURES.items():
            if name not in values:
                continue
            got = values[name]
            verdict = ""
            if goal is not None:
                worst = max(got) if name in HIGHER_IS_WORSE else min(got)
                verdict = f"{goal[1]}: {'met' if goal[0](worst) else 'NOT met'}"
            lines.append(f"| {scale:,}x | {name} | {len(got)} | {form.format(min(got))} | "
                         f"{form.format(statistics.median(got))} | {form.format(max(got))} | {verdict} |")
    return lines


def _tables(text: str) -> list[list[dict[str, str]]]:
    """Every Markdown table of *text* as rows of {header: cell}."""
    tables, lines = [], text.splitlines()
    for index in range(len(lines) - 1):
        if lines[index].startswith("|") and re.match(r"^\|(\s*:?-+:?\s*\|)+$", lines[index + 1].strip()):
            header = [c.strip() for c in lines[index].strip().strip("|").split("|")]
            rows = []
            for line in lines[index + 2:]:
                if not line.startswith("|"):
                    break
                rows.append(dict(zip(header, (c.strip() for c in line.strip().strip("|").split("|")))))
            tables.append(rows)
    return tables


# figure -> the column of an earlier RESULTS.md that holds it
PREVIOUS_COLUMNS = {
    "whole build": "whole build",
    "peak memory (all processes)": "peak memory (all processes)",
    "load step / raw executemany": "load step / raw",
    "inserting / raw executemany": "inserting / raw",
    "load step / sqlite-utils": "load step / sqlite-utils",
    "load step / sqlite-utils with the build's pragmas": "load step / sqlite-utils with the build's pragmas",
    "icadb export --table / sqlite3 -csv": "icadb export --table / sqlite3 -csv",
    "icadb export / Datasette streaming CSV": "icadb / Datasette",
    "Parquet: icadb export / pyarrow": "Parquet: icadb / pyarrow",
}


def previous_figures(text: str) -> dict[tuple[str, str], str]:
    """(scale as written, e.g. "10,000x"; figure) -> the cell an earlier RESULTS.md shows for it."""
    out: dict[tuple[str, str], str] = {}
    for rows in _tables(text):
        for row in rows:
            scale = row.get("scale")
            if not scale:
                continue
            for name, column in PREVIOUS_COLUMNS.items():
                if column in row and (scale, name) not in out:
                    out[(scale, name)] = row[column]
            steps = [v for k, v in row.items() if k.startswith("verify")]
            if steps and (scale, "verify and facet counts") not in out:
                out[(scale, "verify and facet counts")] = steps[0]
    return out


def previous_steps(text: str) -> dict[str, dict[str, float]]:
    """The build steps (scale as written -> name -> seconds) an earlier RESULTS.md lists."""
    builds = [row["scale"] for rows in _tables(text) for row in rows if "whole build" in row]
    out: dict[str, dict[str, float]] = {}
    for match in re.finditer(r"^## Build steps at (.+?)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        heading = match.group(1)
        scale = builds[-1] if heading.startswith("the largest scale") and builds else heading.split(" ", 1)[0]
        out[scale] = {m.group(1): float(m.group(2)) for m in re.finditer(r"^- (.+): ([0-9.]+) s$", match.group(2), re.M)}
    return out


def comparison(previous_text: str, runs_by_scale: dict[int, list[dict]], previous_run: str) -> list[str]:
    """Markdown: each figure now (the median of the runs) next to what the earlier RESULTS.md showed."""
    previous = previous_figures(previous_text)
    for scale, steps in previous_steps(previous_text).items():
        after = sum(v for k, v in steps.items() if k.startswith(STEPS_AFTER_LOAD))
        previous.setdefault((scale, "verify and facet counts"), f"{after:.1f} s")
    lines = [f"| scale | figure | before ({previous_run}) | now (median) |", "|---|---|---|---|"]
    for scale, runs in runs_by_scale.items():
        values: dict[str, list[float]] = {}
        for r in runs:
            for name, value in figures(r).items():
                values.setdefault(name, []).append(value)
        for name, (form, _goal) in FIGURES.items():
            if name in values:
                before = previous.get((f"{scale:,}x", name), "(not measured)")
                before = before.split(" (", 1)[0] if name == "whole build" else before
                lines.append(f"| {scale:,}x | {name} | {before} | {form.format(statistics.median(values[name]))} |")
    return lines
