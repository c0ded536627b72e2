"""`nerlibya kb ...`: inspect and check the knowledge base. Further kb commands (suggest, add) belong here."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .exits import EXIT_SETUP, EXIT_USAGE, fail, one_line, stderr
from .help import Command, Group

kb_app = typer.Typer(cls=Group, no_args_is_help=True, help="Inspect and check the knowledge base.")


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

