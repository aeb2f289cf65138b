"""Records as YAML text in the seeds' own layout, one block per record.

Written by hand rather than by ``yaml.dump`` so that the blocks read like
the curated ones (key order, block lists, a blank line between records) and
so that ``icadb accept`` can move one block into ``seeds/records/`` and a
git diff shows exactly one added record. Every scalar goes through
``yaml.safe_dump``, so quoting is always right.
"""

from __future__ import annotations

import yaml

ORDER = ("id", "add_evidence_to", "kind", "title", "summary", "status", "category", "date", "date_precision",
         "date_basis", "date_note", "end_date", "end_date_precision", "date_earliest", "date_latest", "place",
         "place_note", "review_status", "series", "edition", "meeting_level", "agreement_type", "exercise_name",
         "proposal_type", "facility_type", "activity_type", "format", "frequency", "mode", "sidelines_of", "made_at",
         "note", "countries", "organizations", "people", "figures", "evidence", "draft_notes")


def scalar(value) -> str:
    """One YAML scalar on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1 << 30).rstrip("\n")
    return text[:-4].rstrip("\n") if text.endswith("\n...") else text


def _ordered(record: dict) -> list[str]:
    keys = [k for k in ORDER if k in record]
    keys += [k for k in record if k not in keys and not k.startswith("_")]
    return [k for k in keys if record[k] is not None and not k.startswith("_")]


def block(record: dict) -> str:
    """*record* as one list item of a seeds file (ends with a newline)."""
    lines: list[str] = []
    for index, key in enumerate(_ordered(record)):
        lead = "- " if index == 0 else "  "
        value = record[key]
        if isinstance(value, list):
            lines.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict):
                    keys = [k for k in item if item[k] is not None and not k.startswith("_")]
                    for n, sub in enumerate(keys):
                        lines.append(f"    {'- ' if n == 0 else '  '}{sub}: {scalar(item[sub])}")
                else:
                    lines.append(f"    - {scalar(item)}")
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            for sub, item in value.items():
                lines.append(f"    {sub}: {scalar(item)}")
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def document(records: list[dict], header: str) -> str:
    """A whole seeds file: a comment header, then the records, a blank line apart."""
    body = "\n".join(block(r) for r in records)
    return header.rstrip("\n") + "\n\n" + body if records else header.rstrip("\n") + "\n\n[]\n"
