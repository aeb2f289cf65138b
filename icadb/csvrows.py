"""CSV rendered by SQLite, byte for byte what Python's ``csv.writer`` writes.

``csv.writer`` (the excel dialect: comma, double quote, quotes doubled,
QUOTE_MINIMAL) over rows fetched as tuples spends most of an export making a
Python object of every value. Here SQLite renders each row into one string
(``printf``), its values as the writer would write them, separated by a
character text rarely holds (``SEP``), and Python only swaps the separators
for commas:

- text as it is, an integer in decimal (``str(int)``), NULL as nothing: what
  ``printf``'s ``%s`` writes; a REAL or a BLOB by a Python function (``repr``
  of the float, ``str`` of the bytes, as ``csv.writer`` writes them). Asking
  every value its type costs as much as the rendering, so a table whose rows
  hold no REAL or BLOB (:func:`differ_checks` says which might) is rendered
  without asking;
- lines in which no value holds a comma, a double quote or a line end
  (``\\n``, and ``\\r`` for CRLF files) are written as they are, their
  separators made commas; a line that has one is split into its values and
  written by ``csv.writer`` itself, which quotes it as it always did;
- a table ordered by its INTEGER PRIMARY KEY is rendered in ranges of that
  key, each range one string (``group_concat``, rows joined by ``RS``): SQLite
  makes the whole range without holding Python's lock, so two ranges render
  at once on two cores;
- a value holding ``SEP`` or ``RS`` would make its line split wrongly: the
  caller is told (:class:`Ambiguous`) and writes the table with ``csv.writer``.

``tests/test_export.py`` checks both ways give the same bytes on every
published table and view, and on values made to be awkward.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator, Sequence

from icadb.db import quote

SEP = "\x1f"  # ASCII unit separator, between the values of a row
RS = "\x1e"  # ASCII record separator, between the rows of a range
FUNCTION = "icadb_csv_text"


class Ambiguous(Exception):
    """A value holds a separator: the text cannot be split back into its values."""


def _python_text(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def register(conn: sqlite3.Connection) -> None:
    """Give *conn* the function that renders REAL and BLOB values as Python does."""
    conn.create_function(FUNCTION, 1, _python_text, deterministic=True)


def _value(column: str, plain: bool) -> str:
    q = quote(column)
    if plain:  # printf's %s writes text, an integer and NULL as csv.writer does
        return q
    return (f"CASE typeof({q}) WHEN 'text' THEN {q} WHEN 'integer' THEN {q} WHEN 'null' THEN '' "
            f"ELSE {FUNCTION}({q}) END")


def _printf(columns: Sequence[str], plain: bool) -> str:
    if not columns:
        raise ValueError("a CSV line needs at least one column")
    return f"printf('{SEP.join(['%s'] * len(columns))}', {', '.join(_value(c, plain) for c in columns)})"


def differ_checks(conn: sqlite3.Connection, table: str, integer_key: str | None = None) -> tuple[list[str], str | None]:
    """Where *table* may hold a REAL or a BLOB (which printf would not render as
    csv.writer does): (queries that each find one at once in an indexed
    column, the SQL condition true for a row that may hold one elsewhere, or
    None).

    Cheaper than asking every value its type: a column of TEXT affinity holds
    no numbers (SQLite stores them as text), and a BLOB sorts after all text
    and numbers, so ``column >= x''`` finds one, through the column's index
    if it has one; an INTEGER PRIMARY KEY (*integer_key*) holds integers only."""
    indexed = set()
    for _seq, index, _unique, _origin, partial in conn.execute(f"PRAGMA index_list({quote(table)})"):
        if not partial:
            first = conn.execute(f"PRAGMA index_info({quote(index)})").fetchone()
            if first and first[2]:
                indexed.add(first[2])
    seeks, tests = [], []
    for _cid, name, declared, *_ in conn.execute(f"PRAGMA table_info({quote(table)})"):
        if name == integer_key:
            continue
        declared = (declared or "").upper()
        text_affinity = "INT" not in declared and any(t in declared for t in ("CHAR", "CLOB", "TEXT"))
        if name in indexed:
            seeks.append(f"SELECT 1 FROM {quote(table)} WHERE {quote(name)} >= x'' LIMIT 1")
            if not text_affinity:
                tests.append(f"typeof({quote(name)}) = 'real'")
        else:
            tests.append(f"{quote(name)} >= x''" if text_affinity else f"typeof({quote(name)}) IN ('real', 'blob')")
    return seeks, " OR ".join(tests) or None


def line_sql(source: str, columns: Sequence[str], order_by: Sequence[str], *, plain: bool = False) -> str:
    """SELECT one string per row of *source* (its values joined by SEP), in *order_by* order.

    Each value is asked its type (a REAL or BLOB goes to Python) unless
    *plain* (the rows are known to hold only text, integers and NULL)."""
    order = ", ".join(quote(c) for c in order_by)
    return f"SELECT {_printf(columns, plain)} FROM {quote(source)} ORDER BY {order}"


def range_sql(table: str, columns: Sequence[str], key: str, *, plain: bool) -> str:
    """SELECT (text, rows) for the rows of *table* whose integer *key* is
    between two parameters: the rows' lines joined by RS, in key order."""
    return (f"SELECT group_concat(line, char({ord(RS)})), count(*) FROM ("
            f"SELECT {_printf(columns, plain)} AS line FROM {quote(table)} "
            f"WHERE {quote(key)} BETWEEN ? AND ? ORDER BY {quote(key)})")


