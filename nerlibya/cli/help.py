"""Help text for people, not for Python: typer prints a type such as '<bool>' or '<list[str]>' beside each
parameter; nerlibya's commands show a metavar (PATH, NAME, N) or nothing for an on/off flag."""

from __future__ import annotations

import typer.core


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


class Command(_HelpWithoutType, typer.core.TyperCommand):
    """A command whose --help shows metavars, not Python types (pass as `@app.command(cls=Command)`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _NamedArgument


class Group(_HelpWithoutType, typer.core.TyperGroup):
    """The same for a group of commands (`typer.Typer(cls=Group)`)."""


FLAG = ""  # metavar for on/off options: nothing in the type column
