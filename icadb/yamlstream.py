"""A streaming YAML reader for seed files that keeps line numbers.

Seeds are read event by event with libyaml, so a file of a million records
never sits in memory whole, and every mapping remembers the line of each key,
so a problem can be reported as ``path:line: field``.

Scalars follow the YAML 1.2 core schema, not PyYAML's 1.1 one: a plain
``2023-10-17`` stays the string it looks like (the loaders check dates
themselves) and ``no``/``yes``/``on`` stay strings. Only ``null``/``~``/empty,
``true``/``false``, integers and decimals are typed. Anchors, aliases and
tags are refused: curated seeds should read the same to a person as to the
loader.
"""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from icadb.errors import Problems, display_path

try:  # libyaml is in PyYAML's wheels; the pure-Python parser is a slow fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


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


class _Stop(Exception):
    pass


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if event.style:  # quoted or block scalar: always a string (plain is None or "")
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
        return float(value)
    return value


def _line_of_offset(path: Path, offset: int) -> int:
    with open(path, "rb") as fh:
        return fh.read(offset).count(b"\n") + 1


def check_file_bytes(path: Path, problems: Problems, what: str) -> bool:
    """Report an empty file, a non-UTF-8 file, a BOM or CRLF line ends.

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


def _events(path: Path, problems: Problems) -> Iterator[yaml.Event]:
    with open(path, "rb") as fh:
        loader = _Loader(fh)  # what yaml.parse() does, less a layer of calls per event
        get_event = loader.get_event
        try:
            while True:
                event = get_event()
                if event is None:
                    return
                yield event
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = exc.problem or "malformed YAML"
            context = f" {exc.context}" if exc.context else ""
            problems.add(path, line, "(yaml)", f"malformed YAML: {problem}{context}; expected valid YAML")
            raise _Stop from None
        except yaml.reader.ReaderError as exc:
            line = _line_of_offset(path, exc.position)
            problems.add(
                path, line, "(file)",
                f"not valid UTF-8 text ({exc.reason} at byte {exc.position}); "
                "expected UTF-8 text (save the file as UTF-8)",
            )
            raise _Stop from None
        except yaml.YAMLError as exc:  # pragma: no cover - defensive
            problems.add(path, None, "(yaml)", f"malformed YAML: {exc}; expected valid YAML")
            raise _Stop from None
        finally:
            loader.dispose()


def _build(path: Path, problems: Problems, stream_top: bool) -> Iterator[tuple[str, Any, int]]:
    """Yield ("item", value, line) for each top-level sequence item when
    *stream_top*, and finally ("root", value, 1) with the whole root (items
    already yielded are not kept in it)."""
    stack: list[Any] = []
    keys: list[Any] = []  # pending key per open mapping (None when expecting a key)
    root: Any = None
    documents = 0
    streaming = False
    events = _events(path, problems)
    for event in events:
        etype = type(event)
        if etype is yaml.ScalarEvent or etype is yaml.MappingStartEvent or etype is yaml.SequenceStartEvent:
            line = event.start_mark.line + 1
            if event.anchor is not None:
                problems.add(path, line, "(yaml)", "anchors (&name) are not supported; expected every value written out in full")
                raise _Stop
            tag = event.tag
            if tag is not None and tag not in ("!", "tag:yaml.org,2002:str") and etype is yaml.ScalarEvent:
                problems.add(path, line, "(yaml)", f"YAML tags ({tag}) are not supported; expected a plain value")
                raise _Stop
            if etype is yaml.ScalarEvent:
                value: Any = _scalar(event)
                if tag == "tag:yaml.org,2002:str":
                    value = event.value
                container = None
            elif etype is yaml.MappingStartEvent:
                value = container = YMap(line)
            else:
                value = container = YSeq(line)
            if not stack:
                root = value
                if container is not None:
                    stack.append(container)
                    keys.append(None)
                    streaming = stream_top and etype is yaml.SequenceStartEvent
                continue
            parent = stack[-1]
            if type(parent) is YMap:
                key = keys[-1]
                if key is None:
                    if container is not None:
                        problems.add(path, line, "(yaml)", "a mapping or list cannot be a key; expected a field name")
                        raise _Stop
                    key = value if isinstance(value, str) else str(value)
                    if key in parent:
                        problems.add(path, line, key, f"duplicate field {key!r} in one record; expected each field once")
                        raise _Stop
                    keys[-1] = key
                    parent.key_lines[key] = line
                    continue
                parent[key] = value
                keys[-1] = None
            else:
                if not (streaming and len(stack) == 1):
                    parent.append(value)
                parent.item_lines.append(line)
            if container is not None:
                stack.append(container)
                keys.append(None)
            elif streaming and len(stack) == 1:
                yield ("item", value, line)
        elif etype is yaml.MappingEndEvent or etype is yaml.SequenceEndEvent:
            done = stack.pop()
            keys.pop()
            if streaming and len(stack) == 1:
                yield ("item", done, done.line)
        elif etype is yaml.AliasEvent:
            problems.add(path, event.start_mark.line + 1, "(yaml)", "aliases (*name) are not supported; expected every value written out in full")
            raise _Stop
        elif etype is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                problems.add(path, event.start_mark.line + 1, "(yaml)", "more than one YAML document (---) in the file; expected one")
                raise _Stop
    yield ("root", root, 1)


def iter_records(path: Path, problems: Problems, check: Callable | None = None) -> Iterator[tuple]:
    """Stream ``(line, record)`` for each item of a file that holds a list of records.

    Items that are not mappings are reported and skipped. On malformed YAML
    the problem is reported and iteration ends; it is then reported first and
    on its own (:meth:`Problems.alone`): whatever the caller reported about the
    records read before it is dropped, as a syntax error can cut a record
    short and its "missing" fields are not missing.

    A large file (:func:`read_in_a_process`) is read in a process of its own
    while the caller checks and loads what it has already yielded, so reading
    and loading run on two cores. The records, problems and notes are the
    same, in the same order, as when read here. With *check* (only for such
    a file; picklable, called as ``check(path, record, problems)``) that
    process also checks each record as it reads it, and the stream is of
    ``(line, record, check's result)``; check's problems come right after the
    record's own, as they would if the caller checked it on receiving it. A
    record whose check passed (``result[1]``) comes as its checked values
    with its lines (see :func:`_checked_record`).
    """
    since = len(problems.items)
    if read_in_a_process(path):
        yield from _from_a_process("records", path, problems, str(path), check)
    elif check is not None:
        raise ValueError(f"{path} is read here; check its records on receiving them")
    else:
        yield from _iter_records_here(path, problems)
    if display_path(path) in problems.unreadable:
        problems.alone(path, since)


def read_in_a_process(path: Path) -> bool:
    """Whether :func:`iter_records` reads *path* in a process of its own."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = -1
    return size >= process_min_bytes(size)


PROCESS_ENV = "ICADB_PROCESS_MIN_BYTES"
PROCESS_MIN_BYTES = 4 << 20  # below this, starting a process costs more than it saves
_BATCH = 250  # records per message from the reader process (about 250 KB)
_PIPE_BYTES = 1 << 20  # room in the pipe for a few messages (Linux's default limit for a pipe)


def process_min_bytes(size: int | None = None) -> int:
    """Work on at least this many bytes of input (one seed file; all the
    document texts) is done in a process of its own, beside the build.
    ``$ICADB_PROCESS_MIN_BYTES`` overrides (0: always; -1: never); without
    it, PROCESS_MIN_BYTES when a second core is free, else never
    (:mod:`icadb.cores`: helpers on a busy core make a build slower). The
    core is looked at only for work of *size* bytes that would qualify."""
    value = os.environ.get(PROCESS_ENV, "")
    try:
        chosen = int(value) if value.strip() else None
    except ValueError:
        chosen = None
    if chosen is None:
        from icadb.cores import a_core_is_free

        chosen = PROCESS_MIN_BYTES if (size is not None and size < PROCESS_MIN_BYTES) or a_core_is_free() else -1
    return chosen if chosen >= 0 else 1 << 62


def _to_plain(value: Any) -> Any:
    """A value with its lines in plain tuples, dicts and lists, which marshal (fast) can carry."""
    kind = value.__class__
    if kind is YMap:
        items = dict(value)
        for key, item in items.items():
            if item.__class__ is YMap or item.__class__ is YSeq:
                items[key] = _to_plain(item)
        return (0, value.line, value.key_lines, items)
    if kind is YSeq:
        return (1, value.line, value.item_lines,
                [_to_plain(item) if item.__class__ is YMap or item.__class__ is YSeq else item for item in value])
    return value


def _from_plain(value: Any) -> Any:
    """The inverse of :func:`_to_plain`; scalars are left as they are, nested values rebuilt."""
    if value.__class__ is not tuple:
        return value
    if value[0] == 0:
        items = value[3]
        for key, item in items.items():
            if item.__class__ is tuple:
                items[key] = _from_plain(item)
        mapping = YMap(value[1])
        mapping.key_lines = value[2]
        mapping.update(items)
        return mapping
    sequence = YSeq(value[1])
    sequence.item_lines = value[2]
    sequence.extend([_from_plain(item) if item.__class__ is tuple else item for item in value[3]])
    return sequence


def _checked_record(line: int, key_lines: dict, values: dict) -> YMap:
    """A record that passed its checks in the reader process, as the caller
    gets it: its lines, holding its checked values (the same scalars; lists
    of checked items as plain lists and dicts). Cheaper to send than the
    record itself, and what a loader reads of a good record (its lines, and
    its values through ``get``) is the same."""
    record = YMap(line)
    record.key_lines = key_lines
    record.update(values)
    return record


class _Recorder:
    """Stands in for :class:`Problems` in the reader process: records each
    call in the message stream, to be made on the real one in order."""

    def __init__(self, stream: list):
        self.stream = stream

    def _record(self, name: str, args: tuple) -> None:
        self.stream.append((1, name, tuple(os.fspath(a) if isinstance(a, Path) else a for a in args)))

    def add(self, *args) -> None:
        self._record("add", args)

    def note(self, *args) -> None:
        self._record("note", args)

    def mark_unreadable(self, *args) -> None:
        self._record("mark_unreadable", args)


def _items(job: str, target: Any, problems: Any, check: Callable | None) -> Iterator[tuple]:
    """What a reader yields: (0, line, record, check's result or None) for a
    file of records, (2, path, mapping or None, None) for mapping files."""
    if job == "records":
        for line, record in _iter_records_here(target, problems):
            yield 0, line, record, None if check is None else check(target, record, problems)
    else:
        for path in target:
            yield 2, path, read_mapping(path, problems), None


def _reader_process(job: str, target: Any, conn, check: Callable | None = None) -> None:
    """Body of the reader process: send batches of items and problem calls, then None."""
    import gc

    gc.set_threshold(50_000, 20, 100)  # many objects, no cycles
    try:
        stream: list = []
        recorder = _Recorder(stream)
        for kind, where, value, checked in _items(job, target, recorder, check):
            if checked is not None and checked[1]:
                # It passed its checks: its lines and checked values are all the caller reads of it.
                stream.append((3, where, (value.line, value.key_lines), checked))
            else:
                stream.append((kind, os.fspath(where) if isinstance(where, Path) else where, _to_plain(value), checked))
            if len(stream) >= _BATCH:
                conn.send_bytes(marshal.dumps(stream))
                stream.clear()
        if stream:
            conn.send_bytes(marshal.dumps(stream))
        conn.send_bytes(marshal.dumps(None))
    except BaseException as exc:  # reported by the caller, which then stops
        import traceback

        conn.send_bytes(marshal.dumps(("failed", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")))
    finally:
        conn.close()


def _widen(connection) -> None:
    """Give a pipe room for several batches (Linux: 64 KB by default), so the
    reader writes a batch in one go and reads on, instead of waking up for
    every 64 KB the building process takes out (slow when the second core is
    shared with the tagger)."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower limit: the default works too
        pass


def _from_a_process(job: str, target: Any, problems: Problems, what: str,
                    check: Callable | None = None) -> Iterator[tuple]:
    """Run a reader in a process of its own; yield its items (with *check*'s
    result, when given) and make its problem calls, in order."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # not fork: the caller holds an open SQLite transaction
    receiver, sender = context.Pipe(duplex=False)
    _widen(receiver)
    process = context.Process(target=_reader_process, args=(job, target, sender, check), name="icadb-reader", daemon=True)
    process.start()
    sender.close()
    try:
        while True:
            try:
                message = marshal.loads(receiver.recv_bytes())
            except EOFError:
                process.join(5)
                raise RuntimeError(f"the process reading {what} ended without finishing "
                                   f"(exit code {process.exitcode})") from None
            if message is None:
                break
            if isinstance(message, tuple):
                raise RuntimeError(f"the process reading {what} failed: {message[1]}")
            for entry in message:
                if entry[0] == 1:
                    getattr(problems, entry[1])(*entry[2])
                elif check is None:
                    yield entry[1], _from_plain(entry[2])
                elif entry[0] == 3:
                    yield entry[1], _checked_record(*entry[2], entry[3][0]), entry[3]
                else:
                    yield entry[1], _from_plain(entry[2]), entry[3]
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join()


def read_mappings(paths: list[Path], problems: Problems) -> Iterator[tuple[Path, YMap | None]]:
    """``(path, read_mapping(path))`` for each of *paths*, in order; many
    files (``process_min_bytes()`` in all) are read in a process of their own."""
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    if total < process_min_bytes(total):
        for path in paths:
            yield path, read_mapping(path, problems)
        return
    for where, mapping in _from_a_process("mappings", list(paths), problems, f"{len(paths)} metadata files"):
        yield Path(where), mapping


def _iter_records_here(path: Path, problems: Problems) -> Iterator[tuple[int, YMap]]:
    if not check_file_bytes(path, problems, "a YAML list of records"):
        problems.mark_unreadable(path)
        return
    try:
        for what, value, line in _build(path, problems, stream_top=True):
            if what == "item":
                if isinstance(value, YMap):
                    yield line, value
                else:
                    problems.add(path, line, "(record)", f"list item is {_kind(value)}; expected a record (field: value lines)")
            elif value is None:
                problems.add(path, 1, "(file)", "file holds no records; expected a YAML list of records")
            elif not isinstance(value, YSeq):
                problems.add(path, getattr(value, "line", 1), "(file)",
                             f"top level is {_kind(value)}; expected a YAML list of records ('- field: value')")
                problems.mark_unreadable(path)
    except _Stop:
        problems.mark_unreadable(path)
        return


def read_mapping(path: Path, problems: Problems) -> YMap | None:
    """Read a file that holds one mapping (a metadata file). None on problems."""
    if not check_file_bytes(path, problems, "a YAML mapping of fields"):
        return None
    try:
        root = None
        for _what, value, _line in _build(path, problems, stream_top=False):
            root = value
    except _Stop:
        return None
    if not isinstance(root, YMap):
        problems.add(path, getattr(root, "line", 1), "(file)",
                     f"top level is {_kind(root)}; expected a mapping of fields ('field: value')")
        return None
    return root


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    return f"a single value ({value!r})"
