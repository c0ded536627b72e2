"""Exit codes, and the one stderr line that goes with each way a run can stop; never a traceback.

  0  every input was processed
  1  some inputs failed (each has an error record and a line on stderr); the rest were processed
  2  usage error (bad option or argument)
  3  cannot start: the knowledge base is invalid or the statistical model is not installed
  4  cannot write the output (no permission, disk full); an --output file is left as it was
  130 / 143 interrupted by Ctrl-C / SIGTERM; every line already written is complete, no partial --output file
"""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

from ..errors import NerlibyaError, OutputError
from ..text.controls import escape_controls
from .signals import Interrupted

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_SETUP, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

stderr = Console(stderr=True, highlight=False, soft_wrap=True)



def one_line(text: str) -> str:
    """Control characters escaped, so that a name or message can never break the one-line-per-error rule nor
    send an escape sequence to the terminal."""
    return escape_controls(text)


def fail(message: str, code: int) -> typer.Exit:
    stderr.print(f"nerlibya: error: {one_line(message)}", markup=False)
    return typer.Exit(code)


def exit_for(exc: BaseException, failed: int) -> BaseException:
    """The exit (code and one stderr line) for what stopped a run with `failed` error records so far."""
    if isinstance(exc, (typer.Exit, SystemExit)):
        return exc
    if isinstance(exc, OutputError):
        silence_output()  # stdout may hold unwritable bytes that Python would try again at exit
        return quiet_fail(one_line(str(exc)), exc.exit_code)
    if isinstance(exc, NerlibyaError):
        return fail(one_line(str(exc)), exc.exit_code)
    if isinstance(exc, BrokenPipeError):
        silence_output()
        return typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)
    if isinstance(exc, KeyboardInterrupt):
        return quiet_fail("interrupted", EXIT_INTERRUPTED)
    if isinstance(exc, Interrupted):
        return quiet_fail("terminated", exc.code)
    if isinstance(exc, Exception):  # a bug: one line, never a traceback
        return quiet_fail(one_line(f"internal error: {type(exc).__name__}: {exc}"), EXIT_SOME_FAILED)
    return exc


def quiet_fail(message: str, code: int) -> typer.Exit:
    """`fail`, but a reader that went away (stderr a closed pipe) does not turn into a traceback."""
    try:
        sys.stderr.write(f"nerlibya: error: {one_line(message)}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError, ValueError):
        silence_output()
    return typer.Exit(code)


def silence_output() -> None:
    """After the reader went away (`| head`), point stdout (and stderr, if it is the broken one) at /dev/null
    so that the flush at exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError, ValueError, AttributeError):
            try:
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError, AttributeError):
                pass
    os.close(devnull)
