"""Field specs: what each field of a seed record may hold, and how to say so.

A loader describes its seed file as a spec of :class:`Field` objects; the
checks (``icadb.loaders.checks``) hold every value against its field and
report what was expected in the field's own words (:meth:`Field.describe`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from icadb.schema import vocab
from icadb.loaders.yamlread import YMap, YSeq

@dataclass(frozen=True)
class Field:
    """One field of a seed record.

    *kind* is one of: text, int, number, bool, slug, vocab, ref, date (checked
    later against its precision), day, list (of mappings, each checked against
    *item*), texts (a list of strings, returned as (text, line) pairs).
    ``ref`` fields name a registry in the load context (countries, documents,
    organizations, people, places); ``list`` fields hold mappings checked
    against *item*.
    """

    name: str
    kind: str = "text"
    required: bool = True
    vocab: Mapping[str, str] | None = None
    ref: str | None = None
    item: Mapping[str, Field] | None = None
    min_items: int = 0
    expected: str | None = None

    def describe(self) -> str:
        if self.expected:
            return self.expected
        if self.kind == "vocab" and self.vocab is not None:
            return "one of " + ", ".join(self.vocab)
        return {
            "text": "text",
            "int": "a whole number",
            "number": "a number",
            "bool": "true or false",
            "slug": "an id of lowercase letters, digits and hyphens",
            "ref": f"an id from {REGISTRY_SOURCES.get(self.ref or '', self.ref)}",
            "day": "a day, YYYY-MM-DD",
            "date": "a date at its date_precision (YYYY-MM-DD, YYYY-MM or YYYY)",
            "list": "a list",
            "texts": "a list of text",
        }.get(self.kind, self.kind)


def spec(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


REGISTRY_SOURCES = {
    "countries": "the ISO 3166-1 alpha-3 codes (e.g. IND, KAZ)",
    "documents": "seeds/documents/*.yaml",
    "organizations": "seeds/reference/organizations.yaml",
    "people": "seeds/reference/people.yaml",
    "places": "seeds/reference/places.yaml",
}


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, YMap) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, YSeq) or isinstance(value, list):
        return "a list"
    return repr(value)


SLUG = re.compile(r"[a-z0-9-]+")


def is_slug(value: str) -> bool:
    """Lowercase ASCII letters, digits and hyphens, at least one."""
    return SLUG.fullmatch(value) is not None


# ------------------------------------------------------------ shared specs

SOURCE_SPEC = spec(
    Field("document", "ref", ref="documents"),
    Field("quote", "text", expected="a verbatim quote from the document"),
)

ROLE_FIELD = Field("role", "vocab", vocab=vocab.ROLE)
NOTE_FIELD = Field("note", "text", required=False)

