"""A document's text as paragraphs, with marked spans (quotes, sentences) in them.

The record and document pages show quotes where they stand in their
articles. :func:`paragraphs` cuts a text at blank lines, keeping character
offsets into the stored text (the offsets of ``evidence``, ``sentences`` and
``conflict_quotes``); :func:`marked` cuts one paragraph into runs of text,
each with the spans that cover it, so a page can highlight them (spans may
overlap: two records citing one sentence) and put an anchor where a span
starts and links where it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Paragraph:
    position: int  # 0, 1, ... in the document
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    """Part of a text to mark: [start, end) in the document, a kind (the CSS
    class: cited, suggested, uncited, disputed) and what the page shows about it."""

    start: int
    end: int
    kind: str
    info: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    key: str | None = None  # what the span stands for (a record id, a conflict id): links are made once per key


@dataclass
class Run:
    """A stretch of a paragraph covered by the same spans."""

    start: int
    end: int
    text: str
    spans: list[Span]  # covering this run
    anchor: bool = False  # a span starts here: the run carries the id ``at-<start>``
    ending: list[Span] = field(default_factory=list)  # spans that end with this run

    @property
    def kinds(self) -> list[str]:
        """The kinds of span covering the run (its CSS classes); "sentence" spans only place anchors."""
        return sorted({s.kind for s in self.spans} - {"sentence"})

    @property
    def closing(self) -> list[Span]:
        """The spans that end here, one per kind and key, for the links after the run."""
        seen: dict[tuple[str, str | None], Span] = {}
        for span in self.ending:
            if span.kind != "sentence":
                seen.setdefault((span.kind, span.key), span)
        return list(seen.values())


def paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs (separated by blank lines), stripped, with their offsets."""
    out: list[Paragraph] = []
    start = 0
    for gap in [*_BLANK_LINES.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            out.append(Paragraph(len(out), start + lead, start + lead + len(body), body))
        if gap:
            start = gap.end()
    return out


def overlapping(paras: list[Paragraph], start: int, end: int) -> list[Paragraph]:
    """The paragraphs that [start, end) touches."""
    return [p for p in paras if p.start < end and start < p.end]


def marked(paragraph: Paragraph, spans: list[Span]) -> list[Run]:
    """The paragraph cut into runs at every span boundary inside it."""
    inside = [s for s in spans if s.start < paragraph.end and paragraph.start < s.end]
    cuts = {paragraph.start, paragraph.end}
    for span in inside:
        cuts.update(c for c in (span.start, span.end) if paragraph.start < c < paragraph.end)
    bounds = sorted(cuts)
    starts = {s.start for s in inside}
    runs = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [s for s in inside if s.start < b and a < s.end]
        runs.append(Run(a, b, paragraph.text[a - paragraph.start:b - paragraph.start], covering, anchor=a in starts,
                        ending=[s for s in covering if min(s.end, paragraph.end) == b]))
    return runs
