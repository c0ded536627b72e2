"""A SQLite corpus: records written into a database that answers questions across documents.

A document is identified by its source; writing it again (a second run over the same folder) replaces its
mentions and roles in place and keeps its row id, so nothing is ever duplicated. Each document is written in
its own transaction: an interrupted run leaves every document either fully old or fully new. Entities are
shared across documents by key (the knowledge-base id, or for entities the knowledge base does not know, the
normalised name nerlibya uses as a key within a document). The schema is `SCHEMA` below and in README.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import ClassVar

from ..engines.base import Extracted
from .corpus_guard import APPLICATION_ID, CorpusWriteError, check_corpus, corpus_source

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL UNIQUE,
    lang          TEXT,
    content_hash  TEXT,            -- sha256 of the decoded text; NULL when the input could not be read
    processed_at  TEXT NOT NULL,   -- UTC, ISO 8601
    date          TEXT,            -- from --date-field (JSONL input), as the input wrote it
    error_kind    TEXT,            -- NULL when the document was processed
    error_message TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,    -- the KB id, or a key local to nerlibya (kind:normalised name)
    kb_id TEXT,
    kind  TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place')),
    name  TEXT NOT NULL,
    label TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    text        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    match       TEXT
);
CREATE TABLE IF NOT EXISTS roles (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES entities(id),
    title           TEXT NOT NULL,
    organisation    TEXT,
    organisation_id INTEGER REFERENCES entities(id),
    of_person       TEXT,
    status          TEXT,
    status_source   TEXT,
    category        TEXT,
    pattern         TEXT NOT NULL,
    text            TEXT NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS roles_document ON roles(document_id);
CREATE INDEX IF NOT EXISTS roles_person ON roles(person_id);
CREATE INDEX IF NOT EXISTS roles_organisation ON roles(organisation_id);
CREATE INDEX IF NOT EXISTS entities_kind_name ON entities(kind, name);
CREATE VIEW IF NOT EXISTS person_roles AS
    SELECT p.name AS person, p.kb_id AS person_kb_id, r.title, r.organisation, o.kb_id AS organisation_kb_id,
           r.status, d.source, d.date, d.lang
    FROM roles r JOIN entities p ON p.id = r.person_id JOIN documents d ON d.id = r.document_id
    LEFT JOIN entities o ON o.id = r.organisation_id;
CREATE VIEW IF NOT EXISTS person_organisation AS
    SELECT p.name AS person, p.kb_id AS person_kb_id, o.name AS organisation, o.kb_id AS organisation_kb_id,
           COUNT(DISTINCT pm.document_id) AS documents
    FROM mentions pm JOIN entities p ON p.id = pm.entity_id AND p.kind = 'person'
    JOIN mentions om ON om.document_id = pm.document_id
    JOIN entities o ON o.id = om.entity_id AND o.kind = 'organisation'
    GROUP BY p.id, o.id;
"""

