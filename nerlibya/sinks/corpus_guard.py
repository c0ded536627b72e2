"""What makes a SQLite file a nerlibya corpus, checked before anything is written, and how a corpus that
cannot be written (disk full, read-only folder, locked by another program) is reported: exit 4, one line.

A corpus carries nerlibya's mark (`PRAGMA application_id`) and its tables; one written before the mark
existed is recognised by its user_version and tables and gets the mark on its next write. Anything else with
tables is another application's database and is refused untouched (exit 3), and so is a corrupt corpus.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import NerlibyaError, OutputError

APPLICATION_ID = 0x4E4C4259  # "NLBY": PRAGMA application_id of a nerlibya corpus
CORPUS_TABLES = {"documents": {"source", "content_hash", "error_kind"}, "entities": {"key", "kind", "name"},
                 "mentions": {"document_id", "entity_id"}, "roles": {"document_id", "person_id", "title"}}


class CorpusError(NerlibyaError):
    """--output is not an intact nerlibya corpus (exit 3); nothing has been written."""

    kind = "output"


class CorpusWriteError(OutputError):
    """The corpus cannot be written now (disk full, read-only, locked); documents already written are whole."""

    def __init__(self, path: str | Path, exc: sqlite3.Error):
        self.target = str(path)
        NerlibyaError.__init__(self, f"{path}: cannot write the corpus: {exc}")


def check_corpus(db: sqlite3.Connection, path: str | Path, schema_version: int) -> bool:
    """True for a nerlibya corpus (False for a database without tables: a new corpus); anything else is a
    CorpusError, raised before anything is written."""
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {name: {column[1] for column in db.execute("SELECT * FROM pragma_table_info(?)", (name,))}
                  for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise CorpusWriteError(path, exc) from None
        raise CorpusError(f"{path}: not a SQLite database ({exc})") from None
    if not tables and application_id in (0, APPLICATION_ID):
        return False
    ours = all(columns <= tables.get(table, set()) for table, columns in CORPUS_TABLES.items())
    if application_id not in (0, APPLICATION_ID) or not ours:
        raise CorpusError(f"{path}: a SQLite database of another application, not a nerlibya corpus; "
                          "choose another --output")
    if version != schema_version:
        raise CorpusError(f"{path}: a nerlibya corpus of another schema (user_version {version}, expected "
                          f"{schema_version}); choose another --output")
    _check_intact(db, path)
    return True


def _check_intact(db: sqlite3.Connection, path: str | Path) -> None:
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise CorpusWriteError(path, exc) from None
        problems = [str(exc)]
    if problems != ["ok"]:
        raise CorpusError(f"{path}: the corpus is corrupt ({' '.join(problems[0].split())[:200]}); nothing was "
                          "written; restore it from a copy or choose another --output")


def _busy(exc: sqlite3.Error) -> bool:
    """Locked by another program (SQLITE_BUSY, SQLITE_LOCKED): the corpus is fine, just not writable now."""
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (5, 6)


def corpus_source(source: str) -> str:
    """A document's identity in a corpus: a file's resolved path (however the command line spelt it), else
    the source as it is (a JSONL id, `-`, a URL)."""
    try:
        return os.path.realpath(source) if source != "-" and os.path.isfile(source) else source
    except (OSError, ValueError):
        return source
