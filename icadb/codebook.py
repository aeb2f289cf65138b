"""The codebook (``schema/codebook.yaml``) and what is generated from it:
Datasette metadata (with the canned queries in ``schema/queries/`` and the
plugin settings in ``schema/datasette.yaml``) and ``docs/codebook.md``."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from icadb.paths import PROJECT_ROOT, SCHEMA_DIR
from icadb.schema.vocab import VOCABULARIES

CODEBOOK_PATH = SCHEMA_DIR / "codebook.yaml"
DATASETTE_PATH = SCHEMA_DIR / "datasette.yaml"
QUERIES_DIR = SCHEMA_DIR / "queries"
DOCS_PATH = PROJECT_ROOT / "docs" / "codebook.md"
TABLE_KEYS = ("label_column", "sort", "sort_desc", "fts_table", "fts_pk")
PANDAS_TYPES = """
`icadb.read(name)` (and `icadb.read_export(folder, name)` for an export) gives each column the codebook's type:
text as pandas strings (codes keep their leading zeros), whole numbers as nullable integers (Int64),
controlled vocabularies as categoricals with every value of the vocabulary, days as datetimes, and the columns
described as JSON arrays (countries, proposers, targets, record_ids, drafted_as, ...) as Python lists
(`raw=True` gives their JSON text, as the database and the CSV files hold it). `icadb.read` and `icadb.read_all`
leave drafts (review_status machine_suggested) and quotes a program suggested out, by the rule of
icadb/reviewed.py, and `read_all` leaves out the drafts and draft_notes tables; `include_drafts=True` keeps them.
"""


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The codebook, parsed (under the project's YAML rules: icadb.loaders.yamlread)."""
    from icadb.loaders import yamlread

    return yamlread.load(CODEBOOK_PATH)



def column_entry(entry: str | dict) -> dict[str, Any]:
    """A column's entry as a dict with description (and unit, vocabulary)."""
    return {"description": entry} if isinstance(entry, str) else dict(entry)


def column_text(entry: str | dict, *, with_values: bool = True) -> str:
    """A column's description with its unit and, for vocabularies, its values."""
    col = column_entry(entry)
    text = col["description"].rstrip()
    if col.get("unit"):
        text += f" Unit: {col['unit']}."
    if with_values and col.get("vocabulary"):
        values = VOCABULARIES[col["vocabulary"]]
        text += " Values: " + "; ".join(f"{k} = {v.rstrip('.')}" for k, v in values.items()) + "."
    return text


def documented_tables() -> dict[str, dict[str, Any]]:
    """Every table and view the codebook describes, hidden ones included (with the tables that
    hold the rows of the materialised views, described from their views)."""
    book = load()
    return {**book["tables"], **book.get("hidden_tables", {}), **materialized_tables()}


def materialized_tables() -> dict[str, dict[str, Any]]:
    """The codebook entry of each table the build fills for a materialised view (icadb.views)."""
    from icadb.views import views

    book = load()["tables"]
    return {view.table: {
        "grain": f"One row per row of the view {view.name}.",
        "description": f"What the view {view.name} shows, made by the build from schema/views/{view.name}.sql; "
                       "read it through the view.",
        "columns": {column: f"See {view.name}." for column in book[view.name]["columns"]},
    } for view in views() if view.materialized}


