"""Entries for the knowledge base, proposed by the corpus: people and organisations it keeps naming that the
KB does not know, written in the KB's own YAML so that a curator reviews them and `kb_merge` adds them.

Each entry is preceded by a comment giving its evidence: how many documents, over which dates, the first
sources, and the corpus id its timeline answers to. A spelling another KB entry already claims is left out of
the aliases (and named in the comment), so a reviewed file merges without a conflict.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

from ..knowledge.kb import KnowledgeBase
from ..text.normalize import fold, name_key
from .identity import Cluster
from .timeline import timeline

FIRST_SOURCES = 3  # sources named in an entry's evidence comment
HEADER = ("# nerlibya kb suggest: people and organisations the corpus names that the knowledge base does not know.\n"
          "# Review each entry (names, surnames, offices; 'start'/'end' are the first and last article dates that\n"
          "# give the title: set 'end' to null if the office is still held), then: nerlibya kb add FILE --kb FOLDER\n")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # 'person' or 'organisation'
    entry: dict  # in the KB's field order
    evidence: str  # one comment line, without '#'


def suggest(clusters: Iterable[Cluster], kb: KnowledgeBase, min_documents: int = 2) -> list[Suggestion]:
    """A suggestion per unknown entity seen in at least `min_documents` documents, sorted by kind then id."""
    taken = set(kb.by_id)
    suggestions = []
    for entity in sorted(clusters, key=lambda c: (-len(c.documents), c.id)):
        if entity.kb_id or len(entity.documents) < min_documents or kb.by_alias.get(name_key(entity.name)):
            continue  # known, too rare, or a name the KB gives another entry (the linker found it ambiguous)
        entry_id = _free_id(_slug(entity.name), taken)
        taken.add(entry_id)
        aliases, claimed = _aliases(entity, kb)
        if entity.kind == "person":
            entry = _person(entity, entry_id, aliases, kb)
        else:
            entry = _organisation(entity, entry_id, aliases)
        suggestions.append(Suggestion(entity.kind, entry, _evidence(entity, claimed)))
    return sorted(suggestions, key=lambda s: (s.kind, s.entry["id"]))


def to_yaml(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as one YAML file in the KB's style: double-quoted strings, an entry per block."""
    blocks = [f"# {s.evidence}\n" + "\n".join(entry_lines(s.entry)) + "\n" for s in suggestions]
    return HEADER + "".join("\n" + block for block in blocks)


def entry_lines(entry: dict) -> list[str]:
    """One KB entry as YAML lines: '- id: "x"', then its fields indented, lists of strings or of offices."""
    lines = []
    for n, (key, value) in enumerate(entry.items()):
        lead = "- " if n == 0 else "  "
        if not isinstance(value, list):
            lines.append(f"{lead}{key}: {_scalar(value)}")
        elif not value:
            lines.append(f"{lead}{key}: []")
        else:
            lines.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict):
                    lines += [("    - " if i == 0 else "      ") + f"{k}: {_scalar(v)}"
                              for i, (k, v) in enumerate(item.items())]
                else:
                    lines.append(f"    - {_scalar(item)}")
    return lines


def _scalar(value) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _person(entity: Cluster, entry_id: str, aliases: list[str], kb: KnowledgeBase) -> dict:
    surnames = {}
    for spelling in (entity.name, *aliases):
        surnames.setdefault(name_key(spelling.split()[-1]), spelling.split()[-1])
    offices = [{"title": row.title,
                "organisation": row.organisation_id if _is_organisation(kb, row.organisation_id) else None,
                "start": row.first_date[:7] if row.first_date else None,
                "end": row.last_date[:7] if row.last_date else None} for row in timeline(entity)]
    return {"id": entry_id, "name": entity.name, "aliases": aliases,
            "surnames": list(surnames.values()) if len(entity.name.split()) > 1 else [], "country": None,
            "offices": offices}


def _is_organisation(kb: KnowledgeBase, entity_id: str | None) -> bool:
    entity = kb.by_id.get(entity_id) if entity_id else None
    return entity is not None and entity.kind == "organisation"


def _organisation(entity: Cluster, entry_id: str, aliases: list[str]) -> dict:
    return {"id": entry_id, "name": entity.name, "acronyms": [], "aliases": aliases, "kind": "other",
            "country": None, "parent": None}


def _aliases(entity: Cluster, kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Full spellings other than the name, one per name key (a lone surname is no alias), and those another
    KB entry claims."""
    seen = {name_key(entity.name)}
    aliases, claimed = [], []
    for spelling in entity.spellings:
        key = name_key(spelling)
        if key in seen or (entity.kind == "person" and len(key.split()) < 2):
            continue
        seen.add(key)
        (claimed if kb.by_alias.get(key) else aliases).append(spelling)
    return aliases, claimed


def _evidence(entity: Cluster, claimed: list[str]) -> str:
    sources = ", ".join(entity.sources[:FIRST_SOURCES]) + (", ..." if len(entity.sources) > FIRST_SOURCES else "")
    dates = f", {entity.first_date} to {entity.last_date}" if entity.first_date else ""
    note = f"; left out (claimed by another entry): {', '.join(claimed)}" if claimed else ""
    text = f"{len(entity.documents)} documents{dates}; first sources: {sources}; corpus id {entity.id}{note}"
    return " ".join(text.splitlines())  # a comment is one line, whatever a source name holds


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "entry"


def _free_id(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
