"""Reading the project's YAML: nodes with line numbers, values under the YAML 1.2 core rules.

Files are parsed by libyaml (PyYAML's C parser) and composed into nodes by
PyYAML's composer one record at a time, so a large seed file never sits in
memory whole (the C composer builds a whole file's nodes at once: 387 MB for
one 14 MB records file at 1,000x the seeds). Every mapping remembers the line
of each key, so a problem is reported as ``path:line: field``.

Scalars follow the YAML 1.2 core schema, not YAML 1.1's: a plain
``2023-10-17`` stays the string it looks like (the loaders check dates
themselves) and ``no``/``yes``/``on`` stay strings. Only ``null``/``~``/empty,
``true``/``false``, integers and decimals are typed; a quoted or block scalar
is always a string. Anchors, aliases and tags are refused: curated seeds should
read the same to a person as to the loader. :func:`load` reads any other YAML
file of the project (codebook, rules) under the same rules.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer

from icadb.loaders.errors import Problems, display_path

_INT = re.compile(r"[-+]?[0-9]+\Z")
_BASED = re.compile(r"0(?:o[0-7]+|x[0-9a-fA-F]+)\Z")  # YAML 1.2 core: 0o17, 0x1F
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR = "tag:yaml.org,2002:str"
# What libyaml's wording of a syntax error most often means in a seed file.
_HINTS = (
    ("mapping values are not allowed", "a value holding ': ' must be in quotes, and a field must start where the "
                                       "fields above it start"),
    ("did not find expected key", "every field of a record must start in the same column"),
    ("did not find expected '-' indicator", "every record must start with '- ' in the same column"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
)


class YMap(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YSeq(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


class _Reader(CParser, Composer):
    """libyaml's events, composed by PyYAML's composer; no YAML 1.1 resolver (tags stay None)."""

    def __init__(self, stream, seeds: bool = True):
        CParser.__init__(self, stream)
        Composer.__init__(self)
        self.seeds = seeds  # seeds refuse anchors and aliases; the project's own settings may use them

    def resolve(self, kind, value, implicit):  # the project types scalars itself (YAML 1.2 core)
        return None

    def descend_resolver(self, parent, index):
        pass

    def ascend_resolver(self):
        pass

    def refuse_anchors(self) -> None:
        """Seeds refuse anchors (and so aliases): the composer keeps every anchor it met in ``anchors``."""
        if self.seeds and self.anchors:
            line = min(node.start_mark.line for node in self.anchors.values()) + 1
            raise _Refused(line, "(yaml)", "anchors (&name) are not supported; expected every value written out in full")


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style or node.tag == _STR:  # quoted, block or !!str: always a string
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.match(value):
        return int(value)
    if _BASED.match(value):
        return int(value[2:], 8 if value[1] == "o" else 16)
    if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
        return float(value)
    return value


def _value(node: yaml.Node) -> Any:
    """A node as Python values: YMap, YSeq and scalars."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in (None, _STR):  # an explicit tag: the resolver gives none (see _Reader.resolve)
            raise _Refused(line, "(yaml)", f"YAML tags ({node.tag}) are not supported; expected a plain value")
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        seq = YSeq(line)
        for item in node.value:
            seq.append(_value(item))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    mapping = YMap(line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(key_line, "(yaml)", "a mapping or list cannot be a key; expected a field name")
        key = _scalar(key_node)
        key = key if isinstance(key, str) else str(key)
        if key in mapping:
            raise _Refused(key_line, key, f"duplicate field {key!r} in one record; expected each field once")
        mapping[key] = _value(value_node)
        mapping.key_lines[key] = key_line
    return mapping


def syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """A libyaml syntax error as (line, message), with its column and what it most often means."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "malformed YAML"
    context = f" {exc.context}" if exc.context else ""
    where = f" at column {mark.column + 1}" if mark else ""
    hint = next((f" ({text})" for words, text in _HINTS if words in problem), "")
    return (mark.line + 1 if mark else None), f"malformed YAML{where}: {problem}{context}; expected valid YAML{hint}"


def _read(path: Path, problems: Problems, top_items: bool, seeds: bool = True,
          text: str | None = None) -> Iterator[tuple[str, Any, int]]:
    """Yield ("item", value, line) for each top-level list item when *top_items*
    (and the file's top level is a list), and last ("root", value, line): the
    whole top level, or an empty list when its items were yielded. *text*, if
    given, is read in place of the file (which then only names it)."""
    with (io.BytesIO(text.encode("utf-8")) if text is not None else open(path, "rb")) as fh:
        reader = _Reader(fh, seeds)
        try:
            reader.get_event()  # the stream's start
            if reader.check_event(yaml.StreamEndEvent):
                yield "root", None, 1
                return
            reader.get_event()  # the document's start
            line = reader.peek_event().start_mark.line + 1
            if top_items and reader.check_event(yaml.SequenceStartEvent) and reader.peek_event().anchor is None:
                reader.get_event()
                while not reader.check_event(yaml.SequenceEndEvent):
                    node = reader.compose_node(None, None)
                    reader.refuse_anchors()
                    yield "item", _value(node), node.start_mark.line + 1
                reader.get_event()
                root: Any = YSeq(line)
            else:
                node = reader.compose_node(None, None)
                reader.refuse_anchors()
                root = _value(node)
            reader.get_event()  # the document's end
            if reader.check_event(yaml.DocumentStartEvent):
                raise _Refused(reader.peek_event().start_mark.line + 1, "(yaml)",
                               "more than one YAML document (---) in the file; expected one")
            yield "root", root, line
        except _Refused as refused:
            problems.add(path, refused.line, refused.field, refused.message)
            raise
        except yaml.MarkedYAMLError as exc:
            line, message = syntax_problem(exc)
            if seeds and "undefined alias" in (exc.problem or ""):  # a seed refuses anchors: any alias is undefined
                message = "aliases (*name) are not supported; expected every value written out in full"
            problems.add(path, line, "(yaml)", message)
            raise _Refused(line or 0, "(yaml)", message) from None
        except yaml.reader.ReaderError as exc:
            with open(path, "rb") as raw:
                line = raw.read(exc.position).count(b"\n") + 1
            message = (f"not valid UTF-8 text ({exc.reason} at byte {exc.position}); "
                       "expected UTF-8 text (save the file as UTF-8)")
            problems.add(path, line, "(file)", message)
            raise _Refused(line, "(file)", message) from None
        finally:
            reader.dispose()


def check_file_bytes(path: Path, problems: Problems, what: str) -> bool:
    """Report an empty file, a UTF-16 file, and note a BOM or CRLF line ends.

    Returns False when the file cannot be read as seeds at all. A UTF-8
    byte-order mark and CRLF line ends are accepted, with a note.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        problems.add(path, None, "(file)", f"cannot be read ({exc.strerror}); expected a readable {what}")
        return False
    if not head.strip():
        problems.add(path, 1, "(file)", f"file is empty; expected {what}")
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(path, 1, "(file)", "file is UTF-16 encoded; expected UTF-8 text")
        return False
    if head.startswith(b"\xef\xbb\xbf"):
        problems.note(path, "starts with a UTF-8 byte-order mark; accepted and ignored")
    if b"\r\n" in head:
        problems.note(path, "has CRLF (Windows) line ends; accepted, read as LF")
    return True


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    return f"a single value ({value!r})"


def iter_records(path: Path, problems: Problems) -> Iterator[tuple[int, YMap]]:
    """``(line, record)`` for each item of a file that holds a list of records.

    Items that are not mappings are reported and skipped. On malformed YAML
    the problem is reported and iteration ends; it is then reported first and
    on its own (:meth:`Problems.alone`): whatever the caller reported about the
    records read before it is dropped, as a syntax error can cut a record
    short and its "missing" fields are not missing."""
    since = len(problems.items)
    yield from _records(path, problems)
    if display_path(path) in problems.unreadable:
        problems.alone(path, since)


def _records(path: Path, problems: Problems) -> Iterator[tuple[int, YMap]]:
    if not check_file_bytes(path, problems, "a YAML list of records"):
        problems.mark_unreadable(path)
        return
    try:
        for what, value, line in _read(path, problems, top_items=True):
            if what == "item":
                if isinstance(value, YMap):
                    yield line, value
                else:
                    problems.add(path, line, "(record)", f"list item is {_kind(value)}; expected a record "
                                 "(field: value lines)")
            elif value is None:
                problems.add(path, 1, "(file)", "file holds no records; expected a YAML list of records")
            elif not isinstance(value, YSeq):
                problems.add(path, getattr(value, "line", 1), "(file)",
                             f"top level is {_kind(value)}; expected a YAML list of records ('- field: value')")
                problems.mark_unreadable(path)
    except _Refused:
        problems.mark_unreadable(path)


def read_mapping(path: Path, problems: Problems) -> YMap | None:
    """Read a file that holds one mapping (a metadata file). None on problems."""
    if not check_file_bytes(path, problems, "a YAML mapping of fields"):
        return None
    try:
        root = next(value for what, value, _line in _read(path, problems, top_items=False) if what == "root")
    except _Refused:
        return None
    if not isinstance(root, YMap):
        problems.add(path, getattr(root, "line", 1), "(file)",
                     f"top level is {_kind(root)}; expected a mapping of fields ('field: value')")
        return None
    return root


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def load(path: Path, text: str | None = None) -> Any:
    """Any other YAML file of the project (codebook, rules, settings, drafts, test
    data) as plain dicts and lists, its scalars under the rules above (anchors and
    aliases allowed: these files are the maintainers'); *text* in place of the
    file's own. Raises ValueError with the located problem on a bad file."""
    problems = Problems()
    try:
        root = next(value for what, value, _line in _read(Path(path), problems, False, seeds=False, text=text)
                    if what == "root")
    except _Refused:
        raise ValueError(str(problems.items[0])) from None
    return _plain(root)
