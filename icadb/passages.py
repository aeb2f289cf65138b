"""A document's text as paragraphs, with marked spans (quotes, sentences) in them.

The record and document pages show quotes where they stand in their
articles. :func:`paragraphs` cuts a text into paragraphs, keeping character
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
# A line ends its paragraph at a single line break when it ends a sentence or a quotation, or is short (a
# headline, a byline); a long line that ends mid-sentence was wrapped by hand and goes on in the next line.
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")", "]")
WRAPPED_LINE = 60  # characters: a line at least this long, ending mid-sentence, is a wrapped one
# A date line that opens an article ("date 2023-10-17 India has offered ..."): shown as a line of its own.
_DATELINE = re.compile(r"(?:date|dated|updated:?)\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    position: int  # 0, 1, ... in the document
    start: int
    end: int
    text: str
    kind: str = "text"  # or "dateline": the date line an article opens with
    until: int | None = None  # where the next paragraph starts (the end of the text for the last one)


@dataclass(frozen=True)
class Span:
    """Part of a text to mark: [start, end) in the document, a kind (the CSS
    class: cited, suggested, uncited, conflict) and what the page shows about it."""

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
    """The text's paragraphs, stripped, with their offsets: blocks between blank
    lines, each cut again at a single line break that ends a paragraph (an
    article pasted with one line per paragraph); a date line opening the
    article is a paragraph of its own (kind "dateline")."""
    out: list[Paragraph] = []

    def add(start: int, end: int, kind: str = "text") -> None:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            out.append(Paragraph(len(out), start + lead, start + lead + len(body), body, kind))

    start = 0
    for gap in [*_BLANK_LINES.finditer(text), None]:
        end = gap.start() if gap else len(text)
        line_start = start
        for at in [i for i in range(start, end) if text[i] == "\n"]:
            line = text[line_start:at].strip()
            if line.endswith(_SENTENCE_END) or len(line) < WRAPPED_LINE:
                add(line_start, at)
                line_start = at + 1
        add(line_start, end)
        if gap:
            start = gap.end()
    if out and (date := _DATELINE.match(out[0].text)):
        first = out.pop(0)
        head = [Paragraph(0, first.start, first.start + date.end(), date.group(), "dateline")]
        remainder = first.text[date.end():]
        if remainder.strip():
            lead = len(remainder) - len(remainder.lstrip())
            head.append(Paragraph(1, head[0].end + lead, first.end, remainder.strip()))
        out = head + [Paragraph(i + len(head), p.start, p.end, p.text, p.kind) for i, p in enumerate(out)]
    starts = [p.start for p in out[1:]] + [len(text)]
    return [Paragraph(p.position, p.start, p.end, p.text, p.kind, until) for p, until in zip(out, starts)]


def overlapping(paras: list[Paragraph], start: int, end: int) -> list[Paragraph]:
    """The paragraphs that [start, end) touches."""
    return [p for p in paras if p.start < end and start < p.end]


def marked(paragraph: Paragraph, spans: list[Span]) -> list[Run]:
    """The paragraph cut into runs at every span boundary inside it. A span that
    goes on into the next paragraph does not end here (its links come after
    its last words, not after each paragraph it crosses)."""
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
                        ending=[s for s in covering if min(s.end, paragraph.end) == b
                                and s.end <= (paragraph.until if paragraph.until is not None else paragraph.end)]))
    return runs
