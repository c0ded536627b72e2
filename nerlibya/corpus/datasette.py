"""Metadata that opens a corpus database in Datasette as a research tool: labels, facets, and canned queries.

`datasette CORPUS.db --metadata metadata.json` then shows entities by name (not by row id), facets on kind,
title, organisation and date, and two forms an analyst fills in: a person's timeline (by KB id, key, name or
any spelling a mention took) and the holders of an office. The queries read the corpus as written, entity by
entity; they do not repeat the cross-article clustering of `identity` (SQL cannot call it).
"""

from __future__ import annotations

import json

_ROLE_ROWS = """FROM roles r
JOIN entities p ON p.id = r.person_id
JOIN documents d ON d.id = r.document_id
LEFT JOIN entities o ON o.id = r.organisation_id"""

PERSON_TIMELINE = f"""SELECT r.title, COALESCE(r.organisation, o.name) AS organisation, MIN(d.date) AS first_date,
       MAX(d.date) AS last_date, COUNT(DISTINCT d.id) AS documents, GROUP_CONCAT(DISTINCT d.source) AS sources
{_ROLE_ROWS}
WHERE p.kind = 'person' AND (p.kb_id = :person OR p.key = :person OR p.name = :person COLLATE NOCASE
       OR p.id IN (SELECT entity_id FROM mentions WHERE text = :person COLLATE NOCASE))
GROUP BY lower(r.title), lower(COALESCE(r.organisation, o.name))
ORDER BY first_date, last_date, r.title"""

OFFICE_HOLDERS = f"""SELECT p.name AS person, p.kb_id AS person_kb_id, COALESCE(r.organisation, o.name) AS organisation,
       MIN(d.date) AS first_date, MAX(d.date) AS last_date, COUNT(DISTINCT d.id) AS documents,
       GROUP_CONCAT(DISTINCT d.source) AS sources
{_ROLE_ROWS}
WHERE lower(r.title) = lower(:office)
GROUP BY p.id, lower(COALESCE(r.organisation, o.name))
ORDER BY first_date, last_date, person"""


def metadata(database: str = "corpus", title: str = "nerlibya corpus") -> dict:
    """Datasette metadata for a corpus database opened under the name `database` (its file name, less .db)."""
    return {
        "title": title,
        "description": "People, organisations and places extracted by nerlibya, with the roles articles give people.",
        "databases": {database: {
            "tables": {
                "documents": {"label_column": "source", "facets": ["lang", {"date": "date"}, "error_kind"],
                              "description": "One row per input; date as the input gave it (--date-field)."},
                "entities": {"label_column": "name", "facets": ["kind", "label"],
                             "description": "One row per entity key: a KB id, or kind:normalised name."},
                "mentions": {"facets": ["label", "match"], "description": "Each place an entity is named."},
                "roles": {"label_column": "title", "facets": ["title", "organisation", "status"],
                          "description": "A title an article gives a person, with its organisation and status."},
                "person_roles": {"facets": ["title", "organisation", {"date": "date"}, "status"]},
            },
            "queries": {
                "person_timeline": {"title": "A person's timeline", "sql": PERSON_TIMELINE,
                                    "description": "Titles and organisations of one person (KB id, name or any "
                                                   "spelling), with the first and last article dates."},
                "office_holders": {"title": "Holders of an office", "sql": OFFICE_HOLDERS,
                                   "description": "Everyone given this title (e.g. Prime Minister), and when."},
            },
        }},
    }


def to_json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
