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

The rules of review (:meth:`RecordRules.check_reading`) hold a record a
person entered or checked (not a machine-suggested draft: it meets them when
accepted) to what its text says, with the wordings of :mod:`schema.vocab`
("reading rules"):

- **A Central Asian state is linked only where the text names it**, or names
  a place in it that is the record's place, or says all five at once
  (``ALL_FIVE_WORDING``); the five as the targets of an offer may rest on the
  group named after the word that makes the offer (``GROUP_ADDRESSEE_WORDING``).
- **A role that needs a named addressee** (``ADDRESSEE_ROLES``: target) is
  named in a quote after one of ``OFFER_WORDS``.
- **An inferred date's note quotes its dating words and names its
  assumption**: every passage it puts in double quotes is the words of a
  document the record cites, there is at least one, and the note says what it
  assumes (``ASSUMPTION_WORDING``).

``loaders/records.py`` calls :func:`check_record` for each record (reviewed or
drafted), and ``loaders/drafts.py``, which loads after every records file,
:func:`check_series` once all are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from icadb.loaders import dates
from icadb.loaders.errors import Problems, display_path
from icadb.schema import vocab
from icadb.loaders.text import Gazetteer
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
        self._gazetteer: Gazetteer | None = None  # read from the aliases table when first needed
        self._place_country: dict[str, str] | None = None
        self._readings: dict[str, _Reading] = {}

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

    # -- the rules of review ------------------------------------------------------

    def check_reading(self, path: Path, record: YMap, values: dict) -> bool:
        """The rules of review for a record a person entered or checked (a
        machine-suggested draft is exempt until accepted); return False if it
        broke one. Checks only what passed its own field checks."""
        if values.get("review_status") in (None, "machine_suggested") or "evidence" not in values:
            return True
        evidence = values["evidence"] or ()
        whole = len(evidence) == len(record.get("evidence") or ())  # else a quote failed its own check (reported)
        ok = self._date_note_reads(path, record, values, evidence if whole else None)
        return (not whole or self._links_named(path, values, [item["quote"] for item in evidence])) and ok

    def _reading(self, quote: str) -> _Reading:
        reading = self._readings.get(quote)
        if reading is None:
            if self._gazetteer is None:
                self._gazetteer = Gazetteer.from_db(self.ctx.conn)
            reading = self._readings[quote] = _Reading.of(quote, self._gazetteer)
            if len(self._readings) > 4096:  # a quote is read by the few records that cite it
                self._readings.pop(next(iter(self._readings)))
        return reading

    def _place_of(self, place: str | None) -> str | None:
        if place is None:
            return None
        if self._place_country is None:
            self._place_country = dict(self.ctx.conn.execute("SELECT place_id, country_iso3 FROM places").fetchall())
        return self._place_country.get(place)

    def _links_named(self, path: Path, values: dict, quotes: list[str]) -> bool:
        """Each Central Asian state linked is named (or covered by all-five
        wording); each entity in a role that needs an addressee is named after
        the word that makes the offer. One problem per field and role."""
        readings = [self._reading(q) for q in quotes]
        place_country = self._place_of(values.get("place"))
        ok = True
        for field, key, entity_type in (("countries", "iso3", "country"), ("organizations", "org", "organization"),
                                        ("people", "person", "person")):
            items = values.get(field) or ()
            group_targets = field == "countries" and set(vocab.CENTRAL_ASIA) <= {
                i[key] for i in items if i["role"] in vocab.ADDRESSEE_ROLES}
            missed: dict[str, list[tuple[int, dict]]] = {}
            for index, item in enumerate(items, start=1):
                name, role = item[key], item["role"]
                if role in vocab.ADDRESSEE_ROLES:
                    named = any(r.names_after_offer(entity_type, name) or (group_targets and r.group_after_offer)
                                for r in readings)
                elif field == "countries" and name in vocab.CENTRAL_ASIA:
                    named = name == place_country or any(r.names(entity_type, name) or r.all_five for r in readings)
                else:
                    continue
                if not named:
                    missed.setdefault(role, []).append((index, item))
            for role, items_missed in missed.items():
                self._unnamed(path, field, key, role, items_missed)
                ok = False
        return ok

    def _unnamed(self, path: Path, field: str, key: str, role: str, missed: list[tuple[int, dict]]) -> None:
        index, first = missed[0]
        names = [item[key] for _i, item in missed]
        one = len(names) == 1
        who = names[0] if one else ", ".join(names[:-1]) + " and " + names[-1]
        linked = f"{who} {'is' if one else 'are'} linked as {role}"
        if role in vocab.ADDRESSEE_ROLES:
            problem = (f"{linked}, but no evidence quote names {'it' if one else 'them'} after the word that makes the "
                       "offer (offered, invited, proposed, sought ...); expected a quote that names the addressee after "
                       "that word (the five Central Asian states as a group: e.g. \"offered its assistance to Central "
                       "Asian states\"), or, where the text names none, no target")
        else:
            names_it = "it (or, as the record's place, a place in it)" if one else "each"
            problem = (f"{linked}, but {'it is' if one else 'they are'} named in none of this record's evidence quotes, "
                       f"and none says all five Central Asian states; expected a quote that names {names_it}, or one "
                       "that covers all five (e.g. \"all five Central Asian states\"), or no link")
        self.ctx.problems.add(path, first["__line__"], f"{field}[{index}]", problem)

    def _date_note_reads(self, path: Path, record: YMap, values: dict, evidence) -> bool:
        """An inferred date's note quotes words of the documents the record
        cites (all it quotes, and at least once) and names its assumption."""
        note = values.get("date_note")
        if values.get("date_basis") != "inferred" or not note:
            return True
        line = record.line_of("date_note")
        add = self.ctx.problems.add
        ok = True
        cited = list(dict.fromkeys(item["document"] for item in evidence or ()))
        if cited and all(isinstance(self.documents.get(d), dict) for d in cited):  # else its own problem is reported
            passages = [a or b for a, b in _QUOTED.findall(note)]
            for passage in passages:
                if not any(self._in_document(d, passage) for d in cited):
                    add(path, line, "date_note",
                        f"quotes {passage!r}, which is in none of the documents this record cites ({', '.join(cited)}); "
                        "expected the words as a cited document writes them")
                    ok = False
            if not passages:
                add(path, line, "date_note",
                    "quotes none of the words the inferred date is worked out from; expected those words in double "
                    "quotes, as a document this record cites writes them (e.g. \"on Wednesday\")")
                ok = False
        if not _ASSUMPTION.search(note):
            add(path, line, "date_note",
                "does not say what the inferred date assumes; expected a sentence that names it, with assumes, "
                "assumed or assumption (e.g. \"This assumes the meeting was held the day the officials arrived.\")")
            ok = False
        return ok

    def _in_document(self, document_id: str, passage: str) -> bool:
        """Each part of *passage* (split at an ellipsis) is in the document; a
        passage may begin with a capital where the text has none, or the other way."""
        for part in filter(None, (p.strip() for p in _ELLIPSIS.split(passage))):
            if not any(self.ctx.locate_quote(document_id, form) for form in (part, part[:1].swapcase() + part[1:])):
                return False
        return True

    def finish(self) -> None:
        """The editions of each series are unique and rise with the date: a
        later edition does not lie wholly before an earlier one. A clash is
        reported at whichever of the two records was read later (a draft, or
        the record added last to its file), naming the other."""
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
                    at, other, side = ((entry, latest_start, "before") if entry.order > latest_start.order
                                       else (latest_start, entry, "after"))
                    problems.add(at.path, at.line, "edition",
                                 f"{at.edition} of series {series!r} is dated {at.when}, {side} edition "
                                 f"{other.edition} ({display_path(other.path)}:{other.line}), "
                                 f"dated {other.when}; expected editions that rise with the date")
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


