"""Help and usage errors for people, not for Python: typer prints a type such as '<bool>' or '<list[str]>'
beside each parameter, and a user's mistake as a boxed "Usage: ... Error" panel; nerlibya's commands show a
metavar (PATH, NAME, N) or nothing for an on/off flag, and a mistake as one line (as git and grep do)."""

from __future__ import annotations

import sys

import typer.core
from typer._click import exceptions as click  # typer's own click (0.29 vendors it)

from ..text.controls import escape_controls

EXIT_USAGE = 2


def _report(error: click.ClickException) -> int:
    """`nerlibya: error: <one line>` (and where to find help, for a usage error) on stderr; the exit code."""
    message = error.format_message().replace("Value error, ", "")  # typer's validation says it for every value
    lines = [f"nerlibya: error: {escape_controls(message)}"]
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        lines.append(f"Try '{ctx.command_path} -h' for help.")
    sys.stderr.write("\n".join(lines) + "\n")
    return error.exit_code


class _OneLineErrors:
    """A usage error (a missing argument, an unknown option, a value out of range) is one line, exit 2; no
    argument at all shows the help."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.NoArgsIsHelpError as error:
            sys.stdout.write(error.ctx.get_help() + "\n")
            code = EXIT_USAGE
        except click.ClickException as error:
            code = _report(error)
        except typer.Abort:
            sys.stderr.write("nerlibya: error: aborted\n")
            code = 1
        sys.exit(code if isinstance(code, int) else 0)


class _HelpWithoutType:
    """-h/--help listed without a '<bool>' type beside it (typer shows one for every flag)."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class _NamedArgument(typer.core.TyperArgument):
    """An argument given a metavar shows only that in --help, not also a Python type such as '<list[str]>'."""

    def display_type_rich(self, ctx):
        return None if self.metavar else super().display_type_rich(ctx)


class Command(_OneLineErrors, _HelpWithoutType, typer.core.TyperCommand):
    """A command whose --help shows metavars, not Python types (pass as `@app.command(cls=Command)`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _NamedArgument


class Group(_OneLineErrors, _HelpWithoutType, typer.core.TyperGroup):
    """The same for a group of commands (`typer.Typer(cls=Group)`)."""


FLAG = ""  # metavar for on/off options: nothing in the type column
