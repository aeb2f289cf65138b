"""Checks across a record's fields, and across records, that no single field's
check can make. Each is reported like every other problem, as
``path:line: field: problem; expected ...``.

- **What happened was reported after it.** A record whose status says it took
  place (occurrence ``occurred`` in :data:`vocab.STATUS_OCCURRENCE`: held,
  agreed, signed, in force, ongoing, completed, operational, unused, closed)
  cannot begin (``date_earliest``, or the date's first day) after the latest
  publication date of the documents its evidence quotes. Planned, proposed and
  offered records may lie in the future; rumoured ones are not checked.
- **Bounds agree with the date** (:func:`check_bounds`, for documents too).
- **Editions of a series are unique and rise with the date**
  (:meth:`RecordRules.finish`, once every record file is read).

``loaders/records.py`` calls :func:`check_record` for each record (reviewed or
drafted), and ``loaders/drafts.py``, which loads after every records file,
:func:`check_series` once all are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from icadb.loaders import dates
from icadb.loaders.errors import Problems, display_path
from icadb.schema import vocab
from icadb.loaders.yamlread import YMap

if TYPE_CHECKING:  # pragma: no cover
    from icadb.loaders.context import LoadContext

UNIT_WORD = {"day": "a day", "month": "a month", "year": "a year"}


def _unit(precision: str, text: str) -> str:
    return f"the {precision} {text}"


def check_bounds(problems: Problems, path: Path, record: YMap, precision: str, date: object,
                 earliest: str | None, latest: str | None, *, date_key: str = "date",
                 earliest_key: str = "date_earliest", latest_key: str = "date_latest",
                 end_date: object = None, end_precision: str | None = None) -> bool:
    """Explicit bounds (*earliest*, *latest*) agree with the written date and
    its precision; report each disagreement and return whether there was none.

    - A dated record's bounds lie inside the unit its date names (that day,
      month or year): they may narrow it, never widen it. With an end date, the
      earliest bound lies in the start date's unit and the latest in the end
      date's.
    - Where the text bounds an event more loosely than that unit, the
      precision must say so: a coarser one, or ``unknown`` with the bounds.
    - The precision is the finest the bounds allow: bounds that lie within one
      month make a ``year`` (or ``unknown``) date a month, and so on.
    The date and end date are already checked against their precisions.
    """
    if precision == "unknown":
        if earliest and latest:
            return _finest(problems, path, record, precision, earliest, latest, date_key)
        return True
    if earliest is None and latest is None:
        return True
    text, start_first, start_last = dates.parse(date, precision)
    end_unit = (precision, text, start_first, start_last), date_key
    if end_date is not None and end_precision is not None:
        end_text, end_first, end_last = dates.parse(end_date, end_precision)
        end_unit = (end_precision, end_text, end_first, end_last), "end_date"
    ok = True
    for key, value, ((unit_precision, unit_text, first, last), unit_key) in (
            (earliest_key, earliest, ((precision, text, start_first, start_last), date_key)),
            (latest_key, latest, end_unit)):
        if value is not None and not first <= value <= last:
            problems.add(path, record.line_of(key), key,
                         f"{value} is outside {_unit(unit_precision, unit_text)} that {unit_key} gives; expected a day "
                         f"from {first} to {last}, or, where the text bounds it more loosely than "
                         f"{UNIT_WORD[unit_precision]}, a date_precision that says so (a coarser one, or unknown "
                         "with these bounds)")
            ok = False
    if not ok or end_date is not None:
        return ok
    return _finest(problems, path, record, precision, earliest or start_first, latest or start_last, date_key)


def _finest(problems: Problems, path: Path, record: YMap, precision: str, earliest: str, latest: str,
            date_key: str) -> bool:
    finest = dates.finest_unit(earliest, latest)
    order = (*dates.PRECISIONS, "unknown")
    if finest is None or order.index(finest[0]) >= order.index(precision):
        return True
    finer, text = finest
    problems.add(path, record.line_of("date_precision"), "date_precision",
                 f"{precision!r} is coarser than its bounds, {earliest} to {latest}, which lie within "
                 f"{_unit(finer, text)}; expected date_precision: {finer} and {date_key}: {text} "
                 "(the bounds may stay, to narrow it)")
    return False


@dataclass(frozen=True)
class _Edition:
    series: str
    edition: int
    earliest: str | None
    latest: str | None
    when: str
    path: Path
    line: int
    order: int


class RecordRules:
    """The cross-field checks of the records loader: :meth:`check` for each
    record as it is read, :meth:`finish` once all are."""

    def __init__(self, ctx: LoadContext):
        self.ctx = ctx
        self.documents = ctx.registry("documents")
        self.editions: list[_Edition] = []

    def check(self, path: Path, record: YMap, values: dict, dated: dict | None, kind: str) -> bool:
        """Check one record whose dates passed their own checks (*dated*);
        return False if it broke a rule."""
        if dated is None:
            return True
        problems = self.ctx.problems
        ok = check_bounds(problems, path, record, values["date_precision"], values.get("date"),
                          values["date_earliest"], values["date_latest"],
                          end_date=values["end_date"], end_precision=values["end_date_precision"])
        ok = self._reported_after(path, record, values, dated, kind) and ok
        if values.get("series") and isinstance(values.get("edition"), int) and values["edition"] >= 1:
            self.editions.append(_Edition(values["series"], values["edition"], dated["earliest"], dated["latest"],
                                          _when(dated), path, record.line_of("edition"), len(self.editions)))
        return ok

    def _reported_after(self, path: Path, record: YMap, values: dict, dated: dict, kind: str) -> bool:
        status = values.get("status")
        begins = dated["earliest"]
        if begins is None or vocab.STATUS_OCCURRENCE.get(status) != "occurred":
            return True
        evidence = values.get("evidence") or ()
        if len(evidence) != len(record.get("evidence") or ()):
            return True  # a quote failed its own check (reported); its document is not known to be good
        latest, source = None, None
        for item in evidence:
            known = self.documents.get(item["document"])
            published = known.get("latest") if isinstance(known, dict) else None
            if published is None:
                return True  # a source with no latest publication date bounds nothing
            if latest is None or published > latest:
                latest, source = published, item["document"]
        if latest is None or begins <= latest:
            return True
        key = "date_earliest" if values.get("date_earliest") else "date"
        shown = begins if key == "date_earliest" or dated["date"] is None else dated["date"]
        not_yet = ", ".join(s for s in vocab.KIND_STATUSES[kind] if vocab.STATUS_OCCURRENCE[s] == "intended")
        self.ctx.problems.add(
            path, record.line_of(key), key,
            f"{shown} is after the latest publication date of its sources, {latest} ({source}), yet its status "
            f"{status!r} says it took place; expected a date on or before {latest}, or a status that says it has "
            f"not taken place ({not_yet})")
        return False

    def finish(self) -> None:
        """The editions of each series are unique and rise with the date: a
        later edition does not lie wholly before an earlier one."""
        by_series: dict[str, list[_Edition]] = {}
        for entry in self.editions:
            by_series.setdefault(entry.series, []).append(entry)
        problems = self.ctx.problems
        for series, entries in by_series.items():
            entries.sort(key=lambda e: (e.edition, e.order))
            first: dict[int, _Edition] = {}
            latest_start: _Edition | None = None  # of the lower editions, the one that begins last
            for entry in entries:
                if entry.edition in first:
                    was = first[entry.edition]
                    problems.add(entry.path, entry.line, "edition",
                                 f"{entry.edition} is given twice in series {series!r} (first at "
                                 f"{display_path(was.path)}:{was.line}); expected each edition of a series once")
                    continue
                first[entry.edition] = entry
                if (latest_start is not None and latest_start.earliest and entry.latest
                        and latest_start.earliest > entry.latest):
                    problems.add(entry.path, entry.line, "edition",
                                 f"{entry.edition} of series {series!r} is dated {entry.when}, before edition "
                                 f"{latest_start.edition} ({display_path(latest_start.path)}:{latest_start.line}), "
                                 f"dated {latest_start.when}; expected editions that rise with the date")
                if latest_start is None or _begins_later(entry, latest_start):
                    latest_start = entry


def _begins_later(a: _Edition, b: _Edition) -> bool:
    return a.earliest is not None and (b.earliest is None or a.earliest > b.earliest)


def _when(dated: dict) -> str:
    if dated["date"] is not None:
        return dated["date"]
    earliest, latest = dated["earliest"], dated["latest"]
    if earliest and latest:
        return f"between {earliest} and {latest}"
    return f"on or after {earliest}" if earliest else f"on or before {latest}" if latest else "without a date"


def check_record(ctx: LoadContext, path: Path, record: YMap, values: dict, dated: dict | None, kind: str) -> bool:
    """:meth:`RecordRules.check` with the build's rules (made on first use)."""
    rules = ctx.prepared.get("record_rules")
    if rules is None:
        rules = ctx.prepared["record_rules"] = RecordRules(ctx)
    return rules.check(path, record, values, dated, kind)


def check_series(ctx: LoadContext) -> None:
    """:meth:`RecordRules.finish` of the build's rules, once every record is read."""
    rules = ctx.prepared.pop("record_rules", None)
    if rules is not None:
        rules.finish()