def _phrases(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_OFFER = _phrases(vocab.OFFER_WORDS)
_ALL_FIVE = _phrases(vocab.ALL_FIVE_WORDING)
_GROUP = _phrases(vocab.GROUP_ADDRESSEE_WORDING)
_PART_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(vocab.PART_OF_GROUP) + r")\s+(?:the\s+)?$", re.IGNORECASE)
_ASSUMPTION = _phrases(vocab.ASSUMPTION_WORDING)
_QUOTED = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d')
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")


@dataclass(frozen=True)
class _Reading:
    """What the reading rules need of one quote: who it names and where, where
    its first offer word ends, and where it names the Central Asian states as
    all five or as a group."""

    mentions: tuple[tuple[int, str, str], ...]  # (start, entity_type, entity_id)
    offer_end: int | None
    all_five: bool
    groups: tuple[int, ...]  # starts of the group wordings (and all-five wordings) that cover all the states

    @classmethod
    def of(cls, quote: str, gazetteer: Gazetteer) -> _Reading:
        offer = _OFFER.search(quote)
        five = [m.start() for m in _ALL_FIVE.finditer(quote)]
        groups = [m.start() for m in _GROUP.finditer(quote) if not _PART_BEFORE.search(quote, 0, m.start())]
        return cls(tuple((m.start, m.entity_type, m.entity_id) for m in gazetteer.mentions(quote)),
                   offer.end() if offer else None, bool(five), tuple(sorted(five + groups)))

    def names(self, entity_type: str, entity_id: str) -> bool:
        return any(t == entity_type and i == entity_id for _s, t, i in self.mentions)

    def names_after_offer(self, entity_type: str, entity_id: str) -> bool:
        return self.offer_end is not None and any(
            s >= self.offer_end and t == entity_type and i == entity_id for s, t, i in self.mentions)

    @property
    def group_after_offer(self) -> bool:
        return self.offer_end is not None and any(s >= self.offer_end for s in self.groups)


def check_record(ctx: LoadContext, path: Path, record: YMap, values: dict, dated: dict | None, kind: str) -> bool:
    """:meth:`RecordRules.check` and :meth:`RecordRules.check_reading` with the
    build's rules (made on first use)."""
    rules = ctx.prepared.get("record_rules")
    if rules is None:
        rules = ctx.prepared["record_rules"] = RecordRules(ctx)
    ok = rules.check(path, record, values, dated, kind)
    return rules.check_reading(path, record, values) and ok


def check_series(ctx: LoadContext) -> None:
    """:meth:`RecordRules.finish` of the build's rules, once every record is read."""
    rules = ctx.prepared.pop("record_rules", None)
    if rules is not None:
        rules.finish()
