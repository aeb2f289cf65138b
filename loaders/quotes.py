"""Evidence quotes: finding a quote in its document, and saying where it is not.

A quote must be the document's own words. It is looked up exactly first,
then with every run of whitespace taken as one space (a quote copied from a
rendered page loses the line breaks); the stored quote is always the
document's own text between the offsets found.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from icadb.loaders.context import LoadContext


class DocumentTexts:
    """The stored texts of the documents and where quotes sit in them (a mixin
    of the load context, which has ``conn`` and the caches)."""

    def document_text(self, document_id: str) -> str:
        """The stored text of a document (from the database being built, cached)."""
        text = self._texts.get(document_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM documents WHERE document_id = ?", (document_id,)).fetchone()
            text = row[0] if row else ""
            self._texts[document_id] = text
            if len(self._texts) > 256:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(document_id)
        return text

    def normalised_text(self, document_id: str) -> tuple[str, list[int]]:
        cached = self._normalised.get(document_id)
        if cached is None:
            cached = normalise_whitespace(self.document_text(document_id))
            self._normalised[document_id] = cached
            if len(self._normalised) > 64:
                self._normalised.popitem(last=False)
        return cached

    def locate_quote(self, document_id: str, quote: str) -> tuple[int, int] | None:
        """Offsets of *quote* in the document's stored text (exact first, then
        with runs of whitespace treated as one space)."""
        if self._located[0] == (document_id, quote):  # loaders check a quote, then ask where it is
            return self._located[1]
        found = self._locate_quote(document_id, quote)
        self._located = ((document_id, quote), found)
        return found

    def _locate_quote(self, document_id: str, quote: str) -> tuple[int, int] | None:
        text = self.document_text(document_id)
        start = text.find(quote)
        if start >= 0:
            return start, start + len(quote)
        wanted = " ".join(quote.split())
        if not wanted:
            return None
        norm, index = self.normalised_text(document_id)
        at = norm.find(wanted)
        if at < 0:
            return None
        return index[at], index[at + len(wanted) - 1] + 1

    def closest_passage(self, document_id: str, quote: str) -> str:
        """The passage of the document most like *quote*, to show the curator."""
        import difflib

        text = self.document_text(document_id)
        if not text:
            return ""
        words = " ".join(quote.split())
        matcher = difflib.SequenceMatcher(None, text, words, autojunk=False)
        match = matcher.find_longest_match(0, len(text), 0, len(words))
        start = max(0, match.a - match.b)
        end = min(len(text), start + len(words) + 20)
        passage = " ".join(text[start:end].split())
        return passage if len(passage) <= 240 else passage[:237] + "..."



def normalise_whitespace(text: str) -> tuple[str, list[int]]:
    """*text* with every run of whitespace as one space, and the index in
    *text* of each character kept."""
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                index.append(i)
            in_space = True
        else:
            out.append(ch)
            index.append(i)
            in_space = False
    return "".join(out), index


def check_source(ctx: LoadContext, path: Path, line: int, label: str, source: dict) -> tuple[str, str] | None:
    """Check a ``{document, quote}`` pair; return (document_id, verbatim quote) or None."""
    located = ctx.locate_quote(source["document"], source["quote"])
    if located is None:
        passage = ctx.closest_passage(source["document"], source["quote"])
        ctx.problems.add(
            path, line, f"{label}.quote",
            f"not found in document {source['document']!r}; expected a verbatim quote"
            + (f" (closest passage: {passage!r})" if passage else ""),
        )
        return None
    start, end = located
    return source["document"], ctx.document_text(source["document"])[start:end]