def query_sql(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def canned_queries() -> dict[str, dict[str, Any]]:
    """Datasette's canned queries; ``params`` names every parameter in the form's order."""
    return {
        name: {"title": q["title"], "description": " ".join(q["description"].split()), "sql": query_sql(name),
               "params": list(q.get("params", {})), "hide_sql": True}
        for name, q in load()["queries"].items()
    }


def param_values(param: dict[str, Any]) -> str:
    """How docs/codebook.md describes the values a canned query's parameter takes."""
    spec = param.get("options")
    if not spec:
        return "a day (YYYY-MM-DD), or empty for no limit" if param.get("type") == "date" else "text"
    if "vocabulary" in spec:
        return f"a value of [{spec['vocabulary']}](#vocabulary-{spec['vocabulary']}), or empty for any"
    if "sql" in spec:
        return spec["list"]
    return "; ".join(f"`{k}`: {v}" if k else f"empty: {v}" for k, v in spec["values"].items())


def plugin_config(database: str) -> dict[str, Any]:
    """The plugin settings of schema/datasette.yaml, with {db} as *database*."""
    from icadb.loaders import yamlread

    plugins = yamlread.load(DATASETTE_PATH)["plugins"]
    return json.loads(json.dumps(plugins).replace("{db}", database))


# The codebook's facet keys and the facet type each names: Datasette's own (column, array) and icadb's
# (icadb/datasette_plugin/facets.py: years in order with an "undated" count; ISO3 codes labelled by name).
FACET_KEYS = {"facets": "column", "facets_array": "array", "facets_year": "year", "facets_country": "country",
              "facets_country_array": "country_array"}


def table_facets(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(facet type, column) for each facet a codebook table entry configures, key by key (FACET_KEYS)."""
    return [(kind, col) for key, kind in FACET_KEYS.items() for col in table.get(key, [])]


def configured_facets() -> list[tuple[str, str, str]]:
    """(table or view, facet type, column) for every column or array facet the codebook configures: the
    facets drawn by Datasette's own classes (icadb's own facet types, .datasette_plugin.facets, have tests
    of their own)."""
    return [(name, kind, column) for name, table in load()["tables"].items() for kind, column in table_facets(table)
            if kind in ("column", "array")]


def datasette_metadata(database: str = "icadb") -> dict[str, Any]:
    """Datasette metadata for a database file named ``<database>.sqlite``."""
    book = load()
    tables: dict[str, Any] = {name: {"hidden": True} for name in (*book.get("hidden_tables", {}), *materialized_tables())}
    for name, table in book["tables"].items():
        meta: dict[str, Any] = {
            "description": f"{table['grain'].rstrip()} {' '.join(table['description'].split())}",
            "columns": {col: column_text(entry) for col, entry in table["columns"].items()},
        }
        for key in TABLE_KEYS:
            if key in table:
                meta[key] = table[key]
        facets = [column if kind == "column" else {kind: column} for kind, column in table_facets(table)]
        if facets:
            meta["facets"] = facets
        tables[name] = meta
    top = {k: book[k] for k in ("title", "license", "license_url", "source", "source_url") if k in book}
    top["description_html"] = start_here_html(database)
    return {
        **top,
        "databases": {database: {"description": " ".join(book["description"].split()), "tables": tables,
                                 "queries": canned_queries()}},
        "plugins": plugin_config(database),
    }


def start_here_html(database: str) -> str:
    """The front page: what the database is, and where to start."""
    from html import escape

    book = load()
    views = [n for n in book["tables"] if (SCHEMA_DIR / "views" / f"{n}.sql").exists()]
    items = "".join(
        f'<li><a href="/{database}/{name}">{name}</a>: {escape(book["tables"][name]["grain"].strip())}</li>'
        for name in views
    )
    queries = "".join(
        f'<li><a href="/{database}/{name}">{escape(q["title"])}</a></li>' for name, q in book["queries"].items()
    )
    return (
        f"<p>{escape(' '.join(book['description'].split()))}</p>"
        f"<p><strong>Start here</strong> (views):</p><ul>{items}</ul>"
        f"<p><strong>Every record has its page</strong>, with its quotes in their paragraphs "
        f'(for example <a href="/{database}/records/ica-nsa-2023-kazakhstan">the second India–Central Asia NSA '
        f"meeting</a>), and so has every document, with the quotes that records cite marked; "
        f"record and document ids link to them in every table.</p>"
        f"<p><strong>Questions</strong> (canned queries):</p><ul>{queries}</ul>"
        f'<p>Also: the <a href="/-/dashboards/overview">overview dashboard</a>, the '
        f'<a href="/{database}/map">map</a>, the <a href="/{database}/calendar.ics">calendar feed</a> (.ics), '
        f'search across all sources in the box above, and every table in the <a href="/{database}">database</a>. '
        f"Every column is explained in its heading's tooltip and in the codebook (docs/codebook.md).</p>"
    )


def markdown() -> str:
    """docs/codebook.md: the codebook for readers, generated from schema/."""
    book = load()
    out = [
        "# icadb codebook",
        "",
        "<!-- Generated from schema/codebook.yaml, schema/vocab.py and schema/queries/ by `icadb codebook --write`;"
        " do not edit by hand. -->",
        "",
        " ".join(book["description"].split()),
        "",
        f"Licence: {book['license']}. Sources: {book['source']}.",
        "",
        "## Contents",
        "",
    ]
    views = [n for n in book["tables"] if (SCHEMA_DIR / "views" / f"{n}.sql").exists()]
    tables = [n for n in book["tables"] if n not in views]
    out += ["Views: " + ", ".join(f"[{n}](#{n})" for n in views) + ".", ""]
    out += ["Tables: " + ", ".join(f"[{n}](#{n})" for n in tables) + ".", ""]
    out += ["Also: [reading it in pandas](#reading-it-in-pandas), [canned queries](#canned-queries), "
            "[reading the text](#reading-the-text), [controlled vocabularies](#controlled-vocabularies).", ""]
    out += ["## Reading it in pandas", "", " ".join(PANDAS_TYPES.split()), ""]
    for section, names in (("Views", views), ("Tables", tables)):
        out += [f"## {section}", ""]
        for name in names:
            table = book["tables"][name]
            out += [f"### {name}", "", f"**Grain:** {table['grain'].strip()}", "", " ".join(table["description"].split()), ""]
            out += ["| column | description |", "|---|---|"]
            for col, entry in table["columns"].items():
                text = column_text(entry, with_values=False).replace("|", "\\|")
                if column_entry(entry).get("type") == "array":
                    text += " (a list in pandas: see [Reading it in pandas](#reading-it-in-pandas))"
                vocab = column_entry(entry).get("vocabulary")
                if vocab:
                    text += f" (vocabulary: [{vocab}](#vocabulary-{vocab}))"
                out.append(f"| `{col}` | {text} |")
            out.append("")
    out += ["## Canned queries", "", "In Datasette at `/icadb/<name>`; parameters go in the form (which offers "
            "the values below as lists) or the URL. Every query leaves drafts and quotes a program suggested out "
            "unless `include_drafts=1`.", ""]
    for name, q in book["queries"].items():
        example = "&".join(f"{k}={v}" for k, v in q["example"].items())
        out += [f"### {name}", "", f"**{q['title']}.** {' '.join(q['description'].split())}", ""]
        if q.get("params"):
            out += ["| parameter | label | values |", "|---|---|---|"]
            out += [f"| `{p}`{''.join(f' (or `{a}`)' for a in spec.get('also', []))} | {spec.get('label', p)}"
                    f"{' (needed)' if spec.get('required') else ''} | "
                    f"{param_values(spec).replace('|', chr(92) + '|')} |" for p, spec in q["params"].items()]
            out.append("")
        out += [f"Example: `/icadb/{name}" + (f"?{example}" if example else "") + "`", ""]
    out += reading_markdown(book["reading"])
    out += ["## Controlled vocabularies", ""]
    for vocab, values in VOCABULARIES.items():
        out += [f"### vocabulary: {vocab}", "", "| value | meaning |", "|---|---|"]
        out += [f"| `{k}` | {v} |" for k, v in values.items()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def reading_markdown(reading: dict[str, Any]) -> list[str]:
    """The codebook's "Reading the text": the words each status needs, with an
    example from the seeds, and the rules icadb check holds records to, with
    the wordings it reads (from schema/vocab.py)."""
    from icadb.schema import vocab

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    out = ["## Reading the text", "", " ".join(reading["description"].split()), "",
           "| status | the text says | example from the seeds |", "|---|---|---|"]
    for status, entry in reading["statuses"].items():
        words = ", ".join(f"*{w}*" for w in entry["words"])
        example = entry["example"]
        out.append(f"| `{status}` | {cell(entry['wording'])} Words: {words}. | "
                   f"\"{cell(example['quote'])}\" (`{example['record']}`) |")
    out.append("")
    for rule in reading["rules"].values():
        out += [f"### {rule['title']}", "", " ".join(rule["text"].split()), ""]
        for name, meaning in rule["wordings"].items():
            values = ", ".join(f"`{w}`" for w in getattr(vocab, name))
            out.append(f"- {meaning.rstrip('.')} (`{name}` in schema/vocab.py): {values}.")
        out.append("")
    return out
