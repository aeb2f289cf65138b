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
    """Check a ``{document, quote}`` pair; return (document_id, verbatim quote) or None.

    A problem is reported at the quote's own line (*line* is the item's).
    """
    located = ctx.locate_quote(source["document"], source["quote"])
    if located is None:
        line = source.get("__lines__", {}).get("quote", line)
        document = source["document"]
        differences = punctuation_differences(ctx.normalised_text(document)[0], source["quote"])
        if differences:
            ctx.problems.add(path, line, f"{label}.quote",
                             f"not found in document {document!r}: it differs from the document only in punctuation, "
                             + " and ".join(differences) + "; expected a verbatim quote, with the document's own characters")
            return None
        passage = ctx.closest_passage(document, source["quote"])
        ctx.problems.add(
            path, line, f"{label}.quote",
            f"not found in document {document!r}; expected a verbatim quote"
            + (f" (closest passage: {passage!r})" if passage else ""),
        )
        return None
    start, end = located
    return source["document"], ctx.document_text(source["document"])[start:end]


# Characters a quote copied by hand or through another program may have in the
# place of the document's own: apostrophes and single quotes, double quotes,
# dashes and hyphens. Each is read as its plain ASCII form to find where a quote
# differs from the text only in them.
_LOOKALIKES = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4",
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad",
}
_FOLD = str.maketrans({ch: plain for plain, chars in _LOOKALIKES.items() for ch in chars})


def punctuation_differences(norm: str, quote: str) -> list[str]:
    """Where *quote* differs from a document only in look-alike punctuation
    (a curly for a straight apostrophe, an en dash for a hyphen ...): one
    description per pair of characters, e.g. ``'’' (U+2019) in the document
    where the quote has "'" (U+0027) (in "militants’ groups")``. Empty when the
    quote differs in anything else too. *norm* is the document's text with
    runs of whitespace as one space (:func:`normalise_whitespace`)."""
    wanted = " ".join(quote.split())
    if not wanted:
        return []
    at = norm.translate(_FOLD).find(wanted.translate(_FOLD))
    if at < 0:
        return []
    found = norm[at:at + len(wanted)]
    pairs: dict[tuple[str, str], str] = {}
    for offset, (theirs, ours) in enumerate(zip(found, wanted)):
        if theirs != ours and (theirs, ours) not in pairs:
            pairs[(theirs, ours)] = _words_around(found, offset)
    return [f"{theirs!r} (U+{ord(theirs):04X}) in the document where the quote has {ours!r} (U+{ord(ours):04X})"
            f" (in {context!r})" for (theirs, ours), context in pairs.items()]


def _words_around(text: str, offset: int) -> str:
    """The word of *text* at *offset*, with the words either side."""
    start = text.rfind(" ", 0, offset)
    start = text.rfind(" ", 0, start) if start > 0 else start
    end = text.find(" ", offset + 1)
    end = text.find(" ", end + 1) if end >= 0 else end
    return text[start + 1:end if end >= 0 else len(text)].strip()