def range_differs_sql(table: str, key: str, condition: str) -> str:
    """SELECT a row for a row of *table* with its *key* between two parameters
    for which *condition* (from :func:`differ_checks`) holds."""
    return f"SELECT 1 FROM {quote(table)} WHERE {quote(key)} BETWEEN ? AND ? AND ({condition}) LIMIT 1"


class Renderer:
    """Turns SEP-joined lines into CSV text, as ``csv.writer`` would write their rows."""

    def __init__(self, width: int, lineterminator: str):
        self.width = width
        self.terminator = lineterminator
        # What makes csv.writer quote a value ("\n" aside: it also parts lines).
        self.marks = (",", '"', "\r") if "\r" in lineterminator else (",", '"')
        self.specials = (*self.marks, "\n")
        self._parts: list[str] = []
        self._writer = csv.writer(self, lineterminator=lineterminator)

    def write(self, text: str) -> None:  # for csv.writer
        self._parts.append(text)

    def _plain(self, text: str, rows: int, separator: str) -> bool:
        """Whether *text*, *rows* lines joined by *separator* ("\n" or RS), needs no quoting at all
        (a row of one empty value does: csv.writer writes it as "", so one column is never plain)."""
        if self.width == 1 or any(ch in text for ch in self.marks) or text.count(SEP) != (self.width - 1) * rows:
            return False
        if separator == "\n":
            return text.count("\n") == rows - 1
        return "\n" not in text and text.count(separator) == rows - 1

    def lines(self, lines: list[str], out: list[str]) -> None:
        """Append the CSV text of *lines* to *out*."""
        text = "\n".join(lines)
        if self._plain(text, len(lines), "\n"):
            if self.terminator != "\n":
                text = text.replace("\n", self.terminator)
            out.append(text.replace(SEP, ",") + self.terminator)
        elif len(lines) > 64:  # halve until the lines that need quoting are found
            middle = len(lines) // 2
            self.lines(lines[:middle], out)
            self.lines(lines[middle:], out)
        else:
            for line in lines:
                values = line.split(SEP)
                if len(values) != self.width:
                    raise Ambiguous(line)
                if self.width == 1 and line == "" or any(ch in line for ch in self.specials):
                    self._writer.writerow(values)  # csv.writer quotes them as it always did
                    out += self._parts
                    self._parts.clear()
                else:
                    out.append(line.replace(SEP, ",") + self.terminator)

    def batches(self, batches: Iterator[list[tuple[str]]]) -> Iterator[str]:
        """CSV text for each batch of 1-tuples from :func:`line_sql`."""
        for batch in batches:
            out: list[str] = []
            self.lines([row[0] for row in batch], out)
            yield "".join(out)

    def _special_lines(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each RS-separated line of *text* holding a special character, in order."""
        lines = set()
        for ch in self.specials:  # str.find, not a regex: a pass over the text at memory speed
            at = text.find(ch)
            while at >= 0:
                start = text.rfind(RS, 0, at) + 1
                end = text.find(RS, at)
                end = len(text) if end < 0 else end
                lines.add((start, end))
                at = text.find(ch, end)
        return sorted(lines)

    def range_text(self, text: str | None, rows: int) -> str:
        """CSV text of a range from :func:`range_sql` (*rows* lines joined by RS)."""
        if not rows:
            return ""
        if text.count(SEP) != (self.width - 1) * rows or text.count(RS) != rows - 1:
            raise Ambiguous(text[:200])  # a value holds a separator
        if self.width == 1:
            out: list[str] = []
            self.lines(text.split(RS), out)
            return "".join(out)
        # Only the lines holding a comma, a quote or a line end need csv.writer.
        out, done = [], 0
        for start, end in self._special_lines(text):
            if start > done:
                out.append(text[done:start].replace(SEP, ",").replace(RS, self.terminator))
            self._writer.writerow(text[start:end].split(SEP))  # csv.writer quotes them as it always did
            out += self._parts
            self._parts.clear()
            done = end + 1
        if done <= len(text):
            out.append(text[done:].replace(SEP, ",").replace(RS, self.terminator) + self.terminator)
        return "".join(out)
