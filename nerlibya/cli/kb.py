"""`nerlibya kb ...`: inspect and check the knowledge base; grow it from a corpus (suggest, then add)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .exits import EXIT_SETUP, EXIT_USAGE, fail, one_line, stderr
from .help import Command, Group

kb_app = typer.Typer(cls=Group, no_args_is_help=True,
                     help="Inspect and check the knowledge base; grow it from a corpus (suggest, add).")


@kb_app.command("validate", cls=Command)
def kb_validate(folder: Optional[Path] = typer.Argument(None, metavar="FOLDER",
                                                        help="Knowledge-base folder (default: packaged).")) -> None:
    """Check the knowledge base: schema, duplicate ids, aliases claimed twice, references, order."""
    from ..knowledge.kb import check_kb, default_kb_path

    folder = folder or default_kb_path()
    problems, counts = check_kb(folder)
    for problem in problems:
        stderr.print(str(problem), markup=False)
    checked = ", ".join(f"{number} {what}" for what, number in counts.items())
    if problems:
        raise fail(f"{len(problems)} problem(s) in the knowledge base {folder} (checked {checked})", EXIT_SETUP)
    typer.echo(f"knowledge base OK: {folder}: checked {checked}")


@kb_app.command("show", cls=Command)
def kb_show(entity_id: str = typer.Argument(..., metavar="ID", help="An entity id, e.g. khalifa-haftar."),
            folder: Optional[Path] = typer.Option(None, "--kb", metavar="FOLDER", help="Knowledge-base folder.")) -> None:
    """Print one knowledge-base entry as JSON."""
    import dataclasses
    import json

    from ..errors import KnowledgeBaseError
    from ..knowledge.kb import load_kb

    try:
        kb = load_kb(str(folder) if folder else None)
    except KnowledgeBaseError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    entity = kb.by_id.get(entity_id)
    if entity is None:
        raise fail(f"no entity with id {entity_id!r}", EXIT_USAGE)
    typer.echo(json.dumps(dataclasses.asdict(entity), ensure_ascii=False, indent=2))



@kb_app.command("suggest", cls=Command)
def kb_suggest(database: Path = typer.Argument(..., metavar="CORPUS.db", help="A corpus written by 'extract -f sqlite'."),
               min_documents: int = typer.Option(2, "--min-documents", metavar="N", min=1,
                                                 help="Suggest only entities seen in at least N documents."),
               output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="PATH",
                                                     help="Write the YAML here (default: stdout)."),
               folder: Optional[Path] = typer.Option(None, "--kb", metavar="FOLDER",
                                                     help="The knowledge base to compare with (default: packaged).")) -> None:
    """KB entries (the KB's YAML, each with a comment giving its evidence) for the people and organisations the
    corpus keeps naming that the knowledge base does not know; review them, then 'kb add'."""
    from ..corpus.suggest import suggest, to_yaml
    from ..errors import KnowledgeBaseError
    from ..knowledge.kb import load_kb
    from .corpus import clusters, output_to

    try:
        kb = load_kb(str(folder) if folder else None)
    except KnowledgeBaseError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    suggestions = suggest(clusters(database, ("person", "organisation")), kb, min_documents)
    with output_to(output) as out:
        out.write(to_yaml(suggestions))
    if output is not None:
        stderr.print(f"{len(suggestions)} entries suggested in {output}: review them, then "
                     f"'nerlibya kb add {output} --kb FOLDER'", markup=False)


@kb_app.command("add", cls=Command)
def kb_add(reviewed: Path = typer.Argument(..., metavar="FILE", help="Reviewed entries (from 'kb suggest')."),
           folder: Path = typer.Option(..., "--kb", metavar="FOLDER", help="The knowledge-base folder to add them to.")) -> None:
    """Merge reviewed entries into a knowledge-base folder, sorted and validated; all or nothing: an id taken or
    a name or alias another entry claims is refused in one line, and nothing is written."""
    from ..corpus.kb_merge import merge
    from ..errors import NerlibyaError

    if not reviewed.is_file():
        raise fail(f"{one_line(str(reviewed))}: no such file", EXIT_USAGE)
    if not folder.is_dir():
        raise fail(f"{one_line(str(folder))}: not a knowledge-base folder", EXIT_USAGE)
    try:
        added = merge(reviewed, folder)
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    for filename, ids in added.items():
        typer.echo(f"added to {folder / filename}: {', '.join(ids)}")
