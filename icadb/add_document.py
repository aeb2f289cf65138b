"""``icadb add-document``: put a new article into seeds/documents/ with its metadata.

The text is stored exactly as given (a UTF-8 byte-order mark, which is not
text, is dropped with a note). The metadata records the SHA-256 of the text,
so the build can tell if it is ever edited. An empty, non-UTF-8 or duplicate
file is refused with a message that says why.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from icadb.loaders import dates


class AddError(ValueError):
    """The file cannot be added; the message says why and what to do."""


@dataclass
class Added:
    document_id: str
    text_path: Path
    meta_path: Path
    notes: list[str] = field(default_factory=list)


# Words a document id does not end on: cut there, "...-talks-in" reads as a title cut short.
DANGLING = {"a", "about", "after", "against", "amid", "an", "and", "as", "at", "before", "between", "but", "by",
            "for", "from", "in", "into", "its", "of", "on", "or", "over", "than", "that", "the", "their", "to",
            "with", "without"}
_DASHES = re.compile("[\u2010-\u2015\u2212]")


def slugify(text: str, limit: int = 60) -> str:
    """The title as an id: lower-case ASCII words joined by hyphens, at most *limit*
    characters, cut only between words (a hyphenated word such as
    counter-terrorism is one word) and never after a dangling short word."""
    folded = unicodedata.normalize("NFKD", _DASHES.sub("-", text)).encode("ascii", "ignore").decode().lower()
    words = [w for w in ("-".join(re.findall(r"[a-z0-9]+", token)) for token in folded.split()) if w]
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in DANGLING:
        kept.pop()
    if not kept and words:  # one word longer than the limit: cut it at a hyphen if it has one
        kept = [words[0][:limit + 1].rsplit("-", 1)[0] if "-" in words[0][:limit + 1] else words[0][:limit]]
    return "-".join(kept) or "document"


def existing_hashes(folder: Path) -> dict[str, str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p.stem for p in sorted(folder.glob("*.txt"))}


def add_document(file: Path, *, title: str, publisher: str | None, published_on: str, seeds: Path,
                 url: str | None = None, date_basis: str = "stated", date_note: str | None = None,
                 title_basis: str = "stated", note: str | None = None) -> Added:
    folder = seeds / "documents"
    notes: list[str] = []
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise AddError(f"{file}: cannot be read ({exc.strerror}); expected a text file") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append(f"{file}: note: dropped the UTF-8 byte-order mark at the start (it is not part of the text)")
    if not data.strip():
        raise AddError(f"{file}: file is empty; expected the article's text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AddError(f"{file}:{line}: not valid UTF-8 text ({exc.reason} at byte {exc.start}); "
                       "expected UTF-8 text (save the file as UTF-8 and try again)") from None
    digest = hashlib.sha256(data).hexdigest()
    duplicate = existing_hashes(folder).get(digest)
    if duplicate:
        raise AddError(f"{file}: same text as the document {duplicate!r} (seeds/documents/{duplicate}.txt); "
                       "expected an article not yet in the corpus")
    precision = dates.precision_of(str(published_on))
    if precision is None:
        raise AddError(f"--published-on {published_on!r} is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        dates.parse(published_on, precision)
    except dates.DateError as exc:
        raise AddError(f"--published-on: {exc}") from None
    if date_basis == "inferred" and not date_note:
        raise AddError("--date-basis inferred needs --date-note saying how the date was worked out")
    if not title.strip():
        raise AddError("--title is empty; expected the article's headline")
    if url and not url.startswith(("https://", "http://")):
        raise AddError(f"--url {url!r} is not a web address; expected https://...")
    base = f"{published_on}-{slugify(title)}"
    document_id, n = base, 2
    while (folder / f"{document_id}.txt").exists() or (folder / f"{document_id}.yaml").exists():
        document_id, n = f"{base}-{n}", n + 1
    meta = {
        "id": document_id,
        "title": title.strip(),
        "title_basis": title_basis,
        "publisher": publisher or None,
        "published_on": published_on,
        "date_precision": precision,
        "date_basis": date_basis,
        "date_note": date_note or None,
        "url": url or "",
        "original_filename": file.name,
        "sha256": digest,
        "note": note or None,
    }
    text_path, meta_path = folder / f"{document_id}.txt", folder / f"{document_id}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(data)
    meta_path.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    return Added(document_id, text_path, meta_path, notes)
