"""Evidence quotes: finding a quote in its document, and saying where it is not.

A quote must be the document's own words. It is looked up exactly first,
then with every run of whitespace taken as one space (a quote copied from a
rendered page loses the line breaks); the stored quote is always the
document's own text between the offsets found.
"""

from __future__ import annotations

import re
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

    def closest_passage(self, document_id: str, quote: str) -> tuple[str, list[str]]:
        """The passage of the document most like *quote*, and the words that differ (:func:`closest_passage`)."""
        return closest_passage(self.document_text(document_id), quote)


_WORD = re.compile(r"\S+")
NEAR_MISS = 0.6  # a quote whose words are at least this share of the passage's words, in order, is a near miss
MAX_DIFFERENCES = 3


def closest_passage(text: str, quote: str) -> tuple[str, list[str]]:
    """The passage of *text* most like *quote*, whole words from the first to
    the last, and, when the quote is a near miss of it (most of its words, in
    order, and at most three places where they differ), each place where they
    differ: ``'Nikolay' in the document where the quote has 'Nikolai'``. An
    invented quote gets the passage alone. ("", []) when nothing is alike."""
    import bisect
    import difflib

    words = quote.split()
    if not text or not words:
        return "", []
    wanted = " ".join(words)
    match = difflib.SequenceMatcher(None, text, wanted, autojunk=False).find_longest_match(0, len(text), 0, len(wanted))
    if match.size == 0:
        return "", []
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    at = max(0, bisect.bisect_right([start for start, _ in spans], match.a) - 1)  # the document's word at the match
    first = max(0, at - wanted[:match.b].count(" "))  # lined up with the quote's first word
    lo = max(0, first - MAX_DIFFERENCES)  # room either side for words the quote adds or leaves out
    theirs = [text[a:b] for a, b in spans[lo:first + len(words) + MAX_DIFFERENCES]]
    ops = [list(op) for op in difflib.SequenceMatcher(None, theirs, words, autojunk=False).get_opcodes()]
    while ops and ops[0][0] == "delete":  # the document's words before the quote starts ...
        ops.pop(0)
    while ops and ops[-1][0] == "delete":  # ... and after it ends
        ops.pop()
    if ops and ops[0][0] == "replace":  # of a first word that differs, only as many words as the quote has
        ops[0][1] = max(ops[0][1], ops[0][2] - (ops[0][4] - ops[0][3]))
    if ops and ops[-1][0] == "replace":
        ops[-1][2] = min(ops[-1][2], ops[-1][1] + (ops[-1][4] - ops[-1][3]))
    same = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    changes = [op for op in ops if op[0] != "equal"]
    near = same >= NEAR_MISS * len(words) and len(changes) <= MAX_DIFFERENCES
    if near:
        start, end = spans[lo + ops[0][1]][0], spans[lo + ops[-1][2] - 1][1]
    else:  # as many of the document's words as the quote has, from the one lined up with its first
        start, end = spans[first][0], spans[min(first + len(words), len(spans)) - 1][1]
    passage = " ".join(text[start:end].split())
    if len(passage) > 240:
        passage = passage[:237].rsplit(" ", 1)[0] + " ..."
    if not near:
        return passage, []
    differences = []
    for tag, i1, i2, j1, j2 in changes:
        ours, doc = " ".join(words[j1:j2]), " ".join(theirs[i1:i2])
        if tag == "replace":
            differences.append(f"{doc!r} in the document where the quote has {ours!r}")
        elif tag == "delete":
            differences.append(f"{doc!r} in the document, which the quote leaves out")
        else:
            differences.append(f"{ours!r} in the quote, which the document does not have there")
    return passage, differences


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
        passage, differences = ctx.closest_passage(document, source["quote"])
        ctx.problems.add(
            path, line, f"{label}.quote",
            f"not found in document {document!r}; expected a verbatim quote"
            + (f" (closest passage: {passage!r}" + "".join(f"; {d}" for d in differences) + ")" if passage else ""),
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