SCHEMA_VERSION = 1  # PRAGMA user_version of a nerlibya corpus
KIND_OF_GROUP = {"people": "person", "organisations": "organisation", "places": "place"}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class CorpusStore:
    """An open corpus database; `add` writes one record (with its text and date) in one transaction."""

    def __init__(self, path: str | Path):
        try:
            self.connection = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:  # e.g. a new corpus in a read-only folder
            raise CorpusWriteError(path, exc) from None
        try:
            self._prepare(path)
        except BaseException:
            self.connection.close()
            raise

    def _prepare(self, path: str | Path) -> None:
        """The schema, created in a new database; an existing database must be an intact nerlibya corpus
        (corpus_guard), checked before anything is written."""
        db = self.connection
        check_corpus(db, path, SCHEMA_VERSION)
        db.execute("PRAGMA foreign_keys = ON")
        try:
            db.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; "
                             f"PRAGMA application_id = {APPLICATION_ID}; COMMIT;")
        except sqlite3.OperationalError as exc:
            raise CorpusWriteError(path, exc) from None

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def add(self, record: dict, text: str | None, date: str | None = None) -> None:
        """Insert or replace one document, all or nothing."""
        try:
            self._add(record, text, date)
        except UnicodeEncodeError:  # a lone surrogate (e.g. in a JSONL id): stored as U+FFFD, offsets unchanged
            self._add(*_storable((record, text, date)))

    def _add(self, record: dict, text: str | None, date: str | None) -> None:
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            document_id = self._upsert_document(record, text, date)
            before = self._entities_of(document_id)
            db.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
            db.execute("DELETE FROM roles WHERE document_id = ?", (document_id,))
            if "error" not in record:
                self._insert_entities(document_id, record)
            self._forget_unused(before)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (a full disk)
                db.execute("ROLLBACK")
            raise

    def _upsert_document(self, record: dict, text: str | None, date: str | None) -> int:
        error = record.get("error") or {}
        row = (record["source"], record.get("lang"), content_hash(text) if text is not None else None,
               datetime.now(timezone.utc).isoformat(timespec="seconds"), date, error.get("kind"),
               error.get("message"))
        return self.connection.execute(
            """INSERT INTO documents (source, lang, content_hash, processed_at, date, error_kind, error_message)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(source) DO UPDATE SET lang = excluded.lang, content_hash = excluded.content_hash,
                   processed_at = excluded.processed_at, date = excluded.date, error_kind = excluded.error_kind,
                   error_message = excluded.error_message
               RETURNING id""", row).fetchone()[0]

    def _entity_id(self, entity: dict, kind: str) -> int:
        return self.connection.execute(
            """INSERT INTO entities (key, kb_id, kind, name, label) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(key) DO UPDATE SET name = excluded.name, label = excluded.label
               RETURNING id""", (entity["key"], entity["id"], kind, entity["name"], entity["label"])).fetchone()[0]

    def _insert_entities(self, document_id: int, record: dict) -> None:
        ids: dict[str, int] = {}
        for group, kind in KIND_OF_GROUP.items():
            for entity in record[group]:
                entity_id = ids[entity["key"]] = self._entity_id(entity, kind)
                self.connection.executemany(
                    'INSERT INTO mentions (document_id, entity_id, text, start_char, end_char, label, match) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(document_id, entity_id, m["text"], m["start"], m["end"], entity["label"], entity["match"])
                     for m in entity["mentions"]])
        organisations = {(o["id"] or o["name"]): ids[o["key"]] for o in record["organisations"]}
        for person in record["people"]:
            self.connection.executemany(
                """INSERT INTO roles (document_id, person_id, title, organisation, organisation_id, of_person,
                       status, status_source, category, pattern, text, start_char, end_char)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [(document_id, ids[person["key"]], r["title"], r["organisation"], self._organisation_of(r, organisations),
                  r["of"], r["status"], r["status_source"], r["category"], r["pattern"], r["text"], r["start"], r["end"])
                 for r in person["roles"]])

    def _organisation_of(self, role: dict, organisations: dict[str, int]) -> int | None:
        """The entity row of a role's organisation: one the text names, or, when the KB supplied the organisation
        (an office's) without the text naming it, the KB entity itself, so no organisation id is lost."""
        found = organisations.get(role["organisation_id"] or role["organisation"])
        if found is None and role["organisation_id"]:
            kb_id = role["organisation_id"]
            found = organisations[kb_id] = self._entity_id(
                {"key": kb_id, "id": kb_id, "name": role["organisation"] or kb_id, "label": "ORG"}, "organisation")
        return found

    def _entities_of(self, document_id: int) -> list[tuple[int]]:
        return self.connection.execute(
            """SELECT entity_id FROM mentions WHERE document_id = ?1
               UNION SELECT organisation_id FROM roles WHERE document_id = ?1 AND organisation_id IS NOT NULL""",
            (document_id,)).fetchall()

    def _forget_unused(self, entity_ids: list[tuple[int]]) -> None:
        """An entity that no document mentions any more (its only document changed) leaves the table."""
        self.connection.executemany(
            """DELETE FROM entities WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM roles WHERE person_id = ?1 OR organisation_id = ?1)""", entity_ids)


def _storable(value):
    """The same value with every lone surrogate replaced by U+FFFD (one character for one: offsets hold)."""
    if isinstance(value, str):
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_storable(v) for v in value)
    return value


class SqliteSink:
    """A corpus database updated in place: one transaction per document."""

    needs_text: ClassVar[bool] = True

    def __init__(self, path: str | Path, resolve_sources: bool = False):
        self.path, self.resolve_sources = path, resolve_sources  # text inputs: a file is one document
        self.store = CorpusStore(path)

    def write(self, item: Extracted) -> None:
        record = item.record
        if self.resolve_sources:
            record = {**record, "source": corpus_source(record["source"])}
        try:
            self.store.add(record, item.text, item.date)
        except sqlite3.OperationalError as exc:  # disk full, read-only, locked: this document was rolled back
            raise CorpusWriteError(self.path, exc) from None

    def finish(self) -> None:
        pass

    def close(self) -> None:
        self.store.close()
