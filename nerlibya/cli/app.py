"""The Typer app: one module per command or command group, registered here (as spaCy's `spacy/cli` does).

A new group (`nerlibya corpus ...`) is a module of its own with its `typer.Typer`, and one `add_typer` line here.
"""

from __future__ import annotations

import typer

from .corpus import corpus_app
from .evaluate import evaluate
from .exits import EXIT_OK
from .extract import extract
from .help import FLAG, Command, Group
from .kb import kb_app

app = typer.Typer(
    cls=Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="People (with roles), organisations and places in news about Libya, from English and French articles.",
)
app.command(cls=Command)(extract)
app.add_typer(kb_app, name="kb")
app.command(cls=Command)(evaluate)
app.add_typer(corpus_app, name="corpus")


def main() -> None:
    app()


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"nerlibya {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _app_options(version: bool = typer.Option(False, "--version", metavar=FLAG, is_eager=True,
                                              callback=_print_version, help="Print the version and exit.")) -> None:
    """People (with roles), organisations and places in news about Libya, from English and French articles."""
