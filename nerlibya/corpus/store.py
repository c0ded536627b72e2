"""Read what the corpus commands need from a corpus database written by `extract -f sqlite`, read-only.

One observation per entity per document: the forms its mentions took, its KB id, the roles the article gave
it (title and organisation), and the places the article names. Documents that failed are left out.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .bulk import collector_paused
from ..core.dates import iso_date
from ..errors import NerlibyaError
from ..text.normalize import name_key
from .identity import Observation, RoleSeen

CORPUS_VERSION = 1  # PRAGMA user_version the corpus writer sets
KINDS = ("person", "organisation")
_TABLES = {"documents", "entities", "mentions", "roles"}


class CorpusReadError(NerlibyaError):
    """The file is not a readable nerlibya corpus database."""

    kind = "input"


@dataclass(frozen=True)
class Document:
    id: int
    source: str
    date: str | None  # ISO prefix, None when absent or unreadable


def connect(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to a nerlibya corpus; CorpusReadError in one line otherwise."""
    file = Path(path)
    if not file.is_file():
        raise CorpusReadError(f"{path}: no such corpus database")
    try:
        connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise CorpusReadError(f"{path}: not a SQLite database ({exc})") from None
    if version != CORPUS_VERSION or not _TABLES <= tables:
        connection.close()
        raise CorpusReadError(f"{path}: a SQLite database, but not a nerlibya corpus (write one with "
                              "'extract -f sqlite -o FILE')")
    return connection


def read_documents(connection: sqlite3.Connection) -> dict[int, Document]:
    rows = connection.execute("SELECT id, source, date FROM documents WHERE error_kind IS NULL ORDER BY id")
    return {id_: Document(id_, source, iso_date(date)) for id_, source, date in rows}


def read_observations(path: str | Path, kinds: tuple[str, ...] = KINDS) -> list[Observation]:
    """Every person and organisation observation of the corpus at `path` (or only those of `kinds`)."""
    connection = connect(path)
    try:
        with collector_paused():
            return _observations(connection, kinds)
    except sqlite3.Error as exc:
        raise CorpusReadError(f"{path}: cannot read the corpus ({exc})") from None
    finally:
        connection.close()


def _observations(connection: sqlite3.Connection, kinds: tuple[str, ...]) -> list[Observation]:
    documents = read_documents(connection)
    entities = {id_: (kind, kb_id, name) for id_, kind, kb_id, name
                in connection.execute("SELECT id, kind, kb_id, name FROM entities")}
    forms: dict[tuple[int, int], dict[str, None]] = defaultdict(dict)  # distinct texts, in the article's order
    for document_id, entity_id, text in connection.execute(
            "SELECT document_id, entity_id, text FROM mentions ORDER BY id"):  # as written: record order
        forms[(document_id, entity_id)][text] = None
    places = _places(forms, entities)
    roles = _roles(connection)
    observations = []
    for (document_id, entity_id), seen in forms.items():
        kind, kb_id, name = entities[entity_id]
        document = documents.get(document_id)
        if kind not in kinds or document is None:
            continue
        observations.append(Observation(
            doc=document_id, source=document.source, kind=kind, date=document.date, forms=tuple(seen),
            name=name if kb_id else _fullest(list(seen)), kb_id=kb_id,
            roles=tuple(roles.get((document_id, entity_id), ())), places=places.get(document_id, ())))
    return observations


def _places(forms: dict[tuple[int, int], dict], entities: dict[int, tuple]) -> dict[int, tuple[str, ...]]:
    """Per document, the places it names (KB id or name key), sorted."""
    places: dict[int, set[str]] = defaultdict(set)
    for document_id, entity_id in forms:
        kind, kb_id, name = entities[entity_id]
        if kind == "place":
            places[document_id].add(kb_id or name_key(name))
    return {document_id: tuple(sorted(keys)) for document_id, keys in places.items()}


def _fullest(forms: list[str]) -> str:
    """The form with the most name parts (then the longest): the article's fullest writing of the name."""
    return forms[0] if len(forms) == 1 else max(forms, key=lambda f: (len(name_key(f).split()), len(f)))


def _roles(connection: sqlite3.Connection) -> dict[tuple[int, int], list[RoleSeen]]:
    """Each person's distinct (title, organisation) per document, in the order the article gave them. A role
    whose organisation id the corpus lost (the KB supplied the organisation, the text did not name it) gets
    it back from an organisation entity of the same name."""
    known = {name_key(name): kb_id for name, kb_id in connection.execute(
        "SELECT name, kb_id FROM entities WHERE kind = 'organisation' AND kb_id IS NOT NULL")}
    roles: dict[tuple[int, int], list[RoleSeen]] = defaultdict(list)
    for document_id, person_id, title, organisation, organisation_id in connection.execute(
            """SELECT r.document_id, r.person_id, r.title, COALESCE(r.organisation, o.name), o.kb_id
               FROM roles r LEFT JOIN entities o ON o.id = r.organisation_id ORDER BY r.document_id, r.start_char"""):
        if organisation and not organisation_id:
            organisation_id = known.get(name_key(organisation))
        role = RoleSeen(title, organisation, organisation_id)
        if role not in roles[(document_id, person_id)]:
            roles[(document_id, person_id)].append(role)
    return roles
