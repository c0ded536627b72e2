"""`nerlibya corpus ...`: questions across a SQLite corpus written by `extract -f sqlite`, read-only.

Thin wrappers of `nerlibya.corpus`: read the observations, cluster them into entities, print rows with
`sinks.rows`. A path that names no file is a usage error (exit 2), a file that is not a nerlibya corpus cannot
start (exit 3), a person the corpus does not know is exit 2 with a hint.
"""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional, TextIO

import typer

from .exits import EXIT_USAGE, fail, one_line
from .help import Command, Group

corpus_app = typer.Typer(cls=Group, no_args_is_help=True,
                         help="Questions across a SQLite corpus (extract -f sqlite): people, organisations, timelines.")


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


ENTITY_COLUMNS = (("name", "Name"), ("id", "Id"), ("spellings", "Spellings"), ("documents", "Documents"),
                  ("first_date", "First"), ("last_date", "Last"), ("titles", "Titles"))
ENTITY_TABLE = ((("name", "id"), "Name / id"), ("spellings", "Spellings"), ("documents", "Docs"),
                (("first_date", "last_date"), "First / last"), ("titles", "Titles"))
TIMELINE_COLUMNS = (("title", "Title"), ("organisation", "Organisation"), ("first_date", "First"),
                    ("last_date", "Last"), ("documents", "Documents"), ("sources", "Sources"))
HOLDER_COLUMNS = (("name", "Person"), ("id", "Id"), ("organisation", "Organisation"), ("first_date", "First"),
                  ("last_date", "Last"), ("documents", "Documents"), ("sources", "Sources"))
HOLDER_TABLE = ((("name", "id"), "Person / id"), ("organisation", "Organisation"),
                (("first_date", "last_date"), "First / last"), ("documents", "Docs"), ("sources", "Sources"))

_DATABASE = typer.Argument(..., metavar="CORPUS.db", help="A corpus written by 'extract -f sqlite -o CORPUS.db'.")
_FORMAT = typer.Option(RowFormat.table, "--format", "-f", help="table, json, jsonl or csv.")
_OUTPUT = typer.Option(None, "--output", "-o", metavar="PATH", help="Write to this file (default: stdout).")


def clusters(database: Path, kinds: tuple[str, ...]) -> list:
    """The corpus's entities of these kinds; a one-line error and its exit code for a bad database."""
    from ..corpus.identity import cluster
    from ..corpus.store import read_observations
    from ..errors import NerlibyaError

    must_exist(database)
    try:
        return cluster(read_observations(database, kinds))
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)


def must_exist(database: Path) -> None:
    if not database.is_file():
        raise fail(f"{one_line(str(database))}: no such corpus database (write one with 'extract -f sqlite -o FILE')",
                   EXIT_USAGE)


def emit(rows: list[dict], columns, output_format: RowFormat, output: Optional[Path], title: str,
         table_columns=None) -> None:
    from ..sinks.rows import write_rows

    with output_to(output) as out:
        write_rows(rows, columns, output_format.value, out, title, table_columns)


@contextmanager
def output_to(output: Optional[Path]) -> Iterator[TextIO]:
    """stdout or an --output file written atomically; a failed write (exit 4) or a reader gone, as extract's."""
    from ..errors import OutputError
    from .exits import exit_for
    from .output_files import open_output

    try:
        with open_output(output) as out:
            yield out
    except (OutputError, BrokenPipeError) as exc:
        raise exit_for(exc, 0)


def entity_rows(database: Path, kind: str) -> list[dict]:
    """One row per real entity, most documents first."""
    entities = sorted(clusters(database, (kind,)), key=lambda c: (-len(c.documents), c.name, c.id))
    return [entity.to_dict() for entity in entities]


@corpus_app.command("people", cls=Command)
def people(database: Path = _DATABASE, output_format: RowFormat = _FORMAT, output: Optional[Path] = _OUTPUT) -> None:
    """One row per real person across the corpus: KB id or corpus id, every spelling, documents, dates, titles."""
    emit(entity_rows(database, "person"), ENTITY_COLUMNS, output_format, output, "People", ENTITY_TABLE)


@corpus_app.command("organisations", cls=Command)
def organisations(database: Path = _DATABASE, output_format: RowFormat = _FORMAT,
                  output: Optional[Path] = _OUTPUT) -> None:
    """One row per real organisation across the corpus: KB id or corpus id, every spelling, documents, dates."""
    emit(entity_rows(database, "organisation"), ENTITY_COLUMNS, output_format, output, "Organisations", ENTITY_TABLE)


@corpus_app.command("timeline", cls=Command)
def timeline(database: Path = _DATABASE,
             person: Optional[str] = typer.Argument(None, metavar="PERSON",
                                                    help="A KB id, a corpus id or any spelling the corpus saw."),
             office: Optional[str] = typer.Option(None, "--office", metavar="TITLE",
                                                  help='Who held this title, and when (e.g. "Prime Minister").'),
             output_format: RowFormat = _FORMAT, output: Optional[Path] = _OUTPUT) -> None:
    """A person's titles over time (title, organisation, first and last date, documents, sources), or with
    --office, everyone given that title and when."""
    from ..corpus.timeline import EntityNotFound, find_entity, office_holders
    from ..corpus.timeline import timeline as person_timeline

    if (person is None) == (office is None):
        raise fail("give a PERSON or --office TITLE (one of them)", EXIT_USAGE)
    entities = clusters(database, ("person",))
    if office is not None:
        rows = office_holders(entities, office)
        emit([r.to_dict() for r in rows], HOLDER_COLUMNS, output_format, output, f"Holders of {office}",
             HOLDER_TABLE)
        return
    try:
        entity = find_entity(entities, person)
    except EntityNotFound as exc:
        raise fail(one_line(f"{exc} (list them with 'nerlibya corpus people {database}')"), EXIT_USAGE)
    rows = person_timeline(entity)
    emit([r.to_dict() for r in rows], TIMELINE_COLUMNS, output_format, output, f"{entity.name} ({entity.id})")


@corpus_app.command("metadata", cls=Command)
def metadata(database: Path = _DATABASE, output: Optional[Path] = _OUTPUT) -> None:
    """Datasette metadata for the corpus (labels, facets, canned queries person_timeline and office_holders):
    datasette CORPUS.db --metadata metadata.json."""
    from ..corpus.datasette import metadata as datasette_metadata
    from ..corpus.datasette import to_json
    from ..corpus.store import connect
    from ..errors import NerlibyaError

    must_exist(database)
    try:
        connect(database).close()
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    with output_to(output) as out:
        out.write(to_json(datasette_metadata(database.stem)))
