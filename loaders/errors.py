"""Located problems in seed files: ``path:line: field: what is wrong; what was expected``.

Loaders never raise on bad input; they add a :class:`Problem` to a
:class:`Problems` collector and go on, so one run reports every defect.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Where paths are shown from: the current folder, or the project folder once a command has found
# it (icadb.cli sets it), so that problems read seeds/records/... from anywhere inside the project.
display_base: Path | None = None


def display_path(path: Path | str) -> str:
    """A path as the user should see it: relative to :data:`display_base` (or the current folder) when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to((display_base or Path.cwd()).resolve()))
    except (ValueError, OSError):
        return str(p)


def did_you_mean(value: object, choices: Iterable[str]) -> str | None:
    """The closest of *choices* to *value*, if one is close enough to suggest."""
    if not isinstance(value, str) or not value:
        return None
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered and lowered[value.lower()] != value:
        return lowered[value.lower()]
    anagrams = [c for c in choices if len(c) == len(value) and sorted(c.lower()) == sorted(value.lower())]
    if len(anagrams) > 1:  # RSU: RUS rather than SUR, by the first letter
        anagrams = [c for c in anagrams if c[:1].lower() == value[:1].lower()]
    if len(anagrams) == 1:  # transposed letters: KZA for KAZ
        return anagrams[0]
    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return found[0] if found else None


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}"
        if self.hint:
            text += f"; did you mean {self.hint!r}?"
        return text


@dataclass
class Problems:
    """Collects problems (which fail the build) and notes (which do not)."""

    items: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    limit: int = 1000
    # Files that could not be read to the end: what they hold is unknown, so a
    # reference into them is not reported as dangling (the file's own problem is).
    unreadable: set[str] = field(default_factory=set)
    _stops: int = 0  # problems that stopped the reading of a file, listed first (see alone)

    def add(
        self,
        path: Path | str,
        line: int | None,
        field_name: str,
        message: str,
        hint: str | None = None,
    ) -> None:
        if len(self.items) < self.limit:
            self.items.append(Problem(display_path(path), line, field_name, message, hint))
        elif len(self.items) == self.limit:
            self.items.append(
                Problem("(all files)", None, "(limit)", f"more than {self.limit} problems; stopped listing")
            )

    def mark_unreadable(self, path: Path | str) -> None:
        self.unreadable.add(display_path(path))

    def alone(self, path: Path | str, since: int) -> None:
        """Report the problem that stopped the reading of *path* (malformed
        YAML, a byte that is not UTF-8: the last one added for it) on its own
        and before every other: the problems the loaders found since *since*
        in the records read before it are dropped, for a syntax error can cut
        a record short (a field that was cut off is not missing)."""
        shown = display_path(path)
        mine = [index for index in range(since, len(self.items)) if self.items[index].path == shown]
        if not mine:
            return
        stop = self.items[mine[-1]]
        dropped = set(mine)
        kept = [problem for index, problem in enumerate(self.items) if index not in dropped]
        kept.insert(self._stops, stop)
        self._stops += 1
        self.items = kept

    def note(self, path: Path | str, message: str) -> None:
        self.notes.append(f"{display_path(path)}: note: {message}")

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class SeedError(Exception):
    """The seeds have problems; the build stops and the old database is left alone."""

    def __init__(self, problems: Problems):
        self.problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the seeds")
